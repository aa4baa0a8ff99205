/**
 * The card browser's actions on many cards: suspend, unsuspend, reset
 * progress, move to a deck, delete (and take a delete back). Each is one
 * transaction over the cards (and the log, for a reset) and the stored
 * sessions, which lose the cards that leave the queues, as suspendCard does.
 *
 * The rules that keep history safe:
 * - **Reset** writes a state row per card (`kind: 'set'`, `reason: 'reset'`,
 *   `after`: a new card) and nothing else: the card's earlier rows stay in the
 *   log, before the reset row, so statistics still count them; the card is the
 *   fold of its rows, now a new card. The row is the card's latest (dated after
 *   any row merged in from a device whose clock ran ahead).
 * - **Delete** never drops a row or a card record. A deleted card is retired
 *   (out of every queue, as a card gone from its note) and marked `deletedAt`:
 *   the deck page and the browser no longer show it, statistics count it as
 *   retired and still count its answers, backups keep it (as retired), and a
 *   note or file imported again does not bring it back (imports.ts).
 */
import { studyDay, type DayOptions } from '../srs/day';
import type { StateRow } from '../srs/history';
import { NEW_CARD } from '../srs/sm2';
import { queueFor, withSchedule } from './card-state';
import { stampAfter } from './change-stamp';
import { cardsInDeck } from './lookups';
import { markSessionsOutdated } from './sessions';
import { Queue, type CardRecord, type DeckRecord, type RecallDatabase } from './schema';

/** Cards made from notes (built-in decks, imported notes): their note decides their content and deck. */
export function isGenerated(card: Pick<CardRecord, 'id'>): boolean {
	return card.id.startsWith('md:');
}

/** Takes the cards out of every stored session (their undo steps too: undo must not bring a card back). */
export async function dropFromSessions(db: RecallDatabase, ids: ReadonlySet<string>): Promise<void> {
	if (ids.size === 0) return;
	const sessions = await db.sessions.toArray();
	for (const stored of sessions) {
		if (!stored.session.entries.some((entry) => ids.has(entry.id)) && !stored.undo.some((step) => ids.has(step.cardId))) continue;
		await db.sessions.put({
			...stored,
			session: { ...stored.session, entries: stored.session.entries.filter((entry) => !ids.has(entry.id)) },
			undo: stored.undo.filter((step) => !ids.has(step.cardId))
		});
	}
}

/** Reads the cards (unknown ids left out) and writes what `change` makes of each (undefined: unchanged), in one transaction. */
async function changeCards(
	db: RecallDatabase,
	ids: readonly string[],
	change: (card: CardRecord) => CardRecord | undefined,
	options: { leaveQueues: boolean }
): Promise<string[]> {
	return db.transaction('rw', db.cards, db.sessions, async () => {
		const cards = (await db.cards.bulkGet([...new Set(ids)])).filter((card) => card !== undefined);
		const changed = cards.flatMap((card) => {
			const next = change(card);
			return next ? [next] : [];
		});
		if (changed.length > 0) await db.cards.bulkPut(changed);
		if (options.leaveQueues) await dropFromSessions(db, new Set(changed.map((card) => card.id)));
		return changed.map((card) => card.id);
	});
}

/** Suspends the cards (retired and deleted ones stay as they are). Returns the ids suspended. */
export async function suspendCards(db: RecallDatabase, ids: readonly string[], now = Date.now()): Promise<string[]> {
	return changeCards(
		db,
		ids,
		(card) => (card.queue === Queue.new || card.queue === Queue.scheduled ? { ...card, queue: Queue.suspended, statusAt: stampAfter(card.statusAt, now), updatedAt: now } : undefined),
		{ leaveQueues: true }
	);
}

/**
 * Brings suspended cards, and cards buried after `today` (the study day now:
 * a bury that ended is nothing to bring back), into the queues, new or
 * scheduled as their schedule says. Today's stored sessions are made again
 * (keeping their answers): a card brought back takes its own place among the
 * deck's new cards, ahead of one a refill took in for it when it was put
 * away, as the home page counts them. Returns the ids brought back.
 */
