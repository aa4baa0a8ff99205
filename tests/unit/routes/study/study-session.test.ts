import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerCard } from '../../../../src/lib/db/answers';
import { applyDeck } from '../../../../src/lib/db/decks';
import { addCards, createDeck, editCard } from '../../../../src/lib/db/own-cards';
import { Queue, RecallDatabase, type SessionRecord } from '../../../../src/lib/db/schema';
import { DEFAULT_SETTINGS, saveSettings, type Settings } from '../../../../src/lib/db/settings';
import { studyDay } from '../../../../src/lib/srs/day';
import { currentEntry } from '../../../../src/lib/srs/session';
import { ALL_DECKS } from '../../../../src/lib/srs/deck-tree';
import { partsText } from '../../../../src/lib/i18n/message-parts';
import { noticeFront, noticeParts, StudySession, type StudyNotice } from '../../../../src/routes/study/[scope]/study-session.svelte';
import { deckFrom, freshDatabase } from '../../db/helpers';

const NOTE = '## Q\n\none::1\n\ntwo::2\n\nthree::3\n\nfour::4\n\nfive::5\n';
const SETTINGS: Settings = { ...DEFAULT_SETTINGS };
/** Noon, local time: the study screen counts days in the device's own zone. */
const NOON = new Date(2026, 10, 25, 12).getTime();
const DAY_OPTIONS = { dayStartHour: SETTINGS.dayStartHour };
const TODAY = studyDay(NOON, DAY_OPTIONS);

let db: RecallDatabase;
let time = NOON;
const sessions: StudySession[] = [];
const otherDatabases: RecallDatabase[] = [];

afterEach(async () => {
	for (const session of sessions.splice(0)) session.destroy();
	for (const other of otherDatabases.splice(0)) other.close();
	await db?.delete();
});

async function setUp() {
	db = freshDatabase();
	time = NOON;
	const deck = deckFrom(NOTE);
	await applyDeck(db, { deck, hash: 'h' }, 'built-in');
	return deck;
}

async function studying(scope: string, options: { database?: RecallDatabase; settings?: Settings; onAnswered?: () => void } = {}) {
	const study = new StudySession({ db: options.database ?? db, scope, settings: options.settings ?? SETTINGS, now: () => time, onAnswered: options.onAnswered });
	sessions.push(study);
	await study.start();
	return study;
}

/** The same database opened a second time, as another tab would. */
function anotherTab(): RecallDatabase {
	const other = new RecallDatabase(db.name);
	otherDatabases.push(other);
	return other;
}

const backOf = (study: StudySession) => study.card?.back;
const noticeText = (locale: 'en' | 'ko', notice: StudyNotice | undefined) => partsText(noticeParts(locale, notice));

async function reveal(study: StudySession, grade: 0 | 1 | 3 | 4 | 5) {
	study.reveal();
	await study.answer(grade);
}

