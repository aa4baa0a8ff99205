/**
 * The study screen's state: the session of a scope for the study day, the card
 * shown and whether its answer is, and the actions on it. Storage is the single
 * truth: every action writes through `$lib/db` and then shows what is stored,
 * and a live query shows what other tabs store, so two tabs never disagree for
 * long and never log one showing twice.
 */
import { trackWrite } from '$lib/app/pending-writes';
import {
	answerCard,
	buryCard,
	loadDaySummary,
	NEW_CARDS_LEFT_COUNTED,
	loadSettings,
	openSession,
	StaleCardError,
	studyMore,
	studyMoreReviews,
	suspendCard,
	toSchedule,
	undoLastAction,
	type CardRecord,
	type DaySummary,
	type RecallDatabase,
	type SessionRecord,
	type Settings,
	type UndoneAction
} from '$lib/db';
import { followLive } from '$lib/db/live-follow';
import { isStorageFull } from '$lib/db/storage-full';
import type { CountedMessage } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import { countedParts, messageParts, type MessageContent, type MessagePart } from '$lib/i18n/message-parts';
import type { MessageKey } from '$lib/i18n/messages';
import '$lib/i18n/messages-study';
import { sideText } from '$lib/render/side-text';
import { isAvailable } from '$lib/srs/card-schedule';
import { msUntilNextStudyDay, studyDay, type DayOptions } from '$lib/srs/day';
import { ALL_DECKS } from '$lib/srs/deck-tree';
import { newLimitHold, type NewLimitHold } from '$lib/srs/queue-limits';
import { afterAnswerHolding, currentEntry, entryAfterHead, sessionCounts, type QueueEntry } from '$lib/srs/session';
import { siblingKeysOf } from '$lib/srs/siblings';
import { sm2, type Grade } from '$lib/srs/sm2';
import { isLapse } from '$lib/stats/lapses';

/**
 * A message for the person: a string, or a counted one ("forgotten 8 times") with its other
 * placeholders' values (the card it is about). Kept as data and put in words where it is
 * shown, so that it follows a change of language.
 */
export type StudyNotice = MessageKey | { counted: CountedMessage; count: number; content?: MessageContent };

/** A notice in the words of `locale`, a card it names in parts of its own (message-parts.ts); nothing to say is no part. */
export function noticeParts(locale: Locale, notice: StudyNotice | undefined): MessagePart[] {
	if (notice === undefined) return [];
	return typeof notice === 'string' ? messageParts(locale, notice, {}) : countedParts(locale, notice.counted, notice.count, notice.content ?? {});
}

/** What an undo says it took back: a screen reader hears it, and the card shown again is the same for all three. */
const UNDONE_NOTICES: Record<UndoneAction, MessageKey> = {
	answer: 'noticeUndoneAnswer',
	buried: 'noticeUndoneBury',
	suspended: 'noticeUndoneSuspend'
};

/** How much of a card's front a notice quotes: enough to know the card by, on one line. */
export const NOTICE_FRONT_LENGTH = 60;

/**
 * A card's front as a notice quotes it: the text a person reads of it, short. A front that
 * is only an image has no text: its source is quoted then, as the card browser lists it.
 */
export function noticeFront(card: Pick<CardRecord, 'front' | 'format'>): string {
	return sideText(card.front, card.format, NOTICE_FRONT_LENGTH);
}

/** What a card shows: two records with the same face show the same card (a new record would only draw it again). */
function sameFace(a: CardRecord, b: CardRecord): boolean {
	return (
		a.front === b.front &&
		a.back === b.back &&
		a.format === b.format &&
		a.deck === b.deck &&
		JSON.stringify(a.path) === JSON.stringify(b.path) &&
		JSON.stringify(a.images) === JSON.stringify(b.images)
	);
}

export interface StudySessionOptions {
	db: RecallDatabase;
	/** A deck id, or ALL_DECKS. */
	scope: string;
	settings: Settings;
	/** The clock, for tests. */
	now?: () => number;
	/** Called after each answer is stored; not awaited, so nothing it does can hold up the next card. */
	onAnswered?: () => void;
}

