// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { answerCard, undoLastAction } from '../../../src/lib/db/answers';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { renameDeck } from '../../../src/lib/db/deck-rename';
import { loadDeckView } from '../../../src/lib/db/deck-view';
import { addCards, createDeck, saveDeckOptions } from '../../../src/lib/db/own-cards';
import { Queue, type CardRecord, type RecallDatabase } from '../../../src/lib/db/schema';
import { saveSettings } from '../../../src/lib/db/settings';
import { openSession, studyMore, studyMoreReviews } from '../../../src/lib/db/sessions';
import { loadDaySummary } from '../../../src/lib/db/summary';
import { studyDay } from '../../../src/lib/srs/day';
import { subtreeScope } from '../../../src/lib/srs/deck-tree';
import { loadHomeList } from '../../../src/routes/home-decks';
import { currentEntry, sessionCounts, type Session } from '../../../src/lib/srs/session';
import type { Grade } from '../../../src/lib/srs/sm2';
import { databasesDeletedAfterEach, SETTINGS } from './helpers';

// The device's own study day, as the home page counts it.
const DAY_OPTIONS = { dayStartHour: SETTINGS.dayStartHour };
const AT = new Date(2026, 10, 25, 12).getTime();
const TODAY = studyDay(AT, DAY_OPTIONS);
const LIMITS = { ...SETTINGS, newPerDay: 4 };
const LANG = subtreeScope(['Lang']);
const database = databasesDeletedAfterEach();

interface Device {
	db: RecallDatabase;
	korean: CardRecord[];
	japanese: CardRecord[];
	other: CardRecord[];
}

async function deckWith(db: RecallDatabase, name: string, count: number): Promise<{ id: string; cards: CardRecord[] }> {
	const deck = await createDeck(db, name, AT - 10_000);
	const drafts = Array.from({ length: count }, (_, n) => ({ kind: 'basic' as const, front: `${name} q${n}`, back: `a${n}` }));
	return { id: deck.id, cards: await addCards(db, deck.id, drafts, AT - 10_000) };
}

/**
 * `Lang` has no deck of its own: `Lang::Korean` (its own limit, 1 new card a
 * day) and `Lang :: Japanese` are under it; `Other` is not. 4 new cards a day
 * in all.
 */
async function device(): Promise<Device> {
	const db = database();
	await saveSettings(db, LIMITS);
	const korean = await deckWith(db, 'Lang::Korean', 3);
	await saveDeckOptions(db, korean.id, { newPerDay: 1 }, AT - 9_000);
	const japanese = await deckWith(db, 'Lang :: Japanese', 6);
	const other = await deckWith(db, 'Other', 3);
	return { db, korean: korean.cards, japanese: japanese.cards, other: other.cards };
}

/** Answers the card at the head of the stored session, as the study screen would. */
async function answerCurrent(db: RecallDatabase, scope: string, grade: Grade, at: number): Promise<void> {
	const entry = currentEntry((await db.sessions.get(scope))!.session)!;
	const card = await db.cards.get(entry.id);
	await answerCard(db, { cardId: entry.id, grade, reviewedAt: at, durationMs: 1000, kind: entry.kind, expectedLastReview: card?.lastReview, scope, dayOptions: DAY_OPTIONS });
}

const ids = (session: Session) => session.entries.map((entry) => entry.id);
const idsOf = (cards: readonly CardRecord[]) => cards.map((card) => card.id);
const homeRow = async (db: RecallDatabase, at: number) => (await loadHomeList([], at, db.name)).tree.find((row) => row.name === 'Lang')!;

