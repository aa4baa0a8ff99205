import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readStoredSettings, readStoreSnapshot } from '../../../src/lib/db/quick-read';
import { loadSettings, saveSettings } from '../../../src/lib/db/settings';
import { databasesDeletedAfterEach } from './helpers';

const freshDatabase = databasesDeletedAfterEach();

describe('a read of the settings right after a save', () => {
	it('loadSettings sees the save', async () => {
		const db = freshDatabase();
		await loadSettings(db);
		const saved = saveSettings(db, { gradeButtons: 'six' });
		const read = loadSettings(db);
		expect((await read).gradeButtons).toBe('six');
		await saved;
	});

	it('loadSettings sees the save on a database not yet open', async () => {
		const db = freshDatabase();
		const saved = saveSettings(db, { gradeButtons: 'six' });
		const read = loadSettings(db);
		expect((await read).gradeButtons).toBe('six');
		await saved;
	});

	it('readStoredSettings sees the save', async () => {
		const db = freshDatabase();
		await loadSettings(db);
		const saved = saveSettings(db, { newPerDay: 3 });
		expect((await readStoredSettings(db.name)).newPerDay).toBe(3);
		await saved;
	});

	it('readStoreSnapshot sees the save', async () => {
		const db = freshDatabase();
		await loadSettings(db);
		const saved = saveSettings(db, { newPerDay: 3 });
		expect((await readStoreSnapshot(() => 0, db.name))?.settings.newPerDay).toBe(3);
		await saved;
	});
});
