/**
 * Answering and undoing: each is one transaction over the card, its log row
 * and the stored session, so that a crash or a closed tab never leaves one
 * without the other.
 */
import { Dexie } from 'dexie';
import { dueDay, studyDay, type DayOptions } from '../srs/day';
import { afterAnswer, undoAnswer, type QueueKind } from '../srs/session';
import { NEW_CARD, replay, sm2, type Grade, type Sm2State } from '../srs/sm2';
import { Queue, type CardRecord, type RecallDatabase, type ReviewRecord, type ScheduleSnapshot } from './schema';

/** The card changed since it was shown (another tab answered it, or it was undone there). */
export class StaleCardError extends Error {
	override name = 'StaleCardError';
}

export interface AnswerInput {
	cardId: string;
	grade: Grade;
	/** UTC milliseconds of the answer. */
	reviewedAt: number;
	durationMs: number;
	/** What the card was in the queue when answered. */
	kind: QueueKind;
	/** The card's `lastReview` when it was shown; a mismatch means another tab answered it. */
	expectedLastReview: string | undefined;
	/** The session the answer belongs to: its queue moves on in the same transaction. */
	scope?: string;
	dayOptions?: DayOptions;
}

function newId(): string {
	return globalThis.crypto.randomUUID();
}

function snapshot(card: Pick<CardRecord, 'state' | 'dueDay'>): ScheduleSnapshot {
	return card.dueDay === undefined ? { state: { ...card.state } } : { state: { ...card.state }, dueDay: card.dueDay };
}

/** The queue a card belongs in after its schedule changed (suspension and retirement stick). */
function queueAfter(card: CardRecord, dueDayAfter: number | undefined): CardRecord['queue'] {
	if (card.queue === Queue.suspended || card.queue === Queue.retired) return card.queue;
	return dueDayAfter === undefined ? Queue.new : Queue.scheduled;
}

/** Records an answer: the log row, the card's new state and the session's next card, together. */
export async function answerCard(db: RecallDatabase, input: AnswerInput): Promise<ReviewRecord> {
	return db.transaction('rw', db.cards, db.reviews, db.sessions, async () => {
		const card = await db.cards.get(input.cardId);
		if (!card) throw new StaleCardError(`The card ${input.cardId} no longer exists.`);
		if (card.lastReview !== input.expectedLastReview) {
			throw new StaleCardError('This card was answered in another tab or window.');
		}
		const after: Sm2State = sm2(card.state, input.grade);
		const due = dueDay(input.reviewedAt, after, input.dayOptions);
		const review: ReviewRecord = {
			id: newId(),
			card: card.id,
			deck: card.deck,
			grade: input.grade,
			reviewedAt: input.reviewedAt,
			day: studyDay(input.reviewedAt, input.dayOptions),
			durationMs: Math.max(0, Math.round(input.durationMs)),
			kind: input.kind,
			before: snapshot(card),
			after: { state: after, dueDay: due },
			previous: card.lastReview
		};
		await db.reviews.add(review);
		await db.cards.update(card.id, {
			state: after,
			dueDay: due,
			queue: queueAfter(card, due),
			lastReview: review.id,
			updatedAt: input.reviewedAt
		});
		if (input.scope !== undefined) {
			const stored = await db.sessions.get(input.scope);
			if (stored) {
				await db.sessions.put({
					...stored,
					session: afterAnswer(stored.session, card.id, after),
					undo: [...stored.undo, { reviewId: review.id, cardId: card.id, kind: input.kind }]
				});
			}
		}
		return review;
	});
}

/**
 * Takes back the latest answer of a session: removes its log row and restores
 * the card as it was before, and the card is shown again. Returns false when
 * there is nothing to undo.
 */
export async function undoLastAnswer(db: RecallDatabase, scope: string): Promise<boolean> {
	return db.transaction('rw', db.cards, db.reviews, db.sessions, async () => {
		const stored = await db.sessions.get(scope);
		const step = stored?.undo.at(-1);
		if (!stored || !step) return false;
		const review = await db.reviews.get(step.reviewId);
		const card = await db.cards.get(step.cardId);
		if (!review || !card || card.lastReview !== review.id) {
			// Answered again (or undone) elsewhere since: this step can no longer be taken back.
			await db.sessions.put({ ...stored, undo: [] });
			throw new StaleCardError('This answer can no longer be undone: the card was answered in another tab or window.');
		}
		await db.reviews.delete(review.id);
		await db.cards.update(card.id, {
			state: review.before.state,
			dueDay: review.before.dueDay,
			queue: queueAfter(card, review.before.dueDay),
			lastReview: review.previous,
			updatedAt: Date.now()
		});
		await db.sessions.put({
			...stored,
			session: undoAnswer(stored.session, card.id, step.kind),
			undo: stored.undo.slice(0, -1)
		});
		return true;
	});
}

/** A card's log rows, oldest first (ties by id so that the order is total). */
export async function cardHistory(db: RecallDatabase, cardId: string): Promise<ReviewRecord[]> {
	const rows = await db.reviews.where('[card+reviewedAt]').between([cardId, Dexie.minKey], [cardId, Dexie.maxKey]).toArray();
	return rows.sort((a, b) => a.reviewedAt - b.reviewedAt || a.id.localeCompare(b.id));
}

/** The state the log says a card is in: `sm2` folded over its answers in time order. */
export function foldHistory(rows: readonly ReviewRecord[]): Sm2State {
	return replay(
		rows.map((row) => row.grade),
		NEW_CARD
	);
}
