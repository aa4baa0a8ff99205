// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { cardHistory } from '../../../src/lib/db/answers';
import { deleteCards, suspendCards } from '../../../src/lib/db/bulk';
import { deleteDeck, isDeletable, restoreDeck } from '../../../src/lib/db/deck-removal';
import { loadDeckView } from '../../../src/lib/db/deck-view';
import { applyDeck } from '../../../src/lib/db/decks';
import { exportBackup, exportDeck } from '../../../src/lib/db/exports';
import { applyImport, previewImport } from '../../../src/lib/db/imports';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { createDeck, DeckExistsError } from '../../../src/lib/db/own-cards';
import { readStoreSnapshot } from '../../../src/lib/db/quick-read';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { parseBackup, serializeBackup } from '../../../src/lib/io/backup';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { studyDay } from '../../../src/lib/srs/day';
import { answerCurrent, databasesDeletedAfterEach, DAY_OPTIONS, deckFrom, seoulNoon, SETTINGS, tableChecksums } from './helpers';

const AT = seoulNoon('2026-11-25');
const TODAY = studyDay(AT, DAY_OPTIONS);
const NOTE = '# Words\n\n## Q\n\none::1\n\ntwo::2\n\nthree::3\n\nfour::4\n';
const words = deckFrom(NOTE, 'words.md');
const BUILT_IN = deckFrom('# Built in\n\n## B\n\nfive::5\n', 'built-in.md');

const database = databasesDeletedAfterEach();

/** A device with a built-in deck and the notes file `words.md` imported, two of its cards answered. */
async function device(): Promise<RecallDatabase> {
	const db = database();
	await applyDeck(db, { deck: BUILT_IN, hash: 'b' }, 'built-in', AT - 1000);
	await applyImport(db, { source: 'markdown', name: 'words.md', decks: [words], progress: {}, reviews: [], media: [], warnings: [] }, AT - 1000);
	await openSession(db, words.id, TODAY, SETTINGS, AT);
	await answerCurrent(db, words.id, 4, AT);
	await answerCurrent(db, words.id, 5, AT + 60_000);
	return db;
}

const cardsOf = async (db: RecallDatabase, deckId = words.id) => (await cardsInDeck(db, deckId).toArray()).sort((a, b) => a.order - b.order);
const sameFile = () => ({ source: 'markdown' as const, name: 'words.md', decks: [words], progress: {}, reviews: [], media: [], warnings: [] });

describe('deleteDeck', () => {
	it('retires the deck and deletes its cards at one moment, keeping every card record and review row; sessions lose them', async () => {
		const db = await device();
		const rows = await db.reviews.count();
		await openSession(db, ALL_DECKS, TODAY, SETTINGS, AT);
		await deleteDeck(db, words.id, AT + 120_000);

		expect(await db.decks.get(words.id)).toMatchObject({ retired: true, deletedAt: AT + 120_000 });
		const cards = await cardsOf(db);
		expect(cards).toHaveLength(4);
		for (const card of cards) expect(card).toMatchObject({ queue: Queue.retired, deletedAt: AT + 120_000, statusAt: AT + 120_000 });
		expect(await db.reviews.count()).toBe(rows);
		for (const stored of await db.sessions.toArray()) expect(stored.session.entries.filter((entry) => entry.id.startsWith('md:words'))).toEqual([]);
		expect(await loadDeckView(db, words.id)).toMatchObject({ cards: [] });
		// The home page's counts leave the deck out.
		expect([...((await readStoreSnapshot(() => TODAY, db.name))?.counts.keys() ?? [])]).toEqual([BUILT_IN.id]);
	});

	it('refuses a built-in deck, an unknown one, and one already deleted', async () => {
		const db = await device();
		expect(isDeletable((await db.decks.get(BUILT_IN.id))!)).toBe(false);
		await expect(deleteDeck(db, BUILT_IN.id, AT)).rejects.toThrow(RangeError);
		await expect(deleteDeck(db, 'nothing', AT)).rejects.toThrow(RangeError);
		await deleteDeck(db, words.id, AT);
		const before = await tableChecksums(db);
		await expect(deleteDeck(db, words.id, AT + 1)).rejects.toThrow(RangeError);
		expect(await tableChecksums(db)).toEqual(before);
	});
});

