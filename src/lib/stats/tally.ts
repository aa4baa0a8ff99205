/**
 * A study day's log rows, summed into the few numbers the calendar and
 * retention read of it. A year of rows is too much to read on every visit to
 * the statistics page (a heavy log holds hundreds of thousands); the tallies of
 * past days are small enough to keep (src/lib/db/day-tallies.ts keeps them
 * with the log, in the same transactions), and
 * `reviewCalendarOfDays` and `retentionOfDays` give the same figures from them
 * as `reviewCalendar` and `retention` give from the rows.
 *
 * The same rules as those: answers count (state rows never do); retention
 * counts review answers only, young or mature by the card's interval before
 * the answer.
 */
import type { AnswerRow, StateRow } from '../srs/history';
import { PASSING_GRADE } from '../srs/sm2';
import { MATURE_INTERVAL } from './stage';

/** What a tally reads of a log row. */
export type TallyRow =
	| (Pick<AnswerRow, 'kind' | 'day' | 'grade'> & { before: { state: { interval: number } } })
	| Pick<StateRow, 'kind' | 'day'>;

/** A day's answers: what the calendar reads of a day. */
export interface DayAnswers {
	day: number;
	/** Answers, same-day repeats included; state rows are not answers. */
	answers: number;
}

/** A day's answers and its review answers' pass counts, young and mature. */
export interface DayTally extends DayAnswers {
	youngPassed: number;
	youngAnswers: number;
	maturePassed: number;
	matureAnswers: number;
}

export function emptyTally(day: number): DayTally {
	return { day, answers: 0, youngPassed: 0, youngAnswers: 0, maturePassed: 0, matureAnswers: 0 };
}

/** Adds one row to its day's tally. */
export function addToTally(tally: DayTally, row: TallyRow): void {
	if (row.kind === 'set') return;
	tally.answers++;
	if (row.kind !== 'review') return;
	const passed = row.grade >= PASSING_GRADE ? 1 : 0;
	if (row.before.state.interval < MATURE_INTERVAL) {
		tally.youngAnswers++;
		tally.youngPassed += passed;
	} else {
		tally.matureAnswers++;
		tally.maturePassed += passed;
	}
}

/** Adds the counts of `other` to `tally` (`sign` -1 takes them out: undone answers); the day stays the tally's. */
export function addTally(tally: DayTally, other: DayTally, sign: 1 | -1 = 1): void {
	tally.answers += sign * other.answers;
	tally.youngPassed += sign * other.youngPassed;
	tally.youngAnswers += sign * other.youngAnswers;
	tally.maturePassed += sign * other.maturePassed;
	tally.matureAnswers += sign * other.matureAnswers;
}

/** A deck's tally of a day: the records the store keeps (src/lib/db/day-tallies.ts). */
export interface DeckDayTally extends DayTally {
	deck: string;
}

/** Adds an answer row to the tally of its deck and day in `tallies` (state rows tally nothing). */
export function addToDeckDay(tallies: Map<string, DeckDayTally>, row: TallyRow & { deck: string }): void {
	if (row.kind === 'set') return;
	const key = `${row.deck}\u0000${row.day}`;
	let tally = tallies.get(key);
	if (tally === undefined) {
		tally = { deck: row.deck, ...emptyTally(row.day) };
		tallies.set(key, tally);
	}
	addToTally(tally, row);
}

/** A tally per deck and day with answers, from rows in any order: what the store keeps for them. */
export function tallyDeckDays(rows: readonly (TallyRow & { deck: string })[]): DeckDayTally[] {
	const tallies = new Map<string, DeckDayTally>();
	for (let i = 0; i < rows.length; i++) addToDeckDay(tallies, rows[i]!);
	return [...tallies.values()];
}

/** One tally per day of `items`, oldest day first, each made by adding its items with `add`. */
function perDay<T extends { day: number }>(items: readonly T[], add: (tally: DayTally, item: T) => void): DayTally[] {
	const byDay = new Map<number, DayTally>();
	for (let i = 0; i < items.length; i++) {
		const item = items[i]!;
		let tally = byDay.get(item.day);
		if (tally === undefined) {
			tally = emptyTally(item.day);
			byDay.set(item.day, tally);
		}
		add(tally, item);
	}
	return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** A tally per day that has rows (a day of state rows only tallies no answers), oldest day first. */
export function tallyDays(rows: readonly TallyRow[]): DayTally[] {
	return perDay(rows, addToTally);
}

/** Tallies (of several decks) summed per day, oldest first. */
export function sumDays(tallies: readonly DayTally[]): DayTally[] {
	return perDay(tallies, (sum, tally) => addTally(sum, tally));
}
