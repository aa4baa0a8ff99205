/**
 * Reading what a study session needs: the cards due and the new cards in order,
 * by index ranges (never a scan of every card), and what was studied today.
 */
import { Dexie, type Collection } from 'dexie';
import type { CardSchedule } from '../srs/card-schedule';
import { byDueDay, isAvailable, needsRepeatToday } from '../srs/card-schedule';
import { ALL_DECKS } from '../srs/deck-tree';
import type { QueueLimits } from '../srs/queue-limits';
import { inRandomOrder } from '../srs/random';
import type { StudiedToday } from '../srs/session';
import { SiblingHold, siblingKeysOf } from '../srs/siblings';
import { Queue, type CardRecord, type RecallDatabase, type ReviewRecord } from './schema';

export function toSchedule(card: CardRecord): CardSchedule {
	const schedule: CardSchedule = {
		id: card.id,
		deck: card.deck,
		state: card.state,
		order: card.order,
		suspended: card.queue === Queue.suspended,
		retired: card.queue === Queue.retired
	};
	if (card.dueDay !== undefined) schedule.dueDay = card.dueDay;
	if (card.buriedUntil !== undefined) schedule.buriedUntil = card.buriedUntil;
	const siblingKeys = siblingKeysOf(card);
	if (siblingKeys.length > 0) schedule.siblingKeys = siblingKeys;
	return schedule;
}

/** Cards read beyond the review limit: same-day repeats and a margin for cards the queue leaves out. */
export const DUE_MARGIN = 50;

/** How many cards a session may take from a deck: its new cards and its reviews. */
export interface ReadLimits {
	newCards: number;
	reviews: number;
	/** Which new cards: the first in note order (the default), or the first in the day's random order. */
	newOrder?: QueueLimits['newOrder'];
	/** With `holdSiblings`, whether new siblings wait (QueueLimits); absent: they do. */
	buryNewSiblings?: boolean;
	/** With `holdSiblings`, whether due reviews wait for their siblings (QueueLimits); absent: they do. */
	buryReviewSiblings?: boolean;
}

/**
 * The cards a session may hold: scheduled cards due on or before `today`,
 * most overdue first and no more than the review limit needs (the index is in
 * due order, so a backlog of thousands is never read whole), every card due
 * today (today's same-day repeats), and up to `newLimit` new cards per deck:
 * the first in note order, or in the day's random order over all of the deck's
 * new cards (`randomNewCards`).
 *
 * `limits` are the session's (for all decks, the global ones); `deckLimits`
 * gives decks with options of their own other limits. When some deck has a
 * review limit of its own, the due cards of a session over all decks are read
 * deck by deck, so that one deck's backlog cannot crowd out the others'.
 * `scopeDecks` are the decks of a session over a deck and its sub-decks,
 * read deck by deck too.
 *
 * With `holdSiblings` (siblings wait: srs/siblings.ts), it reads the sibling
 * keys of the cards answered today too (`siblingsStudiedToday`), and a deck's
 * new cards are read on past those that wait, which the session leaves out,
 * until `newLimit` of them may come; so are the due reviews, past those that
 * wait, when the first read of them is full. The first of each are read at
 * once, all the same. Read in this transaction: Dexie holds a parent
 * transaction's reads back while this one runs.
 */
