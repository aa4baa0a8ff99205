// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { undoLastAction } from '../../../src/lib/db/answers';
import { buryCard } from '../../../src/lib/db/cards';
import { applyDeck } from '../../../src/lib/db/decks';
import { exportBackup } from '../../../src/lib/db/exports';
import { applyImport } from '../../../src/lib/db/imports';
import { readStoreSnapshot } from '../../../src/lib/db/quick-read';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { openSession, studyMore, studyMoreReviews } from '../../../src/lib/db/sessions';
import { saveDeckOptions } from '../../../src/lib/db/own-cards';
import { loadDaySummary } from '../../../src/lib/db/summary';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { parseBackup, serializeBackup } from '../../../src/lib/io/backup';
import type { Deck } from '../../../src/lib/notes/deck-format';
import { studyDay } from '../../../src/lib/srs/day';
import { sessionCounts } from '../../../src/lib/srs/session';
import { answerCurrent, DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon, SETTINGS, tableRows } from './helpers';

/** Six headings over a list of three sentences: the heading's card holds the list's lines, and each sentence's code span is a card. */
const NOTE = Array.from({ length: 6 }, (_, list) => `## 묶음 ${list}\n${Array.from({ length: 3 }, (_, item) => `- 이 문장은 \`용어${list}-${item}\`에 대한 설명이다`).join('\n')}\n`).join('\n');

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

const AT = seoulNoon('2026-11-25');
const TODAY = studyDay(AT, DAY_OPTIONS);

async function stored(settings = SETTINGS): Promise<Deck> {
	db = freshDatabase();
	const deck = deckFrom(NOTE);
	await applyDeck(db, { deck, hash: 'h' }, 'built-in');
	if (settings !== SETTINGS) await db.settings.put({ key: 'settings', value: settings });
	return deck;
}

/** A list's card by its front (묶음 0), a sentence's by the term it asks (용어0-1). */
const frontsOf = async (ids: readonly string[]) => (await db.cards.bulkGet([...ids])).map((card) => /==(.*?)==/.exec(card!.back)?.[1] ?? card!.front);
const queued = async (scope: string) => frontsOf((await db.sessions.get(scope))!.session.entries.map((entry) => entry.id));
/** The home page's new count for the deck, read as it reads it. */
const homeNew = async (deck: Deck, today = TODAY) => (await readStoreSnapshot(() => today, db.name))!.counts.get(deck.id)!.new;
/** The home page's due count for the deck (routes/home-decks.ts): its learning cards, and its reviews within what is left of `reviewsPerDay`. */
async function homeDue(deck: Deck, today = TODAY, reviewsPerDay = SETTINGS.reviewsPerDay): Promise<number> {
	const counts = (await readStoreSnapshot(() => today, db.name))!.counts.get(deck.id)!;
	const learning = counts.learning ?? 0;
	return learning + Math.max(0, Math.min(counts.due - learning, reviewsPerDay - counts.reviewsStudiedToday));
}
/** What is left in the deck's stored session to review: its learning cards and its reviews. */
async function sessionDue(scope: string): Promise<number> {
	const counts = sessionCounts((await db.sessions.get(scope))!.session);
	return counts.learning + counts.review;
}

describe('a session holds back new siblings', () => {
	it('introduces each list’s card and none of its items’ cards, and reads on past them to fill the day’s limit', async () => {
		const deck = await stored();
		const lists = deck.cards.filter((card) => card.rule === 'list');
		expect(lists).toHaveLength(6);
		expect(deck.cards).toHaveLength(24);
		const settings = { ...SETTINGS, newPerDay: 8 };
		const record = await openSession(db, deck.id, TODAY, settings, AT);
		// Each list's card comes first in note order and holds its three items back: the six lists fill 6 of 8.
		expect(await queued(deck.id)).toEqual(lists.map((card) => card.front));
		expect(sessionCounts(record.session).new).toBe(6);
	});

	it('keeps holding them after the list card is answered, when the session is filled again, and the next day while it is due', async () => {
		const deck = await stored();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		await answerCurrent(db, deck.id, 4, AT + 1000);
		// List 1 buried: its place is filled, not with the items of list 0, answered, but with list 1's, whose sibling is out of today's queue.
		const second = (await db.sessions.get(deck.id))!.session.entries[0]!.id;
		await buryCard(db, second, TODAY + 1);
		const refilled = await openSession(db, deck.id, TODAY, SETTINGS, AT + 2000);
		expect(await frontsOf(refilled.session.entries.map((entry) => entry.id))).toEqual(['묶음 2', '묶음 3', '묶음 4', '묶음 5', '용어1-0', '용어1-1', '용어1-2']);
		// Tomorrow: list 0 is due (Good on a new card: 1 day), and its items still wait.
		const tomorrow = await openSession(db, deck.id, TODAY + 1, SETTINGS, AT + 86_400_000);
		const fronts = await frontsOf(tomorrow.session.entries.map((entry) => entry.id));
		expect(fronts).toContain('묶음 0');
		expect(fronts.filter((front) => front.startsWith('용어0'))).toEqual([]);
		// List 1, buried yesterday and new today, comes; its items wait for it.
		expect(fronts).toContain('묶음 1');
		expect(fronts.filter((front) => front.startsWith('용어1'))).toEqual([]);
	});

	it('brings the items on a day when no sibling of theirs is studied or due', async () => {
		const deck = await stored();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		await answerCurrent(db, deck.id, 5, AT + 1000);
		await answerCurrent(db, deck.id, 5, AT + 2000);
		// Easy twice... the first answer of a new card gives 1 day whatever the grade; list 0 is due tomorrow, then in 6 days.
		await openSession(db, deck.id, TODAY + 1, SETTINGS, AT + 86_400_000);
		await answerCurrent(db, deck.id, 5, AT + 86_400_000 + 1000);
		const later = await openSession(db, deck.id, TODAY + 3, SETTINGS, AT + 3 * 86_400_000);
		const fronts = await frontsOf(later.session.entries.map((entry) => entry.id));
		expect(fronts.filter((front) => front.startsWith('용어0'))).toEqual(['용어0-0', '용어0-1', '용어0-2']);
	});

	it('reads past a long run of held cards, in note order and in random order, and the home page counts the same', async () => {
		db = freshDatabase();
		const note = `## 큰 목록\n${Array.from({ length: 60 }, (_, i) => `- 문장 \`항목${i}\` 설명`).join('\n')}\n\n## 따로\n${Array.from({ length: 10 }, (_, i) => `- 단어${i}: 뜻${i}`).join('\n')}\n`;
		const deck = deckFrom(note);
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		expect(deck.cards.filter((card) => card.rule === 'emphasis')).toHaveLength(60);
		for (const newOrder of ['note', 'random'] as const) {
			const settings = { ...SETTINGS, newPerDay: 5, newOrder };
			await db.settings.put({ key: 'settings', value: settings });
			await db.sessions.clear();
			const record = await openSession(db, deck.id, TODAY, settings, AT);
			const fronts = await queued(deck.id);
			expect(fronts).toHaveLength(5);
			// The list's card shows all 60 sentences: it never comes with one of them (which need not hold each other back).
			expect(fronts.includes('큰 목록') && fronts.some((front) => front.startsWith('항목'))).toBe(false);
			if (newOrder === 'note') expect(fronts).toEqual(['큰 목록', '단어0', '단어1', '단어2', '단어3']);
			expect(await homeNew(deck)).toBe(sessionCounts(record.session).new);
		}
	});

	it('holds nothing back with the setting off', async () => {
		const deck = await stored({ ...SETTINGS, buryNewSiblings: false });
		const record = await openSession(db, deck.id, TODAY, { ...SETTINGS, buryNewSiblings: false }, AT);
		expect((await db.sessions.get(deck.id))!.session.entries.map((entry) => entry.id)).toEqual(deck.cards.slice(0, 20).map((card) => card.id));
		expect(sessionCounts(record.session).new).toBe(20);
	});
});

