/**
 * Which of an Anki package's review rows a card's stored log does not already
 * hold. A backup's rows keep their ids through every trip, so for backups the
 * union by id is the whole rule. An Anki package's do not: its revlog keeps an
 * answer's time (as its id) and its button, not the Recall row it was made
 * from, and the reader names each answer `<card>-review-<revlog id>`. That id
 * is stable for an answer given in Anki, so importing an Anki user's package
 * twice is one set of rows; but an answer given in Recall comes back from
 * Recall's own export under a new id, and a union by id would add it again on
 * every round trip (ours → .apkg → ours), doubling the card's answers in the
 * statistics. Likewise the package's state row (the schedule Anki holds for
 * the card) has a new id on every trip, since our export stamps each card's
 * `mod` with the time of the export.
 *
 * This is decided here, in the merge, rather than in the reader: only the
 * merge sees the stored log that the package's rows are compared with, and the
 * reader stays a pure function of the file.
 */
import { compareRows, foldRows, isAnswer, type AnswerRow, type ReviewRow, type ScheduleSnapshot, type StateRow } from '../srs/history';
import { PASSING_GRADE, type Grade } from '../srs/sm2';

/**
 * How much later than a stored answer the package's copy of it may be. The
 * export's revlog id is the row's time in ms, moved up 1 ms past each id
 * already taken, so a copy is never earlier than its row and is later only by
 * as many rows as share those milliseconds: a second covers a thousand of them,
 * and no one answers one card twice with the same button within a second.
 */
export const SAME_ANSWER_MS = 1000;

/**
 * Anki has one Again button for SM-2's three failing grades (0, 1 and 2 all
 * come back as 1), and SM-2 treats them alike: an answer keeps its button, not
 * always its grade.
 */
function button(grade: Grade): number {
	return grade < PASSING_GRADE ? 1 : grade;
}

/**
 * Whether a package's state row tells the card nothing new. What it can say is
 * what Anki's card columns carry: the interval, the ease and the due day.
 * SM-2's run of successes and a pending same-day repeat are not among them (the
 * reader works them out, or guesses them, from the revlog), so where those
 * three agree with the card's own log, the log knows more and stays.
 */
function sameInAnki(row: ScheduleSnapshot, log: ScheduleSnapshot): boolean {
	return row.dueDay === log.dueDay && row.state.interval === log.state.interval && row.state.easiness === log.state.easiness;
}

/**
 * Whether a row is one an Anki package's reader made (schedule.ts names them):
 * an answer `<card>-review-<revlog id>` or a state row `anki-import-<card>-<mod>`.
 * Recall's own rows have random ids.
 */
export function isPackageRow(row: ReviewRow): boolean {
	return isAnswer(row) ? /-review-\d+$/.test(row.id) : row.id.startsWith('anki-import-');
}

/**
 * The copies among `copies` that are the same answer as one of `originals`:
 * the same button, at the original's time or up to SAME_ANSWER_MS later. Both
 * are taken in time order and each original pairs with one copy at most;
 * earliest first, the greedy pairing pairs as many as any pairing can.
 */
function pairedCopies(copies: readonly AnswerRow[], originals: readonly AnswerRow[]): Set<AnswerRow> {
	const unpaired = new Map<number, AnswerRow[]>();
	for (const row of [...originals].sort(compareRows)) {
		const same = unpaired.get(button(row.grade));
		if (same) same.push(row);
		else unpaired.set(button(row.grade), [row]);
	}
	const next = new Map<number, number>();
	const paired = new Set<AnswerRow>();
	for (const row of [...copies].sort(compareRows)) {
		const key = button(row.grade);
		const candidates = unpaired.get(key) ?? [];
		let at = next.get(key) ?? 0;
		while (at < candidates.length && Math.round((candidates[at] as AnswerRow).reviewedAt) + SAME_ANSWER_MS < row.reviewedAt) at++;
		const candidate = candidates[at];
		if (candidate !== undefined && Math.round(candidate.reviewedAt) <= row.reviewedAt) {
			at++;
			paired.add(row);
		}
		next.set(key, at);
	}
	return paired;
}

/** The state rows among `states` that say nothing `log` (with the rows before each) does not: see sameInAnki. */
function redundantStates(states: readonly StateRow[], log: readonly ReviewRow[]): Set<StateRow> {
	return new Set(states.filter((row) => sameInAnki(row.after, foldRows(log.filter((other) => other !== row && compareRows(other, row) < 0)))));
}

/**
 * The rows of one card that an Anki package adds to its stored log.
 *
 * - `incoming`: the package's rows of the card whose ids the store does not have;
 * - `stored`: the card's stored rows;
 * - `brought`: whether the package brings a row of that id (it is that row, not
 *   another answer at the same moment).
 *
 * An answer is the same answer as a stored one of the card with the same
 * button, at its time or up to SAME_ANSWER_MS later; answers are paired in time
 * order, each stored answer with at most one. A state row is left out when the
 * card's rows before it, stored and added, already fold to the interval, ease
 * and due day it sets (`sameInAnki`): it says nothing the log does not know.
 */
export function rowsToAdd(incoming: readonly ReviewRow[], stored: readonly ReviewRow[], brought: (id: string) => boolean): ReviewRow[] {
	const originals = stored.filter((row): row is AnswerRow => isAnswer(row) && !brought(row.id));
	const answers = incoming.filter(isAnswer);
	const paired = pairedCopies(answers, originals);
	const added: ReviewRow[] = answers.filter((row) => !paired.has(row)).sort(compareRows);
	const states = incoming.filter((row): row is StateRow => !isAnswer(row)).sort(compareRows);
	for (const row of states) {
		if (!redundantStates([row], [...stored, ...added]).has(row)) added.push(row);
	}
	return added;
}

/**
 * One card's log with the package copies of its own answers taken out: the
 * rows to keep of `rows` (a card's stored and incoming rows, each id once). A
 * package's answer that is the same answer as one of Recall's rows of the card
 * (pairedCopies) is that row, which keeps the answer's own id, time, duration
 * and snapshots; a package's state row that the rows before it fold to
 * (sameInAnki) says nothing, as rowsToAdd has it. The result depends on the set of rows only, not
 * on which arrived first: importing a package and then a backup of the same
 * answers ends as the other order does (rowsToAdd), and Check database takes
 * out copies that an older version stored twice.
 */
export function withoutCopies(rows: readonly ReviewRow[]): ReviewRow[] {
	const answers = rows.filter(isAnswer);
	const copies = pairedCopies(
		answers.filter(isPackageRow),
		answers.filter((row) => !isPackageRow(row))
	);
	const kept = rows.filter((row) => !copies.has(row as AnswerRow));
	const states = kept.filter((row): row is StateRow => !isAnswer(row) && isPackageRow(row));
	const redundant = redundantStates(states, kept);
	return kept.filter((row) => !redundant.has(row as StateRow));
}
