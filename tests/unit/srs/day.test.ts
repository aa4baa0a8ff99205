import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_DAY_START_HOUR, dueDay, msUntilNextStudyDay, nextStudyDayStart, studyDay, studyDayToIsoDate } from '../../../src/lib/srs/day';
import { NEW_CARD, sm2 } from '../../../src/lib/srs/sm2';

const seoul = { timeZone: 'Asia/Seoul' }; // UTC+9, no daylight saving
const newYork = { timeZone: 'America/New_York' };

/** The study day as an ISO date, which is easier to read in a failing test. */
function dayOf(iso: string, options?: Parameters<typeof studyDay>[1]): string {
	return studyDayToIsoDate(studyDay(Date.parse(iso), options));
}

describe('studyDay', () => {
	it('starts the day at 4:00 by default', () => {
		expect(DEFAULT_DAY_START_HOUR).toBe(4);
		expect(dayOf('2026-11-25T03:59:59+09:00', seoul)).toBe('2026-11-24');
		expect(dayOf('2026-11-25T04:00:00+09:00', seoul)).toBe('2026-11-25');
		expect(dayOf('2026-11-25T23:59:59+09:00', seoul)).toBe('2026-11-25');
		expect(dayOf('2026-11-26T00:00:00+09:00', seoul)).toBe('2026-11-25');
	});

	it('puts a review at 01:30 on the evening before', () => {
		expect(dayOf('2026-11-25T01:30:00+09:00', seoul)).toBe('2026-11-24');
	});

	it('honours another day start hour, including midnight', () => {
		expect(dayOf('2026-11-25T05:30:00+09:00', { ...seoul, dayStartHour: 6 })).toBe('2026-11-24');
		expect(dayOf('2026-11-25T06:00:00+09:00', { ...seoul, dayStartHour: 6 })).toBe('2026-11-25');
		expect(dayOf('2026-11-25T00:00:00+09:00', { ...seoul, dayStartHour: 0 })).toBe('2026-11-25');
		expect(dayOf('2026-11-24T23:59:59+09:00', { ...seoul, dayStartHour: 0 })).toBe('2026-11-24');
	});

	it('uses the local wall clock of the time zone, not UTC', () => {
		const instant = '2026-11-25T20:00:00Z'; // 05:00 the next morning in Seoul, 15:00 in New York
		expect(dayOf(instant, seoul)).toBe('2026-11-26');
		expect(dayOf(instant, newYork)).toBe('2026-11-25');
		expect(dayOf(instant, { timeZone: 'UTC' })).toBe('2026-11-25');
		// Half-hour and quarter-hour offsets.
		expect(dayOf('2026-11-24T22:20:00Z', { timeZone: 'Asia/Kolkata' })).toBe('2026-11-24'); // 03:50
		expect(dayOf('2026-11-24T22:30:00Z', { timeZone: 'Asia/Kolkata' })).toBe('2026-11-25'); // 04:00
		expect(dayOf('2026-11-24T22:14:00Z', { timeZone: 'Asia/Kathmandu' })).toBe('2026-11-24'); // 03:59
	});

	it('counts days across a spring-forward change as whole days', () => {
		// New York moved its clocks from 02:00 to 03:00 on 2026-03-08: that day had 23 hours.
		const before = studyDay(Date.parse('2026-03-07T12:00:00-05:00'), newYork);
		const after = studyDay(Date.parse('2026-03-08T12:00:00-04:00'), newYork);
		expect(after - before).toBe(1);
		expect(dayOf('2026-03-08T03:59:00-04:00', newYork)).toBe('2026-03-07');
		expect(dayOf('2026-03-08T04:00:00-04:00', newYork)).toBe('2026-03-08');
	});

	it('counts days across a fall-back change as whole days', () => {
		// New York moved its clocks from 02:00 back to 01:00 on 2026-11-01: that day had 25 hours.
		expect(dayOf('2026-11-01T01:30:00-04:00', newYork)).toBe('2026-10-31');
		expect(dayOf('2026-11-01T01:30:00-05:00', newYork)).toBe('2026-10-31'); // the repeated hour
		expect(dayOf('2026-11-01T03:59:00-05:00', newYork)).toBe('2026-10-31');
		expect(dayOf('2026-11-01T04:00:00-05:00', newYork)).toBe('2026-11-01');
		const saturday = studyDay(Date.parse('2026-10-31T12:00:00-04:00'), newYork);
		const monday = studyDay(Date.parse('2026-11-02T12:00:00-05:00'), newYork);
		expect(monday - saturday).toBe(2);
	});

	it('gives consecutive numbers to consecutive local days all year', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 364 }), fc.constantFrom('Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'), (offset, timeZone) => {
				// Noon local time is never near the day boundary, whatever the DST rules.
				const noon = (d: number) => Date.parse(`${studyDayToIsoDate(d)}T12:00:00Z`);
				const first = studyDay(Date.parse('2026-01-01T12:00:00Z'), { timeZone, dayStartHour: 0 }) + offset;
				const today = studyDay(noon(first), { timeZone, dayStartHour: 0 });
				const tomorrow = studyDay(noon(first + 1), { timeZone, dayStartHour: 0 });
				expect(tomorrow - today).toBe(1);
			})
		);
	});

	it('uses the device time zone when none is given', () => {
		const at = new Date(2026, 10, 25, 3, 0); // 03:00 local time
		const expected = Date.UTC(2026, 10, 24) / 86_400_000;
		expect(studyDay(at)).toBe(expected);
		expect(studyDay(at.getTime(), { dayStartHour: 3 })).toBe(expected + 1);
	});

	it('rejects bad input with a clear error', () => {
		expect(() => studyDay(Number.NaN)).toThrow(/not a valid time/);
		expect(() => studyDay(new Date('nonsense'))).toThrow(/not a valid time/);
		expect(() => studyDay(0, { dayStartHour: 24 })).toThrow(/day start hour/);
		expect(() => studyDay(0, { dayStartHour: 1.5 })).toThrow(/day start hour/);
		expect(() => studyDay(0, { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
	});
});

describe('nextStudyDayStart', () => {
	const at = (iso: string) => Date.parse(iso);

	it('is the next day start hour, later the same night or the next morning', () => {
		expect(nextStudyDayStart(at('2026-11-25T22:00:00+09:00'), seoul)).toBe(at('2026-11-26T04:00:00+09:00'));
		expect(nextStudyDayStart(at('2026-11-26T01:30:00+09:00'), seoul)).toBe(at('2026-11-26T04:00:00+09:00'));
		// At the very start of a day, the next one is a whole day away.
		expect(nextStudyDayStart(at('2026-11-26T04:00:00+09:00'), seoul)).toBe(at('2026-11-27T04:00:00+09:00'));
		expect(nextStudyDayStart(at('2026-11-26T03:59:59.999+09:00'), seoul)).toBe(at('2026-11-26T04:00:00+09:00'));
		expect(nextStudyDayStart(at('2026-11-25T12:00:00+09:00'), { ...seoul, dayStartHour: 0 })).toBe(at('2026-11-26T00:00:00+09:00'));
		expect(nextStudyDayStart(at('2026-11-24T22:00:00Z'), { timeZone: 'Asia/Kolkata' })).toBe(at('2026-11-24T22:30:00Z'));
	});

	it('follows daylight-saving changes: a 23-hour day and a 25-hour one', () => {
		expect(nextStudyDayStart(at('2026-03-07T12:00:00-05:00'), newYork)).toBe(at('2026-03-08T04:00:00-04:00'));
		expect(nextStudyDayStart(at('2026-10-31T12:00:00-04:00'), newYork)).toBe(at('2026-11-01T04:00:00-05:00'));
		// A day that starts in the hour the clocks skip starts when they land.
		expect(nextStudyDayStart(at('2026-03-07T12:00:00-05:00'), { ...newYork, dayStartHour: 2 })).toBe(at('2026-03-08T03:00:00-04:00'));
	});

	it('uses the device time zone when none is given', () => {
		expect(nextStudyDayStart(new Date(2026, 10, 25, 22, 0))).toBe(new Date(2026, 10, 26, 4, 0).getTime());
		expect(studyDay(nextStudyDayStart(new Date(2026, 10, 25, 22, 0)))).toBe(studyDay(new Date(2026, 10, 25, 22, 0)) + 1);
	});

	it('is always the first moment of a later study day', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }),
				fc.integer({ min: 0, max: 23 }),
				fc.constantFrom('Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'),
				(from, dayStartHour, timeZone) => {
					const options = { timeZone, dayStartHour };
					const next = nextStudyDayStart(from, options);
					expect(next).toBeGreaterThan(from);
					expect(studyDay(next, options)).toBeGreaterThan(studyDay(from, options));
					expect(studyDay(next - 1, options)).toBe(studyDay(from, options));
				}
			),
			{ numRuns: 200 }
		);
	});
});

