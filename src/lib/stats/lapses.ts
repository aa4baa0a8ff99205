/**
 * Lapses: how often a card that had been learned was forgotten. The card's
 * stored state does not keep them (SM-2 has no such field), so they are
 * counted from the log: an answer below PASSING_GRADE to a card with at least
 * one successful repetition, not awaiting a same-day repeat, which is exactly
 * the answer with which sm2 restarts a learned card. Failing a card that was
 * already relearning is not another lapse (as in Anki).
 *
 * SM-2's state has no such field; a stored card keeps the count of its whole
 * log beside its state (db/card-state.ts `foldCard`), so that searching and
 * sorting by lapses read no rows.
 *
 * Lapses that happened in another app before an import are not known unless
 * the import brought them as answers.
 */
import type { AnswerRow, StateRow } from '../srs/history';
import { PASSING_GRADE } from '../srs/sm2';

/** What lapse counting reads of a log row. */
export type LapseRow =
	| (Pick<AnswerRow, 'kind' | 'card' | 'grade'> & { before: { state: { repetitions: number; extraReview: boolean } } })
	| Pick<StateRow, 'kind'>;

export function isLapse(row: LapseRow): boolean {
	return row.kind !== 'set' && row.grade < PASSING_GRADE && row.before.state.repetitions > 0 && !row.before.state.extraReview;
}

/** Lapses per card id; cards that never lapsed are absent (0). */
export function lapseCounts(rows: readonly LapseRow[]): Map<string, number> {
	const lapses = new Map<string, number>();
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i]!;
		if (row.kind !== 'set' && isLapse(row)) lapses.set(row.card, (lapses.get(row.card) ?? 0) + 1);
	}
	return lapses;
}
