import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SortedCards, sortCards, SORT_KEYS, type SortableCard } from '../../../src/lib/search/sort';
import { CARDS } from './cards';

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

	it('cards added together read in their deck\'s order (the file\'s), whichever way the time is sorted', () => {
		const together = ['z', 'y', 'x', 'w'].map((id, index): SortableCard => ({ id, deck: index < 2 ? 'b' : 'a', order: index % 2 === 0 ? 1 : 0, queue: 0, state: { interval: 0, easiness: 2.5, repetitions: 0, extraReview: false }, createdAt: 5 }));
		const expected = ['w', 'x', 'y', 'z'];
		expect(sortCards(together, 'added').map((card) => card.id)).toEqual(expected);
		expect(sortCards(together, 'added', 'desc').map((card) => card.id)).toEqual(expected);
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

describe('SortedCards', () => {
	// Few distinct keys, so that ties (by when added, then by id) decide much of the order.
	const card = fc.record({
		id: fc.stringMatching(/^[a-c]{1,3}$/),
		deck: fc.constantFrom('a', 'b'),
		order: fc.integer({ min: 0, max: 2 }),
		queue: fc.constantFrom(0, 1, -1),
		interval: fc.integer({ min: 0, max: 3 }),
		easiness: fc.constantFrom(1.3, 2.5),
		dueDay: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
		createdAt: fc.integer({ min: 0, max: 3 }),
		lapses: fc.integer({ min: 0, max: 2 })
	});
	const deck = fc.uniqueArray(card, { selector: (c) => c.id, maxLength: 40 }).map((cards) => ({
		cards: cards.map(({ interval, easiness, ...rest }): SortableCard => ({ ...rest, state: { interval, easiness, repetitions: 1, extraReview: false } }))
	}));

	it('gives any slice as sortCards orders the cards, the first ones without sorting them all', () => {
		fc.assert(
			fc.property(deck, fc.constantFrom(...SORT_KEYS), fc.constantFrom('asc' as const, 'desc' as const), fc.nat(45), fc.nat(45), ({ cards }, by, direction, a, b) => {
				const sorted = sortCards(cards, by, direction);
				const lazily = new SortedCards(cards, by, direction);
				expect(lazily.length).toBe(cards.length);
				expect(lazily.slice(Math.min(a, b), Math.max(a, b))).toEqual(sorted.slice(Math.min(a, b), Math.max(a, b)));
				expect(lazily.slice(0, a)).toEqual(sorted.slice(0, a));
				expect(lazily.all()).toEqual(sorted);
				expect(lazily.unsorted).toBe(cards);
			})
		);
	});

	it('sorts them all once a slice reaches past the first few hundred', () => {
		const many = Array.from({ length: 1000 }, (_, i): SortableCard => ({ id: `c${i}`, deck: 'd', order: i, queue: 1, state: { interval: i % 7, easiness: 2.5, repetitions: 1, extraReview: false }, createdAt: (i * 37) % 1000 }));
		const lazily = new SortedCards(many, 'interval', 'desc');
		const sorted = sortCards(many, 'interval', 'desc');
		expect(lazily.slice(0, 50)).toEqual(sorted.slice(0, 50));
		expect(lazily.slice(450, 500)).toEqual(sorted.slice(450, 500));
		expect(lazily.slice(0, 50)).toEqual(sorted.slice(0, 50));
	});
});
