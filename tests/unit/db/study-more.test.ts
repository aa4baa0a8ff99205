// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buryCard } from '../../../src/lib/db/cards';
import { applyDeck } from '../../../src/lib/db/decks';
import { saveDeckOptions } from '../../../src/lib/db/own-cards';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { saveSettings } from '../../../src/lib/db/settings';
import { markSessionsOutdated, openSession, studyMore } from '../../../src/lib/db/sessions';
import { studyDay } from '../../../src/lib/srs/day';
import type { Session } from '../../../src/lib/srs/session';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { answerCurrent, databasesDeletedAfterEach, DAY_OPTIONS, deckFrom, seoulNoon, SETTINGS } from './helpers';

const questions = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}::answer ${i}`).join('\n\n');
const A = deckFrom(`---\ndeck: Alpha\n---\n\n${questions('a', 20)}`, 'alpha.md');
const B = deckFrom(`---\ndeck: Beta\n---\n\n${questions('b', 20)}`, 'beta.md');
const AT = seoulNoon('2026-11-25');
const TODAY = studyDay(AT, DAY_OPTIONS);
const LIMITS = { ...SETTINGS, newPerDay: 3 };
const database = databasesDeletedAfterEach();

async function device(): Promise<RecallDatabase> {
	const db = database();
	await applyDeck(db, { deck: A, hash: 'a' }, 'built-in', AT - 1000);
	await applyDeck(db, { deck: B, hash: 'b' }, 'built-in', AT - 1000);
	// Stored too: a bury's refill reads the limits from the store.
	await saveSettings(db, LIMITS);
	return db;
}

const newIds = (session: Session) => session.entries.filter((entry) => entry.kind === 'new').map((entry) => entry.id);
const ids = (deck: typeof A, from: number, to: number) => deck.cards.slice(from, to).map((card) => card.id);

/** Answers every card of the scope's session Easy (new cards graded Easy are done for the day). */
async function finish(db: RecallDatabase, scope: string, at: number): Promise<void> {
	for (let left = (await openSession(db, scope, TODAY, LIMITS, at)).session.entries.length, i = 0; left > 0; left--, i++) {
		await answerCurrent(db, scope, 5, at + i * 1000);
	}
}

describe('studyMore', () => {
	it('takes more new cards than the day’s limit, in order after those studied, for that session and day only', async () => {
		const db = await device();
		await finish(db, A.id, AT);
		expect((await openSession(db, A.id, TODAY, LIMITS, AT + 60_000)).session.entries).toEqual([]);

		const { record, added } = await studyMore(db, A.id, TODAY, 5, LIMITS, AT + 70_000);
		expect(added).toBe(5);
		expect(record.extraNew).toBe(5);
		expect(newIds(record.session)).toEqual(ids(A, 3, 8));
		// Kept when the session is opened again, and when a card leaves it (the next takes its place).
		expect(newIds((await openSession(db, A.id, TODAY, LIMITS, AT + 80_000)).session)).toEqual(ids(A, 3, 8));
		await buryCard(db, A.cards[3]!.id, TODAY + 1, A.id, AT + 90_000);
		expect(newIds((await openSession(db, A.id, TODAY, LIMITS, AT + 100_000)).session)).toEqual(ids(A, 4, 9));
		// Made again after a change of the limits, still with the extra cards.
		await markSessionsOutdated(db);
		expect(newIds((await openSession(db, A.id, TODAY, LIMITS, AT + 110_000)).session)).toEqual(ids(A, 4, 9));

		// Other sessions keep to the limits; the next day starts with the limits alone.
		expect(newIds((await openSession(db, B.id, TODAY, LIMITS, AT + 120_000)).session)).toEqual(ids(B, 0, 3));
		const tomorrow = await openSession(db, A.id, TODAY + 1, LIMITS, AT + 86_400_000);
		expect(tomorrow.extraNew).toBeUndefined();
		expect(newIds(tomorrow.session)).toHaveLength(3);
	});

	it('comes back with its day when a change of the day start moved the study day and moved it back', async () => {
		const db = await device();
		await finish(db, A.id, AT);
		await studyMore(db, A.id, TODAY, 5, LIMITS, AT + 10_000);
		// The day start moved past the hour: the study day is yesterday's, whose session takes the deck's place.
		const yesterday = await openSession(db, A.id, TODAY - 1, LIMITS, AT + 20_000);
		expect(yesterday.extraNew).toBeUndefined();
		// Made again there (the limits changed meanwhile), it still keeps today's aside.
		await markSessionsOutdated(db);
		expect((await openSession(db, A.id, TODAY - 1, LIMITS, AT + 25_000)).extraNewAside).toEqual({ day: TODAY, count: 5 });
		// Moved back: today again, with the five more new cards asked for today.
		const today = await openSession(db, A.id, TODAY, LIMITS, AT + 30_000);
		expect(today.extraNew).toBe(5);
		expect(newIds(today.session)).toEqual(ids(A, 3, 8));
		// Only for its day: the next day starts with the limits alone.
		const tomorrow = await openSession(db, A.id, TODAY + 1, LIMITS, AT + 86_400_000);
		expect(tomorrow.extraNew).toBeUndefined();
		expect((await openSession(db, A.id, TODAY + 2, LIMITS, AT + 2 * 86_400_000)).extraNew).toBeUndefined();
	});

	it('takes what is left when fewer cards are, and nothing changes when none are', async () => {
		const db = await device();
		const { added } = await studyMore(db, B.id, TODAY, 30, LIMITS, AT);
		expect(added).toBe(17);
		const full = await openSession(db, B.id, TODAY, LIMITS, AT + 1000);
		expect(newIds(full.session)).toEqual(ids(B, 0, 20));
		const again = await studyMore(db, B.id, TODAY, 10, LIMITS, AT + 2000);
		expect(again.added).toBe(0);
		expect(await db.sessions.get(B.id)).toEqual(full);
		await expect(studyMore(db, B.id, TODAY, 0, LIMITS, AT)).rejects.toThrow(RangeError);
	});

	it('over all decks raises the global limit and each deck’s own by as much', async () => {
		const db = await device();
		await saveDeckOptions(db, A.id, { newPerDay: 1 }, AT - 500);
		const deckOf = new Map([...A.cards, ...B.cards].map((card) => [card.id, card.deck]));
		const perDeck = (session: Session, deck: string) => newIds(session).filter((id) => deckOf.get(id) === deck).length;
		const before = (await openSession(db, ALL_DECKS, TODAY, LIMITS, AT)).session;
		expect([perDeck(before, A.id), perDeck(before, B.id)]).toEqual([1, 2]);
		const { record, added } = await studyMore(db, ALL_DECKS, TODAY, 4, LIMITS, AT + 1000);
		expect(added).toBe(4);
		// Alpha's own limit, 1, is now 5; the global one, 3, is now 7.
		expect(perDeck(record.session, A.id)).toBeLessThanOrEqual(5);
		expect(perDeck(record.session, A.id) + perDeck(record.session, B.id)).toBe(7);
	});
});