/** The longest wait setTimeout keeps: a longer one overflows and fires at once. A study day is far shorter; this is a guard. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;
/** How soon to look again when the day has changed but an action was being stored. */
const DAY_CHECK_RETRY_MS = 1_000;

/** How many new cards "Study more" asks for at a time: as many as the end screen's summary counts (a deck with 2 left says 2). */
export const STUDY_MORE_NEW_CARDS = NEW_CARDS_LEFT_COUNTED;
/** How many due reviews "Study more reviews" asks for at a time: a few days' worth, as a week's backlog is worked through. */
export const STUDY_MORE_REVIEWS = 50;

/** What the screen shows of a card: put back as it was when its answer could not be stored. */
interface Showing {
	record: SessionRecord | undefined;
	card: CardRecord;
	entry: QueueEntry;
	shownAt: number;
	upNext: CardRecord | undefined;
}

export interface StudyProgress {
	/** Answers given in the session, same-day repeats included. */
	done: number;
	/** done + what is left. */
	total: number;
}

export class StudySession {
	readonly scope: string;
	readonly settings: Settings;
	/** The day start the study day is counted with: the stored setting, followed when another page changes it. */
	dayOptions = $state.raw<DayOptions>({});

	/** The study day the session belongs to. */
	today = $state(0);
	/** The stored session, as last read. */
	record = $state.raw<SessionRecord | undefined>();
	/** The card shown, as it was loaded when shown: its `lastReview` is what the answer expects. */
	card = $state.raw<CardRecord | undefined>();
	entry = $state.raw<QueueEntry | undefined>();
	/** When the card shown was shown, in ms since the epoch. */
	shownAt = $state(0);
	revealed = $state(false);
	/** Counts the showings: a new card, or the same card shown afresh (after an answer or an undo). */
	showings = $state(0);
	/** An action is being stored: the answer buttons are off until what it stored is shown. */
	busy = $state(false);
	/** The session has been read once. */
	loaded = $state(false);
	/** The session could not be opened at all. */
	loadFailed = $state(false);
	/** Why it failed, when it did: the device's storage is full (else the browser refused to store anything). */
	loadFailedFull = $state(false);
	/** Today's figures, once the session is over. */
	summary = $state.raw<DaySummary | undefined>();
	/** A message for the person, about something they did not do themselves. */
	notice = $state<StudyNotice | undefined>();

	readonly #db: RecallDatabase;
	readonly #now: () => number;
	readonly #onAnswered: (() => void) | undefined;
	/** Stops following the stored session. */
	#stopFollowing: (() => void) | undefined;
	/** Each read of the stored session takes a number; only the latest one is shown. */
	#generation = 0;
	/** The action being stored, if any. */
	#acting: Promise<void> | undefined;
	/** The card after the one shown, read ahead so that an answer can show it at once. */
	#upNext: CardRecord | undefined;
	/** Another tab wrote while this one was busy: read again once it is done. */
	#missedUpdate = false;
	#destroyed = false;
	/** Moves the page to the next study day when it starts (see #watchDay). */
	#dayTimer: ReturnType<typeof setTimeout> | undefined;
	/** The limits sessions are made with: the settings the page opened with, until they change. */
	#limits: Settings;

	constructor(options: StudySessionOptions) {
		this.#db = options.db;
		this.scope = options.scope;
		this.settings = options.settings;
		this.#limits = options.settings;
		this.dayOptions = { dayStartHour: options.settings.dayStartHour };
		this.#now = options.now ?? Date.now;
		this.#onAnswered = options.onAnswered;
	}

	get progress(): StudyProgress {
		const session = this.record?.session;
		if (!session) return { done: 0, total: 0 };
		return { done: session.answered, total: session.answered + session.entries.length };
	}

	get counts(): { new: number; learning: number; review: number } {
		return this.record ? sessionCounts(this.record.session) : { new: 0, learning: 0, review: 0 };
	}

	/** Nothing left to show today. */
	get finished(): boolean {
		return this.loaded && this.card === undefined;
	}