describe('restoreDeck', () => {
	it('brings the cards deleted with the deck back as they stood, suspended ones too; a card deleted before stays deleted', async () => {
		const db = await device();
		const [first, second, third, fourth] = (await cardsOf(db)).map((card) => card.id) as [string, string, string, string];
		await deleteCards(db, [fourth], AT + 100_000);
		await suspendCards(db, [third], AT + 110_000);
		const before = await cardsOf(db);
		const stood = await deleteDeck(db, words.id, AT + 120_000);
		expect(stood.map((card) => card.id).sort()).toEqual([first, second, third].sort());

		expect(await restoreDeck(db, words.id, stood, AT + 130_000)).toBe(3);
		const after = await cardsOf(db);
		expect(after.map((card) => [card.id, card.queue, card.deletedAt])).toEqual(before.map((card) => [card.id, card.queue, card.deletedAt]));
		expect(await db.decks.get(words.id)).toMatchObject({ retired: false });
		expect((await db.decks.get(words.id))?.deletedAt).toBeUndefined();
		expect(await restoreDeck(db, words.id, [], AT + 140_000)).toBe(0);
	});

	it('puts its cards back into today’s sessions, which the delete took them out of, keeping what was answered', async () => {
		const db = await device();
		const queued = (await openSession(db, words.id, TODAY, SETTINGS, AT + 100_000)).session.entries.map((entry) => entry.id);
		expect(queued).toHaveLength(2);
		const stood = await deleteDeck(db, words.id, AT + 120_000);
		expect((await openSession(db, words.id, TODAY, SETTINGS, AT + 125_000)).session.entries).toEqual([]);
		await restoreDeck(db, words.id, stood, AT + 130_000);
		const session = (await openSession(db, words.id, TODAY, SETTINGS, AT + 140_000)).session;
		expect(session.entries.map((entry) => entry.id)).toEqual(queued);
		expect(session.answered).toBe(2);
	});

	it('without the list (a page reloaded since), each card comes back as it stood too: a suspended one suspended', async () => {
		const db = await device();
		await suspendCards(db, [(await cardsOf(db))[2]!.id], AT + 110_000);
		await deleteDeck(db, words.id, AT + 120_000);
		expect(await restoreDeck(db, words.id, [], AT + 130_000)).toBe(4);
		const cards = await cardsOf(db);
		expect(cards.map((card) => card.queue)).toEqual([Queue.scheduled, Queue.scheduled, Queue.suspended, Queue.new]);
		for (const card of cards) {
			expect(card).toMatchObject({ statusAt: AT + 130_000 });
			expect(card.retiredSuspended).toBeUndefined();
		}
	});
});

describe('a deleted deck and imports', () => {
	it('comes back with its history when its file is imported again; a card deleted on its own before stays deleted', async () => {
		const db = await device();
		const cards = await cardsOf(db);
		await deleteCards(db, [cards[3]!.id], AT + 100_000);
		await deleteDeck(db, words.id, AT + 120_000);

		const preview = await previewImport(db, sameFile(), AT + 200_000);
		expect(preview.decks).toEqual([expect.objectContaining({ id: words.id, restored: 3 })]);
		await applyImport(db, sameFile(), AT + 200_000);

		expect(await db.decks.get(words.id)).toMatchObject({ retired: false });
		expect((await db.decks.get(words.id))?.deletedAt).toBeUndefined();
		const back = await cardsOf(db);
		expect(back.map((card) => card.queue)).toEqual([Queue.scheduled, Queue.scheduled, Queue.new, Queue.retired]);
		expect(back[3]?.deletedAt).toBe(AT + 100_000);
		expect(await cardHistory(db, back[0]!.id)).toHaveLength(1);
		expect(back[0]!.state).toEqual(cards[0]!.state);
	});

	it('a full backup carries the deletion: restored on a new device, the deck is deleted there too, exactly', async () => {
		const db = await device();
		await suspendCards(db, [(await cardsOf(db))[3]!.id], AT + 110_000);
		await deleteDeck(db, words.id, AT + 120_000);
		const backup = parseBackup(serializeBackup(await exportBackup(db, AT + 130_000), AT + 130_000));
		const other = database();
		await applyImport(other, backup, AT + 140_000);
		expect(await other.decks.get(words.id)).toMatchObject({ retired: true, deletedAt: AT + 120_000 });
		for (const card of await cardsOf(other)) expect(card).toMatchObject({ queue: Queue.retired, deletedAt: AT + 120_000 });
		// Imported again, the same backup changes nothing.
		const before = await tableChecksums(other);
		await applyImport(other, backup, AT + 150_000);
		expect(await tableChecksums(other)).toEqual(before);
		// Restored there, the card suspended before the deletion is suspended again.
		await restoreDeck(other, words.id, [], AT + 160_000);
		expect((await cardsOf(other)).map((card) => card.queue)).toEqual([Queue.scheduled, Queue.scheduled, Queue.new, Queue.suspended]);
	});

	it('a backup from a device that still studies the deck does not bring it back, unless a card of it changed there later', async () => {
		const here = await device();
		const there = await device();
		await deleteDeck(here, words.id, AT + 120_000);
		await applyImport(here, parseBackup(serializeBackup(await exportBackup(there, AT + 130_000), AT + 130_000)), AT + 140_000);
		expect(await here.decks.get(words.id)).toMatchObject({ retired: true, deletedAt: AT + 120_000 });

		// Suspended there after the deletion here: that card is live, so its deck is back, its other cards still deleted.
		const card = (await cardsOf(there))[1]!.id;
		await suspendCards(there, [card], AT + 150_000);
		await applyImport(here, parseBackup(serializeBackup(await exportBackup(there, AT + 160_000), AT + 160_000)), AT + 170_000);
		expect(await here.decks.get(words.id)).toMatchObject({ retired: false });
		expect((await cardsOf(here)).map((stored) => stored.queue)).toEqual([Queue.retired, Queue.suspended, Queue.retired, Queue.retired]);
	});

	it('a deck file exported before the deletion brings the deck back with its progress', async () => {
		const db = await device();
		const file = await exportDeck(db, words.id, { withProgress: true });
		const before = await cardsOf(db);
		await deleteDeck(db, words.id, AT + 120_000);
		await applyImport(db, file, AT + 130_000);
		const after = await cardsOf(db);
		expect(after.map((card) => [card.queue, card.state, card.deletedAt])).toEqual(before.map((card) => [card.queue, card.state, card.deletedAt]));
	});
});

