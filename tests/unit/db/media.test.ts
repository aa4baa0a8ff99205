/**
 * Stored media and a note imported again: an image an earlier import stored
 * (a zip of the notes folder, or the note chosen with its pictures) stays the
 * card's image when the note comes alone, as the import worker reads it
 * (readImportFiles with the store's media names).
 */
import 'fake-indexeddb/auto';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../../src/lib/db/imports';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { loadMedia, mediaNames, noteDecks } from '../../../src/lib/db/media';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { readImportFiles, type ImportFile } from '../../../src/lib/io/read-import';
import { databasesDeletedAfterEach, seoulNoon } from './helpers';
import { emptyBundle } from '../../../src/lib/io/bundle';
import { makeCard } from '../io/anki/export-helpers';

const text = (value: string) => new TextEncoder().encode(value);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const loadSql = () => Promise.reject(new Error('no Anki file here'));

const NOTE = '# Biology\n\n- **Cell**: the unit of life ![red cell](images/red.png)\n- **Leaf**: where photosynthesis happens\n';
const EDITED = NOTE.replace('where photosynthesis happens', 'where photosynthesis happens, mostly');

const fresh = databasesDeletedAfterEach();

/** What the import worker does: read with the store's media names, then preview or apply. */
async function read(db: RecallDatabase, files: ImportFile[]) {
	const result = await readImportFiles(files, { loadSql, knownMedia: () => mediaNames(db), noteDecks: () => noteDecks(db) });
	if (result.kind !== 'bundle') throw new Error('not a bundle');
	return result.bundle;
}

async function cellImages(db: RecallDatabase) {
	const cards = await cardsInDeck(db, 'biology').toArray();
	return cards.find((card) => card.front.includes('Cell'))?.images;
}

describe('mediaNames', () => {
	it('lists the stored files’ names, none on an empty store', async () => {
		const db = fresh();
		expect(await mediaNames(db)).toEqual(new Set());
		await applyImport(db, await read(db, [{ name: 'notes.zip', bytes: zipSync({ 'biology.md': text(NOTE), 'images/red.png': PNG }) }]), seoulNoon('2026-11-25'));
		expect(await mediaNames(db)).toEqual(new Set(['biology/images/red.png']));
	});
});

describe('loadMedia', () => {
	it('finds a file by the name asked for, or as a card may spell it (percent-encoded, as markdown-it writes a path), keyed by the name asked for', async () => {
		const db = fresh();
		const png = (name: string) => ({ name, type: 'image/png', bytes: PNG });
		await applyImport(db, { ...emptyBundle('apkg', 'p.apkg'), decks: [{ id: 'd', name: 'D', tags: [], cards: [makeCard('c', 'd', 'q', 'a')] }], media: [png('my pic.png'), png('지도.png'), png('100%.png')] }, seoulNoon('2026-11-25'));
		const found = await loadMedia(db, ['my%20pic.png', '%EC%A7%80%EB%8F%84.png', '100%.png', 'my pic.png', 'gone.png']);
		expect([...found.keys()]).toEqual(['my%20pic.png', '%EC%A7%80%EB%8F%84.png', '100%.png', 'my pic.png']);
		expect(found.get('my%20pic.png')?.type).toBe('image/png');
	});
});

