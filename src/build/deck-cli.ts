/**
 * `npm run --silent deck -- <file-or-folder>... [--out FILE] [--report]`: notes to a
 * deck file, the same way the build makes the built-in decks. scripts/deck.mjs runs it.
 */
import { readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeNoteBytes } from '../lib/notes/decode';
import { CARD_RULES, deckFile, parseDeckFile, type Deck } from '../lib/notes/deck-format';
import { generateDeck, type NoteReport } from '../lib/notes/generate';
import { sayNote } from '../lib/notes/warnings';
import { deckRenames } from './distinct-decks';
import { findNoteFiles } from './note-files';

export const USAGE = `Usage: npm run --silent deck -- <file-or-folder>... [--out FILE] [--report]

Turns Markdown notes into a Recall deck file (docs/deck-format.md), one deck per
note. Folders are searched for .md and .markdown files, recursively.

  -o, --out FILE   write the deck file to FILE instead of standard output
      --report     print a report per note: cards by rule, coverage, warnings
                   (without --out, the report is printed instead of the deck file)
  -h, --help       print this help

Exit status: 0 when every note became a deck, 1 when a note could not be read,
2 when the command is used wrongly. Notes that make the same deck make one each:
the others are named after their file too, with a warning in the report.
`;

export interface CliOutput {
	stdout(text: string): void;
	stderr(text: string): void;
}

const processOutput: CliOutput = {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text)
};

interface NoteInput {
	/** The path as the person typed it (or under the folder they typed), for messages. */
	shown: string;
	/** The path relative to its folder, which the cards cite as their source. */
	file: string;
}

interface GeneratedNote {
	shown: string;
	/** The path relative to its folder (NoteInput.file), which names a deck told apart from another (deckRenames). */
	file: string;
	text: string;
	deck: Deck;
	report: NoteReport;
}

function messageOf(error: unknown): string {
	if (error instanceof Error && 'code' in error) {
		if (error.code === 'ENOENT') return 'no such file or folder';
		if (error.code === 'EACCES') return 'permission denied';
		if (error.code === 'EISDIR') return 'is a folder';
	}
	return error instanceof Error ? error.message : String(error);
}

/** The notes that the arguments name, each once (a folder and a file in it may both be given). */
function collectInputs(paths: string[], fail: (message: string) => void, warn: (message: string) => void): NoteInput[] {
	const inputs: NoteInput[] = [];
	const seen = new Set<string>();
	const add = (input: NoteInput, path: string) => {
		let real = path;
		try {
			real = realpathSync(path);
		} catch {
			// Reading it will report the problem.
		}
		if (seen.has(real)) return;
		seen.add(real);
		inputs.push(input);
	};
	for (const path of paths) {
		let isFolder: boolean;
		try {
			isFolder = statSync(path).isDirectory();
		} catch (error) {
			fail(`${path}: ${messageOf(error)}`);
			continue;
		}
		if (!isFolder) {
			add({ shown: path, file: basename(path) }, path);
			continue;
		}
		let files: string[];
		try {
			files = findNoteFiles(path);
		} catch (error) {
			fail(`${path}: ${messageOf(error)}`);
			continue;
		}
		if (files.length === 0) warn(`${path}: no .md or .markdown files in this folder`);
		const folder = path.replace(/[/\\]+$/, '') || path;
		for (const file of files) {
			const shown = folder.endsWith('/') ? `${folder}${file}` : `${folder}/${file}`;
			add({ shown, file }, shown);
		}
	}
	return inputs;
}

function generateNote(input: NoteInput, fail: (message: string) => void, warn: (message: string) => void): GeneratedNote | undefined {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(input.shown);
	} catch (error) {
		fail(`${input.shown}: ${messageOf(error)}`);
		return undefined;
	}
	const decoded = decodeNoteBytes(bytes);
	if (!decoded.ok) {
		fail(`${input.shown}: ${decoded.error.message}`);
		return undefined;
	}
	for (const warning of decoded.warnings) warn(`${input.shown}: ${warning.message}`);
	return deckOfNote({ ...input, text: decoded.text }, fail);
}

