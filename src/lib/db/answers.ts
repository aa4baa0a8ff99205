/**
 * Answering and undoing: each is one transaction over the card, its log row,
 * its day's tally and the stored session, so that a crash or a closed tab never leaves one
 * without the other. An answer that makes its card a leech (srs/leech.ts) tags
 * it and, by its deck's leech action, suspends it in that same transaction, and
 * its undo takes all of it back. So does an answer that holds its siblings'
 * reviews still waiting in the session (srs/session.ts afterAnswerHolding).
 */
import { Dexie } from 'dexie';
import { isAvailable } from '../srs/card-schedule';
import { studyDay, type DayOptions } from '../srs/day';
import { compareRows, dueDayAfter, type AnswerRow, type ScheduleSnapshot } from '../srs/history';
import { hasLeechTag, isLeech, LEECH_TAG, withLeechTag } from '../srs/leech';
import { afterAnswerHolding, undoAnswerHolding, type QueueKind } from '../srs/session';
import { siblingKeysOf } from '../srs/siblings';
import { sm2, type Grade } from '../srs/sm2';
import { isLapse } from '../stats/lapses';
import { foldCard, withSchedule, type FoldedFields } from './card-state';
import { stampAfter } from './change-stamp';
import { tallyRows } from './day-tallies';
import { undoStatusStep } from './cards';
import { leechOptionsForDeck } from '../srs/deck-options';
import { toSchedule } from './queue';
import { isStatusStep, Queue, type AnswerStep, type StatusStep, type CardRecord, type LeechStep, type RecallDatabase, type ReviewRecord } from './schema';
import { refillAfterRemoval } from './sessions';
import { loadSettings, type Settings } from './settings';

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

function snapshot(fields: Pick<CardRecord, 'state' | 'dueDay'>): ScheduleSnapshot {
	return fields.dueDay === undefined ? { state: { ...fields.state } } : { state: { ...fields.state }, dueDay: fields.dueDay };
}

/**
 * The tables an answer reads and writes. Besides the card, its log and the
 * session: an answer that lapses reads the leech options (the deck's, the
 * settings), and a leech suspended leaves the session as a suspended card does
 * (cards.ts), which reads what a new session does.
 */
const answerTables = (db: RecallDatabase) => [db.decks, db.cards, db.reviews, db.days, db.settings, db.sessions];

/**
 * Whether the lapse that brought `card` to `lapses` makes it a leech, by its
 * deck's options (the settings for what the deck leaves to them): if so, the
 * card as the leech action leaves it and what that did. Read only after a lapse.
 */
async function leechAfterLapse(db: RecallDatabase, card: CardRecord, lapses: number, at: number): Promise<{ card: CardRecord; step: LeechStep; settings: Settings } | undefined> {
	const [deck, settings] = await Promise.all([db.decks.get(card.deck), loadSettings(db)]);
	const options = leechOptionsForDeck(settings, deck?.options);
	if (!isLeech(lapses, options.leechThreshold)) return undefined;
	const next: CardRecord = hasLeechTag(card.tags) ? { ...card } : { ...card, tags: withLeechTag(card.tags), contentAt: stampAfter(card.contentAt, at) };
	// Suspended as the ⋯ menu's Suspend does it (cards.ts); a retired card stays retired.
	const suspended = options.leechAction === 'suspend' && (card.queue === Queue.new || card.queue === Queue.scheduled);
	if (suspended) {
		next.queue = Queue.suspended;
		next.statusAt = stampAfter(card.statusAt, at);
	}
	return { card: next, step: { lapses, tagged: !hasLeechTag(card.tags), suspended, added: [] }, settings };
}

/**
 * The card before the answer that made it a leech, for its undo: without the
 * tag that answer added, and back in the queues if that answer suspended it
 * and nothing has changed its status since. Its status clock moves on, as an
 * undone suspend's does (cards.ts), so that the card's status is merged as now.
 */
function beforeLeech(card: CardRecord, step: LeechStep, now: number): CardRecord {
	const next: CardRecord = { ...card };
	if (step.tagged) {
		next.tags = card.tags.filter((tag) => tag !== LEECH_TAG);
		next.contentAt = stampAfter(card.contentAt, now);
	}
	if (step.suspended && card.queue === Queue.suspended) {
		// withSchedule puts it in the queue its schedule says.
		next.queue = Queue.new;
		next.statusAt = stampAfter(card.statusAt, now);
	}
	return next;
}

/**
 * Records an answer: the log row, the card's new state and the session's next
 * card, together. The card's state is the fold of its rows, and an answer is
 * always the card's latest row, so it simply goes through `sm2`: the learner
 * graded the card as it was shown, after every row it has. When a row is
 * dated after now (the clock went back since, or the row came from a device
 * whose clock ran ahead), the answer is dated just after it, as a reset is
 * (bulk.ts); its study day stays today's, so that it is due from today.
 */
