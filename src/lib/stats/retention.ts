/**
 * Retention: the pass rate (grade >= PASSING_GRADE) of review answers, for
 * young and mature cards, over the last 7, 30 and 365 study days.
 *
 * - Only answers given to cards due for review count (`kind: 'review'`): new
 *   cards and same-day repeats (learning) say nothing about remembering over
 *   an interval. State rows never count.
 * - Young or mature by the interval the card had *before* the answer (the
 *   interval over which it had to be remembered): mature from MATURE_INTERVAL
 *   (21) days.
 * - The last n days are today and the n - 1 study days before it. Answers
 *   dated after today are ignored.
 * - Each figure carries its counts; `rate` is null without answers, for the
 *   page to say "n/a".
 */
import type { AnswerRow, StateRow } from '../srs/history';
import { PASSING_GRADE } from '../srs/sm2';
import { assertStudyDay, assertWindow } from './days';
import { MATURE_INTERVAL } from './stage';
import type { DayTally } from './tally';

/** What retention reads of a log row. */
export type RetentionRow =
	| (Pick<AnswerRow, 'kind' | 'day' | 'grade'> & { before: { state: { interval: number } } })
	| Pick<StateRow, 'kind' | 'day'>;

export interface PassRate {
	passed: number;
	answers: number;
	/** passed / answers; null without answers. */
	rate: number | null;
}

export interface RetentionWindow {
	/** The last `days` study days, today included. */
	days: number;
	young: PassRate;
	mature: PassRate;
	all: PassRate;
}

export const RETENTION_WINDOWS: readonly number[] = [7, 30, 365];
const MAX_WINDOW = 36_525;

function passRate(passed: number, answers: number): PassRate {
	return { passed, answers, rate: answers > 0 ? passed / answers : null };
}

/** Passed and answered review answers by days before today (0 is today), young and mature. */
interface ByDaysAgo {
	youngPassed: Int32Array;
	youngAnswers: Int32Array;
	maturePassed: Int32Array;
	matureAnswers: Int32Array;
}

function byDaysAgo(length: number): ByDaysAgo {
	return { youngPassed: new Int32Array(length), youngAnswers: new Int32Array(length), maturePassed: new Int32Array(length), matureAnswers: new Int32Array(length) };
}

function checkArguments(today: number, windows: readonly number[]): number {
	assertStudyDay(today, 'retention');
	for (const days of windows) assertWindow(days, MAX_WINDOW, 'retention');
	return Math.max(0, ...windows);
}

/** One figure per window, in the order given. */
export function retention(rows: readonly RetentionRow[], today: number, windows: readonly number[] = RETENTION_WINDOWS): RetentionWindow[] {
	const longest = checkArguments(today, windows);
	const counts = byDaysAgo(longest);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i]!;
		if (row.kind !== 'review') continue;
		const ago = today - row.day;
		if (!(ago >= 0 && ago < longest)) continue;
		const passed = row.grade >= PASSING_GRADE ? 1 : 0;
		if (row.before.state.interval < MATURE_INTERVAL) {
			counts.youngAnswers[ago]!++;
			counts.youngPassed[ago]! += passed;
		} else {
			counts.matureAnswers[ago]!++;
			counts.maturePassed[ago]! += passed;
		}
	}
	return windowsOf(counts, windows);
}

/** The same from days' tallies (see tally.ts) instead of the rows; a day given twice adds up. */
export function retentionOfDays(days: readonly DayTally[], today: number, windows: readonly number[] = RETENTION_WINDOWS): RetentionWindow[] {
	const longest = checkArguments(today, windows);
	const counts = byDaysAgo(longest);
	for (let i = 0; i < days.length; i++) {
		const tally = days[i]!;
		const ago = today - tally.day;
		if (!(ago >= 0 && ago < longest)) continue;
		counts.youngPassed[ago]! += tally.youngPassed;
		counts.youngAnswers[ago]! += tally.youngAnswers;
		counts.maturePassed[ago]! += tally.maturePassed;
		counts.matureAnswers[ago]! += tally.matureAnswers;
	}
	return windowsOf(counts, windows);
}

function windowsOf({ youngPassed, youngAnswers, maturePassed, matureAnswers }: ByDaysAgo, windows: readonly number[]): RetentionWindow[] {
	return windows.map((days) => {
		let yp = 0;
		let ya = 0;
		let mp = 0;
		let ma = 0;
		for (let ago = 0; ago < days; ago++) {
			yp += youngPassed[ago]!;
			ya += youngAnswers[ago]!;
			mp += maturePassed[ago]!;
			ma += matureAnswers[ago]!;
		}
		return { days, young: passRate(yp, ya), mature: passRate(mp, ma), all: passRate(yp + mp, ya + ma) };
	});
}
