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
import { ALL_DECKS, isUnder, subtreePath } from '../srs/deck-tree';
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

/**
 * The decks a scope counts: a deck's own, or every deck named under a sub-deck
 * tree's path, retired and deleted ones too (their history counts, as it does
 * for every deck); undefined for every deck.
 */
async function decksOfScope(db: RecallDatabase, scope: string): Promise<string[] | undefined> {
	if (scope === ALL_DECKS) return undefined;
	const path = subtreePath(scope);
	if (path === undefined) return [scope];
	return (await db.decks.filter((deck) => isUnder(deck.name, path)).primaryKeys()) as string[];
}

/** Each of `decks`' results of `read`, together. */
async function ofEach<T>(decks: readonly string[], read: (deck: string) => Promise<T[]>): Promise<T[]> {
	return (await Promise.all(decks.map(read))).flat();
}

/** The statistics of `scope` (a deck id, a sub-deck tree's scope or ALL_DECKS) on study day `today`. */
export async function loadStats(db: RecallDatabase, scope: string, today: number, options: StatsOptions = {}): Promise<StatsData> {
	const windowDays = options.windowDays ?? CALENDAR_DAYS;
	if (!Number.isInteger(today)) throw new RangeError(`statistics: not a study day: ${today}`);
	if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`statistics: not a number of days: ${windowDays}`);
	const from = today - windowDays + 1;
	return db.transaction('r', [db.decks, db.cards, db.reviews, db.days], async () => {
		const decks = await decksOfScope(db, scope);
		const [cards, todayRows, windowTallies, earlierDays] = await Promise.all([
			decks ? ofEach(decks, (deck) => cardsInDeck(db, deck).toArray()) : db.cards.toArray(),
			decks ? db.reviews.where('[deck+day]').anyOf(decks.map((deck) => [deck, today])).toArray() : db.reviews.where('day').equals(today).toArray(),
			decks
				? ofEach(decks, (deck) => db.days.where('[deck+day]').between([deck, from], [deck, today], true, true).toArray())
				: db.days.where('day').between(from, today, true, true).toArray(),
			// Only days with answers have tallies: their keys are the study days.
			decks
				? ofEach(decks, (deck) =>
						db.days
							.where('[deck+day]')
							.between([deck, Dexie.minKey], [deck, from], true, false)
							.primaryKeys()
							.then((keys) => keys.map(([, day]) => day))
					)
				: (db.days.where('day').below(from).uniqueKeys() as Promise<number[]>)
		]);
		return {
			cards: cards.filter((card) => card.deletedAt === undefined),
			todayRows,
			days: sumDays(windowTallies),
			// Decks of a tree share study days.
			earlierStudyDays: [...new Set(earlierDays)].sort((a, b) => a - b)
		};
	});
}