export async function answerCard(db: RecallDatabase, input: AnswerInput): Promise<AnswerRow> {
	return db.transaction('rw', answerTables(db), async () => {
		// Reads together, then writes together: the study screen's next answer waits for this transaction, so its round trips count.
		const [card, latest, stored] = await Promise.all([
			db.cards.get(input.cardId),
			db.reviews.where('[card+reviewedAt]').between([input.cardId, input.reviewedAt], [input.cardId, Dexie.maxKey], true, true).last(),
			input.scope === undefined ? undefined : db.sessions.get(input.scope)
		]);
		if (!card) throw new StaleCardError(`The card ${input.cardId} no longer exists.`);
		if (card.lastReview !== input.expectedLastReview) {
			throw new StaleCardError('This card was answered in another tab or window.');
		}
		// Dated before a row the card already has (two answers in one millisecond, a clock set back), the
		// answer would fold before it and the grade the learner gave would be overruled by an older one.
		const reviewedAt = latest === undefined ? input.reviewedAt : Math.max(input.reviewedAt, latest.reviewedAt + 1);
		const day = studyDay(input.reviewedAt, input.dayOptions);
		const state = sm2(card.state, input.grade);
		const review: AnswerRow = {
			id: newId(),
			card: card.id,
			deck: card.deck,
			grade: input.grade,
			reviewedAt,
			day,
			durationMs: Math.max(0, Math.round(input.durationMs)),
			kind: input.kind,
			before: snapshot(card),
			after: { state, dueDay: dueDayAfter(day, state) },
			previous: card.lastReview
		};
		const lapses = (card.lapses ?? 0) + (isLapse(review) ? 1 : 0);
		const folded: FoldedFields = { ...review.after, lastReview: review.id, ...(lapses > 0 ? { lapses } : {}) };
		// A lapse may make the card a leech: the deck's options are read only then.
		const leech = isLapse(review) ? await leechAfterLapse(db, card, folded.lapses ?? 0, reviewedAt) : undefined;
		const step: AnswerStep = { reviewId: review.id, cardId: card.id, kind: input.kind };
		if (leech) step.leech = leech.step;
		// Everything that can refuse (the queue refuses a card it is not showing) is worked out before the first write.
		// The reviews of the card's siblings still waiting leave the session, as a session started now would hold them.
		const answered = stored && afterAnswerHolding(stored.session, card.id, folded.state, siblingKeysOf(card));
		if (answered && answered.held.length > 0) step.held = answered.held;
		const session = stored && answered && { ...stored, session: answered.session, undo: [...stored.undo, step] };
		const writes = [db.reviews.add(review), tallyRows(db, [review]), db.cards.put({ ...withSchedule(leech?.card ?? card, folded), updatedAt: reviewedAt })];
		const suspended = leech?.step.suspended === true;
		if (!session || (!suspended && step.held === undefined)) {
			await Promise.all([...writes, session && db.sessions.put(session)]);
			return review;
		}
		await Promise.all(writes);
		// A suspended leech leaves the session, and reviews held leave their places: the next cards take them within
		// the day's limits (cards.ts), the answer written first so that the refill counts it and its siblings' hold.
		const settings = leech?.settings ?? (await loadSettings(db));
		const { session: refilled, added } = await refillAfterRemoval(db, session, suspended ? card.id : undefined, settings, reviewedAt);
		const done: AnswerStep = leech && suspended ? { ...step, leech: { ...leech.step, added } } : added.length > 0 ? { ...step, added } : step;
		await db.sessions.put({ ...session, session: refilled, undo: [...stored.undo, done] });
		return review;
	});
}

/** What an undo took back: an answer, a bury or a suspend. */
export type UndoneAction = 'answer' | StatusStep['status'];

/**
 * Takes back the latest action of a session. An answer: its log row goes and
 * the card is as it was before; a bury or suspend: the card's status is as it
 * was (cards.ts). Either way the card is shown again. Returns what was taken
 * back, so that it can be said; undefined when there is nothing to undo.
 */
export async function undoLastAction(db: RecallDatabase, scope: string, now = Date.now()): Promise<UndoneAction | undefined> {
	return db.transaction('rw', [db.cards, db.reviews, db.days, db.sessions], async () => {
		const stored = await db.sessions.get(scope);
		const step = stored?.undo.at(-1);
		if (!stored || !step) return undefined;
		if (isStatusStep(step)) {
			await undoStatusStep(db, stored, step, now);
			return step.status;
		}
		const review = await db.reviews.get(step.reviewId);
		const card = await db.cards.get(step.cardId);
		if (!review || !card || card.lastReview !== review.id) {
			// Answered again (or undone) elsewhere since: this step can no longer be taken back.
			await db.sessions.put({ ...stored, undo: [] });
			throw new StaleCardError('This answer can no longer be undone: the card was answered in another tab or window.');
		}
		await db.reviews.delete(review.id);
		await tallyRows(db, [review], -1);
		// The card is what its remaining rows add up to: `review.before`, unless rows merged in since say otherwise.
		const folded = foldCard((await cardHistory(db, card.id)).filter((row) => row.id !== review.id));
		const restored = { ...withSchedule(step.leech ? beforeLeech(card, step.leech, now) : card, folded), updatedAt: now };
		await db.cards.put(restored);
		// The cards taken in for a suspended leech or for the reviews held leave again, and those reviews come back in their places.
		const added = new Set([...(step.leech?.added ?? []), ...(step.added ?? [])]);
		const kept = added.size === 0 ? stored.session : { ...stored.session, entries: stored.session.entries.filter((entry) => !added.has(entry.id)) };
		let session = undoAnswerHolding(kept, card.id, step.kind, step.held ?? []);
		// Suspended, buried or deleted since, from another session (another tab): its answer is taken back, but it is not shown again.
		if (!isAvailable(toSchedule(restored), session.day)) session = { ...session, entries: session.entries.filter((entry) => entry.id !== card.id) };
		await db.sessions.put({ ...stored, session, undo: stored.undo.slice(0, -1) });
		return 'answer';
	});
}

/** A card's log rows, oldest first (ties by id so that the order is total): the order `foldRows` folds them in. */
export async function cardHistory(db: RecallDatabase, cardId: string): Promise<ReviewRecord[]> {
	const rows = await db.reviews.where('[card+reviewedAt]').between([cardId, Dexie.minKey], [cardId, Dexie.maxKey]).toArray();
	return rows.sort(compareRows);
}
