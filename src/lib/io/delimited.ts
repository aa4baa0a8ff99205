/**
 * CSV and TSV files, both ways: a table of fields to preview and map to
 * front, back and tags, the cards that mapping makes, and one deck as a file.
 * The user-facing rules are in docs/import-formats.md; in short:
 *
 * - Text: UTF-8 with or without a byte order mark, UTF-16 with one, EUC-KR
 *   (Korean Excel's CSV). Anything else, and files over 50 MB, are refused.
 * - Anki's "Notes in Plain Text" header lines at the top (`#separator:`,
 *   `#html:`, `#tags:`, `#columns:`, `#deck:`, `#notetype:`, `#tags column:`,
 *   `#deck column:`, `#notetype column:`, `#guid column:`) are honoured, and
 *   `#recall deck id:`, with which Recall's own export names its deck; unknown
 *   ones are ignored with a warning; a `#` line without a colon is a comment.
 * - The delimiter (tab, comma, semicolon, pipe) is the one that splits the first
 *   50 records (quotes respected) into the most consistent number of fields,
 *   two or more; ties go in that order.
 * - Quoting is RFC 4180: a field that starts with `"` runs to the next lone
 *   `"`, delimiters and line breaks included, `""` is a quote. A quote that never
 *   closes is read as a plain character (with a warning). Blank lines are skipped.
 * - The first row is a header when its cells are column names people use
 *   (front, back, tags, question, 앞면, 뒷면, ...) or when it differs in kind
 *   from the rows under it (text over a column of numbers). Without column
 *   names, the column after the back is suggested as tags when it looks like tags.
 * - Ragged rows: a short row is padded with empty fields; a long row's extra
 *   fields are joined, with the delimiter, to its last column (a comma-separated
 *   file whose answers hold unquoted commas keeps their text). Both are warned
 *   about with their line numbers.
 *
 * A row whose note type is Cloze (`#notetype:`, `#notetype column:`) makes a cloze card of
 * each deletion number of its Text (table-card.ts); any other row is a basic card.
 *
 * Cards: plain text is kept as text, never read as Markdown: it is stored as
 * escaped HTML (`format: 'html'`, line breaks as `<br>`), as Anki stores it.
 * Fields are HTML when the file says `#html:true`, or, without that line, when
 * they hold common tags or entities (the user can override this). A card's id
 * comes from its deck and the text of its front, so importing the same file
 * again updates the cards rather than duplicating them.
 */
import type { Card, Deck } from '../notes/deck-format';
import { decodeTextBytes } from '../notes/decode';
import { deckIdFor } from '../notes/generate';
import { hash53 } from '../notes/text';
import { tidyDeckName } from '../srs/deck-tree';
import { emptyBundle, ImportError, type ImportBundle } from './bundle';
import { htmlToText, looksLikeHtml, textToHtml } from './html-text';
import { refuse, say, type ImportNotice } from './notices';
import { readableSide, rowCards, sideIdentity, tagsAsWritten, type TableRowNote } from './table-card';
import { deckNotes, packageMediaNames, tableMediaNaming, type RenderSide } from './anki/note-fields';
import { lineList, type ColumnHeaderKey } from './notices/table';

/** Larger files are refused before they are decoded. */
export const MAX_DELIMITED_BYTES = 50 * 1024 * 1024;

/** The delimiters detected, in the order that breaks ties. */
export const DETECTED_DELIMITERS = ['\t', ',', ';', '|'] as const;

/**
 * The header line (`#recall deck id:<id>`) with which Recall's own export names the deck it came from. Anki
 * reads `#key:value` lines and passes over keys it does not know, so the file stays one Anki imports.
 */
const EXPORTED_DECK_KEY = 'recall deck id';

/** `#separator:` names, as Anki writes them. */
const DELIMITER_NAMES: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', pipe: '|', space: ' ', colon: ':' };

/** Columns of a table, 0-based. */
export interface ColumnMapping {
	front: number;
	back: number;
	tags?: number;
	/** A column naming each row's deck (Anki's `#deck column:`); rows with it empty go to the chosen deck. */
	deck?: number;
}

