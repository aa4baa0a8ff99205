import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CALENDAR_DAYS, heatLevels, reviewCalendar, weekdayOf, type CalendarRow } from '../../../src/lib/stats/calendar';
import { answer, stateRow, TODAY } from './log';

/** `count` answers on `day`. */
const on = (day: number, count: number) => Array.from({ length: count }, () => answer(day, 4));

describe('reviewCalendar: a known log', () => {
	// Days ago: 0 → 3 answers, 1 → 1, 2 → only a state row (not studying), 3 → 2, 4..8 → 1 each,
	// 400 → 1 (outside the year), and one answer dated tomorrow (a wrong clock: ignored).
	const rows = [
		...on(TODAY, 3),
		...on(TODAY - 1, 1),
		stateRow(TODAY - 2),
		...on(TODAY - 3, 2),
		...[4, 5, 6, 7, 8].flatMap((ago) => on(TODAY - ago, 1)),
		...on(TODAY - 400, 1),
		...on(TODAY + 1, 1)
	];
	const calendar = reviewCalendar(rows, TODAY);

	it('has a cell for each of the last 365 days, today last', () => {
		expect(calendar.cells).toHaveLength(CALENDAR_DAYS);
		expect(calendar.cells[0]!.day).toBe(TODAY - 364);
		expect(calendar.cells.at(-1)!.day).toBe(TODAY);
	});

	it('counts answers per day, not state rows, and only in the window', () => {
		const byAgo = (ago: number) => calendar.cells.at(-1 - ago)!.answers;
		expect([0, 1, 2, 3, 4, 8, 9].map(byAgo)).toEqual([3, 1, 0, 2, 1, 1, 0]);
		// 3 + 1 + 2 + 5 × 1 = 11 answers on 8 days; the one 400 days back is outside.
		expect(calendar.answers).toBe(11);
		expect(calendar.studyDays).toBe(8);
	});

	it('levels the days by quartile of the study days', () => {
		// Study days' counts sorted: 1 1 1 1 1 1 2 3. F(1) = 6/8 → ceil(3) = 3; F(2) = 7/8 → ceil(3.5) = 4; F(3) = 1 → 4.
		const levelAgo = (ago: number) => calendar.cells.at(-1 - ago)!.level;
		expect([0, 1, 2, 3, 4].map(levelAgo)).toEqual([4, 3, 0, 4, 3]);
	});

	it('streaks: today and yesterday now (the state-row day breaks it); days 3 to 8 ago the longest', () => {
		expect(calendar.currentStreak).toBe(2);
		expect(calendar.longestStreak).toBe(6);
	});
});

