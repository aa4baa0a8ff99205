import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyDeck } from '../../../src/lib/db/decks';
import { onStoreChanged } from '../../../src/lib/db/quick-read';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { saveSettings } from '../../../src/lib/db/settings';
import { deckFrom, freshDatabase } from './helpers';

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

describe('onStoreChanged', () => {
	it('hears writes to the tables it follows, and only those', async () => {
		db = freshDatabase();
		const deck = deckFrom('q::a\n');
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		const settings = vi.fn();
		const anything = vi.fn();
		const stops = [onStoreChanged(settings, ['settings'], db.name), onStoreChanged(anything, [], db.name)];
		try {
			// What an answer writes: a card (and a review row, and the session).
			await db.cards.update(deck.cards[0]!.id, { updatedAt: 1 });
			await vi.waitFor(() => expect(anything).toHaveBeenCalled());
			// A settings follower has nothing to read again.
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(settings).not.toHaveBeenCalled();

			await saveSettings(db, { newPerDay: 5 });
			await vi.waitFor(() => expect(settings).toHaveBeenCalled());
		} finally {
			for (const stop of stops) stop();
		}
	});

	it('ignores other databases of the origin', async () => {
		db = freshDatabase();
		const listener = vi.fn();
		const stop = onStoreChanged(listener, [], 'some-other-database');
		try {
			await saveSettings(db, { newPerDay: 5 });
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(listener).not.toHaveBeenCalled();
		} finally {
			stop();
		}
	});
});
