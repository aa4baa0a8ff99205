// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { answerCard, cardHistory, undoLastAction } from '../../../src/lib/db/answers';
import { buryCard } from '../../../src/lib/db/cards';
import { deleteCards, loadMoveTargets, moveCards, resetCards, resetDeck, restoreCards, suspendCards, undoChange, unsuspendCards, type BulkChange } from '../../../src/lib/db/bulk';
import { deleteDeck } from '../../../src/lib/db/deck-removal';
import { applyDeck } from '../../../src/lib/db/decks';
import { exportDeck } from '../../../src/lib/db/exports';
import { loadDeckView } from '../../../src/lib/db/deck-view';
import { applyImport } from '../../../src/lib/db/imports';
import { addCards, createDeck, editCard } from '../../../src/lib/db/own-cards';
import { Queue, type CardRecord, type RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { emptyBundle } from '../../../src/lib/io/bundle';
import { studyDay } from '../../../src/lib/srs/day';
import { foldRows } from '../../../src/lib/srs/history';
import { currentEntry } from '../../../src/lib/srs/session';
import { NEW_CARD, type Grade } from '../../../src/lib/srs/sm2';
import { answerCurrent, DAY_OPTIONS, deckFrom, seoulNoon, SETTINGS, stateRow, storedDeck } from './helpers';

/** The ids of the cards an action changed. */
const changedIds = (change: BulkChange): string[] => change.cards.map((card) => card.after.id);

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
	const ids = deck.cards.map((card) => card.id);
	return { deck, ids };
}

/** Every card is the fold of its rows, with its latest row as lastReview. */
async function expectFolded(): Promise<void> {
	for (const card of await db.cards.toArray()) {
		const rows = await cardHistory(db, card.id);
		expect({ state: card.state, dueDay: card.dueDay }).toEqual({ dueDay: undefined, ...foldRows(rows) });
		expect(card.lastReview).toBe(rows.at(-1)?.id);
	}
}

const sessionIds = async (scope: string) => (await db.sessions.get(scope))?.session.entries.map((entry) => entry.id) ?? [];

/** The session's first two cards answered with `grades`, a minute apart, and the second suspended: progress in two queues to reset. */
async function answerTwoSuspendSecond(deckId: string, grades: [Grade, Grade]) {
	await openSession(db, deckId, TODAY, SETTINGS, AT);
	const first = await answerCurrent(db, deckId, grades[0], AT);
	const second = await answerCurrent(db, deckId, grades[1], AT + 60_000);
	await suspendCards(db, [second.card], AT + 70_000);
	return { first, second };
}

describe('suspendCards and unsuspendCards', () => {
	it('suspend many in one go, take them out of stored sessions, and bring them back as they were', async () => {
		const { deck, ids } = await setUp();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		const answered = (await answerCurrent(db, deck.id, 4, AT)).card;
		const [a, b] = [answered, ids.find((id) => id !== answered)!];
		expect(changedIds(await suspendCards(db, [a, b, 'nope'], AT + 1))).toEqual([a, b]);
		expect((await db.cards.bulkGet([a, b])).map((card) => [card?.queue, card?.statusAt])).toEqual([
			[Queue.suspended, AT + 1],
			[Queue.suspended, AT + 1]
		]);
		expect(await sessionIds(deck.id)).not.toContain(b);
		// Suspending again changes nothing.
		expect(changedIds(await suspendCards(db, [a], AT + 2))).toEqual([]);

		expect(changedIds(await unsuspendCards(db, [a, b], AT + 3, TODAY))).toEqual([a, b]);
		const [cardA, cardB] = await db.cards.bulkGet([a, b]);
		expect(cardA).toMatchObject({ queue: Queue.scheduled, statusAt: AT + 3 });
		expect(cardB).toMatchObject({ queue: Queue.new });
		await expectFolded();
	});

	it('unsuspend brings back a card buried after today too, and today’s sessions are made again to hold it', async () => {
		const { deck, ids } = await setUp();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		await buryCard(db, ids[0]!, TODAY + 1, undefined, AT);
		await db.cards.update(ids[1]!, { buriedUntil: TODAY - 1 });
		// A bury that is over already is nothing to bring back.
		expect(changedIds(await unsuspendCards(db, [ids[0]!, ids[1]!], AT + 1, TODAY))).toEqual([ids[0]]);
		expect((await db.cards.get(ids[0]!))?.buriedUntil).toBeUndefined();
		expect((await db.sessions.get(deck.id))?.outdated).toBe(true);
		expect(changedIds(await unsuspendCards(db, [ids[0]!], AT + 2, TODAY))).toEqual([]);
	});

	it('leave retired and deleted cards as they are', async () => {
		const { ids } = await setUp();
		await deleteCards(db, [ids[0]!], AT);
		expect(changedIds(await suspendCards(db, [ids[0]!], AT + 1))).toEqual([]);
		expect(changedIds(await unsuspendCards(db, [ids[0]!], AT + 1, TODAY))).toEqual([]);
		expect((await db.cards.get(ids[0]!))?.queue).toBe(Queue.retired);
	});
});

