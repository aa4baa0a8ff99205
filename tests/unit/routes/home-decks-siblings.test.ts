// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { undoLastAction } from '../../../src/lib/db/answers';
import { buryCard } from '../../../src/lib/db/cards';
import { applyDeck } from '../../../src/lib/db/decks';
import { readStoreSnapshot } from '../../../src/lib/db/quick-read';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { markSessionsOutdated, openSession, studyMore } from '../../../src/lib/db/sessions';
import { saveSettings } from '../../../src/lib/db/settings';
import { loadDaySummary } from '../../../src/lib/db/summary';
import type { Deck } from '../../../src/lib/notes/deck-format';
import { studyDay } from '../../../src/lib/srs/day';
import { ALL_DECKS, subtreeScope } from '../../../src/lib/srs/deck-tree';
import { sessionCounts } from '../../../src/lib/srs/session';
import { homeList, loadHomeDeck, loadHomeList, type HomeList } from '../../../src/routes/home-decks';
import { answerCurrent, DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon, SETTINGS } from '../db/helpers';

/** Six headings over a list of three sentences: the heading's card holds the list's lines, and each sentence's code span is a card. */
const NOTE = Array.from({ length: 6 }, (_, list) => `## 묶음 ${list}\n${Array.from({ length: 3 }, (_, item) => `- 이 문장은 \`용어${list}-${item}\`에 대한 설명이다`).join('\n')}\n`).join('\n');
const named = (name: string, file: string) => deckFrom(`---\ndeck: ${name}\n---\n\n${NOTE}`, file);

const AT = seoulNoon('2026-11-25');
const TODAY = studyDay(AT, DAY_OPTIONS);
const DAY = 86_400_000;

let db: RecallDatabase;
/** Six new cards a day for each deck of a session: a deck's session takes its six lists, whose items wait as their siblings. */
let limits = { ...SETTINGS, newPerDay: 6 };
afterEach(async () => {
	await db?.delete();
});

async function stored(...decks: Deck[]): Promise<void> {
	db = freshDatabase();
	for (const deck of decks) await applyDeck(db, { deck, hash: 'h' }, 'built-in', AT - 1000);
	limits = { ...SETTINGS, newPerDay: 6 * decks.length };
	await saveSettings(db, limits);
}

/** The home page's list for the study day `day`, read as the page reads the store. */
const home = async (day = TODAY): Promise<HomeList> => homeList(await readStoreSnapshot(() => day, db.name), [], AT + (day - TODAY) * DAY);
/** The new cards the stored session of `scope` still has to show. */
const sessionNew = async (scope: string) => sessionCounts((await db.sessions.get(scope))!.session).new;
/** The new cards of `scope`'s session opened on `day` (made, resumed or filled as the study screen opens it). */
const openedNew = async (scope: string, day = TODAY, at = AT + (day - TODAY) * DAY + 500_000) => sessionCounts((await openSession(db, scope, day, limits, at)).session).new;

/**
 * Opens `scope`'s session (every list of its decks), answers two of the lists Good, and asks for ten more, which
 * only siblings can give: the lists left hold back the items the two answered do not.
 */
async function studyMoreBringingSiblings(scope: string): Promise<void> {
	await openSession(db, scope, TODAY, limits, AT);
	await answerCurrent(db, scope, 4, AT + 1000);
	await answerCurrent(db, scope, 4, AT + 2000);
	const more = await studyMore(db, scope, TODAY, 10, limits, AT + 3000);
	expect([more.added, more.siblings]).toEqual([10, true]);
}

describe('after Study more brought new siblings, the home page counts what the session still has to show', () => {
	it('for a deck’s session: after an answer, its Undo, a refill, a remake and a change of the day start', async () => {
		const deck = named('Siblings', 'siblings.md');
		await stored(deck);
		await studyMoreBringingSiblings(deck.id);
		expect(await sessionNew(deck.id)).toBe(14);
		expect((await home()).decks[0]!.new).toBe(14);

		await answerCurrent(db, deck.id, 4, AT + 4000);
		expect(await sessionNew(deck.id)).toBe(13);
		expect((await home()).decks[0]!.new).toBe(13);

		await undoLastAction(db, deck.id, AT + 5000);
		expect(await sessionNew(deck.id)).toBe(14);
		expect((await home()).decks[0]!.new).toBe(14);

		// A card buried from the session: the next new card takes its place, a sibling as Study more let them come.
		const head = (await db.sessions.get(deck.id))!.session.entries[0]!.id;
		await buryCard(db, head, TODAY + 1, deck.id, AT + 6000);
		expect(await openedNew(deck.id)).toBe(14);
		expect((await home()).decks[0]!.new).toBe(14);

		// Made again after a change of the limits, it still lets siblings in.
		await markSessionsOutdated(db);
		expect(await openedNew(deck.id)).toBe(14);
		expect((await db.sessions.get(deck.id))!.extraNewSiblings).toBe(true);
		expect((await home()).decks[0]!.new).toBe(14);

		// The day start moved the study day back and forward again: today's Study more comes back, siblings and all.
		await openSession(db, deck.id, TODAY - 1, limits, AT + 7000);
		expect((await home()).decks[0]!.new).toBe(14);
		expect(await openedNew(deck.id)).toBe(14);
	});

	it('for a deck’s session, the next day: back to the siblings rule', async () => {
		const deck = named('Siblings', 'siblings.md');
		await stored(deck);
		await studyMoreBringingSiblings(deck.id);
		await answerCurrent(db, deck.id, 4, AT + 4000);
		const tomorrow = await home(TODAY + 1);
		const opened = await openSession(db, deck.id, TODAY + 1, limits, AT + DAY);
		expect(opened.extraNewSiblings).toBeUndefined();
		expect(tomorrow.decks[0]!.new).toBe(sessionCounts(opened.session).new);
		// Three lists answered yesterday are due, their items wait; the three lists left come, and the items of
		// the ten brought yesterday wait too, as siblings of those studied.
		expect(tomorrow.decks[0]!.new).toBe(3);
	});

	it('for a deck whose new cards come in the day’s random order', async () => {
		const deck = named('Siblings', 'siblings.md');
		await stored(deck);
		limits = { ...limits, newOrder: 'random' };
		await saveSettings(db, limits);
		await openSession(db, deck.id, TODAY, limits, AT);
		await answerCurrent(db, deck.id, 4, AT + 1000);
		// Study more until it brings siblings: which cards the rule held depends on the order.
		let siblings = false;
		for (let asked = 0; !siblings && asked < 3; asked++) siblings = (await studyMore(db, deck.id, TODAY, 5, limits, AT + 2000 + asked)).siblings;
		expect(siblings).toBe(true);
		await answerCurrent(db, deck.id, 4, AT + 4000);
		expect((await home()).decks[0]!.new).toBe(await sessionNew(deck.id));
		expect(await sessionNew(deck.id)).toBeGreaterThan(0);
	});

	it('for all decks, each deck’s own session keeping to the rule', async () => {
		const first = named('First', 'first.md');
		const second = named('Second', 'second.md');
		await stored(first, second);
		await studyMoreBringingSiblings(ALL_DECKS);
		expect(await sessionNew(ALL_DECKS)).toBe(20);
		expect((await home()).all.new).toBe(20);

		await answerCurrent(db, ALL_DECKS, 4, AT + 4000);
		let list = await home();
		expect(list.all.new).toBe(await sessionNew(ALL_DECKS));
		expect(list.all.new).toBe(19);
		// A deck's own session was not asked for more: it counts, and holds, by the rule.
		expect(list.decks.map((deck) => deck.new)).toEqual([await openedNew(first.id), await openedNew(second.id)]);

		await undoLastAction(db, ALL_DECKS, AT + 5000);
		list = await home();
		expect(list.all.new).toBe(await sessionNew(ALL_DECKS));
		expect(list.all.new).toBe(20);
		expect(list.all.new).toBe(await openedNew(ALL_DECKS));

		const tomorrow = await home(TODAY + 1);
		expect(tomorrow.all.new).toBe(await openedNew(ALL_DECKS, TODAY + 1));
	});

	it('for a sub-deck tree, its decks’ own rows keeping to the rule', async () => {
		const a = named('Tree::A', 'tree-a.md');
		const b = named('Tree::B', 'tree-b.md');
		await stored(a, b);
		const scope = subtreeScope(['Tree']);
		await studyMoreBringingSiblings(scope);
		await answerCurrent(db, scope, 4, AT + 4000);
		let row = (await home()).tree[0]!;
		expect(row.studyHref).toContain(encodeURIComponent('Tree'));
		expect(row.new).toBe(await sessionNew(scope));
		expect(row.new).toBe(19);
		expect(row.children.map((child) => child.new)).toEqual([await openedNew(a.id), await openedNew(b.id)]);

		await undoLastAction(db, scope, AT + 5000);
		row = (await home()).tree[0]!;
		expect(row.new).toBe(await sessionNew(scope));
		expect(row.new).toBe(20);

		expect((await home(TODAY + 1)).tree[0]!.new).toBe(await openedNew(scope, TODAY + 1));
	});

	it('and the end of the session no longer says new siblings wait there, while a deck’s own session still does', async () => {
		const deck = named('Siblings', 'siblings.md');
		await stored(deck);
		await studyMoreBringingSiblings(deck.id);
		for (let i = 0; (await sessionNew(deck.id)) > 0; i++) await answerCurrent(db, deck.id, 5, AT + 10_000 + i * 1000);
		const summary = await loadDaySummary(db, deck.id, TODAY, limits, true);
		// 16 studied of 24: new cards are left, held by the raised limit alone, which Study more raises again.
		expect([summary.newLeft, summary.siblingsWaiting]).toEqual([true, false]);
		expect((await loadDaySummary(db, deck.id, TODAY, limits)).siblingsWaiting).toBe(true);
	});
});

describe('a deck page counts its deck alone (loadHomeDeck), as the home page counts it', () => {
	it('gives each deck the new and due cards of its row in the home list, with a Study more of all decks raising them', async () => {
		const first = named('첫째', 'first.md');
		const second = named('둘째', 'second.md');
		await stored(first, second);
		await studyMoreBringingSiblings(ALL_DECKS);
		const list = await loadHomeList([], AT, db.name);
		for (const deck of [first, second]) {
			const row = list.decks.find((row) => row.id === deck.id);
			expect(row).toBeDefined();
			expect(await loadHomeDeck(deck.id, AT, db.name)).toEqual(row);
		}
		expect(await loadHomeDeck('no-such-deck', AT, db.name)).toBeUndefined();
	});
});
