/**
 * Reading a deck for the deck page: the deck with every card it ever had,
 * retired cards included, since their history is kept and the learner may
 * miss them, and the sub-decks under it (`Deck::Sub`, srs/deck-tree.ts).
 */
import { buildDeckTree, deckPath, findNode, pathName } from '../srs/deck-tree';
import { cardsInDeck } from './lookups';
import { Queue, type CardRecord, type DeckRecord, type RecallDatabase } from './schema';

export interface DeckView {
	deck: DeckRecord;
	/** The deck's cards in note order, then its retired cards in the order they had. */
	cards: CardRecord[];
	/** The decks right under it, by name: a sub-deck known only from its own sub-decks' names has no id. */
	subdecks: { id: string | undefined; name: string; label: string }[];
}

/** A deck and all of its cards, or undefined when there is no such deck. */
export async function loadDeckView(db: RecallDatabase, deckId: string): Promise<DeckView | undefined> {
	return db.transaction('r', db.decks, db.cards, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) return undefined;
		// Cards the learner deleted are kept (with their history) but not shown.
		const cards = (await cardsInDeck(db, deckId).toArray()).filter((card) => card.deletedAt === undefined);
		const retiredLast = (card: CardRecord) => (card.queue === Queue.retired ? 1 : 0);
		cards.sort((a, b) => retiredLast(a) - retiredLast(b) || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		const tree = buildDeckTree(await db.decks.filter((other) => !other.retired || other.id === deckId).toArray());
		const node = findNode(tree, deckPath(deck.name));
		const children = node?.deck?.id === deckId ? node.children : [];
		return { deck, cards, subdecks: children.map((child) => ({ id: child.deck?.id, name: pathName(child.path), label: child.label })) };
	});
}
