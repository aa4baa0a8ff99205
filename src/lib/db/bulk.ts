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
 * - **Undo** (undoChange) puts each card back as the action found it, only if
 *   it is still as the action left it: a card answered, edited, suspended or
 *   moved since (here or in another tab, or by an import) keeps that change.
 *   A reset's undo drops the reset row, as the study screen's undo drops an
 *   answer's row (answers.ts): the log is then as it was, with no row before
 *   the reset touched, and the card is again the fold of its rows.
 */
import { groupBy } from '../io/group-by';
import { sameValue } from '../io/same-value';
import { studyDay, type DayOptions } from '../srs/day';
import { compareRows, type StateRow } from '../srs/history';
import { NEW_CARD } from '../srs/sm2';
import { foldCard, queueFor, withSchedule } from './card-state';
import { stampAfter } from './change-stamp';
import { cardsInDeck, rowsOfCards } from './lookups';
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

/** A card an action changed: as it found it (what its undo puts back) and as it stored it (what tells the undo that nothing changed the card since). */
export interface ChangedCard {
	before: CardRecord;
	after: CardRecord;
}

/** What a bulk action changed, which undoChange takes back. */
export interface BulkChange {
	cards: ChangedCard[];
	/** The log rows it wrote (a reset's, one per card). */
	rows: StateRow[];
}

/** Reads the cards (unknown ids left out) and writes what `change` makes of each (undefined: unchanged), in one transaction. */
async function changeCards(
	db: RecallDatabase,
	ids: readonly string[],
	change: (card: CardRecord) => CardRecord | undefined,
	options: { leaveQueues: boolean }
): Promise<BulkChange> {
	return db.transaction('rw', db.cards, db.sessions, async () => {
		const cards = (await db.cards.bulkGet([...new Set(ids)])).filter((card) => card !== undefined);
		const changed = cards.flatMap((before) => {
			const after = change(before);
			return after ? [{ before, after }] : [];
		});
		if (changed.length > 0) await db.cards.bulkPut(changed.map((card) => card.after));
		if (options.leaveQueues) await dropFromSessions(db, new Set(changed.map((card) => card.after.id)));
		return { cards: changed, rows: [] };
	});
}

/** Suspends the cards (retired and deleted ones stay as they are). */
export async function suspendCards(db: RecallDatabase, ids: readonly string[], now = Date.now()): Promise<BulkChange> {
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
 * away, as the home page counts them.
 */
export async function unsuspendCards(db: RecallDatabase, ids: readonly string[], now: number, today: number): Promise<BulkChange> {
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
		if (changed.cards.length > 0) await markSessionsOutdated(db);
		return changed;
	});
}

/**
 * Resets the cards' progress: each card that has any (a schedule, or rows)
 * gets a reset row and is new again; suspended stays suspended. One
 * transaction.
 */
export async function resetCards(db: RecallDatabase, ids: readonly string[], options: { now?: number; dayOptions?: DayOptions } = {}): Promise<BulkChange> {
	const now = options.now ?? Date.now();
	return db.transaction('rw', db.cards, db.reviews, db.sessions, async () => {
		const cards = (await db.cards.bulkGet([...new Set(ids)])).filter((card): card is CardRecord => card !== undefined && hasProgress(card));
		const latest = await db.reviews.bulkGet(cards.map((card) => card.lastReview ?? ''));
		const rows: StateRow[] = [];
		const changed: ChangedCard[] = [];
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
			changed.push({ before: card, after: { ...withSchedule(card, { state: { ...NEW_CARD }, lastReview: row.id, lapses: card.lapses }), updatedAt: now } });
		});
		if (rows.length > 0) {
			await db.reviews.bulkAdd(rows);
			await db.cards.bulkPut(changed.map((card) => card.after));
			await dropFromSessions(db, new Set(changed.map((card) => card.after.id)));
		}
		return { cards: changed, rows };
	});
}

function hasProgress(card: CardRecord): boolean {
	return card.lastReview !== undefined || card.dueDay !== undefined || card.state.repetitions !== NEW_CARD.repetitions || card.state.interval !== NEW_CARD.interval || card.state.easiness !== NEW_CARD.easiness;
}

/** Resets every card of a deck (see resetCards), in one transaction. Returns how many cards were reset. */
export async function resetDeck(db: RecallDatabase, deckId: string, options: { now?: number; dayOptions?: DayOptions } = {}): Promise<number> {
	return db.transaction('rw', db.cards, db.reviews, db.sessions, async () => {
		const ids = (await cardsInDeck(db, deckId).primaryKeys()) as string[];
		return (await resetCards(db, ids, options)).rows.length;
	});
}

