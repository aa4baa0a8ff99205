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
import { isMediaName } from '../media-names';
import { ankiMediaName, clozeText, countClozes, escapeHtml, htmlClozeText, renameImageSources } from './export-fields';

export type CardSide = 'front' | 'back';

/** A card side as HTML. For a cloze card it is given a copy whose back holds Anki deletions (`{{c1::text}}`), which it must pass through as text. */
export type RenderSide = (card: Card, side: CardSide) => string;

export interface NoteFields {
	notetype: 'Basic' | 'Cloze';
	fields: [string, string];
	/** A cloze card whose deletions could not be read (or did not survive the renderer): written as a Basic note. */
	clozeAsBasic: boolean;
}

/** An image file's name as Anki keeps it in its media folder (`a/b.png` as `a_b.png`); a URL as it is. */
export function ankiImageName(src: string): string {
	return isMediaName(src) ? ankiMediaName(src) : src;
}

/** `render` with the images of its HTML named as Anki keeps them, for a file that holds no media of its own (a table). */
export function withAnkiImageNames(render: RenderSide): RenderSide {
	return (card, side) => renameImageSources(render(card, side), ankiImageName);
}

/** `imageSrc`: the name a card's image file goes by where the note is read (an Anki package renames some), by default as Anki keeps it. */
export function noteFields(card: Card, render: RenderSide, imageSrc: (src: string) => string = ankiImageName): NoteFields {
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

/** A note and the cards it shows: one card's, or a Cloze note of several cards of one sentence. */
export interface CardsNote {
	note: NoteFields;
	cards: Card[];
}

interface Deletion {
	/** Where the deleted text is in the sentence without deletions. */
	start: number;
	end: number;
	/** `text` or `text::hint`. */
	body: string;
}

const ANKI_DELETION = /\{\{c1::([\s\S]*?)\}\}/g;

/** A one-card cloze text (`clozeText`'s) as its sentence without deletions and where they were. */
function sentenceOf(text: string): { sentence: string; deletions: Deletion[] } {
	let sentence = '';
	let from = 0;
	const deletions: Deletion[] = [];
	for (const match of text.matchAll(ANKI_DELETION)) {
		const body = match[1] ?? '';
		const inner = body.split('::')[0] ?? '';
		sentence += text.slice(from, match.index);
		deletions.push({ start: sentence.length, end: sentence.length + inner.length, body });
		sentence += inner;
		from = match.index + match[0].length;
	}
	return { sentence: sentence + text.slice(from), deletions };
}

/**
 * The notes of a deck's cards, in their order, each cloze card's in the Cloze note of
 * its sentence: the notes generator makes a card of each highlight of a sentence,
 * and Anki a card of each deletion number of a note, so the cards of one sentence
 * (same deck, note line or Anki note, text, tags and images) are one note again, `{{c1::…}}`,
 * `{{c2::…}}`, ... in the order of the cards. Cards whose deletions overlap, or that
 * the renderer would not keep apart, stay notes of their own.
 */
export function deckNotes(cards: readonly Card[], render: RenderSide, imageSrc?: (src: string) => string): CardsNote[] {
	const notes: CardsNote[] = [];
	const sentences = new Map<string, { first: CardsNote; deletions: Deletion[][]; sentence: string }>();
	for (const card of cards) {
		const fields = noteFields(card, render, imageSrc);
		const text = fields.notetype !== 'Cloze' ? undefined : card.format === 'html' ? htmlClozeText(card.back) : clozeText(card.front, card.back);
		if (text === undefined) {
			notes.push({ note: fields, cards: [card] });
			continue;
		}
		const { sentence, deletions } = sentenceOf(text);
		// A note's cards share their line; an Anki note's cards, imported one to a line, their note's guid.
		const note = /^anki-(.+)-\d+$/.exec(card.id)?.[1] ?? `${card.source.file}:${card.source.line}`;
		const key = JSON.stringify([card.deck, card.format ?? 'markdown', note, sentence, card.tags, card.images]);
		const group = sentences.get(key);
		const merged = group && joinDeletions(group.sentence, [...group.deletions, deletions]);
		const html = merged === undefined ? undefined : render({ ...card, back: merged }, 'back');
		if (!group || merged === undefined || html === undefined || countClozes(html) !== countClozes(merged)) {
			const own = { note: fields, cards: [card] };
			notes.push(own);
			if (!group) sentences.set(key, { first: own, deletions: [deletions], sentence });
			continue;
		}
		group.deletions.push(deletions);
		group.first.cards.push(card);
		group.first.note = { ...group.first.note, fields: [html, group.first.note.fields[1]] };
	}
	return notes;
}

/** A sentence with each card's deletions numbered after the card (`{{c2::…}}` for the second); undefined where two overlap. */
function joinDeletions(sentence: string, cards: readonly Deletion[][]): string | undefined {
	const all = cards.flatMap((deletions, index) => deletions.map((deletion) => ({ ...deletion, number: index + 1 })));
	all.sort((a, b) => a.start - b.start);
	let out = '';
	let from = 0;
	for (const deletion of all) {
		if (deletion.start < from) return undefined;
		out += `${sentence.slice(from, deletion.start)}{{c${deletion.number}::${deletion.body}}}`;
		from = deletion.end;
	}
	return out + sentence.slice(from);
}
