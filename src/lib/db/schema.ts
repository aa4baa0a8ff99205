/**
 * The IndexedDB schema (Dexie). The review log is the record; a card's SM-2
 * state and due day are a cache of folding `sm2` over its log rows, written in
 * the same transaction as each row.
 *
 * Versions only ever get added: a new `this.version(n)` with its upgrade, and
 * the test in tests/unit/db/migrations.test.ts that opens a database written
 * by the version before.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { DeckOrigin } from '../io/bundle';
import type { Card } from '../notes/deck-format';
import type { ReviewRow } from '../srs/history';
import type { HeldReview, QueueKind, Session } from '../srs/session';
import type { Sm2State } from '../srs/sm2';
import type { DeckDayTally } from '../stats/tally';
import { DB_NAME, Queue, type QueueValue } from './constants';
import type { DeckOptions } from '../srs/deck-options';
import { upgradeToVersion3, upgradeToVersion5 } from './migrations';

export { DB_NAME, Queue, type QueueValue };

export type { DeckOrigin } from '../io/bundle';

export interface DeckRecord {
	id: string;
	name: string;
	/** When the learner renamed the deck (UTC ms; deck-rename.ts): merges keep the later name. Absent: named by its file. */
	nameAt?: number;
	origin: DeckOrigin;
	tags: string[];
	/** The note the deck was made from. */
	source?: string;
	/** Content hash of the deck as last applied: a build with another hash brings changes. */
	hash?: string;
	/** Gone from the build: its cards are retired, its history kept. */
	retired: boolean;
	/**
	 * Deleted by the learner (UTC ms): retired, with its cards deleted at this
	 * same moment (bulk.ts `deleteDeck`); shown nowhere but its own page and
	 * the statistics. Importing its file again brings it back (imports.ts).
	 */
	deletedAt?: number;
	/** The deck's own daily limits, new card order and leech options, over the global settings (absent: the global ones). */
	options?: DeckOptions;
	createdAt: number;
	updatedAt: number;
}

export interface CardRecord extends Omit<Card, 'source'> {
	source: Card['source'];
	state: Sm2State;
	/** Study day the card is next due; absent while the card is new. */
	dueDay?: number;
	/** Position among the deck's new cards (note order). */
	order: number;
	queue: QueueValue;
	/** Buried: out of every queue until this study day. */
	buriedUntil?: number;
	/** The id of the card's latest review row: answers check it so that two tabs never log one showing twice. */
	lastReview?: string;
	/** How often the learned card was forgotten (stats/lapses.ts), over its whole log; absent: never. */
	lapses?: number;
	/**
	 * When suspension, burying or retirement last changed (UTC ms): imports
	 * merge these by last writer wins. Absent on cards never changed since
	 * this field came in (they count as written at time 0).
	 */
	statusAt?: number;
	/**
	 * Deleted by the learner (UTC ms): the card is retired (out of every queue)
	 * and hidden from the deck page and the browser, but kept with its review
	 * rows, which statistics still count. See bulk.ts `deleteCards`.
	 */
	deletedAt?: number;
	/**
	 * Suspended when it left the queues (retired by its note or its deck, or deleted): brought back, it is
	 * suspended again; a backup says so as the card's `suspended`. Only ever on a retired card.
	 */
	retiredSuspended?: true;
	/** Deleted when its note had already retired it: its deck restored, it stays retired (deck-removal.ts). */
	retiredWhenDeleted?: true;
	/**
	 * When its content (front, back, tags, deck, ...) last changed (UTC ms): the learner's edit, the `leech`
	 * tag put on or taken off, or the file whose content it took. A backup's content of the card replaces it
	 * only when newer (imports.ts). Absent: unchanged since this field came in, older than any known change.
	 */
	contentAt?: number;
	createdAt: number;
	updatedAt: number;
}

/**
 * A review log row: an answer, or a state row that set the schedule (imported
 * scheduling, a reset). See srs/history.ts; a card's `state` and `dueDay` are
 * `foldRows` of its rows.
 */
export type ReviewRecord = ReviewRow;

/** A media file that card HTML refers to by name (`<img src="name">`), kept for offline use. */
export interface MediaRecord {
	name: string;
	/** MIME type, e.g. "image/png". */
	type: string;
	bytes: Uint8Array | Blob;
	/** Bytes. */
	size: number;
	/** UTC ms when it was stored. */
	addedAt: number;
}

/** When each of the learner's settings was last changed, UTC ms, by field. */
export type SettingsChangedAt = Record<string, number>;

export interface SettingRecord {
	key: string;
	value: unknown;
	/**
	 * When the learner last changed each setting (`"settings"` only; field → UTC ms, change-stamp.ts): a full backup's
	 * setting replaces ours only when changed later, so two devices exchanging backups settle on each one's latest
	 * change rather than swap. A field without a stamp was never changed since stamps were kept.
	 */
	changedAt?: SettingsChangedAt;
}

/** An answer of the session: undone by dropping its log row (answers.ts). */
export interface AnswerStep {
	reviewId: string;
	cardId: string;
	kind: QueueKind;
	/** The answer made the card a leech (srs/leech.ts): what it did besides, which undo takes back too. */
	leech?: LeechStep;
	/** Reviews of the card's siblings that the answer took out of the session (srs/session.ts afterAnswerHolding), with their places. */
	held?: HeldReview[];
	/** Cards the session took in for the reviews held (within the day's limits), taken out again by undo. */
	added?: string[];
}