/** The cards moved; nothing else changes. */
export interface MoveResult extends BulkChange {
	/** Cards made from notes, left where they are: their note decides their deck. */
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
		const changed = moving.map((card) => ({ before: card, after: { ...card, deck: deckId, order: ++order, contentAt: stampAfter(card.contentAt, now), updatedAt: now } }));
		if (changed.length > 0) {
			await db.cards.bulkPut(changed.map((card) => card.after));
			await dropFromSessions(db, new Set(changed.map((card) => card.after.id)));
		}
		return { cards: changed, rows: [], generated };
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
		const { cards: restored } = await changeCards(
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
		return restored.map((card) => card.after.id);
	});
}

/** What an undo did with the cards of an action. */
export interface UndoneChange {
	/** The ids put back as the action found them. */
	restored: string[];
	/** The ids of cards changed since the action (see undoChange), left as they are now. */
	changedSince: string[];
}

/**
 * Takes back a suspend, unsuspend, reset or move: in one transaction, each
 * card still as the action left it gets every field back as the action found
 * it. A card changed since (answered, edited, suspended, moved or deleted, in
 * this tab or another, or by an import), or moved out of a deck that has been
 * deleted since, is left as it is now: the learner's later work is never
 * undone along with it, and the result says how many.
 *
 * The change clocks the action moved (statusAt, contentAt) move on again
 * rather than back, as restoreCards' and the study screen's undos do: backups
 * merge by them, and a backup made between the action and its undo must not
 * bring the action back. A reset's row is dropped (the card's latest row,
 * since the card is unchanged), and the card is what its remaining rows add
 * up to, as after the study screen's undo of an answer.
 */
export async function undoChange(db: RecallDatabase, change: BulkChange, now = Date.now()): Promise<UndoneChange> {
	const rowOf = new Map(change.rows.map((row) => [row.card, row]));
	return db.transaction('rw', db.decks, db.cards, db.reviews, db.sessions, async () => {
		const current = await db.cards.bulkGet(change.cards.map((card) => card.after.id));
		const homes = await decksStillTakingBack(db, change.cards);
		const restored: CardRecord[] = [];
		const changedSince: string[] = [];
		change.cards.forEach(({ before, after }, index) => {
			const card = current[index];
			if (card === undefined || !sameValue(card, after) || (before.deck !== after.deck && !homes.has(before.deck))) changedSince.push(after.id);
			else restored.push(putBack(before, card, now));
		});
		const dropped = restored.flatMap((card) => rowOf.get(card.id) ?? []);
		let putBackCards = restored;
		if (dropped.length > 0) {
			await db.reviews.bulkDelete(dropped.map((row) => row.id));
			// The reset cards' remaining rows, in one read: each card is what they fold to.
			const rows = groupBy(await rowsOfCards(db, dropped.map((row) => row.card)).toArray(), (row) => row.card);
			putBackCards = restored.map((card) => (rowOf.has(card.id) ? withSchedule(card, foldCard((rows.get(card.id) ?? []).sort(compareRows))) : card));
		}
		if (putBackCards.length > 0) {
			await db.cards.bulkPut(putBackCards);
			// The sessions saw the cards as the action left them: they leave, and the sessions are made again (keeping their
			// answers), which takes back each card that may be studied, in its own deck, at its own place.
			await dropFromSessions(db, new Set(putBackCards.map((card) => card.id)));
			if (putBackCards.some((card) => card.queue === Queue.new || card.queue === Queue.scheduled)) await markSessionsOutdated(db);
		}
		return { restored: putBackCards.map((card) => card.id), changedSince };
	});
}

/** The card as the action found it, with each change clock the action moved (from `before` to `stored`'s) moved on again. */
function putBack(before: CardRecord, stored: CardRecord, now: number): CardRecord {
	const next: CardRecord = { ...before, updatedAt: now };
	if (before.statusAt !== stored.statusAt) next.statusAt = stampAfter(stored.statusAt, now);
	if (before.contentAt !== stored.contentAt) next.contentAt = stampAfter(stored.contentAt, now);
	return next;
}

/** The decks moved cards left that may have them back: not deleted or retired since. */
async function decksStillTakingBack(db: RecallDatabase, cards: readonly ChangedCard[]): Promise<Set<string>> {
	const left = [...new Set(cards.filter((card) => card.before.deck !== card.after.deck).map((card) => card.before.deck))];
	const decks = await db.decks.bulkGet(left);
	return new Set(decks.filter((deck): deck is DeckRecord => deck !== undefined && !deck.retired && deck.deletedAt === undefined).map((deck) => deck.id));
}
