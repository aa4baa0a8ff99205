import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../src/lib/db/settings-values';

describe('normalizeSettings', () => {
	it('gives the defaults for nothing stored, or for something that is not settings', () => {
		for (const value of [undefined, null, 'dark', 42, []]) expect(normalizeSettings(value)).toEqual(DEFAULT_SETTINGS);
		expect(DEFAULT_SETTINGS.theme).toBe('auto');
	});

	it('keeps a valid theme, and reads a missing or unknown one as automatic', () => {
		expect(normalizeSettings({ theme: 'dark' }).theme).toBe('dark');
		expect(normalizeSettings({ theme: 'light' }).theme).toBe('light');
		expect(normalizeSettings({ theme: 'auto' }).theme).toBe('auto');
		for (const theme of [undefined, null, '', 'Dark', 'sepia', 1, true, { dark: true }]) expect(normalizeSettings({ theme }).theme, String(theme)).toBe('auto');
	});

	it('keeps the other settings when the theme is missing (settings stored before it existed), and drops keys it does not know', () => {
		const before = { newPerDay: 7, reviewsPerDay: 100, newOrder: 'random', dayStartHour: 3, gradeButtons: 'six', language: 'ko', leechThreshold: 5, leechAction: 'tag' };
		expect(normalizeSettings(before)).toEqual({ ...before, theme: 'auto', buryNewSiblings: true, buryReviewSiblings: true, autoplaySounds: true });
		expect(normalizeSettings({ ...before, theme: 'dark', fontSize: 'large', buryNewSiblings: false })).toEqual({
			...before,
			theme: 'dark',
			buryNewSiblings: false,
			buryReviewSiblings: true,
			autoplaySounds: true
		});
		expect(normalizeSettings({ ...before, buryReviewSiblings: false }).buryReviewSiblings).toBe(false);
		expect(normalizeSettings({ ...before, buryReviewSiblings: 'no' }).buryReviewSiblings).toBe(true);
	});

	it('plays sounds automatically unless that was turned off', () => {
		expect(DEFAULT_SETTINGS.autoplaySounds).toBe(true);
		expect(normalizeSettings({ autoplaySounds: false }).autoplaySounds).toBe(false);
		for (const autoplaySounds of [undefined, 'no', 0, null]) expect(normalizeSettings({ autoplaySounds }).autoplaySounds).toBe(true);
	});
});
