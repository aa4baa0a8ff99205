import { describe, expect, it } from 'vitest';
import { retention } from '../../../src/lib/stats/retention';
import { answer, reviewWithInterval, stateRow, TODAY } from './log';

describe('retention: a known log', () => {
	const rows = [
		reviewWithInterval(TODAY, 6, 4), // young, passed, today
		reviewWithInterval(TODAY, 6, 2), // young, failed, today
		reviewWithInterval(TODAY - 6, 21, 5), // mature (21 days is mature), passed, last of the 7 days
		reviewWithInterval(TODAY - 7, 30, 1), // mature, failed: in the 30 days, not the 7
		reviewWithInterval(TODAY - 29, 20, 3), // young (20), passed (3 passes): last of the 30 days
		reviewWithInterval(TODAY - 30, 100, 4), // mature, passed: only in the 365 days
		reviewWithInterval(TODAY - 364, 1, 0), // young, failed: last of the 365 days
		reviewWithInterval(TODAY - 365, 50, 5), // outside every window
		reviewWithInterval(TODAY + 1, 50, 5), // after today: ignored
		answer(TODAY, 0, { kind: 'learning' }), // not a review answer
		answer(TODAY, 5, { kind: 'new' }), // not a review answer
		stateRow(TODAY) // not an answer
	];

	it('young, mature and all, for 7, 30 and 365 days', () => {
		expect(retention(rows, TODAY)).toEqual([
			{
				days: 7,
				young: { passed: 1, answers: 2, rate: 0.5 },
				mature: { passed: 1, answers: 1, rate: 1 },
				all: { passed: 2, answers: 3, rate: 2 / 3 }
			},
			{
				days: 30,
				young: { passed: 2, answers: 3, rate: 2 / 3 },
				mature: { passed: 1, answers: 2, rate: 0.5 },
				all: { passed: 3, answers: 5, rate: 0.6 }
			},
			{
				days: 365,
				young: { passed: 2, answers: 4, rate: 0.5 },
				mature: { passed: 2, answers: 3, rate: 2 / 3 },
				all: { passed: 4, answers: 7, rate: 4 / 7 }
			}
		]);
	});

	it('other windows, in the order given', () => {
		const [today, week] = retention(rows, TODAY, [1, 7]);
		expect(today!.all).toEqual({ passed: 1, answers: 2, rate: 0.5 });
		expect(week!.days).toBe(7);
		expect(() => retention(rows, TODAY, [0])).toThrow(RangeError);
	});

	it('no review answers: counts of 0 and no rate', () => {
		const [week] = retention([answer(TODAY, 5, { kind: 'new' })], TODAY, [7]);
		expect(week).toEqual({
			days: 7,
			young: { passed: 0, answers: 0, rate: null },
			mature: { passed: 0, answers: 0, rate: null },
			all: { passed: 0, answers: 0, rate: null }
		});
	});
});
