/**
 * Which stored card a CSV or TSV row is, besides the card of its id. A row's
 * id is made of its deck and the text of its front (`csvCardId`), so a row
 * finds a card that a table made; but a deck's other cards have other ids: a
 * note's (`md:`), one's own (`manual:`), an Anki package's. Their deck's own
 * CSV export, imported back, would add each of them again as a copy beside
 * it. Anki's CSV import matches a row to the note whose first field it has
 * ("update existing notes when first field matches", its default); so does
 * this, within the row's deck, comparing fronts as the table reader reads the
 * stored card's row (`tableSideKey`).
 *
 * Decided in the merge, not the reader, for the reason package-rows.ts gives:
 * only the merge sees the stored cards.
 */
import type { ImportBundle } from '../io/bundle';
import type { Card } from '../notes/deck-format';
import { csvCardIdIn } from '../io/delimited';
import { tableReading, tableSideKey, type TableContent } from '../io/table-card';
import { groupBy } from '../io/group-by';
import { Queue, type CardRecord, type DeckRecord } from './schema';
import { sameValue } from '../io/same-value';

/** What a table's row says of a card: its deck, sides and tags (see tableReading). */
export function rowContent(card: Card): TableContent {
	return { deck: card.deck, front: card.front, back: card.back, format: card.format, tags: card.tags };
}

/** Whether a table's row says anything of the stored card it is that the card's own row would not. */
export function rowDiffers(card: Card, previous: CardRecord): boolean {
	return !sameValue(tableReading(previous), rowContent(card));
}

/**
 * The stored cards that rows are, by row id.
 *
 * - `rows`: rows of decks the store has, whose ids it does not have, in file order;
 * - `deckCards`: every card of those decks;
 * - `taken`: whether a row of the file is that card by its id.
 *
 * A row is a live card (neither retired nor deleted, and not taken) of its
 * deck with its front, one card to one row: a retired or deleted card is never
 * brought back this way. Where one such card has the front, it is the row
 * that also has its back, else the first row with that front (which then
 * changes its back, as Anki's update does). Where several have it, as a
 * note's cards asked under two headings may, a row is the one of them that
 * also has its back; a row that no single card answers so stays a card of its
 * own, as before rows were matched by their front, and counts as `ambiguous`.
 */
export function cardsOfRows(rows: readonly Card[], deckCards: readonly CardRecord[], taken: (id: string) => boolean): { cards: Map<string, CardRecord>; ambiguous: number } {
	const frontKey = (card: Card) => `${card.deck}\u001f${tableSideKey(card, 'front')}`;
	const backKey = (card: Card) => tableSideKey(card, 'back');
	const cardsByFront = groupBy(
		deckCards.filter((card) => card.queue !== Queue.retired && card.deletedAt === undefined && !taken(card.id)),
		frontKey
	);
	const cards = new Map<string, CardRecord>();
	let ambiguous = 0;
	for (const [front, group] of groupBy(rows, frontKey)) {
		const candidates = cardsByFront.get(front) ?? [];
		const [only] = candidates;
		if (candidates.length === 1 && only) {
			const row = group.find((candidate) => backKey(candidate) === backKey(only)) ?? (group[0] as Card);
			cards.set(row.id, only);
			continue;
		}
		const byBack = groupBy(candidates, backKey);
		for (const row of group) {
			const same = byBack.get(backKey(row));
			// Taken from the list once paired: a repeated row finds none.
			if (same?.length === 1) cards.set(row.id, same.pop() as CardRecord);
			else if (candidates.length > 0) ambiguous++;
		}
	}
	return { cards, ambiguous };
}

/**
 * A table's decks as the store's decks of their names. A table names its deck
 * (Anki's `#deck:`, a deck column, or the name typed in the preview), and its
 * reader can only make an id of that name (`deckIdFor`); but a deck's id is
 * what it was first called, by whoever made it: an Anki package's deck is
 * `anki-` and its slug, and a renamed deck keeps the id of its first name. So
 * their own CSV export, imported back, would make a second deck of copies.
 * Anki's import finds the deck by its name; so does this: a deck of the table
 * whose id the store does not have is the stored deck of its name (the case
 * aside, as Anki compares names), a live one before one the learner deleted,
 * never a retired one (a deck gone from the build, a note's deck retitled).
 * A table that Recall exported names the deck it came from (`exportedFrom`):
 * that deck comes first, so a deck renamed since the export is still found.
 * The rows then take their ids from that deck's (`csvCardIdIn`), as a row of a
 * deck of that name would, so a row is the same card under whatever name the
 * deck is imported, one the learner deleted included; and they find that
 * deck's other cards by their front (`cardsOfRows`).
 */
export function intoNamedDecks(bundle: ImportBundle, stored: readonly DeckRecord[]): ImportBundle {
	const ids = new Set(stored.map((deck) => deck.id));
	const open = stored.filter((deck) => !deck.retired || deck.deletedAt !== undefined);
	const openById = new Map(open.map((deck) => [deck.id, deck]));
	const named = groupBy(open, (deck) => nameKey(deck.name));
	const taken = new Set(bundle.decks.map((deck) => deck.id));
	const moved = new Map<string, DeckRecord>();
	for (const deck of bundle.decks) {
		// Recall's own export names the deck it came from: that deck, renamed since or not, before any of the name.
		const exportedFrom = bundle.exportedFrom?.[deck.id];
		const origin = exportedFrom === undefined || exportedFrom === deck.id ? undefined : openById.get(exportedFrom);
		if (!origin && ids.has(deck.id)) continue;
		const candidates = named.get(nameKey(deck.name)) ?? [];
		const target = origin ?? candidates.find((candidate) => !candidate.retired) ?? candidates[0];
		// Two of the table's decks are never one.
		if (!target || taken.has(target.id)) continue;
		taken.add(target.id);
		moved.set(deck.id, target);
	}
	if (moved.size === 0) return bundle;
	return {
		...bundle,
		decks: bundle.decks.map((deck) => {
			const target = moved.get(deck.id);
			// The deck keeps its name as stored, whatever the case the table wrote it in.
			return target ? { ...deck, id: target.id, name: target.name, cards: deck.cards.map((card) => ({ ...card, id: csvCardIdIn(target.id, card), deck: target.id })) } : deck;
		})
	};
}

function nameKey(name: string): string {
	return name.normalize('NFC').trim().toLowerCase();
}
