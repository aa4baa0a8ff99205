/**
 * What Recall's export writes in an Anki card's custom data, and its import
 * reads back. Anki keeps a card's custom data for scheduling code, through its
 * own imports, answers and exports, in the card's `data` column:
 * `{"cd": "{\"buried\": 12, \"fields\": 123}"}`, keys of at most 8 bytes and
 * at most 100 bytes in all.
 *
 * - `buried`: the day a buried card stays buried until, counted from day 0
 *   like a review card's due. Anki's buried queues have no end day (Anki
 *   unburies every card at its next day), while Recall buries a card until a
 *   day of its choosing; the reader takes it back while Anki still has the
 *   card buried.
 * - `fields`: a checksum of the card's note (its fields and tags) as the
 *   export wrote it. A package's card is always Anki's HTML of what Recall
 *   stores (Markdown, mostly), so its text cannot tell whether the learner
 *   changed it in Anki; the checksum can. A card its package brings as Recall
 *   exported it changes nothing on import, and a card edited in Anki is news.
 * - `n`, `repeat` and `reps`: SM-2's state of a review card that Anki's
 *   columns cannot say (its repetitions, successes in a row; `repeat` 1 while
 *   a same-day repeat is pending), and the `reps` column the export wrote
 *   beside them. The import takes them back while `reps` is unchanged: an
 *   answer in Anki since adds to `reps`, and makes them stale.
 */
import type { Sm2State } from '../../srs/sm2';
import { fieldChecksum } from './export-hash';

/** What an Anki review card's columns (interval, factor, due) leave out of SM-2's state. */
export type Sm2Extra = Pick<Sm2State, 'repetitions' | 'extraReview'>;

export interface RecallCustomData {
	/** Recall's buried-until day, counted from the collection's day 0. */
	buriedUntil?: number;
	/** `noteChecksum` of the card's note as Recall exported it. */
	noteChecksum?: number;
	/** SM-2's state beyond Anki's columns when exported, with the `reps` column written beside it. */
	sm2?: Sm2Extra & { reps: number };
}

const BURIED_UNTIL_KEY = 'buried';
const NOTE_CHECKSUM_KEY = 'fields';
const REPETITIONS_KEY = 'n';
const REPEAT_KEY = 'repeat';
const REPS_KEY = 'reps';

/** The `data` column for a card with this custom data ('' when there is none). */
export function customDataColumn(data: RecallCustomData): string {
	const custom: Record<string, number> = {};
	if (data.buriedUntil !== undefined) custom[BURIED_UNTIL_KEY] = data.buriedUntil;
	if (data.noteChecksum !== undefined) custom[NOTE_CHECKSUM_KEY] = data.noteChecksum;
	if (data.sm2 !== undefined) {
		custom[REPETITIONS_KEY] = data.sm2.repetitions;
		if (data.sm2.extraReview) custom[REPEAT_KEY] = 1;
		custom[REPS_KEY] = data.sm2.reps;
	}
	return Object.keys(custom).length === 0 ? '' : JSON.stringify({ cd: JSON.stringify(custom) });
}

/** Recall's custom data in a card's `data` column: none where it holds none, or something else, or is not JSON. */
export function readCustomData(column: string): RecallCustomData {
	let custom: unknown;
	try {
		custom = JSON.parse(String((JSON.parse(column) as { cd?: unknown } | null)?.cd));
	} catch {
		return {};
	}
	if (typeof custom !== 'object' || custom === null) return {};
	const data: RecallCustomData = {};
	const buriedUntil: unknown = (custom as Record<string, unknown>)[BURIED_UNTIL_KEY];
	const noteChecksum: unknown = (custom as Record<string, unknown>)[NOTE_CHECKSUM_KEY];
	if (Number.isSafeInteger(buriedUntil)) data.buriedUntil = buriedUntil as number;
	if (Number.isSafeInteger(noteChecksum)) data.noteChecksum = noteChecksum as number;
	const repetitions: unknown = (custom as Record<string, unknown>)[REPETITIONS_KEY];
	const reps: unknown = (custom as Record<string, unknown>)[REPS_KEY];
	if (isCount(repetitions) && isCount(reps)) data.sm2 = { repetitions, extraReview: (custom as Record<string, unknown>)[REPEAT_KEY] === 1, reps };
	return data;
}

function isCount(value: unknown): value is number {
	return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * A note's fields and tags, checksummed. Tags are compared as a set of words,
 * since Anki rewrites the tags column's spacing and order as it pleases.
 */
export function noteChecksum(fields: readonly string[], tags: readonly string[]): number {
	return fieldChecksum(`${fields.join('\u001f')}\u001e${[...new Set(tags)].sort().join(' ')}`);
}
