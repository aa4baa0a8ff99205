/**
 * Study days as instants, for the parts of an Anki collection that are times:
 * `crt` (the collection's creation, from which review due days count), a
 * learning card's due time, and the UTC offsets Anki reads its days with.
 */
import { DEFAULT_DAY_START_HOUR, studyDay, type DayOptions } from '../../srs/day';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes west of UTC at `at` (the sign of `Date#getTimezoneOffset`, and of Anki's offsets). */
export function minutesWest(at: number, timeZone?: string): number {
	if (timeZone === undefined) return new Date(at).getTimezoneOffset();
	let formatter = offsetFormatters.get(timeZone);
	if (!formatter) {
		const fields = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
		formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...fields });
		offsetFormatters.set(timeZone, formatter);
	}
	const part: Record<string, number> = {};
	for (const { type, value } of formatter.formatToParts(at)) part[type] = Number(value);
	const wall = Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0);
	const whole = Math.floor(at / 1000) * 1000;
	return Math.round((whole - wall) / MS_PER_MINUTE);
}

/**
 * The first instant (UTC ms) of study day `day`: the day-start hour of that
 * local date. Where that hour does not exist (a daylight-saving gap), the
 * first whole hour that belongs to the day.
 */
export function dayStartMs(day: number, options?: DayOptions): number {
	const hour = options?.dayStartHour ?? DEFAULT_DAY_START_HOUR;
	const wall = day * MS_PER_DAY + hour * MS_PER_HOUR;
	let at = wall + minutesWest(wall, options?.timeZone) * MS_PER_MINUTE;
	at = wall + minutesWest(at, options?.timeZone) * MS_PER_MINUTE;
	for (let step = 0; step < 48 && studyDay(at, options) !== day; step++) {
		at += studyDay(at, options) < day ? MS_PER_HOUR : -MS_PER_HOUR;
	}
	return at;
}
