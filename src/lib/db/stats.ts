/**
 * What the statistics page reads: a scope's cards, today's log rows, a tally
 * per day of the last year (src/lib/stats/tally.ts) and the study days before
 * it (for the longest streak).
 *
 * A year of a heavy log is hundreds of thousands of rows, seconds to read, so
 * the tallies of closed days (before today) are kept on the device, in the
 * settings table under `fact:stats:<scope>` (device facts never go into
 * backups). They are a cache, never the record, and are checked on every
 * visit:
 *
 * - The log only grows: rows are added (answers, resets, imports), and the
 *   one row ever deleted, by undo, is today's. So when every deck's rows of
 *   the days the cache had closed still number what they did (the store's
 *   count less the rows since; no row is read), none of those days changed,
 *   and only the days closed since the cache was made are counted and read.
 * - Otherwise (an import added history) each day of the year is counted
 *   through the day index (counting reads no rows), and only the days whose
 *   count is not the cache's are read again.
 *
 * Before the year only which days were study days matters; those are kept
 * with the number of rows they came from, and found again (one row per day,
 * through the index's distinct keys) when that number changes.
 */
import { Dexie } from 'dexie';
import { CALENDAR_DAYS } from '../stats/calendar';
import { addToTally, emptyTally, type DayTally } from '../stats/tally';
import { ALL_DECKS } from '../srs/session';
import type { CardRecord, RecallDatabase, ReviewRecord } from './schema';

export interface StatsData {
	/** Every card of the scope, suspended and retired ones too. */
	cards: CardRecord[];
	/** Today's log rows, answers and state rows. */
	todayRows: ReviewRecord[];
	/** A tally per day of the window (today included) with log rows, oldest first. */
	days: DayTally[];
	/** The days before the window with at least one answer, oldest first. */
	earlierStudyDays: number[];
	/**
	 * How the log was read: closed days of the window taken from the cache, row
	 * counts taken through the day index (a day, or everything before the
	 * window), and days (and rows) read.
	 */
	read: { cachedDays: number; countedDays: number; daysRead: number; rowsRead: number };
}

export interface StatsOptions {
	/** Days of the window, today included: the calendar's year by default. */
	windowDays?: number;
}

/** The settings key of a scope's cached tallies. */
export function statsCacheKey(scope: string): string {
	return `fact:stats:${scope}`;
}

/** A day of the cache: [day, rows, answers, youngPassed, youngAnswers, maturePassed, matureAnswers]. */
type CachedDay = [number, number, number, number, number, number, number];

interface StatsCache {
	version: 1;
	/** The study day it was made on: the days before it were closed. */
	today: number;
	/** The window's first day then: the rows before it are summed up in `earlier`. */
	from: number;
	/** Every deck's rows of the days before `today` then (whatever the scope). */
	closedRows: number;
	/** The closed days of the window that had rows. */
	days: CachedDay[];
	earlier: { rows: number; studyDays: number[] };
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function readCache(value: unknown): StatsCache | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const cache = value as Partial<StatsCache>;
	if (cache.version !== 1 || !Number.isInteger(cache.today) || !Number.isInteger(cache.from) || !isCount(cache.closedRows)) return undefined;
	if (!Array.isArray(cache.days) || !cache.days.every((day) => Array.isArray(day) && day.length === 7 && Number.isInteger(day[0]) && day.slice(1).every(isCount))) return undefined;
	const earlier = cache.earlier;
	if (typeof earlier !== 'object' || earlier === null || !isCount(earlier.rows) || !Array.isArray(earlier.studyDays) || !earlier.studyDays.every(Number.isInteger)) return undefined;
	return cache as StatsCache;
}

const toCached = (rows: number, t: DayTally): CachedDay => [t.day, rows, t.answers, t.youngPassed, t.youngAnswers, t.maturePassed, t.matureAnswers];
const fromCached = ([day, , answers, youngPassed, youngAnswers, maturePassed, matureAnswers]: CachedDay): DayTally => ({ day, answers, youngPassed, youngAnswers, maturePassed, matureAnswers });

/** Runs of consecutive days, as [first, last] pairs. */
function runsOf(days: readonly number[]): [number, number][] {
	const runs: [number, number][] = [];
	for (const day of days) {
		const last = runs.at(-1);
		if (last !== undefined && last[1] === day - 1) last[1] = day;
		else runs.push([day, day]);
	}
	return runs;
}

