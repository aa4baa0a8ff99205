import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { deleteCards, suspendCards } from '../../../src/lib/db/bulk';
import { applyDeck } from '../../../src/lib/db/decks';
import { buryCard } from '../../../src/lib/db/cards';
import { addCards, createDeck } from '../../../src/lib/db/own-cards';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { loadStudiedToday } from '../../../src/lib/db/queue';
import { openSession } from '../../../src/lib/db/sessions';
import { loadDaySummary, REVIEWS_LEFT_LOOKED_AT, NEW_CARDS_LEFT_COUNTED } from '../../../src/lib/db/summary';
import { studyDay } from '../../../src/lib/srs/day';
import { currentEntry } from '../../../src/lib/srs/session';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import type { Grade } from '../../../src/lib/srs/sm2';
import { DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon, SETTINGS, stateRow } from './helpers';

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

async function answerCurrent(scope: string, grade: Grade, at: number, durationMs: number) {
	const entry = currentEntry((await db.sessions.get(scope))!.session)!;
	const card = await db.cards.get(entry.id);
	await answerCard(db, { cardId: entry.id, grade, reviewedAt: at, durationMs, kind: entry.kind, expectedLastReview: card?.lastReview, scope, dayOptions: DAY_OPTIONS });
}

describe('loadDaySummary', () => {
	it('counts today’s cards, answers, time and grades in the scope, and the cards due tomorrow', async () => {
		db = freshDatabase();
		const a = deckFrom('## A\n\none::1\n\ntwo::2\n\nthree::3\n', 'a.md');
		const b = deckFrom('## B\n\nfour::4\n', 'b.md');
		await applyDeck(db, { deck: a, hash: 'a' }, 'built-in');
		await applyDeck(db, { deck: b, hash: 'b' }, 'built-in');
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);

		expect(await loadDaySummary(db, a.id, today)).toEqual({ cards: 0, answers: 0, timeMs: 0, grades: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, dueTomorrow: 0, hasCards: true, newLeft: true, newCardsLeft: 3, newStudied: 0, siblingsWaiting: false, reviewSiblingsWaiting: false, reviewsLeft: 0 });

		await openSession(db, a.id, today, SETTINGS, at);
		await answerCurrent(a.id, 1, at + 1000, 4000); // one: again, back in the session
		await answerCurrent(a.id, 4, at + 2000, 3000); // two: due tomorrow
		await answerCurrent(a.id, 5, at + 3000, 2000); // three: due tomorrow
		await answerCurrent(a.id, 4, at + 4000, 1500); // one again: due tomorrow
		await openSession(db, b.id, today, SETTINGS, at);
		await answerCurrent(b.id, 3, at + 5000, 500); // four: graded 3, repeats today
		// Left on screen over lunch: counts 60 s, as on the statistics page.
		await answerCurrent(b.id, 4, at + 3_605_000, 3_600_000);

		expect(await loadDaySummary(db, a.id, today)).toEqual({
			cards: 3,
			answers: 4,
			timeMs: 10_500,
			grades: { 0: 0, 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 },
			dueTomorrow: 3,
			hasCards: true,
			newLeft: false,
			newCardsLeft: 0,
			newStudied: 3,
			siblingsWaiting: false,
			reviewSiblingsWaiting: false,
			reviewsLeft: 0
		});
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ cards: 4, answers: 6, timeMs: 71_000, dueTomorrow: 4, newStudied: 4 });
		expect(await loadDaySummary(db, b.id, today)).toMatchObject({ cards: 1, answers: 2, timeMs: 60_500, grades: { 3: 1, 4: 1 }, dueTomorrow: 1 });
		// A state row (imported scheduling, a reset) is no answer: the summary and the daily limits leave it out.
		const set = { state: { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false }, dueDay: today + 6 };
		await db.reviews.add(stateRow({ id: 'set-1', card: b.cards[0]!.id, deck: b.id, reviewedAt: at + 6000, day: today, after: set }));
		expect(await loadDaySummary(db, b.id, today)).toMatchObject({ cards: 1, answers: 2, grades: { 3: 1, 4: 1 } });
		expect(await loadStudiedToday(db, b.id, today)).toEqual({ newCards: 1, reviews: 0 });
		// Tomorrow nothing has been studied yet, and nothing is due the day after.
		expect(await loadDaySummary(db, a.id, today + 1)).toMatchObject({ cards: 0, answers: 0, dueTomorrow: 0 });
	});

	it('says whether the scope has cards at all: a deck made a moment ago has none, a suspended card is one, a deleted one is not', async () => {
		db = freshDatabase();
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const own = await createDeck(db, 'Mine', at);
		expect(await loadDaySummary(db, own.id, today)).toMatchObject({ hasCards: false, dueTomorrow: 0 });
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ hasCards: false });

		const [first, second] = await addCards(db, own.id, [{ kind: 'basic', front: 'a', back: '1' }, { kind: 'basic', front: 'b', back: '2' }], at);
		await suspendCards(db, [first!.id], at);
		await deleteCards(db, [second!.id], at);
		expect(await loadDaySummary(db, own.id, today)).toMatchObject({ hasCards: true });
		await deleteCards(db, [first!.id], at);
		expect(await loadDaySummary(db, own.id, today)).toMatchObject({ hasCards: false });

		const other = deckFrom('## B\n\nfour::4\n', 'b.md');
		await applyDeck(db, { deck: other, hash: 'b' }, 'built-in');
		expect(await loadDaySummary(db, own.id, today)).toMatchObject({ hasCards: false });
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ hasCards: true });
	});

	it('says whether a new card is left that could be studied today: not buried, suspended or in a retired deck', async () => {
		db = freshDatabase();
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const a = deckFrom('## A\n\none::1\n\ntwo::2\n\nthree::3\n', 'a.md');
		await applyDeck(db, { deck: a, hash: 'a' }, 'built-in');
		const [, two, three] = a.cards.map((card) => card.id) as [string, string, string];
		await openSession(db, a.id, today, { ...SETTINGS, newPerDay: 1 }, at);
		await answerCurrent(a.id, 4, at + 1000, 1000);
		expect(await loadDaySummary(db, a.id, today)).toMatchObject({ newLeft: true, newCardsLeft: 2 });
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ newLeft: true, newCardsLeft: 2 });
		await buryCard(db, two, today + 1);
		expect(await loadDaySummary(db, a.id, today)).toMatchObject({ newLeft: true, newCardsLeft: 1 });
		await suspendCards(db, [three], at);
		expect(await loadDaySummary(db, a.id, today)).toMatchObject({ newLeft: false, newCardsLeft: 0 });
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ newLeft: false });
		// Buried until today is not buried any more.
		expect(await loadDaySummary(db, a.id, today + 1)).toMatchObject({ newLeft: true });

		// The new cards of a retired deck are studied nowhere.
		const b = deckFrom('## B\n\nfour::4\n', 'b.md');
		await applyDeck(db, { deck: b, hash: 'b' }, 'built-in');
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ newLeft: true, newCardsLeft: 1 });
		await db.decks.update(b.id, { retired: true });
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ newLeft: false });
	});

	it('counts the new cards left up to as many as one Study more brings, across the decks of the scope', async () => {
		db = freshDatabase();
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}::${i}`).join('\n\n');
		const a = deckFrom(`## A\n\n${lines('a', 7)}\n`, 'a.md');
		const b = deckFrom(`## B\n\n${lines('b', 6)}\n`, 'b.md');
		await applyDeck(db, { deck: a, hash: 'a' }, 'built-in');
		await applyDeck(db, { deck: b, hash: 'b' }, 'built-in');
		expect(NEW_CARDS_LEFT_COUNTED).toBe(10);
		expect(await loadDaySummary(db, a.id, today)).toMatchObject({ newLeft: true, newCardsLeft: 7 });
		expect(await loadDaySummary(db, b.id, today)).toMatchObject({ newLeft: true, newCardsLeft: 6 });
		// 13 in all: counted up to 10.
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ newLeft: true, newCardsLeft: 10 });
		// Buried cards are passed over, and the count goes on past them.
		for (const card of a.cards.slice(0, 5)) await buryCard(db, card.id, today + 1);
		expect(await loadDaySummary(db, a.id, today)).toMatchObject({ newCardsLeft: 2 });
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ newCardsLeft: 8 });
	});

	it('counts the due reviews the session did not take: not buried, suspended or in a retired deck', async () => {
		db = freshDatabase();
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const a = deckFrom(`## A\n\n${Array.from({ length: 6 }, (_, i) => `a${i}::${i}`).join('\n\n')}\n`, 'a.md');
		const b = deckFrom('## B\n\nfour::4\n', 'b.md');
		await applyDeck(db, { deck: a, hash: 'a' }, 'built-in');
		await applyDeck(db, { deck: b, hash: 'b' }, 'built-in');
		await db.cards.toCollection().modify({ queue: Queue.scheduled, dueDay: today - 1, state: { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false } });
		expect(await loadDaySummary(db, a.id, today)).toMatchObject({ reviewsLeft: 6 });
		await openSession(db, a.id, today, { ...SETTINGS, reviewsPerDay: 2 }, at);
		await answerCurrent(a.id, 4, at + 1000, 1000);
		await answerCurrent(a.id, 4, at + 2000, 1000);
		expect(await loadDaySummary(db, a.id, today)).toMatchObject({ reviewsLeft: 4 });
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ reviewsLeft: 5 });
		const [, , third, fourth] = a.cards.map((card) => card.id);
		await buryCard(db, third!, today + 1);
		await suspendCards(db, [fourth!], at);
		expect(await loadDaySummary(db, a.id, today)).toMatchObject({ reviewsLeft: 2 });
		// Buried until today is not buried any more; a retired deck's cards are studied nowhere.
		expect(await loadDaySummary(db, a.id, today + 1)).toMatchObject({ reviewsLeft: 3 });
		await db.decks.update(b.id, { retired: true });
		expect(await loadDaySummary(db, ALL_DECKS, today)).toMatchObject({ reviewsLeft: 2 });
	});

	it('reads a deck’s most overdue cards only, counting those past them as due', async () => {
		db = freshDatabase();
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		const count = REVIEWS_LEFT_LOOKED_AT + 50;
		const a = deckFrom(`## A\n\n${Array.from({ length: count }, (_, i) => `a${i}::${i}`).join('\n\n')}\n`, 'a.md');
		await applyDeck(db, { deck: a, hash: 'a' }, 'built-in');
		// The i-th card due i + 1 days ago: the first are the least overdue.
		await db.transaction('rw', db.cards, async () => {
			for (const [index, card] of a.cards.entries()) {
				await db.cards.update(card.id, { queue: Queue.scheduled, dueDay: today - 1 - index, state: { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false } });
			}
		});
		// Two buried among the most overdue, read and left out; two among the least, not read and counted.
		for (const index of [count - 1, count - 2, 0, 1]) await buryCard(db, a.cards[index]!.id, today + 1);
		expect(await loadDaySummary(db, a.id, today)).toMatchObject({ reviewsLeft: count - 2 });
	});
});
