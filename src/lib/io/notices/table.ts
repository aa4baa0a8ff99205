/** What the importers say about CSV, TSV and Anki's plain-text notes (delimited.ts): English, by code (i18n/notices/table.ts has the Korean). */
import type { Catalog } from '../../i18n/notice';

/** Header lines of Anki's plain text that name a column by number. */
export type ColumnHeaderKey = 'tags column' | 'deck column' | 'notetype column' | 'guid column';

/** Lines of a file a notice names: the first few, and how many more there are, so that a notice stays small. */
export interface LineList {
	lines: number[];
	more: number;
}

const MAX_LISTED_LINES = 10;

export function lineList(all: readonly number[]): LineList {
	return { lines: all.slice(0, MAX_LISTED_LINES), more: Math.max(0, all.length - MAX_LISTED_LINES) };
}

/** "lines 3, 7 and 9", "line 4", "lines 1, 2, ... and 40 more". */
export function listLines({ lines, more }: LineList): string {
	if (lines.length === 1 && more === 0) return `line ${lines[0]}`;
	if (more > 0) return `lines ${lines.join(', ')} and ${more} more`;
	return `lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}`;
}

function linesAtStart(list: LineList): string {
	const listed = listLines(list);
	return listed.charAt(0).toUpperCase() + listed.slice(1);
}

const delimiterNames: Record<string, string> = { '\t': 'tab', ',': 'comma', ';': 'semicolon', '|': 'pipe', ' ': 'space', ':': 'colon' };

export const tableNotices = {
	'table-too-large': ({ megabytes, limitMegabytes }: { megabytes: number; limitMegabytes: number }) =>
		`This file is ${megabytes.toFixed(1)} MB; Recall imports CSV and TSV files of up to ${limitMegabytes} MB. Split it into smaller files.`,
	'table-empty-file': () => 'The file is empty.',
	'table-only-header-lines': () => 'The file has no rows, only header lines.',
	'table-only-header-row': () => 'The file has no rows of cards, only a header.',
	'table-single-field': ({ delimiter }: { delimiter: string }) =>
		`Every line of this file is a single field (read with ${delimiterNames[delimiter] ?? `"${delimiter}"`} as the delimiter). A card needs two columns, a front and a back, separated by tabs, commas, semicolons or |.`,
	'table-bad-delimiter': ({ delimiter }: { delimiter: string }) =>
		`"${delimiter}" cannot separate fields: choose a single character other than a quote or a line break.`,
	'table-mapping-out-of-range': ({ columns }: { columns: number }) => `The column mapping names a column the file does not have (it has ${columns}).`,
	'table-same-columns': () => 'The front and the back must be different columns.',
	'table-no-cards': ({ rows }: { rows: number }) => `No cards: none of the ${rows} rows has both a front and a back in the chosen columns.`,

	'table-comment-line': ({ line }: { line: number }) => `Line ${line} starts with # and was read as a comment.`,
	'table-unknown-header': ({ line, key }: { line: number; key: string }) => `Line ${line}: the header "#${key}:" is not one Recall uses; it was ignored.`,
	'table-unknown-separator': ({ line, separator }: { line: number; separator: string }) =>
		`Line ${line}: the separator "${separator}" is not one Recall knows; the delimiter was detected instead.`,
	'table-html-not-boolean': ({ line, value }: { line: number; value: string }) => `Line ${line}: "#html:${value}" is neither true nor false; it was ignored.`,
	'table-column-not-number': ({ line, key, value }: { line: number; key: ColumnHeaderKey; value: string }) =>
		`Line ${line}: "#${key}:${value}" does not name a column (1, 2, 3, ...); it was ignored.`,
	'table-unclosed-quote': ({ line }: { line: number }) => `Line ${line} opens a quote (") that never closes; it was read as a plain character.`,
	'table-long-quote': ({ from, to }: { from: number; to: number }) =>
		`A quoted field runs from line ${from} to line ${to}; if that is not meant, a quote (") is missing or extra on line ${from}.`,
	'table-short-rows': (values: LineList & { columns: number }) =>
		`${linesAtStart(values)}: fewer fields than the ${values.columns} columns; the missing ones are left empty.`,
	'table-long-rows': (values: LineList & { columns: number }) =>
		`${linesAtStart(values)}: more fields than the ${values.columns} columns; the extra ones were joined to the last column.`,
	'table-note-types-ignored': () => 'Note types other than Basic and Cloze are not used: their rows become cards with a front and a back.',
	'table-html-detected': () =>
		'Some fields hold HTML (such as <b> or &nbsp;), so all fields are read as HTML. To read them as plain text, untick “Fields are HTML” under Columns, or add the line #html:false at the top of the file.',
	'table-rows-without-sides': (values: LineList) => `${linesAtStart(values)}: no front or no back; skipped.`,
	'table-repeated-fronts': (values: LineList) => `${linesAtStart(values)}: the same front as a row above in the same deck; both cards are kept.`,
	'table-export-images-left-out': ({ count }: { count: number }) =>
		`${count === 1 ? '1 card has images' : `${count} cards have images`}: a table holds only their file names, not the images. To take the images along, export the deck as “Anki package (.apkg)”.`
} satisfies Catalog;
