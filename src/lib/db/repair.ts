/**
 * Check database (Settings), as Anki's Check Database: the store's caches
 * made again from the log, and those that differ fixed. A card's schedule,
 * latest row and lapses are the fold of its rows (card-state.ts) and its queue
 * follows from its status and schedule; each deck's day tallies are the tally
 * of its rows (day-tallies.ts). Every write keeps these right, and a property
 * test checks it, so a difference means something went wrong outside the app
 * (a store edited by hand, a browser's storage bug, an older version's bug):
 * the log, the record, is trusted and never changed. Rows whose card is gone
 * are counted and kept.
 *
 * One exception, asked for separately (`removeCopies`): an answer stored twice,
 * once as Recall's own row and once as an Anki package's copy of it (an older
 * version kept both when the package came first, or on an .apkg round trip).
 * Such copies are counted on every check, and taken out only when the learner
 * says so (withoutCopies, package-rows.ts: the same rule an import follows).
 *
 * One read-write transaction: a check finds and fixes everything, or nothing
 * if the page closes. Cards are read a slice at a time with their rows (one
 * range of the rows' card index), so a long log is never in memory at once.
 */
import { Dexie } from 'dexie';
import { isAnswer } from '../srs/history';
import { addToDeckDay, type DeckDayTally } from '../stats/tally';
import { withoutCopies } from './package-rows';
import { foldCard, withSchedule } from './card-state';
import { sameValue } from '../io/same-value';
import type { CardRecord, RecallDatabase, ReviewRecord } from './schema';

/** Cards read (with their rows) at a time. */
const CARD_SLICE = 1_000;
/** A row this far after the check is no clock's small drift, nor a time zone's hours. */
const FUTURE_MS = 86_400_000;

export interface CheckReport {
	/** Cards and review rows looked at. */
	cards: number;
	rows: number;
	/** Cards whose schedule, lapses, latest row or queue differed from their log: fixed. */
	fixedCards: number;
	/** Day tallies that differed from the log (wrong, missing or extra): fixed. */
	fixedDays: number;
	/** Rows whose card is not in the store: kept, and counted in the statistics as every answer is. */
	orphanRows: number;
	/**
	 * Rows dated more than a day after the check: given on a device whose clock ran ahead. Kept, as every row is (the
	 * log is never rewritten); their cards' schedules count from those dates, which is what the learner is told.
	 */
	futureRows: number;
	/** Answers stored twice (an Anki package's copy beside Recall's own row): taken out with `removeCopies`, else only counted. */
	copies: number;
	/** Whether the copies were taken out (with the package state rows they left saying nothing). */
	copiesRemoved: boolean;
}

const dayKey = (tally: DeckDayTally) => `${tally.deck}\u0000${tally.day}`;

/** Checks the store and fixes what differs from the log; `onProgress` is told how many cards are done. */
export async function checkDatabase(
	db: RecallDatabase,
	options: { now?: number; onProgress?: (done: number, total: number) => void; cardsPerSlice?: number; removeCopies?: boolean } = {}
): Promise<CheckReport> {
	const now = options.now ?? Date.now();
	const removeCopies = options.removeCopies ?? false;
	const perSlice = options.cardsPerSlice ?? CARD_SLICE;
	return db.transaction('rw', [db.cards, db.reviews, db.days], async () => {
		// In key order: a slice of cards owns one range of `[card+reviewedAt]`, from its first card to the next slice's.
		const ids = (await db.cards.toCollection().primaryKeys()) as string[];
		const slices = Math.max(1, Math.ceil(ids.length / perSlice));
		const tallies = new Map<string, DeckDayTally>();
		let rowCount = 0;
		let fixedCards = 0;
		let orphanRows = 0;
		let futureRows = 0;
		let copies = 0;
		for (let index = 0; index < slices; index++) {
			const slice = ids.slice(index * perSlice, (index + 1) * perSlice);
			// The ranges meet end to end from the lowest key to the highest, so every row is read once: a row
			// whose card is gone falls in some slice's range too, and is found there.
			const lower = index === 0 ? Dexie.minKey : [slice[0], Dexie.minKey];
			const upper = index === slices - 1 ? Dexie.maxKey : [ids[(index + 1) * perSlice], Dexie.minKey];
			const [cards, rows] = await Promise.all([db.cards.bulkGet(slice), db.reviews.where('[card+reviewedAt]').between(lower, upper, true, false).toArray()]);
			const rowsByCard = new Map<string, ReviewRecord[]>(slice.map((id) => [id, []]));
			for (const row of rows) {
				const own = rowsByCard.get(row.card);
				if (own) own.push(row);
				else orphanRows++;
				if (row.reviewedAt > now + FUTURE_MS) futureRows++;
			}
			rowCount += rows.length;
			const removed = new Set<ReviewRecord>();
			for (const [card, own] of rowsByCard) {
				const kept = new Set(withoutCopies(own));
				const dropped = own.filter((row) => !kept.has(row));
				const answers = dropped.filter(isAnswer).length;
				if (answers === 0) continue;
				copies += answers;
				if (!removeCopies) continue;
				for (const row of dropped) removed.add(row);
				rowsByCard.set(card, own.filter((row) => kept.has(row)));
			}
			if (removed.size > 0) await db.reviews.bulkDelete([...removed].map((row) => row.id));
			for (const row of rows) if (!removed.has(row)) addToDeckDay(tallies, row);
			const fixed: CardRecord[] = [];
			for (const card of cards) {
				if (!card) continue;
				const repaired = withSchedule(card, foldCard(rowsByCard.get(card.id) ?? []));
				if (!sameValue(repaired, card)) fixed.push({ ...repaired, updatedAt: now });
			}
			if (fixed.length > 0) await db.cards.bulkPut(fixed);
			fixedCards += fixed.length;
			options.onProgress?.(index * perSlice + slice.length, ids.length);
		}

		const made = [...tallies.values()];
		const madeKeys = new Set(made.map(dayKey));
		const stored = await db.days.toArray();
		const storedByKey = new Map(stored.map((tally) => [dayKey(tally), tally]));
		const wrong = made.filter((tally) => !sameValue(storedByKey.get(dayKey(tally)), tally));
		const extra = stored.filter((tally) => !madeKeys.has(dayKey(tally)));
		if (wrong.length > 0) await db.days.bulkPut(wrong);
		if (extra.length > 0) await db.days.bulkDelete(extra.map((tally): [string, number] => [tally.deck, tally.day]));

		return { cards: ids.length, rows: rowCount, fixedCards, fixedDays: wrong.length + extra.length, orphanRows, futureRows, copies, copiesRemoved: removeCopies && copies > 0 };
	});
}
