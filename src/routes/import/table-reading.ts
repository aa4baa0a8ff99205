/**
 * The Columns step's words for a table (its columns' names, the delimiters offered) and what it keeps of the
 * learner's column mapping when the table is read again: plain functions, so that they are tested without a page.
 */
import type { TableSample } from '$lib/app/import-protocol';
import { formatMessage } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import type { MessageKey } from '$lib/i18n/messages';
import { DETECTED_DELIMITERS, type ColumnKind, type ColumnMapping } from '$lib/io/delimited';

const DELIMITER_NAMES: Record<string, MessageKey> = {
	'\t': 'importDelimiterTab',
	',': 'importDelimiterComma',
	';': 'importDelimiterSemicolon',
	'|': 'importDelimiterPipe',
	' ': 'importDelimiterSpace',
	':': 'importDelimiterColon'
};

/** The delimiters offered: the four detected ones, and the one the file is read with when its `#separator:` named another. */
export function delimiterChoices(current: string): string[] {
	return (DETECTED_DELIMITERS as readonly string[]).includes(current) ? [...DETECTED_DELIMITERS] : [...DETECTED_DELIMITERS, current];
}

export function delimiterLabel(locale: Locale, delimiter: string): string {
	const key = DELIMITER_NAMES[delimiter];
	return key ? formatMessage(locale, key, {}) : formatMessage(locale, 'importDelimiterOther', { character: delimiter });
}

const MADE_UP_NAMES: Record<Exclude<ColumnKind, 'named' | 'numbered'>, MessageKey> = {
	tags: 'importColumnTags',
	deck: 'importColumnDeck',
	notetype: 'importColumnNotetype',
	guid: 'importColumnGuid'
};

/** A column's name: the file's, or the made-up one ("Column 3", "열 3") in the page's language. */
export function columnTitle(locale: Locale, table: Pick<TableSample, 'columns' | 'columnKinds'>, index: number): string {
	const kind = table.columnKinds[index] ?? 'named';
	if (kind === 'named') return table.columns[index] ?? '';
	if (kind === 'numbered') return formatMessage(locale, 'importColumnNumbered', { number: index + 1 });
	return formatMessage(locale, MADE_UP_NAMES[kind], {});
}

/**
 * The mapping the Columns step's choices make: a column index each, -1 for "(none)" where a column is optional
 * (tags; the deck column, whose rows go into the deck each names, the others into the deck name given).
 */
export function chosenMapping(front: number, back: number, tags: number, deck: number): ColumnMapping {
	return { front, back, ...(tags >= 0 && { tags }), ...(deck >= 0 && { deck }) };
}

/**
 * The mapping after the table was read again: the learner's, when the columns are the same as before
 * (only the header row or HTML changed, say), else what the new table suggests.
 */
export function mappingAfterReread(before: TableSample, mapping: ColumnMapping, after: TableSample): ColumnMapping {
	const same = before.columns.length === after.columns.length && before.columns.every((column, index) => column === after.columns[index]);
	return same ? mapping : { ...after.suggested };
}

/** How much of a cell the Columns step shows: the rest is cut ("…"). */
export const CELL_SHOWN = 80;

/**
 * A cell as the Columns step shows it: cut after CELL_SHOWN characters, in lines. A quoted field may hold
 * line breaks (\n, \r\n or \r), which a table cell would show as spaces: the page shows each as a marked line
 * break, so that a field of two lines is not taken for one.
 */
export function cellLines(cell: string): string[] {
	const text = cell.replace(/\r\n?/g, '\n');
	return (text.length > CELL_SHOWN ? `${text.slice(0, CELL_SHOWN)}…` : text).split('\n');
}
