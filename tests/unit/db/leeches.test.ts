// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, undoLastAction } from '../../../src/lib/db/answers';
import { applyDeck } from '../../../src/lib/db/decks';
import { exportBackup, exportDeck } from '../../../src/lib/db/exports';
import { applyImport } from '../../../src/lib/db/imports';
import { removeLeechTag } from '../../../src/lib/db/leech-tag';
import { saveDeckOptions } from '../../../src/lib/db/own-cards';
import { checkDatabase } from '../../../src/lib/db/repair';
import { Queue, type CardRecord, type RecallDatabase, type SessionRecord } from '../../../src/lib/db/schema';
import { CardSearch } from '../../../src/lib/db/search';
import { openSession } from '../../../src/lib/db/sessions';
import { saveSettings } from '../../../src/lib/db/settings';
import { writeAnkiPackage } from '../../../src/lib/io/anki/export';
import { parseBackup, serializeBackup } from '../../../src/lib/io/backup';
import { markdownToExportHtml } from '../../../src/lib/render/markdown';
import { studyDay } from '../../../src/lib/srs/day';
import { openPackage, loadSql } from '../io/anki/export-helpers';
import { answerCurrent, DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon, SETTINGS } from './helpers';

const NOTE = '---\ntags: [geo]\n---\n\n## Geography\n\nWhat is the capital of France?::Paris\n\nLargest ocean::Pacific\n\nLongest river::Nile\n';
const deck = deckFrom(NOTE, 'geo.md');
const [paris, ocean] = deck.cards.map((card) => card.id) as [string, string, string];
/** The day the lapses are made on, and the next day, when the card is due and studied. */
const DAY0 = seoulNoon('2026-11-25');
const DAY1 = seoulNoon('2026-11-26');
const TODAY = studyDay(DAY1, DAY_OPTIONS);