export async function unsuspendCards(db: RecallDatabase, ids: readonly string[], now: number, today: number): Promise<string[]> {
	return db.transaction('rw', db.cards, db.sessions, async () => {
		const changed = await changeCards(
			db,
			ids,
			(card) => {
				if (card.queue === Queue.retired) return undefined;
				if (card.queue !== Queue.suspended && !(card.buriedUntil !== undefined && card.buriedUntil > today)) return undefined;
				const next: CardRecord = { ...card, queue: queueFor({ suspended: false, retired: false }, card.dueDay), statusAt: stampAfter(card.statusAt, now), updatedAt: now };
				delete next.buriedUntil;
				return next;
			},
			{ leaveQueues: false }
		);
		if (changed.length > 0) await markSessionsOutdated(db);
		return changed;
	});
}

/**
 * Resets the cards' progress: each card that has any (a schedule, or rows)
 * gets a reset row and is new again; suspended stays suspended. One
 * transaction. Returns the reset rows written.
 */
export async function resetCards(db: RecallDatabase, ids: readonly string[], options: { now?: number; dayOptions?: DayOptions } = {}): Promise<StateRow[]> {
	const now = options.now ?? Date.now();
	return db.transaction('rw', db.cards, db.reviews, db.sessions, async () => {
		const cards = (await db.cards.bulkGet([...new Set(ids)])).filter((card): card is CardRecord => card !== undefined && hasProgress(card));
		const latest = await db.reviews.bulkGet(cards.map((card) => card.lastReview ?? ''));
		const rows: StateRow[] = [];
		const changed: CardRecord[] = [];
		cards.forEach((card, index) => {
			// After every row the card has, so that the reset is what the card's rows fold to.
			const reviewedAt = Math.max(now, (latest[index]?.reviewedAt ?? -Infinity) + 1);
			const row: StateRow = {
				id: globalThis.crypto.randomUUID(),
				card: card.id,
				deck: card.deck,
				kind: 'set',
				reason: 'reset',
				reviewedAt,
				day: studyDay(reviewedAt, options.dayOptions),
				before: card.dueDay === undefined ? { state: { ...card.state } } : { state: { ...card.state }, dueDay: card.dueDay },
				after: { state: { ...NEW_CARD } }
			};
			if (card.lastReview !== undefined) row.previous = card.lastReview;
			rows.push(row);
			// A reset starts the schedule again; the lapses stay, as the rows they were counted from do.
			changed.push({ ...withSchedule(card, { state: { ...NEW_CARD }, lastReview: row.id, lapses: card.lapses }), updatedAt: now });
		});
		if (rows.length > 0) {
			await db.reviews.bulkAdd(rows);
			await db.cards.bulkPut(changed);
			await dropFromSessions(db, new Set(changed.map((card) => card.id)));
		}
		return rows;
	});
}

function hasProgress(card: CardRecord): boolean {
	return card.lastReview !== undefined || card.dueDay !== undefined || card.state.repetitions !== NEW_CARD.repetitions || card.state.interval !== NEW_CARD.interval || card.state.easiness !== NEW_CARD.easiness;
}

/** Resets every card of a deck (see resetCards), in one transaction. Returns how many cards were reset. */
export async function resetDeck(db: RecallDatabase, deckId: string, options: { now?: number; dayOptions?: DayOptions } = {}): Promise<number> {
	return db.transaction('rw', db.cards, db.reviews, db.sessions, async () => {
		const ids = (await cardsInDeck(db, deckId).primaryKeys()) as string[];
		return (await resetCards(db, ids, options)).length;
	});
}

export interface MoveResult {
	/** The ids moved. */
	moved: string[];
	/** Cards made from notes: their note decides their deck, so they stay. */
	generated: string[];
}

/**
 * Moves the cards to another deck, after its cards in its order of new cards.
 * Their review rows keep the deck they were answered in. Cards made from notes
 * are not moved (the note would put them back at its next update); an
 * imported card goes back to its file's deck if the file is imported again. A
 * RangeError for a deck that does not exist or does not take cards (acceptsCards).
 */
export async function moveCards(db: RecallDatabase, ids: readonly string[], deckId: string, now = Date.now()): Promise<MoveResult> {
	return db.transaction('rw', db.decks, db.cards, db.sessions, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new RangeError(`moveCards: no deck ${deckId}`);
		const present = await cardsInDeck(db, deckId).toArray();
		if (!acceptsCards(deck, present)) throw new RangeError(`moveCards: the deck ${deckId} is made from a note`);
		let order = present.reduce((max, card) => Math.max(max, card.order), -1);
		const cards = (await db.cards.bulkGet([...new Set(ids)])).filter((card) => card !== undefined);
		const generated = cards.filter((card) => isGenerated(card) && card.deck !== deckId).map((card) => card.id);
		const moving = cards.filter((card) => !isGenerated(card) && card.deck !== deckId).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
		const changed = moving.map((card) => ({ ...card, deck: deckId, order: ++order, contentAt: stampAfter(card.contentAt, now), updatedAt: now }));
		if (changed.length > 0) {
			await db.cards.bulkPut(changed);
			await dropFromSessions(db, new Set(changed.map((card) => card.id)));
		}
		return { moved: changed.map((card) => card.id), generated };
	});
}