/** The statistics of `scope` (a deck id or ALL_DECKS) on study day `today`. */
export async function loadStats(db: RecallDatabase, scope: string, today: number, options: StatsOptions = {}): Promise<StatsData> {
	const windowDays = options.windowDays ?? CALENDAR_DAYS;
	if (!Number.isInteger(today)) throw new RangeError(`statistics: not a study day: ${today}`);
	if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`statistics: not a number of days: ${windowDays}`);
	const from = today - windowDays + 1;
	const all = scope === ALL_DECKS;
	const cacheKey = statsCacheKey(scope);
	/** Rows of days first to last, both included. */
	const rowsBetween = (first: number, last: number) =>
		all ? db.reviews.where('day').between(first, last, true, true) : db.reviews.where('[deck+day]').between([scope, first], [scope, last], true, true);
	const rowsOn = (day: number) => (all ? db.reviews.where('day').equals(day) : db.reviews.where('[deck+day]').equals([scope, day]));
	const rowsBefore = (day: number) => (all ? db.reviews.where('day').below(day) : db.reviews.where('[deck+day]').between([scope, Dexie.minKey], [scope, day], true, false));

	const result = await db.transaction('r', db.cards, db.reviews, db.settings, async () => {
		const cache = readCache((await db.settings.get(cacheKey))?.value);
		const usable = cache !== undefined && cache.today <= today ? cache : undefined;
		const since = usable?.today ?? today;
		const [cards, todayRows, storeRows, rowsSince, rowsFromToday] = await Promise.all([
			all ? db.cards.toArray() : db.cards.where('deck').equals(scope).toArray(),
			rowsOn(today).toArray(),
			db.reviews.count(),
			db.reviews.where('day').aboveOrEqual(since).count(),
			since === today ? undefined : db.reviews.where('day').aboveOrEqual(today).count()
		]);
		// Every deck's rows of days before today, for the next visit's check.
		const closedRows = storeRows - (rowsFromToday ?? rowsSince);
		// The log only grows: when every deck's rows of the days the cache closed still number the same, none of those days changed.
		const unchanged = usable !== undefined && storeRows - rowsSince === usable.closedRows;

		const closedDays = Array.from({ length: windowDays - 1 }, (_, i) => from + i);
		const tallies = new Map<number, { rows: number; tally: DayTally }>();
		let fromCache = 0;
		// A day of the cache stands for what it was only if it was closed when the cache was made.
		const cachedDays = new Map<number, CachedDay>();
		if (usable) for (const entry of usable.days) if (entry[0] >= usable.from && entry[0] < usable.today && entry[0] >= from) cachedDays.set(entry[0], entry);
		const closedByCache = (day: number) => usable !== undefined && day >= usable.from && day < usable.today;
		if (unchanged) {
			for (const [day, entry] of cachedDays) tallies.set(day, { rows: entry[1], tally: fromCached(entry) });
			fromCache = cachedDays.size;
		}
		// The other days are counted, and read when their count is not the cache's.
		const counted = unchanged ? closedDays.filter((day) => !closedByCache(day)) : closedDays;
		const counts = await Promise.all(counted.map((day) => rowsOn(day).count()));
		const stale: number[] = [];
		counted.forEach((day, index) => {
			const rows = counts[index]!;
			if (rows === 0) return;
			const entry = cachedDays.get(day);
			if (entry !== undefined && entry[1] === rows) {
				tallies.set(day, { rows, tally: fromCached(entry) });
				fromCache++;
			} else stale.push(day);
		});
		let rowsRead = 0;
		for (const [first, last] of runsOf(stale)) {
			const rows = await rowsBetween(first, last).toArray();
			rowsRead += rows.length;
			for (const row of rows) {
				let day = tallies.get(row.day);
				if (day === undefined) {
					day = { rows: 0, tally: emptyTally(row.day) };
					tallies.set(row.day, day);
				}
				day.rows++;
				addToTally(day.tally, row);
			}
		}

		// Before the window: the cache's study days, with those of the days that have left the window since.
		let earlier: StatsCache['earlier'] | undefined;
		let earlierCounted = false;
		if (usable !== undefined && usable.from <= from) {
			const left = usable.days.filter(([day]) => day >= usable.from && day < from);
			const rows = usable.earlier.rows + left.reduce((sum, entry) => sum + entry[1], 0);
			const kept = { rows, studyDays: [...usable.earlier.studyDays, ...left.filter((entry) => entry[2] > 0).map(([day]) => day)] };
			if (unchanged) earlier = kept;
			else {
				earlierCounted = true;
				if ((await rowsBefore(from).count()) === rows) earlier = kept;
			}
		}
		let earlierDaysRead = 0;
		if (earlier === undefined) {
			const [rows, keys] = await Promise.all([rowsBefore(from).count(), rowsBefore(from).uniqueKeys()]);
			earlierCounted = true;
			const days = keys.map((key) => (all ? (key as number) : (key as unknown as [string, number])[1]));
			earlierDaysRead = days.length;
			// A day is a study day when it has an answer: its first row nearly always is one.
			const studied = await Promise.all(
				days.map(async (day) => {
					const first = await rowsOn(day).first();
					return first !== undefined && (first.kind !== 'set' || (await rowsOn(day).filter((row) => row.kind !== 'set').first()) !== undefined);
				})
			);
			earlier = { rows, studyDays: days.filter((_, i) => studied[i]) };
		}

		const closed = [...tallies.entries()].sort(([a], [b]) => a - b);
		const next: StatsCache = { version: 1, today, from, closedRows, days: closed.map(([, { rows, tally }]) => toCached(rows, tally)), earlier };
		const changed = cache === undefined || stale.length > 0 || earlierDaysRead > 0 || cache.today !== today || cache.from !== from || cache.closedRows !== closedRows;
		const todayTally = emptyTally(today);
		for (const row of todayRows) addToTally(todayTally, row);
		const days = closed.map(([, { tally }]) => tally);
		if (todayRows.length > 0) days.push(todayTally);
		return {
			data: {
				cards,
				todayRows,
				days,
				earlierStudyDays: earlier.studyDays,
				read: { cachedDays: fromCache, countedDays: counted.length + (earlierCounted ? 1 : 0), daysRead: stale.length + earlierDaysRead, rowsRead }
			},
			next: changed ? next : undefined
		};
	});
	if (result.next !== undefined) {
		// Only a cache: a store that refuses the write still gave the right figures.
		await db.settings.put({ key: cacheKey, value: result.next }).catch((error: unknown) => console.warn('Recall: the statistics cache was not saved', error));
	}
	return result.data;
}
