/**
 * An Anki package's files that the store holds under another name (db/package-media.ts): not stored again, and
 * the package's cards that show them are pointed at the stored name.
 */
import 'fake-indexeddb/auto';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../src/lib/db/imports';
import { exportDeck } from '../../../src/lib/db/exports';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { loadMedia, mediaNames, noteDecks } from '../../../src/lib/db/media';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { emptyBundle, type ImportBundle } from '../../../src/lib/io/bundle';
import { readImportFiles, type ImportFile } from '../../../src/lib/io/read-import';
import { readAnkiPackage } from '../../../src/lib/io/anki/import';
import { writeAnkiPackage } from '../../../src/lib/io/anki/export';
import { cardSideExportHtml } from '../../../src/lib/render/markdown';
import { loadSql } from '../io/anki/helpers';
import { makeCard } from '../io/anki/export-helpers';
import { DAY_OPTIONS, databasesDeletedAfterEach, seoulNoon } from './helpers';

const text = (value: string) => new TextEncoder().encode(value);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const OTHER_PNG = new Uint8Array([...PNG, 1]);
const NOTE = '# Biology\n\n- **Cell**: the unit of life ![red cell](images/red.png)\n- **Leaf**: where photosynthesis happens\n';

const fresh = databasesDeletedAfterEach();

/** What the import worker does: read with the store's media names. */
async function read(db: RecallDatabase, files: ImportFile[]): Promise<ImportBundle> {
	const result = await readImportFiles(files, { loadSql, knownMedia: () => mediaNames(db), noteDecks: () => noteDecks(db) });
	if (result.kind !== 'bundle') throw new Error('not a bundle');
	return result.bundle;
}

/** The note's deck, imported from a zip of its folder. */
async function storedNote(): Promise<RecallDatabase> {
	const db = fresh();
	await applyImport(db, await read(db, [{ name: 'notes.zip', bytes: zipSync({ 'biology.md': text(NOTE), 'images/red.png': PNG }) }]), seoulNoon('2026-11-25'));
	return db;
}

/** What the export worker writes for an .apkg of one deck, with the app's renderer, read back as the import worker reads it. */
async function apkgRoundTrip(db: RecallDatabase, deckId: string): Promise<ImportBundle> {
	const sql = await loadSql();
	const bytes = writeAnkiPackage(await exportDeck(db, deckId, { withProgress: true }), { sql, now: seoulNoon('2026-11-26'), dayOptions: DAY_OPTIONS, renderSide: cardSideExportHtml });
	return readAnkiPackage(bytes, { sql, now: seoulNoon('2026-11-27'), dayOptions: DAY_OPTIONS, name: 'Biology.apkg' });
}

describe('a note’s deck exported as an Anki package and imported back', () => {
	it('stores nothing new: the package’s copy of the image is the file the cards already show', async () => {
		const db = await storedNote();
		const before = await db.media.toArray();
		const cardsBefore = await cardsInDeck(db, 'biology').toArray();

		const back = await apkgRoundTrip(db, 'biology');
		// The package carries the image, which the reader names by its content.
		expect(back.media.map((file) => file.bytes)).toEqual([PNG]);
		expect(back.media[0]?.name).not.toBe('biology/images/red.png');
		expect((await previewImport(db, back, seoulNoon('2026-11-27'))).media).toEqual({ written: 0, unchanged: 1 });

		await applyImport(db, back, seoulNoon('2026-11-27'));
		expect(await db.media.toArray()).toEqual(before);
		expect(await cardsInDeck(db, 'biology').toArray()).toEqual(cardsBefore);
		expect([...(await loadMedia(db, ['biology/images/red.png'])).keys()]).toEqual(['biology/images/red.png']);
	});
});

