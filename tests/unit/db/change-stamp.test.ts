// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { answerCard, undoLastAction } from '../../../src/lib/db/answers';
import { deleteCards, moveCards, restoreCards, suspendCards, unsuspendCards } from '../../../src/lib/db/bulk';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { stampAfter } from '../../../src/lib/db/change-stamp';
import { deleteDeck, restoreDeck } from '../../../src/lib/db/deck-removal';
import { renameDeck } from '../../../src/lib/db/deck-rename';
import { applyDeck, retireDeck } from '../../../src/lib/db/decks';
import { exportBackup } from '../../../src/lib/db/exports';
import { applyImport } from '../../../src/lib/db/imports';
import { removeLeechTag } from '../../../src/lib/db/leech-tag';
import { addCards, createDeck, editCard, editClozeText, saveDeckOptions } from '../../../src/lib/db/own-cards';
import { Queue, type CardRecord, type RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { parseBackup, serializeBackup } from '../../../src/lib/io/backup';
import { draftManualCards } from '../../../src/lib/notes/manual';
import { studyDay } from '../../../src/lib/srs/day';
import { answerCurrent, databasesDeletedAfterEach, DAY_OPTIONS, deckFrom, seoulNoon, SETTINGS } from './helpers';

/** When the first change is made. */
const AT = seoulNoon('2026-11-25');
/** The clock after it was set back an hour (an NTP fix, a wrong clock corrected), before the second change. */
const BACK = AT - 3_600_000;
const TODAY = studyDay(AT, DAY_OPTIONS);

const database = databasesDeletedAfterEach();

/** A device with a deck of its own, `Mine`, holding two cards written in it a day ago. */
async function device(): Promise<{ db: RecallDatabase; first: CardRecord; second: CardRecord }> {
	const db = database();
	const deck = await createDeck(db, 'Mine', AT - 86_400_000);
	const [first, second] = await addCards(db, deck.id, [{ kind: 'basic', front: 'q1', back: 'a1' }, { kind: 'basic', front: 'q2', back: 'a2' }], AT - 86_400_000);
	return { db, first: first!, second: second! };
}

const stored = async (db: RecallDatabase, id: string) => (await db.cards.get(id)) as CardRecord;
const notesFile = (deck: ReturnType<typeof deckFrom>) => ({ source: 'markdown' as const, name: 'words.md', decks: [deck], progress: {}, reviews: [], media: [], warnings: [] });

describe('stampAfter', () => {
	it('is now, unless the stamp it replaces is now or later: then a millisecond past that; a record without one takes now', () => {
		expect(stampAfter(AT - 1, AT)).toBe(AT);
		expect(stampAfter(AT, AT)).toBe(AT + 1);
		expect(stampAfter(AT + 5000, AT)).toBe(AT + 5001);
		expect(stampAfter(undefined, AT)).toBe(AT);
	});
});

describe('a change made after the clock was set back is stamped after the change before it', () => {
	it('bury, suspend and their undo on the study screen (statusAt)', async () => {
		const { db, first } = await device();
		await openSession(db, 'mine', TODAY, SETTINGS, AT);
		await buryCard(db, first.id, TODAY + 1, 'mine', AT);
		await suspendCard(db, first.id, 'mine', BACK);
		const suspended = await stored(db, first.id);
		expect(suspended.statusAt).toBeGreaterThan(AT);
		await buryCard(db, first.id, TODAY + 1, 'mine', BACK);
		const buried = await stored(db, first.id);
		expect(buried.statusAt).toBeGreaterThan(suspended.statusAt!);
		// The undo takes back the first bury (the card was out of the session for the others).
		expect(await undoLastAction(db, 'mine', BACK + 1000)).toBe('buried');
		expect((await stored(db, first.id)).statusAt).toBeGreaterThan(buried.statusAt!);
	});

	it('suspend, unsuspend and delete in the card browser (statusAt; a deleted card is deleted at its status clock)', async () => {
		const { db, first } = await device();
		await suspendCards(db, [first.id], AT);
		await unsuspendCards(db, [first.id], BACK, TODAY);
		const unsuspended = await stored(db, first.id);
		expect(unsuspended).toMatchObject({ queue: Queue.new });
		expect(unsuspended.statusAt).toBeGreaterThan(AT);
		await suspendCards(db, [first.id], BACK);
		const suspended = await stored(db, first.id);
		expect(suspended.statusAt).toBeGreaterThan(unsuspended.statusAt!);
		await deleteCards(db, [first.id], BACK);
		const deleted = await stored(db, first.id);
		expect(deleted.statusAt).toBeGreaterThan(suspended.statusAt!);
		expect(deleted.deletedAt).toBe(deleted.statusAt);
	});

	it('a card moved to another deck (contentAt)', async () => {
		const { db, first } = await device();
		await createDeck(db, 'Other', AT - 86_400_000);
		await editCard(db, first.id, { front: 'q1', back: 'a1, edited', tags: [] }, AT);
		await moveCards(db, [first.id], 'other', BACK);
		expect(await stored(db, first.id)).toMatchObject({ deck: 'other' });
		expect((await stored(db, first.id)).contentAt).toBeGreaterThan(AT);
	});

	it('an edited card, and a leech tag taken off (contentAt)', async () => {
		const { db, first } = await device();
		await editCard(db, first.id, { front: 'q1', back: 'a1', tags: ['leech'] }, AT);
		await editCard(db, first.id, { front: 'q1', back: 'a1, edited', tags: ['leech'] }, BACK);
		const edited = await stored(db, first.id);
		expect(edited.contentAt).toBeGreaterThan(AT);
		await removeLeechTag(db, first.id, BACK);
		expect((await stored(db, first.id)).contentAt).toBeGreaterThan(edited.contentAt!);
	});

	it('a cloze text edited: a card changed, retired and brought back (contentAt, statusAt)', async () => {
		const db = database();
		await createDeck(db, 'Korean', AT - 86_400_000);
		const text = '저는 {{c1::학생}}이에요. 한국어를 {{c2::공부해요}}.';
		const draft = draftManualCards('cloze', text, '');
		if (!draft.ok) throw new Error('no cloze');
		const [c1, c2] = await addCards(db, 'korean', draft.cards.map(({ slot, ...card }) => ({ ...card, cloze: { text, slot: slot as string } })), AT - 86_400_000);
		// c1 changed, c2 gone from the text.
		await editClozeText(db, c1!.id, { text: '저는 {{c1::의사}}예요.', tags: [] }, AT);
		const retired = await stored(db, c2!.id);
		expect(retired).toMatchObject({ queue: Queue.retired, statusAt: AT });
		// The clock set back: c1 changed again, c2 back.
		await editClozeText(db, c1!.id, { text, tags: [] }, BACK);
		const [changed, back] = [await stored(db, c1!.id), await stored(db, c2!.id)];
		expect(changed.contentAt).toBeGreaterThan(AT);
		expect(back.queue).toBe(Queue.new);
		expect(back.statusAt).toBeGreaterThan(AT);
		await editClozeText(db, c1!.id, { text: '저는 {{c1::의사}}예요.', tags: [] }, BACK);
		expect((await stored(db, c2!.id)).statusAt).toBeGreaterThan(back.statusAt!);
	});

	it('an answer that makes a card a leech, and its undo (contentAt, statusAt)', async () => {
		const { db, first } = await device();
		await saveDeckOptions(db, 'mine', { leechThreshold: 1, leechAction: 'suspend' }, AT - 86_400_000);
		// Learned yesterday: due today, when one Again is its first lapse.
		await answerCard(db, { cardId: first.id, grade: 4, reviewedAt: AT - 86_400_000, durationMs: 1000, kind: 'new', expectedLastReview: undefined, dayOptions: DAY_OPTIONS });
		await editCard(db, first.id, { front: 'q1', back: 'a1, edited', tags: [] }, AT);
		await suspendCards(db, [first.id], AT);
		await unsuspendCards(db, [first.id], AT, TODAY);
		const before = await stored(db, first.id);
		await openSession(db, 'mine', TODAY, SETTINGS, AT);
		await answerCurrent(db, 'mine', 1, BACK);
		const leech = await stored(db, first.id);
		expect(leech).toMatchObject({ tags: ['leech'], queue: Queue.suspended });
		expect(leech.contentAt).toBeGreaterThan(before.contentAt!);
		expect(leech.statusAt).toBeGreaterThan(before.statusAt!);
		expect(await undoLastAction(db, 'mine', BACK + 1000)).toBe('answer');
		const undone = await stored(db, first.id);
		expect(undone).toMatchObject({ tags: [], queue: Queue.scheduled });
		expect(undone.contentAt).toBeGreaterThan(leech.contentAt!);
		expect(undone.statusAt).toBeGreaterThan(leech.statusAt!);
	});

	it('a deck renamed (nameAt)', async () => {
		const { db } = await device();
		await renameDeck(db, 'mine', 'Vocabulary', AT);
		expect((await renameDeck(db, 'mine', 'Words', BACK)).nameAt).toBeGreaterThan(AT);
	});

	it('a deck deleted, its cards at one moment past each one’s clock, and restored (statusAt)', async () => {
		const { db, first, second } = await device();
		await suspendCards(db, [first.id], AT);
		await deleteDeck(db, 'mine', BACK);
		const deck = (await db.decks.get('mine'))!;
		const deleted = [await stored(db, first.id), await stored(db, second.id)];
		expect(deck.deletedAt).toBeGreaterThan(AT);
		// One moment for all: restoreDeck (and an import of the deck's file) knows the cards deleted with the deck by it.
		for (const card of deleted) expect(card).toMatchObject({ queue: Queue.retired, deletedAt: deck.deletedAt, statusAt: deck.deletedAt });
		expect(await restoreDeck(db, 'mine', [], BACK)).toBe(2);
		for (const card of [await stored(db, first.id), await stored(db, second.id)]) expect(card.statusAt).toBeGreaterThan(deck.deletedAt!);
		expect((await stored(db, first.id)).queue).toBe(Queue.suspended);
	});

	it('a deck gone from the build, its cards retired (statusAt)', async () => {
		const db = database();
		const deck = deckFrom('# Built in\n\n## B\n\none::1\n', 'b.md');
		await applyDeck(db, { deck, hash: 'b' }, 'built-in', AT - 86_400_000);
		const id = deck.cards[0]!.id;
		await suspendCards(db, [id], AT);
		await retireDeck(db, deck.id, BACK);
		const retired = await stored(db, id);
		expect(retired.queue).toBe(Queue.retired);
		expect(retired.statusAt).toBeGreaterThan(AT);
	});

	it('notes imported again: a card changed, one gone and back, a deleted deck brought back (contentAt, statusAt)', async () => {
		const db = database();
		const v1 = deckFrom('# Words\n\n## Q\n\none::1\n\ntwo::2\n', 'words.md');
		const v2 = deckFrom('# Words\n\n## Q\n\none::1, changed\n\ntwo::2\n', 'words.md');
		const v3 = deckFrom('# Words\n\n## Q\n\none::1, changed again\n', 'words.md');
		const [one, two] = v1.cards.map((card) => card.id) as [string, string];
		await applyImport(db, notesFile(v1), AT - 86_400_000);
		await applyImport(db, notesFile(v2), AT);
		await suspendCards(db, [two], AT);
		expect((await stored(db, one)).contentAt).toBe(AT);
		// The clock set back: `one` changes again, `two` leaves the note.
		await applyImport(db, notesFile(v3), BACK);
		const [changed, gone] = [await stored(db, one), await stored(db, two)];
		expect(changed.contentAt).toBeGreaterThan(AT);
		expect(gone.queue).toBe(Queue.retired);
		expect(gone.statusAt).toBeGreaterThan(AT);
		await applyImport(db, notesFile(v2), BACK + 1000);
		const back = await stored(db, two);
		// Suspended when it left the note: suspended when it comes back.
		expect(back.queue).toBe(Queue.suspended);
		expect(back.statusAt).toBeGreaterThan(gone.statusAt!);
		// Deleted with its deck, then the note imported again: the cards are back, stamped after their deletion.
		await deleteDeck(db, v1.id, BACK + 2000);
		const deletedAt = (await db.decks.get(v1.id))!.deletedAt!;
		await applyImport(db, notesFile(v2), BACK + 3000);
		const revived = await stored(db, one);
		expect(revived.queue).toBe(Queue.new);
		expect(revived.statusAt).toBeGreaterThan(deletedAt);
	});
});

describe('an older backup imported after the clock was set back', () => {
	it('leaves the changes made here since it was taken: status, content and name', async () => {
		const { db, first } = await device();
		await suspendCards(db, [first.id], AT);
		await editCard(db, first.id, { front: 'q1', back: 'a1, as backed up', tags: [] }, AT);
		await renameDeck(db, 'mine', 'Backed up', AT);
		const backup = parseBackup(serializeBackup(await exportBackup(db, AT + 1000), AT + 1000));
		// The clock is set back an hour; the learner goes on.
		await unsuspendCards(db, [first.id], BACK, TODAY);
		await editCard(db, first.id, { front: 'q1', back: 'a1, changed here', tags: [] }, BACK);
		await renameDeck(db, 'mine', 'Changed here', BACK);
		await applyImport(db, backup, BACK + 1000);
		expect(await stored(db, first.id)).toMatchObject({ queue: Queue.new, back: 'a1, changed here' });
		expect((await db.decks.get('mine'))?.name).toBe('Changed here');
	});

	it('leaves a delete undone here undone, when the backup was taken between the delete and its undo', async () => {
		const { db, first } = await device();
		await suspendCards(db, [first.id], AT - 60_000);
		const deleted = await deleteCards(db, [first.id], AT);
		const backup = parseBackup(serializeBackup(await exportBackup(db, AT + 1000), AT + 1000));
		// Undone with the clock set back: the card stands as it did before the delete, at a status later than the delete's.
		await restoreCards(db, deleted, BACK);
		const restored = await stored(db, first.id);
		expect(restored).toMatchObject({ queue: Queue.suspended });
		expect(restored.deletedAt).toBeUndefined();
		expect(restored.statusAt).toBeGreaterThan(AT);
		await applyImport(db, backup, BACK + 1000);
		expect(await stored(db, first.id)).toMatchObject({ queue: Queue.suspended, statusAt: restored.statusAt });
		expect((await stored(db, first.id)).deletedAt).toBeUndefined();
	});
});
