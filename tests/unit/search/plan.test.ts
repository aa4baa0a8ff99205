import { describe, expect, it } from 'vitest';
import { Queue } from '../../../src/lib/db/constants';
import { queryNeeds, ratedFirstDay, scanHint } from '../../../src/lib/search/plan';
import { parseQuery } from '../../../src/lib/search/query';

describe('queryNeeds', () => {
	it('the rated: spans and deck names a query asks for, wherever they stand', () => {
		expect(queryNeeds(parseQuery('rated:7 -(rated:1 or prop:lapses>1) deck:x rated:7'))).toEqual({ rated: [1, 7], deckNames: true });
		expect(queryNeeds(parseQuery('dog'))).toEqual({ rated: [], deckNames: false });
	});

	it('rated:1 is today, rated:7 today and the 6 days before', () => {
		expect(ratedFirstDay(1, 100)).toBe(100);
		expect(ratedFirstDay(7, 100)).toBe(94);
	});
});

describe('scanHint', () => {
	it('a deck and a queue every match must have', () => {
		expect(scanHint(parseQuery('deck:aws is:due dog'))).toMatchObject({ deck: { parts: ['aws'] }, queue: Queue.scheduled });
		expect(scanHint(parseQuery('deck:"AWS 기초"'))).toMatchObject({ deck: { source: 'AWS 기초' } });
		expect(scanHint(parseQuery('is:new'))).toEqual({ queue: Queue.new });
		expect(scanHint(parseQuery('is:suspended tag:x'))).toEqual({ queue: Queue.suspended });
		expect(scanHint(parseQuery('prop:due<=1'))).toEqual({ queue: Queue.scheduled });
	});

	it('nothing when a term may not hold for every match', () => {
		expect(scanHint(parseQuery('deck:a or deck:b'))).toEqual({});
		expect(scanHint(parseQuery('-deck:a -is:new'))).toEqual({});
		expect(scanHint(parseQuery('is:buried'))).toEqual({}); // new or scheduled
		expect(scanHint(parseQuery(''))).toEqual({});
	});
});