describe('resetCards', () => {
	it('writes a reset state row per card that has progress, keeps the earlier rows, and the card is the fold of its rows: new', async () => {
		const { deck, ids } = await setUp();
		const { first, second } = await answerTwoSuspendSecond(deck.id, [4, 2]);
		const untouched = ids.find((id) => id !== first.card && id !== second.card)!;

		const { rows } = await resetCards(db, [first.card, second.card, untouched], { now: AT + 120_000, dayOptions: DAY_OPTIONS });
		expect(rows.map((row) => row.card).sort()).toEqual([first.card, second.card].sort());
		for (const row of rows) {
			expect(row).toMatchObject({ kind: 'set', reason: 'reset', reviewedAt: AT + 120_000, day: TODAY, after: { state: NEW_CARD } });
			expect(row.after.dueDay).toBeUndefined();
		}
		const history = await cardHistory(db, first.card);
		expect(history.map((row) => row.kind)).toEqual(['new', 'set']);
		expect(history[1]).toMatchObject({ before: first.after, previous: first.id });
		expect(await db.cards.get(first.card)).toMatchObject({ state: NEW_CARD, queue: Queue.new, lastReview: history[1]!.id });
		expect((await db.cards.get(first.card))?.dueDay).toBeUndefined();
		// Suspended stays suspended; the card that was new has no row.
		expect(await db.cards.get(second.card)).toMatchObject({ state: NEW_CARD, queue: Queue.suspended });
		expect(await db.reviews.where('card').equals(untouched).count()).toBe(0);
		expect(await sessionIds(deck.id)).not.toContain(first.card);
		await expectFolded();
		// A reset card studies as a new card again.
		await db.sessions.clear();
		const next = await openSession(db, deck.id, TODAY + 1, SETTINGS, AT + 86_400_000);
		expect(next.session.entries).toContainEqual({ id: first.card, kind: 'new' });
	});

	it('comes after a row merged in from a device whose clock ran ahead, so it is what the card folds to', async () => {
		const { deck, ids } = await setUp();
		const id = ids[0]!;
		const later = stateRow({ id: 'future', card: id, deck: deck.id, reviewedAt: AT + 86_400_000, day: TODAY + 1, after: { state: { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false }, dueDay: TODAY + 7 } });
		await applyImport(db, { ...emptyBundle('backup', 'b.json'), reviews: [later] });
		const [row] = (await resetCards(db, [id], { now: AT, dayOptions: DAY_OPTIONS })).rows;
		expect(row!.reviewedAt).toBe(AT + 86_400_000 + 1);
		expect(row!.previous).toBe('future');
		await expectFolded();
		expect((await db.cards.get(id))?.state).toEqual(NEW_CARD);
	});

	it('resetDeck resets every card of the deck in one go', async () => {
		const { deck } = await setUp();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		for (let i = 0; i < 3; i++) await answerCurrent(db, deck.id, 5, AT + i * 60_000);
		expect(await resetDeck(db, deck.id, { now: AT + 600_000, dayOptions: DAY_OPTIONS })).toBe(3);
		expect(await db.reviews.count()).toBe(6);
		expect((await db.cards.toArray()).every((card) => card.queue === Queue.new && card.dueDay === undefined)).toBe(true);
		await expectFolded();
	});

	it('keeps every card the fold of its rows through any mix of answers, undos and resets', async () => {
		const op = fc.oneof(
			{ weight: 4, arbitrary: fc.record({ op: fc.constant('answer' as const), grade: fc.constantFrom<Grade>(0, 1, 3, 4, 5) }) },
			{ weight: 1, arbitrary: fc.record({ op: fc.constant('undo' as const) }) },
			{ weight: 1, arbitrary: fc.record({ op: fc.constant('reset' as const), which: fc.subarray([0, 1, 2, 3]) }) }
		);
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
				const { deck, ids } = await setUp();
				let at = AT;
				for (const [index, step] of ops.entries()) {
					at += 60_000;
					const today = studyDay(at, DAY_OPTIONS);
					if (index === 12) at += 3 * 86_400_000;
					await openSession(db, deck.id, today, SETTINGS, at);
					if (step.op === 'undo') await undoLastAction(db, deck.id).catch(() => false);
					else if (step.op === 'reset') await resetCards(db, step.which.map((i) => ids[i]!), { now: at, dayOptions: DAY_OPTIONS });
					else {
						const entry = currentEntry((await db.sessions.get(deck.id))!.session);
						if (!entry) continue;
						const card = await db.cards.get(entry.id);
						await answerCard(db, { cardId: entry.id, grade: step.grade, reviewedAt: at, durationMs: 1000, kind: entry.kind, expectedLastReview: card?.lastReview, scope: deck.id, dayOptions: DAY_OPTIONS });
					}
				}
				await expectFolded();
				await db.delete();
			}),
			{ numRuns: 20 }
		);
	});
});

