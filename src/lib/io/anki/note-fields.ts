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
import { groupBy } from '../group-by';
import { ankiCardOf, RECALL_CLOZE_GUID_PREFIX } from './card-ids';
import { isMediaName, referenceCandidates } from '../media-names';
import { audioTypeOf } from '../media-types';
import { rewriteSoundTags, soundFileName } from '../sound-tags';
import { ankiMediaName, clozeText, countClozes, htmlClozeText, uniqueName } from './export-fields';
import { escapeHtml } from '../html-text';
import { renameImageSources } from './media';

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

/**
 * A sound file's name as an Anki package names it (export.ts), before two of one name are told apart: its own name
 * again (`word.mp3`), without the hash Recall stores it under or the folders of the note that embeds it.
 */
export function ankiSoundName(name: string): string {
	return ankiMediaName(soundFileName(name));
}

/**
 * Each media file's name in an Anki package of them, in their order: a sound by its own name again (ankiSoundName),
 * another file as Anki keeps it (ankiMediaName), and a name taken already, its case aside, numbered (`word.mp3`,
 * `word-2.mp3`), so that two files of one name stay two. A file named twice is named once.
 */
export function packageMediaNames(files: Iterable<string>): Map<string, string> {
	const names = new Map<string, string>();
	const taken = new Set<string>();
	for (const file of files) {
		if (!names.has(file)) names.set(file, uniqueName(audioTypeOf(file) === undefined ? ankiMediaName(file) : ankiSoundName(file), taken));
	}
	return names;
}

/**
 * The name a package of files named `packageNames` (packageMediaNames: by the name each is stored under) gives the
 * file that `name`, as a card writes an image's src or a sound's tag, means: the first of its spellings
 * (referenceCandidates: `my%20map.png` is the stored `my map.png`) that the package carries. Undefined for a file
 * it does not carry. The Anki package and the table for Anki name a card's media by it, so both give a file one name.
 */
export function packagedName(packageNames: ReadonlyMap<string, string>): (name: string) => string | undefined {
	return (name) => {
		for (const spelling of referenceCandidates(name)) {
			const packaged = packageNames.get(spelling);
			if (packaged !== undefined) return packaged;
		}
		return undefined;
	};
}

/** How a file for Anki names a card's media: in its rendered sides (`sides`) and in its image list (`imageSrc`). */
export interface MediaNaming {
	sides: (render: RenderSide) => RenderSide;
	imageSrc: (src: string) => string;
}

/**
 * How a table for Anki, which holds no media of its own, names a deck's files: Anki finds them in its media folder
 * by those names. `packageNames` (packageMediaNames) are the names the deck's package gives its files: each file
 * among them goes by its name there (`packagedName`), so that two names alike but for case, or a sound's name
 * twice, stay two files (`Map.png` and `map-2.png`, `word.mp3` and `word-2.mp3`); any other file by its own name
 * as Anki keeps it (ankiImageName, ankiSoundName). `images: 'own'` names every image by its own name, and sounds
 * still by the package's: how tables were written when only sounds went by them, so that their reader knows them.
 */
export function tableMediaNaming(packageNames: ReadonlyMap<string, string> = new Map(), images: 'packaged' | 'own' = 'packaged'): MediaNaming {
	const packaged = packagedName(packageNames);
	const imageSrc = images === 'packaged' ? (src: string) => (isMediaName(src) ? (packaged(src) ?? ankiImageName(src)) : src) : ankiImageName;
	const soundName = (name: string) => (isMediaName(name) && audioTypeOf(name) !== undefined ? (packaged(name) ?? ankiSoundName(name)) : undefined);
	return {
		sides: (render) => (card, side) => rewriteSoundTags(renameImageSources(render(card, side), imageSrc), soundName),
		imageSrc
	};
}

/** Images named as Anki keeps them one at a time, sounds as the card names them: how tables were written before 27 November 2026. */
export const OWN_IMAGE_NAMES: MediaNaming = {
	sides: (render) => (card, side) => renameImageSources(render(card, side), ankiImageName),
	imageSrc: ankiImageName
};

