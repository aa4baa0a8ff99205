/**
 * What the preview says of each Markdown note: the cards it makes, by the kind of card (the generator's rule that
 * made them), and how much of the note is on some card. The learner asks "what will I get": the kinds named are
 * those of this note's cards, never the list of what the generator can read.
 */
import '$lib/i18n/messages-import';
import { countMessage, formatMessage } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import { ruleNames } from '$lib/i18n/messages';
import { CARD_RULES, type CardRule } from '$lib/notes/deck-format';
import type { NoteReport } from '$lib/notes/generate';

/** The rules that made the note's cards, with how many each made: the most first, ties in the generator's order. */
export function cardsByKind(report: Pick<NoteReport, 'cardsByRule'>): { rule: CardRule; count: number }[] {
	return CARD_RULES.flatMap((rule) => {
		const count = report.cardsByRule[rule] ?? 0;
		return count > 0 ? [{ rule, count }] : [];
	}).sort((a, b) => b.count - a.count);
}

/** "6 cards (definition 4, list 2), every item of the note’s text on a card": what follows the note's deck name. */
export function noteReportSummary(locale: Locale, report: Pick<NoteReport, 'cards' | 'cardsByRule' | 'coverage'>): string {
	const cards = countMessage(locale, 'cards', report.cards);
	const kinds = cardsByKind(report).map(({ rule, count }) => formatMessage(locale, 'importReportRule', { rule: ruleNames[locale][rule], count }));
	const made = kinds.length > 0 ? formatMessage(locale, 'importReportCards', { cards, kinds: kinds.join(', ') }) : cards;
	const { covered, total } = report.coverage;
	if (total === 0) return made;
	const coverage = covered === total ? formatMessage(locale, 'importReportCoverageAll', {}) : formatMessage(locale, 'importReportCoverage', { covered, total });
	return `${made}, ${coverage}`;
}
