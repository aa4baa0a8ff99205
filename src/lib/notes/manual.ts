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
}

export type ManualDraft =
	/** mixedCloze: a line uses both styles of cloze; its `==…==` stays a highlight, as in a note. */
	| { ok: true; cards: ManualCard[]; mixedCloze?: true }
	/** missing-front / missing-back: a side is empty; no-cloze: the text marks nothing to blank. */
	| { ok: false; problem: 'missing-front' | 'missing-back' | 'no-cloze' };

/** Stands for a line break while a cloze's text goes through the generator: letters, which its Markdown reading leaves as they are. */
const LINE_BREAK = 'RecallLineBreak7f4b19';

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
		const oneLine = question.replace(/\r\n?|\n/g, LINE_BREAK);
		const { deck, slots } = generateDeck(`---\ncards: explicit\n---\n\n${oneLine}\n`, { file: 'card.md', deckName: 'cards' });
		const seen = new Map<string, number>();
		const cards = deck.cards.flatMap(({ kind, front: blanked, back: whole }, index): ManualCard[] => {
			if (kind !== 'cloze') return [];
			const base = slots[index] ?? `h${index + 1}`;
			const repeat = (seen.get(base) ?? 0) + 1;
			seen.set(base, repeat);
			const lines = (side: string) => side.replaceAll(LINE_BREAK, '\n');
			return [{ kind, front: lines(blanked), back: lines(whole), slot: repeat === 1 ? base : `${base}#${repeat}` }];
		});
		if (cards.length === 0) return { ok: false, problem: 'no-cloze' };
		return mixesClozeStyles(question) ? { ok: true, cards, mixedCloze: true } : { ok: true, cards };
	}
	if (answer === '') return { ok: false, problem: 'missing-back' };
	const forward: ManualCard = { kind: 'basic', front: question, back: answer };
	return { ok: true, cards: type === 'both' ? [forward, { kind: 'basic', front: answer, back: question }] : [forward] };
}
