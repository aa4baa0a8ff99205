// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { buryCard } from '../../../src/lib/db/cards';
import { limitsForDeck, normalizeDeckOptions } from '../../../src/lib/srs/deck-options';
import { applyDeck } from '../../../src/lib/db/decks';
import { applyImport } from '../../../src/lib/db/imports';
import { saveDeckOptions } from '../../../src/lib/db/own-cards';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../src/lib/db/settings';
import { emptyBundle } from '../../../src/lib/io/bundle';
import { studyDay } from '../../../src/lib/srs/day';
import { inRandomOrder } from '../../../src/lib/srs/random';
import { currentEntry, sessionCounts, type Session } from '../../../src/lib/srs/session';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { loadHomeList } from '../../../src/routes/home-decks';
import { deckFrom, freshDatabase } from './helpers';
import { cardsInDeck } from '../../../src/lib/db/lookups';

const questions = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}::answer ${i}`).join('\n\n');
const A = deckFrom(`---\ndeck: Alpha\n---\n\n${questions('a', 30)}`, 'alpha.md');
const B = deckFrom(`---\ndeck: Beta\n---\n\n${questions('b', 30)}`, 'beta.md');
/** Noon, local time: the home page counts by the device's own study day. */
const NOW = new Date(2026, 10, 25, 12).getTime();
const DAY_OPTIONS = { dayStartHour: 4 };
const TODAY = studyDay(NOW, DAY_OPTIONS);
const SETTINGS = { ...DEFAULT_SETTINGS, newPerDay: 10 };

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

async function setUp() {
	db = freshDatabase();
	await applyDeck(db, { deck: A, hash: 'h' }, 'built-in');
	await applyDeck(db, { deck: B, hash: 'h' }, 'built-in');
}

const newIdsOf = (session: Session, deck: string) => session.entries.filter((entry) => entry.kind === 'new' && deckOf.get(entry.id) === deck).map((entry) => entry.id);
const deckOf = new Map([...A.cards, ...B.cards].map((card) => [card.id, card.deck]));

/** Answers a deck's first `count` new cards Good, at `at`. */
async function studyNew(deckId: string, count: number, at = NOW - 3_600_000) {
	const cards = (await cardsInDeck(db, deckId).sortBy('order')).filter((card) => card.dueDay === undefined).slice(0, count);
	for (const card of cards) {
		await answerCard(db, { cardId: card.id, grade: 4, reviewedAt: at, durationMs: 1000, kind: 'new', expectedLastReview: undefined, dayOptions: DAY_OPTIONS });
	}
}

describe('deck options', () => {
	it('are normalised: a field that is no valid override is the global setting', () => {
		expect(normalizeDeckOptions({ newPerDay: 5, reviewsPerDay: -1, newOrder: 'sideways', extra: 1 })).toEqual({ newPerDay: 5 });
		expect(normalizeDeckOptions({ newPerDay: 2.5, reviewsPerDay: 100000 })).toEqual({});
		expect(normalizeDeckOptions(null)).toEqual({});
		expect(limitsForDeck(SETTINGS, { reviewsPerDay: 0, newOrder: 'random' })).toEqual({ newPerDay: 10, reviewsPerDay: 0, newOrder: 'random', buryNewSiblings: true, buryReviewSiblings: true });
		expect(normalizeDeckOptions({ buryReviewSiblings: false, buryNewSiblings: 'no' })).toEqual({ buryReviewSiblings: false });
		expect(limitsForDeck(SETTINGS, { buryReviewSiblings: false })).toMatchObject({ buryNewSiblings: true, buryReviewSiblings: false });
		expect(limitsForDeck({ ...SETTINGS, buryReviewSiblings: false }, { buryReviewSiblings: true }).buryReviewSiblings).toBe(true);
	});

	it('set a one-deck session’s limits and order, and saving them makes today’s sessions again', async () => {
		await setUp();
		expect(sessionCounts((await openSession(db, A.id, TODAY, SETTINGS, NOW)).session).new).toBe(10);
		await openSession(db, ALL_DECKS, TODAY, SETTINGS, NOW);
		expect(await saveDeckOptions(db, A.id, { newPerDay: 3, newOrder: 'random' }, NOW)).toEqual({ newPerDay: 3, newOrder: 'random' });
		expect((await db.sessions.toArray()).map((record) => [record.scope, record.outdated])).toEqual([
			[ALL_DECKS, true],
			[A.id, true]
		]);
		const session = (await openSession(db, A.id, TODAY, SETTINGS, NOW)).session;
		expect(sessionCounts(session).new).toBe(3);
		// Random order: not simply the note's first three cards (for this day's seed).
		expect(session.entries.map((entry) => entry.id)).not.toEqual(A.cards.slice(0, 3).map((card) => card.id));
		// Back to the global settings: the field goes.
		expect(await saveDeckOptions(db, A.id, {}, NOW)).toEqual({});
		expect((await db.decks.get(A.id))?.options).toBeUndefined();
	});

	it('hold in a session over all decks: each deck within its own limit, the whole within the global one', async () => {
		await setUp();
		await saveDeckOptions(db, A.id, { newPerDay: 4 }, NOW);
		await studyNew(A.id, 1);
		const session = (await openSession(db, ALL_DECKS, TODAY, SETTINGS, NOW)).session;
		// Alpha: 4 of its own, 1 studied; the session: 10 in all, 1 studied.
		expect(newIdsOf(session, A.id)).toHaveLength(3);
		expect(newIdsOf(session, B.id)).toHaveLength(6);

		// A deck may allow more than the global limit in its own session, not in the all-decks one.
		await saveDeckOptions(db, B.id, { newPerDay: 25 }, NOW);
		expect(sessionCounts((await openSession(db, B.id, TODAY, SETTINGS, NOW)).session).new).toBe(25);
		expect(sessionCounts((await openSession(db, ALL_DECKS, TODAY, SETTINGS, NOW)).session).new).toBe(9);
	});

	it('cap due reviews per deck, read deck by deck so that one deck’s backlog does not crowd out another’s', async () => {
		await setUp();
		// Every card studied 3 days ago: all due today; Alpha allows 2 reviews a day.
		await studyNew(A.id, 30, NOW - 3 * 86_400_000);
		await studyNew(B.id, 5, NOW - 3 * 86_400_000);
		await saveDeckOptions(db, A.id, { reviewsPerDay: 2 }, NOW);
		const session = (await openSession(db, ALL_DECKS, TODAY, { ...SETTINGS, reviewsPerDay: 6, newPerDay: 0 }, NOW)).session;
		const reviews = session.entries.filter((entry) => entry.kind === 'review').map((entry) => deckOf.get(entry.id));
		expect(reviews.filter((deck) => deck === A.id)).toHaveLength(2);
		expect(reviews.filter((deck) => deck === B.id)).toHaveLength(4);
	});

	it('a deck with its own order keeps it in a session over all decks, the decks taking turns', async () => {
		await setUp();
		await saveDeckOptions(db, B.id, { newOrder: 'random' }, NOW);
		const session = (await openSession(db, ALL_DECKS, TODAY, { ...SETTINGS, newPerDay: 6 }, NOW)).session;
		const ids = session.entries.map((entry) => entry.id);
		expect(ids.map((id) => deckOf.get(id))).toEqual([A.id, B.id, A.id, B.id, A.id, B.id]);
		expect(ids.filter((id) => deckOf.get(id) === A.id)).toEqual(A.cards.slice(0, 3).map((card) => card.id));
	});

	it('a random order draws from all of a deck’s new cards, the day’s first ones by randomRank, passing buried ones', async () => {
		await setUp();
		await saveDeckOptions(db, B.id, { newOrder: 'random', newPerDay: 5 }, NOW);
		const ranked = inRandomOrder(B.cards, TODAY).map((card) => card.id);
		// The day's first card by rank is buried: the sixth takes its place.
		await buryCard(db, ranked[0]!, TODAY + 1, undefined, NOW - 60_000);
		const session = (await openSession(db, B.id, TODAY, SETTINGS, NOW)).session;
		expect(new Set(newIdsOf(session, B.id))).toEqual(new Set(ranked.slice(1, 6)));
		// Not the note's first five: the whole deck is drawn from (these 30 cards in note order rank otherwise).
		expect(new Set(newIdsOf(session, B.id))).not.toEqual(new Set(B.cards.slice(0, 5).map((card) => card.id)));
		// Another day, another draw; over all decks, the same draw for the deck.
		const tomorrow = (await openSession(db, B.id, TODAY + 1, SETTINGS, NOW + 86_400_000)).session;
		expect(new Set(newIdsOf(tomorrow, B.id))).toEqual(new Set(inRandomOrder(B.cards, TODAY + 1).slice(0, 5).map((card) => card.id)));
		const all = (await openSession(db, ALL_DECKS, TODAY, SETTINGS, NOW)).session;
		expect(new Set(newIdsOf(all, B.id))).toEqual(new Set(ranked.slice(1, 6)));
	});

	it('apply to the home page counts, read without Dexie', async () => {
		await setUp();
		await saveDeckOptions(db, A.id, { newPerDay: 3 }, NOW);
		let list = await loadHomeList([], NOW, db.name);
		expect(list.decks.map((deck) => [deck.name, deck.new])).toEqual([
			['Alpha', 3],
			['Beta', 20]
		]);
		expect(list.all.new).toBe(20);

		// Reviews: capped per deck and for all decks, as the sessions are.
		await studyNew(A.id, 20, NOW - 3 * 86_400_000);
		await studyNew(B.id, 5, NOW - 3 * 86_400_000);
		await saveDeckOptions(db, A.id, { reviewsPerDay: 4 }, NOW);
		list = await loadHomeList([], NOW, db.name);
		expect(list.decks.map((deck) => [deck.name, deck.due])).toEqual([
			['Alpha', 4],
			['Beta', 5]
		]);
		expect(list.all.due).toBe(9);
		const session = (await openSession(db, ALL_DECKS, TODAY, DEFAULT_SETTINGS, NOW)).session;
		expect(sessionCounts(session).review).toBe(9);
	});

	it('learning cards are never held back by a review limit, on the home page as in the session', async () => {
		await setUp();
		await studyNew(A.id, 6, NOW - 3 * 86_400_000);
		// Two of them failed today: learning, due today.
		for (const card of (await cardsInDeck(db, A.id).sortBy('order')).slice(0, 2)) {
			await answerCard(db, { cardId: card.id, grade: 1, reviewedAt: NOW - 60_000, durationMs: 1, kind: 'review', expectedLastReview: card.lastReview, dayOptions: DAY_OPTIONS });
		}
		await saveDeckOptions(db, A.id, { reviewsPerDay: 3, newPerDay: 0 }, NOW);
		const list = await loadHomeList([], NOW, db.name);
		// 2 learning + (4 due reviews, 3 allowed, 2 answered today) = 2 + 1.
		expect(list.decks.find((deck) => deck.name === 'Alpha')?.due).toBe(3);
		expect(sessionCounts((await openSession(db, A.id, TODAY, SETTINGS, NOW)).session)).toEqual({ new: 0, learning: 2, review: 1 });
	});

	it('an import of the deck keeps them', async () => {
		await setUp();
		await saveDeckOptions(db, A.id, { newPerDay: 3 }, NOW);
		await applyDeck(db, { deck: A, hash: 'h2' }, 'built-in');
		await applyImport(db, { ...emptyBundle('deck', 'a.json'), decks: [A] });
		expect((await db.decks.get(A.id))?.options).toEqual({ newPerDay: 3 });
	});
});

describe('the global limits (settings)', () => {
	/** Opens a scope's session with the stored settings, as the study page does. */
	const open = async (scope: string) => openSession(db, scope, TODAY, await loadSettings(db), NOW);
	const newInSession = async (scope: string) => sessionCounts((await open(scope)).session).new;

	it('changed, make today’s sessions again, keeping what was answered, as the home page counts', async () => {
		await setUp();
		const shown = currentEntry((await open(A.id)).session)!;
		await open(ALL_DECKS);
		await answerCard(db, { cardId: shown.id, grade: 4, reviewedAt: NOW, durationMs: 1, kind: shown.kind, expectedLastReview: undefined, scope: A.id, dayOptions: DAY_OPTIONS });

		await saveSettings(db, { newPerDay: 25 });
		let list = await loadHomeList([], NOW, db.name);
		expect(list.decks.find((deck) => deck.id === A.id)?.new).toBe(24);
		const resumed = await open(A.id);
		expect(sessionCounts(resumed.session).new).toBe(24);
		expect(resumed.session.answered).toBe(1);
		expect(resumed.undo.map((step) => step.cardId)).toEqual([shown.id]);
		expect(list.all.new).toBe(24);
		expect(await newInSession(ALL_DECKS)).toBe(24);

		await saveSettings(db, { newPerDay: 5 });
		list = await loadHomeList([], NOW, db.name);
		expect([list.decks.find((deck) => deck.id === A.id)?.new, list.all.new]).toEqual([4, 4]);
		expect([await newInSession(A.id), await newInSession(ALL_DECKS)]).toEqual([4, 4]);
	});

	it('the review limit, the new card order and the day start do too; the language and the answer buttons do not', async () => {
		await setUp();
		await open(A.id);
		await saveSettings(db, { language: 'ko', gradeButtons: 'six' });
		expect((await db.sessions.get(A.id))?.outdated).toBeUndefined();
		await saveSettings(db, { reviewsPerDay: 10 });
		expect((await db.sessions.get(A.id))?.outdated).toBe(true);
		await open(A.id);
		await saveSettings(db, { newOrder: 'random' });
		expect((await db.sessions.get(A.id))?.outdated).toBe(true);
		const ids = (await open(A.id)).session.entries.map((entry) => entry.id);
		expect(ids).not.toEqual(A.cards.slice(0, 20).map((card) => card.id));
		// An open study page counts its study day with the day start: it must hear of a new one.
		await saveSettings(db, { dayStartHour: 0 });
		expect((await db.sessions.get(A.id))?.outdated).toBe(true);
	});
});
