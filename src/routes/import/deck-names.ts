import type { DeckRecord } from '$lib/db';

/**
 * The decks a table may go into, offered under the Columns step's deck name: every live deck's name, once, in
 * the order of the page's language. Chosen (or typed), the name is that deck: the rows go into it, and a row
 * whose front is a card of it is that card (db/table-rows.ts). A deck the learner deleted is not offered.
 */
export function targetDeckNames(decks: readonly Pick<DeckRecord, 'name' | 'retired'>[], locale: string): string[] {
	const names = new Set(decks.filter((deck) => !deck.retired).map((deck) => deck.name));
	return [...names].sort(new Intl.Collator(locale).compare);
}
