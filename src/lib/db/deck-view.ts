/**
 * Reading decks for the pages that show them: the active decks for the home
 * page, and a deck with every card it ever had for the deck page, retired
 * cards included, since their history is kept and the learner may miss them.
 */
import { Dexie } from 'dexie';
import { Queue, type CardRecord, type DeckRecord, type RecallDatabase } from './schema';

/** The decks that are still shipped or imported, by name (then id, so that the order is total). */
export async function loadActiveDecks(db: RecallDatabase): Promise<DeckRecord[]> {
	const decks = await db.decks.filter((deck) => !deck.retired).toArray();
	return decks.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface DeckView {
	deck: DeckRecord;
	/** The deck's cards in note order, then its retired cards in the order they had. */
	cards: CardRecord[];
}

/** A deck and all of its cards, or undefined when there is no such deck. */
export async function loadDeckView(db: RecallDatabase, deckId: string): Promise<DeckView | undefined> {
	return db.transaction('r', db.decks, db.cards, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) return undefined;
		const cards = await db.cards.where('deck').equals(deckId).toArray();
		const retiredLast = (card: CardRecord) => (card.queue === Queue.retired ? 1 : 0);
		cards.sort((a, b) => retiredLast(a) - retiredLast(b) || a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		return { deck, cards };
	});
}

/** How many of a deck's cards are retired: gone from its note, kept for their history. */
export async function countRetiredCards(db: RecallDatabase, deckId: string): Promise<number> {
	return db.cards.where('[deck+queue+order]').between([deckId, Queue.retired, Dexie.minKey], [deckId, Queue.retired, Dexie.maxKey]).count();
}
