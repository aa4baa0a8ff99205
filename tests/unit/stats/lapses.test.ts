import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isLapse, lapseCounts } from '../../../src/lib/stats/lapses';
import type { Grade } from '../../../src/lib/srs/sm2';
import { answersOf, stateRow, TODAY } from './log';

describe('lapses', () => {
	it('a learned card forgotten; not a failure while relearning, nor one on a same-day repeat', () => {
		// 5: learned (reps 1). 4: reps 2. 1: a lapse (reps 2 → 0). 1: already relearning, no lapse.
		// 4: reps 1. 3: reps 2, repeat today. 2: the same-day repeat failed, sm2 keeps the card: no lapse.
		// 4: repeat done. 0: a lapse (reps 2 → 0).
		const grades: Grade[] = [5, 4, 1, 1, 4, 3, 2, 4, 0];
		const rows = answersOf('a', grades, TODAY - 20);
		expect(rows.map(isLapse)).toEqual([false, false, true, false, false, false, false, false, true]);
		const counts = lapseCounts([...rows, ...answersOf('b', [1, 4, 4], TODAY - 5), stateRow(TODAY, 'c')]);
		expect([...counts]).toEqual([['a', 2]]);
	});

	it('counts exactly the answers with which sm2 restarts a learned card', () => {
		const gradesArb = fc.array(fc.constantFrom<Grade>(0, 1, 2, 3, 4, 5), { maxLength: 30 });
		fc.assert(
			fc.property(gradesArb, (grades) => {
				const rows = answersOf('a', grades, TODAY - 40);
				const restarts = rows.filter((row) => row.before.state.repetitions > 0 && row.after.state.repetitions === 0).length;
				expect(lapseCounts(rows).get('a') ?? 0).toBe(restarts);
			})
		);
	});
});
