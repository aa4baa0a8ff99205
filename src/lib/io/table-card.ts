/**
 * A card as a CSV or TSV row of it reads back: what the table writer
 * (`deckToDelimited`) and reader (`delimitedToBundle`) in delimited.ts agree
 * on. Apart from them so that the merge (db/imports.ts), which finds the stored
 * card a row is by its front, does not load the table reader and the notes
 * generator it names decks with.
 */
import type { Card } from '../notes/deck-format';
import { htmlToText, textToHtml } from './html-text';

/** What identifies a side (a row's id is made of its front's): its text, Unicode-normalised, white space collapsed; case and emoji kept. */
export function sideIdentity(side: string, html: boolean): string {
	return (html ? htmlToText(side) : side).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The text of a card's side as a table reads it: its row's front is what the
 * reader makes the row's card id of. The writer puts an HTML card's sides as
 * HTML and a Markdown card's as their text (escaped as HTML in a deck that
 * also holds HTML cards): either way the reader reads back that text, so a
 * row of a card made from a note has the note's Markdown as its front.
 */
export function tableSideKey(card: Pick<Card, 'front' | 'back' | 'format'>, side: 'front' | 'back'): string {
	return sideIdentity(card[side], card.format === 'html');
}

/** Tags as the writer puts them in their one column, which the reader splits at spaces and commas. */
export function tagsAsWritten(tags: readonly string[]): string[] {
	return tags.map((tag) => tag.replace(/[\s,]+/g, '_'));
}

/** What a table's row carries of a card: the rest (kind, rule, path, images, source) has no column. */
export type TableContent = Pick<Card, 'deck' | 'front' | 'back' | 'format' | 'tags'>;

/**
 * A stored card as its row reads back: sides trimmed and as HTML (a Markdown
 * card's text is read as plain text, escaped), tags as written. A row that
 * reads so says nothing the card does not.
 */
export function tableReading(card: TableContent): TableContent {
	const side = (text: string) => {
		const field = text.replace(/\r\n?/g, '\n').trim();
		return card.format === 'html' ? field : textToHtml(field);
	};
	const tags = [...new Set(tagsAsWritten(card.tags).filter((tag) => tag !== ''))];
	return { deck: card.deck, front: side(card.front), back: side(card.back), format: 'html', tags };
}