describe('the home page counts what the session holds', () => {
	const cases: { name: string; settings: typeof SETTINGS }[] = [
		{ name: 'in note order', settings: SETTINGS },
		{ name: 'with a small limit', settings: { ...SETTINGS, newPerDay: 4 } },
		{ name: 'in random order', settings: { ...SETTINGS, newOrder: 'random' } },
		{ name: 'in random order, with a small limit', settings: { ...SETTINGS, newOrder: 'random', newPerDay: 3 } },
		{ name: 'with new siblings allowed (their reviews then fall due together and wait)', settings: { ...SETTINGS, buryNewSiblings: false } },
		{ name: 'with new siblings allowed and a small review limit', settings: { ...SETTINGS, buryNewSiblings: false, reviewsPerDay: 2 } },
		{ name: 'with every sibling allowed', settings: { ...SETTINGS, buryNewSiblings: false, buryReviewSiblings: false } },
		{ name: 'with new siblings held and review siblings allowed', settings: { ...SETTINGS, buryReviewSiblings: false } }
	];
	for (const { name, settings } of cases) {
		it(name, async () => {
			const deck = await stored(settings);
			let at = AT;
			for (let day = 0; day < 6; day++) {
				const today = TODAY + day;
				const [newBefore, dueBefore] = [await homeNew(deck, today), await homeDue(deck, today, settings.reviewsPerDay)];
				await openSession(db, deck.id, today, settings, at);
				const session = async () => sessionCounts((await db.sessions.get(deck.id))!.session).new;
				expect(await session()).toBe(newBefore);
				expect(await sessionDue(deck.id)).toBe(dueBefore);
				// Answer some: Again on the first, Good on the rest.
				for (let answer = 0; answer < 6 && (await db.sessions.get(deck.id))!.session.entries.length > 0; answer++) {
					await answerCurrent(db, deck.id, answer === 0 ? 1 : 4, at + answer * 1000);
				}
				expect(await homeNew(deck, today)).toBe(await session());
				// With new siblings let in while reviews wait, a new card answered before its sibling's review holds it.
				expect(await homeDue(deck, today, settings.reviewsPerDay)).toBe(await sessionDue(deck.id));
				at += 86_400_000;
			}
		});
	}

	it('holds reviews on some of those days: the cases above test the reviews’ rule too', async () => {
		const settings = { ...SETTINGS, buryNewSiblings: false };
		const deck = await stored(settings);
		await openSession(db, deck.id, TODAY, settings, AT);
		for (let answer = 0; answer < 6; answer++) await answerCurrent(db, deck.id, answer === 0 ? 1 : 4, AT + answer * 1000);
		// The list's card failed today and its items answered Good: tomorrow the list's card is a learning card, its items wait.
		const tomorrow = await openSession(db, deck.id, TODAY + 1, settings, AT + 86_400_000);
		const fronts = await frontsOf(tomorrow.session.entries.map((entry) => entry.id));
		expect(fronts).toContain('묶음 0');
		expect(fronts.filter((front) => front.startsWith('용어0'))).toEqual([]);
	});
});

