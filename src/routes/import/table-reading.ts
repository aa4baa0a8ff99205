/**
 * The Columns step's choices of how a table is read (delimiter, header row, HTML) and what it keeps of the
 * learner's column mapping when the table is read again: plain data, so that it is tested without a page.
 */
import type { TableSample } from '$lib/app/import-protocol';
import type { MessageValues } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/messages';
import { DETECTED_DELIMITERS, type ColumnMapping } from '$lib/io/delimited';

/** A UI string: its key and the values of its placeholders. */
export interface Said {
	key: MessageKey;
	values: MessageValues;
}

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

export function delimiterLabel(delimiter: string): Said {
	const key = DELIMITER_NAMES[delimiter];
	return key ? { key, values: {} } : { key: 'importDelimiterOther', values: { character: delimiter } };
}

/**
 * The mapping after the table was read again: the learner's, when the columns are the same as before
 * (only the header row or HTML changed, say), else what the new table suggests.
 */
export function mappingAfterReread(before: TableSample, mapping: ColumnMapping, after: TableSample): ColumnMapping {
	const same = before.columns.length === after.columns.length && before.columns.every((column, index) => column === after.columns[index]);
	return same ? mapping : { ...after.suggested };
}
