/**
 * A card's review log and what it adds up to. The log is the record: a card's
 * SM-2 state and due day are a cache of folding its rows in time order, so two
 * devices that merge their logs (a union of rows by id) end with the same state
 * whatever the order of the merges.
 *
 * Two kinds of row: an answer (a grade, folded through `sm2`) and a state row,
 * which sets the schedule outright. State rows carry what SM-2 cannot replay:
 * scheduling imported from another app (Anki's own scheduler made it) and a
 * reset of the card's progress (the rows before it stay, as history).
 */
import type { QueueKind } from './session';
import { NEW_CARD, sm2, type Grade, type Sm2State } from './sm2';

/** A card's scheduling, as it was before or after a row. */
export interface ScheduleSnapshot {
	state: Sm2State;
	/** Absent while the card is new. */
	dueDay?: number;
}

interface RowBase {
	/** Unique and random: a row seen twice (two devices, two imports) is one row. */
	id: string;
	card: string;
	deck: string;
	/** UTC milliseconds. */
	reviewedAt: number;
	/** The study day of `reviewedAt`, with the day-start hour in force then. */
	day: number;
	before: ScheduleSnapshot;
	after: ScheduleSnapshot;
	/** The card's row before this one: undo restores `lastReview` from it. */
	previous?: string;
}

/** The learner graded the card. */
export interface AnswerRow extends RowBase {
	grade: Grade;
	/** Time from showing the card to answering it. */
	durationMs: number;
	/** What the card was in the queue when answered. */
	kind: QueueKind;
}

/** The schedule was set, not earned by a grade: `after` is the card's schedule from here on. */
export interface StateRow extends RowBase {
	kind: 'set';
	reason: 'import' | 'reset';
}

export type ReviewRow = AnswerRow | StateRow;

export function isAnswer(row: ReviewRow): row is AnswerRow {
	return row.kind !== 'set';
}

/** The order rows are folded in: by time, ties broken by id so that every device agrees. */
export function compareRows(a: Pick<ReviewRow, 'reviewedAt' | 'id'>, b: Pick<ReviewRow, 'reviewedAt' | 'id'>): number {
	return a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The due day after an answer on study day `day` left the card in `state`: a
 * card that failed or awaits a same-day repeat stays in that day's session.
 */
export function dueDayAfter(day: number, state: Sm2State): number {
	return state.interval > 0 && !state.extraReview ? day + state.interval : day;
}

/** The schedule a card's log adds up to (rows in any order). A card with no rows is new. */
export function foldRows(rows: readonly ReviewRow[]): ScheduleSnapshot {
	let current: ScheduleSnapshot = { state: NEW_CARD };
	for (const row of [...rows].sort(compareRows)) {
		if (row.kind === 'set') {
			current = row.after.dueDay === undefined ? { state: row.after.state } : { state: row.after.state, dueDay: row.after.dueDay };
		} else {
			const state = sm2(current.state, row.grade);
			current = { state, dueDay: dueDayAfter(row.day, state) };
		}
	}
	return current;
}