	/**
	 * At the end of the all-decks session: its own limit of new cards, used up today (by any deck's session),
	 * holds back new cards its decks still have, which a deck's own session would show. The end screen says so.
	 */
	get newHeld(): NewLimitHold | undefined {
		const summary = this.summary;
		if (this.scope !== ALL_DECKS || summary === undefined) return undefined;
		return newLimitHold(this.#limits.newPerDay + (this.record?.extraNew ?? 0), summary.newStudied, summary.newLeft ? 1 : 0);
	}

	get canUndo(): boolean {
		return (this.record?.undo.length ?? 0) > 0;
	}

	/** Opens (or resumes) today's session and follows the stored session from then on. */
	async start(): Promise<void> {
		this.today = this.#currentDay();
		try {
			await this.#reopen();
		} catch (error) {
			// Storage refused (a private window in some browsers, a full disk): say so rather than load forever.
			this.loadFailed = true;
			this.loadFailedFull = isStorageFull(error);
			console.error('Recall: the study session could not be opened', error);
			return;
		}
		if (this.#destroyed) return;
		this.#watchDay();
		this.#stopFollowing = followLive(
			() => this.#readFollowed(),
			(record) => void this.#storedChanged(record).catch((error: unknown) => this.#readFailed(error)),
			(error) => console.error('Recall: the study session could not be followed', error)
		);
	}

	/**
	 * What the live query follows: the stored session, and the card at its head, so that the card shown
	 * follows an edit made elsewhere (the card info page, another tab) as the session follows answers.
	 */
	async #readFollowed(): Promise<SessionRecord | undefined> {
		const record = await this.#db.sessions.get(this.scope);
		const head = record === undefined ? undefined : currentEntry(record.session);
		// Read to be followed: #show reads it again, with the session it belongs to.
		if (head !== undefined) await this.#db.cards.get(head.id);
		return record;
	}

