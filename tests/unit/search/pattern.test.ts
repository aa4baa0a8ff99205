import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsPattern, matchesPattern, normalizeText, patternOf } from '../../../src/lib/search/pattern';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const regexOf = (parts: string[], anchored: boolean) => {
	const body = parts.map(escapeRegExp).join('.*');
	return new RegExp(anchored ? `^${body}$` : body, 's');
};

describe('patterns', () => {
	it('compare in NFC lower case', () => {
		expect(normalizeText('EC2 기초')).toBe('ec2 기초');
		expect(normalizeText('기초'.normalize('NFD'))).toBe('기초');
		expect(patternOf(['AWS ', '초'])).toEqual({ source: 'AWS *초', parts: ['aws ', '초'] });
	});

	it('contains: the parts in order, anywhere', () => {
		expect(containsPattern('identity and access', ['d', 'ss'])).toBe(true);
		expect(containsPattern('access and', ['ss', 'cc'])).toBe(false);
		expect(containsPattern('anything', ['', ''])).toBe(true);
	});

	it('matches: the whole text', () => {
		expect(matchesPattern('japanese::vocab', ['jap', ''])).toBe(true);
		expect(matchesPattern('aws 기초', ['', '기초'])).toBe(true);
		expect(matchesPattern('aws 기초', ['기초'])).toBe(false);
		// The last part must not overlap the first: "aa" is not "a*a" twice over one letter.
		expect(matchesPattern('a', ['a', 'a'])).toBe(false);
		expect(matchesPattern('aa', ['a', 'a'])).toBe(true);
		expect(matchesPattern('abcab', ['ab', 'c', 'ab'])).toBe(true);
		expect(matchesPattern('abab', ['ab', 'b', 'ab'])).toBe(false);
	});

	it('agree with the regular expression of the pattern', () => {
		const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ':'), maxLength: 8 });
		const parts = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ':'), maxLength: 3 }), { minLength: 1, maxLength: 4 });
		fc.assert(
			fc.property(text, parts, (t, p) => {
				expect(containsPattern(t, p)).toBe(regexOf(p, false).test(t));
				expect(matchesPattern(t, p)).toBe(regexOf(p, true).test(t));
			}),
			{ numRuns: 2000 }
		);
	});
});
