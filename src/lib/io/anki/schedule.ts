/**
 * An Anki card's scheduling and review log as Recall's review rows. Each
 * answer in Anki's revlog becomes an answer row (history the statistics and
 * the deck page can show); one state row after them sets the schedule Anki's
 * own scheduler arrived at, since replaying Anki's answers through SM-2 would
 * give another one. Folding a card's rows therefore gives exactly the imported
 * schedule.
 */
import type { CardProgress } from '../bundle';
import { foldRows, type AnswerRow, type ReviewRow, type ScheduleSnapshot, type StateRow } from '../../srs/history';
import type { QueueKind } from '../../srs/session';
import { studyDay, type DayOptions } from '../../srs/day';
import { INITIAL_EASINESS, MIN_EASINESS, NEW_CARD, type Grade, type Sm2State } from '../../srs/sm2';
import type { AnkiCard, AnkiRevlog } from './collection';

export interface ScheduleOptions {
	/** The collection's creation (its day 0), seconds. */
	created: number;
	schedulerVersion: number;
	dayOptions?: DayOptions;
	/** The import's clock, UTC ms: learning cards are due on its study day. */
	now: number;
}

/** The options with the days they imply, worked out once per import. */
export interface ScheduleContext {
	schedulerVersion: number;
	/** The study day of a moment (UTC ms). */
	dayOf: (at: number) => number;
	/** The study day of the collection's day 0. */
	dayZero: number;
	/** The import's study day. */
	today: number;
}

/** Every time zone's offset is a whole number of quarter hours, so a study day never changes inside one. */
const QUARTER_HOUR = 15 * 60 * 1000;

export function scheduleContext(options: ScheduleOptions): ScheduleContext {
	// A review log has thousands of answers in a few sessions: studyDay with a time zone is
	// slow enough (Intl) to be worth remembering per quarter hour.
	const days = new Map<number, number>();
	const dayOf = (at: number) => {
		const quarter = Math.floor(at / QUARTER_HOUR);
		let day = days.get(quarter);
		if (day === undefined) {
			day = studyDay(at, options.dayOptions);
			days.set(quarter, day);
		}
		return day;
	};
	return { schedulerVersion: options.schedulerVersion, dayOf, dayZero: dayOf(options.created * 1000), today: dayOf(options.now) };
}

/** Anki card types and queues. */
const TYPE_NEW = 0;
const TYPE_REVIEW = 2;
const QUEUE_SUSPENDED = -1;
const QUEUE_BURIED = [-2, -3];
/** revlog types. */
const LOG_LEARN = 0;
const LOG_REVIEW = 1;
const LOG_RELEARN = 2;
const LOG_FILTERED = 3;

/**
 * SM-2's grade for an Anki answer button, the way Recall's own four buttons
 * give them: Again 1, Hard 3, Good 4, Easy 5. Anki's old scheduler (v1) had
 * three buttons while learning (Again, Good, Easy). Manual changes (set due
 * date, forget, reschedule) are no answers: undefined.
 */
export function gradeForAnswer(ease: number, logType: number, schedulerVersion: number): Grade | undefined {
	if (logType !== LOG_LEARN && logType !== LOG_REVIEW && logType !== LOG_RELEARN && logType !== LOG_FILTERED) return undefined;
	const threeButtons = schedulerVersion < 2 && (logType === LOG_LEARN || logType === LOG_RELEARN);
	const grades: readonly (Grade | undefined)[] = threeButtons ? [undefined, 1, 4, 5] : [undefined, 1, 3, 4, 5];
	return grades[ease];
}

/** EF from Anki's ease in permille, at least 1.3; `fallback` when Anki has none (0) yet. */
export function easinessFromFactor(factor: number, fallback = INITIAL_EASINESS): number {
	return factor > 0 ? Math.max(MIN_EASINESS, Math.round(factor) / 1000) : fallback;
}

function kindOf(log: AnkiRevlog, first: boolean): QueueKind {
	if (log.type === LOG_LEARN) return first ? 'new' : 'learning';
	return log.type === LOG_RELEARN ? 'learning' : 'review';
}

/** Anki's `due` above this is a time in seconds (a learning step's end), below it a day counted from day 0. */
const DUE_IS_TIME = 1_000_000_000;

/** The study day a card is due on, by its `due` (`odue` in a filtered deck). */
function dueDayOf(card: AnkiCard, context: ScheduleContext): number {
	const due = card.originalDeck !== 0 && card.originalDue !== 0 ? card.originalDue : card.due;
	return due > DUE_IS_TIME ? context.dayOf(due * 1000) : context.dayZero + due;
}

function snapshot(state: Sm2State, dueDay: number | undefined): ScheduleSnapshot {
	return dueDay === undefined ? { state } : { state, dueDay };
}

