import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PERSISTENCE_FACT, requestPersistenceOnce } from '../../../src/lib/app/persistence';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { loadFact } from '../../../src/lib/db/settings';
import { freshDatabase } from '../db/helpers';

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

describe('requestPersistenceOnce', () => {
	it('asks once, stores the answer, and never asks again', async () => {
		db = freshDatabase();
		const persist = vi.fn(async () => true);
		const fact = await requestPersistenceOnce(db, { persist }, () => 1234);
		expect(fact).toEqual({ asked: true, persisted: true, at: 1234 });
		expect(await loadFact(db, PERSISTENCE_FACT)).toEqual(fact);

		const persistAgain = vi.fn(async () => true);
		expect(await requestPersistenceOnce(db, { persist: persistAgain })).toEqual(fact);
		expect(persistAgain).not.toHaveBeenCalled();
	});

	it('stores a refusal too, so the person is not asked again', async () => {
		db = freshDatabase();
		await requestPersistenceOnce(db, { persist: async () => false }, () => 5);
		expect(await loadFact(db, PERSISTENCE_FACT)).toEqual({ asked: true, persisted: false, at: 5 });
	});

	it('asks only once when called twice at the same time', async () => {
		db = freshDatabase();
		const persist = vi.fn(async () => true);
		await Promise.all([requestPersistenceOnce(db, { persist }), requestPersistenceOnce(db, { persist })]);
		expect(persist).toHaveBeenCalledTimes(1);
	});

	it('does nothing where the browser cannot ask', async () => {
		db = freshDatabase();
		expect(await requestPersistenceOnce(db, undefined)).toBeUndefined();
		expect(await requestPersistenceOnce(db, {})).toBeUndefined();
		expect(await loadFact(db, PERSISTENCE_FACT)).toBeUndefined();
	});
});
