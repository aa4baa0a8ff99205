// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { loadMedia } from '../../../src/lib/db/media';
import { RecallDatabase, SCHEMA_V1 } from '../../../src/lib/db/schema';
import { freshDatabase } from './helpers';

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
		expect(db.verno).toBe(2);
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
});