describe('sibling keys in a backup', () => {
	it('come back with the cards', async () => {
		const deck = await stored();
		const text = serializeBackup(await exportBackup(db, AT), AT);
		await db.delete();
		db = freshDatabase();
		await applyImport(db, parseBackup(text));
		const back = await db.cards.bulkGet(deck.cards.map((card) => card.id));
		expect(back.map((card) => card?.siblingKeys)).toEqual(deck.cards.map((card) => card.siblingKeys));
		expect(deck.cards.filter((card) => card.siblingKeys).length).toBe(24);
	});
});

describe('Study more', () => {
	it('takes the next new cards that wait for nothing, and, when only siblings are left, those', async () => {
		const deck = await stored();
		const settings = { ...SETTINGS, newPerDay: 4 };
		await openSession(db, deck.id, TODAY, settings, AT);
		expect(await queued(deck.id)).toEqual(['묶음 0', '묶음 1', '묶음 2', '묶음 3']);
		const more = await studyMore(db, deck.id, TODAY, 10, settings, AT + 1000);
		expect([more.added, more.siblings]).toEqual([2, false]);
		expect(await queued(deck.id)).toEqual(['묶음 0', '묶음 1', '묶음 2', '묶음 3', '묶음 4', '묶음 5']);
		// Every list's card is queued: the new cards left are their items, which the learner asked for.
		// Each Study more raises the day's limit by its count (4 + 10 + 10): room for all 18 items.
		const siblings = await studyMore(db, deck.id, TODAY, 10, settings, AT + 2000);
		expect([siblings.added, siblings.siblings]).toEqual([18, true]);
		expect((await queued(deck.id)).slice(6, 10)).toEqual(['용어0-0', '용어0-1', '용어0-2', '용어1-0']);
		expect((await studyMore(db, deck.id, TODAY, 10, settings, AT + 3000)).added).toBe(0);
	});

	it('brings the siblings a deck’s own option holds back, the global setting letting them come', async () => {
		const deck = await stored();
		const settings = { ...SETTINGS, buryNewSiblings: false };
		await saveDeckOptions(db, deck.id, { buryNewSiblings: true, newPerDay: 6 }, AT);
		await openSession(db, deck.id, TODAY, settings, AT);
		expect(await queued(deck.id)).toEqual(['묶음 0', '묶음 1', '묶음 2', '묶음 3', '묶음 4', '묶음 5']);
		const more = await studyMore(db, deck.id, TODAY, 2, settings, AT + 1000);
		expect([more.added, more.siblings]).toEqual([2, true]);
		expect((await queued(deck.id)).slice(6)).toEqual(['용어0-0', '용어0-1']);
	});
});

describe('sibling keys follow the note', () => {
	it('a rebuilt note whose card shares nothing any more leaves the stored card without keys, its schedule kept', async () => {
		db = freshDatabase();
		const before = deckFrom('## 묶음\n- 이 문장은 `용어`에 대한 설명이다\n- 둘째 문장\n');
		await applyDeck(db, { deck: before, hash: 'h1' }, 'built-in');
		const sentence = before.cards.find((card) => card.rule === 'emphasis')!;
		expect(sentence.siblingKeys).toHaveLength(1);
		await openSession(db, before.id, TODAY, SETTINGS, AT);
		await answerCurrent(db, before.id, 4, AT + 1000);
		// The same deck rebuilt, its note now giving the sentence's card no sibling (as when the list's card went).
		const after = { ...before, cards: before.cards.filter((card) => card.rule !== 'list').map(({ siblingKeys: _keys, ...card }) => card) };
		await applyDeck(db, { deck: after, hash: 'h2' }, 'built-in');
		const stored = await db.cards.get(sentence.id);
		expect(stored).toBeDefined();
		expect(stored?.siblingKeys).toBeUndefined();
		// The list's card answered today stays with its schedule; the sentence, alone now, may come today.
		const list = before.cards.find((card) => card.rule === 'list')!;
		expect((await db.cards.get(list.id))?.dueDay).toBe(TODAY + 1);
		await db.sessions.clear();
		expect((await openSession(db, before.id, TODAY, SETTINGS, AT + 2000)).session.entries.map((entry) => entry.id)).toContain(sentence.id);
	});
});

