import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Queue } from '../../../src/lib/db/constants';
import { cardCounts, type CountedCard } from '../../../src/lib/stats/card-counts';
import { cardStage, isBuried } from '../../../src/lib/stats/stage';
import { NEW_CARD, type Sm2State } from '../../../src/lib/srs/sm2';
import { TODAY } from './log';

const state = (interval: number, easiness = 2.5, extraReview = false): Sm2State => ({ repetitions: interval > 0 ? 3 : 0, easiness, interval, extraReview });
const scheduled = (interval: number, easiness?: number, extra: Partial<CountedCard> = {}): CountedCard => ({ queue: Queue.scheduled, state: state(interval, easiness), ...extra });

describe('cardStage', () => {
	it('new, learning, young, mature, suspended, retired', () => {
		expect(cardStage({ queue: Queue.new, state: NEW_CARD })).toBe('new');
		expect(cardStage({ queue: Queue.scheduled, state: state(0) })).toBe('learning'); // failed today
		expect(cardStage({ queue: Queue.scheduled, state: state(6, 2.36, true) })).toBe('learning'); // graded 3, repeat today
		expect(cardStage({ queue: Queue.scheduled, state: state(20) })).toBe('young');
		expect(cardStage({ queue: Queue.scheduled, state: state(21) })).toBe('mature');
		expect(cardStage({ queue: Queue.suspended, state: state(21) })).toBe('suspended');
		expect(cardStage({ queue: Queue.retired, state: NEW_CARD })).toBe('retired');
	});

	it('buried: a new or scheduled card hidden until a later day', () => {
		expect(isBuried({ queue: Queue.scheduled, buriedUntil: TODAY + 1 }, TODAY)).toBe(true);
		expect(isBuried({ queue: Queue.new, buriedUntil: TODAY + 1 }, TODAY)).toBe(true);
		expect(isBuried({ queue: Queue.scheduled, buriedUntil: TODAY }, TODAY)).toBe(false); // back today
		expect(isBuried({ queue: Queue.scheduled }, TODAY)).toBe(false);
		expect(isBuried({ queue: Queue.suspended, buriedUntil: TODAY + 1 }, TODAY)).toBe(false);
	});
});

describe('cardCounts: known cards', () => {
	const cards: CountedCard[] = [
		{ queue: Queue.new, state: NEW_CARD },
		{ queue: Queue.new, state: NEW_CARD, buriedUntil: TODAY + 1 }, // buried, still new
		scheduled(0, 2.36), // learning: failed
		{ queue: Queue.scheduled, state: state(1, 2.36, true) }, // learning: graded 3
		scheduled(1, 2.6), // young
		scheduled(2, 2.5),
		scheduled(6, 2.5, { buriedUntil: TODAY + 1 }), // buried, still young
		scheduled(20, 1.3),
		scheduled(21, 2.99), // mature
		scheduled(365, 3.1),
		scheduled(1000, 2.9999999999999996), // 3.0 in floating point dress
		{ queue: Queue.suspended, state: state(50), buriedUntil: TODAY + 1 }, // suspended says more than buried
		{ queue: Queue.retired, state: state(10) },
		scheduled(3, 2.5, { buriedUntil: TODAY }) // was buried until today: not any more
	];
	const counts = cardCounts(cards, TODAY);

	it('by stage, each card once; buried apart', () => {
		expect(counts).toMatchObject({ total: 14, new: 2, learning: 2, young: 5, mature: 3, suspended: 1, retired: 1, buried: 2 });
	});

	it('intervals of the studied cards, leaving out interval 0', () => {
		// Studied: the 10 learning, young and mature cards; the failed one (interval 0) is not in the intervals.
		// 1: the graded-3 card and the young one; 2; 3-6: 6 and 3; 14-20: 20; 21-59: 21; 365+: 365 and 1000.
		expect(counts.intervals).toEqual([
			{ min: 1, max: 1, cards: 2 },
			{ min: 2, max: 2, cards: 1 },
			{ min: 3, max: 6, cards: 2 },
			{ min: 7, max: 13, cards: 0 },
			{ min: 14, max: 20, cards: 1 },
			{ min: 21, max: 59, cards: 1 },
			{ min: 60, max: 179, cards: 0 },
			{ min: 180, max: 364, cards: 0 },
			{ min: 365, max: null, cards: 2 }
		]);
	});

	it('EF in steps of 0.1 from 1.3, then 3.0 and above', () => {
		expect(counts.ease).toHaveLength(18);
		expect(counts.ease[0]).toEqual({ min: 1.3, max: 1.4, cards: 1 });
		expect(counts.ease.at(-1)).toEqual({ min: 3, max: null, cards: 2 }); // 3.1 and 2.9999999999999996
		const byMin = Object.fromEntries(counts.ease.filter((bucket) => bucket.cards > 0).map((bucket) => [bucket.min, bucket.cards]));
		// 1.3; 2.36 twice; 2.5 three times (2, 6 and 3 days); 2.6; 2.99; 3.0+ twice.
		expect(byMin).toEqual({ 1.3: 1, 2.3: 2, 2.5: 3, 2.6: 1, 2.9: 1, 3: 2 });
	});

	it('no cards', () => {
		const none = cardCounts([], TODAY);
		expect(none).toMatchObject({ total: 0, new: 0, learning: 0, young: 0, mature: 0, suspended: 0, retired: 0, buried: 0 });
		expect(none.intervals.every((bucket) => bucket.cards === 0)).toBe(true);
	});
});

describe('cardCounts: any cards', () => {
	it('stages add up to the total, and the distributions to the studied cards', () => {
		const cardArb = fc.record({
			queue: fc.constantFrom(Queue.new, Queue.scheduled, Queue.suspended, Queue.retired),
			state: fc.record({
				repetitions: fc.nat({ max: 10 }),
				easiness: fc.integer({ min: 1300, max: 3500 }).map((milli) => milli / 1000),
				interval: fc.nat({ max: 2000 }),
				extraReview: fc.boolean()
			})
		});
		fc.assert(
			fc.property(fc.array(cardArb, { maxLength: 60 }), (cards) => {
				const counts = cardCounts(cards, TODAY);
				const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
				expect(counts.new + counts.learning + counts.young + counts.mature + counts.suspended + counts.retired).toBe(counts.total);
				const studied = cards.filter((card) => card.queue === Queue.scheduled);
				expect(sum(counts.ease.map((bucket) => bucket.cards))).toBe(studied.length);
				expect(sum(counts.intervals.map((bucket) => bucket.cards))).toBe(studied.filter((card) => card.state.interval > 0).length);
				for (const bucket of counts.intervals) {
					const inBucket = studied.filter((card) => card.state.interval >= bucket.min && (bucket.max === null || card.state.interval <= bucket.max));
					expect(bucket.cards).toBe(inBucket.length);
				}
			})
		);
	});
});
