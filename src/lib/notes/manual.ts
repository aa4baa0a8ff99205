/**
 * Cards written in the app: what the "add cards" form makes of what was typed.
 *
 * - basic: front → back;
 * - both ways: front → back and back → front (two cards);
 * - cloze: a text with `{{c1::…}}` (Anki: one card per number, `{{c1::text::hint}}`
 *   for a hint) or `==…==` (one card per highlight). The text goes through the
 *   notes generator with `cards: explicit`, as one line (an Anki note's text is
 *   one whole, shown on each of its cards), so a cloze written here becomes the
 *   card the same line in a note would: the same rules, one code.
 *
 * Pure: sides are Markdown, as in notes.
 */
import type { CardKind } from './deck-format';
import { generateDeck } from './generate';

export const MANUAL_CARD_TYPES = ['basic', 'both', 'cloze'] as const;
export type ManualCardType = (typeof MANUAL_CARD_TYPES)[number];

export interface ManualCard {
	kind: CardKind;
	front: string;
	back: string;
	/**
	 * A cloze's card: which of the text's cards it is (`c2`, `h1`), unique within the text, so an edit of
	 * the text finds each card again. (Texts were once read line by line, a later line's `c1` being `c1#2`.)
	 */
	slot?: string;
	/** The second card of "both ways": the card before it asked the other way, its sibling (srs/siblings.ts). */
	reverses?: true;
}

export type ManualDraft =
	/** mixedCloze: a line uses both styles of cloze; its `==…==` stays a highlight, as in a note. */
	| { ok: true; cards: ManualCard[]; mixedCloze?: true }
	/** missing-front / missing-back: a side is empty; no-cloze: the text marks nothing to blank. */
	| { ok: false; problem: 'missing-front' | 'missing-back' | 'no-cloze' };

/**
 * Stands for the start of a line (`RecallLine3x7f4b19 ` for the fourth) while a cloze's text goes through the generator
 * as one line: letters, which its Markdown reading leaves as they are, and a space, so that what follows starts a word.
 */
const LINE_START = /RecallLine(\d+)x7f4b19 ?/g;
const lineStart = (index: number) => `RecallLine${index}x7f4b19 `;
/**
 * A line's block marks: list item (with a task box), quote, heading. They stay out of the generator, which would read
 * them as a block on the text's first line (dropping them) and as text elsewhere (escaping them), and come back as typed.
 */
const BLOCK_MARKS = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?|>[ \t]?|#{1,6}[ \t]+)*/;

/** The text as one line for the generator, and each line's block marks to put back. */
function asOneLine(text: string): { line: string; marks: string[] } {
	const marks: string[] = [];
	const line = text
		.split(/\r\n?|\n/)
		.map((line, index) => {
			const mark = BLOCK_MARKS.exec(line)?.[0] ?? '';
			marks.push(mark);
			return `${lineStart(index)}${line.slice(mark.length)}`;
		})
		.join('');
	return { line, marks };
}

/** A side the generator made of `asOneLine`'s line, as lines again, with their marks. */
function asLines(side: string, marks: string[]): string {
	return side.replace(LINE_START, (_, index: string) => `${index === '0' ? '' : '\n'}${marks[Number(index)] ?? ''}`);
}

const ANKI_DELETION = /\{\{c\d+::/;
const HIGHLIGHT = /==[^=\s](?:[^=]*[^=\s])?==/;
const CODE_SPAN = /`[^`]*`/g;

/** A text with an Anki deletion and a `==highlight==` (code aside): the generator blanks the deletions only. */
function mixesClozeStyles(text: string): boolean {
	const prose = text.replace(CODE_SPAN, '');
	return ANKI_DELETION.test(prose) && HIGHLIGHT.test(prose);
}

/** The cards `front` and `back` make as `type`; for cloze, `front` is the text and `back` is not used. */
export function draftManualCards(type: ManualCardType, front: string, back: string): ManualDraft {
	const question = front.trim();
	const answer = back.trim();
	if (question === '') return { ok: false, problem: 'missing-front' };
	if (type === 'cloze') {
		// One text is one note, as in Anki: each card shows all of it, its line breaks kept. The generator reads a
		// note's lines apart (each line its own sentence), so the lines go to it as one and are parted again after.
		const { line, marks } = asOneLine(question);
		const { deck, slots } = generateDeck(`---\ncards: explicit\n---\n\n${line}\n`, { file: 'card.md', deckName: 'cards' });
		const seen = new Map<string, number>();
		const cards = deck.cards.flatMap(({ kind, front: blanked, back: whole }, index): ManualCard[] => {
			if (kind !== 'cloze') return [];
			const base = slots[index] ?? `h${index + 1}`;
			const repeat = (seen.get(base) ?? 0) + 1;
			seen.set(base, repeat);
			return [{ kind, front: asLines(blanked, marks), back: asLines(whole, marks), slot: repeat === 1 ? base : `${base}#${repeat}` }];
		});
		if (cards.length === 0) return { ok: false, problem: 'no-cloze' };
		return mixesClozeStyles(question) ? { ok: true, cards, mixedCloze: true } : { ok: true, cards };
	}
	if (answer === '') return { ok: false, problem: 'missing-back' };
	const forward: ManualCard = { kind: 'basic', front: question, back: answer };
	return { ok: true, cards: type === 'both' ? [forward, { kind: 'basic', front: answer, back: question, reverses: true }] : [forward] };
}
