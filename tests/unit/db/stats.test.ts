import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteCards } from '../../../src/lib/db/bulk';
import { applyDeck } from '../../../src/lib/db/decks';
import type { RecallDatabase, ReviewRecord } from '../../../src/lib/db/schema';
import { loadStats, type StatsData } from '../../../src/lib/db/stats';
import { tallyRows } from '../../../src/lib/db/day-tallies';
import { reviewCalendar, reviewCalendarOfDays } from '../../../src/lib/stats/calendar';
import { retention, retentionOfDays } from '../../../src/lib/stats/retention';
import type { QueueKind } from '../../../src/lib/srs/session';
import { ALL_DECKS, subtreeScope } from '../../../src/lib/srs/deck-tree';
import { sm2, type Grade } from '../../../src/lib/srs/sm2';
import { deckFrom, freshDatabase, stateRow } from './helpers';

/** 2026-11-25. */
const TODAY = 20_782;
const A = deckFrom('## A\n\none::1\n\ntwo::2\n\nthree::3\n', 'a.md');
const B = deckFrom('## B\n\nfour::4\n', 'b.md');

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

let nextId = 0;

/** An answer on `day` to a card whose interval before it was `interval` days. */
function answer(deck: typeof A, day: number, grade: Grade, options: { kind?: QueueKind; interval?: number; card?: number; id?: string } = {}): ReviewRecord {
	const before = { repetitions: 2, easiness: 2.5, interval: options.interval ?? 6, extraReview: false };
	const after = sm2(before, grade);
	return {
		id: options.id ?? `r${String(nextId++).padStart(6, '0')}`,
		card: deck.cards[options.card ?? 0]!.id,
		deck: deck.id,
		reviewedAt: day * 86_400_000 + 3 * 3_600_000,
		day,
		grade,
		durationMs: 3000,
		kind: options.kind ?? 'review',
		before: { state: before },
		after: { state: after, dueDay: day + after.interval }
	};
}

function set(deck: typeof A, day: number, id = `s${String(nextId++).padStart(6, '0')}`): ReviewRecord {
	const state = { repetitions: 3, easiness: 2.5, interval: 30, extraReview: false };
	return stateRow({ id, card: deck.cards[0]!.id, deck: deck.id, reviewedAt: day * 86_400_000 + 3_600_000, day, after: { state, dueDay: day + 30 } });
}

/** Adds rows as the app's writers do: with their day tallies, in one transaction. */
async function addRows(rows: ReviewRecord[]): Promise<void> {
	await db.transaction('rw', db.reviews, db.days, async () => {
		await db.reviews.bulkAdd(rows);
		await tallyRows(db, rows);
	});
}

async function setUp(): Promise<void> {
	db = freshDatabase();
	await applyDeck(db, { deck: A, hash: 'a' }, 'built-in');
	await applyDeck(db, { deck: B, hash: 'b' }, 'built-in');
}

/** The log of the tests: deck A studied today and on five days before, deck B on two. */
function knownLog(): ReviewRecord[] {
	return [
		// Today: A 3 answers (a new card, a young review passed, a mature review failed), a state row; B one answer.
		answer(A, TODAY, 4, { kind: 'new', card: 1 }),
		answer(A, TODAY, 4, { interval: 6 }),
		answer(A, TODAY, 1, { interval: 40, card: 2 }),
		set(A, TODAY),
		answer(B, TODAY, 5),
		// Yesterday and the day before: A.
		answer(A, TODAY - 1, 3, { interval: 1 }),
		answer(A, TODAY - 2, 5, { interval: 21 }),
		answer(A, TODAY - 2, 2, { interval: 3, card: 1 }),
		// Three days ago: only a state row (an import): no studying.
		set(A, TODAY - 3),
		// 40 days ago: A, a mature review passed; B a learning answer.
		answer(A, TODAY - 40, 4, { interval: 25 }),
		answer(B, TODAY - 40, 3, { kind: 'learning' }),
		// 400 and 401 days ago (before the year): A studied; 402 only a state row.
		answer(A, TODAY - 400, 4),
		answer(A, TODAY - 401, 4),
		set(A, TODAY - 402),
		// Tomorrow (a wrong clock): ignored.
		answer(A, TODAY + 1, 4)
	];
}

