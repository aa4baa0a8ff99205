/**
 * One entry for every import: files in, a bundle out (or, for a table, the
 * parsed table, whose column mapping the learner confirms first). Runs in the
 * import worker, so parsing never blocks the page; pure, so tests call it in
 * Node. SQLite (for Anki files) is loaded by the caller's `loadSql`, only when
 * an Anki file is opened.
 */
import type { SqlJsStatic } from 'sql.js';
import type { NoteReport } from '../notes/generate';
import type { DayOptions } from '../srs/day';
import { isAnkiFileName } from './anki/file-names';
import { readAnkiCollection, readAnkiPackage } from './anki/import';
import { parseBackup } from './backup';
import { ImportError, type ImportBundle } from './bundle';
import { combineBundles } from './combine';
import { refuse, say } from './notices';
import { parseDelimited, type DelimitedTable } from './delimited';
import { ACCEPTED_EXTENSIONS, checkFileSize, detectFileKind, type FileKind } from './detect';
import { gunzip, isGzip } from './gzip';
import { notesToBundle, type StoredNoteDeck } from './markdown-notes';
import { MAX_UNZIPPED_BYTES } from './zip';

export interface ImportFile {
	name: string;
	bytes: Uint8Array;
}

export type ImportRead =
	| { kind: 'bundle'; bundle: ImportBundle; reports: NoteReport[] }
	/** `bytes`: the text the table was read from (unzipped), to read again with the learner's choice of delimiter, header row and HTML. */
	| { kind: 'table'; table: DelimitedTable; fileName: string; bytes: Uint8Array };

/** What the worker is doing, for the progress line. */
export type ImportPhase = 'detect' | 'sqlite' | 'parse';

export interface ReadOptions {
	loadSql: () => Promise<SqlJsStatic>;
	dayOptions?: DayOptions;
	now?: number;
	onPhase?: (phase: ImportPhase) => void;
	/**
	 * The names of the media files the store already has, asked for only when
	 * notes are read: a note's image that is not among the chosen files but is
	 * stored (brought by an earlier import of the note) keeps pointing at it.
	 */
	knownMedia?: () => Promise<ReadonlySet<string>>;
	/**
	 * The store's decks by the note file they were made from, the latest first, with their cards, asked for
	 * with `knownMedia`: a note whose title changed finds the images its earlier deck stored.
	 */
	noteDecks?: () => Promise<ReadonlyMap<string, readonly StoredNoteDeck[]>>;
}

const NOTE_KINDS: readonly FileKind[] = ['markdown', 'notes-zip'];
/** Several of these may be chosen together (and several notes, with their images). */
const ANKI_KINDS: readonly FileKind[] = ['anki-package', 'anki-collection'];

export async function readImportFiles(chosen: readonly ImportFile[], options: ReadOptions): Promise<ImportRead> {
	if (chosen.length !== 1) return readFiles(chosen, options);
	const [{ name }] = chosen as [ImportFile];
	return readFiles(chosen, options).catch((error: unknown) => {
		throw namedRefusal(error, name);
	});
}

/**
 * A refusal of the file `name` that names it. The readers see bytes, and most
 * of their refusals say "this file" or nothing ("The zip archive is damaged"):
 * these are said after the file's name, as the others begin with it. A
 * refusal of several files names each already (notes-files-refused).
 */
export function namedRefusal(error: unknown, name: string): unknown {
	if (!(error instanceof ImportError)) return error;
	const values = error.notice.values as { name?: unknown; names?: unknown } | undefined;
	return typeof values?.name === 'string' || Array.isArray(values?.names) ? error : refuse('file-refused', { name, reason: error.notice });
}

/** The file's kind, or its refusal (naming it) when its bytes are not what its name says. */
function detectOrRefuse(file: ImportFile, maxBytes: number | undefined): FileKind | ImportError {
	try {
		return detectFileKind(file.name, file.bytes, maxBytes);
	} catch (error) {
		const refusal = namedRefusal(error, file.name);
		if (refusal instanceof ImportError) return refusal;
		throw refusal;
	}
}

