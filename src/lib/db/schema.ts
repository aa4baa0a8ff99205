/**
 * The IndexedDB schema (Dexie). The review log is the record; a card's SM-2
 * state and due day are a cache of folding `sm2` over its log rows, written in
 * the same transaction as each row.
 *
 * Versions only ever get added: a new `this.version(n)` with its upgrade, and
 * the test in tests/unit/db/migrations.test.ts that opens a database written
 * by the version before.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Card } from '../notes/deck-format';
import type { QueueKind, Session } from '../srs/session';
import type { Grade, Sm2State } from '../srs/sm2';
import { DB_NAME, Queue, type QueueValue } from './constants';

export { DB_NAME, Queue, type QueueValue };

export type DeckOrigin = 'built-in' | 'import' | 'manual';

export interface DeckRecord {
	id: string;
	name: string;
	origin: DeckOrigin;
	tags: string[];
	/** The note the deck was made from. */
	source?: string;
	/** Content hash of the deck as last applied: a build with another hash brings changes. */
	hash?: string;
	/** Gone from the build: its cards are retired, its history kept. */
	retired: boolean;
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
	createdAt: number;
	updatedAt: number;
}

/** A card's scheduling, as it was before or after a review. */
export interface ScheduleSnapshot {
	state: Sm2State;
	dueDay?: number;
}

export interface ReviewRecord {
	/** Unique and random: a row seen twice (two devices, two imports) is one row. */
	id: string;
	card: string;
	deck: string;
	grade: Grade;
	/** UTC milliseconds. */
	reviewedAt: number;
	/** The study day of `reviewedAt`, with the day-start hour in force then. */
	day: number;
	/** Time from showing the card to answering it. */
	durationMs: number;
	/** What the card was in the queue when answered. */
	kind: QueueKind;
	before: ScheduleSnapshot;
	after: ScheduleSnapshot;
	/** The card's review before this one: undo restores `lastReview` from it. */
	previous?: string;
}

export interface SettingRecord {
	key: string;
	value: unknown;
}

export interface UndoStep {
	reviewId: string;
	cardId: string;
	kind: QueueKind;
}

export interface SessionRecord {
	/** A deck id, or '*' for all decks. */
	scope: string;
	session: Session;
	/** The answers of this session that can be undone, latest last. */
	undo: UndoStep[];
}

export class RecallDatabase extends Dexie {
	decks!: EntityTable<DeckRecord, 'id'>;
	cards!: EntityTable<CardRecord, 'id'>;
	reviews!: EntityTable<ReviewRecord, 'id'>;
	settings!: EntityTable<SettingRecord, 'key'>;
	sessions!: EntityTable<SessionRecord, 'scope'>;

	constructor(name = DB_NAME) {
		super(name);
		this.version(1).stores(SCHEMA_V1);
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
