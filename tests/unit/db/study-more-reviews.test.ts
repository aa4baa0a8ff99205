// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { buryCard } from '../../../src/lib/db/cards';
import { applyDeck } from '../../../src/lib/db/decks';
import { saveDeckOptions } from '../../../src/lib/db/own-cards';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { saveSettings } from '../../../src/lib/db/settings';
import { markSessionsOutdated, markSessionsToRefill, openSession, studyMore, studyMoreReviews } from '../../../src/lib/db/sessions';
import { loadDaySummary } from '../../../src/lib/db/summary';
import type { Deck } from '../../../src/lib/notes/deck-format';
import { studyDay } from '../../../src/lib/srs/day';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { currentEntry, sessionCounts, type Session } from '../../../src/lib/srs/session';
import type { Grade } from '../../../src/lib/srs/sm2';
import { loadHomeList } from '../../../src/routes/home-decks';
import { databasesDeletedAfterEach, deckFrom, SETTINGS } from './helpers';

const questions = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}::answer ${i}`).join('\n\n');
const A = deckFrom(`---\ndeck: Alpha\n---\n\n${questions('a', 90)}`, 'alpha.md');
const B = deckFrom(`---\ndeck: Beta\n---\n\n${questions('b', 30)}`, 'beta.md');
/** Local noon: the home page counts by the device's own study day, as the sessions here do. */
const AT = new Date(2026, 10, 25, 12).getTime();
const DAY = 86_400_000;
const DAY_OPTIONS = { dayStartHour: SETTINGS.dayStartHour };
const TODAY = studyDay(AT, DAY_OPTIONS);
/** Ten reviews a day, and no new cards: every card here is a review. */
const LIMITS = { ...SETTINGS, reviewsPerDay: 10, newPerDay: 0 };
const database = databasesDeletedAfterEach();

/** The deck's cards all due reviews, the i-th due `overdue` + i + 1 days ago, so that the last card is the most overdue. */
async function allDue(db: RecallDatabase, deck: Deck, overdue: number): Promise<void> {
	await db.transaction('rw', db.cards, async () => {
		for (const [index, card] of deck.cards.entries()) {
			await db.cards.update(card.id, { queue: Queue.scheduled, dueDay: TODAY - 1 - overdue - index, state: { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false } });
		}
	});
}

async function device(...decks: Deck[]): Promise<RecallDatabase> {
	const db = database();
	for (const deck of decks) {
		await applyDeck(db, { deck, hash: 'h' }, 'built-in', AT - 1000);
		// Beta's are due from 76 to 105 days ago, Alpha's from 1 to 90.
		await allDue(db, deck, deck === B ? 75 : 0);
	}
	// Stored too: a bury's refill reads the limits from the store, and so does the home page.
	await saveSettings(db, LIMITS);
	return db;
}

/** The ids of `deck`'s cards from the `from`-th most overdue, `count` of them. */
const mostOverdue = (deck: Deck, from: number, count: number) =>
	deck.cards
		.map((card) => card.id)
		.reverse()
		.slice(from, from + count);
const reviewIds = (session: Session) => session.entries.filter((entry) => entry.kind === 'review').map((entry) => entry.id);

/** Answers every card left in the scope's stored session Good. */
async function finish(db: RecallDatabase, scope: string, at: number): Promise<void> {
	for (let i = 0; ; i++) {
		const entry = currentEntry((await db.sessions.get(scope))!.session);
		if (entry === undefined) return;
		const card = await db.cards.get(entry.id);
		const grade: Grade = 4;
		await answerCard(db, { cardId: entry.id, grade, reviewedAt: at + i, durationMs: 1000, kind: entry.kind, expectedLastReview: card?.lastReview, scope, dayOptions: DAY_OPTIONS });
	}
}

/** The home page's due count for `scope`'s row (a deck's id, or ALL_DECKS). */
async function homeDue(db: RecallDatabase, scope: string, at: number): Promise<number> {
	const list = await loadHomeList([], at, db.name);
	return scope === ALL_DECKS ? list.all.due : list.decks.find((deck) => deck.id === scope)!.due;
}

const dueInSession = async (db: RecallDatabase, scope: string, at: number) => sessionCounts((await openSession(db, scope, TODAY, LIMITS, at)).session).review;

describe('studyMoreReviews', () => {
	it('offers the reviews the limit held back, and takes 50 more, most overdue first, then the rest, for that session and day only', async () => {
		const db = await device(A);
		expect(reviewIds((await openSession(db, A.id, TODAY, LIMITS, AT)).session)).toEqual(mostOverdue(A, 0, 10));
		await finish(db, A.id, AT);
		// Ninety due, ten studied: the end screen counts the eighty the limit held back, the home page none.
		expect((await loadDaySummary(db, A.id, TODAY)).reviewsLeft).toBe(80);
		expect(await homeDue(db, A.id, AT + 1000)).toBe(0);

		const { record, added } = await studyMoreReviews(db, A.id, TODAY, 50, LIMITS, AT + 2000);
		expect(added).toBe(50);
		expect(record.extraReview).toBe(50);
		expect(reviewIds(record.session)).toEqual(mostOverdue(A, 10, 50));
		// The home page counts what the session holds; other sessions keep to the limits.
		expect(await homeDue(db, A.id, AT + 3000)).toBe(50);
		expect(await homeDue(db, ALL_DECKS, AT + 3000)).toBe(0);
		expect(await dueInSession(db, ALL_DECKS, AT + 3000)).toBe(0);

		await finish(db, A.id, AT + 4000);
		expect((await loadDaySummary(db, A.id, TODAY)).reviewsLeft).toBe(30);
		const rest = await studyMoreReviews(db, A.id, TODAY, 50, LIMITS, AT + 10_000);
		expect(rest.added).toBe(30);
		expect(rest.record.extraReview).toBe(100);
		expect(reviewIds(rest.record.session)).toEqual(mostOverdue(A, 60, 30));
		expect(await homeDue(db, A.id, AT + 11_000)).toBe(30);

		await finish(db, A.id, AT + 12_000);
		expect((await loadDaySummary(db, A.id, TODAY)).reviewsLeft).toBe(0);
		const none = await studyMoreReviews(db, A.id, TODAY, 50, LIMITS, AT + 20_000);
		expect(none.added).toBe(0);
		expect(none.record.extraReview).toBe(100);
		await expect(studyMoreReviews(db, A.id, TODAY, 0, LIMITS, AT)).rejects.toThrow(RangeError);
	});

	it('is kept when the session is made again or filled, and the next day keeps to the limit', async () => {
		const db = await device(A);
		await openSession(db, A.id, TODAY, LIMITS, AT);
		await finish(db, A.id, AT);
		await studyMoreReviews(db, A.id, TODAY, 50, LIMITS, AT + 1000);
		// A card buried: the next most overdue takes its place.
		await buryCard(db, mostOverdue(A, 10, 1)[0]!, TODAY + 1, A.id, AT + 2000);
		expect(reviewIds((await openSession(db, A.id, TODAY, LIMITS, AT + 3000)).session)).toEqual(mostOverdue(A, 11, 50));
		// Made again after a change of the limits, and filled after an import: still fifty more.
		await markSessionsOutdated(db);
		const remade = await openSession(db, A.id, TODAY, LIMITS, AT + 4000);
		expect(remade.extraReview).toBe(50);
		expect(reviewIds(remade.session)).toEqual(mostOverdue(A, 11, 50));
		await markSessionsToRefill(db);
		expect(reviewIds((await openSession(db, A.id, TODAY, LIMITS, AT + 5000)).session)).toEqual(mostOverdue(A, 11, 50));
		// Study more new cards keeps it too.
		expect((await studyMore(db, A.id, TODAY, 5, LIMITS, AT + 5500)).record.extraReview).toBe(50);

		// The next day: the limit alone, with 80 still due (the buried card among them).
		const tomorrow = await openSession(db, A.id, TODAY + 1, LIMITS, AT + DAY);
		expect(tomorrow.extraReview).toBeUndefined();
		expect(sessionCounts(tomorrow.session).review).toBe(10);
		expect(await homeDue(db, A.id, AT + DAY + 1000)).toBe(10);
		expect((await openSession(db, A.id, TODAY + 2, LIMITS, AT + 2 * DAY)).extraReview).toBeUndefined();
	});

	it('comes back with its day when a change of the day start moved the study day and moved it back', async () => {
		const db = await device(A);
		await openSession(db, A.id, TODAY, LIMITS, AT);
		await finish(db, A.id, AT);
		await studyMoreReviews(db, A.id, TODAY, 50, LIMITS, AT + 1000);
		// The study day is yesterday's for a while: its session takes the deck's place, keeping today's aside.
		const yesterday = await openSession(db, A.id, TODAY - 1, LIMITS, AT + 2000);
		expect(yesterday.extraReview).toBeUndefined();
		await markSessionsOutdated(db);
		expect((await openSession(db, A.id, TODAY - 1, LIMITS, AT + 3000)).extraReviewAside).toEqual({ day: TODAY, count: 50 });
		// The home page counts it for today before the session is opened again.
		expect(await homeDue(db, A.id, AT + 4000)).toBe(50);
		const today = await openSession(db, A.id, TODAY, LIMITS, AT + 5000);
		expect(today.extraReview).toBe(50);
		expect(reviewIds(today.session)).toEqual(mostOverdue(A, 10, 50));
		expect((await openSession(db, A.id, TODAY + 1, LIMITS, AT + DAY)).extraReview).toBeUndefined();
	});

	it('over all decks raises the global limit and each deck’s own; a deck’s own session and all decks’ are apart', async () => {
		const db = await device(A, B);
		await saveDeckOptions(db, B.id, { reviewsPerDay: 4 }, AT - 500);
		const deckOf = new Map([...A.cards, ...B.cards].map((card) => [card.id, card.deck]));
		const perDeck = (session: Session, deck: string) => reviewIds(session).filter((id) => deckOf.get(id) === deck).length;
		await openSession(db, ALL_DECKS, TODAY, LIMITS, AT);
		await finish(db, ALL_DECKS, AT);
		// Ten over all decks, Beta's four (its most overdue) among them: 84 of Alpha's and 26 of Beta's are left.
		expect((await loadDaySummary(db, ALL_DECKS, TODAY)).reviewsLeft).toBe(110);
		expect((await loadDaySummary(db, B.id, TODAY)).reviewsLeft).toBe(26);

		const { record, added } = await studyMoreReviews(db, ALL_DECKS, TODAY, 50, LIMITS, AT + 1000);
		expect(added).toBe(50);
		// Beta's own limit, 4, is now 54, the global one 60: the fifty more come most overdue first, from both.
		expect([perDeck(record.session, A.id), perDeck(record.session, B.id)]).toEqual([24, 26]);
		expect(await homeDue(db, ALL_DECKS, AT + 2000)).toBe(50);
		// Each deck's own session keeps to the day's limits: Alpha's ten, six of them studied; Beta's four, all studied.
		expect(await dueInSession(db, A.id, AT + 3000)).toBe(4);
		expect(await homeDue(db, A.id, AT + 3000)).toBe(4);
		expect(await dueInSession(db, B.id, AT + 3000)).toBe(0);
		expect(await homeDue(db, B.id, AT + 3000)).toBe(0);

		// A deck's Study more is its own session's alone.
		await studyMoreReviews(db, B.id, TODAY, 50, LIMITS, AT + 4000);
		expect(await dueInSession(db, B.id, AT + 5000)).toBe(26);
		expect(await homeDue(db, B.id, AT + 5000)).toBe(26);
		expect(perDeck((await openSession(db, ALL_DECKS, TODAY, LIMITS, AT + 6000)).session, B.id)).toBe(perDeck(record.session, B.id));
	});
});
