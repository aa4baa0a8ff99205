import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayStats, MAX_ANSWER_MS } from '../../../src/lib/stats/today';
import type { Grade } from '../../../src/lib/srs/sm2';
import { answer, stateRow, TODAY } from './log';

describe('dayStats: a known day', () => {
	const rows = [
		answer(TODAY, 1, { card: 'a', kind: 'new', durationMs: 5_000 }),
		answer(TODAY, 4, { card: 'a', kind: 'learning', durationMs: 3_000 }),
		answer(TODAY, 5, { card: 'b', kind: 'review', durationMs: 120_000 }), // capped at 60 s
		answer(TODAY, 3, { card: 'c', kind: 'review', durationMs: 2_000 }),
		answer(TODAY, 0, { card: 'c', kind: 'learning', durationMs: -5 }), // a broken time counts 0
		stateRow(TODAY, 'd'), // an import: not studying
		answer(TODAY - 1, 2, { card: 'e' }) // yesterday
	];

	it('counts cards, answers, time, grades and the again-rate of that day only', () => {
		expect(dayStats(rows, TODAY)).toEqual({
			cards: 3, // a, b, c
			answers: 5,
			byKind: { new: 1, learning: 2, review: 2 },
			timeMs: 70_000, // 5 + 3 + 60 + 2 + 0 seconds
			grades: { 0: 1, 1: 1, 2: 0, 3: 1, 4: 1, 5: 1 },
			again: 2, // the 1 and the 0
			againRate: 0.4 // 2 / 5
		});
	});

	it('any other day', () => {
		expect(dayStats(rows, TODAY - 1)).toMatchObject({ cards: 1, answers: 1, timeMs: 5_000, again: 1, againRate: 1 });
	});

	it('a day without answers: zeros, and no again-rate', () => {
		expect(dayStats([stateRow(TODAY)], TODAY)).toEqual({
			cards: 0,
			answers: 0,
			byKind: { new: 0, learning: 0, review: 0 },
			timeMs: 0,
			grades: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
			again: 0,
			againRate: null
		});
	});

	it('refuses a day that is not a whole number', () => {
		expect(() => dayStats([], Number.NaN)).toThrow(RangeError);
	});
});

describe('dayStats: any day', () => {
	const gradeArb = fc.constantFrom<Grade>(0, 1, 2, 3, 4, 5);
	const specArb = fc.record({
		card: fc.constantFrom('a', 'b', 'c', 'd'),
		ago: fc.integer({ min: 0, max: 2 }),
		grade: gradeArb,
		durationMs: fc.integer({ min: -1_000, max: 200_000 })
	});

	it('adds up as a plain reading of the rows does', () => {
		fc.assert(
			fc.property(fc.array(specArb, { maxLength: 40 }), (specs) => {
				const rows = specs.map((spec) => answer(TODAY - spec.ago, spec.grade, spec));
				const stats = dayStats(rows, TODAY);
				const today = specs.filter((spec) => spec.ago === 0);
				expect(stats.answers).toBe(today.length);
				expect(stats.cards).toBe(new Set(today.map((spec) => spec.card)).size);
				expect(Object.values(stats.grades).reduce((a, b) => a + b, 0)).toBe(today.length);
				expect(stats.timeMs).toBe(today.reduce((sum, spec) => sum + Math.min(MAX_ANSWER_MS, Math.max(0, spec.durationMs)), 0));
				expect(stats.again).toBe(today.filter((spec) => spec.grade < 3).length);
			})
		);
	});
});
