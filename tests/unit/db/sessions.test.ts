// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDeck } from '../../../src/lib/db/decks';
import { applyImport } from '../../../src/lib/db/imports';
import { addCards, createDeck } from '../../../src/lib/db/own-cards';
import { emptyBundle } from '../../../src/lib/io/bundle';
import { DUE_MARGIN, loadStudiedToday, loadStudyCandidates } from '../../../src/lib/db/queue';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../src/lib/db/settings';
import { studyDay } from '../../../src/lib/srs/day';
import { sessionCounts } from '../../../src/lib/srs/session';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { answerCurrent, DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon } from './helpers';

const NOTE = Array.from({ length: 30 }, (_, i) => `q${i}::a${i}`).join('\n\n');
const SETTINGS = { ...DEFAULT_SETTINGS, newPerDay: 5 };

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

describe('openSession', () => {
	it('resumes the same study day, and starts fresh the next', async () => {
		db = freshDatabase();
		const deck = deckFrom(`## Q\n\n${NOTE}`);
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);

		const first = await openSession(db, deck.id, today, SETTINGS, at);
		expect(sessionCounts(first.session)).toEqual({ new: 5, learning: 0, review: 0 });
		await answerCurrent(db, deck.id, 4, at + 60_000);
		await answerCurrent(db, deck.id, 1, at + 120_000);

		const resumed = await openSession(db, deck.id, today, SETTINGS, at + 3_600_000);
		expect(resumed.session.answered).toBe(2);
		expect(sessionCounts(resumed.session)).toEqual({ new: 3, learning: 1, review: 0 });
		expect(resumed.undo).toHaveLength(2);

		const tomorrow = await openSession(db, deck.id, today + 1, SETTINGS, at + 86_400_000);
		expect(tomorrow.session.answered).toBe(0);
		expect(tomorrow.undo).toEqual([]);
		// Yesterday's failed card is still due; the card graded Good is due tomorrow.
		expect(sessionCounts(tomorrow.session)).toEqual({ new: 5, learning: 1, review: 1 });
	});

	it('counts today’s earlier studying against the daily limits', async () => {
		db = freshDatabase();
		const deck = deckFrom(`## Q\n\n${NOTE}`);
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		const at = seoulNoon('2026-11-25');
		const today = studyDay(at, DAY_OPTIONS);
		await openSession(db, deck.id, today, SETTINGS, at);
		for (let i = 0; i < 3; i++) await answerCurrent(db, deck.id, 5, at + i * 60_000);
		expect(await loadStudiedToday(db, deck.id, today)).toEqual({ newCards: 3, reviews: 0 });
		expect(await loadStudiedToday(db, ALL_DECKS, today)).toEqual({ newCards: 3, reviews: 0 });
		// A fresh session the same day (say, after the session record was lost) only gets the rest.
		await db.sessions.clear();
		const again = await openSession(db, deck.id, today, SETTINGS, at);
		expect(sessionCounts(again.session).new).toBe(2);
	});

	it('leaves suspended and retired cards out, and studies all decks together', async () => {
		db = freshDatabase();
		const a = deckFrom('## A\n\none::1\n\ntwo::2\n', 'a.md');
		const b = deckFrom('## B\n\nthree::3\n', 'b.md');
		await applyDeck(db, { deck: a, hash: 'a' }, 'built-in');
		await applyDeck(db, { deck: b, hash: 'b' }, 'built-in');
		await db.cards.update(a.cards[0]!.id, { queue: Queue.suspended });
		const today = studyDay(seoulNoon('2026-11-25'), DAY_OPTIONS);
		const all = await openSession(db, ALL_DECKS, today, SETTINGS);
		expect(all.session.entries.map((entry) => entry.id).sort()).toEqual([a.cards[1]!.id, b.cards[0]!.id].sort());
	});
});

describe('settings', () => {
	it('have defaults, and keep only valid values', async () => {
		db = freshDatabase();
		expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
		expect(await saveSettings(db, { newPerDay: 35, dayStartHour: 30 as number, gradeButtons: 'six' })).toMatchObject({ newPerDay: 35, dayStartHour: 23, gradeButtons: 'six' });
		expect(await saveSettings(db, { newOrder: 'sideways' as 'note' })).toMatchObject({ newOrder: 'note', newPerDay: 35 });
	});
});