describe('StudySession', () => {
	it('opens today’s session and shows its first card, front first', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		expect(study.today).toBe(TODAY);
		expect(study.loaded).toBe(true);
		expect(backOf(study)).toBe('1');
		expect(study.revealed).toBe(false);
		expect(study.progress).toEqual({ done: 0, total: 5 });
		expect(study.counts).toEqual({ new: 5, learning: 0, review: 0 });
		expect(study.canUndo).toBe(false);
		expect(study.finished).toBe(false);
	});

	it('answers only once the answer is shown, logging the time since the card was shown', async () => {
		const deck = await setUp();
		const onAnswered = vi.fn();
		const study = await studying(deck.id, { onAnswered });
		await study.answer(4);
		expect(await db.reviews.count()).toBe(0);

		time += 7_000;
		study.reveal();
		await study.answer(4);
		const [review] = await db.reviews.toArray();
		expect(review).toMatchObject({ grade: 4, durationMs: 7_000, kind: 'new', day: TODAY });
		expect(onAnswered).toHaveBeenCalledTimes(1);
		expect(backOf(study)).toBe('2');
		expect(study.revealed).toBe(false);
		expect(study.progress).toEqual({ done: 1, total: 5 });
		expect(study.canUndo).toBe(true);
	});

	it('leaves the time the card was being edited out of its answer’s time, and keeps its side', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		time += 3_000;
		study.reveal();
		study.pauseClock();
		time += 60_000;
		study.resumeClock();
		expect(study.revealed).toBe(true);
		time += 2_000;
		await study.answer(4);
		// Stopped on one card and started again on the next (answered meanwhile), the clock is the next card's own.
		study.pauseClock();
		time += 500;
		study.reveal();
		await study.answer(4);
		time += 1_000;
		study.resumeClock();
		time += 4_000;
		study.reveal();
		await study.answer(4);
		const reviews = (await db.reviews.toArray()).sort((a, b) => a.reviewedAt - b.reviewedAt);
		expect(reviews.map((review) => ('durationMs' in review ? review.durationMs : undefined))).toEqual([5_000, 500, 5_000]);
		expect(study.revealed).toBe(false);
	});

	it('never answers one showing twice, however fast the clicks', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		study.reveal();
		await Promise.all([study.answer(4), study.answer(5), study.answer(1)]);
		expect((await db.reviews.toArray()).map((review) => ('grade' in review ? review.grade : review.kind))).toEqual([4]);
		expect(backOf(study)).toBe('2');
	});

	it('brings a card graded Again back after three others, front first', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		const shown: string[] = [];
		for (const grade of [1, 4, 4, 4] as const) {
			shown.push(backOf(study)!);
			await reveal(study, grade);
		}
		expect(shown).toEqual(['1', '2', '3', '4']);
		expect(backOf(study)).toBe('1');
		expect(study.entry?.kind).toBe('learning');
		expect(study.revealed).toBe(false);
		expect(study.progress).toEqual({ done: 4, total: 6 });
	});

	it('undoes several answers, each card shown again front first, and the session resumes after a reload', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		await reveal(study, 4);
		await reveal(study, 1);
		expect(backOf(study)).toBe('3');
		await study.undo();
		expect(backOf(study)).toBe('2');
		expect(study.revealed).toBe(false);
		expect(study.progress).toEqual({ done: 1, total: 5 });
		await study.undo();
		expect(backOf(study)).toBe('1');
		expect(study.canUndo).toBe(false);
		expect(await db.reviews.count()).toBe(0);
		await study.undo();
		expect(backOf(study)).toBe('1');

		await reveal(study, 5);
		study.destroy();
		const reloaded = await studying(deck.id);
		expect(backOf(reloaded)).toBe('2');
		expect(reloaded.progress).toEqual({ done: 1, total: 5 });
		expect(reloaded.canUndo).toBe(true);
	});

	it('a card shown again after an Again keeps no answer side from its last showing', async () => {
		const deck = await setUp();
		// Only one card left: Again brings it straight back, as a new showing.
		const study = await studying(deck.id, { settings: { ...SETTINGS, newPerDay: 1 } });
		const showings = study.showings;
		await reveal(study, 1);
		expect(backOf(study)).toBe('1');
		expect(study.revealed).toBe(false);
		expect(study.showings).toBe(showings + 1);
		await reveal(study, 4);
		expect(study.finished).toBe(true);
	});

	it('follows another tab: its answer moves this tab to the next card', async () => {
		const deck = await setUp();
		const here = await studying(deck.id);
		const there = await studying(deck.id, { database: anotherTab() });
		expect(backOf(there)).toBe('1');
		await reveal(here, 4);
		await vi.waitFor(() => expect(backOf(there)).toBe('2'));
		expect(there.progress).toEqual({ done: 1, total: 5 });
		await reveal(there, 4);
		await vi.waitFor(() => expect(backOf(here)).toBe('3'));
		expect(await db.reviews.count()).toBe(2);
	});

	it('moves past the card shown when another tab studying every deck suspends or buries it, and never logs an answer to it', async () => {
		const deck = await setUp();
		const here = await studying(deck.id);
		const everything = await studying(ALL_DECKS, { database: anotherTab() });
		expect(backOf(everything)).toBe('1');
		here.reveal();
		await everything.suspend();
		await vi.waitFor(() => expect(backOf(here)).toBe('2'));
		await vi.waitFor(() => expect(backOf(everything)).toBe('2'));
		await everything.bury();
		await vi.waitFor(() => expect(backOf(here)).toBe('3'));
		await reveal(here, 4);
		expect((await db.reviews.toArray()).map((row) => row.card)).toEqual([deck.cards[2]!.id]);
	});

	it('a stored change read while the next card is shown ahead never brings back the card just answered', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		// The next card has been read ahead.
		await new Promise((resolve) => setTimeout(resolve, 20));
		study.reveal();
		const first = study.card!.id;
		// A stored change (another tab rewriting the session) is heard, and its card is read slowly.
		const get = db.cards.get.bind(db.cards);
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		const slow = vi.spyOn(db.cards, 'get').mockImplementation(((key: string) => (key === first ? held.then(() => get(key)) : get(key))) as typeof db.cards.get);
		const other = anotherTab();
		await other.sessions.put((await other.sessions.get(deck.id))!);
		await vi.waitFor(() => expect(slow).toHaveBeenCalledWith(first));
		slow.mockRestore();
		// Answered meanwhile: the next card shows at once, and its answer is shown before that read comes back.
		const answered = study.answer(4);
		expect(backOf(study)).toBe('2');
		study.reveal();
		release();
		await answered;
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(backOf(study)).toBe('2');
		expect(study.revealed).toBe(true);
	});

	it('shows ahead the card after a sibling’s review that the answer holds, never that review', async () => {
		db = freshDatabase();
		time = NOON;
		// Two lists of three sentences: a list's card shows its items' answers (siblings, srs/siblings.ts).
		const deck = deckFrom(Array.from({ length: 2 }, (_, list) => `## 묶음 ${list}\n${[0, 1, 2].map((item) => `- 이 문장은 \`용어${list}-${item}\`에 대한 설명이다`).join('\n')}\n`).join('\n'));
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		// Day one, new siblings let in: list 0, its items and list 1, answered Good, are due the next day.
		const firstDay = await saveSettings(db, { buryNewSiblings: false, newPerDay: 5 });
		const first = await studying(deck.id, { settings: firstDay });
		for (let answer = 0; answer < 5; answer++) {
			time += 1000;
			await reveal(first, 4);
		}
		first.destroy();
		// The next day: 묶음 0, 용어1-0, 묶음 1, 용어1-1 (list 0's items wait for it).
		time = NOON + 86_400_000;
		const study = await studying(deck.id, { settings: await saveSettings(db, { newPerDay: 2 }) });
		// A sentence's card by the term it asks, a list's by its front.
		const shown = () => (study.card === undefined ? undefined : (/==(.*?)==/.exec(study.card.back)?.[1] ?? study.card.front));
		expect(study.counts).toEqual({ new: 2, learning: 0, review: 2 });
		await reveal(study, 4);
		expect(shown()).toBe('용어1-0');
		// The card after has been read ahead.
		await new Promise((resolve) => setTimeout(resolve, 20));
		study.reveal();
		const answered = study.answer(4);
		// 용어1-0 answered: 묶음 1, its list, waits for another day, and the card after it shows at once.
		expect(shown()).toBe('용어1-1');
		await answered;
		expect(shown()).toBe('용어1-1');
		expect(study.counts).toEqual({ new: 1, learning: 0, review: 0 });
	});

	it('an answer given while the one before is being stored shows the next card as soon as that one is, not after its own write', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		study.reveal();
		const first = study.answer(4);
		expect(backOf(study)).toBe('2');
		study.reveal();
		// Answered at once (a quick key press): it waits for the first answer to be stored, and the card after is read by then.
		const second = study.answer(4);
		await first;
		expect(backOf(study)).toBe('3');
		expect(study.revealed).toBe(false);
		expect(study.busy).toBe(true);
		await second;
		// Both answers stored, one row each (review ids are in no particular order).
		expect((await db.reviews.toArray()).map((row) => row.card).sort()).toEqual([deck.cards[0]!.id, deck.cards[1]!.id].sort());
		expect(backOf(study)).toBe('3');
	});

	it('moves past the card shown when another tab answers it first', async () => {
		const deck = await setUp();
		const here = await studying(deck.id);
		here.reveal();
		const first = here.card!.id;
		const elsewhere = await studying(ALL_DECKS, { database: anotherTab() });
		expect(backOf(elsewhere)).toBe('1');
		await reveal(elsewhere, 5);
		// This tab follows the card it shows: answered elsewhere, due tomorrow, it is gone from this session.
		await vi.waitFor(() => expect(backOf(here)).toBe('2'));
		expect(here.revealed).toBe(false);
		expect(here.notice).toBe('noticeAnsweredElsewhere');
		const second = here.card!.id;
		await reveal(here, 4);
		const grades = Object.fromEntries((await db.reviews.toArray()).map((row) => [row.card, 'grade' in row ? row.grade : row.kind]));
		expect(grades).toEqual({ [first]: 5, [second]: 4 });
	});

	it('says why the card being read went away when another tab studying the same deck answered it', async () => {
		const deck = await setUp();
		const here = await studying(deck.id);
		const elsewhere = await studying(deck.id, { database: anotherTab() });
		expect(backOf(elsewhere)).toBe('1');
		await reveal(elsewhere, 5);
		await vi.waitFor(() => expect(backOf(here)).toBe('2'));
		expect(here.notice).toBe('noticeAnsweredElsewhere');
		// Revealing the next card is the person's own doing: the notice has been read.
		here.reveal();
		expect(here.notice).toBeUndefined();
	});

	it('says nothing of another tab when this tab answered, nor when another tab answered another card', async () => {
		const deck = await setUp();
		const here = await studying(deck.id);
		await reveal(here, 4);
		expect(backOf(here)).toBe('2');
		expect(here.notice).toBeUndefined();
		// Another tab answers card 1 once more (its card info page, say) while card 2 is read here, and the session is stored again.
		const other = anotherTab();
		const first = (await other.cards.toArray()).find((card) => card.back === '1')!;
		await answerCard(other, { cardId: first.id, grade: 5, reviewedAt: time + 1, durationMs: 1, kind: 'review', expectedLastReview: first.lastReview, dayOptions: DAY_OPTIONS });
		const stored = (await other.sessions.get(deck.id))!;
		await other.sessions.put({ ...stored, session: { ...stored.session, answered: stored.session.answered + 1 } });
		await vi.waitFor(() => expect(here.progress.done).toBe(2));
		expect(backOf(here)).toBe('2');
		expect(here.notice).toBeUndefined();
		// The last card, answered Again here, comes back at once with a new last review: this tab's own doing.
		await reveal(here, 4);
		await reveal(here, 4);
		await reveal(here, 4);
		expect(backOf(here)).toBe('5');
		await reveal(here, 0);
		expect(backOf(here)).toBe('5');
		expect(here.revealed).toBe(false);
		expect(here.notice).toBeUndefined();
	});

	it('refuses an answer to a card changed elsewhere before this tab heard of it, says so politely, and moves on', async () => {
		const deck = await setUp();
		const here = await studying(deck.id);
		here.reveal();
		const shown = (await db.cards.get(here.card!.id))!;
		// Another device's tab answered it a moment ago (due tomorrow), written past Dexie, whose news would move this tab on.
		await new Promise<void>((resolve, reject) => {
			const open = indexedDB.open(db.name);
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const tx = open.result.transaction('cards', 'readwrite');
				tx.objectStore('cards').put({ ...shown, lastReview: time - 1000, dueDay: TODAY + 1, queue: Queue.scheduled, state: { ...shown.state, repetitions: 1, interval: 1 } });
				tx.oncomplete = () => {
					open.result.close();
					resolve();
				};
				tx.onerror = () => reject(tx.error);
			};
		});
		expect(here.revealed).toBe(true);

		await here.answer(1);
		expect(here.notice).toBe('noticeStale');
		expect(await db.reviews.count()).toBe(0);
		// The card changed elsewhere is due tomorrow: this session has moved past it.
		expect(backOf(here)).toBe('2');
		expect(here.revealed).toBe(false);
		// The next answer works and clears the message.
		await reveal(here, 4);
		expect(here.notice).toBeUndefined();
		expect(await db.reviews.count()).toBe(1);
	});

	it('says so when an answer can no longer be undone because another tab changed the card', async () => {
		const deck = await setUp();
		const here = await studying(deck.id);
		await reveal(here, 1);
		const first = (await db.reviews.toArray())[0]!.card;
		const elsewhere = await studying(ALL_DECKS, { database: anotherTab() });
		// The other tab shows the same card (failed, due today) and answers it.
		expect(elsewhere.card?.id).toBe(first);
		await reveal(elsewhere, 5);
		await here.undo();
		expect(here.notice).toBe('noticeUndoStale');
		expect(await db.reviews.count()).toBe(2);
	});

	it('opens the new day’s session when the day rolls over, instead of logging yesterday’s card today', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		await reveal(study, 4);
		study.reveal();
		time = new Date(2026, 10, 26, 9).getTime();
		await study.answer(5);
		expect(await db.reviews.count()).toBe(1);
		expect(study.notice).toBe('noticeNewDay');
		expect(study.today).toBe(TODAY + 1);
		expect(study.record?.session.day).toBe(TODAY + 1);
		expect(study.revealed).toBe(false);
		// Yesterday's Good card is due today; the new cards start again.
		expect(study.counts).toEqual({ new: 4, learning: 0, review: 1 });
		expect(study.progress.done).toBe(0);
		expect(study.canUndo).toBe(false);
	});

	it('checkDay (on returning to the page) reopens only when the day has changed', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		time += 3 * 3_600_000;
		// The same day: it neither marks the study screen busy (its buttons would take no click) nor counts a write.
		const checking = study.checkDay();
		expect(study.busy).toBe(false);
		expect(await checking).toBe(false);
		// 3:30 the next morning is still today: the day starts at 4:00.
		time = new Date(2026, 10, 26, 3, 30).getTime();
		expect(await study.checkDay()).toBe(false);
		time = new Date(2026, 10, 26, 4, 0).getTime();
		expect(await study.checkDay()).toBe(true);
		expect(study.today).toBe(TODAY + 1);
	});

	it('checkDay says that storage failed rather than rejecting: nobody awaits it (a return to the page)', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const refused = vi.spyOn(db.sessions, 'get').mockRejectedValue(new DOMException('The disk is full', 'QuotaExceededError'));
		try {
			time = new Date(2026, 10, 26, 4, 30).getTime();
			await expect(study.checkDay()).resolves.toBe(false);
			expect(refused).toHaveBeenCalled();
			expect(study.notice).toBe('noticeStorageFull');
			expect(study.busy).toBe(false);
		} finally {
			refused.mockRestore();
			error.mockRestore();
		}
	});

	/**
	 * An action whose write fails, in a study session ready for it: `act` does it, and `again`
	 * does it once storage works again, returning what shows that it was done.
	 */
	interface FailingAction {
		name: string;
		ready: (study: StudySession) => Promise<void>;
		act: (study: StudySession) => Promise<void>;
		again: (study: StudySession) => Promise<unknown>;
		done: unknown;
	}

	/** Does `act`, then gives the notice it left. */
	const noticeAfter = (act: (study: StudySession) => Promise<void>) => async (study: StudySession) => {
		await act(study);
		return study.notice;
	};

	const failingActions: FailingAction[] = [
		{
			name: 'an answer',
			ready: async (study) => study.reveal(),
			act: (study) => study.answer(4),
			// The card answered is still shown with its answer, to be answered again.
			again: async (study) => {
				expect(study.revealed).toBe(true);
				expect(backOf(study)).toBe('1');
				await study.answer(4);
				return db.reviews.count();
			},
			done: 1
		},
		{
			name: 'an undo',
			ready: (study) => reveal(study, 4),
			act: (study) => study.undo(),
			again: async (study) => {
				await study.undo();
				return db.reviews.count();
			},
			done: 0
		},
		{
			name: 'a bury',
			ready: async () => undefined,
			act: (study) => study.bury(),
			again: noticeAfter((study) => study.bury()),
			done: 'noticeBuried'
		},
		{
			name: 'a suspend',
			ready: async () => undefined,
			act: (study) => study.suspend(),
			again: noticeAfter((study) => study.suspend()),
			done: 'noticeSuspended'
		},
		{
			name: 'a "Study more"',
			ready: async (study) => {
				for (let answered = 0; answered < 3; answered++) await reveal(study, 4);
			},
			act: (study) => study.studyMore(),
			again: noticeAfter((study) => study.studyMore()),
			done: { counted: 'noticeMoreNew', count: 2 }
		}
	];

	/**
	 * Storage that breaks at the session's write, the last write of every study action: the write is
	 * refused, or stored (`stored`), and from then on every read of the session is refused (a disk gone,
	 * a database closed). Returns the function that mends it.
	 */
	function breakStorageAtSessionWrite(options: { stored: boolean; error?: DOMException }): () => void {
		let broken = false;
		const refuse = () => Promise.reject(options.error ?? new DOMException('The disk is full', 'QuotaExceededError'));
		const read = db.sessions.get.bind(db.sessions);
		const write = db.sessions.put.bind(db.sessions);
		const put = vi.spyOn(db.sessions, 'put').mockImplementation(((record: SessionRecord) => {
			if (options.stored) return write(record).finally(() => (broken = true));
			broken = true;
			return refuse();
		}) as typeof db.sessions.put);
		const get = vi.spyOn(db.sessions, 'get').mockImplementation(((key: string) => (broken ? refuse() : read(key))) as typeof db.sessions.get);
		return () => {
			put.mockRestore();
			get.mockRestore();
		};
	}

	/** Everything an action writes. */
	const storedRows = () => Promise.all([db.cards.toArray(), db.reviews.toArray(), db.days.toArray(), db.sessions.toArray()]);

	it.each(failingActions)('says when $name could not be saved, rather than rejecting: nothing of it is stored, and the screen stays usable', async (action) => {
		const deck = await setUp();
		const study = await studying(deck.id, { settings: { ...SETTINGS, newPerDay: 3 } });
		await action.ready(study);
		const before = await storedRows();
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const mend = breakStorageAtSessionWrite({ stored: false });
		try {
			// Nobody awaits it on the page (a click, a key): a rejection would be unhandled, and the person told nothing.
			await expect(action.act(study)).resolves.toBeUndefined();
			// The disk is full: said as such, since trying again will not help until space is freed.
			expect(study.notice).toBe('noticeStorageFull');
			expect(study.busy).toBe(false);
			expect(error).toHaveBeenCalled();
		} finally {
			mend();
			error.mockRestore();
		}
		// One transaction: the writes before the session's were taken back with it.
		expect(await storedRows()).toEqual(before);
		expect(await action.again(study)).toEqual(action.done);
	});

	it('says "could not be saved" for a failure other than a full disk (a database closed under it)', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const mend = breakStorageAtSessionWrite({ stored: false, error: new DOMException('The database connection is closing.', 'InvalidStateError') });
		try {
			await reveal(study, 4);
			expect(study.notice).toBe('noticeSaveFailed');
		} finally {
			mend();
			error.mockRestore();
		}
	});

	it('says when an action was stored but the session could not be read back, without asking to do it again', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		await reveal(study, 4);
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const mend = breakStorageAtSessionWrite({ stored: true });
		try {
			await expect(study.undo()).resolves.toBeUndefined();
			expect(study.notice).toBe('noticeReadFailed');
			expect(study.busy).toBe(false);
		} finally {
			mend();
			error.mockRestore();
		}
		expect(await db.reviews.count()).toBe(0);
	});

	it('follows other tabs again once storage works, after a read of the session failed as it began to follow them', async () => {
		const deck = await setUp();
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const study = new StudySession({ db, scope: deck.id, settings: SETTINGS, now: () => time });
		sessions.push(study);
		await study.start();
		// The first read of what is followed fails (the store refused it a moment): a live query keeps no record of it then.
		const refused = vi.spyOn(db.sessions, 'get').mockRejectedValueOnce(new DOMException('The disk is full', 'QuotaExceededError'));
		await vi.waitFor(() => expect(refused).toHaveBeenCalled());
		await vi.waitFor(() => expect(error).toHaveBeenCalledWith('Recall: the study session could not be followed', expect.anything()));
		refused.mockRestore();
		error.mockRestore();
		expect(backOf(study)).toBe('1');
		const there = await studying(deck.id, { database: anotherTab() });
		await reveal(there, 4);
		await vi.waitFor(() => expect(backOf(study)).toBe('2'), { timeout: 3_000 });
		expect(study.progress).toEqual({ done: 1, total: 5 });
	});

	it('buries or suspends only in today’s session: after the day start it moves to the new day’s session instead', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		await reveal(study, 4);
		const yesterdays = study.card!.id;
		time = new Date(2026, 10, 26, 4, 30).getTime();
		await study.bury();
		expect(study.notice).toBe('noticeNewDay');
		expect(study.today).toBe(TODAY + 1);
		// Nothing was buried "until tomorrow" from yesterday, which would be until today.
		expect((await db.cards.get(yesterdays))?.buriedUntil).toBeUndefined();
		expect(study.progress).toEqual({ done: 0, total: 5 });
		const todays = study.card!.id;
		await study.bury();
		expect(study.notice).toBe('noticeBuried');
		expect((await db.cards.get(todays))?.buriedUntil).toBe(TODAY + 2);

		time = new Date(2026, 10, 27, 4, 30).getTime();
		const shown = study.card!.id;
		await study.suspend();
		expect(study.notice).toBe('noticeNewDay');
		expect((await db.cards.get(shown))?.queue).not.toBe(Queue.suspended);
		expect(study.today).toBe(TODAY + 2);
	});

	it('moves to the new day’s session on its own at the day start, with no action: a timer set for it', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const deck = await setUp();
			time = new Date(2026, 10, 26, 3, 55).getTime();
			const study = await studying(deck.id);
			for (const grade of [4, 4, 4, 4, 4] as const) await reveal(study, grade);
			// The end screen of the day, left open.
			expect(study.finished).toBe(true);
			expect(study.summary?.answers).toBe(5);
			time = new Date(2026, 10, 26, 3, 59, 59).getTime();
			await vi.advanceTimersByTimeAsync(4 * 60_000 + 59_000);
			expect(study.today).toBe(TODAY);
			time = new Date(2026, 10, 26, 4, 0).getTime();
			await vi.advanceTimersByTimeAsync(1_000);
			await vi.waitFor(() => expect(study.record?.session.day).toBe(TODAY + 1));
			expect(study.finished).toBe(false);
			expect(study.notice).toBe('noticeNewDay');
			expect(study.counts).toEqual({ new: 0, learning: 0, review: 5 });

			// Then one timer for the next day start, a day away: an idle page does not wake up before it to look at the clock.
			// (A minute's margin: vi.waitFor above moved the fake clock on by a few polls after the timer was set.)
			const looks = vi.spyOn(study, 'checkDay');
			await vi.advanceTimersByTimeAsync(24 * 3_600_000 - 60_000);
			expect(looks).not.toHaveBeenCalled();
			await vi.advanceTimersByTimeAsync(60_000);
			expect(looks).toHaveBeenCalledTimes(1);
			expect(vi.getTimerCount()).toBe(1);
			// A clock set forward leaves the timer late: returning to the page looks at once, and sets the timer anew.
			time = new Date(2026, 10, 27, 9, 0).getTime();
			expect(await study.checkDay()).toBe(true);
			expect(study.record?.session.day).toBe(TODAY + 1 + 1);
			await vi.waitFor(() => expect(study.busy).toBe(false));
			looks.mockClear();
			await vi.advanceTimersByTimeAsync(19 * 3_600_000 - 60_000);
			expect(looks).not.toHaveBeenCalled();
			await vi.advanceTimersByTimeAsync(60_000);
			expect(looks).toHaveBeenCalledTimes(1);
		} finally {
			vi.useRealTimers();
		}
	});

	it('says when an answer makes the card a leech, which leaves the session (and Undo brings it back)', async () => {
		const deck = await setUp();
		const id = deck.cards[0]!.id;
		// Seven lapses yesterday: learned (Good), then forgotten (Again), seven times; learned again, due today.
		let at = NOON - 86_400_000;
		for (const grade of [...Array.from({ length: 7 }, () => [4, 1] as const).flat(), 4 as const]) {
			const card = (await db.cards.get(id))!;
			await answerCard(db, { cardId: id, grade, reviewedAt: (at += 1000), durationMs: 1, kind: card.dueDay === undefined ? 'new' : 'review', expectedLastReview: card.lastReview, dayOptions: DAY_OPTIONS });
		}
		// Its front is Markdown: the notice quotes the text a person reads of it.
		await db.cards.update(id, { front: '**Capital** of _Burkina Faso_' });
		const study = await studying(deck.id);
		expect(study.card?.id).toBe(id);
		await reveal(study, 1);
		// The next card shows under the notice: the notice names the leech.
		expect(study.notice).toEqual({ counted: 'noticeLeechSuspended', count: 8, content: { front: 'Capital of Burkina Faso' } });
		expect(noticeText('en', study.notice)).toBe('Leech: “Capital of Burkina Faso” has been forgotten 8 times. It was suspended; Undo brings it back.');
		expect(study.card?.id).not.toBe(id);
		expect(study.record?.session.entries.map((entry) => entry.id)).not.toContain(id);
		await study.undo();
		expect(study.card?.id).toBe(id);
		expect(study.notice).toBe('noticeUndoneAnswer');
		expect(await db.cards.get(id)).toMatchObject({ lapses: 7, queue: Queue.scheduled, tags: [] });
		// A lapse that makes no leech says nothing.
		await saveSettings(db, { leechThreshold: 9 });
		await reveal(study, 1);
		expect(study.notice).toBeUndefined();
	});

	it('suspends and buries the card shown, moving on to the next', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		const first = study.card!.id;
		await study.suspend();
		expect(study.notice).toBe('noticeSuspended');
		expect((await db.cards.get(first))?.queue).toBe(Queue.suspended);
		expect(backOf(study)).toBe('2');
		const second = study.card!.id;
		await study.bury();
		expect(study.notice).toBe('noticeBuried');
		expect((await db.cards.get(second))?.buriedUntil).toBe(TODAY + 1);
		expect(backOf(study)).toBe('3');
		expect(study.progress).toEqual({ done: 0, total: 3 });
	});

	it('undoes a bury or a suspend as its latest action, the card shown again where it was, before the answer given earlier', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		await reveal(study, 4);
		const second = study.card!.id;
		await study.bury();
		expect(study.canUndo).toBe(true);
		await study.undo();
		// Said, not only done: the live region tells a screen reader what was taken back.
		expect(study.notice).toBe('noticeUndoneBury');
		expect(study.card?.id).toBe(second);
		expect(study.revealed).toBe(false);
		expect((await db.cards.get(second))?.buriedUntil).toBeUndefined();
		expect(await db.reviews.count()).toBe(1);
		await study.suspend();
		await study.undo();
		expect(study.notice).toBe('noticeUndoneSuspend');
		expect(study.card?.id).toBe(second);
		expect((await db.cards.get(second))?.queue).toBe(Queue.new);
		expect(study.progress).toEqual({ done: 1, total: 5 });
		await study.undo();
		expect(study.notice).toBe('noticeUndoneAnswer');
		expect(backOf(study)).toBe('1');
		expect(await db.reviews.count()).toBe(0);
	});

	it('follows a change of the limits made in another tab, with the limits stored there', async () => {
		const deck = await setUp();
		const study = await studying(deck.id, { settings: { ...SETTINGS, newPerDay: 3 } });
		expect(study.counts.new).toBe(3);
		await saveSettings(anotherTab(), { newPerDay: 4 });
		await vi.waitFor(() => expect(study.counts.new).toBe(4));
		expect((await db.sessions.get(deck.id))?.outdated).toBeUndefined();
	});

	it('follows a change of the day start made in another tab: the answers after it are logged on the study day it gives', async () => {
		const deck = await setUp();
		// 01:00: with the day starting at 4:00, the evening before's study day.
		time = new Date(2026, 10, 26, 1).getTime();
		const study = await studying(deck.id);
		expect(study.today).toBe(TODAY);
		await reveal(study, 5);
		// Another tab starts the day at midnight: 01:00 is the 26th's study day now.
		await saveSettings(anotherTab(), { dayStartHour: 0 });
		await vi.waitFor(() => expect(study.today).toBe(TODAY + 1));
		expect(study.dayOptions).toEqual({ dayStartHour: 0 });
		// The new day's session is opened after the day is known: under load, a moment later.
		await vi.waitFor(() => expect(study.record?.session.day).toBe(TODAY + 1));
		study.reveal();
		await study.answer(4);
		const days = (await db.reviews.toArray()).map((row) => row.day).sort();
		expect(days).toEqual([TODAY, TODAY + 1]);
	});

	it('takes in the cards another tab adds to the deck, after those it has', async () => {
		db = freshDatabase();
		time = NOON;
		await createDeck(db, 'Own', NOON);
		await addCards(db, 'own', [{ kind: 'basic', front: 'one', back: '1' }], NOON);
		const study = await studying('own');
		expect(study.counts.new).toBe(1);
		await addCards(anotherTab(), 'own', [{ kind: 'basic', front: 'two', back: '2' }, { kind: 'basic', front: 'three', back: '3' }], NOON + 1000);
		await vi.waitFor(() => expect(study.counts.new).toBe(3));
		expect(backOf(study)).toBe('1');
		expect((await db.sessions.get('own'))?.refill).toBeUndefined();
	});

	it('shows an edit of the card shown made in another tab, keeping its answer shown, and answers it as the same showing', async () => {
		db = freshDatabase();
		time = NOON;
		await createDeck(db, 'Own', NOON);
		const [uno, dos] = await addCards(db, 'own', [{ kind: 'basic', front: 'uno', back: 'one' }, { kind: 'basic', front: 'dos', back: 'two' }], NOON);
		const reads = vi.spyOn(db.cards, 'get');
		const study = await studying('own');
		expect(study.card?.front).toBe('uno');
		study.reveal();
		// The live query has given what it follows once (its first reading would see the edit anyway, and prove nothing):
		// showing it, the page read the next card ahead again, as opening did.
		await vi.waitFor(() => expect(reads.mock.calls.filter(([key]) => (key as unknown) === dos!.id)).toHaveLength(2));
		reads.mockRestore();
		const showings = study.showings;
		await editCard(anotherTab(), uno!.id, { front: 'uno (edited)', back: 'one (edited)', tags: [] }, NOON + 1000);
		await vi.waitFor(() => expect(study.card?.back).toBe('one (edited)'));
		expect(study.card?.front).toBe('uno (edited)');
		expect(study.revealed).toBe(true);
		expect(study.showings).toBe(showings);
		await study.answer(4);
		expect(await db.reviews.count()).toBe(1);
		expect(study.notice).toBeUndefined();
		expect(backOf(study)).toBe('two');
	});

	it('ends with today’s summary', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		const grades = [1, 4, 5, 3, 4, 4, 4] as const;
		for (const grade of grades) {
			time += 2_000;
			await reveal(study, grade);
		}
		expect(study.finished).toBe(true);
		expect(study.card).toBeUndefined();
		expect(study.summary).toEqual({ cards: 5, answers: 7, timeMs: 14_000, grades: { 0: 0, 1: 1, 2: 0, 3: 1, 4: 4, 5: 1 }, dueTomorrow: 5, hasCards: true, newLeft: false, newCardsLeft: 0, newStudied: 5, siblingsWaiting: false, reviewSiblingsWaiting: false, reviewsLeft: 0 });
		// The last answer can still be undone from the summary.
		expect(study.canUndo).toBe(true);
		await study.undo();
		expect(study.finished).toBe(false);
	});

	it('at the end says whether new cards are left for "Study more", and once it took the last of them, that none are', async () => {
		const deck = await setUp();
		const study = await studying(deck.id, { settings: { ...SETTINGS, newPerDay: 3 } });
		for (let answered = 0; answered < 3; answered++) await reveal(study, 4);
		expect(study.finished).toBe(true);
		expect(study.summary?.newLeft).toBe(true);
		await study.studyMore();
		expect(study.notice).toEqual({ counted: 'noticeMoreNew', count: 2 });
		await reveal(study, 4);
		await reveal(study, 4);
		expect(study.finished).toBe(true);
		expect(study.summary?.newLeft).toBe(false);
	});

	it('at the end says how many reviews the limit held back for "Study more reviews", and once it took the last of them, that none are', async () => {
		const deck = await setUp();
		await db.cards.toCollection().modify({ queue: Queue.scheduled, dueDay: TODAY - 1, state: { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false } });
		const study = await studying(deck.id, { settings: { ...SETTINGS, reviewsPerDay: 2 } });
		for (let answered = 0; answered < 2; answered++) await reveal(study, 4);
		expect(study.finished).toBe(true);
		expect(study.summary?.reviewsLeft).toBe(3);
		await study.studyMoreReviews();
		expect(study.notice).toEqual({ counted: 'noticeMoreReviews', count: 3 });
		expect(study.counts).toEqual({ new: 0, learning: 0, review: 3 });
		for (let answered = 0; answered < 3; answered++) await reveal(study, 4);
		expect(study.finished).toBe(true);
		expect(study.summary?.reviewsLeft).toBe(0);
		await study.studyMoreReviews();
		expect(study.notice).toBe('noticeNoMoreReviews');
		expect(noticeText('en', { counted: 'noticeMoreReviews', count: 1 })).toBe('1 more review for today.');
	});

	it('says the limit over all decks holds back new cards a deck studied alone used it up for, and a Study more lifts it', async () => {
		const deck = await setUp();
		const other = deckFrom('## R\n\nsix::6\n\nseven::7\n', 'other.md');
		await applyDeck(db, { deck: other, hash: 'h' }, 'built-in');
		const settings = { ...SETTINGS, newPerDay: 3 };
		const alone = await studying(deck.id, { settings });
		for (let answered = 0; answered < 3; answered++) await reveal(alone, 4);
		await alone.studyMore();
		await reveal(alone, 4);
		// Four new cards studied today in the first deck: the other deck's two are within its own limit, not within all decks'.
		expect(alone.newHeld).toBeUndefined();
		const everything = await studying(ALL_DECKS, { settings });
		expect(everything.finished).toBe(true);
		expect(everything.newHeld).toEqual({ limit: 3, left: 0 });

		await everything.studyMore();
		expect(everything.finished).toBe(false);
		for (let answered = 0; answered < 3; answered++) await reveal(everything, 4);
		// Nothing left to hold back: one card from the first deck and the other deck's two were studied.
		expect(everything.finished).toBe(true);
		expect(everything.summary?.newLeft).toBe(false);
		expect(everything.newHeld).toBeUndefined();
	});

	it('is finished from the start when nothing is due', async () => {
		const deck = await setUp();
		const study = await studying(deck.id, { settings: { ...SETTINGS, newPerDay: 0 } });
		expect(study.finished).toBe(true);
		expect(study.record?.session.answered).toBe(0);
		expect(study.summary).toMatchObject({ answers: 0, dueTomorrow: 0 });
	});

	it('shows a card that is gone from storage no longer', async () => {
		const deck = await setUp();
		const study = await studying(deck.id);
		const stored = (await db.sessions.get(deck.id))!;
		await db.cards.delete(currentEntry(stored.session)!.id);
		await db.sessions.put({ ...stored });
		await vi.waitFor(() => expect(backOf(study)).toBe('2'));
		// Direct answers elsewhere keep working too.
		const card = study.card!;
		await answerCard(db, { cardId: card.id, grade: 4, reviewedAt: time, durationMs: 1, kind: 'new', expectedLastReview: undefined, scope: deck.id, dayOptions: DAY_OPTIONS });
		await vi.waitFor(() => expect(backOf(study)).toBe('3'));
	});

	it('says so when the session cannot be opened at all', async () => {
		const deck = await setUp();
		db.close();
		const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		const study = await studying(deck.id);
		expect(study.loadFailed).toBe(true);
		expect(study.loaded).toBe(false);
		expect(error).toHaveBeenCalled();
		error.mockRestore();
		await db.open();
	});
});

describe('notices', () => {
	it('are put in words in the language shown, a leech named by its front', () => {
		const leech = { counted: 'noticeLeechSuspended', count: 8, content: { front: 'Capital of Burkina Faso' } } as const;
		expect(noticeText('en', leech)).toBe('Leech: “Capital of Burkina Faso” has been forgotten 8 times. It was suspended; Undo brings it back.');
		expect(noticeText('ko', leech)).toBe('거머리 카드: “Capital of Burkina Faso” 카드를 8번 잊어버렸습니다. 카드를 보류했습니다. 되돌리기로 다시 가져올 수 있습니다.');
		expect(noticeText('en', { counted: 'noticeLeechTagged', count: 1, content: { front: '리전' } })).toBe('Leech: “리전” has been forgotten 1 time. It was tagged “leech”.');
		expect(noticeText('ko', { counted: 'noticeLeechTagged', count: 12, content: { front: '리전' } })).toBe('거머리 카드: “리전” 카드를 12번 잊어버렸습니다. “leech” 태그를 붙였습니다.');
		// What a front says is never read as a placeholder.
		expect(noticeText('en', { counted: 'noticeLeechTagged', count: 8, content: { front: '{count}' } })).toBe('Leech: “{count}” has been forgotten 8 times. It was tagged “leech”.');
		expect(noticeText('en', 'noticeBuried')).toBe('The card is buried until tomorrow. Undo brings it back.');
		expect(noticeText('ko', undefined)).toBe('');
	});

	it('mark the front they name with its own language, apart from the app’s words', () => {
		expect(noticeParts('en', { counted: 'noticeLeechTagged', count: 1, content: { front: '리전' } })).toEqual([
			{ kind: 'words', text: 'Leech: “' },
			{ kind: 'content', text: '리전', lang: 'ko' },
			{ kind: 'words', text: '” has been forgotten 1 time. It was tagged “leech”.' }
		]);
		expect(noticeParts('ko', { counted: 'noticeLeechTagged', count: 2, content: { front: 'Region' } })[1]).toEqual({ kind: 'content', text: 'Region', lang: 'en' });
		expect(noticeParts('en', 'noticeBuried')).toEqual([{ kind: 'words', text: 'The card is buried until tomorrow. Undo brings it back.' }]);
	});

	it('quote a card’s front as short plain text, whatever it is written in', () => {
		expect(noticeFront({ front: '**리전**이란?\n\n- 하나\n- 둘', format: undefined })).toBe('리전이란? 하나 둘');
		expect(noticeFront({ front: '<b>bold</b><br>next &amp; <i>last</i><style>b{color:red}</style>', format: 'html' })).toBe('bold next & last');
		const long = 'What does the shared responsibility model say about who patches the guest operating system of an EC2 instance?';
		const quoted = noticeFront({ front: long, format: 'markdown' });
		expect(quoted).toHaveLength(60);
		expect(quoted).toBe(`${long.slice(0, 59).trimEnd()}…`);
		// A front that is only an image has no text to read: its source names it, as the card browser lists it.
		expect(noticeFront({ front: '![](map.png)', format: undefined })).toBe('![](map.png)');
	});
});