const tally = (day: number, answers: number, young: [number, number] = [0, 0], mature: [number, number] = [0, 0]) => ({
	day,
	answers,
	youngPassed: young[0],
	youngAnswers: young[1],
	maturePassed: mature[0],
	matureAnswers: mature[1]
});

/** The calendar and retention the page gets from the data, and from every row of the scope (ALL_DECKS, or its decks). */
async function figures(data: StatsData, scope: string | readonly string[]) {
	const days = [...data.earlierStudyDays.map((day) => ({ day, answers: 1 })), ...data.days];
	const decks = typeof scope === 'string' ? [scope] : scope;
	const rows = (await db.reviews.toArray()).filter((row) => scope === ALL_DECKS || decks.includes(row.deck));
	return {
		fromData: { calendar: reviewCalendarOfDays(days, TODAY), retention: retentionOfDays(data.days, TODAY) },
		fromRows: { calendar: reviewCalendar(rows, TODAY), retention: retention(rows, TODAY) }
	};
}

describe('loadStats', () => {
	it('reads a deck’s cards, today’s rows, a tally per day of the year and the study days before it', async () => {
		await setUp();
		await addRows(knownLog());
		const data = await loadStats(db, A.id, TODAY);
		expect(data.cards.map((card) => card.id).sort()).toEqual(A.cards.map((card) => card.id).sort());
		expect(data.todayRows).toHaveLength(4);
		expect(data.days).toEqual([
			tally(TODAY - 40, 1, [0, 0], [1, 1]),
			// Three days ago had only a state row: not a day with answers.
			tally(TODAY - 2, 2, [0, 1], [1, 1]),
			tally(TODAY - 1, 1, [1, 1]),
			tally(TODAY, 3, [1, 1], [0, 1])
		]);
		expect(data.earlierStudyDays).toEqual([TODAY - 401, TODAY - 400]);
		const { fromData, fromRows } = await figures(data, A.id);
		expect(fromData).toEqual(fromRows);
		// Today, yesterday and the day before (three days ago has only a state row); 400 and 401 days ago make two.
		expect(fromData.calendar).toMatchObject({ studyDays: 4, answers: 7, currentStreak: 3, longestStreak: 3 });
	});

	it('every deck together', async () => {
		await setUp();
		await addRows(knownLog());
		const data = await loadStats(db, ALL_DECKS, TODAY);
		expect(data.cards).toHaveLength(A.cards.length + B.cards.length);
		expect(data.todayRows).toHaveLength(5);
		expect(data.days.find((day) => day.day === TODAY - 40)).toEqual(tally(TODAY - 40, 2, [0, 0], [1, 1]));
		expect(data.days.at(-1)).toEqual(tally(TODAY, 4, [2, 2], [0, 1]));
		const { fromData, fromRows } = await figures(data, ALL_DECKS);
		expect(fromData).toEqual(fromRows);
		expect((await loadStats(db, B.id, TODAY)).days).toEqual([tally(TODAY - 40, 1), tally(TODAY, 1, [1, 1])]);
	});

	it('a deck with its sub-decks, by their names, whether the parent has a deck of its own or not', async () => {
		await setUp();
		const other = deckFrom('## C\n\nfive::5\n\nsix::6\n', 'c.md');
		await applyDeck(db, { deck: other, hash: 'c' }, 'built-in');
		// A is "Lang"; B, a level below it, is "Lang :: Sub::Deep" (spaces as Anki allows them); C is not in the tree.
		await db.decks.update(A.id, { name: 'Lang' });
		await db.decks.update(B.id, { name: 'Lang :: Sub::Deep' });
		await db.decks.update(other.id, { name: 'Language' });
		// C studied today, and on a day 400 days ago that A studied too (a study day counted once), and 300 days ago.
		await addRows([...knownLog(), answer(other, TODAY, 1), answer(other, TODAY - 400, 4), answer(other, TODAY - 300, 4)]);

		const tree = await loadStats(db, subtreeScope(['Lang']), TODAY, { windowDays: 40 });
		expect(tree.cards.map((card) => card.id).sort()).toEqual([...A.cards, ...B.cards].map((card) => card.id).sort());
		expect(tree.todayRows).toHaveLength(5);
		expect(tree.days.at(-1)).toEqual(tally(TODAY, 4, [2, 2], [0, 1]));
		expect(tree.earlierStudyDays).toEqual([TODAY - 401, TODAY - 400, TODAY - 40]);
		const { fromData, fromRows } = await figures(await loadStats(db, subtreeScope(['Lang']), TODAY), [A.id, B.id]);
		expect(fromData).toEqual(fromRows);

		// "Lang::Sub" has no deck of its own: its tree is B alone.
		const sub = await loadStats(db, subtreeScope(['Lang', 'Sub']), TODAY);
		expect(sub.cards.map((card) => card.id)).toEqual(B.cards.map((card) => card.id));
		expect(sub.days).toEqual([tally(TODAY - 40, 1), tally(TODAY, 1, [1, 1])]);
		// A path with no deck under it counts nothing.
		expect(await loadStats(db, subtreeScope(['Lan']), TODAY)).toEqual({ cards: [], todayRows: [], days: [], earlierStudyDays: [] });
	});

	it('leaves out the cards the learner deleted; their answers still count', async () => {
		await setUp();
		await addRows(knownLog());
		await deleteCards(db, [A.cards[0]!.id], 1);
		const data = await loadStats(db, A.id, TODAY);
		expect(data.cards.map((card) => card.id).sort()).toEqual(A.cards.slice(1).map((card) => card.id).sort());
		expect(data.days.at(-1)).toEqual(tally(TODAY, 3, [1, 1], [0, 1]));
	});

	it('an empty store', async () => {
		db = freshDatabase();
		expect(await loadStats(db, ALL_DECKS, TODAY)).toEqual({
			cards: [],
			todayRows: [],
			days: [],
			earlierStudyDays: []
		});
	});

	it('today’s answers, and history imported into past days, show at once', async () => {
		await setUp();
		await addRows(knownLog());
		await addRows([answer(A, TODAY, 5, { interval: 30 }), answer(B, TODAY, 4), answer(A, TODAY - 40, 0, { interval: 2 })]);
		const data = await loadStats(db, A.id, TODAY);
		expect(data.days.at(-1)).toEqual(tally(TODAY, 4, [1, 1], [1, 2]));
		expect(data.days[0]).toEqual(tally(TODAY - 40, 2, [0, 1], [1, 1]));
		const { fromData, fromRows } = await figures(data, A.id);
		expect(fromData).toEqual(fromRows);
	});

	it('a shorter window: the days before it with answers are study days, for every deck and for one', async () => {
		await setUp();
		await addRows(knownLog());
		const deck = await loadStats(db, A.id, TODAY, { windowDays: 40 });
		expect(deck.earlierStudyDays).toEqual([TODAY - 401, TODAY - 400, TODAY - 40]);
		expect(deck.days.map((day) => day.day)).toEqual([TODAY - 2, TODAY - 1, TODAY]);
		const all = await loadStats(db, ALL_DECKS, TODAY, { windowDays: 40 });
		expect(all.earlierStudyDays).toEqual([TODAY - 401, TODAY - 400, TODAY - 40]);
		expect((await loadStats(db, B.id, TODAY, { windowDays: 40 })).earlierStudyDays).toEqual([TODAY - 40]);
	});

	it('a day whose first row is a state row is still a study day when it has an answer', async () => {
		await setUp();
		// Rows of a day come in id order: the state row first.
		await addRows([set(A, TODAY - 500, 'a-state'), answer(A, TODAY - 500, 4, { id: 'b-answer' }), set(A, TODAY - 501, 'a-only')]);
		expect((await loadStats(db, A.id, TODAY)).earlierStudyDays).toEqual([TODAY - 500]);
	});
});