describe('moveCards', () => {
	it('moves cards of one’s own after the target deck’s cards; their rows keep their deck; notes’ cards stay', async () => {
		const { deck, ids } = await setUp();
		const mine = await createDeck(db, 'Mine', AT);
		const other = await createDeck(db, 'Other', AT);
		const [x, y] = await addCards(db, mine.id, [{ kind: 'basic', front: 'x', back: '1' }, { kind: 'basic', front: 'y', back: '2' }], AT);
		await addCards(db, other.id, [{ kind: 'basic', front: 'z', back: '3' }], AT);
		await answerCard(db, { cardId: x!.id, grade: 4, reviewedAt: AT, durationMs: 1, kind: 'new', expectedLastReview: undefined, dayOptions: DAY_OPTIONS });

		const result = await moveCards(db, [x!.id, y!.id, ids[0]!], other.id, AT + 1);
		expect({ moved: changedIds(result), generated: result.generated }).toEqual({ moved: [x!.id, y!.id], generated: [ids[0]] });
		expect((await db.cards.bulkGet([x!.id, y!.id])).map((card) => [card?.deck, card?.order])).toEqual([
			[other.id, 1],
			[other.id, 2]
		]);
		expect((await cardHistory(db, x!.id))[0]?.deck).toBe(mine.id);
		expect((await db.cards.get(ids[0]!))?.deck).toBe(deck.id);
		await expectFolded();
	});

	it('refuses a deck made from a note, and an unknown deck; loadMoveTargets lists the others', async () => {
		const { deck } = await setUp();
		const mine = await createDeck(db, 'Mine', AT);
		await applyImport(db, { ...emptyBundle('markdown', 'notes.md'), decks: [deckFrom('---\ndeck: Notes\n---\n\nq::a\n', 'notes.md')] });
		expect((await loadMoveTargets(db)).map((target) => target.name)).toEqual(['Mine']);
		const [x] = await addCards(db, mine.id, [{ kind: 'basic', front: 'x', back: '1' }], AT);
		await expect(moveCards(db, [x!.id], deck.id)).rejects.toThrow(RangeError);
		await expect(moveCards(db, [x!.id], 'nope')).rejects.toThrow(RangeError);
		expect((await db.cards.get(x!.id))?.deck).toBe(mine.id);
	});
});

