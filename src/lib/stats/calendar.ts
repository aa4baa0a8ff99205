/**
 * The year calendar of studying: answers per study day (the heatmap) and the
 * streaks of study days.
 *
 * - Every answer counts (new, learning and review cards, same-day repeats
 *   too); state rows (imports, resets) are not studying and never count.
 * - A study day is a day with at least one answer. Days after `today` (a
 *   clock that was wrong) and more than MAX_HISTORY_DAYS back are ignored.
 * - The current streak ends today when something was answered today;
 *   otherwise it ends yesterday, so the streak still stands until today is
 *   over (as in Anki). No answer yesterday or today: 0.
 * - The longest streak is the longest run of study days in the whole log,
 *   not only in the calendar's window.
 * - Heat levels: 0 for a day with no answers; otherwise the quartile of the
 *   day among the window's study days, `ceil(4 × F(count))` where F(count) is
 *   the share of the window's study days with at most `count` answers. So the
 *   busiest quarter of study days is level 4, whatever the learner's pace, one
 *   very long day does not wash out the rest, and days with equal counts have
 *   equal levels (a single study day, or all alike, is level 4).
 *
 * One pass over the log with a counter per day (a typed array): no allocation per row.
 */
import type { ReviewRow } from '../srs/history';
import { assertStudyDay, assertWindow } from './days';
import type { DayAnswers } from './tally';

/** What the calendar reads of a log row. */
export type CalendarRow = Pick<ReviewRow, 'kind' | 'day'>;

export type HeatLevel = 0 | 1 | 2 | 3 | 4;

export interface HeatmapCell {
	day: number;
	answers: number;
	level: HeatLevel;
}

export interface ReviewCalendar {
	/** One cell per study day of the window, oldest first; the last is today. */
	cells: HeatmapCell[];
	/** Answers in the window. */
	answers: number;
	/** Days of the window with at least one answer. */
	studyDays: number;
	currentStreak: number;
	longestStreak: number;
}

export interface CalendarOptions {
	/** Days in the calendar, today included: 365 by default. */
	days?: number;
}

export const CALENDAR_DAYS = 365;
/** How far back the log is read for streaks: a hundred years. */
export const MAX_HISTORY_DAYS = 36_525;

/** Day of the week of a study day: 0 Sunday to 6 Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(day: number): number {
	return (((day + 4) % 7) + 7) % 7;
}

/** Answers per study day, indexed by days before `today` (0 is today). */
function answersByDaysAgo(rows: readonly CalendarRow[], today: number): Int32Array {
	const counts = new Int32Array(MAX_HISTORY_DAYS + 1);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i]!;
		if (row.kind === 'set') continue;
		const ago = today - row.day;
		// Also rejects NaN and fractions: only whole days in range count.
		if (ago >= 0 && ago <= MAX_HISTORY_DAYS && ago === Math.floor(ago)) counts[ago]!++;
	}
	return counts;
}

/** The same from days' answer counts (a day given twice adds up). */
function answersByDaysAgoOfDays(days: readonly DayAnswers[], today: number): Int32Array {
	const counts = new Int32Array(MAX_HISTORY_DAYS + 1);
	for (let i = 0; i < days.length; i++) {
		const { day, answers } = days[i]!;
		const ago = today - day;
		if (ago >= 0 && ago <= MAX_HISTORY_DAYS && ago === Math.floor(ago) && answers > 0) counts[ago]! += answers;
	}
	return counts;
}

function currentStreakOf(byDaysAgo: Int32Array): number {
	let ago = byDaysAgo[0]! > 0 ? 0 : 1;
	let streak = 0;
	while (ago < byDaysAgo.length && byDaysAgo[ago]! > 0) {
		streak++;
		ago++;
	}
	return streak;
}

function longestStreakOf(byDaysAgo: Int32Array): number {
	let longest = 0;
	let run = 0;
	for (let ago = 0; ago < byDaysAgo.length; ago++) {
		if (byDaysAgo[ago]! > 0) {
			run++;
			if (run > longest) longest = run;
		} else run = 0;
	}
	return longest;
}

/** Heat levels of answer counts: see the module comment. */
export function heatLevels(counts: readonly number[]): HeatLevel[] {
	const studied = counts.filter((count) => count > 0).sort((a, b) => a - b);
	// The share of study days with at most `count` answers: found from the last index of each count.
	const atMost = new Map<number, number>();
	studied.forEach((count, index) => atMost.set(count, index + 1));
	return counts.map((count) => (count > 0 ? (Math.ceil((4 * atMost.get(count)!) / studied.length) as HeatLevel) : 0));
}

export function reviewCalendar(rows: readonly CalendarRow[], today: number, options: CalendarOptions = {}): ReviewCalendar {
	assertStudyDay(today, 'calendar');
	return calendarOf(answersByDaysAgo(rows, today), today, options);
}

/**
 * The calendar from each day's answer count (see tally.ts) instead of the rows:
 * the same figures. Days before the window only make the longest streak, so for
 * them any count above 0 will do.
 */
export function reviewCalendarOfDays(days: readonly DayAnswers[], today: number, options: CalendarOptions = {}): ReviewCalendar {
	assertStudyDay(today, 'calendar');
	return calendarOf(answersByDaysAgoOfDays(days, today), today, options);
}

function calendarOf(byDaysAgo: Int32Array, today: number, options: CalendarOptions): ReviewCalendar {
	const days = options.days ?? CALENDAR_DAYS;
	assertWindow(days, MAX_HISTORY_DAYS + 1, 'calendar');
	const counts: number[] = [];
	for (let ago = days - 1; ago >= 0; ago--) counts.push(byDaysAgo[ago]!);
	const levels = heatLevels(counts);
	let answers = 0;
	let studyDays = 0;
	const cells = counts.map((count, index): HeatmapCell => {
		answers += count;
		if (count > 0) studyDays++;
		return { day: today - days + 1 + index, answers: count, level: levels[index]! };
	});
	return { cells, answers, studyDays, currentStreak: currentStreakOf(byDaysAgo), longestStreak: longestStreakOf(byDaysAgo) };
}
