import { describe, expect, it } from 'vitest';
import { isLocale, pickLocale } from '../../../src/lib/i18n/locale';

describe('pickLocale', () => {
	it('takes the first supported language from the preferences', () => {
		expect(pickLocale(['ko-KR', 'en-US'])).toBe('ko');
		expect(pickLocale(['fr-FR', 'EN-gb'])).toBe('en');
	});

	it('falls back to English', () => {
		expect(pickLocale([])).toBe('en');
		expect(pickLocale(['ja', 'zh-CN'])).toBe('en');
	});

	it('knows its own locales', () => {
		expect(isLocale('ko')).toBe(true);
		expect(isLocale('ko-KR')).toBe(false);
		expect(isLocale(undefined)).toBe(false);
	});
});
