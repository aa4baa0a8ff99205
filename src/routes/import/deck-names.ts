import type { DeckRecord } from '$lib/db';

/**
 * Where a long deck name may wrap. A table cell keeps its words whole (app.css) and breaks one only when it is
 * longer than the cell: an Anki deck's name, `Medicine::Pharmacology::Antibiotics`, is one "word" to the
 * browser, which would then break it at any letter. The page puts a word-break opportunity (`<wbr>`) after each
 * part of the name returned here: after `::` (Anki's sub-deck separator), `/` and `_`, where a reader expects it.
 */
const BREAK_AFTER = /(?<=::|\/|_)(?=.)/u;

/** `name` in parts that, laid out one after another with a break opportunity between them, read as `name`. */
export function nameParts(name: string): string[] {
	return name.split(BREAK_AFTER);
}

/**
 * The decks a table may go into, offered under the Columns step's deck name: every live deck's name, once, in
 * the order of the page's language. Chosen (or typed), the name is that deck: the rows go into it, and a row
 * whose front is a card of it is that card (db/table-rows.ts). A deck the learner deleted is not offered.
 */
export function targetDeckNames(decks: readonly Pick<DeckRecord, 'name' | 'retired'>[], locale: string): string[] {
	const names = new Set(decks.filter((deck) => !deck.retired).map((deck) => deck.name));
	return [...names].sort(new Intl.Collator(locale).compare);
}
