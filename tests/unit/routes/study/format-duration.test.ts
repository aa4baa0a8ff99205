import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../../src/routes/study/[scope]/format-duration';

describe('formatDuration', () => {
	it('writes seconds under a minute, then minutes, then hours and minutes', () => {
		expect([0, 4_400, 45_000, 59_400].map((ms) => formatDuration(ms, 'en'))).toEqual(['0 s', '4 s', '45 s', '59 s']);
		expect([59_600, 90_000, 12 * 60_000, 59 * 60_000 + 20_000].map((ms) => formatDuration(ms, 'en'))).toEqual(['1 min', '2 min', '12 min', '59 min']);
		expect([60 * 60_000, 65 * 60_000, 3 * 3_600_000].map((ms) => formatDuration(ms, 'en'))).toEqual(['1 h 0 min', '1 h 5 min', '3 h 0 min']);
	});

	it('speaks Korean', () => {
		expect([45_000, 12 * 60_000, 65 * 60_000].map((ms) => formatDuration(ms, 'ko'))).toEqual(['45초', '12분', '1시간 5분']);
	});

	it('refuses what is not a duration', () => {
		expect(() => formatDuration(-1, 'en')).toThrow(RangeError);
		expect(() => formatDuration(Number.NaN, 'en')).toThrow(RangeError);
	});
});