/**
 * Whether cards may be moved into a deck: not into a deck made from a note
 * (a built-in deck, or imported notes), whose next update would retire a card
 * its note does not have.
 */
export function acceptsCards(deck: Pick<DeckRecord, 'origin' | 'retired'>, cards: readonly Pick<CardRecord, 'id'>[]): boolean {
	return deck.origin !== 'built-in' && !deck.retired && !cards.some(isGenerated);
}

/**
 * The decks cards may be moved into (acceptsCards), by name. A deck made from
 * notes holds only cards made from them (nothing else can be added or moved
 * in), so one card's id tells: a key read per deck, never its cards.
 */
export async function loadMoveTargets(db: RecallDatabase): Promise<DeckRecord[]> {
	return db.transaction('r', db.decks, db.cards, async () => {
		const candidates = (await db.decks.toArray()).filter((deck) => deck.origin !== 'built-in' && !deck.retired);
		const firstIds = await Promise.all(candidates.map((deck) => cardsInDeck(db, deck.id).limit(1).primaryKeys()));
		return candidates.filter((_, index) => !(firstIds[index] as string[]).some((id) => isGenerated({ id }))).sort((a, b) => a.name.localeCompare(b.name));
	});
}

/** How a deleted card stood before: what `restoreCards` puts back. */
export interface DeletedCard {
	id: string;
	queue: CardRecord['queue'];
}

/**
 * Deletes the cards: retired and marked deleted, their records and review
 * rows kept (see the top of this file). Returns how each stood, for undo.
 */
export async function deleteCards(db: RecallDatabase, ids: readonly string[], now = Date.now()): Promise<DeletedCard[]> {
	const before: DeletedCard[] = [];
	await changeCards(
		db,
		ids,
		(card) => {
			if (card.deletedAt !== undefined) return undefined;
			before.push({ id: card.id, queue: card.queue });
			const at = stampAfter(card.statusAt, now);
			const deleted: CardRecord = { ...card, queue: Queue.retired, statusAt: at, deletedAt: at, updatedAt: now };
			if (card.queue === Queue.suspended) deleted.retiredSuspended = true;
			if (card.queue === Queue.retired) deleted.retiredWhenDeleted = true;
			return deleted;
		},
		{ leaveQueues: true }
	);
	return before;
}

/**
 * Takes a delete back: each card still deleted gets the status it had. Today's stored sessions are made again
 * (keeping their answers), as after an unsuspend: the delete took the cards out of them, and an open study page
 * (of a deck deleted and restored elsewhere) takes them back in. Returns the ids restored.
 */
export async function restoreCards(db: RecallDatabase, deleted: readonly DeletedCard[], now = Date.now()): Promise<string[]> {
	const was = new Map(deleted.map((card) => [card.id, card]));
	return db.transaction('rw', db.cards, db.sessions, async () => {
		const restored = await changeCards(
			db,
			[...was.keys()],
			(card) => {
				const before = was.get(card.id);
				if (card.deletedAt === undefined || !before) return undefined;
				const next: CardRecord = { ...card, queue: before.queue, updatedAt: now };
				delete next.deletedAt;
				delete next.retiredWhenDeleted;
				// A card its note had retired before the delete stays retired, and suspended if it was.
				if (next.queue !== Queue.retired) delete next.retiredSuspended;
				// Brought back now: a later status than the delete's, so a backup taken between the two does not delete it again.
				next.statusAt = stampAfter(card.statusAt, now);
				// The schedule may have changed since (a backup merged in): the queue follows it.
				if (next.queue === Queue.new || next.queue === Queue.scheduled) next.queue = queueFor({ suspended: false, retired: false }, next.dueDay);
				return next;
			},
			{ leaveQueues: false }
		);
		if (restored.length > 0) await markSessionsOutdated(db);
		return restored;
	});
}