describe('msUntilNextStudyDay', () => {
	const at = (iso: string) => Date.parse(iso);
	const HOUR = 3_600_000;

	it('is the time left until the next day start hour', () => {
		expect(msUntilNextStudyDay(at('2026-11-25T22:00:00+09:00'), seoul)).toBe(6 * HOUR);
		expect(msUntilNextStudyDay(at('2026-11-26T03:59:59.999+09:00'), seoul)).toBe(1);
		// At the very start of a day, a whole day.
		expect(msUntilNextStudyDay(at('2026-11-26T04:00:00+09:00'), seoul)).toBe(24 * HOUR);
		expect(msUntilNextStudyDay(new Date('2026-11-25T12:00:00+09:00'), { ...seoul, dayStartHour: 0 })).toBe(12 * HOUR);
	});

	it('counts the hours the clocks skip or repeat: 23 hours from one day start to the next in spring, 25 in autumn', () => {
		expect(msUntilNextStudyDay(at('2026-03-07T04:00:00-05:00'), newYork)).toBe(23 * HOUR);
		expect(msUntilNextStudyDay(at('2026-10-31T04:00:00-04:00'), newYork)).toBe(25 * HOUR);
		// Across midnight of the change, the wall clock's 3 hours to 4:00 are 2 and 4.
		expect(msUntilNextStudyDay(at('2026-03-08T01:00:00-05:00'), newYork)).toBe(2 * HOUR);
		expect(msUntilNextStudyDay(at('2026-11-01T01:00:00-04:00'), newYork)).toBe(4 * HOUR);
	});
});

