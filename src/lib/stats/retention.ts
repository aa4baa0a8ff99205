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

/** One figure per window, in the order given. */
export function retention(rows: readonly RetentionRow[], today: number, windows: readonly number[] = RETENTION_WINDOWS): RetentionWindow[] {
	assertStudyDay(today, 'retention');
	for (const days of windows) assertWindow(days, MAX_WINDOW, 'retention');
	const longest = Math.max(0, ...windows);
	// Answers by days before today (0 is today), young and mature, passed and not: summed per window afterwards.
	const youngPassed = new Int32Array(longest);
	const youngAnswers = new Int32Array(longest);
	const maturePassed = new Int32Array(longest);
	const matureAnswers = new Int32Array(longest);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i]!;
		if (row.kind !== 'review') continue;
		const ago = today - row.day;
		if (!(ago >= 0 && ago < longest)) continue;
		const passed = row.grade >= PASSING_GRADE ? 1 : 0;
		if (row.before.state.interval < MATURE_INTERVAL) {
			youngAnswers[ago]!++;
			youngPassed[ago]! += passed;
		} else {
			matureAnswers[ago]!++;
			maturePassed[ago]! += passed;
		}
	}
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
