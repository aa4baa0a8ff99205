/**
 * Each deck's tally of each study day (stats/tally.ts), kept beside the log:
 * the statistics page reads a year of these, a few hundred small records,
 * instead of a year of rows (a heavy log holds hundreds of thousands).
 *
 * Like a card's state they are a cache of the log, so every write that adds or
 * removes answer rows changes them in the same transaction: an answer and its
 * undo (answers.ts), an import's new rows (imports.ts), and the upgrade that
 * made them from the log (migrations.ts). State rows (resets, imported
 * schedules) are not answers and tally nothing; rows that move to another card
 * keep their deck and day, so they change no tally either.
 */
import { addToTally, emptyTally, type DeckDayTally, type TallyRow } from '../stats/tally';
import type { RecallDatabase } from './schema';

export type { DeckDayTally };

/**
 * Adds rows to their decks' day tallies (`sign` -1 takes them out). Inside a
 * read-write transaction over `days`; a tally left with no answers is deleted,
 * so the table holds only days with answers.
 */
export async function tallyRows(db: RecallDatabase, rows: readonly (TallyRow & { deck: string })[], sign: 1 | -1 = 1): Promise<void> {
	const groups = new Map<string, { key: [string, number]; rows: TallyRow[] }>();
	for (const row of rows) {
		if (row.kind === 'set') continue;
		const id = `${row.deck}\u0000${row.day}`;
		const group = groups.get(id);
		if (group) group.rows.push(row);
		else groups.set(id, { key: [row.deck, row.day], rows: [row] });
	}
	if (groups.size === 0) return;
	const entries = [...groups.values()];
	const stored = await db.days.bulkGet(entries.map((entry) => entry.key));
	const put: DeckDayTally[] = [];
	const emptied: [string, number][] = [];
	entries.forEach(({ key: [deck, day], rows: dayRows }, index) => {
		const tally = stored[index] ?? { deck, ...emptyTally(day) };
		for (const row of dayRows) addToTally(tally, row, sign);
		if (tally.answers > 0) put.push(tally);
		else if (stored[index] !== undefined) emptied.push([deck, day]);
	});
	if (put.length > 0) await db.days.bulkPut(put);
	if (emptied.length > 0) await db.days.bulkDelete(emptied);
}
