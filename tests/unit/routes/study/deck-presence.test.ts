import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteDeck, restoreDeck } from '../../../../src/lib/db/deck-removal';
import { createDeck } from '../../../../src/lib/db/own-cards';
import type { RecallDatabase } from '../../../../src/lib/db/schema';
import { deckIsGone, followDeckGone } from '../../../../src/routes/study/[scope]/deck-presence';
import { freshDatabase } from '../../db/helpers';

let db: RecallDatabase;
const stops: (() => void)[] = [];

afterEach(async () => {
	for (const stop of stops.splice(0)) stop();
	await db?.delete();
});

function follow(scope: string): boolean[] {
	const heard: boolean[] = [];
	stops.push(followDeckGone(db, scope, (gone) => heard.push(gone)));
	return heard;
}

describe('deckIsGone', () => {
	it('is true for a deck retired (a deleted deck is) or not there, false for one studied', () => {
		expect(deckIsGone({ retired: false })).toBe(false);
		expect(deckIsGone({ retired: true })).toBe(true);
		expect(deckIsGone(undefined)).toBe(true);
	});
});

describe('followDeckGone', () => {
	it('hears the deck deleted, then restored', async () => {
		db = freshDatabase();
		const deck = await createDeck(db, 'Words');
		const heard = follow(deck.id);
		await vi.waitFor(() => expect(heard).toEqual([false]));
		await deleteDeck(db, deck.id);
		await vi.waitFor(() => expect(heard.at(-1)).toBe(true));
		await restoreDeck(db, deck.id);
		await vi.waitFor(() => expect(heard.at(-1)).toBe(false));
	});
});