describe('deleteCards', () => {
	it('keeps the card record and every review row: the card is retired, marked deleted, out of sessions, the deck page and plain exports', async () => {
		const { deck, ids } = await setUp();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		const answered = await answerCurrent(db, deck.id, 4, AT);
		const deleted = await deleteCards(db, [answered.card, ids[3]!], AT + 1);
		expect(deleted.map((card) => card.id).sort()).toEqual([answered.card, ids[3]!].sort());
		expect(await db.cards.get(answered.card)).toMatchObject({ queue: Queue.retired, deletedAt: AT + 1, statusAt: AT + 1, lastReview: answered.id });
		expect(await db.reviews.get(answered.id)).toEqual(answered);
		expect(await sessionIds(deck.id)).not.toContain(ids[3]);
		const view = await loadDeckView(db, deck.id);
		expect(view?.cards.map((card) => card.id)).not.toContain(answered.card);
		expect(view?.cards).toHaveLength(2);
		const plain = await exportDeck(db, deck.id, { withProgress: false });
		expect(plain.decks[0]!.cards.map((card) => card.id)).not.toContain(answered.card);
		// With progress the card and its rows go along (as retired), so the history is never lost; no store field leaks.
		const full = await exportDeck(db, deck.id, { withProgress: true });
		expect(full.progress[answered.card]).toMatchObject({ retired: true });
		expect(full.reviews.map((row) => row.id)).toContain(answered.id);
		expect(Object.keys(full.decks[0]!.cards[0]!)).not.toContain('deletedAt');
		await expectFolded();
	});

	it('a note applied again does not bring a deleted card back', async () => {
		const { deck, ids } = await setUp();
		await deleteCards(db, [ids[0]!], AT);
		await applyDeck(db, { deck: deckFrom(NOTE + '\nfive::5\n'), hash: 'h2' }, 'built-in', AT + 1);
		expect(await db.cards.get(ids[0]!)).toMatchObject({ queue: Queue.retired, deletedAt: AT });
		expect((await loadDeckView(db, deck.id))?.cards).toHaveLength(4);
	});

	it('restoreCards takes a delete back: each card as it stood', async () => {
		const { ids } = await setUp();
		await suspendCards(db, [ids[1]!], AT);
		const deleted = await deleteCards(db, [ids[0]!, ids[1]!], AT + 1);
		expect(await restoreCards(db, deleted, AT + 2)).toEqual([ids[0], ids[1]]);
		const [a, b] = await db.cards.bulkGet([ids[0]!, ids[1]!]);
		expect(a?.queue).toBe(Queue.new);
		expect(a?.deletedAt).toBeUndefined();
		// Each status as it stood, stamped when it was brought back: a change later than the delete, which merges see.
		expect(a?.statusAt).toBe(AT + 2);
		expect(b).toMatchObject({ queue: Queue.suspended, statusAt: AT + 2 });
	});
});

