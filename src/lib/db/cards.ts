/**
 * Taking a card out of the queues from the study screen. Each is one
 * transaction over the card and the stored session, so a reload or another
 * tab never shows a card that was just suspended or buried.
 */
import { Queue, type RecallDatabase, type SessionRecord } from './schema';

/**
 * The stored session without the card. Its undo steps go too: undoing an
 * answer puts the card back at the head of the queue, which would bring back a
 * card the learner has just put away.
 */
function withoutCard(stored: SessionRecord, cardId: string): SessionRecord {
	return {
		...stored,
		session: { ...stored.session, entries: stored.session.entries.filter((entry) => entry.id !== cardId) },
		undo: stored.undo.filter((step) => step.cardId !== cardId)
	};
}

async function dropFromSession(db: RecallDatabase, cardId: string, scope: string | undefined): Promise<void> {
	if (scope === undefined) return;
	const stored = await db.sessions.get(scope);
	if (stored) await db.sessions.put(withoutCard(stored, cardId));
}

/** Out of every queue until it is unsuspended; its schedule and history are kept. Returns false for an unknown card. */
export async function suspendCard(db: RecallDatabase, cardId: string, scope?: string, now = Date.now()): Promise<boolean> {
	return db.transaction('rw', db.cards, db.sessions, async () => {
		const card = await db.cards.get(cardId);
		if (!card) return false;
		// A retired card stays retired: retirement is the deck's decision, not the learner's.
		if (card.queue !== Queue.retired) await db.cards.update(cardId, { queue: Queue.suspended, statusAt: now, updatedAt: now });
		await dropFromSession(db, cardId, scope);
		return true;
	});
}

/** Out of every queue until the study day `untilDay` (tomorrow, from the study screen). Returns false for an unknown card. */
export async function buryCard(db: RecallDatabase, cardId: string, untilDay: number, scope?: string, now = Date.now()): Promise<boolean> {
	if (!Number.isInteger(untilDay)) throw new RangeError(`buryCard: not a study day: ${untilDay}`);
	return db.transaction('rw', db.cards, db.sessions, async () => {
		const card = await db.cards.get(cardId);
		if (!card) return false;
		await db.cards.update(cardId, { buriedUntil: untilDay, statusAt: now, updatedAt: now });
		await dropFromSession(db, cardId, scope);
		return true;
	});
}