describe('a note imported alone after its images were stored', () => {
	for (const [how, first] of [
		['a zip of the notes folder', [{ name: 'notes.zip', bytes: zipSync({ 'notes/biology.md': text(NOTE), 'notes/images/red.png': PNG }) }]],
		['the note chosen with its picture', [{ name: 'biology.md', bytes: text(NOTE) }, { name: 'red.png', bytes: PNG }]]
	] as const) {
		it(`keeps the stored image (first imported as ${how}): the card is unchanged`, async () => {
			const db = fresh();
			await applyImport(db, await read(db, [...first]), seoulNoon('2026-11-25'));
			const stored = await cellImages(db);
			expect(stored).toEqual([{ src: 'biology/images/red.png', alt: 'red cell' }]);

			const again = await read(db, [{ name: 'biology.md', bytes: text(EDITED) }]);
			expect(again.media).toEqual([]);
			expect(again.warnings).toEqual([]);
			const preview = await previewImport(db, again);
			expect(preview.decks.map(({ id, added, updated, unchanged, retired, moved }) => ({ id, added, updated, unchanged, retired, moved }))).toEqual([
				// The edited card (its answer) is updated; the card with the image is not.
				{ id: 'biology', added: 0, updated: 1, unchanged: 1, retired: 0, moved: 0 }
			]);
			expect(preview.media).toEqual({ written: 0, unchanged: 0 });

			await applyImport(db, again, seoulNoon('2026-11-26'));
			expect(await cellImages(db)).toEqual(stored);
			expect([...(await loadMedia(db, ['biology/images/red.png'])).keys()]).toEqual(['biology/images/red.png']);
		});
	}

	it('without the store’s names the card loses its image (what the worker did before)', async () => {
		const db = fresh();
		await applyImport(db, await read(db, [{ name: 'biology.md', bytes: text(NOTE) }, { name: 'red.png', bytes: PNG }]), seoulNoon('2026-11-25'));
		const result = await readImportFiles([{ name: 'biology.md', bytes: text(NOTE) }], { loadSql });
		if (result.kind !== 'bundle') throw new Error('not a bundle');
		expect((await previewImport(db, result.bundle)).decks[0]).toMatchObject({ updated: 1, unchanged: 1 });
		expect(result.bundle.warnings.map((warning) => warning.code)).toEqual(['notes-missing-images']);
	});
});

describe('a note whose title changed, imported alone after its images were stored', () => {
	const RETITLED = EDITED.replace('# Biology', '# Cell biology');
	const deckImages = async (db: RecallDatabase, deck: string) => (await cardsInDeck(db, deck).toArray()).filter((card) => card.queue !== -1).flatMap((card) => card.images);

	it('finds them under the deck its cards came from: no warning, the cards show them, and again on the next import', async () => {
		const db = fresh();
		await applyImport(db, await read(db, [{ name: 'notes.zip', bytes: zipSync({ 'biology.md': text(NOTE), 'images/red.png': PNG }) }]), seoulNoon('2026-11-25'));
		expect([...(await noteDecks(db))].map(([file, decks]) => [file, decks.map((deck) => deck.id)])).toEqual([['biology.md', ['biology']]]);

		const renamed = await read(db, [{ name: 'biology.md', bytes: text(RETITLED) }]);
		expect(renamed.decks.map((deck) => deck.id)).toEqual(['cell-biology']);
		expect(renamed.warnings).toEqual([]);
		expect(renamed.media).toEqual([]);
		const preview = await previewImport(db, renamed);
		expect(preview.renamed).toEqual([{ from: 'Biology', to: 'Cell biology', cards: 2 }]);
		expect(preview.media).toEqual({ written: 0, unchanged: 0 });
		await applyImport(db, renamed, seoulNoon('2026-11-26'));
		expect(await deckImages(db, 'cell-biology')).toEqual([{ src: 'biology/images/red.png', alt: 'red cell' }]);
		expect([...(await loadMedia(db, ['biology/images/red.png'])).keys()]).toEqual(['biology/images/red.png']);

		// The earlier deck is retired now; the note imported alone once more still finds them, and changes nothing.
		const again = await read(db, [{ name: 'biology.md', bytes: text(RETITLED) }]);
		expect(again.warnings).toEqual([]);
		expect((await previewImport(db, again)).decks[0]).toMatchObject({ id: 'cell-biology', added: 0, updated: 0, unchanged: 2 });
	});

	it('another note of the same file name (another folder’s notes.md) does not take the first one’s images; the note itself, retitled, does', async () => {
		const db = fresh();
		const PLANTS = '# Plants\n\n- **Root**: takes up water ![a root](images/red.png)\n- **Stem**: holds the plant up\n';
		await applyImport(db, await read(db, [{ name: 'notes.md', bytes: text(NOTE) }, { name: 'red.png', bytes: PNG }]), seoulNoon('2026-11-25'));
		expect(await mediaNames(db)).toEqual(new Set(['biology/images/red.png']));

		// Another folder's notes.md, chosen alone: its picture is not the stored one of the same path.
		const other = await read(db, [{ name: 'notes.md', bytes: text(PLANTS) }]);
		expect(other.decks[0]?.cards.flatMap((card) => card.images)).toEqual([{ src: 'images/red.png', alt: 'a root' }]);
		expect(other.warnings.map((warning) => warning.code)).toEqual(['notes-missing-images']);
		const preview = await previewImport(db, other);
		expect(preview.renamed).toEqual([]);
		await applyImport(db, other, seoulNoon('2026-11-26'));
		expect(await deckImages(db, 'plants')).toEqual([{ src: 'images/red.png', alt: 'a root' }]);

		// The first note, retitled, is its deck under a new title: it finds the picture, and keeps it on the next import.
		for (const day of ['2026-11-27', '2026-11-28']) {
			const renamed = await read(db, [{ name: 'notes.md', bytes: text(RETITLED) }]);
			expect(renamed.warnings).toEqual([]);
			await applyImport(db, renamed, seoulNoon(day));
			expect(await deckImages(db, 'cell-biology')).toEqual([{ src: 'biology/images/red.png', alt: 'red cell' }]);
		}
		// And the other note, imported again, still does not show it.
		const otherAgain = await read(db, [{ name: 'notes.md', bytes: text(PLANTS) }]);
		expect(otherAgain.decks[0]?.cards.flatMap((card) => card.images)).toEqual([{ src: 'images/red.png', alt: 'a root' }]);
		// The retitled note's file renamed too: its deck (by its id) still shows the picture its cards showed.
		const moved = await read(db, [{ name: 'cells.md', bytes: text(RETITLED) }]);
		expect(moved.warnings).toEqual([]);
		expect(moved.decks[0]?.cards.flatMap((card) => card.images)).toEqual([{ src: 'biology/images/red.png', alt: 'red cell' }]);
	});

	it('the note’s own deck comes first; a note of another file does not take another note’s images', async () => {
		const db = fresh();
		await applyImport(db, await read(db, [{ name: 'notes.zip', bytes: zipSync({ 'biology.md': text(NOTE), 'images/red.png': PNG }) }]), seoulNoon('2026-11-25'));
		const other = await read(db, [{ name: 'zoology.md', bytes: text(RETITLED.replace('# Cell biology', '# Zoology')) }]);
		expect(other.decks[0]?.cards.flatMap((card) => card.images)).toEqual([{ src: 'images/red.png', alt: 'red cell' }]);
		expect(other.warnings.map((warning) => warning.code)).toEqual(['notes-missing-images']);
	});
});

