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

describe('Korean terms', () => {
	it('name suspending and burying one way each, as Anki’s Korean does: 보류, 묻어 두기', async () => {
		// Every page's bundle, so that every string is compared.
		await Promise.all([import('../../../src/lib/i18n/messages-cards'), import('../../../src/lib/i18n/messages-import'), import('../../../src/lib/i18n/messages-stats'), import('../../../src/lib/i18n/messages-settings'), import('../../../src/lib/i18n/messages-study'), import('../../../src/lib/i18n/messages-updates')]);
		const { messages } = await import('../../../src/lib/i18n/messages');
		// The search help lists the query language's own words, which stay English.
		const keys = (Object.keys(messages.en) as (keyof typeof messages.en)[]).filter((key) => key !== 'browseHelpKeys');
		const suspend = keys.filter((key) => /suspend/i.test(messages.en[key]));
		const bury = keys.filter((key) => /\bbur(?:y|ied)\b/i.test(messages.en[key]));
		expect(suspend.length).toBeGreaterThanOrEqual(5);
		expect(bury.length).toBeGreaterThanOrEqual(3);
		for (const key of suspend) expect(messages.ko[key], key).toContain('보류');
		for (const key of bury) expect(messages.ko[key], key).toMatch(/묻어 [두둠]/);
	});
});