/** `imageSrc`: the name a card's image file goes by where the note is read (an Anki package renames some), by default as Anki keeps it. */
export function noteFields(card: Card, render: RenderSide, imageSrc: (src: string) => string = ankiImageName): NoteFields {
	// The width a note gives an image (`![[map.png|300]]`) goes along as the attribute, which Anki's HTML card honours.
	const images = card.images.map((image) => `<img src="${escapeHtml(imageSrc(image.src))}" alt="${escapeHtml(image.alt)}"${image.width === undefined ? '' : ` width="${image.width}"`}>`);
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
	/** 'Basic (and reversed card)': a card and its reverse (`withReversedPairs`), Front and Back as its first card shows them. */
	note: Omit<NoteFields, 'notetype'> & { notetype: NoteFields['notetype'] | 'Basic (and reversed card)' };
	cards: Card[];
	/** Each card's ordinal in the note, its cloze number − 1: an Anki note's card keeps its own, a text's card its slot's, others go in order. */
	ords: number[];
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

/** The slot of a `{{cN::…}}` text's card (`c3` → 3); undefined for a highlight's or a later line's. */
function slotNumber(slot: string): number | undefined {
	const match = /^c(\d+)$/.exec(slot);
	return match ? Number(match[1]) : undefined;
}

/**
 * The note of the cards made from one text (`clozeSource`: written in the app, or
 * an Anki note's Text), when they are all there: the text itself rendered, as the
 * learner wrote it (hints and all), each
 * card at its deletion's number. Undefined when the text's cards are not exactly
 * its deletions 1…n, one card each, in one deck with the same tags and images,
 * or when the renderer would not keep the deletions.
 */
function sourceTextNote(siblings: readonly Card[], render: RenderSide, imageSrc?: (src: string) => string): CardsNote | undefined {
	const [first] = siblings;
	const source = first?.clozeSource;
	if (!first || !source || first.kind !== 'cloze') return undefined;
	const same = JSON.stringify([first.deck, first.format ?? 'markdown', first.tags, first.images, source.text]);
	const numbers = siblings.map((card) => slotNumber(card.clozeSource?.slot ?? ''));
	const written = new Set([...source.text.matchAll(/\{\{c(\d+)::/g)].map((match) => Number(match[1])));
	const complete =
		siblings.every((card) => card.kind === 'cloze' && JSON.stringify([card.deck, card.format ?? 'markdown', card.tags, card.images, card.clozeSource?.text]) === same) &&
		new Set(numbers).size === siblings.length &&
		written.size === siblings.length &&
		numbers.every((number) => number !== undefined && number >= 1 && number <= siblings.length && written.has(number));
	if (!complete) return undefined;
	const html = render({ ...first, back: source.text }, 'back');
	if (countClozes(html) !== countClozes(source.text)) return undefined;
	const fields = noteFields(first, render, imageSrc);
	return { note: { notetype: 'Cloze', fields: [html, fields.fields[1]], clozeAsBasic: false }, cards: [...siblings], ords: numbers.map((number) => (number as number) - 1) };
}

/**
 * The notes of a deck's cards, in their order, each cloze card's in the Cloze note of
 * its sentence: the notes generator makes a card of each highlight of a sentence,
 * and Anki a card of each deletion number of a note, so the cards of one sentence
 * (same deck, note line, text written in the app or Anki note, text, tags and images)
 * are one note again, `{{c1::…}}`, `{{c2::…}}`, ... in the order of the cards (an
 * Anki note's cards at their own numbers). Cards whose deletions overlap, or that
 * the renderer would not keep apart, stay notes of their own. The cards of a text
 * written in the app are its note when they are all there (`sourceTextNote`).
 */
export function deckNotes(cards: readonly Card[], render: RenderSide, imageSrc?: (src: string) => string): CardsNote[] {
	const notes: CardsNote[] = [];
	// The cards of one text as it is now: a card retired by an edit keeps the text it had.
	const textKey = (card: Card) => (card.clozeSource ? JSON.stringify([card.clozeSource.id, card.clozeSource.text]) : undefined);
	const bySource = groupBy(
		cards.filter((card) => card.clozeSource !== undefined),
		(card) => textKey(card) as string
	);
	const sourceNotes = new Map<string, CardsNote | undefined>();
	const sentences = new Map<string, { first: CardsNote; parts: Part[]; sentence: string }>();
	for (const card of cards) {
		const sourceKey = textKey(card);
		if (sourceKey !== undefined) {
			if (!sourceNotes.has(sourceKey)) {
				const note = sourceTextNote(bySource.get(sourceKey) ?? [], render, imageSrc);
				sourceNotes.set(sourceKey, note);
				if (note) notes.push(note);
			}
			if (sourceNotes.get(sourceKey)) continue;
		}
		const sourceId = card.clozeSource?.id;
		const fields = noteFields(card, render, imageSrc);
		const text = fields.notetype !== 'Cloze' ? undefined : card.format === 'html' ? htmlClozeText(card.back) : clozeText(card.front, card.back);
		if (text === undefined) {
			notes.push({ note: fields, cards: [card], ords: [0] });
			continue;
		}
		const { sentence, deletions } = sentenceOf(text);
		// A note's cards share their line; a text's written in the app, its id; an Anki note's cards, imported one to a line, their note's guid.
		const anki = card.kind === 'cloze' ? ankiCardOf(card.id) : undefined;
		const note = anki?.guid ?? sourceId ?? `${card.source.file}:${card.source.line}`;
		const key = JSON.stringify([card.deck, card.format ?? 'markdown', note, sentence, card.tags, card.images]);
		const group = sentences.get(key);
		const number = anki ? anki.ord + 1 : (group?.parts.length ?? 0) + 1;
		const parts = [...(group?.parts ?? []), { deletions, number }];
		const merged = group?.parts.some((part) => part.number === number) ? undefined : joinDeletions(sentence, parts);
		const html = merged === undefined ? undefined : render({ ...card, back: merged }, 'back');
		const joined = merged !== undefined && html !== undefined && countClozes(html) === countClozes(merged);
		if (!group || !joined) {
			// An Anki note's card keeps its number (c3 is its note's third card) when the renderer keeps the deletions.
			const own = joined && number !== 1 ? { note: { ...fields, fields: [html, fields.fields[1]] as [string, string] }, cards: [card], ords: [number - 1] } : { note: fields, cards: [card], ords: [0] };
			notes.push(own);
			if (!group) sentences.set(key, { first: own, parts: [{ deletions, number: own.ords[0]! + 1 }], sentence });
			continue;
		}
		group.parts.push({ deletions, number });
		group.first.cards.push(card);
		group.first.ords.push(number - 1);
		group.first.note = { ...group.first.note, fields: [html, group.first.note.fields[1]] };
	}
	return notes;
}

/** One card's deletions and the number they take in the note. */
interface Part {
	deletions: Deletion[];
	number: number;
}

/** A sentence with each card's deletions numbered as its card (`{{c2::…}}` for the second); undefined where two overlap. */
function joinDeletions(sentence: string, parts: readonly Part[]): string | undefined {
	const all = parts.flatMap(({ deletions, number }) => deletions.map((deletion) => ({ ...deletion, number })));
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

/** A sibling key of an imported Anki note (cards.ts): `anki:<note guid>`. */
const ANKI_NOTE_KEY = 'anki:';

/**
 * Where a card of a pair goes in its note (0: Front → Back, 1: its reverse): an Anki card's own ordinal; a card
 * Recall exported in one note with its reverse, its place among the ids its guid names (`recall-cloze:<id> <id>`,
 * read back as the sibling key `anki:<guid>`); undefined when neither says, and the deck's order decides.
 */
function pairOrdinal(card: Card, key: string): number | undefined {
	const anki = ankiCardOf(card.id);
	if (anki && key === `${ANKI_NOTE_KEY}${anki.guid}`) return anki.ord;
	if (!key.startsWith(`${ANKI_NOTE_KEY}${RECALL_CLOZE_GUID_PREFIX}`)) return undefined;
	const at = key.slice(ANKI_NOTE_KEY.length + RECALL_CLOZE_GUID_PREFIX.length).split(' ').indexOf(card.id);
	return at < 0 ? undefined : at;
}

/**
 * A deck's notes (`deckNotes`) with each card and its reverse in one "Basic (and reversed card)" note, as Anki
 * keeps them: two Basic cards that share a sibling key no other of the deck's cards has (the cards of one Anki
 * note, cards written "Basic, both ways", a note's `a:::b`), of the same format and tags, without images of their
 * own, each showing as its front what the other shows as its back. The note is where the first of the two was,
 * Front and Back as its card 1 shows them; the cards at ordinals 0 and 1 (`pairOrdinal`, else in the deck's order).
 */
export function withReversedPairs(notes: readonly CardsNote[]): CardsNote[] {
	const single = (note: CardsNote) => note.cards.length === 1 && note.note.notetype === 'Basic' && !note.note.clozeAsBasic;
	const holders = new Map<string, CardsNote[]>();
	for (const note of notes) {
		for (const card of note.cards) {
			for (const key of new Set(card.siblingKeys ?? [])) {
				const held = holders.get(key);
				if (held) held.push(note);
				else holders.set(key, [note]);
			}
		}
	}
	const partnerOf = new Map<CardsNote, { other: CardsNote; key: string }>();
	for (const [key, pair] of holders) {
		const [a, b] = pair;
		if (pair.length !== 2 || !a || !b || a === b || !single(a) || !single(b) || partnerOf.has(a) || partnerOf.has(b)) continue;
		const [one, two] = [a.cards[0] as Card, b.cards[0] as Card];
		const alike = one.kind === 'basic' && two.kind === 'basic' && (one.format ?? 'markdown') === (two.format ?? 'markdown') && JSON.stringify(one.tags) === JSON.stringify(two.tags);
		// Without images of their own, a Basic note's fields are its card's sides as rendered (noteFields).
		if (!alike || one.images.length > 0 || two.images.length > 0) continue;
		if (a.note.fields[0] !== b.note.fields[1] || a.note.fields[1] !== b.note.fields[0]) continue;
		partnerOf.set(a, { other: b, key });
		partnerOf.set(b, { other: a, key });
	}
	const out: CardsNote[] = [];
	const placed = new Set<CardsNote>();
	for (const note of notes) {
		if (placed.has(note)) continue;
		const partner = partnerOf.get(note);
		if (!partner) {
			out.push(note);
			continue;
		}
		placed.add(partner.other);
		const [first, second] = [note.cards[0] as Card, partner.other.cards[0] as Card];
		const [ordFirst, ordSecond] = [pairOrdinal(first, partner.key), pairOrdinal(second, partner.key)];
		const flipped = ordFirst === 1 && ordSecond !== 1 ? true : ordSecond === 0 && ordFirst !== 0;
		const [forward, reverse] = flipped ? [partner.other, note] : [note, partner.other];
		out.push({ note: { ...forward.note, notetype: 'Basic (and reversed card)' }, cards: [forward.cards[0] as Card, reverse.cards[0] as Card], ords: [0, 1] });
	}
	return out;
}
