// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { loadMedia } from '../../../src/lib/db/media';
import { cardsInDeck, rowsOfCards } from '../../../src/lib/db/lookups';
import { Queue, RecallDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../src/lib/db/schema';
import { onUpgrading } from '../../../src/lib/db/upgrade-status';
import { tallyDeckDays } from '../../../src/lib/stats/tally';
import { freshDatabase } from './helpers';

/** The version the app opens at: each upgrade test opens an older store with it. */
const LATEST = 5;

let name = '';
afterEach(async () => {
	await Dexie.delete(name);
});

describe('schema versions', () => {
	it('opens a database written by version 1 with every record intact', async () => {
		name = freshDatabase().name;
		// Written the way version 1 of the app wrote it, with its own schema declaration.
		const v1 = new Dexie(name);
		v1.version(1).stores(SCHEMA_V1);
		await v1.table('decks').put({ id: 'd', name: 'Deck', origin: 'built-in', tags: [], retired: false, createdAt: 1, updatedAt: 1 });
		await v1.table('cards').put({
			id: 'md:1', deck: 'd', kind: 'basic', rule: 'qa', front: 'q', back: 'a', path: [], tags: [], images: [],
			source: { file: 'd.md', line: 1 }, state: { repetitions: 1, easiness: 2.6, interval: 1, extraReview: false },
			dueDay: 20_000, order: 0, queue: 1, lastReview: 'r1', createdAt: 1, updatedAt: 1
		});
		await v1.table('reviews').put({
			id: 'r1', card: 'md:1', deck: 'd', grade: 5, reviewedAt: 1, day: 19_999, durationMs: 1000, kind: 'new',
			before: { state: { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false } },
			after: { state: { repetitions: 1, easiness: 2.6, interval: 1, extraReview: false }, dueDay: 20_000 }
		});
		v1.close();

		const db = new RecallDatabase(name);
		await db.open();
		expect(db.verno).toBe(LATEST);
		expect(await db.decks.get('d')).toMatchObject({ name: 'Deck' });
		expect(await db.cards.get('md:1')).toMatchObject({ state: { repetitions: 1, easiness: 2.6, interval: 1, extraReview: false }, lastReview: 'r1', queue: 1 });
		expect(await db.cards.where('[deck+queue+dueDay]').equals(['d', 1, 20_000]).primaryKeys()).toEqual(['md:1']);
		expect(await db.cards.where('[queue+dueDay]').equals([1, 20_000]).primaryKeys()).toEqual(['md:1']);
		expect(await db.reviews.where('[deck+day]').equals(['d', 19_999]).count()).toBe(1);
		expect(await db.reviews.where('[card+reviewedAt]').equals(['md:1', 1]).first()).toMatchObject({ id: 'r1', grade: 5, kind: 'new' });
		// Version 2's media table is there, empty, and works.
		expect(await db.media.count()).toBe(0);
		await db.media.put({ name: 'a.png', type: 'image/png', bytes: new Uint8Array([1, 2, 3]), size: 3, addedAt: 5 });
		const media = await loadMedia(db, ['a.png', 'missing.png']);
		expect([...media.keys()]).toEqual(['a.png']);
		expect(media.get('a.png')?.type).toBe('image/png');
		expect([...new Uint8Array(await media.get('a.png')!.arrayBuffer())]).toEqual([1, 2, 3]);
		db.close();
	});

	it('version 3 makes the day tallies and each card’s lapses from the log, and drops the old statistics cache', async () => {
		name = freshDatabase().name;
		const v2 = new Dexie(name);
		v2.version(2).stores(SCHEMA_V2);
		const state = (repetitions: number, interval: number, extraReview = false) => ({ repetitions, easiness: 2.5, interval, extraReview });
		const card = (id: string, deck: string) => ({
			id, deck, kind: 'basic', rule: 'qa', front: id, back: 'a', path: [], tags: [], images: [], source: { file: 'd.md', line: 1 },
			state: state(1, 1), dueDay: 20_000, order: 0, queue: 1, createdAt: 1, updatedAt: 1
		});
		await v2.table('cards').bulkPut([card('c1', 'd'), card('c2', 'd'), card('c3', 'e')]);
		const row = (id: string, cardId: string, deck: string, day: number, grade: number, before: ReturnType<typeof state>, kind = 'review') => ({
			id, card: cardId, deck, grade, reviewedAt: day * 86_400_000, day, durationMs: 1000, kind, before: { state: before }, after: { state: state(1, 1), dueDay: day + 1 }
		});
		const rows = [
			row('r1', 'c1', 'd', 19_990, 4, state(0, 0), 'new'),
			row('r2', 'c1', 'd', 19_995, 1, state(2, 6)), // a lapse of a young card
			row('r3', 'c1', 'd', 19_995, 1, state(0, 1, false), 'learning'), // failing again while relearning: no lapse
			row('r4', 'c1', 'd', 19_999, 2, state(5, 30)), // a lapse of a mature card
			row('r5', 'c2', 'd', 19_999, 5, state(3, 25)),
			row('r6', 'c3', 'e', 19_999, 1, state(1, 1, true)), // awaiting its same-day repeat: no lapse
			{ id: 's1', card: 'c2', deck: 'd', kind: 'set', reason: 'import', reviewedAt: 19_980 * 86_400_000, day: 19_980, before: { state: state(0, 0) }, after: { state: state(3, 25), dueDay: 20_005 } }
		];
		await v2.table('reviews').bulkPut(rows);
		await v2.table('settings').bulkPut([
			{ key: 'settings', value: { newPerDay: 7 } },
			{ key: 'fact:stats:*', value: { version: 1 } },
			{ key: 'fact:stats:d', value: { version: 1 } },
			{ key: 'fact:installed', value: true }
		]);
		v2.close();

		const said: boolean[] = [];
		const stop = onUpgrading((upgrading) => said.push(upgrading));
		const db = new RecallDatabase(name);
		await db.open();
		stop();
		// The page is told while the upgrade reads the log (AppUpdates says so when it takes long).
		expect(said).toEqual([false, true, false]);
		expect(db.verno).toBe(LATEST);
		const byKey = (a: { deck: string; day: number }, b: { deck: string; day: number }) => (a.deck === b.deck ? a.day - b.day : a.deck < b.deck ? -1 : 1);
		const days = (await db.days.toArray()).sort(byKey);
		expect(days).toEqual(tallyDeckDays(rows as Parameters<typeof tallyDeckDays>[0]).sort(byKey));
		expect(days).toEqual([
			{ deck: 'd', day: 19_990, answers: 1, youngPassed: 0, youngAnswers: 0, maturePassed: 0, matureAnswers: 0 },
			{ deck: 'd', day: 19_995, answers: 2, youngPassed: 0, youngAnswers: 1, maturePassed: 0, matureAnswers: 0 },
			{ deck: 'd', day: 19_999, answers: 2, youngPassed: 0, youngAnswers: 0, maturePassed: 1, matureAnswers: 2 },
			{ deck: 'e', day: 19_999, answers: 1, youngPassed: 0, youngAnswers: 1, maturePassed: 0, matureAnswers: 0 }
		]);
		expect((await db.cards.bulkGet(['c1', 'c2', 'c3'])).map((stored) => stored?.lapses)).toEqual([2, undefined, undefined]);
		expect((await db.settings.toCollection().primaryKeys()).sort()).toEqual(['fact:installed', 'settings']);
		expect(await db.reviews.count()).toBe(rows.length);
		db.close();
	});
	it('version 4 drops the single-field deck and card indexes; a deck’s cards, new ones too, and a card’s rows are still found', async () => {
		name = freshDatabase().name;
		const v3 = new Dexie(name);
		v3.version(3).stores(SCHEMA_V3);
		const card = (id: string, deck: string, queue: number, order: number, dueDay?: number) => ({
			id, deck, kind: 'basic', rule: 'qa', front: id, back: 'a', path: [], tags: [], images: [], source: { file: 'd.md', line: 1 },
			state: { repetitions: dueDay === undefined ? 0 : 1, easiness: 2.5, interval: dueDay === undefined ? 0 : 1, extraReview: false },
			...(dueDay !== undefined && { dueDay }), order, queue, createdAt: 1, updatedAt: 1
		});
		// A new card (no due day), a scheduled one, a suspended one, a retired one; and a card of another deck.
		await v3.table('cards').bulkPut([card('n', 'd', 0, 3), card('s', 'd', 1, 1, 20_000), card('u', 'd', 2, 2, 20_001), card('r', 'd', 3, 0, 19_000), card('x', 'dx', 0, 0)]);
		const row = (id: string, cardId: string, at: number) => ({
			id, card: cardId, deck: 'd', grade: 4, reviewedAt: at, day: 19_999, durationMs: 1000, kind: 'review',
			before: { state: { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false } }, after: { state: { repetitions: 1, easiness: 2.5, interval: 1, extraReview: false }, dueDay: 20_000 }
		});
		await v3.table('reviews').bulkPut([row('r2', 's', 20), row('r1', 's', 10), row('r3', 'u', 5)]);
		v3.close();

		const db = new RecallDatabase(name);
		await db.open();
		expect(db.verno).toBe(LATEST);
		const indexNames = (table: string) => [...db.backendDB().transaction(table, 'readonly').objectStore(table).indexNames].sort();
		expect(indexNames('cards')).toEqual(['[deck+queue+dueDay]', '[deck+queue+order]', '[queue+dueDay]']);
		expect(indexNames('reviews')).toEqual(['[card+reviewedAt]', '[deck+day]', 'day']);
		expect((await cardsInDeck(db, 'd').primaryKeys()).sort()).toEqual(['n', 'r', 's', 'u']);
		expect(await cardsInDeck(db, 'nothing').count()).toBe(0);
		expect((await rowsOfCards(db, ['s', 'u', 'n']).toArray()).map((stored) => stored.id)).toEqual(['r1', 'r2', 'r3']);
		expect(await rowsOfCards(db, []).count()).toBe(0);
		db.close();
	});
	it('version 5 renames deletedSuspended to retiredSuspended on retired cards, and nothing else', async () => {
		name = freshDatabase().name;
		const v4 = new Dexie(name);
		v4.version(4).stores(SCHEMA_V4);
		const card = (id: string, deck: string, queue: number, extra: object = {}) => ({
			id, deck, kind: 'basic', rule: 'qa', front: id, back: 'a', path: [], tags: [], images: [], source: { file: 'd.md', line: 1 },
			state: { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false }, order: 0, queue, createdAt: 1, updatedAt: 1, ...extra
		});
		await v4.table('decks').bulkPut([{ id: 'd', name: 'D', tags: [], origin: 'import', retired: false, createdAt: 1, updatedAt: 1 }, { id: 'e', name: 'E', tags: [], origin: 'import', retired: true, deletedAt: 5, createdAt: 1, updatedAt: 1 }]);
		await v4.table('cards').bulkPut([
			card('deleted-suspended', 'd', Queue.retired, { deletedAt: 5, deletedSuspended: true, statusAt: 5 }),
			card('deleted', 'd', Queue.retired, { deletedAt: 5, statusAt: 5 }),
			card('with-deck', 'e', Queue.retired, { deletedAt: 5, deletedSuspended: true, statusAt: 5 }),
			card('suspended', 'd', Queue.suspended)
		]);
		v4.close();

		const db = new RecallDatabase(name);
		await db.open();
		expect(db.verno).toBe(LATEST);
		const stored = new Map((await db.cards.toArray()).map((each) => [each.id, each as unknown as Record<string, unknown>]));
		expect(stored.get('deleted-suspended')).toMatchObject({ retiredSuspended: true, deletedAt: 5, statusAt: 5, queue: Queue.retired });
		expect(stored.get('with-deck')).toMatchObject({ retiredSuspended: true });
		for (const each of stored.values()) expect(each).not.toHaveProperty('deletedSuspended');
		expect(stored.get('deleted')).not.toHaveProperty('retiredSuspended');
		expect(stored.get('suspended')).not.toHaveProperty('retiredSuspended');
		expect(stored.get('suspended')).toMatchObject({ queue: Queue.suspended, updatedAt: 1 });
		db.close();
	});
});
