// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { limitsForDeck, type DeckOptions } from '../../../src/lib/srs/deck-options';
import { applyDeck } from '../../../src/lib/db/decks';
import { applyImport } from '../../../src/lib/db/imports';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { saveDeckOptions } from '../../../src/lib/db/own-cards';
import { loadStudiedTodayByDeck } from '../../../src/lib/db/queue';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { loadSettings, saveSettings, type Settings } from '../../../src/lib/db/settings';
import { emptyBundle } from '../../../src/lib/io/bundle';
import { needsRepeatToday } from '../../../src/lib/srs/card-schedule';
import { studyDay } from '../../../src/lib/srs/day';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { loadHomeList } from '../../../src/routes/home-decks';
import { deckFrom, freshDatabase, stateRow } from './helpers';

const questions = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}::answer ${i}`).join('\n\n');
const A = deckFrom(`---\ndeck: Alpha\n---\n\n${questions('a', 30)}`, 'alpha.md');
const B = deckFrom(`---\ndeck: Beta\n---\n\n${questions('b', 30)}`, 'beta.md');
const DAY_OPTIONS = { dayStartHour: 4 };
/** Noon, local time, on the `n`-th of November 2026: the home page counts by the device's own study day. */
const noonOn = (n: number) => new Date(2026, 10, n, 12).getTime();

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

async function setUp(settings: Partial<Settings>, options: { alpha?: DeckOptions; beta?: DeckOptions }, now: number) {
	db = freshDatabase();
	await applyDeck(db, { deck: A, hash: 'h' }, 'built-in');
	await applyDeck(db, { deck: B, hash: 'h' }, 'built-in');
	await saveSettings(db, { ...settings, dayStartHour: DAY_OPTIONS.dayStartHour });
	if (options.alpha) await saveDeckOptions(db, A.id, options.alpha, now);
	if (options.beta) await saveDeckOptions(db, B.id, options.beta, now);
}

/** Opens a scope's session with the stored settings, as the study page does. */
async function open(scope: string, now: number) {
	return openSession(db, scope, studyDay(now, DAY_OPTIONS), await loadSettings(db), now);
}

const entriesOf = async (scope: string) => (await db.sessions.get(scope))!.session.entries;

/** Answers a card outside the session (in another tab, or the deck's own session). */
async function answerElsewhere(cardId: string, grade: 1 | 4, now: number) {
	const card = (await db.cards.get(cardId))!;
	await answerCard(db, { cardId, grade, reviewedAt: now, durationMs: 1000, kind: card.dueDay === undefined ? 'new' : 'review', expectedLastReview: card.lastReview, dayOptions: DAY_OPTIONS });
}

/** What a scope's stored session holds, by deck, counted the way the queue counts: new, learning (never limited) and due reviews. */
async function heldByDeck(scope: string, today: number) {
	const entries = await entriesOf(scope);
	const cards = await db.cards.bulkGet(entries.map((entry) => entry.id));
	const held = new Map<string, { new: number; learning: number; review: number }>();
	for (const card of cards) {
		if (!card) throw new Error('a session holds a card that is not stored');
		const kind = card.dueDay === undefined ? 'new' : needsRepeatToday(card.state) ? 'learning' : 'review';
		const counts = held.get(card.deck) ?? { new: 0, learning: 0, review: 0 };
		counts[kind]++;
		held.set(card.deck, counts);
	}
	const zero = { new: 0, learning: 0, review: 0 };
	return (deck: string) => held.get(deck) ?? zero;
}

/**
 * The stored session of `scope` holds each card once, only cards that may be
 * studied today and were not answered today for good, and with what was
 * studied today it stays within each deck's own limits and (over all decks)
 * the global ones.
 */
async function expectWithinLimits(scope: string, now: number) {
	const today = studyDay(now, DAY_OPTIONS);
	const settings = await loadSettings(db);
	const entries = await entriesOf(scope);
	const ids = entries.map((entry) => entry.id);
	expect(new Set(ids).size).toBe(ids.length);
	const answeredToday = new Set((await db.reviews.where('day').equals(today).toArray()).map((row) => row.card));
	for (const card of await db.cards.bulkGet(ids)) {
		expect(card?.buriedUntil === undefined || card.buriedUntil <= today, `${card?.id} is buried`).toBe(true);
		expect(card?.queue, `${card?.id} may not be studied`).toBeGreaterThanOrEqual(0);
		// A card answered today is back only when it waits for its same-day repeat.
		if (answeredToday.has(card!.id)) expect(card!.dueDay === today && needsRepeatToday(card!.state), `${card!.id} was answered today`).toBe(true);
	}
	const held = await heldByDeck(scope, today);
	const studied = await loadStudiedTodayByDeck(db, today);
	const decks = scope === ALL_DECKS ? [A.id, B.id] : [scope];
	for (const deck of decks) {
		const limits = limitsForDeck(settings, (await db.decks.get(deck))?.options);
		const done = studied.byDeck.get(deck) ?? { newCards: 0, reviews: 0 };
		expect(held(deck).new + done.newCards, `new cards of ${deck}`).toBeLessThanOrEqual(limits.newPerDay);
		expect(held(deck).review + done.reviews, `reviews of ${deck}`).toBeLessThanOrEqual(limits.reviewsPerDay);
	}
	if (scope === ALL_DECKS) {
		expect(held(A.id).new + held(B.id).new + studied.all.newCards, 'new cards of all decks').toBeLessThanOrEqual(settings.newPerDay);
		expect(held(A.id).review + held(B.id).review + studied.all.reviews, 'reviews of all decks').toBeLessThanOrEqual(settings.reviewsPerDay);
	}
}

/**
 * The session holds what the home page counts: over all decks, the totals;
 * for each deck, its own counts too when `eachDeck` (no global limit cuts into
 * the decks' own).
 */
async function expectHomeCounts(scope: string, now: number, eachDeck: boolean) {
	const list = await loadHomeList([], now, db.name);
	const held = await heldByDeck(scope, studyDay(now, DAY_OPTIONS));
	const home = (deck: string) => list.decks.find((item) => item.id === deck)!;
	const due = (deck: string) => held(deck).learning + held(deck).review;
	if (scope === ALL_DECKS) {
		expect({ new: held(A.id).new + held(B.id).new, due: due(A.id) + due(B.id) }).toEqual({ new: list.all.new, due: list.all.due });
		if (!eachDeck) return;
	}
	for (const deck of scope === ALL_DECKS ? [A.id, B.id] : [scope]) expect({ new: held(deck).new, due: due(deck) }, deck).toEqual({ new: home(deck).new, due: home(deck).due });
}

/** The first card of `deck` in the stored session of `scope`. */
async function firstOf(scope: string, deck: string) {
	const deckOf = new Map([...A.cards, ...B.cards].map((card) => [card.id, card.deck]));
	return (await entriesOf(scope)).find((entry) => deckOf.get(entry.id) === deck);
}

describe('a session topped up after cards leave it or come in', () => {
	// Days of November: each study day shuffles random new cards with a seed of its own.
	const DAYS = Array.from({ length: 12 }, (_, i) => i + 1);

	it.each([
		{ name: 'the global limit binding', settings: { newPerDay: 10 }, options: { alpha: { newPerDay: 3 } }, eachDeck: false },
		{ name: 'each deck’s own limit binding', settings: { newPerDay: 20 }, options: { alpha: { newPerDay: 3 }, beta: { newPerDay: 5 } }, eachDeck: true }
	])('over all decks in random order keeps each deck within its own new-card limit ($name)', async ({ settings, options, eachDeck }) => {
		for (const day of DAYS) {
			const now = noonOn(day);
			await setUp({ ...settings, newOrder: 'random' }, options, now);
			await open(ALL_DECKS, now);
			// One of Alpha's new cards answered in another tab: the next opening reshuffles what is left.
			await answerElsewhere((await firstOf(ALL_DECKS, A.id))!.id, 4, now);
			await open(ALL_DECKS, now);
			await expectWithinLimits(ALL_DECKS, now);
			await expectHomeCounts(ALL_DECKS, now, eachDeck);
			for (let i = 0; i < 4; i++) {
				const beta = (await firstOf(ALL_DECKS, B.id))!.id;
				if (i === 3) await suspendCard(db, beta, ALL_DECKS, now);
				else await buryCard(db, beta, studyDay(now, DAY_OPTIONS) + 1, ALL_DECKS, now);
				await expectWithinLimits(ALL_DECKS, now);
				await expectHomeCounts(ALL_DECKS, now, eachDeck);
			}
			await db.delete();
		}
	});

	it('over all decks in note order keeps a deck within its limit when an import puts a card ahead of the ones held', async () => {
		const now = noonOn(25);
		await setUp({ newPerDay: 10 }, { alpha: { newPerDay: 3 } }, now);
		const before = await open(ALL_DECKS, now);
		const alpha = (await cardsInDeck(db, A.id).sortBy('order')).slice(0, 3).map((card) => card.id);
		expect(before.session.entries.map((entry) => entry.id)).toEqual(expect.arrayContaining(alpha));
		// The note gains a first question: it comes before the three cards the session holds.
		const edited = deckFrom(`---\ndeck: Alpha\n---\n\nzero::first\n\n${questions('a', 30)}`, 'alpha.md');
		await applyImport(db, { ...emptyBundle('markdown', 'alpha.md'), decks: [edited] }, now);
		expect((await db.sessions.get(ALL_DECKS))?.refill).toBe(true);
		await open(ALL_DECKS, now);
		await expectWithinLimits(ALL_DECKS, now);
		// Room made in Beta is Beta's or the global limit's to fill, never Alpha's: it holds its three.
		await buryCard(db, (await firstOf(ALL_DECKS, B.id))!.id, studyDay(now, DAY_OPTIONS) + 1, ALL_DECKS, now);
		await expectWithinLimits(ALL_DECKS, now);
		await expectHomeCounts(ALL_DECKS, now, false);
		expect((await heldByDeck(ALL_DECKS, studyDay(now, DAY_OPTIONS)))(A.id).new).toBe(3);
	});

	it('over all decks keeps a deck within its own review limit when imported scheduling makes a card of it more overdue', async () => {
		const now = noonOn(25);
		const today = studyDay(now, DAY_OPTIONS);
		await setUp({ newPerDay: 0 }, { alpha: { reviewsPerDay: 2 }, beta: { reviewsPerDay: 5 } }, now);
		// Ten cards of each deck learned three days ago: all due today, more than either deck lets in.
		for (const card of [...(await cardsInDeck(db, A.id).sortBy('order')).slice(0, 10), ...(await cardsInDeck(db, B.id).sortBy('order')).slice(0, 10)]) {
			await answerElsewhere(card.id, 4, now - 3 * 86_400_000);
		}
		await open(ALL_DECKS, now);
		await expectWithinLimits(ALL_DECKS, now);
		await expectHomeCounts(ALL_DECKS, now, true);
		// Another device's history says a card of Alpha not studied here was learned there, and is ten days overdue.
		const other = (await cardsInDeck(db, A.id).sortBy('order')).find((card) => card.dueDay === undefined)!;
		const after = { state: { repetitions: 3, easiness: 2.5, interval: 15, extraReview: false }, dueDay: today - 10 };
		await applyImport(db, { ...emptyBundle('backup', 'other.json'), reviews: [stateRow({ id: 'other-device', card: other.id, deck: A.id, reviewedAt: now - 25 * 86_400_000, day: today - 25, after })] }, now);
		expect(await db.cards.get(other.id)).toMatchObject({ dueDay: today - 10 });
		expect((await db.sessions.get(ALL_DECKS))?.refill).toBe(true);
		await open(ALL_DECKS, now);
		await expectWithinLimits(ALL_DECKS, now);
		// Room made in Beta is Beta's to fill, never Alpha's.
		await buryCard(db, (await firstOf(ALL_DECKS, B.id))!.id, today + 1, ALL_DECKS, now);
		await expectWithinLimits(ALL_DECKS, now);
		const held = await heldByDeck(ALL_DECKS, today);
		expect([held(A.id).review, held(B.id).review]).toEqual([2, 5]);
		await expectHomeCounts(ALL_DECKS, now, true);
	});

	it('of one deck, in either order, fills what is left of the deck’s limits and agrees with the home page', async () => {
		for (const newOrder of ['note', 'random'] as const) {
			for (const day of DAYS.slice(0, 4)) {
				const now = noonOn(day);
				await setUp({ newPerDay: 10, newOrder }, { alpha: { newPerDay: 4 } }, now);
				await open(A.id, now);
				await answerElsewhere((await firstOf(A.id, A.id))!.id, 1, now);
				await open(A.id, now);
				await expectWithinLimits(A.id, now);
				await expectHomeCounts(A.id, now, true);
				for (let i = 0; i < 3; i++) {
					const next = (await entriesOf(A.id)).find((entry) => entry.kind === 'new')!.id;
					await buryCard(db, next, studyDay(now, DAY_OPTIONS) + 1, A.id, now);
					await expectWithinLimits(A.id, now);
					await expectHomeCounts(A.id, now, true);
				}
				await db.delete();
			}
		}
	});
});
