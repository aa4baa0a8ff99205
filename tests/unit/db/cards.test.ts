import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { studyDay } from '../../../src/lib/srs/day';
import { currentEntry } from '../../../src/lib/srs/session';
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

	it('drops the card’s undo steps, so that undo cannot bring a suspended card back', async () => {
		const { deck } = await setUp();
		const failed = (await answerCurrent(db, deck.id, 1, AT)).card;
		const passed = (await answerCurrent(db, deck.id, 4, AT + 60_000)).card;
		await suspendCard(db, failed, deck.id);
		const stored = await db.sessions.get(deck.id);
		expect(stored?.undo.map((step) => step.cardId)).toEqual([passed]);
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
