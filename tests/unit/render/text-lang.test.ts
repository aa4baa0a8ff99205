import { describe, expect, it } from 'vitest';
import { textLang } from '../../../src/lib/render/text-lang';

describe('textLang', () => {
	it('marks text with Hangul in it as Korean, Latin words mixed in or not', () => {
		expect(textLang('AWS 기초')).toBe('ko');
		expect(textLang('EC2: 가상머신 제공')).toBe('ko');
		// Compatibility jamo alone (ㅋㅋ) and conjoining jamo are Hangul too.
		expect(textLang('ㅋ')).toBe('ko');
		expect(textLang('\u1100\u1161')).toBe('ko');
	});

	it('leaves other text in the language of what holds it', () => {
		expect(textLang('What is EC2?')).toBeUndefined();
		expect(textLang('')).toBeUndefined();
		// Japanese and Chinese share no letters with Korean's Hangul: they are not taken for it.
		expect(textLang('日本語のテキスト')).toBeUndefined();
		expect(textLang('中文')).toBeUndefined();
	});
});
