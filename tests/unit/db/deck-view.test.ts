import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDeck, retireDeck } from '../../../src/lib/db/decks';
import { loadDeckView } from '../../../src/lib/db/deck-view';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { deckFrom, freshDatabase } from './helpers';

const NOTE = `## Geography

What is the capital of France?::Paris

Largest ocean::Pacific

Longest river::Nile

Highest mountain::Everest
`;

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

describe('loadDeckView', () => {
	it('lists a deck’s cards in note order', async () => {
		db = freshDatabase();
		const deck = deckFrom(NOTE);
		await applyDeck(db, { deck, hash: 'h1' }, 'built-in');
		const view = await loadDeckView(db, deck.id);
		expect(view?.deck).toMatchObject({ id: deck.id, name: deck.name });
		expect(view?.cards.map((card) => card.back)).toEqual(['Paris', 'Pacific', 'Nile', 'Everest']);
	});

	it('keeps retired cards, after the active ones, and the suspended ones in their place', async () => {
		db = freshDatabase();
		const deck = deckFrom(NOTE);
		await applyDeck(db, { deck, hash: 'h1' }, 'built-in');
		const nile = deck.cards.find((card) => card.back === 'Nile')!;
		await db.cards.update(nile.id, { queue: Queue.suspended });
		// Two questions vanish from the note, unlike anything added: their cards are retired.
		const edited = deckFrom(NOTE.replace('What is the capital of France?::Paris\n', '').replace('Largest ocean::Pacific\n', ''));
		const result = await applyDeck(db, { deck: edited, hash: 'h2' }, 'built-in');
		expect(result.retired).toBe(2);

		const view = await loadDeckView(db, deck.id);
		expect(view?.cards.map((card) => [card.back, card.queue])).toEqual([
			['Nile', Queue.suspended],
			['Everest', Queue.new],
			['Paris', Queue.retired],
			['Pacific', Queue.retired]
		]);
	});

	it('answers undefined for a deck that is not stored', async () => {
		db = freshDatabase();
		expect(await loadDeckView(db, 'no-such-deck')).toBeUndefined();
	});
});

describe('a retired deck', () => {
	it('can still be looked at: its cards’ history is kept', async () => {
		db = freshDatabase();
		const zebra = deckFrom('---\ndeck: Zebra\n---\n\nq::a\n', 'zebra.md');
		const apple = deckFrom('---\ndeck: Apple\n---\n\nq::a\n', 'apple.md');
		const gone = deckFrom('---\ndeck: Gone\n---\n\nq::a\n', 'gone.md');
		for (const deck of [zebra, apple, gone]) await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		await retireDeck(db, gone.id);
		expect((await loadDeckView(db, gone.id))?.cards.map((card) => card.queue)).toEqual([Queue.retired]);
	});
});
