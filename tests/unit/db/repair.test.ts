// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { foldCard } from '../../../src/lib/db/card-state';
import { checkDatabase } from '../../../src/lib/db/repair';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { studyDay } from '../../../src/lib/srs/day';
import { tallyDeckDays } from '../../../src/lib/stats/tally';
import { tallyRows } from '../../../src/lib/db/day-tallies';
import { isAnswer } from '../../../src/lib/srs/history';
import { DAY_OPTIONS, seoulNoon, storedDeck, studyDays, tableChecksums, tableRows } from './helpers';

const NOTE = '## Q\n\none::1\n\ntwo::2\n\nthree::3\n\nfour::4\n\nfive::5\n';

const opened: RecallDatabase[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

/** A deck of five cards studied on three days: every card answered, some forgotten. */
async function studiedStore(): Promise<{ db: RecallDatabase; deckId: string; at: number }> {
	const { db, deck } = await storedDeck(NOTE);
	opened.push(db);
	const at = await studyDays(db, deck.id, { from: seoulNoon('2026-11-01'), days: 3, gapDays: 7, perDay: 5, grade: (n, i) => ((n + i) % 4 === 0 ? 1 : 4) });
	return { db, deckId: deck.id, at };
}

const byKey = (a: { deck: string; day: number }, b: { deck: string; day: number }) => (a.deck === b.deck ? a.day - b.day : a.deck < b.deck ? -1 : 1);

/** Every card is the fold of its rows in the queue its status says, and the tallies are the log's. */
async function expectConsistent(db: RecallDatabase): Promise<void> {
	for (const card of await db.cards.toArray()) {
		const folded = foldCard(await db.reviews.where('card').equals(card.id).toArray());
		expect({ state: card.state, dueDay: card.dueDay, lastReview: card.lastReview, lapses: card.lapses }).toEqual({ dueDay: undefined, lastReview: undefined, lapses: undefined, ...folded });
	}
	expect((await db.days.toArray()).sort(byKey)).toEqual(tallyDeckDays(await db.reviews.toArray()).sort(byKey));
}

describe('checkDatabase', () => {
	it('finds nothing to fix in a store the app wrote, and changes nothing', async () => {
		const { db, at } = await studiedStore();
		const rows = await db.reviews.count();
		expect(rows).toBeGreaterThan(10);
		const before = await tableChecksums(db);
		const done: number[] = [];
		expect(await checkDatabase(db, { now: at, onProgress: (count, total) => done.push(count, total) })).toEqual({ cards: 5, rows, fixedCards: 0, fixedDays: 0, orphanRows: 0, futureRows: 0, copies: 0, copiesRemoved: false });
		expect(done).toEqual([5, 5]);
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('makes damaged cards and day tallies again from the log, keeping each card’s status, and a second check finds nothing', async () => {
		const { db, deckId, at } = await studiedStore();
		const cards = (await db.cards.toArray()).sort((a, b) => a.order - b.order);
		const [moved, lapsed, misqueued, suspended, buried] = cards as [typeof cards[0], typeof cards[0], typeof cards[0], typeof cards[0], typeof cards[0]];
		await suspendCard(db, suspended.id, undefined, at);
		await buryCard(db, buried.id, studyDay(at, DAY_OPTIONS) + 1, undefined, at);
		const healthy = await tableChecksums(db);
		const days = (await db.days.toArray()).sort(byKey);
		expect(days.length).toBeGreaterThanOrEqual(3);

		// Damage as a hand-edited store or a storage bug might leave it: schedules, lapses, a queue, tallies wrong, missing and extra.
		await db.cards.update(moved.id, { dueDay: (moved.dueDay ?? 0) + 40, state: { ...moved.state, interval: 99 } });
		await db.cards.update(lapsed.id, { lapses: 7 });
		await db.cards.update(misqueued.id, { queue: Queue.new });
		await db.cards.update(suspended.id, { state: { ...suspended.state, easiness: 1.3 } });
		await db.cards.update(buried.id, { lastReview: 'no-such-row' });
		await db.days.put({ ...days[0]!, answers: days[0]!.answers + 5 });
		await db.days.delete([days[1]!.deck, days[1]!.day]);
		await db.days.put({ deck: deckId, day: 1, answers: 3, youngPassed: 0, youngAnswers: 0, maturePassed: 0, matureAnswers: 0 });

		const report = await checkDatabase(db, { now: at + 1000 });
		expect(report).toMatchObject({ cards: 5, fixedCards: 5, fixedDays: 3, orphanRows: 0 });
		await expectConsistent(db);
		expect((await db.cards.get(suspended.id))?.queue).toBe(Queue.suspended);
		expect((await db.cards.get(buried.id))?.buriedUntil).toBe(studyDay(at, DAY_OPTIONS) + 1);
		expect((await db.cards.get(misqueued.id))?.queue).toBe(Queue.scheduled);
		expect((await db.cards.get(moved.id))?.updatedAt).toBe(at + 1000);

		// Back to what the app wrote, but for the repaired cards' updatedAt.
		const repaired = await tableChecksums(db);
		expect({ ...repaired, cards: '' }).toEqual({ ...healthy, cards: '' });
		expect(await checkDatabase(db)).toMatchObject({ fixedCards: 0, fixedDays: 0 });
		expect(await tableChecksums(db)).toEqual(repaired);
	});

	it('counts the rows dated over a day after the check (a clock that ran ahead), and changes nothing for them', async () => {
		const { db, at } = await studiedStore();
		const before = await tableChecksums(db);
		// The store as a device whose clock was a year ahead left it, checked once the clock is right again.
		const yearBefore = at - 365 * 86_400_000;
		expect(await checkDatabase(db, { now: yearBefore })).toMatchObject({ fixedCards: 0, fixedDays: 0, futureRows: await db.reviews.count() });
		expect(await checkDatabase(db, { now: at - 3_600_000 })).toMatchObject({ futureRows: 0 });
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('keeps rows whose card is gone, counts them, and tallies them as the statistics do', async () => {
		const { db, deckId } = await studiedStore();
		const row = (await db.reviews.toArray()).find((candidate) => candidate.kind !== 'set')!;
		await db.reviews.put({ ...row, id: 'orphan-1', card: 'gone-card', day: row.day + 100 });
		const rows = await db.reviews.count();
		const report = await checkDatabase(db);
		expect(report).toMatchObject({ rows, fixedCards: 0, fixedDays: 1, orphanRows: 1 });
		expect(await db.reviews.get('orphan-1')).toBeDefined();
		expect(await db.days.get([deckId, row.day + 100])).toMatchObject({ answers: 1 });
		await expectConsistent(db);
	});

	it('reads the cards a slice at a time, and finds every row once, a gone card’s before, between and after them', async () => {
		const { db } = await studiedStore();
		const row = (await db.reviews.toArray()).find((candidate) => candidate.kind !== 'set')!;
		const ids = ((await db.cards.toCollection().primaryKeys()) as string[]).sort();
		// Card ids that sort before every card, between two slices, inside a slice, and after every card.
		const gone = ['!first', `${ids[1]}~`, `${ids[2]}~`, '~last'];
		await db.reviews.bulkPut(gone.map((card, index) => ({ ...row, id: `orphan-${index}`, card })));
		await db.cards.update(ids[4]!, { lapses: 9 });
		const progress: number[] = [];
		const report = await checkDatabase(db, { cardsPerSlice: 2, onProgress: (done) => progress.push(done) });
		expect(progress).toEqual([2, 4, 5]);
		expect(report).toMatchObject({ cards: 5, rows: await db.reviews.count(), fixedCards: 1, orphanRows: 4 });
		await expectConsistent(db);
		expect(await checkDatabase(db, { cardsPerSlice: 2 })).toMatchObject({ fixedCards: 0, fixedDays: 0, orphanRows: 4 });
	});

	it('counts answers stored twice (an Anki package’s copy beside the own row) and takes the copies out only when asked, in one go', async () => {
		const { db } = await studiedStore();
		const healthy = await tableRows(db, ['reviews', 'days']);
		const schedules = async () => (await db.cards.toArray()).map((card) => [card.id, card.state, card.dueDay, card.lastReview, card.lapses]);
		const healthySchedules = await schedules();
		// What an older version stored for a package imported before its backup: each answer again, as the reader names it, tallied, and the cards folded over both.
		const answers = (await db.reviews.toArray()).filter(isAnswer);
		const copies = answers.map((row) => ({ ...row, id: `${row.card}-review-${Math.round(row.reviewedAt)}`, grade: row.grade < 3 ? (1 as const) : row.grade }));
		await db.transaction('rw', [db.reviews, db.days], async () => {
			await db.reviews.bulkAdd(copies);
			await tallyRows(db, copies);
		});
		expect(copies.length).toBeGreaterThan(10);
		expect(await checkDatabase(db)).toMatchObject({ fixedCards: 5, copies: copies.length, copiesRemoved: false });
		const doubled = await tableChecksums(db);
		expect(await checkDatabase(db)).toMatchObject({ fixedCards: 0, fixedDays: 0, copies: copies.length, copiesRemoved: false });
		expect(await tableChecksums(db)).toEqual(doubled);

		expect(await checkDatabase(db, { removeCopies: true })).toMatchObject({ fixedCards: 5, fixedDays: expect.any(Number), copies: copies.length, copiesRemoved: true });
		expect(await tableRows(db, ['reviews', 'days'])).toEqual(healthy);
		expect(await schedules()).toEqual(healthySchedules);
		await expectConsistent(db);
		expect(await checkDatabase(db)).toMatchObject({ fixedCards: 0, fixedDays: 0, copies: 0 });
	});
});