describe('undoChange', () => {
	/** Two cards answered Easy, then both reset. */
	async function twoAnsweredThenReset() {
		const { deck } = await setUp();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		const first = await answerCurrent(db, deck.id, 5, AT);
		const second = await answerCurrent(db, deck.id, 5, AT + 1000);
		const reset = await resetCards(db, [first.card, second.card], { now: AT + 2000, dayOptions: DAY_OPTIONS });
		return { first, second, reset };
	}

	/** The card as the action found it: every field but the clocks, which move on (a change later than the action's). */
	const asBefore = (card: CardRecord | undefined) => card && { ...card, updatedAt: 0, statusAt: 0, contentAt: 0 };
	const beforeOf = (change: BulkChange, id: string) => asBefore(change.cards.find((card) => card.before.id === id)?.before);

	it('takes back a suspend: each card as it was (buried, scheduled, new), and today’s sessions take them in again', async () => {
		const { deck, ids } = await setUp();
		await openSession(db, deck.id, TODAY, SETTINGS, AT);
		const answered = (await answerCurrent(db, deck.id, 4, AT)).card;
		const buried = ids.find((id) => id !== answered)!;
		await buryCard(db, buried, TODAY + 1, undefined, AT + 1);
		const fresh = ids.find((id) => id !== answered && id !== buried)!;
		const suspended = await suspendCards(db, [answered, buried, fresh], AT + 2);
		expect(await sessionIds(deck.id)).not.toContain(fresh);

		expect(await undoChange(db, suspended, AT + 3)).toEqual({ restored: [answered, buried, fresh], changedSince: [] });
		for (const id of [answered, buried, fresh]) {
			const card = await db.cards.get(id);
			expect(asBefore(card)).toEqual(beforeOf(suspended, id));
			// Later than the suspend: a backup made between the two does not suspend them again.
			expect(card?.statusAt).toBe(AT + 3);
		}
		expect((await db.cards.get(buried))?.buriedUntil).toBe(TODAY + 1);
		expect((await db.sessions.get(deck.id))?.outdated).toBe(true);
		const reopened = await openSession(db, deck.id, TODAY, SETTINGS, AT + 4);
		expect(reopened.session.entries.map((entry) => entry.id)).toContain(fresh);
		expect(reopened.session.entries.map((entry) => entry.id)).not.toContain(buried);
		await expectFolded();
	});

	it('takes back an unsuspend: suspended and buried again exactly, and out of the sessions that took them in', async () => {
		const { deck, ids } = await setUp();
		await suspendCards(db, [ids[0]!], AT);
		await buryCard(db, ids[1]!, TODAY + 1, undefined, AT);
		await db.cards.update(ids[2]!, { queue: Queue.suspended, buriedUntil: TODAY + 2 });
		const unsuspended = await unsuspendCards(db, [ids[0]!, ids[1]!, ids[2]!], AT + 1, TODAY);
		await openSession(db, deck.id, TODAY, SETTINGS, AT + 2);
		expect(await sessionIds(deck.id)).toContain(ids[0]);

		expect((await undoChange(db, unsuspended, AT + 3)).restored).toEqual([ids[0], ids[1], ids[2]]);
		for (const id of ids.slice(0, 3)) expect(asBefore(await db.cards.get(id))).toEqual(beforeOf(unsuspended, id));
		expect(await db.cards.get(ids[2]!)).toMatchObject({ queue: Queue.suspended, buriedUntil: TODAY + 2 });
		expect(await sessionIds(deck.id)).not.toContain(ids[0]);
		expect(await sessionIds(deck.id)).not.toContain(ids[1]);
	});

	it('takes back a reset: its rows go, every row before it stays, and each card is its schedule before, the fold of its rows', async () => {
		const { deck, ids } = await setUp();
		const { first, second } = await answerTwoSuspendSecond(deck.id, [5, 1]);
		const log = await db.reviews.toArray();
		const reset = await resetCards(db, [first.card, second.card, ids[3]!], { now: AT + 120_000, dayOptions: DAY_OPTIONS });
		expect(reset.rows).toHaveLength(2);

		expect((await undoChange(db, reset, AT + 130_000)).restored).toEqual([first.card, second.card]);
		expect(await db.reviews.toArray()).toEqual(log);
		for (const id of [first.card, second.card]) expect({ ...(await db.cards.get(id)), updatedAt: 0 }).toEqual({ ...reset.cards.find((card) => card.before.id === id)!.before, updatedAt: 0 });
		expect(await db.cards.get(first.card)).toMatchObject({ queue: Queue.scheduled, lastReview: first.id, dueDay: first.after.dueDay });
		expect((await db.cards.get(second.card))?.queue).toBe(Queue.suspended);
		await expectFolded();
		// Back in today's session, as it stood before the reset.
		expect((await db.sessions.get(deck.id))?.outdated).toBe(true);
	});

	it('leaves a card answered since its reset as it is now, with its reset row, and says so', async () => {
		const { first, second, reset } = await twoAnsweredThenReset();
		// Answered again in another tab, a new card now.
		const [answeredAgain, other] = [first.card, second.card];
		await answerCard(db, { cardId: answeredAgain, grade: 4, reviewedAt: AT + 3000, durationMs: 1000, kind: 'new', expectedLastReview: reset.rows.find((row) => row.card === answeredAgain)!.id, dayOptions: DAY_OPTIONS });
		const now = await db.cards.get(answeredAgain);

		expect(await undoChange(db, reset, AT + 5000)).toEqual({ restored: [other], changedSince: [answeredAgain] });
		expect(await db.cards.get(answeredAgain)).toEqual(now);
		const resetRow = reset.rows.find((row) => row.card === answeredAgain)!;
		expect(await db.reviews.get(resetRow.id)).toEqual(resetRow);
		expect(await db.reviews.get(reset.rows.find((row) => row.card === other)!.id)).toBeUndefined();
		await expectFolded();
	});

	it('takes back a move: deck and place back, the content clock on; a card edited since, or whose deck was deleted since, stays', async () => {
		await setUp();
		const [mine, spare, other] = [await createDeck(db, 'Mine', AT), await createDeck(db, 'Spare', AT), await createDeck(db, 'Other', AT)];
		const [x, y] = await addCards(db, mine.id, [{ kind: 'basic', front: 'x', back: '1' }, { kind: 'basic', front: 'y', back: '2' }], AT);
		const [z] = await addCards(db, spare.id, [{ kind: 'basic', front: 'z', back: '3' }], AT);
		await addCards(db, other.id, [{ kind: 'basic', front: 'w', back: '4' }], AT);
		const moved = await moveCards(db, [x!.id, y!.id, z!.id], other.id, AT + 1);
		await editCard(db, y!.id, { front: 'y, edited', back: '2', tags: [] }, AT + 2);
		await deleteDeck(db, spare.id, AT + 3);

		const undone = await undoChange(db, moved, AT + 4);
		expect(undone.restored).toEqual([x!.id]);
		expect(undone.changedSince.sort()).toEqual([y!.id, z!.id].sort());
		const back = await db.cards.get(x!.id);
		expect(asBefore(back)).toEqual(asBefore(x));
		expect(back?.contentAt).toBe(AT + 4);
		expect(await db.cards.get(y!.id)).toMatchObject({ deck: other.id, front: 'y, edited' });
		expect((await db.cards.get(z!.id))?.deck).toBe(other.id);
	});

	it('is one transaction: storage that fails midway leaves every card and row as the action left them', async () => {
		const { first, second, reset } = await twoAnsweredThenReset();
		const [cards, rows] = [await db.cards.toArray(), await db.reviews.toArray()];
		// The reset rows are dropped before the cards are written: the cards' write fails.
		const put = vi.spyOn(db.cards, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
		await expect(undoChange(db, reset, AT + 3000)).rejects.toThrow('disk full');
		put.mockRestore();
		expect(await db.cards.toArray()).toEqual(cards);
		expect(await db.reviews.toArray()).toEqual(rows);

		// A suspend's undo fails as the sessions are marked, after the cards are written.
		const suspended = await suspendCards(db, [first.card], AT + 4000);
		const suspendedCards = await db.cards.toArray();
		const mark = vi.spyOn(db.sessions, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
		await expect(undoChange(db, suspended, AT + 5000)).rejects.toThrow('disk full');
		expect(mark).toHaveBeenCalled();
		mark.mockRestore();
		expect(await db.cards.toArray()).toEqual(suspendedCards);
		// And then it can be taken back.
		expect((await undoChange(db, suspended, AT + 6000)).restored).toEqual([first.card]);
	});
});
