import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasLeechTag, isLeech, LEECH_TAG, withLeechTag } from '../../../src/lib/srs/leech';

/** The lapse counts from 1 to `upTo` at which a card is a leech. */
function leechLapses(threshold: number, upTo = 30): number[] {
	return Array.from({ length: upTo }, (_, index) => index + 1).filter((lapses) => isLeech(lapses, threshold));
}

describe('isLeech: golden numbers (Anki’s rule)', () => {
	it('threshold 8 (the default): at 8 lapses, then every 4', () => {
		expect(leechLapses(8)).toEqual([8, 12, 16, 20, 24, 28]);
	});

	it('threshold 5: at 5 lapses, then every 3 (half of 5, rounded up)', () => {
		expect(leechLapses(5)).toEqual([5, 8, 11, 14, 17, 20, 23, 26, 29]);
	});

	it('threshold 1: at every lapse', () => {
		expect(leechLapses(1, 6)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('never below the threshold, and never for a card that never lapsed', () => {
		expect(isLeech(0, 8)).toBe(false);
		expect(isLeech(7, 8)).toBe(false);
		expect(isLeech(0, 1)).toBe(false);
	});

	it('refuses a threshold that is not a whole number from 1', () => {
		expect(() => isLeech(8, 0)).toThrow(RangeError);
		expect(() => isLeech(8, 2.5)).toThrow(RangeError);
	});

	it('is Anki’s formula for every threshold of the options (1-99)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 500 }), (threshold, lapses) => {
				expect(isLeech(lapses, threshold)).toBe(lapses >= threshold && (lapses - threshold) % Math.ceil(threshold / 2) === 0);
			})
		);
	});
});

describe('the leech tag', () => {
	it('is Anki’s', () => {
		expect(LEECH_TAG).toBe('leech');
	});

	it('is added once, after the other tags, and found in any case', () => {
		expect(withLeechTag(['aws', 'ec2'])).toEqual(['aws', 'ec2', 'leech']);
		expect(withLeechTag(['leech', 'aws'])).toEqual(['leech', 'aws']);
		expect(withLeechTag(['Leech'])).toEqual(['Leech']);
		expect(hasLeechTag(['aws::leech'])).toBe(false);
		expect(hasLeechTag(['LEECH'])).toBe(true);
	});
});