async function readFiles(chosen: readonly ImportFile[], options: ReadOptions): Promise<ImportRead> {
	if (chosen.length === 0) throw refuse('file-none-chosen');
	options.onPhase?.('detect');
	const unwrapped = chosen.map(unwrapGzip);
	const files: ImportFile[] = [];
	const kinds: FileKind[] = [];
	/** Files named as Anki packages whose bytes are none; any other file that is not what its name says is refused. */
	const undetected: ImportError[] = [];
	for (const [index, file] of unwrapped.entries()) {
		const kind = detectOrRefuse(file, file === chosen[index] ? undefined : MAX_UNZIPPED_BYTES);
		if (!(kind instanceof ImportError)) {
			files.push(file);
			kinds.push(kind);
		} else if (isAnkiFileName(file.name)) undetected.push(kind);
		else throw kind;
	}
	if (undetected.length > 0) {
		// Among Anki packages that are, one that is none is left out, as one that fails to read.
		if (kinds.length > 0 && !kinds.every((kind) => ANKI_KINDS.includes(kind))) throw undetected[0];
		if (kinds.length === 0) throw undetected.length === 1 ? undetected[0] : refuse('file-none-readable', { refusals: undetected.map((refusal) => refusal.notice) });
		return readAnkiFiles(files, kinds, options, undetected);
	}
	// Images and sounds go with the notes that show or play them (markdown-notes.ts looks them up among the files).
	if (kinds.includes('media') && !kinds.some((kind) => NOTE_KINDS.includes(kind))) {
		throw refuse('file-images-without-note', { names: files.filter((_, index) => kinds[index] === 'media').map((file) => file.name) });
	}
	if (kinds.every((kind) => kind === 'media' || NOTE_KINDS.includes(kind))) {
		const [knownMedia, noteDecks] = await Promise.all([options.knownMedia?.(), options.noteDecks?.()]);
		options.onPhase?.('parse');
		const { bundle, reports } = notesToBundle(files, { ...(knownMedia && { knownMedia }), ...(noteDecks && { noteDecks }) });
		return { kind: 'bundle', bundle, reports };
	}
	if (files.length > 1) {
		if (kinds.every((kind) => ANKI_KINDS.includes(kind))) return readAnkiFiles(files, kinds, options);
		throw refuse('file-several-not-notes', { names: chosen.map((file) => file.name) });
	}
	const [file] = files as [ImportFile];
	const [kind] = kinds as [FileKind];
	switch (kind) {
		case 'json': {
			options.onPhase?.('parse');
			return { kind: 'bundle', bundle: withCards(parseBackup(decodeJson(file)), file.name), reports: [] };
		}
		case 'delimited':
			options.onPhase?.('parse');
			return { kind: 'table', table: parseDelimited(file.bytes), fileName: file.name, bytes: file.bytes };
		case 'anki-package':
		case 'anki-collection':
			return readAnkiFiles(files, kinds, options);
		default:
			throw refuse('file-unknown-kind', { name: file.name, extensions: [...ACCEPTED_EXTENSIONS] });
	}
}

/**
 * Anki packages and collections, one or several chosen together: several make one bundle (combine.ts), each
 * read as it would be alone. A file that cannot be read is refused by name; among several, it is left out with
 * a warning that the preview shows before anything is stored, unless none can be read.
 */
async function readAnkiFiles(files: readonly ImportFile[], kinds: readonly FileKind[], options: ReadOptions, undetected: readonly ImportError[] = []): Promise<ImportRead> {
	options.onPhase?.('sqlite');
	const sql = await options.loadSql();
	options.onPhase?.('parse');
	const bundles: ImportBundle[] = [];
	const refused = [...undetected];
	const several = files.length + undetected.length > 1;
	for (const [index, file] of files.entries()) {
		const read = kinds[index] === 'anki-package' ? readAnkiPackage : readAnkiCollection;
		try {
			const bundle = await read(file.bytes, { sql, name: file.name, ...(options.dayOptions && { dayOptions: options.dayOptions }), ...(options.now !== undefined && { now: options.now }) });
			bundles.push(withCards({ ...bundle, name: file.name }, file.name));
		} catch (error) {
			const refusal = namedRefusal(error, file.name);
			if (!several || !(refusal instanceof ImportError)) throw refusal;
			refused.push(refusal);
		}
	}
	if (bundles.length === 0) throw refused.length === 1 ? refused[0] : refuse('file-none-readable', { refusals: refused.map((refusal) => refusal.notice) });
	const combined = combineBundles(bundles);
	combined.warnings.unshift(...refused.map((refusal) => say('file-left-out', { refusal: refusal.notice })));
	return { kind: 'bundle', bundle: combined, reports: [] };
}

/**
 * A file that makes no card is refused, as a table or a note that makes none
 * is: an Anki package of sounds only, a deck file of an empty deck. There is
 * nothing to preview, and importing it would store nothing. Its warnings say
 * what was left out. A backup is the exception: one of a device without cards
 * still brings its review history and settings.
 */
function withCards(bundle: ImportBundle, name: string): ImportBundle {
	if (bundle.source === 'backup' || bundle.decks.some((deck) => deck.cards.length > 0)) return bundle;
	throw refuse('file-no-cards', { name, problems: bundle.warnings });
}

/**
 * A gzipped file (a full backup is saved so, see gzip.ts; any other file may
 * come so too) is read as the file inside, named without its `.gz`. It may
 * expand as far as an archive may (MAX_UNZIPPED_BYTES).
 */
function unwrapGzip(file: ImportFile): ImportFile {
	const named = /\.gz$/i.test(file.name);
	if (!isGzip(file.bytes)) {
		if (named && file.bytes.length > 0) throw refuse('file-not-gzip', { name: file.name });
		return file;
	}
	checkFileSize(file.name, file.bytes);
	return { name: named ? file.name.slice(0, -3) : file.name, bytes: gunzip(file.bytes, file.name) };
}

function decodeJson(file: ImportFile): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
	} catch {
		throw refuse('file-backup-not-utf8', { name: file.name });
	}
}
