import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { undoLastAction } from '../../../src/lib/db/answers';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { unsuspendCards } from '../../../src/lib/db/bulk';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { saveSettings } from '../../../src/lib/db/settings';
import { studyDay } from '../../../src/lib/srs/day';
import { currentEntry } from '../../../src/lib/srs/session';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { answerCurrent, DAY_OPTIONS, seoulNoon, SETTINGS, storedDeck } from './helpers';

const NOTE = '## Q\n\none::1\n\ntwo::2\n\nthree::3\n\nfour::4\n';
const AT = seoulNoon('2026-11-25');
const TODAY = studyDay(AT, DAY_OPTIONS);

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

async function setUp() {
	const stored = await storedDeck(NOTE);
	db = stored.db;
	const { deck } = stored;
	const { session } = await openSession(db, deck.id, TODAY, SETTINGS, AT);
	return { deck, session };
}

const entryIds = async (scope: string) => (await db.sessions.get(scope))!.session.entries.map((entry) => entry.id);

describe('suspendCard', () => {
	it('suspends the card and takes it out of the stored session, in one go', async () => {
		const { deck, session } = await setUp();
		const shown = currentEntry(session)!.id;
		expect(await suspendCard(db, shown, deck.id, AT)).toBe(true);
		expect(await db.cards.get(shown)).toMatchObject({ queue: Queue.suspended, statusAt: AT, updatedAt: AT });
		expect(await entryIds(deck.id)).toEqual(session.entries.slice(1).map((entry) => entry.id));
		// The session after a reload, and a fresh one, leave it out too.
		expect((await openSession(db, deck.id, TODAY, SETTINGS)).session.entries.map((entry) => entry.id)).not.toContain(shown);
		await db.sessions.clear();
		expect((await openSession(db, deck.id, TODAY + 1, SETTINGS)).session.entries.map((entry) => entry.id)).not.toContain(shown);
	});

	it('keeps the card’s schedule and history, and a suspended card stays suspended when answered elsewhere', async () => {
		const { deck } = await setUp();
		const answered = (await answerCurrent(db, deck.id, 4, AT)).card;
		const before = await db.cards.get(answered);
		await suspendCard(db, answered);
		const after = await db.cards.get(answered);
		expect(after).toMatchObject({ state: before?.state, dueDay: before?.dueDay, lastReview: before?.lastReview, queue: Queue.suspended });
		expect(await db.reviews.where('card').equals(answered).count()).toBe(1);
	});

	it('keeps the card’s earlier answers undoable and adds a step of its own, which undo takes first', async () => {
		const { deck } = await setUp();
		const failed = (await answerCurrent(db, deck.id, 1, AT)).card;
		const passed = (await answerCurrent(db, deck.id, 4, AT + 60_000)).card;
		await suspendCard(db, failed, deck.id);
		const stored = await db.sessions.get(deck.id);
		expect(stored?.undo.map((step) => [step.cardId, 'status' in step ? step.status : 'answer'])).toEqual([
			[failed, 'answer'],
			[passed, 'answer'],
			[failed, 'suspended']
		]);
		expect(stored?.session.entries.map((entry) => entry.id)).not.toContain(failed);
	});

	it('without a scope leaves sessions alone; an unknown card changes nothing', async () => {
		const { deck, session } = await setUp();
		const shown = currentEntry(session)!.id;
		await suspendCard(db, shown);
		expect(await entryIds(deck.id)).toContain(shown);
		expect(await suspendCard(db, 'md:nope', deck.id)).toBe(false);
		expect(await entryIds(deck.id)).toContain(shown);
	});

	it('leaves a retired card retired', async () => {
		const { session } = await setUp();
		const shown = currentEntry(session)!.id;
		await db.cards.update(shown, { queue: Queue.retired });
		await suspendCard(db, shown);
		expect((await db.cards.get(shown))?.queue).toBe(Queue.retired);
	});

	it('writes nothing when the session cannot be written', async () => {
		const { deck, session } = await setUp();
		const shown = currentEntry(session)!.id;
		const diskFull = (): never => {
			throw new Error('disk full');
		};
		db.sessions.hook('updating', diskFull);
		db.sessions.hook('creating', diskFull);
		await expect(suspendCard(db, shown, deck.id)).rejects.toThrow('disk full');
		db.sessions.hook('updating').unsubscribe(diskFull);
		db.sessions.hook('creating').unsubscribe(diskFull);
		expect((await db.cards.get(shown))?.queue).toBe(Queue.new);
	});
});

