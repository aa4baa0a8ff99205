import { describe, expect, it } from 'vitest';
import { newLimitHold } from '../../../src/lib/srs/queue-limits';

describe('newLimitHold', () => {
	it('holds all back once the day’s new cards over all decks are used up', () => {
		// 20 new studied in one deck and 10 more by its "Study more": another deck's 6 wait for tomorrow.
		expect(newLimitHold(20, 30, 6)).toEqual({ limit: 20, left: 0 });
		expect(newLimitHold(20, 20, 1)).toEqual({ limit: 20, left: 0 });
	});

	it('holds back the new cards beyond what is left of the limit', () => {
		expect(newLimitHold(20, 15, 12)).toEqual({ limit: 20, left: 5 });
		expect(newLimitHold(20, 0, 21)).toEqual({ limit: 20, left: 20 });
	});

	it('holds nothing back when the decks give no more than is left, or nothing at all', () => {
		expect(newLimitHold(20, 15, 5)).toBeUndefined();
		expect(newLimitHold(20, 0, 20)).toBeUndefined();
		expect(newLimitHold(20, 30, 0)).toBeUndefined();
	});
});