export async function loadStudyCandidates(
	db: RecallDatabase,
	scope: string,
	today: number,
	limits: ReadLimits,
	deckLimits: ReadonlyMap<string, ReadLimits> = new Map(),
	scopeDecks?: readonly string[],
	holdSiblings = false
): Promise<StudyCandidates> {
	return db.transaction('r', db.decks, db.cards, async () => {
		const decks = scopeDecks ?? (scope === ALL_DECKS ? ((await db.decks.filter((deck) => !deck.retired).primaryKeys()) as string[]) : [scope]);
		const limitsOf = (deck: string) => deckLimits.get(deck) ?? limits;
		const dueRange = (deck: string, from: number | typeof Dexie.minKey, to: number) =>
			deck === ALL_DECKS
				? db.cards.where('[queue+dueDay]').between([Queue.scheduled, from], [Queue.scheduled, to], true, true)
				: db.cards.where('[deck+queue+dueDay]').between([deck, Queue.scheduled, from], [deck, Queue.scheduled, to], true, true);
		const perDeckDue = scopeDecks !== undefined || (scope === ALL_DECKS && [...deckLimits.values()].some((own) => own.reviews !== limits.reviews));
		const dueScopes = perDeckDue ? decks : [scope];
		const siblingsStudiedToday = holdSiblings ? loadSiblingsStudiedToday(db, today) : undefined;
		// Every read is asked for at once: IndexedDB answers them in turn without waiting on this code between them.
		const dueReads = Promise.all(
			dueScopes.map((deck) => {
				const dueToday = dueRange(deck, today, today).toArray();
				const limit = Math.max(0, deck === ALL_DECKS ? limits.reviews : limitsOf(deck).reviews);
				const coming =
					siblingsStudiedToday &&
					Promise.all([siblingsStudiedToday, dueToday]).then(([keys, cards]) => (read: readonly CardRecord[]) => reviewsComing(read, today, keys, cards, limitsOf));
				return Promise.all([firstDueCards((from) => dueRange(deck, from, today), limit, coming), dueToday]);
			})
		);
		// A new card may come when no card due nor studied today is its sibling, nor a new card read before it.
		const siblingsTaken = siblingsStudiedToday && Promise.all([dueReads, siblingsStudiedToday]).then(([read, keys]) => [...keys, ...read.flat(2).flatMap(siblingKeysOf)]);
		const newReads = Promise.all(
			decks.map((deck) => {
				const { newCards, newOrder } = limitsOf(deck);
				if (newCards <= 0) return [];
				const admits =
					limitsOf(deck).buryNewSiblings === false
						? undefined
						: siblingsTaken?.then((keys) => {
								const hold = new SiblingHold(keys);
								return (card: CardRecord) => hold.admits(siblingKeysOf(card));
							});
				return newOrder === 'random' ? randomNewCards(db, deck, today, newCards, admits) : firstNewCards(db, deck, today, newCards, admits);
			})
		);
		const [reads, fresh, siblings] = await Promise.all([dueReads, newReads, siblingsStudiedToday]);
		const due = new Map(reads.flat(2).map((card) => [card.id, card]));
		const cards = [...due.values(), ...fresh.flat()];
		return siblings ? { cards, siblingsStudiedToday: siblings } : { cards };
	});
}

/** What loadStudyCandidates reads. */
export interface StudyCandidates {
	cards: CardRecord[];
	/** The sibling keys of the cards answered today, when it was asked to hold siblings. */
	siblingsStudiedToday?: string[];
}

/**
 * How many of the due cards `read` (the first of the due index, in its order) are reviews that a session would
 * queue, as it holds reviews back (srs/session.ts): the keys of the cards answered today and of the learning cards
 * taken first, then the reviews most overdue first, each taking its keys if it comes. Only the days read whole
 * count: the index orders a day's cards by id, the session by note order, so the last day read may have cards
 * not read yet that come before those read, and hold them or come in their place.
 */
function reviewsComing(read: readonly CardRecord[], today: number, studied: readonly string[], dueToday: readonly CardRecord[], limitsOf: (deck: string) => ReadLimits): number {
	const hold = new SiblingHold(studied);
	const available = read.filter((card) => isAvailable(toSchedule(card), today));
	for (const card of [...dueToday, ...available]) if (needsRepeatToday(card.state)) hold.take(siblingKeysOf(card));
	const reviews = available.filter((card) => !needsRepeatToday(card.state));
	const lastDay = read.at(-1)?.dueDay;
	const whole = reviews.filter((card) => card.dueDay !== lastDay).sort(byDueDay);
	return whole.filter((card) => {
		if (limitsOf(card.deck).buryReviewSiblings !== false) return hold.admits(siblingKeysOf(card));
		hold.take(siblingKeysOf(card));
		return true;
	}).length;
}

/**
 * The due cards of `range` (the due index from a day on, to today), the most overdue first: `limit` and DUE_MARGIN
 * more, one read. With `coming` (reviews wait for their siblings: reviewsComing), the first read takes four times
 * the limit, and a full read is followed by others, twice as large each time, until `limit` reviews that may come
 * are read: held reviews leave gaps (a list's items due with it: one in four, or fewer, may come), and each further
 * read is one more wait before the new cards' reads, which need the keys of the reviews that come.
 */
async function firstDueCards(
	range: (from: number | typeof Dexie.minKey) => Collection<CardRecord, string, unknown>,
	limit: number,
	coming?: Promise<(read: readonly CardRecord[]) => number>
): Promise<CardRecord[]> {
	const read: CardRecord[] = [];
	for (let size = (coming === undefined ? limit : 4 * limit) + DUE_MARGIN; ; size *= 2) {
		// On from the last day read, whose cards the index orders by id: the first of them are those read already
		// (one read-only transaction: nothing changed in between). A range rather than an offset, so that IndexedDB
		// reads the page at once (getAll) rather than card by card.
		const lastDay = read.at(-1)?.dueDay;
		const again = lastDay === undefined ? 0 : read.length - read.findIndex((card) => card.dueDay === lastDay);
		const cards = (await range(lastDay ?? Dexie.minKey).limit(size + again).toArray()).slice(again);
		read.push(...cards);
		if (cards.length < size || coming === undefined || (await coming)(read) >= limit) return read;
	}
}

const newCardsOf = (db: RecallDatabase, deck: string) => db.cards.where('[deck+queue+order]').between([deck, Queue.new, Dexie.minKey], [deck, Queue.new, Dexie.maxKey]);

