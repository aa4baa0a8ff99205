/**
 * A study day's studying: cards, answers, time, grades and the again-rate.
 *
 * - Every answer of the day counts, same-day repeats included; state rows
 *   (imports, resets) are not studying and never count.
 * - Time is each answer's time from showing to answering, capped at
 *   MAX_ANSWER_MS (60 s, Anki's default cap), so a card left on screen over
 *   lunch does not add an hour. A negative or missing time counts as 0.
 * - The again-rate is the share of answers graded below PASSING_GRADE (3);
 *   null when there were no answers, for the page to say "n/a".
 */
import type { AnswerRow, StateRow } from '../srs/history';
import type { QueueKind } from '../srs/session';
import { PASSING_GRADE, type Grade } from '../srs/sm2';
import { assertStudyDay } from './days';

/** What the day's figures read of a log row. */
export type DayRow = Pick<AnswerRow, 'kind' | 'day' | 'card' | 'grade' | 'durationMs'> | Pick<StateRow, 'kind' | 'day'>;

export const MAX_ANSWER_MS = 60_000;

export interface DayStats {
	/** Different cards answered. */
	cards: number;
	/** Answers, same-day repeats included. */
	answers: number;
	/** Answers by what the card was when answered. */
	byKind: Record<QueueKind, number>;
	/** Time spent answering, each answer capped at MAX_ANSWER_MS. */
	timeMs: number;
	/** `grades[g]`: answers graded g. */
	grades: Record<Grade, number>;
	/** Answers graded below 3. */
	again: number;
	/** again / answers; null without answers. */
	againRate: number | null;
}

/** The figures of study day `day` (the page passes today). */
export function dayStats(rows: readonly DayRow[], day: number): DayStats {
	assertStudyDay(day, 'day stats');
	const grades: Record<Grade, number> = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
	const byKind: Record<QueueKind, number> = { new: 0, learning: 0, review: 0 };
	const cards = new Set<string>();
	let answers = 0;
	let timeMs = 0;
	let again = 0;
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i]!;
		if (row.day !== day || row.kind === 'set') continue;
		answers++;
		byKind[row.kind]++;
		grades[row.grade]++;
		if (row.grade < PASSING_GRADE) again++;
		cards.add(row.card);
		const ms = row.durationMs;
		// `ms > 0` is false for NaN too.
		if (ms > 0) timeMs += ms < MAX_ANSWER_MS ? ms : MAX_ANSWER_MS;
	}
	return { cards: cards.size, answers, byKind, timeMs, grades, again, againRate: answers > 0 ? again / answers : null };
}
