import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followStoredSetting } from '../../../src/lib/app/stored-settings';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { saveSettings } from '../../../src/lib/db/settings';
import type { LanguageSetting, ThemeSetting } from '../../../src/lib/db/settings';
import { freshDatabase } from '../db/helpers';

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

describe('followStoredSetting', () => {
	it('applies the stored language at once and every change after', async () => {
		db = freshDatabase();
		await saveSettings(db, { language: 'ko' });
		const seen: LanguageSetting[] = [];
		const stop = followStoredSetting('language', (language) => seen.push(language), db.name);
		await vi.waitFor(() => expect(seen).toEqual(['ko']));

		await saveSettings(db, { language: 'auto' });
		await vi.waitFor(() => expect(seen).toEqual(['ko', 'auto']));

		stop();
		await saveSettings(db, { language: 'en' });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(seen).toEqual(['ko', 'auto']);
	});

	it('applies the theme the same way, and only when it changes', async () => {
		db = freshDatabase();
		await saveSettings(db, { theme: 'dark' });
		const seen: ThemeSetting[] = [];
		const stop = followStoredSetting('theme', (theme) => seen.push(theme), db.name);
		await vi.waitFor(() => expect(seen).toEqual(['dark']));

		// Another setting changes: the theme is read again, and not applied again.
		await saveSettings(db, { newPerDay: 3 });
		await saveSettings(db, { theme: 'light' });
		await vi.waitFor(() => expect(seen).toEqual(['dark', 'light']));
		stop();
	});

	it('applies the default, automatic, when nothing was stored, and does not create the database', async () => {
		db = freshDatabase();
		const apply = vi.fn();
		const stop = followStoredSetting('theme', apply, db.name);
		await vi.waitFor(() => expect(apply).toHaveBeenCalledWith('auto'));
		stop();
		expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(db.name);
	});
});
