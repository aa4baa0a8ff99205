/**
 * A deck's cards for the card browser, read in pieces that are asked for all
 * at once. Reading a deck's thousands of cards through an index takes
 * IndexedDB tens of milliseconds, and it hands a request's records over only
 * when all of them are read; the page then spends a good part of that again
 * turning them into objects and, for a text search, normalising their text.
 * With the deck cut into pieces, the page does that to each piece while the
 * store reads the next, and waits at the end for the last piece only.
 *
 * The pieces are ranges of `[deck+queue+order]`, which holds every card (each
 * has a queue and an order, schema.ts): first the first and last order of each
 * queue in the deck are read (a few index steps), then the deck's range of
 * that index is cut at each queue's start and evenly through each queue's
 * orders. The ranges meet end to end, so every card of the deck is in exactly
 * one of them, whatever its queue; how even they are only decides how much of
 * the reading overlaps.
 */
import { Dexie } from 'dexie';
import { cardsInDeck } from './lookups';
import { Queue, type CardRecord, type QueueValue, type RecallDatabase } from './schema';

/** How many pieces a read is cut into at most; a deck gets its share of them, a read of many decks one piece a deck. */
const PIECES = 16;
/** Orders a piece spans at least: a small deck is one piece. */
const MIN_PIECE_ORDERS = 128;
/** Cards a piece of the whole collection holds at least (readAllCards): a small collection is one read. */
const MIN_PIECE_CARDS = 128;

/** Where a deck's cards of one queue lie in `[deck+queue+order]`: the first and last order. */
export interface QueueSpan {
	queue: number;
	first: number;
	last: number;
}

/**
 * Where to cut a deck's keys of `[deck+queue+order]` into about `pieces`
 * ranges, as (queue, order) points in key order: at the first card of each
 * queue but the first, and evenly through each queue's orders, a queue getting
 * a share of the pieces in proportion to the orders it spans (none under
 * MIN_PIECE_ORDERS a piece). `spans` is in queue order.
 */
export function orderCuts(spans: readonly QueueSpan[], pieces: number): [queue: number, order: number][] {
	const total = spans.reduce((sum, span) => sum + (span.last - span.first), 0);
	const cuts: [number, number][] = [];
	spans.forEach((span, position) => {
		if (position > 0) cuts.push([span.queue, span.first]);
		const width = span.last - span.first;
		const share = total > 0 ? Math.min(Math.round((pieces * width) / total), Math.floor(width / MIN_PIECE_ORDERS)) : 0;
		for (let part = 1; part < share; part++) cuts.push([span.queue, span.first + (width * part) / share]);
	});
	return cuts;
}

const QUEUES = (Object.values(Queue) as QueueValue[]).sort((a, b) => a - b);

/** The cards of the decks `ids` (of one queue when given), deleted ones included; `each` is given each piece as it comes. */
export async function readDeckCards(db: RecallDatabase, ids: readonly string[], queue?: QueueValue, each?: (cards: CardRecord[]) => void): Promise<CardRecord[]> {
	const pieces = Math.floor(PIECES / ids.length);
	const prefix = (id: string) => (queue === undefined ? [id] : [id, queue]);
	if (pieces < 2) {
		// One equals() per deck, not anyOf(): Dexie reads an equality range with getAll, anyOf with a slower cursor.
		const reads = ids.map((id) => (queue === undefined ? cardsInDeck(db, id).toArray() : readRange(db, [...prefix(id), Dexie.minKey], [...prefix(id), Dexie.maxKey], true)));
		return (await Promise.all(reads.map((read) => read.then(tell(each))))).flat();
	}
	return db.transaction('r', db.cards, async () => {
		const cuts = await Promise.all(ids.map(async (id) => orderCuts(await queueSpans(db, id, queue === undefined ? QUEUES : [queue]), pieces)));
		// Every piece asked for before any comes back.
		const reads = ids.flatMap((id, i) => {
			const bounds = [[...prefix(id), Dexie.minKey], ...cuts[i]!.map(([q, order]) => [id, q, order]), [...prefix(id), Dexie.maxKey]];
			return bounds.slice(1).map((upper, j) => readRange(db, bounds[j]!, upper, j === bounds.length - 2).then(tell(each)));
		});
		return (await Promise.all(reads)).flat();
	});
}

/**
 * Every card (deleted ones included), in pieces asked for all at once: the
 * primary keys first (a few tens of milliseconds for 50,000), then the key
 * space cut at every n-th key into ranges that meet end to end, so each card
 * is in exactly one. A collection too small to gain from it is one read.
 */
export async function readAllCards(db: RecallDatabase, each?: (cards: CardRecord[]) => void): Promise<CardRecord[]> {
	return db.transaction('r', db.cards, async () => {
		const keys = (await db.cards.toCollection().primaryKeys()) as string[];
		if (keys.length < PIECES * MIN_PIECE_CARDS) return tell(each)(await db.cards.toArray());
		const step = Math.ceil(keys.length / PIECES);
		const cuts: string[] = [];
		for (let at = step; at < keys.length; at += step) cuts.push(keys[at]!);
		const lowers: (string | typeof Dexie.minKey)[] = [Dexie.minKey, ...cuts];
		const reads = lowers.map((lower, j) => {
			const last = j === lowers.length - 1;
			return db.cards
				.where(':id')
				.between(lower, last ? Dexie.maxKey : cuts[j], true, last)
				.toArray()
				.then(tell(each));
		});
		return (await Promise.all(reads)).flat();
	});
}

const tell =
	(each: ((cards: CardRecord[]) => void) | undefined) =>
	(cards: CardRecord[]): CardRecord[] => {
		each?.(cards);
		return cards;
	};

function readRange(db: RecallDatabase, lower: unknown[], upper: unknown[], includeUpper: boolean): Promise<CardRecord[]> {
	return db.cards.where('[deck+queue+order]').between(lower, upper, true, includeUpper).toArray();
}

/** The first and last order of each of `queues` that has cards in the deck: two index steps a queue, all asked for at once. */
async function queueSpans(db: RecallDatabase, id: string, queues: readonly QueueValue[]): Promise<QueueSpan[]> {
	const spans = await Promise.all(
		queues.map(async (queue) => {
			const range = () => db.cards.where('[deck+queue+order]').between([id, queue, Dexie.minKey], [id, queue, Dexie.maxKey]);
			const [first, last] = await Promise.all([range().first(), range().last()]);
			// Orders are numbers (schema.ts); a queue with any other key is not cut, its cards stay in the piece around them.
			return Number.isFinite(first?.order) && Number.isFinite(last?.order) ? { queue, first: first!.order, last: last!.order } : undefined;
		})
	);
	return spans.filter((span) => span !== undefined);
}
