import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src/lib/i18n/i18n.svelte';

// Vitest runs in Node, which has no navigator languages: the browser's locale is English.
afterEach(() => {
	i18n.useLanguage('auto');
});

describe('i18n.useLanguage', () => {
	it('lets the stored language override the browser’s, and automatic return to it', () => {
		expect(i18n.locale).toBe('en');
		i18n.useLanguage('ko');
		expect(i18n.language).toBe('ko');
		expect(i18n.locale).toBe('ko');
		expect(i18n.t('navHome')).toBe('홈');
		i18n.useLanguage('auto');
		expect(i18n.locale).toBe(i18n.browserLocale);
		expect(i18n.t('navHome')).toBe('Home');
	});

	it('follows a change of the browser’s languages only when automatic', () => {
		i18n.useLanguage('ko');
		i18n.browserLanguageChanged();
		expect(i18n.locale).toBe('ko');
		i18n.useLanguage('auto');
		i18n.browserLanguageChanged();
		expect(i18n.locale).toBe('en');
	});
});
