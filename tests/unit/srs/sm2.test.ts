import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NEW_CARD, replay, sm2, type Grade, type Sm2State } from '../../../src/lib/srs/sm2';

/** Every state a sequence of grades passes through, after each grade. */
function trace(grades: Grade[], start: Sm2State = NEW_CARD): Sm2State[] {
	const states: Sm2State[] = [];
	let state = start;
	for (const grade of grades) {
		state = sm2(state, grade);
		states.push(state);
	}
	return states;
}

const gradeArb = fc.constantFrom<Grade>(0, 1, 2, 3, 4, 5);

describe('NEW_CARD', () => {
	it('is the published starting state', () => {
		expect(NEW_CARD).toEqual({ repetitions: 0, easiness: 2.5, interval: 0, extraReview: false });
	});

	it('cannot be changed by accident', () => {
		expect(Object.isFrozen(NEW_CARD)).toBe(true);
		sm2(NEW_CARD, 5);
		expect(NEW_CARD.easiness).toBe(2.5);
	});
});

describe('sm2: golden sequences', () => {
	it('grades 5 x6 give 1, 6, 17, 50, 150, 465 and EF 3.1', () => {
		const states = trace([5, 5, 5, 5, 5, 5]);
		expect(states.map((s) => s.interval)).toEqual([1, 6, 17, 50, 150, 465]);
		expect(states.map((s) => s.easiness)).toEqual([2.6, 2.7, 2.8, 2.9, 3, 3.1]);
		expect(states.at(-1)).toEqual({ repetitions: 6, easiness: 3.1, interval: 465, extraReview: false });
	});

	it('grades 4 x6 give 1, 6, 15, 38, 95, 238 with EF unchanged', () => {
		const states = trace([4, 4, 4, 4, 4, 4]);
		expect(states.map((s) => s.interval)).toEqual([1, 6, 15, 38, 95, 238]);
		expect(states.every((s) => s.easiness === 2.5)).toBe(true);
		expect(states.at(-1)?.repetitions).toBe(6);
	});

	it('grades 3,4,3,4,3,4 give 1, 1, 6, 6, 13, 13 with EF 2.08', () => {
		const states = trace([3, 4, 3, 4, 3, 4]);
		expect(states.map((s) => s.interval)).toEqual([1, 1, 6, 6, 13, 13]);
		expect(states.map((s) => s.easiness)).toEqual([2.36, 2.36, 2.22, 2.22, 2.08, 2.08]);
		expect(states.map((s) => s.extraReview)).toEqual([true, false, true, false, true, false]);
		expect(states.at(-1)?.repetitions).toBe(3);
	});

	it('grades 5,5,2,4,4,4 give 1, 6, 0, 1, 6, 17 with EF 2.7', () => {
		const states = trace([5, 5, 2, 4, 4, 4]);
		expect(states.map((s) => s.interval)).toEqual([1, 6, 0, 1, 6, 17]);
		expect(states.map((s) => s.repetitions)).toEqual([1, 2, 0, 1, 2, 3]);
		expect(states.at(-1)?.easiness).toBe(2.7);
	});

	it('grades 5,5,5,1,3,4,4 give 1, 6, 17, 0, 1, 1, 6 with EF 2.66', () => {
		const states = trace([5, 5, 5, 1, 3, 4, 4]);
		expect(states.map((s) => s.interval)).toEqual([1, 6, 17, 0, 1, 1, 6]);
		expect(states.at(-1)).toEqual({ repetitions: 2, easiness: 2.66, interval: 6, extraReview: false });
	});

	it('replay folds the same numbers as stepping by hand', () => {
		expect(replay([5, 5, 5, 1, 3, 4, 4])).toEqual(trace([5, 5, 5, 1, 3, 4, 4]).at(-1));
		expect(replay([])).toEqual(NEW_CARD);
	});
});

