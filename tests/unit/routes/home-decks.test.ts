import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { applyDeck } from '../../../src/lib/db/decks';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { saveSettings } from '../../../src/lib/db/settings';
import { studyDay } from '../../../src/lib/srs/day';
import { onStoreChanged } from '../../../src/lib/db/quick-read';
import { isOutdated, loadHomeList, STUDY_ALL_HREF, type BuiltInSummary, type HomeList } from '../../../src/routes/home-decks';
import { deckFrom, freshDatabase } from '../db/helpers';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { openSession, studyMore, studyMoreReviews } from '../../../src/lib/db/sessions';
import { loadSettings } from '../../../src/lib/db/settings';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { sessionCounts } from '../../../src/lib/srs/session';

const questions = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}::answer ${i}`).join('\n\n');
const AWS = deckFrom(`---\ndeck: AWS 기초\n---\n\n${questions('q', 22)}`, 'AWS-기초.md');
const OTHER = deckFrom(`---\ndeck: Other\n---\n\n${questions('o', 30)}`, 'other.md');
/** Noon, local time: the home page counts by the device's own study day. */
const NOW = new Date(2026, 10, 25, 12).getTime();

/** This build's decks, as the virtual module lists them; applied with hash 'h' below. */
const summary = (deck: typeof AWS, hash = 'h'): BuiltInSummary => ({ id: deck.id, name: deck.name, cardCount: deck.cards.length, firstDayNew: deck.cards.length, hash });
let BUILT: BuiltInSummary[] = [];

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
	BUILT = [];
});

async function studyNew(deckId: string, count: number, at: number) {
	const cards = (await cardsInDeck(db, deckId).sortBy('order')).slice(0, count);
	for (const card of cards) {
		await answerCard(db, { cardId: card.id, grade: 4, reviewedAt: at, durationMs: 1000, kind: 'new', expectedLastReview: undefined, dayOptions: { dayStartHour: 4 } });
	}
}

describe('loadHomeList', () => {
	it('counts each deck’s new cards within the daily limit, its due cards and its cards', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in');
		const list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.decks).toEqual([
			{
				id: AWS.id,
				name: 'AWS 기초',
				new: 20,
				due: 0,
				total: 22,
				href: `/deck/${encodeURIComponent(AWS.id)}`,
				studyHref: `/study/${encodeURIComponent(AWS.id)}`
			}
		]);
		expect(list.all).toEqual({ new: 20, due: 0 });
		expect(STUDY_ALL_HREF).toBe('/study/all');
	});

	it('follows the new cards per day setting', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in');
		await saveSettings(db, { newPerDay: 5 });
		const list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.decks[0]).toMatchObject({ new: 5, total: 22 });
		expect(list.all).toEqual({ new: 5, due: 0 });
	});

	it('counts today’s studying against the limit, and all decks share one limit of new cards', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in');
		await applyDeck(db, { deck: OTHER, hash: 'h' }, 'built-in');
		await studyNew(AWS.id, 3, NOW - 3_600_000);
		const list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.decks.map((deck) => [deck.name, deck.new, deck.due, deck.total])).toEqual([
			['AWS 기초', 17, 0, 22],
			['Other', 20, 0, 30]
		]);
		// 17 + 20 new in the decks, of which the limit over all decks lets in what the three studied left of it.
		expect(list.all).toEqual({ new: 17, due: 0, newHeld: { limit: 20, left: 17 } });

		// Graded Good, the three cards are due tomorrow; 19 new cards are left.
		const tomorrow = await loadHomeList(BUILT, NOW + 86_400_000, db.name);
		expect(tomorrow.decks[0]).toMatchObject({ new: 19, due: 3 });
		expect(tomorrow.all).toEqual({ new: 20, due: 3, newHeld: { limit: 20, left: 20 } });
	});

	it('says nothing is held back while the decks give no more new cards than the limit over all decks lets in', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in');
		await applyDeck(db, { deck: OTHER, hash: 'h' }, 'built-in');
		await saveSettings(db, { newPerDay: 60 });
		const list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.all).toEqual({ new: 52, due: 0 });
		expect('newHeld' in list.all).toBe(false);
	});

	it('counts the new cards "Study more" gave today’s session of a deck, or of all decks', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in');
		await applyDeck(db, { deck: OTHER, hash: 'h' }, 'built-in');
		await saveSettings(db, { newPerDay: 5 });
		const today = studyDay(NOW, { dayStartHour: 4 });
		const settings = await loadSettings(db);
		await studyNew(AWS.id, 5, NOW - 3_600_000);
		await studyMore(db, AWS.id, today, 10, settings, NOW);
		let list = await loadHomeList(BUILT, NOW, db.name);
		// The deck's session holds its 10 more; the all-decks session keeps to the day's limits.
		expect(list.decks.map((deck) => [deck.name, deck.new])).toEqual([['AWS 기초', 10], ['Other', 5]]);
		// Other's 5 are held back by the limit over all decks, which the 5 studied in AWS used up: the page says so.
		expect(list.all.new).toBe(0);
		expect(list.all.newHeld).toEqual({ limit: 5, left: 0 });

		await studyMore(db, ALL_DECKS, today, 10, settings, NOW);
		list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.decks.map((deck) => [deck.name, deck.new])).toEqual([['AWS 기초', 10], ['Other', 5]]);
		// Ten more over all decks: the global limit and each deck's own rise by ten (db/sessions.ts).
		expect(list.all.new).toBe(10);
		expect(list.all.newHeld).toEqual({ limit: 15, left: 10 });
		const session = (await openSession(db, ALL_DECKS, today, settings, NOW)).session;
		expect(session.entries.filter((entry) => entry.kind === 'new')).toHaveLength(10);

		// Study more is for its day only.
		const tomorrow = await loadHomeList(BUILT, NOW + 86_400_000, db.name);
		expect(tomorrow.decks.map((deck) => deck.new)).toEqual([5, 5]);
		expect(tomorrow.all.new).toBe(5);
		expect(tomorrow.all.newHeld).toEqual({ limit: 5, left: 5 });

		// The day start moved the study day back (the deck's session is yesterday's now) and then forward again:
		// today's Study more is counted again before the deck's session is opened.
		await openSession(db, AWS.id, today - 1, settings, NOW);
		list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.decks.map((deck) => [deck.name, deck.new])).toEqual([['AWS 기초', 10], ['Other', 5]]);
	});

	it('counts the reviews "Study more reviews" gave today’s session of a deck, or of all decks, as the sessions hold them', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in');
		await applyDeck(db, { deck: OTHER, hash: 'h' }, 'built-in');
		await saveSettings(db, { reviewsPerDay: 5 });
		const today = studyDay(NOW, { dayStartHour: 4 });
		await db.cards.toCollection().modify({ queue: Queue.scheduled, dueDay: today - 1, state: { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false } });
		const settings = await loadSettings(db);
		const sessionDue = async (scope: string) => sessionCounts((await openSession(db, scope, today, settings, NOW)).session).review;
		const dues = (list: HomeList) => [...list.decks.map((deck) => [deck.name, deck.due]), ['all', list.all.due]];

		await studyMoreReviews(db, AWS.id, today, 10, settings, NOW);
		// The deck's session holds its 10 more; the others keep to the day's limits, and the home page counts each as its session.
		expect(dues(await loadHomeList(BUILT, NOW, db.name))).toEqual([['AWS 기초', 15], ['Other', 5], ['all', 5]]);
		expect([await sessionDue(AWS.id), await sessionDue(OTHER.id), await sessionDue(ALL_DECKS)]).toEqual([15, 5, 5]);

		await studyMoreReviews(db, ALL_DECKS, today, 10, settings, NOW);
		expect(dues(await loadHomeList(BUILT, NOW, db.name))).toEqual([['AWS 기초', 15], ['Other', 5], ['all', 15]]);
		expect(await sessionDue(ALL_DECKS)).toBe(15);

		// For its day only; and kept with its day when the day start moved the study day back and forward again.
		expect(dues(await loadHomeList(BUILT, NOW + 86_400_000, db.name))).toEqual([['AWS 기초', 5], ['Other', 5], ['all', 5]]);
		await openSession(db, AWS.id, today - 1, settings, NOW);
		expect(dues(await loadHomeList(BUILT, NOW, db.name))).toEqual([['AWS 기초', 15], ['Other', 5], ['all', 15]]);
	});

	it('leaves out retired decks, and retired cards from the count', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in');
		await applyDeck(db, { deck: OTHER, hash: 'h' }, 'built-in');
		await db.decks.update(OTHER.id, { retired: true });
		const shorter = deckFrom(`---\ndeck: AWS 기초\n---\n\n${questions('q', 20)}`, 'AWS-기초.md');
		expect((await applyDeck(db, { deck: shorter, hash: 'h2' }, 'built-in')).retired).toBe(2);
		const list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.decks.map((deck) => [deck.name, deck.new, deck.total])).toEqual([['AWS 기초', 20, 20]]);
	});

	it('on a first visit counts this build’s decks without creating the database', async () => {
		db = freshDatabase();
		BUILT = [summary(AWS), summary(OTHER)];
		const list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.decks.map((deck) => [deck.name, deck.new, deck.due, deck.total])).toEqual([
			['AWS 기초', 20, 0, 22],
			['Other', 20, 0, 30]
		]);
		expect(list.all).toEqual({ new: 20, due: 0, newHeld: { limit: 20, left: 20 } });
		expect(list.needsSync).toBe(false);
		expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(db.name);
	});

	it('on a first visit counts the new cards a first day brings, new siblings held back, as the build counted them', async () => {
		db = freshDatabase();
		BUILT = [{ ...summary(AWS), firstDayNew: 15 }, { ...summary(OTHER), firstDayNew: 12 }];
		const list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.decks.map((deck) => [deck.name, deck.new, deck.total])).toEqual([
			['AWS 기초', 15, 22],
			['Other', 12, 30]
		]);
		expect(list.all.new).toBe(20);
	});

	it('asks for the built-in decks to be applied when the store holds an older build’s, or lacks one', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in');
		BUILT = [summary(AWS)];
		expect((await loadHomeList(BUILT, NOW, db.name)).needsSync).toBe(false);

		BUILT = [summary(AWS, 'changed')];
		expect((await loadHomeList(BUILT, NOW, db.name)).needsSync).toBe(true);

		// A deck new in this build is listed from the build until it is stored.
		BUILT = [summary(AWS), summary(OTHER)];
		const list = await loadHomeList(BUILT, NOW, db.name);
		expect(list.needsSync).toBe(true);
		expect(list.decks.map((deck) => [deck.name, deck.new, deck.total])).toEqual([
			['AWS 기초', 20, 22],
			['Other', 20, 30]
		]);

		// A built-in deck this build no longer ships is to be retired.
		BUILT = [];
		expect((await loadHomeList(BUILT, NOW, db.name)).needsSync).toBe(true);
	});

	it('lists nothing when there are no decks', async () => {
		db = freshDatabase();
		expect(await loadHomeList(BUILT, NOW, db.name)).toMatchObject({ decks: [], all: { new: 0, due: 0 } });
	});

	it('hears of every change Dexie makes, as the home page does to count again', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in');
		const lists: HomeList[] = [];
		const recount = async () => {
			lists.push(await loadHomeList(BUILT, NOW, db.name));
		};
		await recount();
		const stop = onStoreChanged(() => void recount(), [], db.name);
		try {
			await vi.waitFor(() => expect(lists.at(-1)?.decks[0]?.new).toBe(20));
			await saveSettings(db, { newPerDay: 5 });
			await vi.waitFor(() => expect(lists.at(-1)?.decks[0]?.new).toBe(5));
			await studyNew(AWS.id, 2, NOW);
			await vi.waitFor(() => expect(lists.at(-1)?.decks[0]?.new).toBe(3));
		} finally {
			stop();
		}
	});
});

describe('isOutdated', () => {
	it('tells when the study day the list was counted for has ended', () => {
		const start = new Date(2026, 10, 25, 4).getTime();
		const list = { today: studyDay(start, { dayStartHour: 4 }), dayStartHour: 4 };
		expect(isOutdated(list, start)).toBe(false);
		expect(isOutdated(list, new Date(2026, 10, 26, 3, 59).getTime())).toBe(false);
		expect(isOutdated(list, new Date(2026, 10, 26, 4).getTime())).toBe(true);
	});
});