describe('a package’s file the store holds under another name', () => {
	const png = (name: string, bytes = PNG) => ({ name, type: 'image/png', bytes });
	/** A store with a card of a backup showing `shown.png`, as a deck of one's own or another device's might. */
	async function storedCard(): Promise<RecallDatabase> {
		const db = fresh();
		const card = makeCard('own:1', 'd', 'Map', '<img src="shown.png">', { format: 'html' });
		await applyImport(db, { ...emptyBundle('deck', 'd.json'), decks: [{ id: 'd', name: 'D', tags: [], cards: [card] }], media: [png('shown.png')] }, seoulNoon('2026-11-25'));
		return db;
	}
	const packageOf = (cards: ReturnType<typeof makeCard>[], media: ImportBundle['media']): ImportBundle => ({
		...emptyBundle('apkg', 'p.apkg'),
		decks: [{ id: 'd', name: 'D', tags: [], cards }],
		media
	});

	it('points the cards that show it, the card brought again and a new one, at the stored name, and stores nothing', async () => {
		const db = await storedCard();
		const edited = makeCard('own:1', 'd', 'Map of Seoul', '<img src="abc.png">', { format: 'html', rule: 'imported' });
		const added = makeCard('anki:2', 'd', 'Seoul', '<p><img src="abc.png" alt="a map"></p>[sound:abc.png]', { format: 'html', rule: 'imported' });
		const bundle = packageOf([edited, added], [png('abc.png')]);
		expect((await previewImport(db, bundle)).media).toEqual({ written: 0, unchanged: 1 });
		await applyImport(db, bundle, seoulNoon('2026-11-26'));

		expect(await mediaNames(db)).toEqual(new Set(['shown.png']));
		const cards = await cardsInDeck(db, 'd').toArray();
		expect(cards.find((card) => card.id === 'own:1')).toMatchObject({ front: 'Map of Seoul', back: '<img src="shown.png">' });
		expect(cards.find((card) => card.id === 'anki:2')?.back).toBe('<p><img src="shown.png" alt="a map"></p>[sound:shown.png]');
	});

	it('stores a file of other bytes as it is, and one held only by files of cards it does not bring (those are not read)', async () => {
		const db = await storedCard();
		const THIRD_PNG = new Uint8Array([...PNG, 2]);
		const elsewhere = makeCard('own:2', 'e', 'Elsewhere', '<img src="elsewhere.png">', { format: 'html' });
		await applyImport(db, { ...emptyBundle('deck', 'e.json'), decks: [{ id: 'e', name: 'E', tags: [], cards: [elsewhere] }], media: [png('elsewhere.png', THIRD_PNG)] }, seoulNoon('2026-11-25'));
		const again = makeCard('own:1', 'd', 'Map', '<img src="abc.png"><img src="def.png"><img src="ghi.png">', { format: 'html', rule: 'imported' });
		const bundle = packageOf([again], [png('abc.png'), png('def.png', OTHER_PNG), png('ghi.png', THIRD_PNG)]);
		// abc.png is the stored shown.png; def.png has other bytes; ghi.png's are stored as elsewhere.png, which no card of the package shows.
		expect((await previewImport(db, bundle)).media).toEqual({ written: 2, unchanged: 1 });
		await applyImport(db, bundle, seoulNoon('2026-11-26'));
		expect(await mediaNames(db)).toEqual(new Set(['shown.png', 'elsewhere.png', 'def.png', 'ghi.png']));
		expect((await db.cards.get('own:1'))?.back).toBe('<img src="shown.png"><img src="def.png"><img src="ghi.png">');
	});

	it('writes a stored name into the attribute as HTML reads it', async () => {
		const db = fresh();
		const card = makeCard('own:1', 'd', 'Q', '<img src="a&amp;&quot;b.png">', { format: 'html' });
		await applyImport(db, { ...emptyBundle('deck', 'd.json'), decks: [{ id: 'd', name: 'D', tags: [], cards: [card] }], media: [png('a&"b.png')] }, seoulNoon('2026-11-25'));
		await applyImport(db, packageOf([makeCard('own:1', 'd', 'Q2', '<img src="abc.png">', { format: 'html', rule: 'imported' })], [png('abc.png')]), seoulNoon('2026-11-26'));
		expect((await db.cards.get('own:1'))?.back).toBe('<img src="a&amp;&quot;b.png">');
		expect(await mediaNames(db)).toEqual(new Set(['a&"b.png']));
	});
});

describe('files of other formats', () => {
	it('a note’s picture that the store holds under another name is stored under the note’s name: its next import finds it by it', async () => {
		const db = fresh();
		await applyImport(db, { ...emptyBundle('apkg', 'p.apkg'), decks: [{ id: 'd', name: 'D', tags: [], cards: [makeCard('anki:1', 'd', 'Q', '<img src="abc.png">', { format: 'html' })] }], media: [{ name: 'abc.png', type: 'image/png', bytes: PNG }] }, seoulNoon('2026-11-25'));
		await applyImport(db, await read(db, [{ name: 'notes.zip', bytes: zipSync({ 'biology.md': text(NOTE), 'images/red.png': PNG }) }]), seoulNoon('2026-11-26'));
		expect(await mediaNames(db)).toEqual(new Set(['abc.png', 'biology/images/red.png']));
	});
});
