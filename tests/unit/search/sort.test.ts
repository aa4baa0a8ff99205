import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortCards, SORT_KEYS } from '../../../src/lib/search/sort';
import { CARDS, CONTEXT } from './cards';

const ids = (by: (typeof SORT_KEYS)[number], direction: 'asc' | 'desc' = 'asc') => sortCards(CARDS, by, direction).map((card) => card.id);

describe('sortCards', () => {
	it('by due day; the new card (no due day) last either way; ties by when added', () => {
		// c4 due 2 days ago (suspended), c1 c5 c7 today, c3 in 10 days, c6 in 50 (retired), c2 new.
		expect(ids('due')).toEqual(['c4', 'c1', 'c5', 'c7', 'c3', 'c6', 'c2']);
		expect(ids('due', 'desc')).toEqual(['c6', 'c3', 'c1', 'c5', 'c7', 'c4', 'c2']);
	});

	it('by interval and EF, new cards last', () => {
		// Intervals: c5 0, c7 1, c1 6, c4 15, c3 30, c6 100.
		expect(ids('interval')).toEqual(['c5', 'c7', 'c1', 'c4', 'c3', 'c6', 'c2']);
		// EF: c3 2.7, c1 and c6 2.5 (c1 added first), c7 2.36, c5 2.2, c4 1.3.
		expect(ids('ef', 'desc')).toEqual(['c3', 'c1', 'c6', 'c7', 'c5', 'c4', 'c2']);
	});

	it('by lapses, those the card keeps', () => {
		expect(ids('lapses', 'desc')).toEqual(['c3', 'c4', 'c1', 'c2', 'c5', 'c6', 'c7']);
	});

	it('by when added', () => {
		expect(ids('added', 'desc')).toEqual(['c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1']);
	});

	it('a sorted copy: the input stays as it was', () => {
		const input = [...CARDS].reverse();
		const before = input.map((card) => card.id);
		sortCards(input, 'added');
		expect(input.map((card) => card.id)).toEqual(before);
	});

	it('the order is total: any input order gives the same result', () => {
		fc.assert(
			fc.property(fc.shuffledSubarray(CARDS, { minLength: CARDS.length }), fc.constantFrom(...SORT_KEYS), fc.boolean(), (shuffled, by, desc) => {
				const direction = desc ? 'desc' : 'asc';
				expect(sortCards(shuffled, by, direction)).toEqual(sortCards(CARDS, by, direction));
			})
		);
	});
});
