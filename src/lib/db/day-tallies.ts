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
import { addTally, emptyTally, tallyDeckDays, type DeckDayTally, type TallyRow } from '../stats/tally';
import type { RecallDatabase } from './schema';

/**
 * Adds rows to their decks' day tallies (`sign` -1 takes them out). Inside a
 * read-write transaction over `days`; a tally left with no answers is deleted,
 * so the table holds only days with answers.
 */
export async function tallyRows(db: RecallDatabase, rows: readonly (TallyRow & { deck: string })[], sign: 1 | -1 = 1): Promise<void> {
	const changes = tallyDeckDays(rows);
	if (changes.length === 0) return;
	const stored = await db.days.bulkGet(changes.map(({ deck, day }): [string, number] => [deck, day]));
	const put: DeckDayTally[] = [];
	const emptied: [string, number][] = [];
	changes.forEach((change, index) => {
		const tally = stored[index] ?? { deck: change.deck, ...emptyTally(change.day) };
		addTally(tally, change, sign);
		if (tally.answers > 0) put.push(tally);
		else if (stored[index] !== undefined) emptied.push([change.deck, change.day]);
	});
	if (put.length > 0) await db.days.bulkPut(put);
	if (emptied.length > 0) await db.days.bulkDelete(emptied);
}
