/**
 * The study day. A day starts at a configurable hour of local time (default
 * 4:00, as in Anki), so a review at 01:30 still belongs to the evening before.
 *
 * A study day is a whole number: days since 1970-01-01 of the local calendar.
 * It is computed from the local wall-clock date and hour, never by adding
 * 24-hour steps to an instant, so daylight-saving changes cannot shift it.
 */
import type { Sm2State } from './sm2';

export const DEFAULT_DAY_START_HOUR = 4;
const MS_PER_DAY = 86_400_000;

export interface DayOptions {
	/** Hour of local time (0-23) at which a new study day begins. */
	dayStartHour?: number;
	/** IANA time zone such as "Asia/Seoul"; the device's own zone when omitted. */
	timeZone?: string;
}

interface WallClock {
	year: number;
	month: number; // 0-11
	day: number;
	hour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		// Throws a RangeError for an unknown zone, which is what a caller should see.
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

function wallClock(at: number, timeZone: string | undefined): WallClock {
	if (timeZone === undefined) {
		const date = new Date(at);
		return {
			year: date.getFullYear(),
			month: date.getMonth(),
			day: date.getDate(),
			hour: date.getHours()
		};
	}
	const parts: Record<string, number> = {};
	for (const part of zoneFormatter(timeZone).formatToParts(at)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year ?? NaN,
		month: (parts.month ?? NaN) - 1,
		day: parts.day ?? NaN,
		hour: parts.hour ?? NaN
	};
}

function toTime(at: number | Date): number {
	const time = typeof at === 'number' ? at : at.getTime();
	if (!Number.isFinite(time)) throw new RangeError(`study day: not a valid time: ${String(at)}`);
	return time;
}

function dayStartHourOf(options: DayOptions | undefined): number {
	const hour = options?.dayStartHour ?? DEFAULT_DAY_START_HOUR;
	if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
		throw new RangeError(`study day: the day start hour must be a whole number from 0 to 23, got ${hour}`);
	}
	return hour;
}

/** The study day that the instant `at` (UTC milliseconds or a Date) falls in. */
export function studyDay(at: number | Date, options?: DayOptions): number {
	const startHour = dayStartHourOf(options);
	const clock = wallClock(toTime(at), options?.timeZone);
	const calendarDay = Math.floor(Date.UTC(clock.year, clock.month, clock.day) / MS_PER_DAY);
	return clock.hour < startHour ? calendarDay - 1 : calendarDay;
}

/** Longer than any study day: 24 hours, and one more when the clocks go back. */
const LONGEST_DAY_MS = 26 * 3_600_000;

/**
 * The first moment after `at` that belongs to another study day: when a page
 * left open should move to the next day's session. Found by halving the gap
 * rather than by building the local time of the day start, so that it holds
 * in any time zone and across daylight-saving changes (an hour that is
 * skipped or repeated).
 */
export function nextStudyDayStart(at: number | Date, options?: DayOptions): number {
	const from = toTime(at);
	const today = studyDay(from, options);
	let before = from;
	let after = from + LONGEST_DAY_MS;
	// A zone that skipped a whole calendar day still has a later study day within this; look further only if not.
	while (studyDay(after, options) === today) after += LONGEST_DAY_MS;
	while (after - before > 1) {
		const middle = before + Math.floor((after - before) / 2);
		if (studyDay(middle, options) === today) before = middle;
		else after = middle;
	}
	return after;
}

/** How long after `at` the next study day starts, in ms: what a page left open waits before it moves to that day. */
export function msUntilNextStudyDay(at: number | Date, options?: DayOptions): number {
	return nextStudyDayStart(at, options) - toTime(at);
}

/**
 * The study day on which a card answered at `reviewedAt`, now in `state`, is
 * next due. A card that failed or awaits a same-day repeat stays in today's
 * session, so its due day is today.
 */
export function dueDay(reviewedAt: number | Date, state: Sm2State, options?: DayOptions): number {
	const today = studyDay(reviewedAt, options);
	return state.interval > 0 && !state.extraReview ? today + state.interval : today;
}

/** "2026-11-25" for a study day number: for display, logs and tests. */
export function studyDayToIsoDate(day: number): string {
	if (!Number.isInteger(day)) throw new RangeError(`study day: not a day number: ${day}`);
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