	destroy(): void {
		this.#destroyed = true;
		clearTimeout(this.#dayTimer);
		this.#dayTimer = undefined;
		this.#stopFollowing?.();
		this.#stopFollowing = undefined;
	}

	reveal(): void {
		if (this.card === undefined || this.revealed) return;
		this.notice = undefined;
		this.revealed = true;
	}

	/** When the answer's clock was stopped (the card put aside to be edited), and on which showing. */
	#pause: { at: number; showing: number } | undefined;

	/** Stops the answer's clock while the card is edited: that time is not time spent recalling it. */
	pauseClock(): void {
		this.#pause ??= { at: this.#now(), showing: this.showings };
	}

	/** Starts the answer's clock again where it stopped; a card shown since has a clock of its own. */
	resumeClock(): void {
		const pause = this.#pause;
		this.#pause = undefined;
		if (pause !== undefined && pause.showing === this.showings) this.shownAt += this.#now() - pause.at;
	}

	/** Grades the card shown. Ignored unless its answer is shown and nothing is being stored. */
	async answer(grade: Grade): Promise<void> {
		const showing = this.showings;
		// The card shown ahead can be answered while the previous answer is still being stored: it waits for that
		// action to be over, read-back and all (busy ends before a stored change heard meanwhile is read), so that
		// answers keep the order they were given and a key pressed later never overtakes one queued before it.
		while (this.#acting) await this.#acting;
		const { card, entry } = this;
		if (showing !== this.showings || card === undefined || entry === undefined || !this.revealed || this.busy) return;
		performance.mark('recall:answer');
		this.notice = undefined;
		const reviewedAt = this.#now();
		const durationMs = reviewedAt - this.shownAt;
		const shown: Showing = { record: this.record, card, entry, shownAt: this.shownAt, upNext: this.#upNext };
		this.#showNextAhead(card, grade);
		await this.#act(async () => {
			// Yesterday's card in today's session would be logged on the wrong day.
			if (await this.#startNewDayIfDue()) return;
			let reviewId: string;
			try {
				({ id: reviewId } = await answerCard(this.#db, {
					cardId: card.id,
					grade,
					reviewedAt,
					durationMs,
					kind: entry.kind,
					expectedLastReview: card.lastReview,
					scope: this.scope,
					dayOptions: this.dayOptions
				}));
			} catch (error) {
				await this.#answerFailed(error, shown);
				return;
			}
			this.#onAnswered?.();
			// Only a lapse can make a card a leech: only then is its undo step read for what the answer did.
			if (isLapse({ kind: entry.kind, card: card.id, grade, before: { state: card.state } })) await this.#sayIfLeech(reviewId, card);
		});
	}

	/**
	 * Tells the person when the answer `reviewId` made `card` a leech (tagged, and suspended or not).
	 * The notice names the card by its front: it shows above the next card, which is not the leech.
	 */
	async #sayIfLeech(reviewId: string, card: CardRecord): Promise<void> {
		const step = (await this.#db.sessions.get(this.scope))?.undo.at(-1);
		if (step === undefined || !('reviewId' in step) || step.reviewId !== reviewId || !step.leech) return;
		this.notice = {
			counted: step.leech.suspended ? 'noticeLeechSuspended' : 'noticeLeechTagged',
			count: step.leech.lapses,
			content: { front: noticeFront(card) }
		};
	}

	/** Takes back the latest action of the session (an answer, a bury, a suspend): its card is shown again, front first. */
	async undo(): Promise<void> {
		if (this.busy || !this.canUndo) return;
		this.notice = undefined;
		await this.#act(async () => {
			if (await this.#startNewDayIfDue()) return;
			try {
				const undone = await undoLastAction(this.#db, this.scope, this.#now());
				if (undone !== undefined) this.notice = UNDONE_NOTICES[undone];
			} catch (error) {
				if (!(error instanceof StaleCardError)) throw error;
				this.notice = 'noticeUndoStale';
			}
		});
	}

	/** Takes the card shown out of every session until it is unsuspended. */
	async suspend(): Promise<void> {
		const { card } = this;
		if (card === undefined || this.busy) return;
		this.notice = undefined;
		await this.#act(async () => {
			// A card of yesterday's session: the page moves to today's instead (as an answer does).
			if (await this.#startNewDayIfDue()) return;
			await suspendCard(this.#db, card.id, this.scope, this.#now());
			this.notice = 'noticeSuspended';
		});
	}

	/**
	 * "Study more": today's session takes `count` more new cards than the day's
	 * limits allow (db/sessions.ts `studyMore`), and says how many came, or that
	 * none are left.
	 */
	async studyMore(count = STUDY_MORE_NEW_CARDS): Promise<void> {
		if (this.busy) return;
		this.notice = undefined;
		await this.#act(async () => {
			if (await this.#startNewDayIfDue()) return;
			const { record, added, siblings } = await studyMore(this.#db, this.scope, this.today, count, this.#limits, this.#now());
			this.notice = added === 0 ? 'noticeNoMoreNew' : { counted: siblings ? 'noticeMoreSiblings' : 'noticeMoreNew', count: added };
			await this.#show(record);
		});
	}

	/**
	 * "Study more reviews": today's session takes `count` more due reviews than the day's limits allow
	 * (db/sessions.ts `studyMoreReviews`), and says how many came, or that none are left.
	 */
	async studyMoreReviews(count = STUDY_MORE_REVIEWS): Promise<void> {
		if (this.busy) return;
		this.notice = undefined;
		await this.#act(async () => {
			if (await this.#startNewDayIfDue()) return;
			const { record, added } = await studyMoreReviews(this.#db, this.scope, this.today, count, this.#limits, this.#now());
			this.notice = added === 0 ? 'noticeNoMoreReviews' : { counted: 'noticeMoreReviews', count: added };
			await this.#show(record);
		});
	}

	/** Takes the card shown out of every session until the next study day. */
	async bury(): Promise<void> {
		const { card } = this;
		if (card === undefined || this.busy) return;
		this.notice = undefined;
		await this.#act(async () => {
			// Buried "until tomorrow" from yesterday's session would be buried until today, which hides nothing.
			if (await this.#startNewDayIfDue()) return;
			await buryCard(this.#db, card.id, this.today + 1, this.scope, this.#now());
			this.notice = 'noticeBuried';
		});
	}

	/**
	 * Opens the new day's session when the study day has changed since the
	 * session was opened (the page was left open overnight). Returns whether it did.
	 */
	async checkDay(): Promise<boolean> {
		try {
			// An action in flight checks the day itself; look again once it is done, read-back and all.
			while (this.#acting) await this.#acting;
			// The same day (as on most returns to the page): nothing to do, and nothing marked busy or in flight.
			if (this.busy || this.#destroyed || !this.loaded || this.#currentDay() === this.today) return false;
			let changed = false;
			await this.#act(async () => {
				changed = await this.#startNewDayIfDue();
			});
			return changed;
		} finally {
			// The clock may have changed since the timer was set (or the device slept through it): set it anew.
			if (this.loaded) this.#watchDay();
		}
	}

	/**
	 * Looks at the clock once, when the next study day starts, so that a page left
	 * open overnight, even on the end screen, moves to the new day's session on its
	 * own (checkDay sets it again). A clock set forward or a device that slept
	 * leaves the timer late; returning to the page calls checkDay at once (the
	 * page's focus, pageshow and visibility events), rather than the page waking
	 * up every few minutes to look.
	 */
	#watchDay(): void {
		clearTimeout(this.#dayTimer);
		if (this.#destroyed) return;
		const now = this.#now();
		const wait = studyDay(now, this.dayOptions) !== this.today ? DAY_CHECK_RETRY_MS : Math.min(msUntilNextStudyDay(now, this.dayOptions), LONGEST_TIMEOUT_MS);
		this.#dayTimer = setTimeout(() => {
			this.#dayTimer = undefined;
			void this.checkDay();
		}, wait);
	}

