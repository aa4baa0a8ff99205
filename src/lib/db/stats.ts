/**
 * What the statistics page reads: a scope's cards, today's log rows, a tally
 * per day of the last year and the study days before it (for the longest
 * streak).
 *
 * A year of a heavy log is hundreds of thousands of rows, seconds to read; the
 * day tallies are kept with the log instead (day-tallies.ts: one small record
 * per deck and study day, written in the same transaction as the rows they
 * count), so no visit reads more than today's rows.
 */
import { Dexie } from 'dexie';
import { CALENDAR_DAYS } from '../stats/calendar';
import { sumDays, type DayTally } from '../stats/tally';
import { ALL_DECKS } from '../srs/session';
import { cardsInDeck } from './lookups';
import type { CardRecord, RecallDatabase, ReviewRecord } from './schema';

export interface StatsData {
	/**
	 * Every card of the scope, suspended and retired ones too, but not those
	 * the learner deleted (bulk.ts): their answers still count in the days.
	 */
	cards: CardRecord[];
	/** Today's log rows, answers and state rows. */
	todayRows: ReviewRecord[];
	/** A tally per day of the window (today included) with answers, oldest first. */
	days: DayTally[];
	/** The days before the window with at least one answer, oldest first. */
	earlierStudyDays: number[];
}

export interface StatsOptions {
	/** Days of the window, today included: the calendar's year by default. */
	windowDays?: number;
}

/** The statistics of `scope` (a deck id or ALL_DECKS) on study day `today`. */
export async function loadStats(db: RecallDatabase, scope: string, today: number, options: StatsOptions = {}): Promise<StatsData> {
	const windowDays = options.windowDays ?? CALENDAR_DAYS;
	if (!Number.isInteger(today)) throw new RangeError(`statistics: not a study day: ${today}`);
	if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`statistics: not a number of days: ${windowDays}`);
	const from = today - windowDays + 1;
	const all = scope === ALL_DECKS;
	return db.transaction('r', [db.cards, db.reviews, db.days], async () => {
		const [cards, todayRows, windowTallies, earlierDays] = await Promise.all([
			all ? db.cards.toArray() : cardsInDeck(db, scope).toArray(),
			all ? db.reviews.where('day').equals(today).toArray() : db.reviews.where('[deck+day]').equals([scope, today]).toArray(),
			all ? db.days.where('day').between(from, today, true, true).toArray() : db.days.where('[deck+day]').between([scope, from], [scope, today], true, true).toArray(),
			// Only days with answers have tallies: their keys are the study days.
			all
				? (db.days.where('day').below(from).uniqueKeys() as Promise<number[]>)
				: db.days
						.where('[deck+day]')
						.between([scope, Dexie.minKey], [scope, from], true, false)
						.primaryKeys()
						.then((keys) => keys.map(([, day]) => day))
		]);
		return {
			cards: cards.filter((card) => card.deletedAt === undefined),
			todayRows,
			days: sumDays(windowTallies),
			earlierStudyDays: earlierDays.sort((a, b) => a - b)
		};
	});
}