describe('createDeck', () => {
	it('gives a new deck of a deleted deck’s name an id of its own: the deleted deck and its history stay, restorable', async () => {
		const db = await device();
		await deleteDeck(db, words.id, AT + 120_000);
		const deck = await createDeck(db, 'Words', AT + 130_000);
		expect(deck).toMatchObject({ id: `${words.id}-2`, name: 'Words', origin: 'manual', retired: false });
		expect(await db.decks.get(words.id)).toMatchObject({ retired: true, deletedAt: AT + 120_000 });
		expect(await restoreDeck(db, words.id, [], AT + 140_000)).toBe(4);
		// Now a deck shown has the name: refused.
		await expect(createDeck(db, 'words!', AT + 150_000)).rejects.toThrow(DeckExistsError);
	});
});

describe('a card its note had retired, deleted with its deck', () => {
	const file = (deck: typeof words) => ({ source: 'markdown' as const, name: 'words.md', decks: [deck], progress: {}, reviews: [], media: [], warnings: [] });
	const [one, two, three] = words.cards.map((card) => card.id) as [string, string, string];

	/** `words.md` imported, its third card suspended, the note then without its second and third, and the deck deleted. */
	async function retiredThenDeleted(): Promise<RecallDatabase> {
		const db = database();
		await applyImport(db, file(words), AT);
		await suspendCards(db, [three], AT + 500);
		const fewer = deckFrom(NOTE.replace('two::2\n\n', '').replace('three::3\n\n', ''), 'words.md');
		await applyImport(db, file(fewer), AT + 1000);
		expect((await db.cards.bulkGet([two, three])).map((card) => card?.queue)).toEqual([Queue.retired, Queue.retired]);
		await deleteDeck(db, words.id, AT + 2000);
		return db;
	}

	it('stays retired when the deck is restored after a reload (no undo list), and suspended if it was', async () => {
		const db = await retiredThenDeleted();
		expect(await restoreDeck(db, words.id, [], AT + 3000)).toBe(4);
		const [first, gone, goneSuspended] = await db.cards.bulkGet([one, two, three]);
		expect(first).toMatchObject({ queue: Queue.new });
		expect(gone).toMatchObject({ queue: Queue.retired });
		expect(gone).not.toHaveProperty('deletedAt');
		expect(gone).not.toHaveProperty('retiredWhenDeleted');
		expect(goneSuspended).toMatchObject({ queue: Queue.retired, retiredSuspended: true });
		// The note brings them back later: the suspended one comes back suspended.
		await applyImport(db, file(words), AT + 4000);
		expect((await db.cards.bulkGet([two, three])).map((card) => card?.queue)).toEqual([Queue.new, Queue.suspended]);
	});

	it('stays retired when the deck is restored on another device, from a full backup taken while it was deleted', async () => {
		const db = await retiredThenDeleted();
		const other = database();
		await applyImport(other, parseBackup(serializeBackup(await exportBackup(db, AT + 2500), AT + 2500)), AT + 2600);
		expect((await other.cards.get(two))?.retiredWhenDeleted).toBe(true);
		expect(await restoreDeck(other, words.id, [], AT + 3000)).toBe(4);
		const [first, gone, goneSuspended] = await other.cards.bulkGet([one, two, three]);
		expect(first).toMatchObject({ queue: Queue.new });
		// Gone from its note before the deletion: not back in the queues, as on the first device.
		expect(gone).toMatchObject({ queue: Queue.retired });
		expect(gone).not.toHaveProperty('deletedAt');
		expect(goneSuspended).toMatchObject({ queue: Queue.retired, retiredSuspended: true });
		// The same backup imported twice changes nothing the second time.
		const again = database();
		const backup = parseBackup(serializeBackup(await exportBackup(db, AT + 2500), AT + 2500));
		await applyImport(again, backup, AT + 2600);
		const once = await tableChecksums(again);
		await applyImport(again, backup, AT + 2700);
		expect(await tableChecksums(again)).toEqual(once);
	});
});