describe('a deck’s own rule for new siblings', () => {
	it('overrides the global setting, in its own session and in a session over all decks, and the home page counts it', async () => {
		const deck = await stored();
		const other = deckFrom(NOTE.replaceAll('묶음', '그룹'), 'other.md');
		await applyDeck(db, { deck: other, hash: 'h' }, 'built-in');
		await saveDeckOptions(db, deck.id, { buryNewSiblings: false }, AT);
		const own = await openSession(db, deck.id, TODAY, SETTINGS, AT);
		expect(sessionCounts(own.session).new).toBe(20);
		expect(await homeNew(deck)).toBe(20);
		// Over all decks: this deck's cards come one after another, the other deck's siblings wait.
		await db.sessions.clear();
		const all = await openSession(db, ALL_DECKS, TODAY, { ...SETTINGS, newPerDay: 40 }, AT);
		const fronts = await frontsOf(all.session.entries.map((entry) => entry.id));
		expect(fronts.filter((front) => front.startsWith('용어'))).toHaveLength(18);
		expect(fronts.filter((front) => front.startsWith('그룹'))).toHaveLength(6);
		expect(fronts.filter((front) => front.startsWith('묶음'))).toHaveLength(6);
		// And the other way round: a deck that holds them while the global setting lets them come.
		await saveDeckOptions(db, deck.id, { buryNewSiblings: true }, AT);
		await db.settings.put({ key: 'settings', value: { ...SETTINGS, buryNewSiblings: false } });
		await db.sessions.clear();
		expect(sessionCounts((await openSession(db, deck.id, TODAY, { ...SETTINGS, buryNewSiblings: false }, AT)).session).new).toBe(6);
		expect(await homeNew(deck)).toBe(6);
		expect(await homeNew(other)).toBe(20);
	});

	it('goes into a backup and comes back', async () => {
		const deck = await stored();
		await saveDeckOptions(db, deck.id, { buryNewSiblings: false, newPerDay: 7 }, AT);
		const text = serializeBackup(await exportBackup(db, AT), AT);
		await db.delete();
		db = freshDatabase();
		await applyImport(db, parseBackup(text));
		expect((await db.decks.get(deck.id))?.options).toEqual({ newPerDay: 7, buryNewSiblings: false });
	});
});

describe('the end of the day’s session', () => {
	it('says that new cards wait as siblings of a card answered today, and not when none do', async () => {
		const deck = await stored();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		expect((await loadDaySummary(db, deck.id, TODAY)).siblingsWaiting).toBe(false);
		for (let answer = 0; answer < 6; answer++) await answerCurrent(db, deck.id, 4, AT + answer * 1000);
		const summary = await loadDaySummary(db, deck.id, TODAY);
		expect([summary.newLeft, summary.siblingsWaiting]).toEqual([true, true]);
		expect((await loadDaySummary(db, ALL_DECKS, TODAY)).siblingsWaiting).toBe(true);
		// The next day nothing was answered yet: the items wait for their list's review, which the session shows.
		expect((await loadDaySummary(db, deck.id, TODAY + 1)).siblingsWaiting).toBe(false);
	});

	it('says none wait where the rule lets siblings come the same day: the global setting, or the deck’s own option over it', async () => {
		const deck = await stored();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		for (let answer = 0; answer < 6; answer++) await answerCurrent(db, deck.id, 4, AT + answer * 1000);
		const waiting = async (global: { buryNewSiblings?: boolean }) => (await loadDaySummary(db, deck.id, TODAY, global)).siblingsWaiting;
		expect(await waiting({ buryNewSiblings: true })).toBe(true);
		expect(await waiting({ buryNewSiblings: false })).toBe(false);
		expect((await loadDaySummary(db, ALL_DECKS, TODAY, { buryNewSiblings: false })).siblingsWaiting).toBe(false);
		await saveDeckOptions(db, deck.id, { buryNewSiblings: true }, AT + 10_000);
		expect(await waiting({ buryNewSiblings: false })).toBe(true);
		await saveDeckOptions(db, deck.id, { buryNewSiblings: false }, AT + 20_000);
		expect(await waiting({})).toBe(false);
		expect((await loadDaySummary(db, ALL_DECKS, TODAY, {})).siblingsWaiting).toBe(false);
	});
});

