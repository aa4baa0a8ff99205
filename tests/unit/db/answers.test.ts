// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answerCard, cardHistory, StaleCardError, undoLastAction } from '../../../src/lib/db/answers';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { studyDay } from '../../../src/lib/srs/day';
import { foldRows } from '../../../src/lib/srs/history';
import { currentEntry } from '../../../src/lib/srs/session';
import { NEW_CARD, type Grade } from '../../../src/lib/srs/sm2';
import { DAY_OPTIONS, seoulNoon, SETTINGS, stateRow, storedDeck } from './helpers';

const NOTE = '## Q\n\none::1\n\ntwo::2\n\nthree::3\n';

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

async function setUp() {
	const stored = await storedDeck(NOTE);
	db = stored.db;
	const { deck } = stored;
	return deck;
}

async function answerShown(cardId: string, grade: Grade, at: number, scope?: string) {
	const card = await db.cards.get(cardId);
	return answerCard(db, {
		cardId,
		grade,
		reviewedAt: at,
		durationMs: 2500,
		kind: card?.dueDay === undefined ? 'new' : 'review',
		expectedLastReview: card?.lastReview,
		scope,
		dayOptions: DAY_OPTIONS
	});
}

describe('answerCard', () => {
	it('writes the log row and the card’s new state together', async () => {
		const deck = await setUp();
		const id = deck.cards[0]!.id;
		const at = seoulNoon('2026-11-25');
		const review = await answerShown(id, 5, at);
		const day = studyDay(at, DAY_OPTIONS);
		expect(review).toMatchObject({ card: id, deck: deck.id, grade: 5, reviewedAt: at, day, durationMs: 2500, kind: 'new' });
		expect(review.before).toEqual({ state: NEW_CARD });
		expect(review.after).toEqual({ state: { repetitions: 1, easiness: 2.6, interval: 1, extraReview: false }, dueDay: day + 1 });
		expect(await db.cards.get(id)).toMatchObject({ state: review.after.state, dueDay: day + 1, queue: Queue.scheduled, lastReview: review.id });
		expect(await db.reviews.count()).toBe(1);
	});

	it('keeps a failed card in today’s queue', async () => {
		const deck = await setUp();
		const id = deck.cards[0]!.id;
		const at = seoulNoon('2026-11-25');
		await answerShown(id, 1, at);
		expect((await db.cards.get(id))?.dueDay).toBe(studyDay(at, DAY_OPTIONS));
	});

	it('refuses an answer to a card that another tab answered since it was shown, writing nothing', async () => {
		const deck = await setUp();
		const id = deck.cards[0]!.id;
		const shown = await db.cards.get(id);
		await answerShown(id, 4, seoulNoon('2026-11-25'));
		const stale = answerCard(db, { cardId: id, grade: 5, reviewedAt: seoulNoon('2026-11-25', 13), durationMs: 1, kind: 'new', expectedLastReview: shown?.lastReview, dayOptions: DAY_OPTIONS });
		await expect(stale).rejects.toBeInstanceOf(StaleCardError);
		expect(await db.reviews.count()).toBe(1);
	});

	it('writes nothing at all when any part of the answer fails', async () => {
		const deck = await setUp();
		const today = studyDay(seoulNoon('2026-11-25'), DAY_OPTIONS);
		const { session } = await openSession(db, deck.id, today, SETTINGS);
		const notShown = session.entries[1]!.id;
		// Answering a card that is not the session's current one is refused by the queue, inside the transaction.
		await expect(answerShown(notShown, 4, seoulNoon('2026-11-25'), deck.id)).rejects.toThrow();
		expect(await db.reviews.count()).toBe(0);
		expect((await db.cards.get(notShown))?.state).toEqual(NEW_CARD);
	});
});

