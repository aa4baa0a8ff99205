/**
 * Taking a card out of the queues from the study screen, and putting it back
 * (undo). Each is one transaction over the card and the stored session, so a
 * reload or another tab never shows a card that was just suspended or buried.
 *
 * A card taken out of a session leaves room within the day's limits, which
 * count what was answered today (as in Anki): the session takes in the next
 * card instead, and an undo takes that one out again.
 */
import { isAvailable } from '../srs/card-schedule';
import { queueFor } from './card-state';
import { stampAfter } from './change-stamp';
import { toSchedule } from './queue';
import { Queue, type CardRecord, type RecallDatabase, type SessionRecord, type StatusStep } from './schema';
import { refillAfterRemoval } from './sessions';
import { loadSettings } from './settings';

async function takeOutOfSession(
	db: RecallDatabase,
	card: CardRecord,
	status: StatusStep['status'],
	scope: string | undefined,
	now: number
): Promise<void> {
	if (scope === undefined) return;
	const stored = await db.sessions.get(scope);
	if (!stored) return;
	const index = stored.session.entries.findIndex((entry) => entry.id === card.id);
	const entry = stored.session.entries[index];
	if (entry === undefined) return;
	const { session, added } = await refillAfterRemoval(db, stored, card.id, await loadSettings(db), now);
	const step: StatusStep = { status, cardId: card.id, kind: entry.kind, index, added };
	if (entry.siblingKeys !== undefined) step.siblingKeys = entry.siblingKeys;
	await db.sessions.put({ ...stored, session, undo: [...stored.undo, step] });
}

/** The tables a status change reads and writes: the session's refill reads what a new session does. */
const statusTables = (db: RecallDatabase) => [db.decks, db.cards, db.reviews, db.settings, db.sessions];

/** Out of every queue until it is unsuspended; its schedule and history are kept. Returns false for an unknown card. */
export async function suspendCard(db: RecallDatabase, cardId: string, scope?: string, now = Date.now()): Promise<boolean> {
	return db.transaction('rw', statusTables(db), async () => {
		const card = await db.cards.get(cardId);
		if (!card) return false;
		// A retired card stays retired: retirement is the deck's decision, not the learner's.
		if (card.queue !== Queue.retired) await db.cards.update(cardId, { queue: Queue.suspended, statusAt: stampAfter(card.statusAt, now), updatedAt: now });
		await takeOutOfSession(db, card, 'suspended', scope, now);
		return true;
	});
}

/** Out of every queue until the study day `untilDay` (tomorrow, from the study screen). Returns false for an unknown card. */
export async function buryCard(db: RecallDatabase, cardId: string, untilDay: number, scope?: string, now = Date.now()): Promise<boolean> {
	if (!Number.isInteger(untilDay)) throw new RangeError(`buryCard: not a study day: ${untilDay}`);
	return db.transaction('rw', statusTables(db), async () => {
		const card = await db.cards.get(cardId);
		if (!card) return false;
		await db.cards.update(cardId, { buriedUntil: untilDay, statusAt: stampAfter(card.statusAt, now), updatedAt: now });
		await takeOutOfSession(db, card, 'buried', scope, now);
		return true;
	});
}

/**
 * Takes back a bury or suspend of the stored session (the latest of its undo
 * steps, `step`): the card gets its status back and its place in the queue, and the
 * cards taken in for it leave. A card whose status was changed elsewhere since
 * (unsuspended in the browser, suspended after its bury) keeps that change,
 * and comes back into the queue only if it may be studied. Called by
 * undoLastAction in its transaction.
 */
export async function undoStatusStep(db: RecallDatabase, stored: SessionRecord, step: StatusStep, now: number): Promise<void> {
	const card = await db.cards.get(step.cardId);
	let restored = card;
	if (card) {
		const stillAsSet = step.status === 'suspended' ? card.queue === Queue.suspended : card.buriedUntil !== undefined;
		if (stillAsSet) {
			// A card in the session was neither suspended nor buried before (it could not have been shown otherwise).
			const next: CardRecord = { ...card, updatedAt: now, statusAt: stampAfter(card.statusAt, now) };
			if (step.status === 'suspended') next.queue = queueFor({ suspended: false, retired: false }, card.dueDay);
			else delete next.buriedUntil;
			await db.cards.put(next);
			restored = next;
		}
	}
	const added = new Set(step.added);
	const entries = stored.session.entries.filter((entry) => !added.has(entry.id) && entry.id !== step.cardId);
	if (restored && isAvailable(toSchedule(restored), stored.session.day)) {
		entries.splice(Math.min(step.index, entries.length), 0, step.siblingKeys ? { id: step.cardId, kind: step.kind, siblingKeys: step.siblingKeys } : { id: step.cardId, kind: step.kind });
	}
	await db.sessions.put({ ...stored, session: { ...stored.session, entries }, undo: stored.undo.slice(0, -1) });
}