describe('reviewCalendar: streaks', () => {
	it('the current streak still stands on a day not yet studied', () => {
		const rows = [...on(TODAY - 1, 1), ...on(TODAY - 2, 4)];
		expect(reviewCalendar(rows, TODAY).currentStreak).toBe(2);
		// Studying today extends it.
		expect(reviewCalendar([...rows, ...on(TODAY, 1)], TODAY).currentStreak).toBe(3);
	});

	it('is broken by a day without answers before today', () => {
		expect(reviewCalendar([...on(TODAY - 2, 1), ...on(TODAY - 3, 1)], TODAY)).toMatchObject({ currentStreak: 0, longestStreak: 2 });
	});

	it('the longest streak reaches back beyond the calendar', () => {
		// 500 study days in a row, ending 600 days ago.
		const rows = Array.from({ length: 500 }, (_, i) => answer(TODAY - 600 - i, 5));
		expect(reviewCalendar(rows, TODAY)).toMatchObject({ currentStreak: 0, longestStreak: 500, answers: 0, studyDays: 0 });
	});

	it('an empty log: no streak, every cell level 0', () => {
		const calendar = reviewCalendar([], TODAY);
		expect(calendar).toMatchObject({ answers: 0, studyDays: 0, currentStreak: 0, longestStreak: 0 });
		expect(calendar.cells.every((cell) => cell.answers === 0 && cell.level === 0)).toBe(true);
	});

	/** The naive reading: a set of study days, walked one day at a time. */
	function naiveStreaks(rows: readonly CalendarRow[], today: number) {
		const days = new Set(rows.filter((row) => row.kind !== 'set' && row.day <= today).map((row) => row.day));
		let current = 0;
		for (let day = days.has(today) ? today : today - 1; days.has(day); day--) current++;
		let longest = 0;
		for (const day of days) {
			if (days.has(day - 1)) continue;
			let length = 1;
			while (days.has(day + length)) length++;
			longest = Math.max(longest, length);
		}
		return { current, longest };
	}

	it('agrees with the naive reading on any log', () => {
		const rowArb = fc.oneof(
			fc.record({ ago: fc.integer({ min: -3, max: 40 }), set: fc.constant(false) }),
			fc.record({ ago: fc.integer({ min: -3, max: 40 }), set: fc.constant(true) })
		);
		fc.assert(
			fc.property(fc.array(rowArb, { maxLength: 60 }), (specs) => {
				const rows = specs.map(({ ago, set }) => (set ? stateRow(TODAY - ago) : answer(TODAY - ago, 3)));
				const calendar = reviewCalendar(rows, TODAY, { days: 30 });
				const naive = naiveStreaks(rows, TODAY);
				expect(calendar.currentStreak).toBe(naive.current);
				expect(calendar.longestStreak).toBe(naive.longest);
				const inWindow = rows.filter((row) => row.kind !== 'set' && row.day <= TODAY && row.day > TODAY - 30);
				expect(calendar.answers).toBe(inWindow.length);
				expect(calendar.cells.reduce((sum, cell) => sum + cell.answers, 0)).toBe(inWindow.length);
			})
		);
	});
});

describe('heatLevels', () => {
	it('quartiles of the study days', () => {
		// Eight study days with 1..8 answers: F(k) = k/8, level ceil(k/2).
		expect(heatLevels([0, 1, 2, 3, 4, 5, 6, 7, 8])).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
	});

	it('equal days have equal levels, the top one', () => {
		expect(heatLevels([5, 0, 5])).toEqual([4, 0, 4]);
		expect(heatLevels([7])).toEqual([4]);
	});

	it('one very long day does not wash the others out', () => {
		// 1 2 3 1000: each its own quartile.
		expect(heatLevels([1, 2, 3, 1000])).toEqual([1, 2, 3, 4]);
	});

	it('never lowers a busier day', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 50 }), { maxLength: 40 }), (counts) => {
				const levels = heatLevels(counts);
				counts.forEach((a, i) =>
					counts.forEach((b, j) => {
						if (a < b) expect(levels[i]).toBeLessThanOrEqual(levels[j]!);
					})
				);
				levels.forEach((level, i) => expect(level === 0).toBe(counts[i] === 0));
			})
		);
	});
});

describe('reviewCalendar: options and days', () => {
	it('a shorter window', () => {
		const calendar = reviewCalendar(on(TODAY - 6, 2), TODAY, { days: 7 });
		expect(calendar.cells.map((cell) => cell.answers)).toEqual([2, 0, 0, 0, 0, 0, 0]);
		expect(calendar.cells[0]!.day).toBe(TODAY - 6);
	});

	it('refuses a day that is not a whole number, and an empty window', () => {
		expect(() => reviewCalendar([], 1.5)).toThrow(RangeError);
		expect(() => reviewCalendar([], TODAY, { days: 0 })).toThrow(/from 1 to/);
	});

	it('weekdayOf: day 0 (1970-01-01) a Thursday, TODAY (2025-11-25) a Tuesday', () => {
		expect(weekdayOf(0)).toBe(4);
		expect(weekdayOf(TODAY)).toBe(2);
		expect(weekdayOf(-1)).toBe(3);
		expect(weekdayOf(3)).toBe(0);
	});
});