	#currentDay(): number {
		return studyDay(this.#now(), this.dayOptions);
	}

	async #startNewDayIfDue(): Promise<boolean> {
		const day = this.#currentDay();
		if (day === this.today) return false;
		this.today = day;
		this.notice = 'noticeNewDay';
		await this.#reopen();
		return true;
	}

	/**
	 * Runs an action that writes, then shows what is stored. It never rejects: its callers on the
	 * page do not await it (a click, a key), so a failure is said in the notice and the screen stays usable.
	 */
	#act(action: () => Promise<void>): Promise<void> {
		// An action can start while the one before is still reading back a stored change (busy is already false): only the latest clears the mark.
		const acting: Promise<void> = this.#runAct(action).finally(() => {
			if (this.#acting === acting) this.#acting = undefined;
		});
		this.#acting = acting;
		return acting;
	}

	async #runAct(action: () => Promise<void>): Promise<void> {
		this.busy = true;
		let stored = true;
		try {
			// The write alone is tracked, not the reading back after it: leaving mid-read loses nothing, and the page
			// asked before leaving for as long as a second read-back took (one after a change from elsewhere).
			await trackWrite(action());
		} catch (error) {
			stored = false;
			this.#failed(error);
		}
		try {
			try {
				await this.#reload();
			} finally {
				this.busy = false;
			}
			if (this.#missedUpdate) await this.#reload();
		} catch (error) {
			// What failed to be stored says so already; what was stored is not said to have failed (it must not be done twice).
			if (stored) this.#readFailed(error);
			else console.error('Recall: the study session could not be read back', error);
		}
	}

	async #answerFailed(error: unknown, shown: Showing): Promise<void> {
		// Not stored: the card answered is shown again, its answer up, even when storage cannot be read back to show it.
		if (!(error instanceof StaleCardError)) this.#showAgain(shown);
		if (error instanceof StaleCardError || (await this.#movedOnFrom(shown.card))) {
			// Another tab answered it: its answer stands, and the session moves on.
			this.notice = 'noticeStale';
			await this.#reopen();
		} else {
			throw error;
		}
	}

	/** Whether the stored session no longer shows `card` as it was shown here. */
	async #movedOnFrom(card: CardRecord): Promise<boolean> {
		const [stored, current] = await Promise.all([this.#db.sessions.get(this.scope), this.#db.cards.get(card.id)]);
		const head = stored ? currentEntry(stored.session) : undefined;
		return head?.id !== card.id || current?.lastReview !== card.lastReview;
	}

	#failed(error: unknown): void {
		// A full disk is worth naming: trying again will not help until some space is freed.
		this.notice = isStorageFull(error) ? 'noticeStorageFull' : 'noticeSaveFailed';
		console.error('Recall: a study action failed', error);
	}

	/** The stored session could not be read: what is shown may be out of date. */
	#readFailed(error: unknown): void {
		this.notice = 'noticeReadFailed';
		console.error('Recall: the study session could not be read', error);
	}

	/** Today's session, resumed or started, reconciled with the cards. */
	async #reopen(): Promise<void> {
		const record = await openSession(this.#db, this.scope, this.today, this.#limits, this.#now());
		await this.#show(record);
	}

	/**
	 * The limits or the day start changed (settings or deck options, perhaps in another tab): today's session is
	 * made again with the stored ones, or the study day the new day start gives is opened.
	 */
	async #remake(): Promise<void> {
		this.#limits = await loadSettings(this.#db);
		if (this.#limits.dayStartHour !== this.dayOptions.dayStartHour) {
			this.dayOptions = { dayStartHour: this.#limits.dayStartHour };
			this.#watchDay();
			if (await this.#startNewDayIfDue()) return;
		}
		await this.#reopen();
	}

	async #reload(): Promise<void> {
		this.#missedUpdate = false;
		const record = await this.#db.sessions.get(this.scope);
		if (record === undefined || record.session.day !== this.today) await this.#reopen();
		else if (record.outdated) await this.#remake();
		else if (record.refill) await this.#reopen();
		else await this.#show(record);
	}

	async #storedChanged(record: SessionRecord | undefined): Promise<void> {
		if (this.#destroyed) return;
		if (this.busy) {
			this.#missedUpdate = true;
			return;
		}
		if (record?.outdated && record.session.day === this.today) {
			await this.#act(() => this.#remake());
			return;
		}
		// Cards added or imported elsewhere (another tab, the import page): opening takes them in.
		if (record?.refill && record.session.day === this.today) {
			await this.#act(() => this.#reopen());
			return;
		}
		if (record !== undefined && record.session.day === this.today) {
			await this.#show(record);
			return;
		}
		// Gone, or another tab has moved on to a new day: catch up with the clock, which decides.
		await this.#act(async () => {
			await this.#startNewDayIfDue();
		});
	}

	/**
	 * Shows the next card while the answer is being stored: the queue's next step
	 * is pure, and the card was read ahead. The write still decides: once stored,
	 * the session is read back (the same showing is kept), and if the answer
	 * fails the stored session, with this card at its head, is shown again.
	 */
	#showNextAhead(card: CardRecord, grade: Grade): void {
		const record = this.record;
		const next = this.#upNext;
		if (record === undefined || next === undefined) return;
		// The answer holds the reviews of its siblings still waiting, as the store does (db/answers.ts).
		const { session } = afterAnswerHolding(record.session, card.id, sm2(card.state, grade), siblingKeysOf(card));
		const entry = currentEntry(session);
		if (entry === undefined || entry.id !== next.id || next.id === card.id) return;
		// A showing read before this answer (a stored change heard a moment ago) would bring back the card just answered.
		this.#generation++;
		this.record = { ...record, session };
		this.entry = entry;
		this.card = next;
		this.revealed = false;
		this.shownAt = this.#now();
		this.showings++;
		this.#upNext = undefined;
	}

	/** Puts `shown` back on the screen as a new showing, after the one shown ahead of its answer. */
	#showAgain(shown: Showing): void {
		// A showing read before this (the answer's read-back) would replace it.
		this.#generation++;
		this.record = shown.record;
		this.card = shown.card;
		this.entry = shown.entry;
		this.revealed = true;
		this.shownAt = shown.shownAt;
		this.showings++;
		this.#upNext = shown.upNext;
	}

	/**
	 * Reads the card after the head of `record`; resolves once it is read (never rejects: an answer without it
	 * waits for its write instead). The card read before stays meanwhile when it is the same one: an answer given
	 * during the read (the session heard back from storage) shows it, and its own read-back shows it as stored.
	 */
	async #readAhead(record: SessionRecord, head: CardRecord | undefined, generation: number): Promise<void> {
		// Not a review that the head's answer holds (a sibling's): the card after it comes instead.
		const id = head === undefined ? undefined : entryAfterHead(record.session, siblingKeysOf(head))?.id;
		if (this.#upNext?.id !== id) this.#upNext = undefined;
		if (id === undefined) return;
		try {
			const card = await this.#db.cards.get(id);
			if (generation === this.#generation) this.#upNext = card;
		} catch {
			// Not read ahead: the next card is shown once the answer is stored.
		}
	}

	async #show(record: SessionRecord, reconciled = false): Promise<void> {
		const generation = ++this.#generation;
		// Not busy: the change comes from elsewhere (another tab, the card info page), not from an action here.
		const shownBefore = this.busy ? undefined : this.card;
		const entry = currentEntry(record.session);
		const card = entry === undefined ? undefined : await this.#db.cards.get(entry.id);
		const storedBefore = shownBefore === undefined || shownBefore.id === card?.id ? card : await this.#db.cards.get(shownBefore.id);
		const summary = entry === undefined ? await loadDaySummary(this.#db, this.scope, record.session.day, this.#limits, record.extraNewSiblings === true) : undefined;
		if (generation !== this.#generation || this.#destroyed) return;
		if (entry !== undefined && card === undefined) {
			// The card is gone (its deck changed in another tab): reopening drops it from the queue.
			await this.#reopen();
			return;
		}
		if (!reconciled && card !== undefined && !isAvailable(toSchedule(card), record.session.day)) {
			// Suspended or buried from another session (a tab studying every deck), which leaves this one's queue
			// as it was: reopening reconciles it, rather than offering a card taken out of the queues to be answered.
			const reopened = await openSession(this.#db, this.scope, this.today, this.#limits, this.#now());
			if (generation !== this.#generation || this.#destroyed) return;
			await this.#show(reopened, true);
			return;
		}
		const answeredElsewhere =
			!reconciled && card !== undefined && this.card?.id === card.id && this.card.lastReview !== card.lastReview && this.record?.session.answered === record.session.answered;
		if (answeredElsewhere) {
			// Another tab answered the card shown (this session answered nothing since): reopening reconciles the
			// session with it, dropping it when it is no longer due today, rather than offering it to be answered again.
			const reopened = await openSession(this.#db, this.scope, this.today, this.#limits, this.#now());
			if (generation !== this.#generation || this.#destroyed) return;
			await this.#show(reopened, true);
			return;
		}
		this.record = record;
		this.summary = summary;
		this.loaded = true;
		const readingAhead = this.#readAhead(record, card, generation);
		this.#present(card, entry, shownBefore, storedBefore);
		// Part of the action that showed it: an answer given meanwhile waits for the action, and then needs the card after.
		await readingAhead;
	}

	/** Puts `card` on the screen: a new showing, or the same one (the same card with the same last review) updated. */
	#present(card: CardRecord | undefined, entry: QueueEntry | undefined, shownBefore: CardRecord | undefined, storedBefore: CardRecord | undefined): void {
		// The same card with the same last review is the same showing: keep its side and its clock,
		// and show what it says now (edited elsewhere), which leaves the answer shown if it was.
		if (card !== undefined && this.card?.id === card.id && this.card.lastReview === card.lastReview) {
			this.entry = entry;
			if (!sameFace(this.card, card)) this.card = card;
			return;
		}
		// The card being read goes away (or starts afresh) because another tab answered it: say why, rather than let it vanish.
		if (shownBefore !== undefined && storedBefore !== undefined && storedBefore.lastReview !== shownBefore.lastReview) this.notice = 'noticeAnsweredElsewhere';
		this.card = card;
		this.entry = entry;
		this.revealed = false;
		this.shownAt = this.#now();
		this.showings++;
	}
}
