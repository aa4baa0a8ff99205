/**
 * The upgrades that make a new version's fields (from the log, or from the fields they replace), run by
 * Dexie inside the version change transaction (schema.ts), so that a store
 * either opens upgraded whole or stays as it was.
 */
import Dexie, { type Transaction } from 'dexie';
import { lapseCounts } from '../stats/lapses';
import { addToDeckDay, type DeckDayTally } from '../stats/tally';
import { Queue } from './constants';
import type { CardRecord, DeckRecord, ReviewRecord } from './schema';
import { setUpgrading } from './upgrade-status';

/** Log rows read at a time: a million rows are never in memory at once. */
const SLICE = 50_000;

/**
 * Version 3: each deck's day tallies (day-tallies.ts) and each card's lapse
 * count, from the whole log; the statistics cache of version 2 (settings
 * `fact:stats:*`), which they replace, is dropped.
 */
export async function upgradeToVersion3(tx: Transaction): Promise<void> {
	setUpgrading(true);
	try {
		await makeTalliesAndLapses(tx);
	} finally {
		setUpgrading(false);
	}
}

async function makeTalliesAndLapses(tx: Transaction): Promise<void> {
	const reviews = tx.table<ReviewRecord, string>('reviews');
	const tallies = new Map<string, DeckDayTally>();
	const lapses = new Map<string, number>();
	let after: string | undefined;
	for (;;) {
		const slice = await (after === undefined ? reviews.toCollection() : reviews.where(':id').above(after)).limit(SLICE).toArray();
		for (const row of slice) addToDeckDay(tallies, row);
		for (const [card, count] of lapseCounts(slice)) lapses.set(card, (lapses.get(card) ?? 0) + count);
		if (slice.length < SLICE) break;
		after = slice.at(-1)!.id;
	}
	if (tallies.size > 0) await tx.table('days').bulkPut([...tallies.values()]);
	const cards = tx.table<CardRecord, string>('cards');
	const ids = [...lapses.keys()];
	for (let from = 0; from < ids.length; from += SLICE) {
		const stored = await cards.bulkGet(ids.slice(from, from + SLICE));
		const updated = stored.filter((card): card is CardRecord => card !== undefined).map((card) => ({ ...card, lapses: lapses.get(card.id)! }));
		await cards.bulkPut(updated);
	}
	await tx.table('settings').where('key').startsWith('fact:stats:').delete();
}

/**
 * Version 5: `deletedSuspended` (a card deleted while suspended) becomes `retiredSuspended`, as a card retired by
 * its note or its deck now keeps its suspension too. Only retired cards carry it: each deck's are read by the
 * `[deck+queue+order]` index, not the whole table.
 */
export async function upgradeToVersion5(tx: Transaction): Promise<void> {
	const cards = tx.table<CardRecord & { deletedSuspended?: true }, string>('cards');
	const decks = (await tx.table<DeckRecord, string>('decks').toCollection().primaryKeys()) as string[];
	for (const deck of decks) {
		await cards
			.where('[deck+queue+order]')
			.between([deck, Queue.retired, Dexie.minKey], [deck, Queue.retired, Dexie.maxKey], true, true)
			.modify((card) => {
				if (card.deletedSuspended === undefined) return;
				delete card.deletedSuspended;
				card.retiredSuspended = true;
			});
	}
}
