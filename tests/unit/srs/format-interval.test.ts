import { describe, expect, it } from 'vitest';
import { formatInterval } from '../../../src/lib/srs/format-interval';

describe('formatInterval', () => {
	it.each<[number, string, string]>([
		[0, 'today', '오늘'],
		[1, '1d', '1일'],
		[6, '6d', '6일'],
		[30, '30d', '30일'],
		[31, '1mo', '1개월'],
		[97, '3.2mo', '3.2개월'],
		[364, '12mo', '12개월'],
		[365, '1y', '1년'],
		[465, '1.3y', '1.3년'],
		[3650, '10y', '10년']
	])('%i days is "%s" in English and "%s" in Korean', (days, en, ko) => {
		expect(formatInterval(days, 'en')).toBe(en);
		expect(formatInterval(days, 'ko')).toBe(ko);
	});

	it('speaks English by default', () => {
		expect(formatInterval(17)).toBe('17d');
	});

	it('rounds part days to whole days', () => {
		expect(formatInterval(0.4)).toBe('today');
		expect(formatInterval(1.6)).toBe('2d');
	});

	it('rejects a negative or non-finite interval', () => {
		expect(() => formatInterval(-1)).toThrow(RangeError);
		expect(() => formatInterval(Number.NaN)).toThrow(RangeError);
		expect(() => formatInterval(Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});
});