/**
 * The deck's first `limit` available new cards in note order: read by the index `limit` at a time (one read,
 * unless some of them are buried), rather than a cursor step per card.
 */
async function firstNewCards(db: RecallDatabase, deck: string, today: number, limit: number, admits?: Promise<(card: CardRecord) => boolean>): Promise<CardRecord[]> {
	const picked: CardRecord[] = [];
	const held: CardRecord[] = [];
	// Twice as many each time: a deck whose first cards all wait (siblings of cards due) is read in a few steps.
	for (let from = 0, size = limit; picked.length < limit; from += size, size *= 2) {
		const range = newCardsOf(db, deck);
		const cards = await (from === 0 ? range : range.offset(from)).limit(size).toArray();
		const admit = await admits;
		for (const card of cards) {
			if (picked.length >= limit || !isAvailable(toSchedule(card), today)) continue;
			// A card that waits for its sibling is handed on all the same: the session says it waits.
			if (!admit || admit(card)) picked.push(card);
			else held.push(card);
		}
		if (cards.length < size) break;
	}
	return [...picked, ...held];
}

/**
 * The deck's first `limit` available new cards in the day's random order
 * (randomRank, seeded by the study day as startSession seeds it): ranked by
 * their ids, read from the index alone, then read a slice at a time, so that a
 * deck of 30,000 new cards costs its keys and a few dozen records.
 */
async function randomNewCards(db: RecallDatabase, deck: string, today: number, limit: number, admits?: Promise<(card: CardRecord) => boolean>): Promise<CardRecord[]> {
	const ids = (await newCardsOf(db, deck).primaryKeys()) as string[];
	const ranked = inRandomOrder(
		ids.map((id) => ({ id })),
		today
	).map((card) => card.id);
	const picked: CardRecord[] = [];
	const held: CardRecord[] = [];
	for (let from = 0, slice = limit + DUE_MARGIN; from < ranked.length && picked.length < limit; from += slice, slice *= 2) {
		const cards = await db.cards.bulkGet(ranked.slice(from, from + slice));
		const admit = await admits;
		for (const card of cards) {
			if (!card || picked.length >= limit || !isAvailable(toSchedule(card), today)) continue;
			if (!admit || admit(card)) picked.push(card);
			else held.push(card);
		}
	}
	return [...picked, ...held];
}

/**
 * The sibling keys of the cards answered today (srs/siblings.ts), in every deck: a session holds back their
 * new siblings. Keys are the deck's own, so no deck's cards hold back another's.
 */
async function loadSiblingsStudiedToday(db: RecallDatabase, today: number): Promise<string[]> {
	return siblingKeysAnswered(db, await db.reviews.where('day').equals(today).toArray());
}

/** The sibling keys of the cards answered in `rows` (state rows, of kind 'set', are no answers). */
export async function siblingKeysAnswered(db: RecallDatabase, rows: readonly ReviewRecord[]): Promise<string[]> {
	const ids = [...new Set(rows.filter((row) => row.kind !== 'set').map((row) => row.card))];
	if (ids.length === 0) return [];
	return (await db.cards.bulkGet(ids)).flatMap((card) => (card ? siblingKeysOf(card) : []));
}

/** New cards introduced and review cards answered on `today`, for the daily limits (state rows, of kind 'set', are no answers). */
export async function loadStudiedToday(db: RecallDatabase, scope: string, today: number): Promise<StudiedToday> {
	const rows =
		scope === ALL_DECKS ? await db.reviews.where('day').equals(today).toArray() : await db.reviews.where('[deck+day]').equals([scope, today]).toArray();
	return studiedIn(rows);
}

/** What `rows` (a study day's) count against the daily limits: the different cards introduced, and those reviewed. */
export function studiedIn(rows: readonly ReviewRecord[]): StudiedToday {
	const newCards = new Set(rows.filter((row) => row.kind === 'new').map((row) => row.card));
	const reviewed = new Set(rows.filter((row) => row.kind === 'review').map((row) => row.card));
	return { newCards: newCards.size, reviews: reviewed.size };
}

/** What loadStudiedToday counts over all decks, and the same for each deck (by the deck each row was logged in). */
export async function loadStudiedTodayByDeck(db: RecallDatabase, today: number): Promise<{ all: StudiedToday; byDeck: Map<string, StudiedToday> }> {
	const rows = await db.reviews.where('day').equals(today).toArray();
	const rowsByDeck = new Map<string, ReviewRecord[]>();
	for (const row of rows) {
		const list = rowsByDeck.get(row.deck);
		if (list) list.push(row);
		else rowsByDeck.set(row.deck, [row]);
	}
	const byDeck = new Map([...rowsByDeck].map(([deck, deckRows]) => [deck, studiedIn(deckRows)]));
	return { all: studiedIn(rows), byDeck };
}
