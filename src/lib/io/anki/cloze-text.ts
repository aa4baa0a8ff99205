/**
 * A cloze edited as its text: the cards a text makes, in the card's own format.
 * A text written in the app is Markdown, made into cards by the notes generator
 * (notes/manual.ts); the Text field of an Anki Cloze note is HTML, made into
 * cards as Anki's stock Cloze note type shows them (`{{cloze:Text}}`), one card
 * per deletion number, slot `c<number>`. An imported cloze card is edited as
 * its note's Text only when that is all it shows (`showsOnlyClozeText`): a
 * template that shows more (Back Extra, other fields, markup around the field)
 * would lose it when the card is made again from the text alone.
 */
import type { Card } from '../../notes/deck-format';
import { draftManualCards, type ManualCard, type ManualDraft } from '../../notes/manual';
import { clozeOrdinals, renderCloze } from './template';

/** The cards a cloze's text makes, as the card it is edited from is written (Markdown unless `html`). */
export function draftClozeText(text: string, format: Card['format']): ManualDraft {
	if (format !== 'html') return draftManualCards('cloze', text, '');
	const trimmed = text.trim();
	if (trimmed === '') return { ok: false, problem: 'missing-front' };
	const cards = [...clozeOrdinals(trimmed)]
		.sort((a, b) => a - b)
		.flatMap((ordinal): ManualCard[] => {
			const front = renderCloze(trimmed, ordinal, 'question');
			// `{{c1::…` never closed is text, as Anki reads it: no card.
			if (!front.found) return [];
			return [{ kind: 'cloze', front: front.html.trim(), back: renderCloze(trimmed, ordinal, 'answer').html.trim(), slot: `c${ordinal}` }];
		});
	return cards.length === 0 ? { ok: false, problem: 'no-cloze' } : { ok: true, cards };
}

/** An answer's end that shows nothing: the stock Cloze template's `<br>` before an empty Back Extra. */
const TRAILING_BREAKS = /(?:\s|<br\s*\/?>)+$/i;

/** Whether an imported cloze card's sides are exactly its cloze number of `text`, as `draftClozeText` makes them. */
export function showsOnlyClozeText(text: string, ordinal: number, sides: { front: string; back: string }): boolean {
	if (/\[sound:/i.test(text)) return false;
	const question = renderCloze(text, ordinal, 'question');
	const answer = renderCloze(text, ordinal, 'answer').html.replace(TRAILING_BREAKS, '').trim();
	return question.found && sides.front === question.html.trim() && sides.back.replace(TRAILING_BREAKS, '').trim() === answer;
}