/**
 * The schedule a card has in Recall after import, or undefined for a new card.
 *
 * - review: interval `ivl` days, EF factor/1000 (at least 1.3), due on
 *   studyDay(creation) + due. SM-2's repetitions (successes in a row) are not
 *   in Anki's columns: when `replayed`, the card's answers run through SM-2,
 *   arrives at exactly this interval, EF and due day (a package Recall
 *   exported, or a history SM-2 would have made), its state is taken whole;
 *   otherwise the repetitions (and pending same-day repeat) Recall's export
 *   wrote in its custom data, if Anki has not answered it since; otherwise
 *   repetitions = max(2, reps − lapses), so that the next success
 *   multiplies the interval by EF as Anki would, rather than starting over at
 *   1 and 6 days.
 * - learning and relearning: interval 0 and repetitions 0 (SM-2's state of a
 *   card being learnt or just failed), EF from the factor, due on the day its
 *   step ends, today at the latest (or on the day its replayed history says,
 *   if that is no later than today).
 */
export function importedSchedule(card: AnkiCard, context: ScheduleContext, replayed?: ScheduleSnapshot): ScheduleSnapshot | undefined {
	if (card.type === TYPE_NEW) return undefined;
	const easiness = easinessFromFactor(card.factor);
	if (card.type === TYPE_REVIEW) {
		const interval = Math.max(1, Math.round(card.ivl));
		// The old scheduler's relearning card is a review card in the learning queue: its `due` is a time.
		const dueDay = dueDayOf(card, context);
		if (replayed && replayed.dueDay === dueDay && replayed.state.interval === interval && replayed.state.easiness === easiness) {
			return { state: replayed.state, dueDay };
		}
		const state: Sm2State = { repetitions: Math.max(2, card.reps - card.lapses), easiness, interval, extraReview: false, ...card.sm2 };
		return { state, dueDay };
	}
	// Learning (1) and relearning (3): due now. A history SM-2 would have made keeps its own (earlier) due day.
	if (replayed && replayed.state.interval === 0 && replayed.state.easiness === easiness && replayed.dueDay !== undefined && replayed.dueDay <= context.today) {
		return replayed;
	}
	// Otherwise on the day its step ends, today at the latest: an overdue card keeps its day, and one of
	// Recall's own (due at the start of its due day) comes back as it left, whatever day the package is read.
	const state: Sm2State = { repetitions: 0, easiness, interval: 0, extraReview: false };
	return { state, dueDay: Math.min(context.today, dueDayOf(card, context)) };
}

export function importedProgress(card: AnkiCard, context: ScheduleContext): CardProgress {
	const progress: CardProgress = { suspended: card.queue === QUEUE_SUSPENDED, updatedAt: card.mod * 1000 };
	if (QUEUE_BURIED.includes(card.queue)) {
		// Until the day Recall's export wrote (custom-data.ts), else as Anki buries: until tomorrow.
		const until = card.buriedUntil === undefined ? undefined : context.dayZero + card.buriedUntil;
		progress.buriedUntil = until !== undefined && until > context.today ? until : context.today + 1;
	}
	return progress;
}

/**
 * The card's review rows: one answer row per answer in the revlog (ids from
 * the card and the revlog id, so a second import is the same rows), and a
 * state row with the imported schedule after them (when the card is not new,
 * or was answered before being reset to new).
 *
 * Answer rows carry Anki's own before and after (interval, ease) as their
 * snapshots: they are history, and the state row, not a replay, decides the
 * schedule.
 */
export function importedRows(
	card: AnkiCard,
	log: readonly AnkiRevlog[],
	ids: { card: string; deck: string },
	context: ScheduleContext
): ReviewRow[] {
	const rows: ReviewRow[] = [];
	let current: ScheduleSnapshot = { state: NEW_CARD };
	let previous: string | undefined;
	for (const entry of log) {
		const grade = gradeForAnswer(entry.ease, entry.type, context.schedulerVersion);
		if (grade === undefined) continue;
		const day = context.dayOf(entry.id);
		const interval = entry.ivl > 0 ? entry.ivl : 0;
		const repetitions = grade < 3 ? 0 : interval > 0 ? current.state.repetitions + 1 : current.state.repetitions;
		const state: Sm2State = {
			repetitions,
			easiness: easinessFromFactor(entry.factor, current.state.easiness),
			interval,
			extraReview: false
		};
		const row: AnswerRow = {
			id: `${ids.card}-review-${entry.id}`,
			card: ids.card,
			deck: ids.deck,
			reviewedAt: entry.id,
			day,
			before: current,
			after: snapshot(state, interval > 0 ? day + interval : day),
			grade,
			durationMs: Math.max(0, entry.time),
			kind: kindOf(entry, previous === undefined)
		};
		if (previous !== undefined) row.previous = previous;
		rows.push(row);
		current = row.after;
		previous = row.id;
	}

	const schedule = importedSchedule(card, context, rows.length > 0 ? foldRows(rows) : undefined) ?? (rows.length > 0 ? { state: NEW_CARD } : undefined);
	if (schedule === undefined) return rows;
	const lastAnswer = rows.at(-1)?.reviewedAt ?? -Infinity;
	const reviewedAt = Math.max(card.mod * 1000, lastAnswer + 1);
	const set: StateRow = {
		id: `anki-import-${ids.card}-${card.mod}`,
		card: ids.card,
		deck: ids.deck,
		reviewedAt,
		day: context.dayOf(reviewedAt),
		before: current,
		after: schedule,
		kind: 'set',
		reason: 'import'
	};
	if (previous !== undefined) set.previous = previous;
	rows.push(set);
	return rows;
}