describe('answers and state rows', () => {
	const SET = { state: { repetitions: 3, easiness: 2.2, interval: 20, extraReview: false }, dueDay: 20_500 };

	/** The first card, with its schedule set by an imported state row at `at`, as an import leaves it. */
	async function importedSchedule(rowId: string, at: number): Promise<{ deckId: string; id: string }> {
		const deck = await setUp();
		const id = deck.cards[0]!.id;
		await db.reviews.add(stateRow({ id: rowId, card: id, deck: deck.id, reviewedAt: at, day: 20_000, after: SET }));
		await db.cards.update(id, { state: SET.state, dueDay: SET.dueDay, lastReview: rowId, queue: Queue.scheduled });
		return { deckId: deck.id, id };
	}

	it('folds an answer from a schedule a state row set', async () => {
		const { id } = await importedSchedule('set', seoulNoon('2026-11-01'));
		const review = await answerShown(id, 5, seoulNoon('2026-11-25'));
		expect(review.before).toEqual(SET);
		expect(review.after.state).toEqual({ repetitions: 4, easiness: 2.3, interval: 46, extraReview: false });
		const rows = await cardHistory(db, id);
		expect(await db.cards.get(id)).toMatchObject({ ...foldRows(rows), lastReview: review.id });
	});

	it('dates an answer after a row from another device that is later than now (a clock set ahead), so the grade counts', async () => {
		// An imported row dated tomorrow, which the card was shown after: the learner's fail is the card's latest word.
		const { id } = await importedSchedule('later', seoulNoon('2026-11-26'));
		const at = seoulNoon('2026-11-25');
		const review = await answerShown(id, 1, at);
		expect(review.before).toEqual(SET);
		expect(review.reviewedAt).toBe(seoulNoon('2026-11-26') + 1);
		// Its study day is today's: the failed card is due today, not on the other device's day.
		expect(review.day).toBe(studyDay(at, DAY_OPTIONS));
		const rows = await cardHistory(db, id);
		expect(rows.map((row) => row.id)).toEqual(['later', review.id]);
		expect(await db.cards.get(id)).toMatchObject({ ...foldRows(rows), dueDay: studyDay(at, DAY_OPTIONS), lastReview: review.id, lapses: 1 });
	});

	it('keeps the order the learner answered in when the clock goes back between two answers, and undo takes back the latest', async () => {
		const stored = await storedDeck('## Q\n\none::1\n');
		db = stored.db;
		const deck = stored.deck;
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const { session } = await openSession(db, deck.id, today, SETTINGS, at);
		const id = currentEntry(session)!.id;
		await answerShown(id, 1, at, deck.id);
		const failed = (await db.cards.get(id))!;
		expect(failed.dueDay).toBe(today);
		// The clock is set back ten minutes (an NTP fix) before the repeat: graded 4, the card passes.
		const repeat = await answerShown(id, 4, at - 600_000, deck.id);
		expect(repeat.reviewedAt).toBe(at + 1);
		const rows = await cardHistory(db, id);
		expect(rows.map((row) => row.id).at(-1)).toBe(repeat.id);
		expect(await db.cards.get(id)).toMatchObject({ ...foldRows(rows), lastReview: repeat.id });
		expect(await undoLastAction(db, deck.id, at - 590_000)).toBe('answer');
		expect(await db.cards.get(id)).toMatchObject({ state: failed.state, dueDay: today, lastReview: failed.lastReview });
		expect(await db.reviews.count()).toBe(1);
	});

	it('undo folds what is left, so a row merged in before the answer counts', async () => {
		const deck = await setUp();
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const { session } = await openSession(db, deck.id, today, SETTINGS);
		const id = currentEntry(session)!.id;
		await answerShown(id, 4, at, deck.id);
		// Merged in afterwards, from another device: a row from the day before.
		await db.reviews.add(stateRow({ id: 'earlier', card: id, deck: deck.id, reviewedAt: at - 86_400_000, day: today - 1, after: SET }));
		expect(await undoLastAction(db, deck.id)).toBe('answer');
		expect(await db.cards.get(id)).toMatchObject({ state: SET.state, dueDay: SET.dueDay, lastReview: 'earlier', queue: Queue.scheduled });
	});
});

