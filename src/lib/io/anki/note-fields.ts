/**
 * A card as the fields of the Anki note that shows it, shared by the Anki
 * package (export.ts) and the Anki-style table (delimited.ts), so that both
 * exports give Anki the same card: a Basic note (Front, Back) or, for a cloze
 * card whose deletions can be read, a Cloze note (Text, Back Extra) whose
 * deletions come from the back's `==highlights==`. The card's images follow
 * its back, or go in Back Extra. Rendering is the caller's (`render`), so this
 * needs no DOM.
 */
import type { Card } from '../../notes/deck-format';
import { clozeText, countClozes, escapeHtml, htmlClozeText } from './export-fields';

export type CardSide = 'front' | 'back';

/** A card side as HTML. For a cloze card it is given a copy whose back holds Anki deletions (`{{c1::text}}`), which it must pass through as text. */
export type RenderSide = (card: Card, side: CardSide) => string;

export interface NoteFields {
	notetype: 'Basic' | 'Cloze';
	fields: [string, string];
	/** A cloze card whose deletions could not be read (or did not survive the renderer): written as a Basic note. */
	clozeAsBasic: boolean;
}

/** `imageSrc`: the name a card's image file goes by where the note is read (an Anki package renames some). */
export function noteFields(card: Card, render: RenderSide, imageSrc: (src: string) => string = (src) => src): NoteFields {
	const images = card.images.map((image) => `<img src="${escapeHtml(imageSrc(image.src))}" alt="${escapeHtml(image.alt)}">`);
	const imagesHtml = images.length > 0 ? `<div>${images.join('')}</div>` : '';
	if (card.kind === 'cloze') {
		const text = card.format === 'html' ? htmlClozeText(card.back) : clozeText(card.front, card.back);
		const html = text === undefined ? undefined : render({ ...card, back: text }, 'back');
		if (text !== undefined && html !== undefined && countClozes(html) === countClozes(text)) {
			return { notetype: 'Cloze', fields: [html, imagesHtml], clozeAsBasic: false };
		}
	}
	return { notetype: 'Basic', fields: [render(card, 'front'), render(card, 'back') + imagesHtml], clozeAsBasic: card.kind === 'cloze' };
}
