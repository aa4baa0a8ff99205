// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteDeck } from '../../../src/lib/db/deck-removal';
import { DeckNameError, MAX_DECK_NAME, renameDeck } from '../../../src/lib/db/deck-rename';
import { applyDeck } from '../../../src/lib/db/decks';
import { exportBackup } from '../../../src/lib/db/exports';
import { applyImport } from '../../../src/lib/db/imports';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { createDeck } from '../../../src/lib/db/own-cards';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { parseBackup, serializeBackup } from '../../../src/lib/io/backup';
import { delimitedToBundle, parseDelimited } from '../../../src/lib/io/delimited';
import { databasesDeletedAfterEach, deckFrom, seoulNoon, tableChecksums } from './helpers';

const AT = seoulNoon('2026-11-25');
const database = databasesDeletedAfterEach();
const NOTES = deckFrom('# Notes\n\n## Q\n\none::1\n', 'notes.md');

/** The table `vocab.csv`, as the import page makes it into a bundle. */
function vocabFile() {
	const table = parseDelimited(new TextEncoder().encode('front,back\napple,사과\npear,배\n'));
	return delimitedToBundle(table, table.suggested, { deckName: 'vocab', fileName: 'vocab.csv' });
}

/** A device with the table `vocab.csv` imported, a built-in deck and a deck made from notes. */
async function device(): Promise<RecallDatabase> {
	const db = database();
	await applyImport(db, vocabFile(), AT - 1000);
	await applyDeck(db, { deck: deckFrom('# Built in\n\n## B\n\ntwo::2\n', 'b.md'), hash: 'b' }, 'built-in', AT - 1000);
	await applyImport(db, { source: 'markdown', name: 'notes.md', decks: [NOTES], progress: {}, reviews: [], media: [], warnings: [] }, AT - 1000);
	return db;
}

const backupOf = async (db: RecallDatabase, at: number) => parseBackup(serializeBackup(await exportBackup(db, at), at));

describe('renameDeck', () => {
	it('changes the name only: the id, the cards and their links stay; the name is stamped', async () => {
		const db = await device();
		const cards = await cardsInDeck(db, 'vocab').toArray();
		const renamed = await renameDeck(db, 'vocab', '  영어 단어 ', AT);
		expect(renamed).toMatchObject({ id: 'vocab', name: '영어 단어', nameAt: AT, updatedAt: AT });
		expect(await db.decks.get('vocab')).toEqual(renamed);
		expect(await cardsInDeck(db, 'vocab').toArray()).toEqual(cards);
	});

	it('stores the name tidied, as New deck does', async () => {
		const db = await device();
		expect(await renameDeck(db, 'vocab', 'Languages:: ::English::', AT)).toMatchObject({ id: 'vocab', name: 'Languages::English' });
		expect((await db.decks.get('vocab'))?.name).toBe('Languages::English');
	});

	it('refuses a blank name, a too long one, and one another deck has (in any case); nothing changes', async () => {
		const db = await device();
		const before = await tableChecksums(db);
		const problem = (name: string) => renameDeck(db, 'vocab', name, AT).catch((error: unknown) => (error instanceof DeckNameError ? error.problem : error));
		expect(await problem('   ')).toBe('blank');
		expect(await problem(' :: ')).toBe('blank');
		expect(await problem('x'.repeat(MAX_DECK_NAME + 1))).toBe('too-long');
		expect(await problem('built IN')).toBe('taken');
		// As New deck refuses it: the same name but for punctuation.
		expect(await problem('Built-in!')).toBe('taken');
		expect(await tableChecksums(db)).toEqual(before);
		// Its own name, in another case, is fine; a deleted deck's name is free.
		await expect(renameDeck(db, 'vocab', 'Vocab', AT)).resolves.toMatchObject({ name: 'Vocab' });
		await createDeck(db, 'Mine', AT);
		await deleteDeck(db, 'mine', AT + 1);
		await expect(renameDeck(db, 'vocab', 'Mine', AT + 2)).resolves.toMatchObject({ name: 'Mine' });
	});

	it('renames neither a built-in deck, nor a deck made from notes, nor a deleted deck', async () => {
		const db = await device();
		await expect(renameDeck(db, 'built-in', 'Other', AT)).rejects.toThrow(RangeError);
		await expect(renameDeck(db, NOTES.id, 'Other', AT)).rejects.toThrow(RangeError);
		await deleteDeck(db, 'vocab', AT);
		await expect(renameDeck(db, 'vocab', 'Other', AT + 1)).rejects.toThrow(RangeError);
		await expect(renameDeck(db, 'nothing', 'Other', AT)).rejects.toThrow(RangeError);
	});
});

describe('a renamed deck and imports', () => {
	it('keeps its name when its file is imported again, which changes nothing else', async () => {
		const db = await device();
		await renameDeck(db, 'vocab', 'Words', AT);
		const before = await tableChecksums(db);
		await applyImport(db, vocabFile(), AT + 1000);
		expect(await db.decks.get('vocab')).toMatchObject({ name: 'Words', nameAt: AT });
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('a backup carries the name to another device; the later name wins, whichever backup is imported first', async () => {
		const [a, b] = [await device(), await device()];
		await renameDeck(a, 'vocab', 'Early', AT);
		await renameDeck(b, 'vocab', 'Late', AT + 1000);
		const [fromA, fromB] = [await backupOf(a, AT + 2000), await backupOf(b, AT + 2000)];
		await applyImport(a, fromB, AT + 3000);
		await applyImport(b, fromA, AT + 3000);
		for (const db of [a, b]) expect(await db.decks.get('vocab')).toMatchObject({ name: 'Late', nameAt: AT + 1000 });

		// A device that never renamed it takes the name, and restored on a fresh one the backup is exact.
		const c = await device();
		await applyImport(c, fromA, AT + 4000);
		expect(await c.decks.get('vocab')).toMatchObject({ name: 'Early', nameAt: AT });
		const fresh = database();
		await applyImport(fresh, fromB, AT + 4000);
		expect(await fresh.decks.get('vocab')).toMatchObject({ name: 'Late', nameAt: AT + 1000 });
	});
});