describe('dueDay', () => {
	const reviewedAt = Date.parse('2026-11-25T21:00:00+09:00');
	const today = studyDay(reviewedAt, seoul);

	it('is the study day of the review plus the interval', () => {
		const state = sm2(sm2(NEW_CARD, 5), 5); // interval 6
		expect(dueDay(reviewedAt, state, seoul)).toBe(today + 6);
	});

	it('counts from the study day, so a review after midnight counts from the evening before', () => {
		const lateNight = Date.parse('2026-11-26T01:30:00+09:00');
		expect(dueDay(lateNight, sm2(NEW_CARD, 4), seoul)).toBe(today + 1);
	});

	it('keeps a failed card and a card awaiting its same-day repeat in today', () => {
		expect(dueDay(reviewedAt, sm2(sm2(NEW_CARD, 5), 1), seoul)).toBe(today);
		const graded3 = sm2(NEW_CARD, 3);
		expect(graded3.interval).toBe(1);
		expect(dueDay(reviewedAt, graded3, seoul)).toBe(today);
		expect(dueDay(reviewedAt, sm2(graded3, 4), seoul)).toBe(today + 1);
	});
});

describe('studyDayToIsoDate', () => {
	it('names the calendar date of a day number', () => {
		expect(studyDayToIsoDate(0)).toBe('1970-01-01');
		expect(studyDayToIsoDate(20_417)).toBe('2025-11-25');
		expect(() => studyDayToIsoDate(1.5)).toThrow(RangeError);
	});
});