describe('buryCard', () => {
	it('buries the card until the given day and takes it out of the stored session', async () => {
		const { deck, session } = await setUp();
		const shown = currentEntry(session)!.id;
		expect(await buryCard(db, shown, TODAY + 1, deck.id, AT)).toBe(true);
		expect(await db.cards.get(shown)).toMatchObject({ buriedUntil: TODAY + 1, queue: Queue.new, statusAt: AT, updatedAt: AT });
		expect(await entryIds(deck.id)).not.toContain(shown);
		// Out of a fresh session today, back tomorrow.
		await db.sessions.clear();
		expect((await openSession(db, deck.id, TODAY, SETTINGS)).session.entries.map((entry) => entry.id)).not.toContain(shown);
		expect((await openSession(db, deck.id, TODAY + 1, SETTINGS)).session.entries.map((entry) => entry.id)).toContain(shown);
	});

	it('buries a card due again today until tomorrow, when it is due as before', async () => {
		const { deck } = await setUp();
		const failed = (await answerCurrent(db, deck.id, 1, AT)).card;
		await buryCard(db, failed, TODAY + 1, deck.id);
		expect(await entryIds(deck.id)).not.toContain(failed);
		const tomorrow = await openSession(db, deck.id, TODAY + 1, SETTINGS);
		expect(tomorrow.session.entries).toContainEqual({ id: failed, kind: 'learning' });
	});

	it('refuses a day that is not a study day', async () => {
		const { session } = await setUp();
		await expect(buryCard(db, currentEntry(session)!.id, 1.5)).rejects.toThrow(RangeError);
	});

	it('returns false for an unknown card', async () => {
		await setUp();
		expect(await buryCard(db, 'md:nope', TODAY + 1)).toBe(false);
	});
});

/** The deck's four cards with two new cards a day, stored as the app stores settings: the refill reads them. */
async function twoADay() {
	const stored = await storedDeck(NOTE);
	db = stored.db;
	await saveSettings(db, { newPerDay: 2 });
	await openSession(db, stored.deck.id, TODAY, { ...SETTINGS, newPerDay: 2 }, AT);
	return { deck: stored.deck, ids: stored.deck.cards.map((card) => card.id) };
}

describe('a card taken out of a session', () => {
	it('leaves room for the next new card: burying or suspending does not use up the day’s new cards', async () => {
		const { deck, ids } = await twoADay();
		expect(await entryIds(deck.id)).toEqual([ids[0], ids[1]]);
		await buryCard(db, ids[0]!, TODAY + 1, deck.id, AT);
		expect(await entryIds(deck.id)).toEqual([ids[1], ids[2]]);
		await suspendCard(db, ids[1]!, deck.id, AT);
		expect(await entryIds(deck.id)).toEqual([ids[2], ids[3]]);
		await answerCurrent(db, deck.id, 5, AT);
		await answerCurrent(db, deck.id, 5, AT + 1000);
		// Two new cards introduced: the day's allowance is used, however many were put away.
		expect(await entryIds(deck.id)).toEqual([]);
		expect((await openSession(db, deck.id, TODAY, { ...SETTINGS, newPerDay: 2 }, AT)).session.entries).toEqual([]);
	});

	it('never goes beyond the day’s limit: with the allowance answered, nothing comes in', async () => {
		const { deck, ids } = await twoADay();
		await answerCurrent(db, deck.id, 1, AT);
		// ids[0] is due again today (learning), ids[1] still new: one new card introduced, one to come.
		await buryCard(db, ids[1]!, TODAY + 1, deck.id, AT);
		expect((await db.sessions.get(deck.id))!.session.entries).toEqual([
			{ id: ids[0], kind: 'learning' },
			{ id: ids[2], kind: 'new' }
		]);
		await buryCard(db, ids[0]!, TODAY + 1, deck.id, AT);
		expect(await entryIds(deck.id)).toEqual([ids[2]]);
	});

	it('is made up for in a session of another scope when that one is opened again', async () => {
		const { deck, ids } = await twoADay();
		await openSession(db, ALL_DECKS, TODAY, { ...SETTINGS, newPerDay: 2 }, AT);
		await buryCard(db, ids[0]!, TODAY + 1, ALL_DECKS, AT);
		expect((await openSession(db, deck.id, TODAY, { ...SETTINGS, newPerDay: 2 }, AT)).session.entries.map((entry) => entry.id)).toEqual([ids[1], ids[2]]);
	});
});

