import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDeck } from '../../../../src/lib/db/decks';
import { createDeck } from '../../../../src/lib/db/own-cards';
import type { RecallDatabase } from '../../../../src/lib/db/schema';
import { ALL_DECKS, subtreeScope } from '../../../../src/lib/srs/deck-tree';
import { readScopeName } from '../../../../src/routes/study/[scope]/study-title';
import { deckFrom, freshDatabase } from '../../db/helpers';

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

const BUILT_IN = [{ id: 'aws-basics', name: 'AWS 기초' }];

describe('readScopeName', () => {
	it('reads a stored deck’s name, an own deck’s too, without Dexie', async () => {
		db = freshDatabase();
		const deck = deckFrom('# Stored name\n\nq::a\n');
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		const own = await createDeck(db, 'Mine::Verbs');
		db.close();
		expect(await readScopeName(deck.id, [{ id: deck.id, name: 'Name in this build' }], db.name)).toBe(deck.name);
		expect(await readScopeName(own.id, [], db.name)).toBe('Mine::Verbs');
	});

	it('names a built-in deck before the store is made, a sub-deck tree by its path, and nothing for all decks or no such deck', async () => {
		const never = `never-made-${Math.random()}`;
		expect(await readScopeName('aws-basics', BUILT_IN, never)).toBe('AWS 기초');
		expect(await readScopeName('no-such-deck', BUILT_IN, never)).toBeUndefined();
		expect(await readScopeName(subtreeScope(['Languages', 'Korean']), BUILT_IN, never)).toBe('Languages::Korean');
		expect(await readScopeName(ALL_DECKS, BUILT_IN, never)).toBeUndefined();
		// Reading does not make the store: Dexie makes it with its schema.
		expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(never);
	});
});
