import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDeck } from '../../../src/lib/db/decks';
import type { RecallDatabase, ReviewRecord } from '../../../src/lib/db/schema';
import { loadStats, statsCacheKey, type StatsData } from '../../../src/lib/db/stats';
import { reviewCalendar, reviewCalendarOfDays } from '../../../src/lib/stats/calendar';
import { retention, retentionOfDays } from '../../../src/lib/stats/retention';
import type { QueueKind } from '../../../src/lib/srs/session';
import { ALL_DECKS } from '../../../src/lib/srs/session';
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

/** The calendar and retention the page gets from the data, and from every row of the scope. */
async function figures(data: StatsData, scope: string) {
	const days = [...data.earlierStudyDays.map((day) => ({ day, answers: 1 })), ...data.days];
	const rows = (await db.reviews.toArray()).filter((row) => scope === ALL_DECKS || row.deck === scope);
	return {
		fromData: { calendar: reviewCalendarOfDays(days, TODAY), retention: retentionOfDays(data.days, TODAY) },
		fromRows: { calendar: reviewCalendar(rows, TODAY), retention: retention(rows, TODAY) }
	};
}

describe('loadStats', () => {
	it('reads a deck’s cards, today’s rows, a tally per day of the year and the study days before it', async () => {
		await setUp();
		await db.reviews.bulkAdd(knownLog());
		const data = await loadStats(db, A.id, TODAY);
		expect(data.cards.map((card) => card.id).sort()).toEqual(A.cards.map((card) => card.id).sort());
		expect(data.todayRows).toHaveLength(4);
		expect(data.days).toEqual([
			tally(TODAY - 40, 1, [0, 0], [1, 1]),
			tally(TODAY - 3, 0),
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
		await db.reviews.bulkAdd(knownLog());
		const data = await loadStats(db, ALL_DECKS, TODAY);
		expect(data.cards).toHaveLength(A.cards.length + B.cards.length);
		expect(data.todayRows).toHaveLength(5);
		expect(data.days.find((day) => day.day === TODAY - 40)).toEqual(tally(TODAY - 40, 2, [0, 0], [1, 1]));
		expect(data.days.at(-1)).toEqual(tally(TODAY, 4, [2, 2], [0, 1]));
		const { fromData, fromRows } = await figures(data, ALL_DECKS);
		expect(fromData).toEqual(fromRows);
		expect((await loadStats(db, B.id, TODAY)).days).toEqual([tally(TODAY - 40, 1), tally(TODAY, 1, [1, 1])]);
	});

	it('an empty store', async () => {
		db = freshDatabase();
		expect(await loadStats(db, ALL_DECKS, TODAY)).toEqual({
			cards: [],
			todayRows: [],
			days: [],
			earlierStudyDays: [],
			read: { cachedDays: 0, countedDays: 364 + 1, daysRead: 0, rowsRead: 0 }
		});
	});

	it('keeps the tallies of closed days; reads no closed day again while the log has only grown today', async () => {
		await setUp();
		await db.reviews.bulkAdd(knownLog());
		const first = await loadStats(db, A.id, TODAY);
		// Each closed day of the year counted, and everything before it; the four closed days with rows read, and the three days before the year.
		expect(first.read).toEqual({ cachedDays: 0, countedDays: 364 + 1, daysRead: 4 + 3, rowsRead: 5 });
		expect((await db.settings.get(statsCacheKey(A.id)))?.value).toMatchObject({ version: 1, today: TODAY, from: TODAY - 364 });

		// The same day again: nothing but today's rows and two counts is read.
		const again = await loadStats(db, A.id, TODAY);
		expect(again.read).toEqual({ cachedDays: 4, countedDays: 0, daysRead: 0, rowsRead: 0 });
		expect(again).toEqual({ ...first, read: again.read });

		// Today's answers, in any deck, show at once, and still nothing closed is counted.
		await db.reviews.bulkAdd([answer(A, TODAY, 5, { interval: 30 }), answer(B, TODAY, 4)]);
		const later = await loadStats(db, A.id, TODAY);
		expect(later.days.at(-1)).toEqual(tally(TODAY, 4, [1, 1], [1, 2]));
		expect(later.read).toEqual({ cachedDays: 4, countedDays: 0, daysRead: 0, rowsRead: 0 });
	});

	it('after an import into past days, counts each day and reads only the days that changed', async () => {
		await setUp();
		await db.reviews.bulkAdd(knownLog());
		await loadStats(db, A.id, TODAY);
		await db.reviews.add(answer(A, TODAY - 40, 0, { interval: 2 }));
		const added = await loadStats(db, A.id, TODAY);
		expect(added.read).toEqual({ cachedDays: 3, countedDays: 364 + 1, daysRead: 1, rowsRead: 2 });
		expect(added.days.find((day) => day.day === TODAY - 40)).toEqual(tally(TODAY - 40, 2, [0, 1], [1, 1]));

		// Another deck's history: counted, nothing of this deck read.
		await db.reviews.add(answer(B, TODAY - 7, 4));
		expect((await loadStats(db, A.id, TODAY)).read).toEqual({ cachedDays: 4, countedDays: 364 + 1, daysRead: 0, rowsRead: 0 });

		// A row of a past day gone (nothing in the app does that): that day is read again.
		await db.reviews.delete((await db.reviews.where('[deck+day]').equals([A.id, TODAY - 2]).first())!.id);
		const deleted = await loadStats(db, A.id, TODAY);
		expect(deleted.read).toMatchObject({ cachedDays: 3, daysRead: 1, rowsRead: 1 });
		expect(deleted.days.find((day) => day.day === TODAY - 2)?.answers).toBe(1);
		const { fromData, fromRows } = await figures(deleted, A.id);
		expect(fromData).toEqual(fromRows);
	});

	it('on the next day reads only the day that closed; the days leaving the year keep their study days', async () => {
		await setUp();
		await db.reviews.bulkAdd(knownLog());
		await loadStats(db, A.id, TODAY - 1, { windowDays: 40 });
		// A day later the window has moved: TODAY - 40 has left it, and TODAY - 1 is closed now.
		const next = await loadStats(db, A.id, TODAY, { windowDays: 40 });
		expect(next.read).toEqual({ cachedDays: 2, countedDays: 1, daysRead: 1, rowsRead: 1 });
		expect(next.earlierStudyDays).toEqual([TODAY - 401, TODAY - 400, TODAY - 40]);
		expect(next.days.map((day) => day.day)).toEqual([TODAY - 3, TODAY - 2, TODAY - 1, TODAY]);

		// A row added before the window: the study days before it are found again.
		await db.reviews.add(answer(A, TODAY - 402, 4, { id: 'z-late-import' }));
		const rebuilt = await loadStats(db, A.id, TODAY, { windowDays: 40 });
		expect(rebuilt.read.daysRead).toBe(4);
		expect(rebuilt.earlierStudyDays).toEqual([TODAY - 402, TODAY - 401, TODAY - 400, TODAY - 40]);
	});

	it('a day whose first row is a state row is still a study day when it has an answer', async () => {
		await setUp();
		// Rows of a day come in id order: the state row first.
		await db.reviews.bulkAdd([set(A, TODAY - 500, 'a-state'), answer(A, TODAY - 500, 4, { id: 'b-answer' }), set(A, TODAY - 501, 'a-only')]);
		expect((await loadStats(db, A.id, TODAY)).earlierStudyDays).toEqual([TODAY - 500]);
	});

	it('ignores a cache it cannot read, and a cache of another window', async () => {
		await setUp();
		await db.reviews.bulkAdd(knownLog());
		const fresh = await loadStats(db, ALL_DECKS, TODAY);
		await db.settings.put({ key: statsCacheKey(ALL_DECKS), value: { version: 1, today: TODAY, from: TODAY - 364, days: [[TODAY - 1, 'x']], earlier: { rows: 0, studyDays: [] } } });
		expect(await loadStats(db, ALL_DECKS, TODAY)).toEqual(fresh);
		// Made on a later day (a clock set back since): the counts still decide what is read.
		await loadStats(db, ALL_DECKS, TODAY + 5);
		const back = await loadStats(db, ALL_DECKS, TODAY);
		expect(back).toEqual({ ...fresh, read: back.read });
	});
});