describe('a session over a parent and its sub-decks', () => {
	it('holds the cards of every sub-deck within each one’s limits and the parent’s, and agrees with the home page', async () => {
		const { db, korean, japanese } = await device();
		const { session } = await openSession(db, LANG, TODAY, LIMITS, AT);
		expect(session.scope).toBe('tree:Lang');
		// Korean gives its 1, Japanese the 3 the parent's 4 leave; Other none.
		expect(ids(session).sort()).toEqual([...idsOf(korean.slice(0, 1)), ...idsOf(japanese.slice(0, 3))].sort());
		expect(await homeRow(db, AT)).toMatchObject({ new: 4, due: 0, total: 9, studyHref: `/study/${encodeURIComponent(LANG)}` });

		await answerCurrent(db, LANG, 5, AT + 1000);
		expect((await openSession(db, LANG, TODAY, LIMITS, AT + 2000)).session.entries).toHaveLength(3);
		expect(await homeRow(db, AT + 3000)).toMatchObject({ new: 3 });
		const summary = await loadDaySummary(db, LANG, TODAY);
		expect(summary).toMatchObject({ cards: 1, answers: 1, hasCards: true, newLeft: true });
	});

	it('fills a buried or suspended card’s place within the limits, and undo brings it back', async () => {
		const { db, korean, japanese } = await device();
		const opened = (await openSession(db, LANG, TODAY, LIMITS, AT)).session;
		const first = opened.entries.find((entry) => entry.id === korean[0]!.id)!;
		await buryCard(db, first.id, TODAY + 1, LANG, AT + 1000);
		// The limits count cards studied: Korean's next card takes the place.
		const afterBury = (await openSession(db, LANG, TODAY, LIMITS, AT + 2000)).session;
		expect(ids(afterBury).sort()).toEqual([korean[1]!.id, ...idsOf(japanese.slice(0, 3))].sort());
		// Korean's limit is full with it: a Japanese card's place goes to the next Japanese card.
		await suspendCard(db, japanese[0]!.id, LANG, AT + 3000);
		expect(ids((await openSession(db, LANG, TODAY, LIMITS, AT + 4000)).session).sort()).toEqual([korean[1]!.id, ...idsOf(japanese.slice(1, 4))].sort());

		expect(await undoLastAction(db, LANG, AT + 5000)).toBe('suspended');
		expect(await undoLastAction(db, LANG, AT + 6000)).toBe('buried');
		expect(ids((await openSession(db, LANG, TODAY, LIMITS, AT + 7000)).session).sort()).toEqual(ids(opened).sort());
	});

	it('takes more new cards with "Study more", counted on the home page for that tree alone', async () => {
		const { db } = await device();
		await openSession(db, LANG, TODAY, LIMITS, AT);
		const { added, record } = await studyMore(db, LANG, TODAY, 2, LIMITS, AT + 1000);
		expect(added).toBe(2);
		expect(record.session.entries).toHaveLength(6);
		expect(await homeRow(db, AT + 2000)).toMatchObject({ new: 6 });
		// A sub-deck's own row keeps to its limit.
		expect((await loadHomeList([], AT + 2000, db.name)).tree.find((row) => row.name === 'Lang')!.children.map((row) => [row.label, row.new])).toEqual([
			['Japanese', 4],
			['Korean', 1]
		]);
	});

	it('takes more due reviews with "Study more reviews", counted on the home page for that tree alone', async () => {
		const { db } = await device();
		await db.cards.toCollection().modify({ queue: Queue.scheduled, dueDay: TODAY - 1, state: { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false } });
		const limits = { ...LIMITS, reviewsPerDay: 3 };
		await saveSettings(db, limits);
		expect(sessionCounts((await openSession(db, LANG, TODAY, limits, AT)).session).review).toBe(3);
		expect(await homeRow(db, AT)).toMatchObject({ due: 3 });
		const { added, record } = await studyMoreReviews(db, LANG, TODAY, 2, limits, AT + 1000);
		expect(added).toBe(2);
		expect(sessionCounts(record.session).review).toBe(5);
		expect(await homeRow(db, AT + 2000)).toMatchObject({ due: 5 });
		// The sub-decks' own rows, and the deck outside the tree, keep to the limit.
		const list = await loadHomeList([], AT + 2000, db.name);
		expect(list.tree.find((row) => row.name === 'Lang')!.children.map((row) => [row.label, row.due])).toEqual([
			['Japanese', 3],
			['Korean', 3]
		]);
		expect(list.all.due).toBe(3);
	});

	it('takes in cards added to a sub-deck, and a deck renamed into the tree or out of it', async () => {
		const { db, japanese, other } = await device();
		const more = { ...LIMITS, newPerDay: 20 };
		await saveSettings(db, more);
		const before = (await openSession(db, LANG, TODAY, more, AT)).session;
		expect(before.entries).toHaveLength(7);
		const [added] = await addCards(db, japanese[0]!.deck, [{ kind: 'basic', front: 'more', back: 'more' }], AT + 1000);
		expect(ids((await openSession(db, LANG, TODAY, more, AT + 2000)).session)).toContain(added!.id);

		await renameDeck(db, other[0]!.deck, 'Lang::Other', AT + 3000);
		expect(ids((await openSession(db, LANG, TODAY, more, AT + 4000)).session)).toEqual(expect.arrayContaining(idsOf(other)));
		await renameDeck(db, japanese[0]!.deck, 'Japanese', AT + 5000);
		const after = ids((await openSession(db, LANG, TODAY, more, AT + 6000)).session);
		expect(after.filter((id) => idsOf(japanese).includes(id) || id === added!.id)).toEqual([]);
		expect(after).toHaveLength(1 + 3);
	});

	it('lists the sub-decks on a parent deck’s page', async () => {
		const { db } = await device();
		const parent = await createDeck(db, 'Lang', AT);
		const view = await loadDeckView(db, parent.id);
		expect(view?.subdecks.map(({ name, label }) => [name, label])).toEqual([
			['Lang::Japanese', 'Japanese'],
			['Lang::Korean', 'Korean']
		]);
		expect(view?.subdecks.every((subdeck) => subdeck.id !== undefined)).toBe(true);
		expect((await loadDeckView(db, 'other'))?.subdecks).toEqual([]);
	});
});