export interface DelimitedOptions {
	/** Overrides the header line and detection: a single character. */
	delimiter?: string;
	/** Overrides header detection. */
	hasHeader?: boolean;
	/** Overrides `#html:` and detection: fields are HTML (true) or plain text (false). */
	html?: boolean;
}

/**
 * Where a column's name comes from: the file (`named`), or nowhere, when it is made up in English: `numbered`
 * ("Column 3") or the role an Anki `#... column:` line gives it ("Tags", "Deck", "Note type", "GUID").
 */
export type ColumnKind = 'named' | 'numbered' | 'tags' | 'deck' | 'notetype' | 'guid';

export interface DelimitedTable {
	delimiter: string;
	/** The first row named the columns and is not in `rows`. */
	hasHeader: boolean;
	/** Fields are HTML; otherwise plain text. */
	html: boolean;
	/** Column names, from the header row or `#columns:`, else "Column 1", ... */
	columns: string[];
	/** Where each name of `columns` came from, so that a page can say a made-up one in its language. */
	columnKinds: ColumnKind[];
	/** The data rows, each with exactly `columns.length` fields. */
	rows: string[][];
	/** The 1-based line of the file where each row starts. */
	lineNumbers: number[];
	suggested: ColumnMapping;
	/** From `#deck:`. */
	deckName?: string;
	/** From `#recall deck id:`, which Recall's own export writes (and Anki ignores): the id of the deck it was exported from. */
	deckId?: string;
	/** From `#tags:` (or a first line `tags:`): tags for every card. */
	tags: string[];
	/** Anki's note type of every row (`#notetype:`) or the column naming each row's (`#notetype column:`): a Cloze row's deletions are cards. */
	notetype?: string;
	notetypeColumn?: number;
	warnings: ImportNotice[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

interface RawRecord {
	fields: string[];
	line: number;
}

interface ReadResult {
	records: RawRecord[];
	/** The line of a quote that never closes (read as a plain character). */
	unclosedQuoteLine?: number;
	/** Quoted fields over many lines: [first line, last line]. */
	longQuotes: [number, number][];
}

/** A quoted field spanning more lines than this is likely a stray quote: say so. */
const LONG_QUOTED_LINES = 50;

function scanUnquoted(text: string, from: number, delimiter: number): number {
	let pos = from;
	while (pos < text.length) {
		const code = text.charCodeAt(pos);
		if (code === delimiter || code === LF || code === CR) break;
		pos++;
	}
	return pos;
}

function closingQuote(text: string, from: number): number {
	let pos = from;
	for (;;) {
		const quote = text.indexOf('"', pos);
		if (quote < 0 || text.charCodeAt(quote + 1) !== QUOTE) return quote;
		pos = quote + 2;
	}
}

function lineBreaks(text: string): number {
	return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * RFC 4180 records from `start`: quoted fields may hold delimiters, line breaks
 * and doubled quotes; text after a closing quote, up to the delimiter, stays in
 * the field. Blank lines and rows of empty fields are skipped.
 */
function readRecords(text: string, delimiter: string, start = 0, firstLine = 1, maxRecords = Infinity): ReadResult {
	const result: ReadResult = { records: [], longQuotes: [] };
	const delimiterCode = delimiter.charCodeAt(0);
	let pos = start;
	let line = firstLine;
	let literalQuoteAt = -1;
	while (pos < text.length && result.records.length < maxRecords) {
		const recordLine = line;
		const fields: string[] = [];
		for (;;) {
			let value: string;
			if (text.charCodeAt(pos) === QUOTE && pos !== literalQuoteAt) {
				const close = closingQuote(text, pos + 1);
				if (close < 0) {
					// No quote closes it: read it as a plain character instead.
					literalQuoteAt = pos;
					result.unclosedQuoteLine ??= line;
					continue;
				}
				const raw = text.slice(pos + 1, close);
				value = raw.includes('"') ? raw.replaceAll('""', '"') : raw;
				const breaks = lineBreaks(raw);
				if (breaks > LONG_QUOTED_LINES) result.longQuotes.push([line, line + breaks]);
				line += breaks;
				pos = close + 1;
				const end = scanUnquoted(text, pos, delimiterCode);
				value += text.slice(pos, end);
				pos = end;
			} else {
				const end = scanUnquoted(text, pos, delimiterCode);
				value = text.slice(pos, end);
				pos = end;
			}
			fields.push(value);
			const code = text.charCodeAt(pos);
			if (code === delimiterCode) {
				pos++;
				continue;
			}
			if (code === CR) {
				pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
				line++;
			} else if (code === LF) {
				pos++;
				line++;
			}
			break;
		}
		if (fields.every((field) => field === '')) continue;
		result.records.push({ fields, line: recordLine });
	}
	return result;
}

/** The most common of some numbers, ties to the smaller; with how often it occurs. */
function mode(values: number[]): { value: number; count: number } {
	const counts = new Map<number, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	let best = { value: 0, count: 0 };
	for (const [value, count] of counts) {
		if (count > best.count || (count === best.count && value < best.value)) best = { value, count };
	}
	return best;
}

const DETECTION_RECORDS = 50;
const DETECTION_SAMPLE_CHARS = 64 * 1024;

/** The delimiter whose split of the first records is most consistent (two fields or more). */
function detectDelimiter(body: string): string | undefined {
	const truncated = body.length > DETECTION_SAMPLE_CHARS;
	const sample = truncated ? body.slice(0, DETECTION_SAMPLE_CHARS) : body;
	let best: string | undefined;
	let bestScore = 0;
	for (const candidate of DETECTED_DELIMITERS) {
		let records = readRecords(sample, candidate, 0, 1, DETECTION_RECORDS + 1).records;
		// The sample may end in the middle of its last record; one past the limit is not counted.
		if ((truncated || records.length > DETECTION_RECORDS) && records.length > 1) records = records.slice(0, -1);
		const counts = records.map((record) => record.fields.length);
		const split = mode(counts.filter((count) => count >= 2));
		if (split.count === 0) continue;
		const score = split.count / counts.length;
		if (score > bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	return best;
}

function normalizeName(name: string): string {
	return name
		.normalize('NFKC')
		.trim()
		.toLowerCase()
		.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

const FRONT_NAMES = ['front', 'question', 'term', 'word', 'prompt', 'expression', '앞면', '앞', '질문', '문제', '단어', '용어', '표제어'];
const BACK_NAMES = ['back', 'answer', 'definition', 'meaning', 'translation', '뒷면', '뒤', '답', '정답', '뜻', '의미', '설명', '번역'];
const TAG_NAMES = ['tags', 'tag', '태그'];
const DECK_NAMES = ['deck', '덱'];
/** Other names of columns in flashcard files: they make a row look like a header too. */
const OTHER_NAMES = ['notes', 'note', 'extra', 'example', 'examples', 'hint', 'source', 'id', 'guid', 'notetype', 'note type', 'reading', 'category', 'comment', '예문', '메모', '비고', '참고', '힌트', '분류', '발음'];
const KNOWN_NAMES = new Set([...FRONT_NAMES, ...BACK_NAMES, ...TAG_NAMES, ...DECK_NAMES, ...OTHER_NAMES]);

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?%?$/;

/**
 * A first row is a header when most of its cells are known column names, or
 * when it holds text over a column that is all numbers.
 */
function looksLikeHeader(first: string[], rest: string[][]): boolean {
	const cells = first.map(normalizeName).filter((cell) => cell !== '');
	if (cells.length === 0) return false;
	const known = cells.filter((cell) => KNOWN_NAMES.has(cell)).length;
	if (known > 0 && known * 2 >= cells.length) return true;
	if (rest.length < 2) return false;
	return first.some((cell, column) => {
		const name = cell.trim();
		if (name === '' || NUMBER.test(name)) return false;
		return rest.every((row) => NUMBER.test((row[column] ?? '').trim()));
	});
}

/** A few words without sentence punctuation in each cell, and not every cell empty. */
function looksLikeTags(cells: string[]): boolean {
	const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
	return filled.length > 0 && filled.every((cell) => splitTags(cell).length <= 5 && !/[.?!。？！:;()"]/.test(cell));
}

interface HeaderLines {
	delimiter?: string;
	html?: boolean;
	tags: string[];
	columns?: string;
	deckName?: string;
	deckId?: string;
	notetype?: string;
	/** 0-based columns named by `#... column:` lines. */
	tagsColumn?: number;
	deckColumn?: number;
	notetypeColumn?: number;
	guidColumn?: number;
	/** Where the rows start, and on which line. */
	bodyStart: number;
	bodyLine: number;
}

function splitTags(text: string): string[] {
	return text.split(/[\s,]+/).filter((tag) => tag !== '');
}

/** Anki's header lines: `#key:value` lines at the top (and a first line `tags:...`). */
function readHeaderLines(text: string, warnings: ImportNotice[]): HeaderLines {
	const header: HeaderLines = { tags: [], bodyStart: 0, bodyLine: 1 };
	let pos = 0;
	let line = 1;
	const nextLine = (): string => {
		let end = pos;
		while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
		const value = text.slice(pos, end);
		pos = end + (text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0);
		line++;
		return value;
	};
	const column = (key: ColumnHeaderKey, value: string, lineNumber: number): number | undefined => {
		const number = Number(value.trim());
		if (Number.isInteger(number) && number >= 1) return number - 1;
		warnings.push(say('table-column-not-number', { line: lineNumber, key, value }));
		return undefined;
	};
	if (text.startsWith('tags:')) header.tags = splitTags(nextLine().slice('tags:'.length));
	while (text.charCodeAt(pos) === 0x23 /* # */) {
		const lineNumber = line;
		const content = nextLine().slice(1);
		const colon = content.indexOf(':');
		if (colon < 0) {
			warnings.push(say('table-comment-line', { line: lineNumber }));
			continue;
		}
		const key = content.slice(0, colon).trim().toLowerCase();
		const value = content.slice(colon + 1);
		switch (key) {
			case 'separator': {
				const delimiter = value.length === 1 ? value : DELIMITER_NAMES[value.trim().toLowerCase()];
				if (delimiter && delimiter !== '"') header.delimiter = delimiter;
				else warnings.push(say('table-unknown-separator', { line: lineNumber, separator: value }));
				break;
			}
			case 'html': {
				const flag = value.trim().toLowerCase();
				if (flag === 'true' || flag === 'false') header.html = flag === 'true';
				else warnings.push(say('table-html-not-boolean', { line: lineNumber, value }));
				break;
			}
			case 'tags':
				header.tags = splitTags(value);
				break;
			case 'columns':
				header.columns = value;
				break;
			case 'deck':
				header.deckName = tidyDeckName(value) || undefined;
				break;
			case EXPORTED_DECK_KEY:
				header.deckId = value.trim() || undefined;
				break;
			case 'notetype':
				header.notetype = value.trim() || undefined;
				break;
			case 'tags column':
				header.tagsColumn = column(key, value, lineNumber);
				break;
			case 'deck column':
				header.deckColumn = column(key, value, lineNumber);
				break;
			case 'notetype column':
				header.notetypeColumn = column(key, value, lineNumber);
				break;
			case 'guid column':
				header.guidColumn = column(key, value, lineNumber);
				break;
			default:
				warnings.push(say('table-unknown-header', { line: lineNumber, key }));
		}
	}
	header.bodyStart = pos;
	header.bodyLine = line;
	return header;
}

function checkDelimiter(delimiter: string): string {
	if ([...delimiter].length !== 1 || delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
		throw refuse('table-bad-delimiter', { delimiter });
	}
	return delimiter;
}

function firstIndex(names: string[], wanted: readonly string[], skip: Set<number>): number | undefined {
	const index = names.findIndex((name, column) => !skip.has(column) && wanted.includes(normalizeName(name)));
	return index < 0 ? undefined : index;
}

export function parseDelimited(bytes: Uint8Array, options: DelimitedOptions = {}): DelimitedTable {
	if (bytes.length > MAX_DELIMITED_BYTES) {
		throw refuse('table-too-large', { megabytes: bytes.length / 1024 / 1024, limitMegabytes: MAX_DELIMITED_BYTES / 1024 / 1024 });
	}
	const decoded = decodeTextBytes(bytes);
	if (!decoded.ok) throw refuse('notes-text-file-unreadable', { reason: decoded.error });
	const text = decoded.text;
	if (text.trim() === '') throw refuse('table-empty-file');
	const warnings: ImportNotice[] = decoded.warnings.map((warning) => say('notes-text-file-decoded', { warning }));

	const header = readHeaderLines(text, warnings);
	const body = text.slice(header.bodyStart);
	const delimiter = checkDelimiter(options.delimiter ?? header.delimiter ?? detectDelimiter(body) ?? ',');
	const read = readRecords(text, delimiter, header.bodyStart, header.bodyLine);
	const records = read.records;
	if (records.length === 0) throw refuse('table-only-header-lines');
	if (read.unclosedQuoteLine !== undefined) warnings.push(say('table-unclosed-quote', { line: read.unclosedQuoteLine }));
	for (const [from, to] of read.longQuotes.slice(0, 3)) warnings.push(say('table-long-quote', { from, to }));

	let names: string[] | undefined;
	if (header.columns !== undefined) names = readRecords(header.columns.trim(), delimiter).records[0]?.fields ?? [];
	const hasHeader = options.hasHeader ?? (names === undefined && looksLikeHeader(records[0]!.fields, records.slice(1, 51).map((record) => record.fields)));
	if (hasHeader) names = records.shift()!.fields;
	if (records.length === 0) throw refuse('table-only-header-row');

	const metaColumns = [header.tagsColumn, header.deckColumn, header.notetypeColumn, header.guidColumn].filter((column) => column !== undefined);
	// Named columns stand unless most rows have more fields; otherwise the usual number of fields.
	const usual = mode(records.map((record) => record.fields.length));
	const named = names?.length ?? 0;
	const fields = named > 0 && (usual.value <= named || usual.count * 2 <= records.length) ? named : usual.value;
	const count = Math.max(fields, ...metaColumns.map((column) => column + 1));
	if (count < 2) throw refuse('table-single-field', { delimiter });

	const short: number[] = [];
	const long: number[] = [];
	const rows = records.map(({ fields, line }) => {
		if (fields.length < count) {
			short.push(line);
			return [...fields, ...Array<string>(count - fields.length).fill('')];
		}
		if (fields.length > count) {
			long.push(line);
			return [...fields.slice(0, count - 1), fields.slice(count - 1).join(delimiter)];
		}
		return fields;
	});
	// In the order of their first lines, as one reads the file.
	const ragged = [
		{ lines: short, warning: () => say('table-short-rows', { ...lineList(short), columns: count }) },
		{ lines: long, warning: () => say('table-long-rows', { ...lineList(long), columns: count }) }
	].filter((kind) => kind.lines.length > 0);
	ragged.sort((a, b) => a.lines[0]! - b.lines[0]!);
	for (const kind of ragged) warnings.push(kind.warning());

	const metaNames: [number | undefined, string, ColumnKind][] = [
		[header.tagsColumn, 'Tags', 'tags'],
		[header.deckColumn, 'Deck', 'deck'],
		[header.notetypeColumn, 'Note type', 'notetype'],
		[header.guidColumn, 'GUID', 'guid']
	];
	const columnKinds: ColumnKind[] = [];
	const columns = Array.from({ length: count }, (_, column) => {
		const name = names?.[column]?.trim();
		const meta = metaNames.find(([index]) => index === column);
		columnKinds.push(name ? 'named' : (meta?.[2] ?? 'numbered'));
		return name || (meta?.[1] ?? `Column ${column + 1}`);
	});

	const skip = new Set(metaColumns);
	let tags = header.tagsColumn ?? firstIndex(columns, TAG_NAMES, new Set());
	const deck = header.deckColumn ?? firstIndex(columns, DECK_NAMES, new Set());
	if (tags !== undefined) skip.add(tags);
	if (deck !== undefined) skip.add(deck);
	const free = columns.map((_, column) => column).filter((column) => !skip.has(column));
	const front = firstIndex(columns, FRONT_NAMES, skip) ?? free[0] ?? 0;
	const back = firstIndex(columns, BACK_NAMES, new Set([...skip, front])) ?? free.find((column) => column !== front) ?? (front === 0 ? 1 : 0);
	// Unnamed columns: like Anki, the column after the back holds tags, when its cells look like tags.
	if (tags === undefined && names === undefined) {
		const next = free.find((column) => column > Math.max(front, back));
		if (next !== undefined && looksLikeTags(rows.slice(0, DETECTION_RECORDS).map((row) => row[next] ?? ''))) tags = next;
	}

	const otherNotetype = (name: string | undefined) => name !== undefined && !KNOWN_NOTETYPE.test(name.trim());
	const notetypeColumn = header.notetypeColumn;
	if (otherNotetype(header.notetype) || (notetypeColumn !== undefined && rows.some((row) => otherNotetype(row[notetypeColumn])))) {
		warnings.push(say('table-note-types-ignored'));
	}

	let html = options.html ?? header.html;
	if (html === undefined) {
		html = rows.slice(0, 1000).some((row) => row.some(looksLikeHtml));
		if (html) warnings.push(say('table-html-detected'));
	}

	return {
		delimiter,
		hasHeader,
		html,
		columns,
		columnKinds,
		rows,
		lineNumbers: records.map((record) => record.line),
		suggested: { front, back, ...(tags !== undefined ? { tags } : {}), ...(deck !== undefined ? { deck } : {}) },
		...(header.deckName ? { deckName: header.deckName } : {}),
		...(header.deckId ? { deckId: header.deckId } : {}),
		tags: header.tags,
		...(header.notetype ? { notetype: header.notetype } : {}),
		...(notetypeColumn !== undefined ? { notetypeColumn } : {}),
		warnings
	};
}

/** The note types whose rows Recall reads as Anki does; any other's rows are read as Basic. */
const KNOWN_NOTETYPE = /^(?:basic|cloze)?$/i;

/** A row's note type: the Cloze rows' deletions are cards of their own. */
function rowNotetype(table: DelimitedTable, row: string[]): TableRowNote['notetype'] {
	const name = (table.notetypeColumn !== undefined ? row[table.notetypeColumn] : undefined)?.trim() || table.notetype?.trim();
	return name !== undefined && /^cloze$/i.test(name) ? 'Cloze' : 'Basic';
}

export interface DelimitedBundleOptions {
	/** The deck for rows without a deck column value. Empty: `#deck:`, else the file name. */
	deckName: string;
	fileName: string;
}

export function csvCardId(deckId: string, front: string, html: boolean): string {
	return `csv:${hash53(`${deckId}\u001f${sideIdentity(front, html)}`)}`;
}

/**
 * A table's card's id in the deck `deckId`, when the merge puts its row into a stored deck of another id than
 * its name gives (the row's card is HTML, and reads as the row did): made of that deck's id, as a row of a
 * deck of that name would be, so that the row is the same card whatever name the deck is imported under. A
 * repeated front keeps its number (`~2`).
 */
export function csvCardIdIn(deckId: string, card: Pick<Card, 'id' | 'front'>): string {
	return `${csvCardId(deckId, card.front, true)}${/~\d+$/.exec(card.id)?.[0] ?? ''}`;
}

function checkMapping(table: DelimitedTable, mapping: ColumnMapping): void {
	const valid = (column: number | undefined) => column === undefined || (Number.isInteger(column) && column >= 0 && column < table.columns.length);
	if (!valid(mapping.front) || !valid(mapping.back) || !valid(mapping.tags) || !valid(mapping.deck)) {
		throw refuse('table-mapping-out-of-range', { columns: table.columns.length });
	}
	if (mapping.front === mapping.back) throw refuse('table-same-columns');
}

function nameFromFile(fileName: string): string {
	const base = fileName.split(/[\\/]/).pop() ?? fileName;
	return base.replace(/\.(csv|tsv|txt|tab)$/i, '').replace(/[-_]+/g, ' ').trim();
}

/**
 * The cards of a table under a mapping: one basic card per row with a front and
 * a back (other rows are skipped, with a warning naming their lines).
 */
export function delimitedToBundle(table: DelimitedTable, mapping: ColumnMapping, options: DelimitedBundleOptions): ImportBundle {
	checkMapping(table, mapping);
	// Each name tidied as a deck named in the app is (`한국어::` is `한국어`); one with nothing left names no deck.
	const defaultDeck = tidyDeckName(options.deckName) || table.deckName || tidyDeckName(nameFromFile(options.fileName)) || 'Imported';
	const bundle = emptyBundle('csv', options.fileName);
	bundle.warnings.push(...table.warnings);
	const decks = new Map<string, Deck>();
	const deckIds = new Map<string, string>();
	const firstLineOf = new Map<string, number>();
	const empty: number[] = [];
	const repeated: number[] = [];
	const field = (row: string[], column: number) => (row[column] ?? '').replace(/\r\n?/g, '\n').trim();
	const isEmpty = (html: string) => htmlToText(html).trim() === '' && !/<img\b/i.test(html);

	table.rows.forEach((row, index) => {
		const line = table.lineNumbers[index] ?? index + 1;
		const front = field(row, mapping.front);
		const back = field(row, mapping.back);
		const asHtml = (side: string) => (table.html ? side : textToHtml(side));
		// A Cloze row's Back Extra may be empty: its deletions are the backs.
		const made = rowCards({ notetype: rowNotetype(table, row), fields: [asHtml(front), asHtml(back)] });
		if (isEmpty(asHtml(front)) || made.some((sides) => isEmpty(sides.back))) {
			empty.push(line);
			return;
		}
		const deckName = (mapping.deck !== undefined && tidyDeckName(field(row, mapping.deck))) || defaultDeck;
		let deckId = deckIds.get(deckName);
		if (deckId === undefined) {
			deckId = deckIdFor(deckName);
			deckIds.set(deckName, deckId);
			// The deck the file was exported from, while the learner imports into the deck the file names (not one they typed).
			if (deckName === defaultDeck && table.deckId !== undefined && defaultDeck === table.deckName) (bundle.exportedFrom ??= {})[deckId] = table.deckId;
		}
		let deck = decks.get(deckId);
		if (!deck) {
			deck = { id: deckId, name: deckName, tags: [], source: options.fileName, cards: [] };
			decks.set(deckId, deck);
		}
		const tags = [...new Set([...table.tags, ...(mapping.tags === undefined ? [] : splitTags(row[mapping.tags] ?? ''))])];
		for (const sides of made) {
			// A basic card's id is made of its front as the file has it, as before Cloze rows were read.
			const baseId = sides.kind === 'basic' ? csvCardId(deckId, front, table.html) : csvCardId(deckId, sides.front, true);
			let id = baseId;
			for (let n = 2; firstLineOf.has(id); n++) id = `${baseId}~${n}`;
			if (id !== baseId) repeated.push(line);
			firstLineOf.set(id, line);
			deck.cards.push({
				id,
				deck: deckId,
				kind: sides.kind,
				rule: 'imported',
				front: sides.front,
				back: sides.back,
				format: 'html',
				path: [],
				tags,
				images: [],
				source: { file: options.fileName, line }
			});
		}
	});

	if (empty.length > 0) bundle.warnings.push(say('table-rows-without-sides', lineList(empty)));
	if (repeated.length > 0) bundle.warnings.push(say('table-repeated-fronts', lineList(repeated)));
	bundle.decks = [...decks.values()];
	if (bundle.decks.length === 0) {
		throw refuse('table-no-cards', { rows: table.rows.length });
	}
	return bundle;
}

export interface DelimitedExportOptions {
	/**
	 * Anki's header lines (`#separator:`, `#html:`, `#columns:`, ...) instead of a
	 * header row, so that Anki imports the file as it is. Without them the file
	 * starts with a byte order mark and a `Front,Back,Tags,Deck` row, for spreadsheets.
	 * Default true.
	 */
	ankiHeaders?: boolean;
	/** A card side as HTML: the app's export renderer, which the Anki package uses too. */
	renderSide: RenderSide;
}

function quoteField(field: string, delimiter: string, firstColumn: boolean): string {
	const needsQuotes = field.includes(delimiter) || /["\r\n]/.test(field) || (firstColumn && (field.startsWith('#') || field.startsWith('tags:')));
	return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * One deck as CSV (`,`) or TSV (tab), in one of two flavours.
 *
 * For Anki (the default): the card as Anki would show it, the same note the
 * Anki package holds (anki/note-fields.ts): `#html:true`, sides rendered,
 * images as `<img src="name">` after the back and sounds as `[sound:name]`, each file named as the deck's Anki
 * package names it (the files are not in the table): as Anki keeps media, two names alike but for case told apart
 * (`map-2.png` beside `Map.png`, `word-2.mp3` beside `word.mp3`), a cloze card as a Cloze note (Text, Back Extra) whose deletions are
 * its highlights, the cards of one sentence in one note (`deckNotes`); a deck with both kinds names each row's note type in a first
 * column (`#notetype column:1`). Recall's reader reads the file back to the same
 * cards (db/table-rows.ts matches rows to the cards they were made of).
 *
 * For spreadsheets: front, back and tags as text a person reads, without
 * Markdown or HTML markup, line breaks kept, and the deck's name in a Deck
 * column: a spreadsheet shows a header line as a row of data above the header
 * row, a column is one more thing to read or sort by. Recall's reader takes the
 * column as Anki's deck column, so the rows go back into the deck of that name,
 * where they are the cards they were written from (db/table-rows.ts).
 *
 * Tags are space-separated; spaces and commas inside a tag become `_`.
 */
export function deckToDelimited(bundle: ImportBundle, deckId: string, delimiter: ',' | '\t', options: DelimitedExportOptions): string {
	const deck = bundle.decks.find((candidate) => candidate.id === deckId);
	if (!deck) throw new Error(`There is no deck "${deckId}" to export.`);
	const row = (fields: string[]) => fields.map((field, column) => quoteField(field, delimiter, column === 0)).join(delimiter);
	const tags = (card: Card) => tagsAsWritten(card.tags).join(' ');
	if (!(options.ankiHeaders ?? true)) {
		const text = (card: Card, side: 'front' | 'back') => readableSide(options.renderSide(card, side));
		const name = deck.name.replace(/[\r\n]+/g, ' ');
		return `${['\ufeff' + row(['Front', 'Back', 'Tags', 'Deck']), ...deck.cards.map((card) => row([text(card, 'front'), text(card, 'back'), tags(card), name]))].join('\n')}\n`;
	}
	// The bundle's files are the ones the deck's Anki package would carry: they go by the names the package gives them.
	const naming = tableMediaNaming(packageMediaNames(bundle.media.map((file) => file.name)));
	const notes = deckNotes(deck.cards, naming.sides(options.renderSide), naming.imageSrc);
	const kinds = new Set(notes.map(({ note }) => note.notetype));
	const mixed = kinds.size > 1;
	const names = kinds.has('Cloze') && !mixed ? ['Text', 'Back Extra'] : ['Front', 'Back'];
	const lines = [
		`#separator:${delimiter === '\t' ? 'tab' : 'comma'}`,
		'#html:true',
		mixed ? '#notetype column:1' : `#notetype:${[...kinds][0] ?? 'Basic'}`,
		`#deck:${deck.name.replace(/[\r\n]+/g, ' ')}`,
		`#${EXPORTED_DECK_KEY}:${deck.id}`,
		`#columns:${row(mixed ? ['Note type', ...names, 'Tags'] : [...names, 'Tags'])}`,
		`#tags column:${mixed ? 4 : 3}`
	];
	for (const { note, cards } of notes) lines.push(row([...(mixed ? [note.notetype] : []), ...note.fields, tags(cards[0]!)]));
	return `${lines.join('\n')}\n`;
}
