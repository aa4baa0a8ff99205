// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { undoLastAction } from '../../../src/lib/db/answers';
import { resetCards } from '../../../src/lib/db/bulk';
import { exportBackup } from '../../../src/lib/db/exports';
import { applyImport } from '../../../src/lib/db/imports';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { studyDay } from '../../../src/lib/srs/day';
import { tallyDeckDays } from '../../../src/lib/stats/tally';
import { answerCurrent, DAY_OPTIONS, freshDatabase, seoulNoon, SETTINGS, storedDeck, studyDays } from './helpers';

const NOTE = '## Q\n\none::1\n\ntwo::2\n\nthree::3\n';

const opened: RecallDatabase[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

const byKey = (a: { deck: string; day: number }, b: { deck: string; day: number }) => (a.deck === b.deck ? a.day - b.day : a.deck < b.deck ? -1 : 1);
const stored = async (db: RecallDatabase) => (await db.days.toArray()).sort(byKey);
const fromLog = async (db: RecallDatabase) => tallyDeckDays(await db.reviews.toArray()).sort(byKey);

describe('day tallies kept with the log', () => {
	it('an answer adds to its day, an undo takes it back out; a day left with no answers has no tally', async () => {
		const { db, deck } = await storedDeck(NOTE);
		opened.push(db);
		const at = seoulNoon('2026-11-25');
		const day = studyDay(at, DAY_OPTIONS);
		await openSession(db, deck.id, studyDay(at, DAY_OPTIONS), SETTINGS, at);
		await answerCurrent(db, deck.id, 4, at);
		await answerCurrent(db, deck.id, 1, at + 1000);
		expect(await stored(db)).toEqual([{ deck: deck.id, day, answers: 2, youngPassed: 0, youngAnswers: 0, maturePassed: 0, matureAnswers: 0 }]);
		expect(await stored(db)).toEqual(await fromLog(db));

		expect(await undoLastAction(db, deck.id)).toBe('answer');
		expect((await stored(db))[0]?.answers).toBe(1);
		expect(await undoLastAction(db, deck.id)).toBe('answer');
		expect(await db.days.count()).toBe(0);
	});

	it('reviews on later days count as young or mature, passed or not, as the statistics read them', async () => {
		const { db, deck } = await storedDeck(NOTE);
		opened.push(db);
		await studyDays(db, deck.id, { from: seoulNoon('2026-11-01'), days: 8, gapDays: 5, perDay: 3, grade: (n) => (n % 3 === 2 ? 2 : 5) });
		expect((await db.reviews.toArray()).filter((row) => row.kind === 'review').length).toBeGreaterThan(3);
		expect(await stored(db)).toEqual(await fromLog(db));
	});

	it('an import adds the history it brings once; a second import and a reset change no tally', async () => {
		const source = await storedDeck(NOTE);
		opened.push(source.db);
		const at = seoulNoon('2026-11-20');
		await openSession(source.db, source.deck.id, studyDay(at, DAY_OPTIONS), SETTINGS, at);
		await answerCurrent(source.db, source.deck.id, 5, at);
		await answerCurrent(source.db, source.deck.id, 3, at + 1000);
		const backup = await exportBackup(source.db, at + 2000);

		const db = freshDatabase();
		opened.push(db);
		await applyImport(db, backup, at + 3000);
		expect(await stored(db)).toEqual(await stored(source.db));
		await applyImport(db, backup, at + 4000);
		expect(await stored(db)).toEqual(await stored(source.db));

		await resetCards(db, [source.deck.cards[0]!.id], { now: at + 5000, dayOptions: DAY_OPTIONS });
		expect(await db.reviews.count()).toBe(3);
		expect(await stored(db)).toEqual(await fromLog(db));
		expect((await stored(db))[0]?.answers).toBe(2);
	});
});
