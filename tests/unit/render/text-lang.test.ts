import { describe, expect, it } from 'vitest';
import { textLang } from '../../../src/lib/render/text-lang';

describe('textLang', () => {
	it('marks text with Hangul in it as Korean, Latin words mixed in or not, under either interface', () => {
		for (const ui of ['en', 'ko'] as const) {
			expect(textLang('AWS 기초', ui)).toBe('ko');
			expect(textLang('EC2: 가상머신 제공', ui)).toBe('ko');
			// Compatibility jamo alone (ㅋㅋ) and conjoining jamo are Hangul too.
			expect(textLang('ㅋ', ui)).toBe('ko');
			expect(textLang('\u1100\u1161', ui)).toBe('ko');
			// Hanja with Hangul is Korean.
			expect(textLang('漢字 한자', ui)).toBe('ko');
		}
	});

	it('marks Latin text as English under the Korean interface, where it would be read with a Korean voice', () => {
		expect(textLang('What is EC2?', 'ko')).toBe('en');
		expect(textLang('Availability Zone (AZ)', 'ko')).toBe('en');
		// Accented Latin letters are Latin: an English voice still reads them better than a Korean one.
		expect(textLang('café', 'ko')).toBe('en');
	});

	it('leaves Latin text to inherit the English interface’s language', () => {
		expect(textLang('What is EC2?', 'en')).toBeUndefined();
		expect(textLang('café', 'en')).toBeUndefined();
	});

	it('leaves text with no letters, and letters of other scripts, in the language of what holds it', () => {
		for (const ui of ['en', 'ko'] as const) {
			expect(textLang('', ui)).toBeUndefined();
			expect(textLang('42', ui)).toBeUndefined();
			expect(textLang('3.14 + 2 = ?', ui)).toBeUndefined();
			expect(textLang('→ ✓ …', ui)).toBeUndefined();
			// Han and Kana could be Japanese, Chinese or hanja: no guess, with Latin letters beside them or not.
			expect(textLang('日本語のテキスト', ui)).toBeUndefined();
			expect(textLang('中文', ui)).toBeUndefined();
			expect(textLang('Kanji: 漢字', ui)).toBeUndefined();
			expect(textLang('привет', ui)).toBeUndefined();
			expect(textLang('Greek α', ui)).toBeUndefined();
		}
	});
});
