/**
 * The card browser's orders.
 *
 * - due: the due day; cards with none (new cards) last.
 * - interval, ef: the card's SM-2 interval and EF; new cards, which have
 *   neither yet, last.
 * - lapses: the card's lapse count (stats/lapses.ts), 0 when absent.
 * - added: when the card was created.
 *
 * Cards without a value come last in either direction; ties go by when the
 * card was added, then by deck and the card's place in it (cards imported or
 * built together share their time, and should read in their file's order, not
 * their ids' hash order), then by id, so the order is total and stable across reads.
 * One key per card is read before sorting (not in the comparison).
 */
import { Queue } from '../srs/card-queue';
import type { Sm2State } from '../srs/sm2';

export const SORT_KEYS = ['due', 'interval', 'ef', 'lapses', 'added'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** What sorting reads of a card: a CardRecord is one. */
export interface SortableCard {
	id: string;
	deck: string;
	/** Place in the deck (the note's or file's order). */
	order: number;
	/** A `Queue` value. */
	queue: number;
	state: Sm2State;
	dueDay?: number;
	lapses?: number;
	createdAt: number;
}

/** The card's key; NaN for none. */
function keyOf(card: SortableCard, by: SortKey): number {
	switch (by) {
		case 'due':
			return card.dueDay ?? NaN;
		case 'interval':
			return card.queue === Queue.new ? NaN : card.state.interval;
		case 'ef':
			return card.queue === Queue.new ? NaN : card.state.easiness;
		case 'lapses':
			return card.lapses ?? 0;
		case 'added':
			return card.createdAt;
	}
}

function compareText(x: string, y: string): number {
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * sortCards' order as a comparison of the cards' places in `cards`: each card's key read once, beforehand, into a
 * typed array, so that comparing two costs two number reads unless they tie.
 */
function orderByIndex(cards: readonly SortableCard[], by: SortKey, direction: SortDirection): (a: number, b: number) => number {
	const keys = new Float64Array(cards.length);
	for (let i = 0; i < cards.length; i++) keys[i] = keyOf(cards[i]!, by);
	const sign = direction === 'desc' ? -1 : 1;
	return (a, b) => {
		const ka = keys[a]!;
		const kb = keys[b]!;
		const aNone = Number.isNaN(ka);
		const bNone = Number.isNaN(kb);
		if (aNone !== bNone) return aNone ? 1 : -1;
		if (!aNone && ka !== kb) return sign * (ka - kb);
		const x = cards[a]!;
		const y = cards[b]!;
		return x.createdAt - y.createdAt || compareText(x.deck, y.deck) || x.order - y.order || compareText(x.id, y.id);
	};
}

/** A sorted copy of `cards`. */
export function sortCards<C extends SortableCard>(cards: readonly C[], by: SortKey, direction: SortDirection = 'asc'): C[] {
	const order = Array.from(cards.keys());
	order.sort(orderByIndex(cards, by, direction));
	return order.map((index) => cards[index]!);
}

/**
 * The first `count` of `cards` in sortCards' order, in one pass: a heap holds the first ones met so far, the
 * last of them on top, and a card comes in only when it goes before that one. Most cards are turned away by one
 * comparison, so the cost grows with the cards and not with how many tie (sorting the tied ones in full took
 * most of a sort change's time where thousands of cards share a key: lapses 0).
 */
function firstCards<C extends SortableCard>(cards: readonly C[], by: SortKey, direction: SortDirection, count: number): C[] {
	const compare = orderByIndex(cards, by, direction);
	const heap: number[] = [];
	const swap = (i: number, j: number) => {
		const held = heap[i]!;
		heap[i] = heap[j]!;
		heap[j] = held;
	};
	for (let index = 0; index < cards.length; index++) {
		if (heap.length < count) {
			// Up to its place: a parent goes after its children.
			let at = heap.push(index) - 1;
			while (at > 0) {
				const parent = (at - 1) >> 1;
				if (compare(heap[parent]!, heap[at]!) >= 0) break;
				swap(parent, at);
				at = parent;
			}
		} else if (count > 0 && compare(index, heap[0]!) < 0) {
			heap[0] = index;
			for (let at = 0; ; ) {
				const left = 2 * at + 1;
				const right = left + 1;
				let last = at;
				if (left < heap.length && compare(heap[left]!, heap[last]!) > 0) last = left;
				if (right < heap.length && compare(heap[right]!, heap[last]!) > 0) last = right;
				if (last === at) break;
				swap(at, last);
				at = last;
			}
		}
	}
	return heap.sort(compare).map((index) => cards[index]!);
}

/** Up to this many first cards are picked by a partial selection; a longer run is sorted in full. */
const PARTIAL_MAX = 256;

/**
 * Cards in sortCards' order, sorted only as far as they are read: the first
 * ones (a page, or a few) by a partial selection (firstCards), anything past PARTIAL_MAX by
 * one full sort, kept. So a search shows its first page of thousands of
 * matches without sorting them all.
 */
export class SortedCards<C extends SortableCard> {
	/** The cards as given, in no particular order. */
	readonly unsorted: readonly C[];
	readonly #by: SortKey;
	readonly #direction: SortDirection;
	/** The first cards in order, as far as a partial selection went. */
	#head: C[] = [];
	#sorted: C[] | undefined;

	constructor(cards: readonly C[], by: SortKey, direction: SortDirection = 'asc') {
		this.unsorted = cards;
		this.#by = by;
		this.#direction = direction;
	}

	get length(): number {
		return this.unsorted.length;
	}

	/** The cards from `start` to `end` (exclusive) in order, as Array.prototype.slice takes them. */
	slice(start: number, end: number = this.length): C[] {
		const stop = Math.min(end, this.length);
		if (this.#sorted === undefined && stop <= PARTIAL_MAX) {
			if (this.#head.length < stop) this.#head = firstCards(this.unsorted, this.#by, this.#direction, stop);
			return this.#head.slice(start, stop);
		}
		this.#sorted ??= sortCards(this.unsorted, this.#by, this.#direction);
		return this.#sorted.slice(start, stop);
	}

	/** Every card, sorted. */
	all(): C[] {
		return this.slice(0);
	}
}
