import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Queue } from '../../../src/lib/db/constants';
import { forecast, type ForecastCard } from '../../../src/lib/stats/forecast';
import { TODAY } from './log';

const due = (ahead: number, extra: Partial<ForecastCard & { buriedUntil: number }> = {}) => ({ queue: Queue.scheduled, dueDay: TODAY + ahead, ...extra });

describe('forecast: known cards', () => {
	const cards = [
		due(-3), // overdue: on today
		due(-1), // overdue: on today
		due(0), // a learning card, due today
		due(1, { buriedUntil: TODAY + 1 }), // buried today: counted on its due day
		due(6), // the last day of week 0
		due(7), // week 1
		due(29), // the last of the 30 days; week 4 (29 / 7 = 4.1)
		due(30), // past the days; week 4 (30 / 7 = 4.3)
		due(363), // week 51 (363 / 7 = 51.9), the last week
		due(364), // week 52: later
		{ queue: Queue.new }, // new: not in the forecast
		{ queue: Queue.suspended, dueDay: TODAY },
		{ queue: Queue.retired, dueDay: TODAY + 1 }
	];
	const result = forecast(cards, TODAY);

	it('daily for 30 days, the overdue on today', () => {
		expect(result.daily).toHaveLength(30);
		const expected = new Array(30).fill(0);
		expected[0] = 3;
		expected[1] = 1;
		expected[6] = 1;
		expected[7] = 1;
		expected[29] = 1;
		expect(result.daily).toEqual(expected);
	});

	it('weekly for 52 weeks, the rest later', () => {
		expect(result.weekly).toHaveLength(52);
		const expected = new Array(52).fill(0);
		expected[0] = 5; // 3 today, 1 tomorrow, 1 in 6 days
		expected[1] = 1;
		expected[4] = 2;
		expected[51] = 1;
		expect(result.weekly).toEqual(expected);
		expect(result).toMatchObject({ overdue: 2, later: 1, total: 10 });
	});

	it('other spans', () => {
		const short = forecast(cards, TODAY, { days: 2, weeks: 1 });
		expect(short.daily).toEqual([3, 1]);
		expect(short.weekly).toEqual([5]);
		expect(short.later).toBe(5);
		expect(() => forecast(cards, TODAY, { days: 0 })).toThrow(RangeError);
	});
});

describe('forecast: any cards', () => {
	it('every scheduled card is in one week or later, and in the days when due soon', () => {
		const cardArb = fc.record({
			queue: fc.constantFrom(Queue.new, Queue.scheduled, Queue.suspended, Queue.retired),
			dueDay: fc.option(fc.integer({ min: TODAY - 50, max: TODAY + 400 }), { nil: undefined })
		});
		fc.assert(
			fc.property(fc.array(cardArb, { maxLength: 50 }), (cards) => {
				const result = forecast(cards, TODAY);
				const scheduled = cards.filter((card) => card.queue === Queue.scheduled && card.dueDay !== undefined);
				const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
				expect(result.total).toBe(scheduled.length);
				expect(sum(result.weekly) + result.later).toBe(result.total);
				expect(sum(result.daily)).toBe(scheduled.filter((card) => card.dueDay! < TODAY + 30).length);
				expect(result.overdue).toBe(scheduled.filter((card) => card.dueDay! < TODAY).length);
			})
		);
	});
});
