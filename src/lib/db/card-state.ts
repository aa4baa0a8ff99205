/**
 * What a stored card's cached fields are made of. Its schedule (`state`,
 * `dueDay`, `lastReview`) and its `lapses` are the fold of its log rows; where it stands besides
 * (suspended, buried, retired) is its status, which imports merge by last
 * writer wins on `statusAt`. Pure functions over records: no Dexie here.
 */
import type { Card } from '../notes/deck-format';
import { compareRows, foldRows, type ReviewRow } from '../srs/history';
import { isLapse } from '../stats/lapses';
import { Queue, type CardRecord } from './schema';

/** A stored card's content: the deck-format card, without the store's own fields. */
export function cardContent(record: CardRecord): Card {
	const { state: _state, dueDay: _dueDay, order: _order, queue: _queue, buriedUntil: _buried, lastReview: _last, lapses: _lapses, statusAt: _statusAt, deletedAt: _deletedAt, retiredSuspended: _retiredSuspended, retiredWhenDeleted: _retiredWhenDeleted, contentAt: _contentAt, createdAt: _created, updatedAt: _updated, ...card } = record;
	return card;
}

export type FoldedFields = Pick<CardRecord, 'state' | 'dueDay' | 'lastReview' | 'lapses'>;

/** A card's schedule, lapses and latest row from its log rows (in any order). A card with no rows is new. */
export function foldCard(rows: readonly ReviewRow[]): FoldedFields {
	const { state, dueDay } = foldRows(rows);
	const fields: FoldedFields = { state };
	if (dueDay !== undefined) fields.dueDay = dueDay;
	let last: ReviewRow | undefined;
	let lapses = 0;
	for (const row of rows) {
		if (!last || compareRows(row, last) > 0) last = row;
		if (isLapse(row)) lapses++;
	}
	if (last) fields.lastReview = last.id;
	if (lapses > 0) fields.lapses = lapses;
	return fields;
}

/** Sets a record's folded fields, leaving none of the old ones behind. */
export function withFolded<T extends CardRecord>(card: T, fields: FoldedFields): T {
	const next = { ...card, state: fields.state };
	delete next.dueDay;
	delete next.lastReview;
	delete next.lapses;
	if (fields.dueDay !== undefined) next.dueDay = fields.dueDay;
	if (fields.lastReview !== undefined) next.lastReview = fields.lastReview;
	if (fields.lapses !== undefined && fields.lapses > 0) next.lapses = fields.lapses;
	return next;
}

/**
 * A card with its folded fields (`withFolded`) and the queue they put it in
 * for its status: new while it has no due day, scheduled once it has one.
 */
export function withSchedule<T extends CardRecord>(card: T, fields: FoldedFields): T {
	const next = withFolded(card, fields);
	return { ...next, queue: queueFor(statusOf(card), next.dueDay) };
}

export interface CardStatus {
	suspended: boolean;
	/** Gone from its note (or its deck gone from the build): kept for its history, out of every queue. */
	retired: boolean;
	buriedUntil?: number;
}

/** A card's status; a retired card is suspended if it was when it left the queues (its `retiredSuspended`). */
export function statusOf(card: Pick<CardRecord, 'queue' | 'buriedUntil' | 'retiredSuspended'>): CardStatus {
	const status: CardStatus = { suspended: card.queue === Queue.suspended || card.retiredSuspended === true, retired: card.queue === Queue.retired };
	if (card.buriedUntil !== undefined) status.buriedUntil = card.buriedUntil;
	return status;
}

/** When the status was last set: cards from before `statusAt` existed count as set at time 0. */
export function statusClock(card: Pick<CardRecord, 'statusAt'>): number {
	return card.statusAt ?? 0;
}

/** A total order on statuses, so that a tie of clocks is broken the same way on every device. */
function statusRank(status: CardStatus): [number, number, number] {
	return [status.retired ? 1 : 0, status.suspended ? 1 : 0, status.buriedUntil ?? -Infinity];
}

/**
 * Last writer wins: the status with the later clock, ties broken by a fixed
 * order, so that merging is commutative, associative and idempotent.
 */
export function laterStatus(a: { status: CardStatus; at: number }, b: { status: CardStatus; at: number }): { status: CardStatus; at: number } {
	if (a.at !== b.at) return a.at > b.at ? a : b;
	const ra = statusRank(a.status);
	const rb = statusRank(b.status);
	for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as number) > (rb[i] as number) ? a : b;
	return a;
}

/** The queue a card belongs in: its status first, then new or scheduled by its schedule. */
export function queueFor(status: Pick<CardStatus, 'suspended' | 'retired'>, dueDay: number | undefined): CardRecord['queue'] {
	if (status.retired) return Queue.retired;
	if (status.suspended) return Queue.suspended;
	return dueDay === undefined ? Queue.new : Queue.scheduled;
}

/**
 * Sets a record's status fields (queue, retiredSuspended, buriedUntil, statusAt) from a status,
 * leaving none of the old ones behind. A clock of 0 is left out, as never set.
 */
export function withStatus<T extends CardRecord>(card: T, status: CardStatus, at: number): T {
	const next = { ...card, queue: queueFor(status, card.dueDay) };
	delete next.retiredSuspended;
	delete next.buriedUntil;
	delete next.statusAt;
	// The queue says retired: suspension is kept beside it, for when the card comes back.
	if (status.retired && status.suspended) next.retiredSuspended = true;
	if (status.buriedUntil !== undefined) next.buriedUntil = status.buriedUntil;
	if (at !== 0) next.statusAt = at;
	return next;
}
