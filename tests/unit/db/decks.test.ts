// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { applyDeck, syncBuiltInDecks } from '../../../src/lib/db/decks';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon } from './helpers';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { suspendCard } from '../../../src/lib/db/cards';
import { statusOf } from '../../../src/lib/db/card-state';
import { deleteCards, restoreCards } from '../../../src/lib/db/bulk';
import { exportBackup } from '../../../src/lib/db/exports';

const NOTE = `## Geography

What is the capital of France?::Paris

Largest ocean::Pacific

Longest river::Nile
`;

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

async function answer(cardId: string, grade: 1 | 3 | 4 | 5, at: number) {
	const card = await db.cards.get(cardId);
	return answerCard(db, { cardId, grade, reviewedAt: at, durationMs: 3000, kind: card?.dueDay === undefined ? 'new' : 'review', expectedLastReview: card?.lastReview, dayOptions: DAY_OPTIONS });
}

describe('applyDeck', () => {
	it('adds a new deck’s cards as new cards in note order', async () => {
		db = freshDatabase();
		const deck = deckFrom(NOTE);
		const result = await applyDeck(db, { deck, hash: 'h1' }, 'built-in');
		expect(result).toMatchObject({ added: 3, updated: 0, moved: 0, retired: 0 });
		const cards = await db.cards.orderBy('id').toArray();
		expect(cards.every((card) => card.queue === Queue.new && card.dueDay === undefined)).toBe(true);
		expect((await db.cards.toArray()).sort((a, b) => a.order - b.order).map((card) => card.back)).toEqual(['Paris', 'Pacific', 'Nile']);
		expect(await db.decks.get(deck.id)).toMatchObject({ name: deck.name, hash: 'h1', origin: 'built-in', retired: false });
	});

	it('keeps progress when an answer is edited', async () => {
		db = freshDatabase();
		const deck = deckFrom(NOTE);
		await applyDeck(db, { deck, hash: 'h1' }, 'built-in');
		const [first] = deck.cards;
		await answer(first!.id, 5, seoulNoon('2026-11-25'));
		const before = await db.cards.get(first!.id);

		const edited = deckFrom(NOTE.replace('::Paris', '::Paris (on the Seine)'));
		const result = await applyDeck(db, { deck: edited, hash: 'h2' }, 'built-in');
		expect(result).toMatchObject({ added: 0, updated: 1, unchanged: 2, moved: 0, retired: 0 });
		const after = await db.cards.get(first!.id);
		expect(after?.back).toBe('Paris (on the Seine)');
		expect(after).toMatchObject({ state: before?.state, dueDay: before?.dueDay, lastReview: before?.lastReview, queue: Queue.scheduled });
	});

	it('moves the history of a reworded question to its new card, deleting no review', async () => {
		db = freshDatabase();
		const deck = deckFrom(NOTE);
		await applyDeck(db, { deck, hash: 'h1' }, 'built-in');
		const old = deck.cards[0]!;
		await answer(old.id, 5, seoulNoon('2026-11-20'));
		await answer(old.id, 4, seoulNoon('2026-11-21'));
		const stateBefore = (await db.cards.get(old.id))?.state;
		const reviewsBefore = await db.reviews.count();

		const reworded = deckFrom(NOTE.replace('What is the capital of France?', 'What is the capital city of France?'));
		const fresh = reworded.cards.find((card) => card.back === 'Paris')!;
		expect(fresh.id).not.toBe(old.id);
		const result = await applyDeck(db, { deck: reworded, hash: 'h2' }, 'built-in');

		expect(result).toMatchObject({ added: 0, moved: 1, retired: 0 });
		expect(await db.cards.get(old.id)).toBeUndefined();
		expect(await db.reviews.count()).toBe(reviewsBefore);
		expect(await db.reviews.where('card').equals(fresh.id).count()).toBe(2);
		expect((await db.cards.get(fresh.id))?.state).toEqual(stateBefore);
	});

	it('retires cards that are gone, keeps their history, and restores them when they come back', async () => {
		db = freshDatabase();
		const deck = deckFrom(NOTE);
		await applyDeck(db, { deck, hash: 'h1' }, 'built-in');
		const nile = deck.cards.find((card) => card.back === 'Nile')!;
		await answer(nile.id, 4, seoulNoon('2026-11-25'));

		const without = deckFrom(NOTE.replace('Longest river::Nile\n', ''));
		expect(await applyDeck(db, { deck: without, hash: 'h2' }, 'built-in')).toMatchObject({ retired: 1 });
		expect((await db.cards.get(nile.id))?.queue).toBe(Queue.retired);
		expect(await db.reviews.where('card').equals(nile.id).count()).toBe(1);

		expect(await applyDeck(db, { deck, hash: 'h3' }, 'built-in')).toMatchObject({ restored: 1, retired: 0 });
		expect((await db.cards.get(nile.id))?.queue).toBe(Queue.scheduled);
	});

	it('keeps a suspended card suspended through an update', async () => {
		db = freshDatabase();
		const deck = deckFrom(NOTE);
		await applyDeck(db, { deck, hash: 'h1' }, 'built-in');
		await db.cards.update(deck.cards[1]!.id, { queue: Queue.suspended });
		await applyDeck(db, { deck: deckFrom(NOTE.replace('::Pacific', '::the Pacific')), hash: 'h2' }, 'built-in');
		expect((await db.cards.get(deck.cards[1]!.id))?.queue).toBe(Queue.suspended);
	});

	it('keeps a suspended card suspended while its note leaves it out, and brings it back suspended', async () => {
		db = freshDatabase();
		const deck = deckFrom(NOTE);
		await applyDeck(db, { deck, hash: 'h1' }, 'built-in', seoulNoon('2026-11-20'));
		const nile = deck.cards.find((card) => card.back === 'Nile')!;
		const ocean = deck.cards.find((card) => card.back === 'Pacific')!;
		await answer(nile.id, 4, seoulNoon('2026-11-21'));
		await suspendCard(db, nile.id, undefined, seoulNoon('2026-11-22'));

		const without = NOTE.replace('Longest river::Nile\n', '').replace('Largest ocean::Pacific\n', '');
		expect(await applyDeck(db, { deck: deckFrom(without), hash: 'h2' }, 'built-in', seoulNoon('2026-11-23'))).toMatchObject({ retired: 2 });
		const retired = (await db.cards.get(nile.id))!;
		expect(retired.queue).toBe(Queue.retired);
		expect(statusOf(retired)).toEqual({ suspended: true, retired: true });
		// The other card left unsuspended; a backup says which is which.
		expect(statusOf((await db.cards.get(ocean.id))!)).toEqual({ suspended: false, retired: true });
		const backup = await exportBackup(db, seoulNoon('2026-11-23'));
		expect(backup.progress[nile.id]).toMatchObject({ suspended: true, retired: true });
		expect(backup.progress[ocean.id]).toMatchObject({ suspended: false, retired: true });

		await applyDeck(db, { deck, hash: 'h3' }, 'built-in', seoulNoon('2026-11-24'));
		const back = (await db.cards.get(nile.id))!;
		expect(back.queue).toBe(Queue.suspended);
		expect(back.retiredSuspended).toBeUndefined();
		expect(back.dueDay).toBe(retired.dueDay);
		expect((await db.cards.get(ocean.id))?.queue).toBe(Queue.new);
	});

	it('keeps a retired card’s suspension through a delete and its undo', async () => {
		db = freshDatabase();
		const deck = deckFrom(NOTE);
		await applyDeck(db, { deck, hash: 'h1' }, 'built-in', seoulNoon('2026-11-20'));
		const nile = deck.cards.find((card) => card.back === 'Nile')!;
		await suspendCard(db, nile.id, undefined, seoulNoon('2026-11-21'));
		await applyDeck(db, { deck: deckFrom(NOTE.replace('Longest river::Nile\n', '')), hash: 'h2' }, 'built-in', seoulNoon('2026-11-22'));
		const deleted = await deleteCards(db, [nile.id], seoulNoon('2026-11-23'));
		expect(deleted).toEqual([{ id: nile.id, queue: Queue.retired }]);
		await restoreCards(db, deleted, seoulNoon('2026-11-23'));
		expect(statusOf((await db.cards.get(nile.id))!)).toEqual({ suspended: true, retired: true });
		await applyDeck(db, { deck, hash: 'h3' }, 'built-in', seoulNoon('2026-11-24'));
		expect((await db.cards.get(nile.id))?.queue).toBe(Queue.suspended);
	});
});