describe('undoLastAction', () => {
	it('takes back an answer to a card suspended or buried since in another session without putting it back in the queue', async () => {
		const deck = await setUp();
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const { session } = await openSession(db, deck.id, today, SETTINGS, at);
		const [first, second] = session.entries.map((entry) => entry.id);
		// Failed, both stay due today: another tab studying every deck takes them out of its own session.
		await answerShown(first!, 1, at, deck.id);
		await answerShown(second!, 1, at + 1000, deck.id);
		await openSession(db, ALL_DECKS, today, SETTINGS, at + 1500);
		await suspendCard(db, second!, ALL_DECKS, at + 2000);
		await buryCard(db, first!, today + 1, ALL_DECKS, at + 3000);
		expect(await undoLastAction(db, deck.id, at + 4000)).toBe('answer');
		expect(await db.cards.get(second!)).toMatchObject({ state: NEW_CARD, queue: Queue.suspended });
		expect(await undoLastAction(db, deck.id, at + 5000)).toBe('answer');
		expect(await db.cards.get(first!)).toMatchObject({ state: NEW_CARD, buriedUntil: today + 1 });
		const stored = (await db.sessions.get(deck.id))!.session;
		expect(stored.entries.map((entry) => entry.id)).not.toContain(first);
		expect(stored.entries.map((entry) => entry.id)).not.toContain(second);
		expect(stored.answered).toBe(0);
		expect(await db.reviews.count()).toBe(0);
	});

	it('takes back several answers in turn, each restoring the card and the queue', async () => {
		const deck = await setUp();
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const { session: start } = await openSession(db, deck.id, today, SETTINGS);
		const first = currentEntry(start)!.id;
		await answerShown(first, 4, at, deck.id);
		const second = currentEntry((await db.sessions.get(deck.id))!.session)!.id;
		await answerShown(second, 1, at + 1000, deck.id);

		expect(await undoLastAction(db, deck.id)).toBe('answer');
		expect(currentEntry((await db.sessions.get(deck.id))!.session)?.id).toBe(second);
		expect((await db.cards.get(second))?.state).toEqual(NEW_CARD);
		expect(await db.reviews.count()).toBe(1);

		expect(await undoLastAction(db, deck.id)).toBe('answer');
		expect((await db.sessions.get(deck.id))!.session).toEqual(start);
		const card = await db.cards.get(first);
		expect(card).toMatchObject({ state: NEW_CARD, queue: Queue.new });
		expect(card?.dueDay).toBeUndefined();
		expect(card?.lastReview).toBeUndefined();
		expect(await db.reviews.count()).toBe(0);

		expect(await undoLastAction(db, deck.id)).toBeUndefined();
	});

	it('survives a reload between answer and undo (everything it needs is stored)', async () => {
		const deck = await setUp();
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const { session } = await openSession(db, deck.id, today, SETTINGS);
		await answerShown(currentEntry(session)!.id, 5, at, deck.id);
		db.close();
		await db.open();
		expect(await undoLastAction(db, deck.id)).toBe('answer');
		expect(await db.reviews.count()).toBe(0);
	});
});

describe('the log is the record', () => {
	it('a card’s stored state always equals sm2 folded over its log rows, through answers and undos', async () => {
		const op = fc.oneof(
			{ weight: 3, arbitrary: fc.record({ op: fc.constant('answer' as const), grade: fc.constantFrom<Grade>(0, 1, 2, 3, 4, 5) }) },
			{ weight: 1, arbitrary: fc.record({ op: fc.constant('undo' as const) }) }
		);
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 20 }), async (ops, startDay) => {
				const deck = await setUp();
				// Sessions on two study days, so that reviews and repeats mix with new cards.
				const days = [seoulNoon('2026-11-01') + startDay * 86_400_000, seoulNoon('2026-11-08') + startDay * 86_400_000];
				let minute = 0;
				for (const [index, noon] of days.entries()) {
					const today = studyDay(noon, DAY_OPTIONS);
					await openSession(db, deck.id, today, SETTINGS, noon);
					for (const step of ops.slice(index * 15, index * 15 + 15)) {
						const at = noon + ++minute * 60_000;
						if (step.op === 'undo') {
							await undoLastAction(db, deck.id);
							continue;
						}
						const entry = currentEntry((await db.sessions.get(deck.id))!.session);
						if (!entry) continue;
						const card = await db.cards.get(entry.id);
						await answerCard(db, { cardId: entry.id, grade: step.grade, reviewedAt: at, durationMs: 1000, kind: entry.kind, expectedLastReview: card?.lastReview, scope: deck.id, dayOptions: DAY_OPTIONS });
					}
				}
				for (const card of await db.cards.toArray()) {
					const rows = await cardHistory(db, card.id);
					expect({ state: card.state, dueDay: card.dueDay }).toEqual({ dueDay: undefined, ...foldRows(rows) });
					expect(card.dueDay).toBe(rows.at(-1)?.after.dueDay);
					expect(card.lastReview).toBe(rows.at(-1)?.id);
					expect(card.queue).toBe(rows.length === 0 ? Queue.new : Queue.scheduled);
				}
				await db.delete();
			}),
			{ numRuns: 25 }
		);
	});
});
