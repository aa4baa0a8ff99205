import { describe, expect, it } from 'vitest';
import { inRandomOrder, randomRank } from '../../../src/lib/srs/random';

const items = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `md:deck:${index}` }));

describe('randomRank', () => {
	it('is pinned: the same numbers in Node and every browser, so that a day’s order is the same on every device', () => {
		expect([randomRank(20_000, 'a'), randomRank(20_000, 'b'), randomRank(20_001, 'a'), randomRank(0, ''), randomRank(20_400, 'md:aws:한국어')]).toEqual([
			400_391_595, 917_325_940, 1_058_708_525, 2_426_253_350, 3_936_722_245
		]);
		for (const rank of [randomRank(20_000, 'a'), randomRank(-5, '한국어 카드'), randomRank(2 ** 40, 'x')]) {
			expect(Number.isInteger(rank) && rank >= 0 && rank < 2 ** 32).toBe(true);
		}
		expect(randomRank(20_000, 'a')).not.toBe(randomRank(20_000, 'b'));
		expect(randomRank(20_000, 'a')).not.toBe(randomRank(20_001, 'a'));
	});
});

describe('inRandomOrder', () => {
	it('keeps the order of the others when an item comes or goes', () => {
		const all = items(50);
		const order = inRandomOrder(all, 20_400).map((item) => item.id);
		const without = inRandomOrder(all.filter((item) => item.id !== order[3]), 20_400).map((item) => item.id);
		expect(without).toEqual(order.filter((id) => id !== order[3]));
		expect(inRandomOrder([...all].reverse(), 20_400).map((item) => item.id)).toEqual(order);
	});

	it('is a different order each day, and every item comes first about equally often', () => {
		const all = items(10);
		const firsts = new Map<string, number>();
		for (let day = 20_000; day < 22_000; day++) {
			const first = inRandomOrder(all, day)[0]!.id;
			firsts.set(first, (firsts.get(first) ?? 0) + 1);
		}
		// 2,000 days over 10 items: about 200 each; a fair order stays well within 130-270.
		expect(firsts.size).toBe(10);
		for (const count of firsts.values()) expect(count).toBeGreaterThan(130);
		for (const count of firsts.values()) expect(count).toBeLessThan(270);
	});

	it('spreads cards of similar ids (a deck of cards numbered in order) over the whole order', () => {
		const all = items(1000);
		const firstHundred = inRandomOrder(all, 20_400).slice(0, 100).map((item) => Number(item.id.split(':')[2]));
		// Drawn from the whole deck, not from its first cards: about half from each half.
		const early = firstHundred.filter((index) => index < 500).length;
		expect(early).toBeGreaterThan(30);
		expect(early).toBeLessThan(70);
	});
});