describe('syncBuiltInDecks', () => {
	it('loads only decks whose hash changed, and retires decks no longer shipped', async () => {
		db = freshDatabase();
		const a = deckFrom(NOTE, 'a.md');
		const b = deckFrom('## B\n\nq::a\n', 'b.md');
		const loadA = vi.fn(async () => a);
		const loadB = vi.fn(async () => b);
		await syncBuiltInDecks(db, [
			{ id: a.id, hash: 'a1', load: loadA },
			{ id: b.id, hash: 'b1', load: loadB }
		]);
		expect(loadA).toHaveBeenCalledTimes(1);

		const results = await syncBuiltInDecks(db, [
			{ id: a.id, hash: 'a1', load: loadA },
			{ id: b.id, hash: 'b2', load: loadB }
		]);
		expect(loadA).toHaveBeenCalledTimes(1);
		expect(loadB).toHaveBeenCalledTimes(2);
		expect(results.map((result) => result.deck)).toEqual([b.id]);

		await suspendCard(db, b.cards[0]!.id);
		await syncBuiltInDecks(db, [{ id: a.id, hash: 'a1', load: loadA }]);
		expect((await db.decks.get(b.id))?.retired).toBe(true);
		expect((await cardsInDeck(db, b.id).toArray()).every((card) => card.queue === Queue.retired)).toBe(true);
		// Shipped again: the card suspended before is suspended still.
		await syncBuiltInDecks(db, [
			{ id: a.id, hash: 'a1', load: loadA },
			{ id: b.id, hash: 'b2', load: loadB }
		]);
		expect((await db.cards.get(b.cards[0]!.id))?.queue).toBe(Queue.suspended);
	});

	it('a built-in note whose file was renamed keeps its cards’ history under its new deck; an unrelated new deck takes nothing', async () => {
		db = freshDatabase();
		const old = deckFrom(NOTE, 'geo.md');
		await syncBuiltInDecks(db, [{ id: old.id, hash: 'g1', load: async () => old }], seoulNoon('2026-11-01'));
		const paris = old.cards.find((card) => card.back === 'Paris')!;
		await answerCard(db, { cardId: paris.id, grade: 5, reviewedAt: seoulNoon('2026-11-02'), durationMs: 1000, kind: 'new', expectedLastReview: undefined, dayOptions: DAY_OPTIONS });

		// The next build ships the same note as geography.md (so another deck id), and a new note of its own.
		const renamed = deckFrom(NOTE, 'geography.md');
		const other = deckFrom('## Rivers\n\nLongest in Korea::Nakdong\n', 'rivers.md');
		expect(renamed.id).not.toBe(old.id);
		const results = await syncBuiltInDecks(db, [
			{ id: other.id, hash: 'r1', load: async () => other },
			{ id: renamed.id, hash: 'g2', load: async () => renamed }
		]);
		expect(results).toEqual([expect.objectContaining({ deck: other.id, added: 1, moved: 0 }), expect.objectContaining({ deck: renamed.id, added: 0, moved: 3 })]);
		const successor = renamed.cards.find((card) => card.back === 'Paris')!.id;
		expect(await db.reviews.where('card').equals(successor).count()).toBe(1);
		expect((await db.cards.get(successor))?.queue).toBe(Queue.scheduled);
		expect(await db.decks.get(old.id)).toMatchObject({ retired: true });
		expect(await cardsInDeck(db, old.id).count()).toBe(0);
	});
});
