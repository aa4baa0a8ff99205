/**
 * A card as a CSV or TSV row of it reads back: what the table writer
 * (`deckToDelimited`) and reader (`delimitedToBundle`) in delimited.ts agree
 * on, Anki's Cloze rows included. Apart from them so that the merge (db/imports.ts), which finds the stored
 * card a row is by its front, does not load the table reader and the notes
 * generator it names decks with.
 */
import type { Card } from '../notes/deck-format';
import { htmlToText, readableText, textToHtml } from './html-text';
import { noteFields, tableMediaNaming, type MediaNaming, type RenderSide } from './anki/note-fields';

/** What identifies a side (a row's id is made of its front's): its text, Unicode-normalised, white space collapsed; case and emoji kept. */
export function sideIdentity(side: string, html: boolean): string {
	return (html ? htmlToText(side) : side).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The text of a side as a table reads it: a row's front is what the reader
 * makes the row's card id of, and what rows and stored cards are compared by
 * (db/table-rows.ts), given a stored card's reading of its own row
 * (`renderedTableReading`, `tableReading`).
 */
export function tableSideKey(card: Pick<Card, 'front' | 'back' | 'format'>, side: 'front' | 'back'): string {
	return sideIdentity(card[side], card.format === 'html');
}

/** Tags as the writer puts them in their one column, which the reader splits at spaces and commas. */
export function tagsAsWritten(tags: readonly string[]): string[] {
	return tags.map((tag) => tag.replace(/[\s,]+/g, '_'));
}

/** A card's tags as its row reads back: as written, each once. */
function rowTags(card: Pick<Card, 'tags'>): string[] {
	return [...new Set(tagsAsWritten(card.tags).filter((tag) => tag !== ''))];
}

/** What a table's row carries of a card: the rest (kind, rule, path, images, source) has no column. */
export type TableContent = Pick<Card, 'deck' | 'front' | 'back' | 'format' | 'tags'>;

/**
 * A stored card as its row read back when tables held a Markdown card's text
 * (Recall's export before it rendered cards, or a table written by hand from
 * a note): sides trimmed and as HTML (the text read as plain text, escaped),
 * tags as written. A row that reads so says nothing the card does not.
 */
export function tableReading(card: TableContent): TableContent {
	const side = (text: string) => {
		const field = text.replace(/\r\n?/g, '\n').trim();
		return card.format === 'html' ? field : textToHtml(field);
	};
	return { deck: card.deck, front: side(card.front), back: side(card.back), format: 'html', tags: rowTags(card) };
}

/** Anki's cloze deletion: `{{c1::text}}` or `{{c1::text::hint}}`; bounded, as notes' (extract.ts), so that openings with no `}}` stay cheap. */
const CLOZE_DELETION = /\{\{c(\d+)::([\s\S]{0,4000}?)(?:::([\s\S]{0,400}?))?\}\}/gi;

/** The numbers of a cloze note's deletions, each once, in order: one card each. */
export function clozeNumbers(text: string): number[] {
	return [...new Set([...text.matchAll(CLOZE_DELETION)].map((match) => Number(match[1])))].sort((a, b) => a - b);
}

/**
 * The card of deletion `number` of a cloze note's text (HTML), as Recall stores a
 * cloze card: the front with that deletion as `[hint]` or `[...]`, the back with it
 * as `<mark>`, which is how Anki's clozes are read too; the other deletions show
 * their text. Back Extra (`extra`) follows the back.
 */
export function clozeCardSides(text: string, number: number, extra: string): { front: string; back: string } {
	const side = (own: (inner: string, hint: string | undefined) => string) =>
		text.replace(CLOZE_DELETION, (_, n: string, inner: string, hint?: string) => (Number(n) === number ? own(inner, hint) : inner));
	return { front: side((_, hint) => `[${hint?.trim() || '...'}]`), back: side((inner) => `<mark>${inner}</mark>`) + extra };
}

/** A row of an Anki-style table: its note type (Anki's `#notetype column:`) and its two fields. */
export interface TableRowNote {
	notetype: 'Basic' | 'Cloze';
	fields: [string, string];
}

/** A field as the reader takes it: line breaks as `\n`, trimmed. */
export function tableField(text: string): string {
	return text.replace(/\r\n?/g, '\n').trim();
}

/** The cards a row of HTML fields makes: a Cloze row one per deletion number, any other row one Basic card. */
export function rowCards(row: TableRowNote): { kind: Card['kind']; front: string; back: string }[] {
	const [first, second] = row.fields.map(tableField) as [string, string];
	const numbers = row.notetype === 'Cloze' ? clozeNumbers(first) : [];
	if (numbers.length === 0) return [{ kind: 'basic', front: first, back: second }];
	return numbers.map((number) => ({ kind: 'cloze', ...clozeCardSides(first, number, second) }));
}

/** A side's HTML as the text a person reads in a spreadsheet: each paragraph, line and list item (`• `) on a line of its own, no markup. */
export function readableSide(html: string): string {
	// The line breaks between markdown-it's tags are layout, not text; a list starts on a line of its own.
	const text = readableText(html.replace(/>\n/g, '>').replace(/<(?:ul|ol)\b[^>]*>/gi, '\n').replace(/<li\b[^>]*>/gi, '• '));
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.join('\n');
}

/**
 * A card as the row of it in Recall's table for Anki reads back: that table
 * writes the card as Anki shows it (sides rendered, a cloze card as a Cloze
 * note: anki/note-fields.ts), so a Markdown card's row holds HTML, not its
 * text. `render` is the renderer the table was written with, `naming` how it named the media (by default as it
 * does now for a deck whose package names no file otherwise than Anki keeps it).
 */
export function renderedTableReading(card: Card, render: RenderSide, naming: MediaNaming = tableMediaNaming()): TableContent {
	const note = noteFields(card, naming.sides(render), naming.imageSrc);
	const [sides] = rowCards({ notetype: note.notetype, fields: note.fields });
	return { deck: card.deck, front: sides!.front, back: sides!.back, format: 'html', tags: rowTags(card) };
}

/**
 * A card as its row in Recall's table for spreadsheets reads back: each side the text a person reads of it
 * as rendered (`readableSide`: a cloze card's front with its `[...]`), which the reader takes as plain text.
 * `render` is the renderer the table was written with.
 */
export function spreadsheetReading(card: Card, render: RenderSide): TableContent {
	const side = (which: 'front' | 'back') => textToHtml(readableSide(render(card, which)));
	return { deck: card.deck, front: side('front'), back: side('back'), format: 'html', tags: rowTags(card) };
}