describe('a note’s sounds, stored by an earlier import', () => {
	const WAV = text('RIFF\u0024\u0000\u0000\u0000WAVEfmt ');
	const WORDS = '# Words\n\n- **abandon**: to leave behind ![[abandon.wav]]\n- **subtle**: hard to notice\n';
	const backs = async (db: RecallDatabase, deck: string) => (await cardsInDeck(db, deck).toArray()).filter((card) => card.queue !== -1).map((card) => card.back);

	it('plays them when the note comes alone again, also retitled: the cards are unchanged, nothing is warned', async () => {
		const db = fresh();
		await applyImport(db, await read(db, [{ name: 'words.md', bytes: text(WORDS) }, { name: 'abandon.wav', bytes: WAV }]), seoulNoon('2026-11-25'));
		expect(await mediaNames(db)).toEqual(new Set(['words/abandon.wav']));
		expect(await backs(db, 'words')).toContain('to leave behind\n\n[sound:words/abandon.wav]');

		const again = await read(db, [{ name: 'words.md', bytes: text(WORDS) }]);
		expect(again.warnings).toEqual([]);
		expect((await previewImport(db, again)).decks[0]).toMatchObject({ id: 'words', added: 0, updated: 0, unchanged: 2 });

		const retitled = await read(db, [{ name: 'words.md', bytes: text(WORDS.replace('# Words', '# English words')) }]);
		expect(retitled.warnings).toEqual([]);
		await applyImport(db, retitled, seoulNoon('2026-11-26'));
		expect(await backs(db, 'english-words')).toContain('to leave behind\n\n[sound:words/abandon.wav]');
	});
});
