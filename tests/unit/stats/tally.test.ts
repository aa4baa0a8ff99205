import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reviewCalendar, reviewCalendarOfDays } from '../../../src/lib/stats/calendar';
import { retention, retentionOfDays } from '../../../src/lib/stats/retention';
import { sumDays, tallyDeckDays, tallyDays } from '../../../src/lib/stats/tally';
import type { Grade } from '../../../src/lib/srs/sm2';
import { answer, reviewWithInterval, stateRow, TODAY } from './log';

describe('tallyDays', () => {
	it('sums each day: answers (not state rows), and review answers young and mature, passed or not', () => {
		const rows = [
			reviewWithInterval(TODAY, 6, 4),
			reviewWithInterval(TODAY, 21, 2),
			answer(TODAY, 1, { kind: 'new' }),
			stateRow(TODAY),
			reviewWithInterval(TODAY - 2, 30, 3),
			answer(TODAY - 2, 3, { kind: 'learning' }),
			stateRow(TODAY - 5)
		];
		expect(tallyDays(rows)).toEqual([
			{ day: TODAY - 5, answers: 0, youngPassed: 0, youngAnswers: 0, maturePassed: 0, matureAnswers: 0 },
			{ day: TODAY - 2, answers: 2, youngPassed: 0, youngAnswers: 0, maturePassed: 1, matureAnswers: 1 },
			{ day: TODAY, answers: 3, youngPassed: 1, youngAnswers: 1, maturePassed: 0, matureAnswers: 1 }
		]);
	});

	it('gives the calendar and retention the same figures as the rows do', () => {
		const rowArb = fc.record({
			ago: fc.integer({ min: -2, max: 800 }),
			what: fc.constantFrom('review', 'new', 'learning', 'set'),
			grade: fc.integer({ min: 0, max: 5 }),
			interval: fc.integer({ min: 0, max: 60 })
		});
		fc.assert(
			fc.property(fc.array(rowArb, { maxLength: 80 }), (specs) => {
				const rows = specs.map(({ ago, what, grade, interval }) =>
					what === 'set'
						? stateRow(TODAY - ago)
						: what === 'review'
							? reviewWithInterval(TODAY - ago, interval, grade as Grade)
							: answer(TODAY - ago, grade as Grade, { kind: what as 'new' | 'learning' })
				);
				const days = tallyDays(rows);
				expect(reviewCalendarOfDays(days, TODAY)).toEqual(reviewCalendar(rows, TODAY));
				expect(reviewCalendarOfDays(days, TODAY, { days: 30 })).toEqual(reviewCalendar(rows, TODAY, { days: 30 }));
				expect(retentionOfDays(days, TODAY)).toEqual(retention(rows, TODAY));
				expect(retentionOfDays(days, TODAY, [1, 400])).toEqual(retention(rows, TODAY, [1, 400]));
			})
		);
	});
});

describe('sumDays', () => {
	it('sums several decks’ day tallies into one per day, as tallying all their rows at once does', () => {
		const rows = [
			{ ...reviewWithInterval(TODAY, 6, 4), deck: 'a' },
			{ ...reviewWithInterval(TODAY, 30, 2), deck: 'b' },
			{ ...answer(TODAY - 1, 5, { kind: 'new' }), deck: 'b' },
			{ ...reviewWithInterval(TODAY - 3, 21, 3), deck: 'a' },
			{ ...answer(TODAY - 3, 1, { kind: 'learning' }), deck: 'b' }
		];
		const summed = sumDays(tallyDeckDays(rows).map(({ deck: _deck, ...tally }) => tally));
		expect(summed).toEqual(tallyDays(rows));
		expect(summed.map((tally) => [tally.day, tally.answers])).toEqual([
			[TODAY - 3, 2],
			[TODAY - 1, 1],
			[TODAY, 2]
		]);
	});
});
