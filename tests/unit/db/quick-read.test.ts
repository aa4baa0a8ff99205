import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { buryCard } from '../../../src/lib/db/cards';
import { applyDeck } from '../../../src/lib/db/decks';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { onStoreChanged, readStoreSnapshot } from '../../../src/lib/db/quick-read';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { saveSettings } from '../../../src/lib/db/settings';
import { studyDay } from '../../../src/lib/srs/day';
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

describe('readStoreSnapshot', () => {
	const questions = (count: number) => Array.from({ length: count }, (_, i) => `q${i}::answer ${i}`).join('\n\n');
	/** Noon, local time: the snapshot counts by the device's own study day. */
	const NOW = new Date(2026, 10, 25, 12).getTime();
	const DAY_OPTIONS = { dayStartHour: 4 };
	const TODAY = studyDay(NOW, DAY_OPTIONS);
	const snapshot = () => readStoreSnapshot(() => TODAY, db.name);

	async function deckInOrder(count: number) {
		db = freshDatabase();
		const deck = deckFrom(questions(count));
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		return { deck, cards: await cardsInDeck(db, deck.id).sortBy('order') };
	}

	it('leaves buried new and due cards out of the counts, as the study session does', async () => {
		const { deck, cards } = await deckInOrder(6);
		// Yesterday's Good answers are due today; Again leaves a card relearning, due today too.
		for (const [i, grade] of [4, 4, 1].entries()) {
			await answerCard(db, { cardId: cards[i]!.id, grade: grade as 1 | 4, reviewedAt: NOW - 86_400_000, durationMs: 1000, kind: 'new', expectedLastReview: undefined, dayOptions: DAY_OPTIONS });
		}
		expect((await snapshot())!.counts.get(deck.id)).toMatchObject({ new: 3, due: 3, learning: 1, total: 6 });

		await buryCard(db, cards[0]!.id, TODAY + 1);
		await buryCard(db, cards[2]!.id, TODAY + 1);
		await buryCard(db, cards[3]!.id, TODAY + 1);
		expect((await snapshot())!.counts.get(deck.id)).toMatchObject({ new: 2, due: 1, learning: 0, total: 6 });

		// Burial ends when its day comes.
		const tomorrow = (await readStoreSnapshot(() => TODAY + 1, db.name))!.counts.get(deck.id);
		expect(tomorrow).toMatchObject({ new: 3, due: 3, learning: 1 });
	});

	it('counts past buried cards to fill the day’s new card limit, and no further', async () => {
		const { deck, cards } = await deckInOrder(30);
		await saveSettings(db, { newPerDay: 10 });
		for (const card of cards.slice(0, 8)) await buryCard(db, card.id, TODAY + 1);
		expect((await snapshot())!.counts.get(deck.id)!.new).toBe(10);

		for (const card of cards.slice(8, 25)) await buryCard(db, card.id, TODAY + 1);
		expect((await snapshot())!.counts.get(deck.id)!.new).toBe(5);

		await saveSettings(db, { newPerDay: 0 });
		expect((await snapshot())!.counts.get(deck.id)!.new).toBe(0);
	});
});