describe('undoLastAction after a bury or suspend', () => {
	it('takes back the bury, not the answer before it, and the card taken in for it leaves', async () => {
		const { deck, ids } = await twoADay();
		await answerCurrent(db, deck.id, 4, AT);
		await buryCard(db, ids[1]!, TODAY + 1, deck.id, AT + 1000);
		expect(await entryIds(deck.id)).toEqual([ids[2]]);

		expect(await undoLastAction(db, deck.id, AT + 2000)).toBe('buried');
		const card = await db.cards.get(ids[1]!);
		expect(card?.buriedUntil).toBeUndefined();
		expect(card).toMatchObject({ queue: Queue.new, statusAt: AT + 2000 });
		expect((await db.sessions.get(deck.id))!.session.entries).toEqual([{ id: ids[1], kind: 'new' }]);
		// The answer before it is still given, and is what the next undo takes back.
		expect(await db.reviews.count()).toBe(1);
		expect(await undoLastAction(db, deck.id, AT + 3000)).toBe('answer');
		expect(await db.reviews.count()).toBe(0);
		expect(await entryIds(deck.id)).toEqual([ids[0], ids[1]]);
		expect(await undoLastAction(db, deck.id)).toBeUndefined();
	});

	it('takes back a suspend: the card is in its queue again and back where it was, its kind kept', async () => {
		const { deck, ids } = await twoADay();
		await answerCurrent(db, deck.id, 1, AT);
		// ids[1], ids[0] (learning, three on, or last): suspend the learning card when it is shown.
		await answerCurrent(db, deck.id, 5, AT + 1000);
		expect((await db.sessions.get(deck.id))!.session.entries).toEqual([{ id: ids[0], kind: 'learning' }]);
		const before = await db.cards.get(ids[0]!);
		await suspendCard(db, ids[0]!, deck.id, AT + 2000);
		expect(await entryIds(deck.id)).toEqual([]);
		expect(await undoLastAction(db, deck.id, AT + 3000)).toBe('suspended');
		expect(await db.cards.get(ids[0]!)).toMatchObject({ queue: Queue.scheduled, state: before?.state, dueDay: before?.dueDay, lastReview: before?.lastReview });
		expect((await db.sessions.get(deck.id))!.session.entries).toEqual([{ id: ids[0], kind: 'learning' }]);
	});

	it('leaves a status changed elsewhere since as it is, and does not queue a card that may not be studied', async () => {
		const { deck, ids } = await twoADay();
		await suspendCard(db, ids[0]!, deck.id, AT);
		// Unsuspended in the browser meanwhile: undo changes nothing of the card, and it is queued again.
		await unsuspendCards(db, [ids[0]!], AT + 1000, TODAY);
		await undoLastAction(db, deck.id, AT + 2000);
		expect(await db.cards.get(ids[0]!)).toMatchObject({ queue: Queue.new, statusAt: AT + 1000 });
		expect(await entryIds(deck.id)).toEqual([ids[0], ids[1]]);

		await buryCard(db, ids[0]!, TODAY + 1, deck.id, AT + 3000);
		await suspendCard(db, ids[0]!, undefined, AT + 4000);
		await undoLastAction(db, deck.id, AT + 5000);
		expect(await db.cards.get(ids[0]!)).toMatchObject({ queue: Queue.suspended });
		expect((await db.cards.get(ids[0]!))?.buriedUntil).toBeUndefined();
		expect(await entryIds(deck.id)).toEqual([ids[1]]);
	});
});
