import { describe, expect, it } from 'vitest';
import { parseWholeNumber } from '../../../src/lib/i18n/whole-number';

describe('parseWholeNumber', () => {
	const limits = { min: 0, max: 23 };

	it('reads whole numbers in range, with spaces around or full-width digits', () => {
		expect(parseWholeNumber('4', limits)).toBe(4);
		expect(parseWholeNumber(' 0 ', limits)).toBe(0);
		expect(parseWholeNumber('23', limits)).toBe(23);
		expect(parseWholeNumber('07', limits)).toBe(7);
		expect(parseWholeNumber('１２', limits)).toBe(12);
	});

	it('refuses what is empty, out of range or not a whole number', () => {
		for (const text of ['', '  ', '24', '-1', '1.5', '4.0', '1e1', 'four', '4h', '+4', '0x10', '1,0']) {
			expect(parseWholeNumber(text, limits), text).toBeUndefined();
		}
	});
});