describe('due reviews wait for their siblings', () => {
	const DAY = 86_400_000;
	/** Every card of NOTE introduced on TODAY and answered Good (new siblings let in that day): all due tomorrow. */
	async function allDueTomorrow(): Promise<Deck> {
		const deck = await stored();
		const firstDay = { ...SETTINGS, newPerDay: 24, buryNewSiblings: false };
		await openSession(db, deck.id, TODAY, firstDay, AT);
		for (let answer = 0; answer < 24; answer++) await answerCurrent(db, deck.id, 4, AT + answer * 1000);
		expect((await db.cards.toArray()).every((card) => card.dueDay === TODAY + 1)).toBe(true);
		return deck;
	}

	it('queues each list’s card and holds its items’ reviews, as the home page counts, and brings them when the list is not due', async () => {
		const deck = await allDueTomorrow();
		expect(await homeDue(deck, TODAY + 1)).toBe(6);
		const record = await openSession(db, deck.id, TODAY + 1, SETTINGS, AT + DAY);
		expect(await queued(deck.id)).toEqual(['묶음 0', '묶음 1', '묶음 2', '묶음 3', '묶음 4', '묶음 5']);
		expect(sessionCounts(record.session).review).toBe(6);
		// Nothing is written to a held card: it stays due.
		expect((await db.cards.toArray()).filter((card) => card.dueDay === TODAY + 1)).toHaveLength(24);
		for (let answer = 0; answer < 6; answer++) await answerCurrent(db, deck.id, 4, AT + DAY + answer * 1000);
		// The lists answered today hold their items for the rest of the day, a session made again too.
		expect(await homeDue(deck, TODAY + 1)).toBe(0);
		await db.sessions.clear();
		expect(sessionCounts((await openSession(db, deck.id, TODAY + 1, SETTINGS, AT + DAY + 7000)).session).review).toBe(0);
		const summary = await loadDaySummary(db, deck.id, TODAY + 1);
		expect([summary.reviewSiblingsWaiting, summary.siblingsWaiting]).toEqual([true, false]);
		// With the rule off, nothing is held, so nothing is said to wait: the review limit is another matter.
		expect((await loadDaySummary(db, deck.id, TODAY + 1, { buryReviewSiblings: false })).reviewSiblingsWaiting).toBe(false);
		// The next day the lists are due in six days: the 18 items come, overdue by a day.
		expect(await homeDue(deck, TODAY + 2)).toBe(18);
		const next = await openSession(db, deck.id, TODAY + 2, SETTINGS, AT + 2 * DAY);
		expect(sessionCounts(next.session).review).toBe(18);
		expect((await queued(deck.id)).every((front) => front.startsWith('용어'))).toBe(true);
		expect((await loadDaySummary(db, deck.id, TODAY + 2)).reviewSiblingsWaiting).toBe(false);
	});

	it('lets the next due review take a held one’s place within the review limit', async () => {
		const deck = await allDueTomorrow();
		const settings = { ...SETTINGS, reviewsPerDay: 4 };
		await db.settings.put({ key: 'settings', value: settings });
		await openSession(db, deck.id, TODAY + 1, settings, AT + DAY);
		expect(await queued(deck.id)).toEqual(['묶음 0', '묶음 1', '묶음 2', '묶음 3']);
		expect(await homeDue(deck, TODAY + 1, 4)).toBe(4);
	});

	it('are not offered by Study more reviews, which brings the reviews the limit held back alone', async () => {
		const deck = await allDueTomorrow();
		const settings = { ...SETTINGS, reviewsPerDay: 4 };
		await db.settings.put({ key: 'settings', value: settings });
		await openSession(db, deck.id, TODAY + 1, settings, AT + DAY);
		for (let answer = 0; answer < 4; answer++) await answerCurrent(db, deck.id, 4, AT + DAY + answer * 1000);
		// Of the 20 still due, the limit held back lists 4 and 5; the 18 items wait for their lists, answered or coming.
		const summary = await loadDaySummary(db, deck.id, TODAY + 1);
		expect([summary.reviewsLeft, summary.reviewSiblingsWaiting]).toEqual([2, true]);
		const more = await studyMoreReviews(db, deck.id, TODAY + 1, 50, settings, AT + DAY + 5000);
		expect(more.added).toBe(2);
		expect(await queued(deck.id)).toEqual(['묶음 4', '묶음 5']);
		for (let answer = 0; answer < 2; answer++) await answerCurrent(db, deck.id, 4, AT + DAY + 6000 + answer * 1000);
		expect((await loadDaySummary(db, deck.id, TODAY + 1)).reviewsLeft).toBe(0);
		expect((await studyMoreReviews(db, deck.id, TODAY + 1, 50, settings, AT + DAY + 9000)).added).toBe(0);
		// With the rule off, the items are the limit's to hold back.
		expect((await loadDaySummary(db, deck.id, TODAY + 1, { buryReviewSiblings: false })).reviewsLeft).toBe(18);
	});

	it('holds the reviews whose sibling was answered earlier that day, or fails and repeats, never the repeat', async () => {
		const deck = await allDueTomorrow();
		const letIn = { ...SETTINGS, buryReviewSiblings: false };
		await db.settings.put({ key: 'settings', value: letIn });
		await openSession(db, deck.id, TODAY + 1, letIn, AT + DAY);
		expect(await queued(deck.id)).toHaveLength(24);
		// List 0 failed: it repeats today, a learning card.
		await answerCurrent(db, deck.id, 1, AT + DAY + 1000);
		// Reviews wait from now on (a change of the setting makes today's session again): list 0's items wait for its repeat.
		await db.settings.put({ key: 'settings', value: SETTINGS });
		await db.sessions.clear();
		const again = await openSession(db, deck.id, TODAY + 1, SETTINGS, AT + DAY + 2000);
		const fronts = await frontsOf(again.session.entries.map((entry) => entry.id));
		expect(fronts).toEqual(['묶음 0', '묶음 1', '묶음 2', '묶음 3', '묶음 4', '묶음 5']);
		expect(again.session.entries[0]!.kind).toBe('learning');
		expect(await homeDue(deck, TODAY + 1)).toBe(6);
	});

	it('holds nothing with the setting off, and follows a deck’s own option, in its session and over all decks', async () => {
		const deck = await allDueTomorrow();
		const other = deckFrom(NOTE.replaceAll('묶음', '그룹'), 'other.md');
		await applyDeck(db, { deck: other, hash: 'h' }, 'built-in');
		const letIn = { ...SETTINGS, buryReviewSiblings: false };
		await db.settings.put({ key: 'settings', value: letIn });
		expect(sessionCounts((await openSession(db, deck.id, TODAY + 1, letIn, AT + DAY)).session).review).toBe(24);
		expect(await homeDue(deck, TODAY + 1)).toBe(24);
		// The deck holds its reviews back though the global setting lets them in, in a session over all decks too.
		await saveDeckOptions(db, deck.id, { buryReviewSiblings: true }, AT + DAY);
		expect(sessionCounts((await openSession(db, deck.id, TODAY + 1, letIn, AT + DAY)).session).review).toBe(6);
		expect(await homeDue(deck, TODAY + 1)).toBe(6);
		const all = await openSession(db, ALL_DECKS, TODAY + 1, letIn, AT + DAY);
		expect(sessionCounts(all.session).review).toBe(6);
		// And the other way round: the deck lets them in while the global setting holds them.
		await db.settings.put({ key: 'settings', value: SETTINGS });
		await saveDeckOptions(db, deck.id, { buryReviewSiblings: false }, AT + DAY);
		expect(sessionCounts((await openSession(db, ALL_DECKS, TODAY + 1, SETTINGS, AT + DAY)).session).review).toBe(24);
		expect(await homeDue(deck, TODAY + 1)).toBe(24);
	});

	it('reads past a long run of held reviews, the home page counting the same', async () => {
		db = freshDatabase();
		const note = `## 큰 목록\n${Array.from({ length: 80 }, (_, i) => `- 문장 \`항목${i}\` 설명`).join('\n')}\n\n## 따로\n${Array.from({ length: 10 }, (_, i) => `- 단어${i}: 뜻${i}`).join('\n')}\n`;
		const deck = deckFrom(note);
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		expect(deck.cards).toHaveLength(91);
		const firstDay = { ...SETTINGS, newPerDay: 91, buryNewSiblings: false };
		await openSession(db, deck.id, TODAY, firstDay, AT);
		for (let answer = 0; answer < 91; answer++) await answerCurrent(db, deck.id, 4, AT + answer * 1000);
		// Two days later, all 91 overdue by as much: the due index gives a day's cards by id, so its first 70 (four
		// times the limit of 5, and the margin) may lack the list's card, or words: which come is not known until the
		// day is read whole, by a second read on from that day.
		const settings = { ...SETTINGS, reviewsPerDay: 5 };
		await db.settings.put({ key: 'settings', value: settings });
		const record = await openSession(db, deck.id, TODAY + 3, settings, AT + 3 * DAY);
		expect(await queued(deck.id)).toEqual(['큰 목록', ...Array.from({ length: 4 }, (_, i) => `단어${i}`)]);
		expect(sessionCounts(record.session).review).toBe(5);
		expect(await homeDue(deck, TODAY + 3, 5)).toBe(5);
	});

	it('go into a backup as a deck’s own option and come back', async () => {
		const deck = await stored();
		await saveDeckOptions(db, deck.id, { buryReviewSiblings: false }, AT);
		const text = serializeBackup(await exportBackup(db, AT), AT);
		await db.delete();
		db = freshDatabase();
		await applyImport(db, parseBackup(text));
		expect((await db.decks.get(deck.id))?.options).toEqual({ buryReviewSiblings: false });
	});

	it('stay held when Study more brings new cards: they come back the next day by themselves', async () => {
		const deck = await allDueTomorrow();
		const more = deckFrom('## 따로\n- 단어0: 뜻0\n- 단어1: 뜻1\n', 'more.md');
		await applyDeck(db, { deck: more, hash: 'h' }, 'built-in');
		const settings = { ...SETTINGS, newPerDay: 0 };
		await openSession(db, ALL_DECKS, TODAY + 1, settings, AT + DAY);
		const added = await studyMore(db, ALL_DECKS, TODAY + 1, 10, settings, AT + DAY + 1000);
		expect([added.added, added.siblings]).toEqual([2, false]);
		expect(sessionCounts(added.record.session)).toEqual({ new: 2, learning: 0, review: 6 });
	});
});