describe('loadStudyCandidates', () => {
	it('reads a backlog only as far as the review limit needs, most overdue first, and every card due today', async () => {
		db = freshDatabase();
		const deck = deckFrom(`## Q\n\n${Array.from({ length: 80 }, (_, i) => `q${i}::a${i}`).join('\n\n')}`);
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		const today = 20_000;
		// 80 overdue cards (due 1 to 80 days ago), one of them a card failed today.
		await db.transaction('rw', db.cards, async () => {
			for (const [index, card] of deck.cards.entries()) {
				await db.cards.update(card.id, { queue: Queue.scheduled, dueDay: today - 1 - index, state: { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false } });
			}
			await db.cards.update(deck.cards[29]!.id, { dueDay: today, state: { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false } });
		});
		const read = (await loadStudyCandidates(db, deck.id, today, { newCards: 0, reviews: 3 })).cards;
		const few = read.filter((card) => card.dueDay !== today);
		expect(few).toHaveLength(3 + DUE_MARGIN);
		expect(few.map((card) => card.dueDay)).toEqual([...few.map((card) => card.dueDay)].sort((a, b) => (a ?? 0) - (b ?? 0)));
		expect(read.some((card) => card.id === deck.cards[29]!.id)).toBe(true);
		const session = await openSession(db, deck.id, today, { ...SETTINGS, reviewsPerDay: 3 });
		expect(sessionCounts(session.session)).toEqual({ new: 0, learning: 1, review: 3 });
		// The three most overdue cards come first among the reviews.
		const reviews = session.session.entries.filter((entry) => entry.kind === 'review').map((entry) => entry.id);
		expect(reviews).toEqual([deck.cards[79]!.id, deck.cards[78]!.id, deck.cards[77]!.id]);
	});
});

describe('loadStudyCandidates: new cards', () => {
	it('reads the first new cards in note order past buried ones, however many of them there are', async () => {
		db = freshDatabase();
		const deck = deckFrom(`## Q\n\n${NOTE}`);
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		const today = 20_000;
		// Eleven of the first twelve buried until tomorrow: more than one read of five takes.
		await db.cards.bulkUpdate(deck.cards.slice(0, 12).filter((_, i) => i !== 3).map((card) => ({ key: card.id, changes: { buriedUntil: today + 1 } })));
		const read = (await loadStudyCandidates(db, deck.id, today, { newCards: 5, reviews: 0 })).cards;
		expect(read.map((card) => card.front)).toEqual(['q3', 'q12', 'q13', 'q14', 'q15']);
		// Tomorrow they are back, first in order.
		const tomorrow = (await loadStudyCandidates(db, deck.id, today + 1, { newCards: 5, reviews: 0 })).cards;
		expect(tomorrow.map((card) => card.front)).toEqual(['q0', 'q1', 'q2', 'q3', 'q4']);
		// A deck with fewer available new cards than the limit gives what it has.
		await db.cards.bulkUpdate(deck.cards.slice(12).map((card) => ({ key: card.id, changes: { buriedUntil: today + 1 } })));
		expect((await loadStudyCandidates(db, deck.id, today, { newCards: 5, reviews: 0 })).cards.map((card) => card.front)).toEqual(['q3']);
	});
});

describe('today’s sessions after cards come in', () => {
	const at = seoulNoon('2026-11-25');
	const today = studyDay(at, DAY_OPTIONS);
	const ids = (record: { session: { entries: { id: string }[] } }) => record.session.entries.map((entry) => entry.id);

	it('a deck of one’s own takes the cards added to it today, after its queue, within the new-card limit', async () => {
		db = freshDatabase();
		await createDeck(db, 'Own', at);
		const [first] = await addCards(db, 'own', [{ kind: 'basic', front: 'one', back: '1' }], at);
		const opened = await openSession(db, 'own', today, SETTINGS, at);
		expect(ids(opened)).toEqual([first!.id]);
		const added = await addCards(db, 'own', Array.from({ length: 6 }, (_, i) => ({ kind: 'basic' as const, front: `q${i}`, back: `${i}` })), at + 1000);
		expect((await db.sessions.get('own'))?.refill).toBe(true);
		const resumed = await openSession(db, 'own', today, SETTINGS, at + 2000);
		// Five new a day: the one it had, and the first four added, in the deck's order.
		expect(ids(resumed)).toEqual([first!.id, ...added.slice(0, 4).map((card) => card.id)]);
		expect(resumed.refill).toBeUndefined();
		expect((await db.sessions.get('own'))?.refill).toBeUndefined();
	});

	it('an import that adds cards has them taken in; one that brings a backup’s limits makes the sessions again', async () => {
		db = freshDatabase();
		const deck = deckFrom(`## Q\n\n${NOTE}`);
		await applyDeck(db, { deck, hash: 'h' }, 'built-in', at);
		await openSession(db, ALL_DECKS, today, SETTINGS, at);
		const other = deckFrom('## R\n\nx::1\n\ny::2\n', 'other.md');
		await applyImport(db, { ...emptyBundle('markdown', 'other.md'), decks: [other] }, at + 1000);
		expect(await db.sessions.get(ALL_DECKS)).toMatchObject({ refill: true });
		// The session's five new cards already fill the day: nothing more comes in, and nothing it had moves.
		const before = ids((await db.sessions.get(ALL_DECKS))!);
		expect(ids(await openSession(db, ALL_DECKS, today, SETTINGS, at + 2000))).toEqual(before);
		// With room for more, the new deck's cards come in after them.
		const roomier = { ...SETTINGS, newPerDay: 7 };
		await applyImport(db, { ...emptyBundle('backup', 'backup.json'), settings: { settings: roomier } }, at + 3000);
		expect(await db.sessions.get(ALL_DECKS)).toMatchObject({ outdated: true });
		expect(sessionCounts((await openSession(db, ALL_DECKS, today, roomier, at + 4000)).session).new).toBe(7);
	});
});