/** A read note's deck and report, under `deckName` when another note has its own name. */
function deckOfNote(note: NoteInput & { text: string }, fail: (message: string) => void, deckName?: string): GeneratedNote | undefined {
	try {
		const { deck, report } = generateDeck(note.text, { file: note.file, ...(deckName === undefined ? {} : { deckName }) });
		// A generator bug must not produce a file that the app then refuses.
		parseDeckFile(deckFile([deck]));
		return { shown: note.shown, file: note.file, text: note.text, deck, report };
	} catch (error) {
		fail(`${note.shown}: cannot make a deck of it: ${messageOf(error)}`);
		return undefined;
	}
}

function percent(covered: number, total: number): string {
	// Rounded down, so that a note with anything left out never shows 100%.
	return `${Math.floor((covered * 100) / total)}%`;
}

function shorten(text: string, length = 80): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length <= length ? line : `${line.slice(0, length - 1)}…`;
}

const UNCOVERED_KINDS: Record<NoteReport['uncovered'][number]['kind'], string> = {
	'list-item': 'list item',
	definition: 'definition',
	'table-row': 'table row',
	code: 'code block',
	passage: 'paragraph'
};

/** The human-readable report of one note. */
export function formatNoteReport(shown: string, report: NoteReport): string {
	const lines = [`${shown}: ${report.deck}`];
	const byRule = CARD_RULES.filter((rule) => (report.cardsByRule[rule] ?? 0) > 0)
		.map((rule) => `${rule} ${report.cardsByRule[rule]}`)
		.join(', ');
	lines.push(`  ${report.cards} ${report.cards === 1 ? 'card' : 'cards'}${byRule === '' ? '' : `: ${byRule}`}`);
	const { covered, total } = report.coverage;
	lines.push(
		`  list items, definition lines, paragraphs, table rows and code blocks on a card: ${covered}/${total}${total > 0 ? ` (${percent(covered, total)})` : ''}`
	);
	if (report.uncovered.length > 0) {
		lines.push('  not on any card:');
		for (const item of report.uncovered) {
			const kind = UNCOVERED_KINDS[item.kind];
			lines.push(`    line ${item.line} (${kind}): ${shorten(item.text)}`);
		}
	}
	if (report.warnings.length > 0) {
		lines.push('  warnings:');
		for (const warning of report.warnings) {
			lines.push(`    ${warning.line === undefined ? '' : `line ${warning.line}: `}${warning.message}`);
		}
	}
	return `${lines.join('\n')}\n`;
}

/** Node's own message for an unknown option is a paragraph; the usage below says the rest. */
function usageError(error: unknown): string {
	const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
	if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
		return `unknown option ${option}`;
	}
	return messageOf(error);
}

/** Runs the command; returns its exit status. */
export async function main(argv: string[], output: CliOutput = processOutput): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			options: {
				out: { type: 'string', short: 'o' },
				report: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			},
			allowPositionals: true,
			strict: true
		});
	} catch (error) {
		output.stderr(`deck: ${usageError(error)}\n\n${USAGE}`);
		return 2;
	}
	const { values, positionals } = parsed;
	if (values.help) {
		output.stdout(USAGE);
		return 0;
	}
	if (positionals.length === 0) {
		output.stderr(`deck: no notes given\n\n${USAGE}`);
		return 2;
	}

	let failed = false;
	const fail = (message: string) => {
		failed = true;
		output.stderr(`deck: ${message}\n`);
	};
	const warn = (message: string) => output.stderr(`deck: ${message}\n`);

	const notes: GeneratedNote[] = [];
	for (const input of collectInputs(positionals, fail, warn)) {
		const note = generateNote(input, fail, warn);
		if (note !== undefined) notes.push(note);
	}
	// Notes that make one deck make one each, as the build makes them (deckRenames).
	for (const { note, shared, name, kept } of deckRenames(notes)) {
		const renamed = deckOfNote(note, fail, name);
		if (renamed === undefined) continue;
		renamed.report.warnings.unshift(sayNote('note-deck-name-taken', { name: shared, keptBy: kept.shown, renamed: name }));
		notes[notes.indexOf(note)] = renamed;
	}

	const json = `${JSON.stringify(
		deckFile(notes.map((note) => note.deck)),
		null,
		2
	)}\n`;
	if (values.out !== undefined) {
		try {
			writeFileSync(values.out, json);
		} catch (error) {
			fail(`${values.out}: ${messageOf(error)}`);
		}
	} else if (!values.report) {
		output.stdout(json);
	}
	if (values.report) {
		output.stdout(notes.map((note) => formatNoteReport(note.shown, note.report)).join('\n'));
	}
	return failed ? 1 : 0;
}
