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
import type { Card } from '../notes/deck-format';
import { tableReading, tableSideKey, type TableContent } from '../io/table-card';
import { groupBy } from '../io/group-by';
import { Queue, type CardRecord } from './schema';
import { sameValue } from './same-value';

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
