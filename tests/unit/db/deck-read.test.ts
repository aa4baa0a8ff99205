// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { orderCuts, readAllCards, readDeckCards } from '../../../src/lib/db/deck-read';
import { Queue, type CardRecord, type RecallDatabase } from '../../../src/lib/db/schema';
import { NEW_CARD } from '../../../src/lib/srs/sm2';
import { freshDatabase } from './helpers';

describe('orderCuts', () => {
	it('cuts one queue evenly, into no more pieces than asked', () => {
		expect(orderCuts([{ queue: 1, first: 0, last: 8000 }], 4)).toEqual([
			[1, 2000],
			[1, 4000],
			[1, 6000]
		]);
	});

	it('starts a piece at each queue but the first, and shares the pieces out by the orders each queue spans', () => {
		const cuts = orderCuts(
			[
				{ queue: Queue.suspended, first: 5, last: 5 },
				{ queue: Queue.new, first: 0, last: 2000 },
				{ queue: Queue.scheduled, first: 0, last: 6000 }
			],
			8
		);
		expect(cuts).toEqual([
			[Queue.new, 0],
			[Queue.new, 1000],
			[Queue.scheduled, 0],
			[Queue.scheduled, 1000],
			[Queue.scheduled, 2000],
			[Queue.scheduled, 3000],
			[Queue.scheduled, 4000],
			[Queue.scheduled, 5000]
		]);
	});

	it('leaves a small deck whole', () => {
		expect(orderCuts([{ queue: 0, first: 0, last: 21 }], 8)).toEqual([]);
		expect(orderCuts([{ queue: 0, first: 3, last: 3 }], 8)).toEqual([]);
		expect(orderCuts([], 8)).toEqual([]);
	});
});

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

function card(id: string, deck: string, queue: number, order: number): CardRecord {
	return {
		id,
		deck,
		kind: 'basic',
		rule: 'imported',
		front: id,
		back: '',
		path: [],
		tags: [],
		images: [],
		source: { file: 'test.md', line: 1 },
		state: NEW_CARD,
		order,
		queue: queue as CardRecord['queue'],
		createdAt: 1,
		updatedAt: 1
	};
}

/** 1,000 cards in deck "big" over every queue (and one no queue number names), 10 in deck "small", 5 in "other". */
async function fill(): Promise<CardRecord[]> {
	db = freshDatabase();
	const queues = [Queue.retired, Queue.suspended, Queue.new, Queue.scheduled];
	const big = Array.from({ length: 1000 }, (_, i) => card(`big:${i}`, 'big', queues[i % 4]!, i * 7));
	big.push(card('big:odd', 'big', 7, 2.5));
	const small = Array.from({ length: 10 }, (_, i) => card(`small:${i}`, 'small', Queue.new, i));
	const other = Array.from({ length: 5 }, (_, i) => card(`other:${i}`, 'other', Queue.new, i));
	await db.cards.bulkPut([...big, ...small, ...other]);
	return [...big, ...small, ...other];
}

const ids = (cards: readonly CardRecord[]) => cards.map((card) => card.id).sort();

describe('readDeckCards', () => {
	it('reads every card of a deck once, in pieces, whatever its queue', async () => {
		const all = await fill();
		const pieces: number[] = [];
		const where = vi.spyOn(db.cards, 'where');
		const read = await readDeckCards(db, ['big'], undefined, (cards) => pieces.push(cards.length));
		expect(ids(read)).toEqual(ids(all.filter((card) => card.deck === 'big')));
		expect(pieces.length).toBeGreaterThan(4);
		expect(pieces.reduce((sum, count) => sum + count, 0)).toBe(read.length);
		// Many ranges of the index, not one read of the whole deck.
		expect(where.mock.calls.length).toBeGreaterThan(pieces.length);
	});

	it('reads one queue of a deck', async () => {
		const all = await fill();
		expect(ids(await readDeckCards(db, ['big'], Queue.scheduled))).toEqual(ids(all.filter((card) => card.deck === 'big' && card.queue === Queue.scheduled)));
		expect(await readDeckCards(db, ['small'], Queue.scheduled)).toEqual([]);
	});

	it('reads several decks, and many decks one read each', async () => {
		const all = await fill();
		const inDecks = (...decks: string[]) => ids(all.filter((card) => decks.includes(card.deck)));
		expect(ids(await readDeckCards(db, ['small', 'other']))).toEqual(inDecks('small', 'other'));
		const where = vi.spyOn(db.cards, 'where');
		const many = ['big', 'small', 'other', ...Array.from({ length: 17 }, (_, i) => `none-${i}`)];
		expect(ids(await readDeckCards(db, many))).toEqual(inDecks('big', 'small', 'other'));
		expect(where.mock.calls.map(([index]) => index)).toEqual(many.map(() => '[deck+queue+order]'));
		expect(await readDeckCards(db, ['none-1'])).toEqual([]);
	});
});

describe('readAllCards', () => {
	it('reads every card once, in pieces of the key space, or in one read when there are few', async () => {
		const all = await fill();
		const pieces: number[] = [];
		expect(ids(await readAllCards(db, (cards) => pieces.push(cards.length)))).toEqual(ids(all));
		expect(pieces).toEqual([all.length]);

		// Enough cards to cut: 3,000 more, with keys below, between and above the others'.
		const more = Array.from({ length: 3_000 }, (_, i) => ({ ...all[0]!, id: `${['!', 'c', '~'][i % 3]}:${i}` }));
		await db.cards.bulkPut(more);
		pieces.length = 0;
		const read = await readAllCards(db, (cards) => pieces.push(cards.length));
		expect(read).toHaveLength(all.length + more.length);
		expect(ids(read)).toEqual(ids([...all, ...more]));
		expect(pieces.length).toBeGreaterThanOrEqual(16);
		expect(pieces.reduce((sum, count) => sum + count, 0)).toBe(read.length);
	});
});
