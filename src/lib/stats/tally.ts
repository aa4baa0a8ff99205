/**
 * A study day's log rows, summed into the few numbers the calendar and
 * retention read of it. A year of rows is too much to read on every visit to
 * the statistics page (a heavy log holds hundreds of thousands); the tallies of
 * past days are small enough to keep (src/lib/db/stats.ts caches them), and
 * `reviewCalendarOfDays` and `retentionOfDays` give the same figures from them
 * as `reviewCalendar` and `retention` give from the rows.
 *
 * The same rules as those: answers count (state rows never do); retention
 * counts review answers only, young or mature by the card's interval before
 * the answer.
 */
import type { AnswerRow, StateRow } from '../srs/history';
import { PASSING_GRADE } from '../srs/sm2';
import { MATURE_INTERVAL } from './stage';

/** What a tally reads of a log row. */
export type TallyRow =
	| (Pick<AnswerRow, 'kind' | 'day' | 'grade'> & { before: { state: { interval: number } } })
	| Pick<StateRow, 'kind' | 'day'>;

/** A day's answers: what the calendar reads of a day. */
export interface DayAnswers {
	day: number;
	/** Answers, same-day repeats included; state rows are not answers. */
	answers: number;
}

/** A day's answers and its review answers' pass counts, young and mature. */
export interface DayTally extends DayAnswers {
	youngPassed: number;
	youngAnswers: number;
	maturePassed: number;
	matureAnswers: number;
}

export function emptyTally(day: number): DayTally {
	return { day, answers: 0, youngPassed: 0, youngAnswers: 0, maturePassed: 0, matureAnswers: 0 };
}

/** Adds one row to its day's tally. */
export function addToTally(tally: DayTally, row: TallyRow): void {
	if (row.kind === 'set') return;
	tally.answers++;
	if (row.kind !== 'review') return;
	const passed = row.grade >= PASSING_GRADE ? 1 : 0;
	if (row.before.state.interval < MATURE_INTERVAL) {
		tally.youngAnswers++;
		tally.youngPassed += passed;
	} else {
		tally.matureAnswers++;
		tally.maturePassed += passed;
	}
}

/** A tally per day that has rows (a day of state rows only tallies no answers), oldest day first. */
export function tallyDays(rows: readonly TallyRow[]): DayTally[] {
	const byDay = new Map<number, DayTally>();
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i]!;
		let tally = byDay.get(row.day);
		if (tally === undefined) {
			tally = emptyTally(row.day);
			byDay.set(row.day, tally);
		}
		addToTally(tally, row);
	}
	return [...byDay.values()].sort((a, b) => a.day - b.day);
}
