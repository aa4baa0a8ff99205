/**
 * Which importer a file goes to: by its first bytes where the format has a
 * signature (zip, SQLite), by its name otherwise. A file that matches nothing
 * is refused with a message that says what Recall reads.
 */
import { ANKI_COLLECTION_EXTENSIONS, ANKI_PACKAGE_EXTENSIONS } from './anki/file-names';
import { isZstd } from './anki/zstd';
import { DETECTED_DELIMITERS } from './delimited';
import { AUDIO_EXTENSIONS, audioTypeOf, IMAGE_EXTENSIONS, imageTypeOf } from './media-types';
import { refuse } from './notices';

/** `media`: a picture or a sound, imported only with the Markdown notes that show or play it (read-import.ts). */
export type FileKind = 'anki-package' | 'anki-collection' | 'notes-zip' | 'json' | 'delimited' | 'markdown' | 'media';

/** Every file an import may be given, in bytes: larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** What the import page says it accepts (file picker filter and messages). */
export const ACCEPTED_EXTENSIONS: readonly string[] = [...ANKI_PACKAGE_EXTENSIONS, ...ANKI_COLLECTION_EXTENSIONS, '.json', '.gz', '.csv', '.tsv', '.txt', '.md', '.markdown', '.zip'];

/** What the file picker offers: the files above, and images and sounds to choose with the notes that show or play them. */
export const PICKER_EXTENSIONS: readonly string[] = [...ACCEPTED_EXTENSIONS, ...IMAGE_EXTENSIONS, ...AUDIO_EXTENSIONS];

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function startsWithText(bytes: Uint8Array, text: string): boolean {
	if (bytes.length < text.length) return false;
	for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
	return true;
}

function isZip(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** The first non-space character, skipping a UTF-8 byte order mark. */
function firstCharacter(bytes: Uint8Array): string {
	let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
	return i < bytes.length ? String.fromCharCode(bytes[i] as number) : '';
}

/** Anki's plain-text header keys (docs/import-formats.md): a `.txt` file that opens with one is a table. */
const ANKI_HEADER = /^#(separator|html|tags|columns|deck|notetype|tags column|deck column|notetype column|guid column):/i;
/** The start of a `.txt` file, in bytes, looked at to tell a table from a note. */
const HEAD_BYTES = 4096;
/** Lines of a `.txt` file looked at to tell a table from a note (blank lines and the `#` lines at the top not counted). */
const DETECTION_LINES = 20;

/**
 * A line only Markdown writes, or one the notes generator makes a card of: a heading, a list item, a quote,
 * a fence, a table rule, bold, a link, inline code, a highlight, or a `q::a` card.
 */
const MARKDOWN_LINE = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|```|~~~)|^\s*\|?\s*:?-{3,}:?\s*(?:\||$)|\*\*|__|\]\(|`[^`]+`|==[^=]+==|::/;
/** The delimiters other than tab that the table reader detects. */
const OTHER_DELIMITERS = DETECTED_DELIMITERS.filter((delimiter) => delimiter !== '\t');

/** The fields a line splits into at `delimiter`, outside double quotes. */
function fieldCount(line: string, delimiter: string): number {
	let count = 1;
	let quoted = false;
	for (const character of line) {
		if (character === '"') quoted = !quoted;
		else if (character === delimiter && !quoted) count++;
	}
	return count;
}

/** Whether four in five lines split at `delimiter` into the same number of fields, two or more. */
function splitsEvenly(lines: readonly string[], delimiter: string): boolean {
	const counts = lines.map((line) => fieldCount(line, delimiter));
	const tally = new Map<number, number>();
	for (const count of counts) tally.set(count, (tally.get(count) ?? 0) + 1);
	const [fields, lineCount] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? [1, 0];
	return fields >= 2 && lineCount * 5 >= lines.length * 4;
}

/**
 * A .txt file is a note or a table. It is a table when it opens with Anki's
 * plain-text headers (`#separator:tab`...), or when most of its first lines
 * hold a tab between two fields: a few short rows, blank lines and the `#`
 * lines at the top (Anki's header lines and comments) do not make a table a
 * note, while a note rarely has tabs on most of its lines (a tab that only
 * indents a line, as in a nested list, does not count). A file with no line
 * that only Markdown would write is also a table when its lines split evenly
 * at a comma, semicolon or `|` ("Hello, world"): a note of such lines would
 * make no card anyway.
 */
function looksDelimited(bytes: Uint8Array): boolean {
	const head = decodeHead(bytes);
	const lines = head.split(/\r\n|\r|\n/);
	// The head may end in the middle of a line: that line is not counted.
	if (bytes.length > HEAD_BYTES && lines.length > 1) lines.pop();
	// Anki reads the `#` lines at the top as its header lines or as comments: they are not rows.
	let top = 0;
	while (top < lines.length && (lines[top]!.trim() === '' || lines[top]!.startsWith('#'))) {
		if (ANKI_HEADER.test(lines[top]!)) return true;
		top++;
	}
	const sample = lines
		.slice(top)
		.filter((line) => line.trim() !== '')
		.slice(0, DETECTION_LINES);
	const tabbed = sample.filter((line) => line.trimStart().includes('\t')).length;
	if (tabbed * 2 > sample.length) return true;
	if (sample.length === 0 || lines.some((line) => MARKDOWN_LINE.test(line))) return false;
	return OTHER_DELIMITERS.some((delimiter) => splitsEvenly(sample, delimiter));
}

function decodeHead(bytes: Uint8Array): string {
	const head = bytes.subarray(0, HEAD_BYTES);
	const encoding = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
	return new TextDecoder(encoding).decode(head);
}

/** Refuses a file over `maxBytes` (MAX_IMPORT_BYTES for a file as chosen), with its size. */
export function checkFileSize(name: string, bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): void {
	if (bytes.length > maxBytes) {
		throw refuse('file-too-large', { name, bytes: bytes.length, maxBytes });
	}
}

/** `maxBytes`: larger for a file that came out of a gzip file, which counted its size as it expanded. */
export function detectFileKind(name: string, bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): FileKind {
	if (bytes.length === 0) throw refuse('file-empty', { name });
	checkFileSize(name, bytes, maxBytes);
	const extension = extensionOf(name);
	// By name, as the notes importer looks images and sounds up: neither is ever one of the formats below.
	if (imageTypeOf(name) || audioTypeOf(name)) return 'media';
	if (isZip(bytes)) return extension === '.zip' ? 'notes-zip' : 'anki-package';
	if (startsWithText(bytes, SQLITE_MAGIC)) return 'anki-collection';
	// The latest collection file, as a package holds it: SQLite compressed with zstd (anki/import.ts reads it so).
	if (extension === '.anki21b' && isZstd(bytes)) return 'anki-collection';
	if (ANKI_PACKAGE_EXTENSIONS.includes(extension)) throw refuse('file-not-package', { name });
	if (ANKI_COLLECTION_EXTENSIONS.includes(extension)) throw refuse('file-not-collection', { name });
	if (extension === '.zip') throw refuse('file-not-zip', { name });
	if (extension === '.json' || (extension === '' && firstCharacter(bytes) === '{')) return 'json';
	if (extension === '.md' || extension === '.markdown') return 'markdown';
	if (extension === '.csv' || extension === '.tsv') return 'delimited';
	if (extension === '.txt') return looksDelimited(bytes) ? 'delimited' : 'markdown';
	throw refuse('file-unknown-kind', { name, extensions: [...ACCEPTED_EXTENSIONS] });
}