describe('sm2: each rule', () => {
	it('changes EF by +0.1, 0 and -0.14 for grades 5, 4 and 3', () => {
		expect(sm2(NEW_CARD, 5).easiness).toBe(2.6);
		expect(sm2(NEW_CARD, 4).easiness).toBe(2.5);
		expect(sm2(NEW_CARD, 3).easiness).toBe(2.36);
	});

	it('leaves EF alone on a failed grade and restarts the repetitions', () => {
		const learned: Sm2State = { repetitions: 4, easiness: 2.2, interval: 30, extraReview: false };
		for (const grade of [0, 1, 2] as Grade[]) {
			expect(sm2(learned, grade)).toEqual({ repetitions: 0, easiness: 2.2, interval: 0, extraReview: false });
		}
	});

	it('sets extraReview only on grade 3', () => {
		expect(sm2(NEW_CARD, 3).extraReview).toBe(true);
		expect(sm2(NEW_CARD, 4).extraReview).toBe(false);
		expect(sm2(NEW_CARD, 5).extraReview).toBe(false);
	});

	it('during a same-day repeat, grade >= 4 clears extraReview and changes nothing else', () => {
		const repeat: Sm2State = { repetitions: 3, easiness: 2.22, interval: 13, extraReview: true };
		expect(sm2(repeat, 4)).toEqual({ ...repeat, extraReview: false });
		expect(sm2(repeat, 5)).toEqual({ ...repeat, extraReview: false });
	});

	it('during a same-day repeat, a grade below 4 changes nothing, not even on a failure', () => {
		const repeat: Sm2State = { repetitions: 3, easiness: 2.22, interval: 13, extraReview: true };
		for (const grade of [0, 1, 2, 3] as Grade[]) expect(sm2(repeat, grade)).toEqual(repeat);
	});

	it('never lets EF fall below 1.3', () => {
		const low: Sm2State = { repetitions: 2, easiness: 1.3, interval: 6, extraReview: false };
		const next = sm2(low, 3);
		expect(next.easiness).toBe(1.3);
		expect(next.interval).toBe(8); // ceil(6 * 1.3) = ceil(7.8)
		expect(sm2({ ...low, easiness: 1.4 }, 3).easiness).toBe(1.3);
	});

	it('computes ceil(I * EF) exactly where floating point would overshoot', () => {
		// 2.5 + 0.1 * 5 in floating point is 3.0000000000000004.
		let floating = 2.5;
		for (let i = 0; i < 5; i++) floating += 0.1;
		expect(Math.ceil(50 * floating)).toBe(151);

		const state: Sm2State = { repetitions: 4, easiness: 2.9, interval: 50, extraReview: false };
		expect(sm2(state, 5)).toEqual({ repetitions: 5, easiness: 3, interval: 150, extraReview: false });
		// An EF that reached the caller through float sums is read as the hundredths it means.
		let drifted = 2;
		for (let i = 0; i < 3; i++) drifted += 0.1;
		expect(Math.ceil(10 * drifted)).toBe(24);
		expect(sm2({ repetitions: 2, easiness: drifted, interval: 10, extraReview: false }, 4).interval).toBe(23);
	});

	it('keeps an ease imported in permille (Anki factor 2345) unrounded', () => {
		const imported: Sm2State = { repetitions: 3, easiness: 2.345, interval: 100, extraReview: false };
		expect(sm2(imported, 4)).toEqual({ repetitions: 4, easiness: 2.345, interval: 235, extraReview: false });
	});

	it('does not change the state it was given', () => {
		const prev: Sm2State = { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false };
		const copy = { ...prev };
		sm2(prev, 5);
		sm2(prev, 0);
		expect(prev).toEqual(copy);
		const repeat = { ...prev, extraReview: true };
		expect(sm2(repeat, 2)).not.toBe(repeat);
	});
});

describe('sm2: bad input', () => {
	it.each([-1, 6, 2.5, Number.NaN, '4', null, undefined])('rejects grade %s', (grade) => {
		expect(() => sm2(NEW_CARD, grade as unknown as Grade)).toThrow(RangeError);
	});

	it.each<[string, Partial<Sm2State>]>([
		['a negative interval', { interval: -1 }],
		['a fractional interval', { interval: 1.5 }],
		['negative repetitions', { repetitions: -1 }],
		['EF below 1.3', { easiness: 1.2 }],
		['EF that is not a number', { easiness: Number.NaN }],
		['an infinite interval', { interval: Number.POSITIVE_INFINITY }]
	])('rejects a state with %s', (_, change) => {
		expect(() => sm2({ ...NEW_CARD, ...change }, 4)).toThrow(RangeError);
	});
});

describe('sm2: properties over random grade sequences', () => {
	const sequences = fc.array(gradeArb, { minLength: 1, maxLength: 60 });

	it('EF never falls below 1.3 and the interval is never negative', () => {
		fc.assert(
			fc.property(sequences, (grades) => {
				for (const state of trace(grades)) {
					expect(state.easiness).toBeGreaterThanOrEqual(1.3);
					expect(state.interval).toBeGreaterThanOrEqual(0);
					expect(Number.isInteger(state.interval)).toBe(true);
					expect(Number.isInteger(state.repetitions)).toBe(true);
				}
			})
		);
	});

	it('same-day repeats never move EF, the interval or the repetitions', () => {
		fc.assert(
			fc.property(sequences, gradeArb, (grades, grade) => {
				const before = replay(grades);
				if (!before.extraReview) return;
				const after = sm2(before, grade);
				expect(after.easiness).toBe(before.easiness);
				expect(after.interval).toBe(before.interval);
				expect(after.repetitions).toBe(before.repetitions);
			})
		);
	});

	it('EF is always a whole number of hundredths when starting from a new card', () => {
		fc.assert(
			fc.property(sequences, (grades) => {
				for (const state of trace(grades)) {
					expect(Math.round(state.easiness * 100) / 100).toBe(state.easiness);
				}
			})
		);
	});

	it('a passing grade after a success never shortens the interval', () => {
		fc.assert(
			fc.property(sequences, fc.constantFrom<Grade>(3, 4, 5), (grades, grade) => {
				const before = replay(grades);
				if (before.extraReview || before.repetitions === 0) return;
				expect(sm2(before, grade).interval).toBeGreaterThanOrEqual(before.interval);
			})
		);
	});

	it('a failing grade always sends the card back to today with n = 0', () => {
		fc.assert(
			fc.property(sequences, fc.constantFrom<Grade>(0, 1, 2), (grades, grade) => {
				const before = replay(grades);
				const after = sm2(before, grade);
				if (before.extraReview) expect(after).toEqual(before);
				else expect(after).toMatchObject({ repetitions: 0, interval: 0, easiness: before.easiness });
			})
		);
	});
});