describe('an answer holds the reviews of its siblings still waiting in the session', () => {
	const DAY = 86_400_000;
	/** New siblings let in, reviews held: the day's new cards can be siblings of the day's reviews. Two new cards a day. */
	const SAME_DAY = { ...SETTINGS, buryNewSiblings: false, newPerDay: 2 };
	const findCard = (deck: Deck, front: string) => deck.cards.find((card) => card.front === front || card.back.includes(`==${front}==`))!;

	/**
	 * Lists 0 and 1 (and list 2 with `thirdList`) and list 0's items introduced on TODAY and answered Good: due
	 * tomorrow, when the session (with `settings`) queues 묶음 0, 용어1-0, 묶음 1, 용어1-1: a new card before its
	 * list's review, list 0's items waiting for it.
	 */
	async function tomorrowsSession(settings: typeof SAME_DAY = SAME_DAY, thirdList = false, deckOptions?: { buryReviewSiblings: boolean }): Promise<Deck> {
		const deck = await stored();
		const firstDay = { ...settings, newPerDay: thirdList ? 6 : 5 };
		await db.settings.put({ key: 'settings', value: firstDay });
		// List 1's items wait for tomorrow, so that list 2 comes in their place.
		if (thirdList) for (const item of ['용어1-0', '용어1-1', '용어1-2']) await buryCard(db, findCard(deck, item).id, TODAY + 1);
		await openSession(db, deck.id, TODAY, firstDay, AT);
		for (let answer = 0; answer < firstDay.newPerDay; answer++) await answerCurrent(db, deck.id, 4, AT + answer * 1000);
		await db.settings.put({ key: 'settings', value: settings });
		if (deckOptions) await saveDeckOptions(db, deck.id, deckOptions, AT + DAY);
		await openSession(db, deck.id, TODAY + 1, settings, AT + DAY);
		expect(await queued(deck.id)).toEqual(['묶음 0', '용어1-0', '묶음 1', '용어1-1']);
		return deck;
	}

	it('takes the list’s review out when its item’s new card is answered, writes nothing to it, and the home page counts the same', async () => {
		const deck = await tomorrowsSession();
		await answerCurrent(db, deck.id, 4, AT + DAY + 1000);
		const list = findCard(deck, '묶음 1');
		const before = await db.cards.get(list.id);
		await answerCurrent(db, deck.id, 4, AT + DAY + 2000);
		expect(await queued(deck.id)).toEqual(['용어1-1']);
		expect(await db.cards.get(list.id)).toEqual(before);
		expect(before?.dueDay).toBe(TODAY + 1);
		expect(await sessionDue(deck.id)).toBe(0);
		expect(await homeDue(deck, TODAY + 1)).toBe(0);
		expect(await homeNew(deck, TODAY + 1)).toBe(1);
		// The next day it comes, as a review held at the session's start does.
		expect(await frontsOf((await openSession(db, deck.id, TODAY + 2, SAME_DAY, AT + 2 * DAY)).session.entries.map((entry) => entry.id))).toContain('묶음 1');
	});

	it('lets the next due review take the held one’s place within the review limit, as the home page does', async () => {
		const settings = { ...SAME_DAY, reviewsPerDay: 2 };
		const deck = await tomorrowsSession(settings, true);
		// Reviews due: lists 0, 1 and 2 (list 0's items wait for it); the limit takes two.
		expect(await homeDue(deck, TODAY + 1, 2)).toBe(2);
		await answerCurrent(db, deck.id, 4, AT + DAY + 1000);
		await answerCurrent(db, deck.id, 4, AT + DAY + 2000);
		expect(await queued(deck.id)).toEqual(['용어1-1', '묶음 2']);
		expect(await homeDue(deck, TODAY + 1, 2)).toBe(await sessionDue(deck.id));
		expect(await homeNew(deck, TODAY + 1)).toBe(sessionCounts((await db.sessions.get(deck.id))!.session).new);
	});

	it('holds nothing where reviews may come with their siblings', async () => {
		const letIn = { ...SAME_DAY, buryReviewSiblings: false };
		const deck = await stored(letIn);
		const firstDay = { ...letIn, newPerDay: 5 };
		await openSession(db, deck.id, TODAY, firstDay, AT);
		for (let answer = 0; answer < 5; answer++) await answerCurrent(db, deck.id, 4, AT + answer * 1000);
		// Reviews let in: list 0's items come too, before the new cards; answering 용어1-0 leaves list 1's review queued.
		await openSession(db, deck.id, TODAY + 1, letIn, AT + DAY);
		const fronts = await queued(deck.id);
		expect(fronts.indexOf('용어1-0')).toBeLessThan(fronts.indexOf('묶음 1'));
		for (let answer = 0; answer <= fronts.indexOf('용어1-0'); answer++) await answerCurrent(db, deck.id, 4, AT + DAY + answer * 1000);
		expect(await queued(deck.id)).toContain('묶음 1');
		expect(await homeDue(deck, TODAY + 1)).toBe(await sessionDue(deck.id));
	});

	it('follows the deck’s own option over the global setting', async () => {
		const letIn = { ...SAME_DAY, buryReviewSiblings: false };
		const deck = await tomorrowsSession(letIn, false, { buryReviewSiblings: true });
		await answerCurrent(db, deck.id, 4, AT + DAY + 1000);
		await answerCurrent(db, deck.id, 4, AT + DAY + 2000);
		expect(await queued(deck.id)).toEqual(['용어1-1']);
		expect(await homeDue(deck, TODAY + 1)).toBe(0);
	});

	it('never holds a learning card, nor the card answered, which comes back as its repeat', async () => {
		const deck = await tomorrowsSession();
		await answerCurrent(db, deck.id, 4, AT + DAY + 1000);
		// Again on the new item: it repeats today, and its list's review still leaves.
		await answerCurrent(db, deck.id, 1, AT + DAY + 2000);
		expect(await queued(deck.id)).toEqual(['용어1-1', '용어1-0']);
		expect((await db.sessions.get(deck.id))!.session.entries.map((entry) => entry.kind)).toEqual(['new', 'learning']);
		expect(await homeDue(deck, TODAY + 1)).toBe(await sessionDue(deck.id));
	});

	it('is taken back by its undo: the session is again exactly as it was, the card taken in for it gone', async () => {
		const deck = await tomorrowsSession({ ...SAME_DAY, reviewsPerDay: 2 }, true);
		await answerCurrent(db, deck.id, 4, AT + DAY + 1000);
		const before = await tableRows(db);
		await answerCurrent(db, deck.id, 4, AT + DAY + 2000);
		expect(await queued(deck.id)).toEqual(['용어1-1', '묶음 2']);
		expect(await undoLastAction(db, deck.id, AT + DAY + 3000)).toBe('answer');
		const after = await tableRows(db);
		expect(after.sessions).toEqual(before.sessions);
		expect(after.reviews).toEqual(before.reviews);
		expect(await queued(deck.id)).toEqual(['용어1-0', '묶음 1', '용어1-1']);
		// Answered again, it holds the review again.
		await answerCurrent(db, deck.id, 4, AT + DAY + 4000);
		expect(await queued(deck.id)).toEqual(['용어1-1', '묶음 2']);
	});

	it('still holds the review after it was buried and the bury undone', async () => {
		const deck = await tomorrowsSession();
		await answerCurrent(db, deck.id, 4, AT + DAY + 1000);
		const before = (await db.sessions.get(deck.id))!.session;
		await buryCard(db, findCard(deck, '묶음 1').id, TODAY + 2, deck.id, AT + DAY + 2000);
		await undoLastAction(db, deck.id, AT + DAY + 3000);
		expect((await db.sessions.get(deck.id))!.session).toEqual(before);
		await answerCurrent(db, deck.id, 4, AT + DAY + 4000);
		expect(await queued(deck.id)).toEqual(['용어1-1']);
	});

	it('writes nothing when the session cannot be written: the answer, its row and the hold land together or not at all', async () => {
		const deck = await tomorrowsSession({ ...SAME_DAY, reviewsPerDay: 2 }, true);
		await answerCurrent(db, deck.id, 4, AT + DAY + 1000);
		const before = await tableRows(db);
		const diskFull = (): never => {
			throw new Error('disk full');
		};
		// The session is written last, after the answer's rows and the refill's reads.
		db.sessions.hook('updating', diskFull);
		await expect(answerCurrent(db, deck.id, 4, AT + DAY + 2000)).rejects.toThrow('disk full');
		db.sessions.hook('updating').unsubscribe(diskFull);
		expect(await tableRows(db)).toEqual(before);
		expect(await queued(deck.id)).toEqual(['용어1-0', '묶음 1', '용어1-1']);
	});
});