const opened: RecallDatabase[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

async function storedDeck(): Promise<RecallDatabase> {
	const db = freshDatabase();
	opened.push(db);
	await applyDeck(db, { deck, hash: 'h' }, 'built-in', DAY0 - 60_000);
	return db;
}

async function answer(db: RecallDatabase, cardId: string, grade: 1 | 4, at: number): Promise<void> {
	const card = (await db.cards.get(cardId))!;
	await answerCard(db, { cardId, grade, reviewedAt: at, durationMs: 1000, kind: card.dueDay === undefined ? 'new' : 'review', expectedLastReview: card.lastReview, dayOptions: DAY_OPTIONS });
}

/**
 * Gives the card `lapses` lapses on DAY0, outside any session: learned (Good), then
 * forgotten (Again), again and again; it ends learned, due on DAY1. Returns the time after.
 */
async function lapseTimes(db: RecallDatabase, cardId: string, lapses: number, from = DAY0): Promise<number> {
	let at = from;
	for (let i = 0; i < lapses; i++) {
		await answer(db, cardId, 4, (at += 1000));
		await answer(db, cardId, 1, (at += 1000));
	}
	await answer(db, cardId, 4, (at += 1000));
	return at;
}

/** Today's (DAY1's) session of the deck, with the card due for review at its head. */
async function session(db: RecallDatabase): Promise<SessionRecord> {
	const record = await openSession(db, deck.id, TODAY, SETTINGS, DAY1);
	expect(record.session.entries[0]).toEqual({ id: paris, kind: 'review' });
	return record;
}

const withoutClocks = ({ updatedAt: _updated, statusAt: _status, contentAt: _content, ...card }: CardRecord) => card;

describe('an answer that makes a card a leech', () => {
	it('tags and suspends it at the 8th lapse, in the answer’s transaction: the card leaves the session', async () => {
		const db = await storedDeck();
		await lapseTimes(db, paris, 7);
		expect(await db.cards.get(paris)).toMatchObject({ lapses: 7, tags: ['geo'], queue: Queue.scheduled });
		await session(db);
		const review = await answerCurrent(db, deck.id, 1, DAY1);
		const card = (await db.cards.get(paris))!;
		expect(card).toMatchObject({ lapses: 8, tags: ['geo', 'leech'], queue: Queue.suspended, statusAt: DAY1, lastReview: review.id });
		expect(card.dueDay).toBe(TODAY);
		const stored = (await db.sessions.get(deck.id))!;
		expect(stored.session.entries.map((entry) => entry.id)).not.toContain(paris);
		expect(stored.session.answered).toBe(1);
		expect(stored.undo.at(-1)).toEqual({ reviewId: review.id, cardId: paris, kind: 'review', leech: { lapses: 8, tagged: true, suspended: true, added: [] } });
		// Opened again, the session keeps it out.
		expect((await openSession(db, deck.id, TODAY, SETTINGS, DAY1 + 1000)).session.entries.map((entry) => entry.id)).not.toContain(paris);
	});

	it('refills the session as a suspend does, within the day’s limits; undo takes the cards it took in out again', async () => {
		const db = await storedDeck();
		await lapseTimes(db, paris, 7);
		// One new card a day: the session holds the review and one new card; the third card waits.
		await saveSettings(db, { newPerDay: 1 });
		const settings = { ...SETTINGS, newPerDay: 1 };
		const opened = await openSession(db, deck.id, TODAY, settings, DAY1);
		expect(opened.session.entries.map((entry) => entry.id)).toEqual([paris, ocean]);
		await answerCurrent(db, deck.id, 1, DAY1);
		// The leech's answer counted (as in Anki): no card comes in for it.
		expect((await db.sessions.get(deck.id))!.session.entries.map((entry) => entry.id)).toEqual([ocean]);
		expect(await undoLastAction(db, deck.id, DAY1 + 5000)).toBe('answer');
		expect(await db.sessions.get(deck.id)).toEqual(opened);

		// A queue short of its limits (as one made before a card was added): the refill takes the new card in.
		const short = { ...opened, session: { ...opened.session, entries: [opened.session.entries[0]!] } };
		await db.sessions.put(short);
		const review = await answerCurrent(db, deck.id, 1, DAY1 + 10_000);
		const after = (await db.sessions.get(deck.id))!;
		expect(after.session.entries.map((entry) => entry.id)).toEqual([ocean]);
		expect(after.undo.at(-1)).toEqual({ reviewId: review.id, cardId: paris, kind: 'review', leech: { lapses: 8, tagged: true, suspended: true, added: [ocean] } });
		expect(await undoLastAction(db, deck.id, DAY1 + 15_000)).toBe('answer');
		expect(await db.sessions.get(deck.id)).toEqual(short);
	});

	it('with the action Tag only, is tagged and stays in the session, to be relearned', async () => {
		const db = await storedDeck();
		await saveDeckOptions(db, deck.id, { leechAction: 'tag' });
		await lapseTimes(db, paris, 7);
		await session(db);
		const review = await answerCurrent(db, deck.id, 1, DAY1);
		expect(await db.cards.get(paris)).toMatchObject({ lapses: 8, tags: ['geo', 'leech'], queue: Queue.scheduled });
		const stored = (await db.sessions.get(deck.id))!;
		expect(stored.session.entries.map((entry) => entry.id)).toContain(paris);
		expect(stored.undo.at(-1)).toEqual({ reviewId: review.id, cardId: paris, kind: 'review', leech: { lapses: 8, tagged: true, suspended: false, added: [] } });
	});

	it('undo takes back the answer, the tag and the suspension: the card and the session are as they were', async () => {
		const db = await storedDeck();
		await lapseTimes(db, paris, 7);
		const sessionBefore = await session(db);
		const cardBefore = (await db.cards.get(paris))!;
		const rowsBefore = await db.reviews.count();
		await answerCurrent(db, deck.id, 1, DAY1);
		expect(await undoLastAction(db, deck.id, DAY1 + 5000)).toBe('answer');
		const card = (await db.cards.get(paris))!;
		// The status clock moves on, as an undone suspend's does, so that a merge takes the card as now unsuspended.
		expect(withoutClocks(card)).toEqual(withoutClocks(cardBefore));
		expect(card.statusAt).toBe(DAY1 + 5000);
		// So does its content clock: the tag taken off is the card's latest change, which a merge keeps.
		expect(card.contentAt).toBe(DAY1 + 5000);
		expect(await db.reviews.count()).toBe(rowsBefore);
		expect(await db.sessions.get(deck.id)).toEqual(sessionBefore);
		// Failed again, it is a leech again.
		await answerCurrent(db, deck.id, 1, DAY1 + 10_000);
		expect(await db.cards.get(paris)).toMatchObject({ lapses: 8, tags: ['geo', 'leech'], queue: Queue.suspended });
	});

	it('comes again every half threshold (rounded up) of lapses: the tag is added once, and undo leaves a tag it did not add', async () => {
		const db = await storedDeck();
		await saveDeckOptions(db, deck.id, { leechAction: 'tag' });
		const at = await lapseTimes(db, paris, 8);
		expect(await db.cards.get(paris)).toMatchObject({ lapses: 8, tags: ['geo', 'leech'] });
		await lapseTimes(db, paris, 3, at);
		await session(db);
		const review = await answerCurrent(db, deck.id, 1, DAY1);
		expect(await db.cards.get(paris)).toMatchObject({ lapses: 12, tags: ['geo', 'leech'] });
		expect((await db.sessions.get(deck.id))!.undo.at(-1)).toEqual({ reviewId: review.id, cardId: paris, kind: 'review', leech: { lapses: 12, tagged: false, suspended: false, added: [] } });
		await undoLastAction(db, deck.id, DAY1 + 5000);
		expect(await db.cards.get(paris)).toMatchObject({ lapses: 11, tags: ['geo', 'leech'] });
	});

	it('follows the threshold the deck’s options (or the settings) have at the time of the lapse', async () => {
		const db = await storedDeck();
		await lapseTimes(db, paris, 5);
		expect((await db.cards.get(paris))!.tags).toEqual(['geo']);
		// The global threshold lowered to 4 (leeches at 4, 6, 8, ...): the next lapse, the 6th, is one.
		await saveSettings(db, { leechThreshold: 4, leechAction: 'tag' });
		const at = await lapseTimes(db, paris, 1, DAY0 + 60_000);
		expect(await db.cards.get(paris)).toMatchObject({ lapses: 6, tags: ['geo', 'leech'], queue: Queue.scheduled });
		// The deck's own options win over the settings: 5 (leeches at 5, 8, 11, ...), suspending.
		await saveDeckOptions(db, deck.id, { leechThreshold: 5, leechAction: 'suspend' });
		const later = await lapseTimes(db, paris, 1, at);
		expect(await db.cards.get(paris)).toMatchObject({ lapses: 7, queue: Queue.scheduled });
		await lapseTimes(db, paris, 1, later);
		expect(await db.cards.get(paris)).toMatchObject({ lapses: 8, queue: Queue.suspended });
	});

	it('saving only leech options leaves today’s sessions as they are', async () => {
		const db = await storedDeck();
		await openSession(db, deck.id, TODAY, SETTINGS, DAY1);
		await saveDeckOptions(db, deck.id, { leechThreshold: 4 });
		expect((await db.sessions.get(deck.id))!.outdated).toBeUndefined();
		await saveDeckOptions(db, deck.id, { leechThreshold: 4, newPerDay: 1 });
		expect((await db.sessions.get(deck.id))!.outdated).toBe(true);
	});
});

describe('the leech tag stays', () => {
	async function leech(): Promise<RecallDatabase> {
		const db = await storedDeck();
		await lapseTimes(db, paris, 7);
		await session(db);
		await answerCurrent(db, deck.id, 1, DAY1);
		expect(await db.cards.get(paris)).toMatchObject({ tags: ['geo', 'leech'], queue: Queue.suspended });
		return db;
	}

	it('through an update of its note (new tags, a changed answer), the same note applied again, and a reworded question', async () => {
		const db = await leech();
		const edited = deckFrom(NOTE.replace('tags: [geo]', 'tags: [geo, europe]').replace('::Paris', '::Paris, on the Seine'), 'geo.md');
		await applyDeck(db, { deck: edited, hash: 'h2' }, 'built-in', DAY1 + 60_000);
		expect(await db.cards.get(paris)).toMatchObject({ back: 'Paris, on the Seine', tags: ['geo', 'europe', 'leech'], queue: Queue.suspended, lapses: 8 });
		const before = (await db.cards.get(paris))!;
		await applyDeck(db, { deck: edited, hash: 'h3' }, 'built-in', DAY1 + 120_000);
		expect(await db.cards.get(paris)).toEqual(before);
		// Reworded: the new card takes over the history, and the tag with it.
		const reworded = deckFrom(NOTE.replace('What is the capital of France?', 'What is the capital city of France?'), 'geo.md');
		await applyDeck(db, { deck: reworded, hash: 'h4' }, 'built-in', DAY1 + 180_000);
		const successor = (await db.cards.filter((card) => card.front === 'What is the capital city of France?').first())!;
		expect(successor).toMatchObject({ tags: ['geo', 'leech'], lapses: 8, queue: Queue.suspended });
	});

	it('through a backup round trip, and an older backup imported again', async () => {
		const db = await storedDeck();
		await lapseTimes(db, paris, 7);
		const older = serializeBackup(await exportBackup(db, DAY1 - 1000), DAY1 - 1000);
		await session(db);
		await answerCurrent(db, deck.id, 1, DAY1);
		const text = serializeBackup(await exportBackup(db, DAY1 + 1000), DAY1 + 1000);
		const restored = freshDatabase();
		opened.push(restored);
		await applyImport(restored, parseBackup(text), DAY1 + 2000);
		expect(await restored.cards.get(paris)).toMatchObject({ tags: ['geo', 'leech'], queue: Queue.suspended, lapses: 8 });
		await applyImport(db, parseBackup(older), DAY1 + 3000);
		expect(await db.cards.get(paris)).toMatchObject({ tags: ['geo', 'leech'], queue: Queue.suspended, lapses: 8 });
		// And the same backup again changes nothing.
		const result = await applyImport(restored, parseBackup(text), DAY1 + 4000);
		expect(result.decks[0]).toMatchObject({ updated: 0, added: 0 });
	});

	it('and a deck’s leech options go with its backup, to a device that does not have the deck', async () => {
		const db = await storedDeck();
		await saveDeckOptions(db, deck.id, { leechThreshold: 5, leechAction: 'tag' });
		const restored = freshDatabase();
		opened.push(restored);
		await applyImport(restored, parseBackup(serializeBackup(await exportBackup(db, DAY1), DAY1)), DAY1 + 1000);
		expect((await restored.decks.get(deck.id))?.options).toEqual({ leechThreshold: 5, leechAction: 'tag' });
	});

	it('in an Anki package (Anki’s tag is `leech` too), with the card suspended', async () => {
		const db = await leech();
		const file = writeAnkiPackage(await exportDeck(db, deck.id, { withProgress: true }), {
			sql: await loadSql(),
			now: DAY1 + 60_000,
			dayOptions: DAY_OPTIONS,
			renderSide: (card, side) => (card.format === 'html' ? card[side] : markdownToExportHtml(card[side]))
		});
		const opened = await openPackage(file);
		const tags = opened.notes.map((note) => String(note.tags).trim().split(/\s+/));
		expect(tags.filter((noteTags) => noteTags.includes('leech'))).toHaveLength(1);
		expect(opened.cards.filter((card) => card.queue === -1)).toHaveLength(1);
	});

	it('through Check database, which finds nothing to fix', async () => {
		const db = await leech();
		expect(await checkDatabase(db, { now: DAY1 + 60_000 })).toMatchObject({ fixedCards: 0, fixedDays: 0 });
		expect(await db.cards.get(paris)).toMatchObject({ tags: ['geo', 'leech'], queue: Queue.suspended });
	});

	it('until the learner removes it, from a card made from a note too; its note applied again does not bring it back', async () => {
		const db = await leech();
		const removed = await removeLeechTag(db, paris, DAY1 + 60_000);
		expect(removed).toMatchObject({ tags: ['geo'], queue: Queue.suspended, lapses: 8, updatedAt: DAY1 + 60_000 });
		expect(await db.cards.get(paris)).toEqual(removed);
		const edited = deckFrom(NOTE.replace('::Paris', '::Paris, on the Seine'), 'geo.md');
		await applyDeck(db, { deck: edited, hash: 'h2' }, 'built-in', DAY1 + 120_000);
		expect(await db.cards.get(paris)).toMatchObject({ back: 'Paris, on the Seine', tags: ['geo'] });
		// A card without the tag, or no card, is left as it is.
		const other = (await db.cards.get(ocean))!;
		expect(await removeLeechTag(db, ocean, DAY1 + 180_000)).toEqual(other);
		expect(await db.cards.get(ocean)).toEqual(other);
		expect(await removeLeechTag(db, 'no-such-card')).toBeUndefined();
	});

	it('taken off on one device, does not come back from an older backup that has it, and goes from the other device too', async () => {
		const db = await leech();
		const older = serializeBackup(await exportBackup(db, DAY1 + 1000), DAY1 + 1000);
		const other = freshDatabase();
		opened.push(other);
		await applyImport(other, parseBackup(older), DAY1 + 2000);
		expect(await other.cards.get(paris)).toMatchObject({ tags: ['geo', 'leech'] });

		await removeLeechTag(db, paris, DAY1 + 60_000);
		const removed = (await db.cards.get(paris))!;
		const result = await applyImport(db, parseBackup(older), DAY1 + 120_000);
		expect(result.decks[0]).toMatchObject({ updated: 0, added: 0 });
		expect(await db.cards.get(paris)).toEqual(removed);

		// The other device takes the newer change, whichever it imports first.
		await applyImport(other, parseBackup(serializeBackup(await exportBackup(db, DAY1 + 180_000), DAY1 + 180_000)), DAY1 + 240_000);
		const { updatedAt: _a, ...there } = (await other.cards.get(paris))!;
		const { updatedAt: _b, ...here } = (await db.cards.get(paris))!;
		expect(there).toEqual(here);
		expect(there.tags).toEqual(['geo']);
	});

	it('and the browser finds leeches with tag:leech', async () => {
		const db = await leech();
		const search = new CardSearch(db);
		try {
			const outcome = await search.search('tag:leech', { sort: 'added', direction: 'asc', today: TODAY });
			expect(outcome.ok && outcome.cards.all().map((card) => card.id)).toEqual([paris]);
		} finally {
			search.dispose();
		}
	});
});
