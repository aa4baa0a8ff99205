import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../../../src/lib/db/settings';
import { settingsWritesSettled } from '../../../src/lib/db/settings-writes';
import { parseWholeNumber } from '../../../src/lib/i18n/whole-number';
import { NUMBER_LIMITS, SettingsForm, type NumberField } from '../../../src/routes/settings/settings-form.svelte';

/** A stand-in for saveSettings: merges like it does, and can be made to fail or to be slow. */
function fakeStore(initial: Settings = DEFAULT_SETTINGS) {
	let stored = { ...initial };
	const calls: Partial<Settings>[] = [];
	const store = {
		calls,
		failWith: undefined as Error | undefined,
		delays: [] as number[],
		get stored() {
			return stored;
		},
		save: async (change: Partial<Settings>) => {
			calls.push(change);
			const delay = store.delays.shift() ?? 0;
			if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
			if (store.failWith) throw store.failWith;
			stored = normalizeSettings({ ...stored, ...change });
			return stored;
		}
	};
	return store;
}

describe('the settings form’s numbers', () => {
	it('accepts exactly the values that stored settings keep', () => {
		for (const [field, { min, max }] of Object.entries(NUMBER_LIMITS) as [NumberField, { min: number; max: number }][]) {
			expect(normalizeSettings({ [field]: max })[field], field).toBe(max);
			expect(normalizeSettings({ [field]: min })[field], field).toBe(min);
			// One past the end is clamped in storage: the form refuses it rather than save something else.
			expect(normalizeSettings({ [field]: max + 1 })[field], field).toBe(max);
			expect(parseWholeNumber(String(max + 1), NUMBER_LIMITS[field]), field).toBeUndefined();
		}
	});
});

describe('SettingsForm', () => {
	it('starts from the stored settings', () => {
		const form = new SettingsForm({ ...DEFAULT_SETTINGS, newPerDay: 7 }, fakeStore().save);
		expect(form.text).toEqual({ newPerDay: '7', reviewsPerDay: '200', dayStartHour: '4', leechThreshold: '8' });
		expect(form.values.newPerDay).toBe(7);
		expect(form.saved).toBeUndefined();
	});

	it('saves a valid number at once and says so', async () => {
		const store = fakeStore();
		const form = new SettingsForm(DEFAULT_SETTINGS, store.save);
		await form.editNumber('newPerDay', '5');
		expect(store.calls).toEqual([{ newPerDay: 5 }]);
		expect(store.stored.newPerDay).toBe(5);
		expect(form.values.newPerDay).toBe(5);
		expect(form.saved).toBe('newPerDay');
		expect(form.invalid).toEqual({});
	});

	it('flags an invalid number and does not save it', async () => {
		const store = fakeStore();
		const form = new SettingsForm(DEFAULT_SETTINGS, store.save);
		await form.editNumber('dayStartHour', '24');
		expect(form.invalid).toEqual({ dayStartHour: true });
		expect(form.text.dayStartHour).toBe('24');
		expect(store.calls).toEqual([]);
		expect(form.saved).toBeUndefined();

		await form.editNumber('dayStartHour', '');
		expect(store.calls).toEqual([]);

		await form.editNumber('dayStartHour', '5');
		expect(form.invalid).toEqual({});
		expect(store.stored.dayStartHour).toBe(5);
	});

	it('takes back the "Saved" of a field that then became invalid', async () => {
		const form = new SettingsForm(DEFAULT_SETTINGS, fakeStore().save);
		await form.editNumber('reviewsPerDay', '100');
		expect(form.saved).toBe('reviewsPerDay');
		await form.editNumber('reviewsPerDay', '100x');
		expect(form.saved).toBeUndefined();
	});

	it('saves the choices', async () => {
		const store = fakeStore();
		const form = new SettingsForm(DEFAULT_SETTINGS, store.save);
		await form.choose('gradeButtons', 'six');
		await form.choose('newOrder', 'random');
		await form.choose('language', 'ko');
		await form.choose('theme', 'dark');
		expect(store.stored).toMatchObject({ gradeButtons: 'six', newOrder: 'random', language: 'ko', theme: 'dark' });
		expect(form.saved).toBe('theme');
	});

	it('saves in the order of the changes, even when an earlier save is slower', async () => {
		const store = fakeStore();
		store.delays = [30, 0];
		const form = new SettingsForm(DEFAULT_SETTINGS, store.save);
		const first = form.editNumber('newPerDay', '1');
		const second = form.editNumber('newPerDay', '12');
		await Promise.all([first, second]);
		expect(store.calls).toEqual([{ newPerDay: 1 }, { newPerDay: 12 }]);
		expect(store.stored.newPerDay).toBe(12);
		expect(form.values.newPerDay).toBe(12);
	});

	it('reports a failed save on its field, and clears it once a save of that field works', async () => {
		const store = fakeStore();
		const form = new SettingsForm(DEFAULT_SETTINGS, store.save);
		store.failWith = new Error('QuotaExceededError');
		await form.choose('gradeButtons', 'six');
		expect(form.failure).toEqual({ field: 'gradeButtons', message: 'QuotaExceededError' });
		expect(form.saved).toBeUndefined();
		expect(form.values.gradeButtons).toBe('four');

		store.failWith = undefined;
		await form.choose('gradeButtons', 'six');
		expect(form.failure).toBeUndefined();
		expect(form.saved).toBe('gradeButtons');
	});
});

describe('a change waiting for the save before it', () => {
	it('is waited for by a read of the settings made meanwhile', async () => {
		const store = fakeStore();
		store.delays = [30, 0];
		const form = new SettingsForm(DEFAULT_SETTINGS, store.save);
		const first = form.editNumber('newPerDay', '1');
		const second = form.choose('gradeButtons', 'six');
		// The second save has not started yet: a page read now must still see it.
		expect(store.calls).not.toContainEqual({ gradeButtons: 'six' });
		await settingsWritesSettled();
		expect(store.stored).toMatchObject({ newPerDay: 1, gradeButtons: 'six' });
		await Promise.all([first, second]);
	});
});
