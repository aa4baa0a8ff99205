import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { MediaUrls } from '../../../src/lib/app/media-urls.svelte';
import { loadMedia } from '../../../src/lib/db/media';
import { onStoreChanged } from '../../../src/lib/db/quick-read';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { saveSettings } from '../../../src/lib/db/settings';
import { databasesDeletedAfterEach } from '../db/helpers';

const fresh = databasesDeletedAfterEach();
const WAV = new TextEncoder().encode('RIFF\u0024\u0000\u0000\u0000WAVEfmt ');

/** The page's media URLs over a test's store, hearing its writes as the page hears an import's (Dexie's broadcast). */
function urlsOf(db: RecallDatabase): MediaUrls {
	return new MediaUrls({ load: (names) => loadMedia(db, names), onStored: (listener) => onStoreChanged(listener, ['media'], db.name) });
}

const store = (db: RecallDatabase, name: string) => db.media.put({ name, type: 'audio/wav', bytes: WAV, size: WAV.length, addedAt: 1 });

describe('media URLs', () => {
	it('finds a file stored after it was found missing (an import in another tab, or the import page), without a reload', async () => {
		const db = fresh();
		const urls = urlsOf(db);
		await vi.waitFor(() => expect(urls.isMissing('영단어/abandon.wav')).toBe(true));
		expect(urls.isMissing('영단어/never.wav')).toBe(false);
		await vi.waitFor(() => expect(urls.isMissing('영단어/never.wav')).toBe(true));

		await store(db, '영단어/abandon.wav');
		await vi.waitFor(() => expect(urls.url('영단어/abandon.wav')).toMatch(/^blob:/));
		expect(urls.isMissing('영단어/abandon.wav')).toBe(false);
		expect(await urls.load('영단어/abandon.wav')).toMatch(/^blob:/);
		// Looked for again too, and still not stored: missing all along, never shown as a button meanwhile.
		expect(urls.isMissing('영단어/never.wav')).toBe(true);
		expect(await urls.load('영단어/never.wav')).toBeUndefined();
	});

	it('keeps a name missing when the write is of other tables (an answer), reading nothing again', async () => {
		const db = fresh();
		const load = vi.fn((names: string[]) => loadMedia(db, names));
		const urls = new MediaUrls({ load, onStored: (listener) => onStoreChanged(listener, ['media'], db.name) });
		await vi.waitFor(() => expect(urls.isMissing('a.wav')).toBe(true));
		await saveSettings(db, { newPerDay: 5 });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(load).toHaveBeenCalledTimes(1);
		expect(urls.isMissing('a.wav')).toBe(true);
	});
});
