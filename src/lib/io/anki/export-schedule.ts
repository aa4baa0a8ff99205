/**
 * A card's review log in Anki's terms: the `cards` row's scheduling columns
 * and one `revlog` row per log row. The log is folded here the way
 * `foldRows` folds it (same order, same `sm2`), so the card's final schedule
 * is exactly the one the app shows, and each revlog row carries the intervals
 * before and after it. The mapping is documented in docs/import-formats.md,
 * "Anki export".
 */
import { compareRows, dueDayAfter, type ReviewRow, type ScheduleSnapshot } from '../../srs/history';
import type { QueueKind } from '../../srs/session';
import { NEW_CARD, PASSING_GRADE, sm2, type Grade, type Sm2State } from '../../srs/sm2';

/** Anki's answer buttons: 1 Again, 2 Hard, 3 Good, 4 Easy; 0 for a manual reschedule. */
export type AnkiEase = 0 | 1 | 2 | 3 | 4;

/** Anki's revlog types. */
export const REVLOG_LEARN = 0;
export const REVLOG_REVIEW = 1;
export const REVLOG_RELEARN = 2;
export const REVLOG_MANUAL = 4;

/** Anki caps an answer's time at a minute (the deck option "maximum answer seconds"). */
export const MAX_ANSWER_MS = 60_000;

/** SM-2's grades on Anki's buttons: 0-2 Again, 3 Hard, 4 Good, 5 Easy. */
export function easeForGrade(grade: Grade): AnkiEase {
	return grade < PASSING_GRADE ? 1 : ((grade - 1) as AnkiEase);
}

export interface RevlogDraft {
	/** The log row's time (UTC ms), before it is made a unique revlog id. */
	reviewedAt: number;
	ease: AnkiEase;
	/** Days after the row (0 while the card is in learning). */
	ivl: number;
	/** Days before the row. */
	lastIvl: number;
	/** EF after the row in permille. */
	factor: number;
	time: number;
	type: number;
}

export interface CardHistory {
	/** The schedule the log adds up to: what `foldRows` gives. */
	schedule: ScheduleSnapshot;
	/** Answers given (Anki's `reps`: every answer, not SM-2's run of successes). */
	reps: number;
	/** Answers below 3 on a card that had been remembered (not on a same-day repeat). */
	lapses: number;
	/** The card has been remembered at least once: a failure now is a relapse, not first learning. */
	graduated: boolean;
	revlog: RevlogDraft[];
}

export function factorOf(state: Sm2State): number {
	return Math.round(state.easiness * 1000);
}

/** The queue the card was answered in; a failed or repeated card that had been remembered is relearning. */
function revlogType(kind: QueueKind, graduated: boolean): number {
	if (kind === 'review') return REVLOG_REVIEW;
	return kind === 'learning' && graduated ? REVLOG_RELEARN : REVLOG_LEARN;
}

function hasSucceeded(state: Sm2State): boolean {
	return state.repetitions > 0 || state.interval > 0;
}

/** Replays one card's log rows (in any order) into its Anki history. */
export function cardHistory(rows: readonly ReviewRow[]): CardHistory {
	let current: ScheduleSnapshot = { state: NEW_CARD };
	let reps = 0;
	let lapses = 0;
	let graduated = false;
	const revlog: RevlogDraft[] = [];
	for (const row of [...rows].sort(compareRows)) {
		const before = current.state;
		if (row.kind === 'set') {
			current = row.after.dueDay === undefined ? { state: row.after.state } : { state: row.after.state, dueDay: row.after.dueDay };
			revlog.push({
				reviewedAt: row.reviewedAt,
				ease: 0,
				ivl: current.state.interval,
				lastIvl: before.interval,
				factor: factorOf(current.state),
				time: 0,
				type: REVLOG_MANUAL
			});
			graduated ||= hasSucceeded(current.state);
			continue;
		}
		const state = sm2(before, row.grade);
		current = { state, dueDay: dueDayAfter(row.day, state) };
		reps++;
		if (row.grade < PASSING_GRADE && !before.extraReview && before.repetitions > 0) lapses++;
		revlog.push({
			reviewedAt: row.reviewedAt,
			ease: easeForGrade(row.grade),
			ivl: state.interval,
			lastIvl: before.interval,
			factor: factorOf(state),
			time: Math.min(MAX_ANSWER_MS, Math.max(0, Math.round(row.durationMs))),
			type: revlogType(row.kind, graduated)
		});
		graduated ||= hasSucceeded(state);
	}
	return { schedule: current, reps, lapses, graduated, revlog };
}

/** Anki's card types and queues (schema 11, scheduler v2). */
export const CARD_NEW = 0;
export const CARD_LEARN = 1;
export const CARD_REVIEW = 2;
export const CARD_RELEARN = 3;
export const QUEUE_SUSPENDED = -1;
export const QUEUE_USER_BURIED = -3;
export const QUEUE_NEW = 0;
export const QUEUE_LEARN = 1;
export const QUEUE_REVIEW = 2;

export interface CardScheduling {
	type: number;
	queue: number;
	due: number;
	ivl: number;
	factor: number;
	reps: number;
	lapses: number;
	left: number;
}

export interface SchedulingContext {
	/** The collection's creation day (study day of `crt`): review due days count from it. */
	creationDay: number;
	/** Today's study day: a card buried until after it stays buried. */
	today: number;
	/** Position of the card among the package's new cards (Anki's `due` for a new card). */
	newPosition: number;
	/** The instant (UTC seconds) a study day starts: a learning card's `due` is a time. */
	dayStartSeconds: (day: number) => number;
}

/**
 * The `cards` row's scheduling columns:
 * - never answered: new, `due` = its position;
 * - interval > 0 (including a card graded 3 awaiting its same-day repeat): review,
 *   `due` = due day - creation day, `ivl` = the interval;
 * - interval 0 after an answer (failed, back in the same session): learning (or
 *   relearning when it had been remembered before), due at the start of its due day,
 *   one step left.
 */
export function cardScheduling(
	history: CardHistory,
	progress: { suspended: boolean; buriedUntil?: number } | undefined,
	context: SchedulingContext
): CardScheduling {
	const { schedule, reps, lapses } = history;
	const { state, dueDay } = schedule;
	let columns: CardScheduling;
	if (dueDay === undefined) {
		columns = { type: CARD_NEW, queue: QUEUE_NEW, due: context.newPosition, ivl: 0, factor: 0, reps, lapses, left: 0 };
	} else if (state.interval > 0) {
		columns = {
			type: CARD_REVIEW,
			queue: QUEUE_REVIEW,
			due: dueDay - context.creationDay,
			ivl: state.interval,
			factor: factorOf(state),
			reps,
			lapses,
			left: 0
		};
	} else {
		columns = {
			type: history.graduated ? CARD_RELEARN : CARD_LEARN,
			queue: QUEUE_LEARN,
			due: context.dayStartSeconds(dueDay),
			// What a relearning card graduates to: SM-2 gives 1 day after the next success.
			ivl: history.graduated ? 1 : 0,
			factor: factorOf(state),
			reps,
			lapses,
			left: 1001
		};
	}
	if (progress?.suspended) columns.queue = QUEUE_SUSPENDED;
	else if (progress?.buriedUntil !== undefined && progress.buriedUntil > context.today) columns.queue = QUEUE_USER_BURIED;
	return columns;
}
