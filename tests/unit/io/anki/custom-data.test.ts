import { describe, expect, it } from 'vitest';
import { customDataColumn, readCustomData } from '../../../../src/lib/io/anki/custom-data';

const column = (custom: Record<string, unknown>) => JSON.stringify({ cd: JSON.stringify(custom) });

describe('a card’s custom data', () => {
	it('reads back the SM-2 state it was written with', () => {
		const pending = { repetitions: 5, extraReview: true, reps: 2 };
		expect(readCustomData(customDataColumn({ noteChecksum: 7, sm2: pending }))).toEqual({ noteChecksum: 7, sm2: pending });
		// A repeat is written only while one is pending.
		expect(customDataColumn({ sm2: { repetitions: 0, extraReview: false, reps: 0 } })).toBe(column({ n: 0, reps: 0 }));
	});

	it('takes no SM-2 state without the reps it was written beside, or that is no count', () => {
		for (const custom of [{ n: 4 }, { n: 4, reps: -1 }, { n: 1.5, reps: 2 }, { n: '4', reps: 2 }]) expect(readCustomData(column(custom)).sm2).toBeUndefined();
		expect(readCustomData(column({ n: 4, reps: 0, repeat: true })).sm2).toEqual({ repetitions: 4, extraReview: false, reps: 0 });
	});
});
