import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retireDeck } from '../../../../src/lib/db/decks';
import { deleteDeck, restoreDeck } from '../../../../src/lib/db/deck-removal';
import { createDeck } from '../../../../src/lib/db/own-cards';
import type { RecallDatabase } from '../../../../src/lib/db/schema';
import { ALL_DECKS } from '../../../../src/lib/srs/deck-tree';
import { deckPresence, followDeckPresence, type DeckPresence } from '../../../../src/routes/study/[scope]/deck-presence';
import { freshDatabase } from '../../db/helpers';

let db: RecallDatabase;
const stops: (() => void)[] = [];

afterEach(async () => {
	for (const stop of stops.splice(0)) stop();
	await db?.delete();
});

function follow(scope: string): DeckPresence[] {
	const heard: DeckPresence[] = [];
	stops.push(followDeckPresence(db, scope, (presence) => heard.push(presence)));
	return heard;
}

describe('deckPresence', () => {
	it('tells a deck studied from one deleted (retired with it), one retired alone, and one not there', () => {
		expect(deckPresence({ retired: false })).toBe('studied');
		expect(deckPresence({ retired: true, deletedAt: 1 })).toBe('deleted');
		expect(deckPresence({ retired: true })).toBe('retired');
		expect(deckPresence(undefined)).toBe('missing');
	});
});

describe('followDeckPresence', () => {
	it('hears the deck deleted, then restored, then retired', async () => {
		db = freshDatabase();
		const deck = await createDeck(db, 'Words');
		const heard = follow(deck.id);
		await vi.waitFor(() => expect(heard).toEqual(['studied']));
		await deleteDeck(db, deck.id);
		await vi.waitFor(() => expect(heard.at(-1)).toBe('deleted'));
		await restoreDeck(db, deck.id);
		await vi.waitFor(() => expect(heard.at(-1)).toBe('studied'));
		await retireDeck(db, deck.id);
		await vi.waitFor(() => expect(heard.at(-1)).toBe('retired'));
	});

	it('follows nothing for a scope of several decks, which is always there', async () => {
		db = freshDatabase();
		const heard = follow(ALL_DECKS);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(heard).toEqual([]);
	});
});