/** What an answer that made its card a leech did to the card and the session. */
export interface LeechStep {
	/** The card's lapses with this answer. */
	lapses: number;
	/** The answer added the tag `leech` (false: the card had it already). */
	tagged: boolean;
	/** The answer suspended the card: it left the session. */
	suspended: boolean;
	/** Cards the session took in to make up for it (within the day's limits), taken out again by undo. */
	added: string[];
}

/** A card buried or suspended from the session (cards.ts): undone by restoring what it changed. */
export interface StatusStep {
	status: 'buried' | 'suspended';
	cardId: string;
	/** The kind and place the card's entry had in the queue, and its sibling keys if the entry kept them. */
	kind: QueueKind;
	index: number;
	siblingKeys?: readonly string[];
	/** Cards the session took in to make up for this one (within the day's limits), taken out again by undo. */
	added: string[];
}

export type UndoStep = AnswerStep | StatusStep;

export function isStatusStep(step: UndoStep): step is StatusStep {
	return 'status' in step;
}

export interface SessionRecord {
	/** A deck id, or '*' for all decks. */
	scope: string;
	session: Session;
	/** The actions of this session that can be undone, latest last. */
	undo: UndoStep[];
	/**
	 * The limits or order changed (settings, deck options) since the queue was
	 * made: openSession makes it again, keeping what was answered and the undo steps.
	 */
	outdated?: true;
	/** Cards may have become studiable since (unsuspended, added, imported): openSession takes them in, keeping the queue's order. */
	refill?: true;
	/** New cards the learner asked for beyond the day's limits ("Study more", sessions.ts `studyMore`): this session's, for its day. */
	extraNew?: number;
	/**
	 * The "Study more" of the session this one replaced before its day was over, with that day: a change of the
	 * day start can move the study day back and then forward again the same day, and the allowance comes back with it.
	 */
	extraNewAside?: { day: number; count: number; siblings?: true };
	/**
	 * That Study more let in new cards that waited as siblings (sessions.ts `studyMore`): the session, made again or
	 * filled, lets them in too, and the home page counts them for its scope (quick-read.ts). Set with `extraNew`, and
	 * set aside with it (`extraNewAside.siblings`).
	 */
	extraNewSiblings?: true;
	/** Due reviews the learner asked for beyond the day's limits ("Study more", sessions.ts `studyMoreReviews`): this session's, for its day. */
	extraReview?: number;
	/** What `extraNewAside` is to `extraNew`, for `extraReview`. */
	extraReviewAside?: { day: number; count: number };
}

export class RecallDatabase extends Dexie {
	decks!: EntityTable<DeckRecord, 'id'>;
	cards!: EntityTable<CardRecord, 'id'>;
	reviews!: EntityTable<ReviewRecord, 'id'>;
	settings!: EntityTable<SettingRecord, 'key'>;
	sessions!: EntityTable<SessionRecord, 'scope'>;
	media!: EntityTable<MediaRecord, 'name'>;
	/** Each deck's answers of each study day, kept with the log (day-tallies.ts); keyed [deck, day]. */
	days!: Table<DeckDayTally, [string, number]>;

	constructor(name = DB_NAME) {
		super(name);
		this.version(1).stores(SCHEMA_V1);
		this.version(2).stores(SCHEMA_V2);
		this.version(3).stores(SCHEMA_V3).upgrade(upgradeToVersion3);
		this.version(4).stores(SCHEMA_V4);
		// The same stores: a field renamed (migrations.ts).
		this.version(5).stores(SCHEMA_V4).upgrade(upgradeToVersion5);
	}
}

/** Version 1, kept as it shipped: the migration test writes a database with it. */
export const SCHEMA_V1 = {
	decks: 'id',
	cards: 'id, deck, [deck+queue+dueDay], [deck+queue+order], [queue+dueDay]',
	reviews: 'id, card, [card+reviewedAt], day, [deck+day]',
	settings: 'key',
	sessions: 'scope'
};

/** Version 2: media files (images of imported cards), by name. Existing records need no upgrade. */
export const SCHEMA_V2 = {
	...SCHEMA_V1,
	media: 'name'
};

/**
 * Version 3: day tallies per deck (the statistics page reads these, not a year
 * of rows) and a lapse count on each card (the browser's prop:lapses and lapses
 * order), both made from the log by the upgrade (migrations.ts).
 */
export const SCHEMA_V3 = {
	...SCHEMA_V2,
	days: '[deck+day], day'
};

/**
 * Version 4: no `cards.deck` or `reviews.card` index. Each repeated what a
 * compound index already holds (`[deck+queue+order]`, `[card+reviewedAt]`),
 * and each cost every import and every answer a write: storing a backup's
 * rows took about a tenth longer with it. lookups.ts reads through the
 * compound ones. Dropping an index needs no upgrade of the records.
 */
export const SCHEMA_V4 = {
	...SCHEMA_V3,
	cards: 'id, [deck+queue+dueDay], [deck+queue+order], [queue+dueDay]',
	reviews: 'id, [card+reviewedAt], day, [deck+day]'
};
