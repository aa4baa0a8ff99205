import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatNoteReport, main, USAGE } from '../../../src/build/deck-cli';
import { parseDeckFile } from '../../../src/lib/notes/deck-format';
import { generateDeck, type NoteReport } from '../../../src/lib/notes/generate';
import { sayNote } from '../../../src/lib/notes/warnings';

// `question::answer` lines make cards with the stand-in generator and the real extractor alike.
const S3_NOTE = 'What is S3?::Object storage\nWhat is EC2?::Virtual machines\n';
const IAM_NOTE = 'What is IAM?::Identity and access management\n';
const BINARY = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]);

let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'recall-deck-cli-'));
});

afterEach(() => {
	rmSync(dir, { recursive: true, force: true });
});

function write(relative: string, content: string | Uint8Array): string {
	const path = join(dir, relative);
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(path, content);
	return path;
}

async function run(...argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await main(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
	return { code, stdout, stderr };
}

describe('deck CLI', () => {
	it('writes the deck file of a note on stdout', async () => {
		const note = write('s3.md', S3_NOTE);
		const { code, stdout, stderr } = await run(note);
		expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
		const file = parseDeckFile(JSON.parse(stdout));
		expect(file.decks).toEqual([generateDeck(S3_NOTE, { file: 's3.md' }).deck]);
		// Pretty-printed, for people and for diffs.
		expect(stdout).toContain('\n  "format": "recall-deck",\n');
	});

	it('walks folders recursively, in path order, citing paths relative to the folder', async () => {
		write('notes/b.md', S3_NOTE);
		write('notes/a/iam.markdown', IAM_NOTE);
		write('notes/a/picture.png', BINARY);
		const { code, stdout } = await run(join(dir, 'notes'));
		expect(code).toBe(0);
		const decks = parseDeckFile(JSON.parse(stdout)).decks;
		expect(decks.map((deck) => deck.source)).toEqual(['a/iam.markdown', 'b.md']);
		expect(decks[0]?.cards[0]?.source.file).toBe('a/iam.markdown');
	});

	it('reads a note given twice (itself and in its folder) once', async () => {
		const note = write('notes/s3.md', S3_NOTE);
		const { code, stdout } = await run(join(dir, 'notes'), note);
		expect(code).toBe(0);
		expect(parseDeckFile(JSON.parse(stdout)).decks).toHaveLength(1);
	});

	it('reports a file it cannot decode or find, goes on with the others, and exits 1', async () => {
		const good = write('s3.md', S3_NOTE);
		const binary = write('diagram.md', BINARY);
		const missing = join(dir, 'missing.md');
		const { code, stdout, stderr } = await run(binary, good, missing);
		expect(code).toBe(1);
		expect(stderr).toBe(
			`deck: ${missing}: no such file or folder\n` +
				`deck: ${binary}: is not a text file (it contains binary data)\n`
		);
		expect(parseDeckFile(JSON.parse(stdout)).decks).toHaveLength(1);
	});

	it('makes two notes with the same deck id into two decks, as the build does, with a warning in the report', async () => {
		const first = write('one/dup.md', `# Duplicate\n\n${S3_NOTE}`);
		const second = write('two/dup.md', `# Duplicate\n\n${IAM_NOTE}`);
		const { code, stdout, stderr } = await run(first, second);
		expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
		const decks = parseDeckFile(JSON.parse(stdout)).decks;
		expect(decks.map((deck) => deck.name)).toEqual(['Duplicate', 'Duplicate (dup)']);
		expect(decks[0]).toEqual(generateDeck(`# Duplicate\n\n${S3_NOTE}`, { file: 'dup.md' }).deck);
		const report = await run(first, second, '--report');
		expect(report.stdout).toContain(`${first} makes the deck "Duplicate" too and keeps it, so this note builds into the deck "Duplicate (dup)"`);
	});

	it('writes the deck file with --out', async () => {
		const note = write('s3.md', S3_NOTE);
		const out = join(dir, 'out.json');
		const { code, stdout } = await run(note, '--out', out);
		expect(code).toBe(0);
		expect(stdout).toBe('');
		expect(parseDeckFile(JSON.parse(readFileSync(out, 'utf8'))).decks).toHaveLength(1);
	});

	it('prints the report instead of the deck file with --report, and beside it with --out', async () => {
		const note = write('s3.md', S3_NOTE);
		const { report } = generateDeck(S3_NOTE, { file: 's3.md' });

		const alone = await run(note, '--report');
		expect(alone.code).toBe(0);
		expect(alone.stdout).toBe(formatNoteReport(note, report));
		expect(alone.stdout).not.toContain('"format"');

		const out = join(dir, 'out.json');
		const withOut = await run('--report', note, '-o', out);
		expect(withOut.stdout).toBe(formatNoteReport(note, report));
		expect(parseDeckFile(JSON.parse(readFileSync(out, 'utf8'))).decks).toHaveLength(1);
	});

	it('prints its usage with --help, and on stderr with exit 2 when used wrongly', async () => {
		expect(await run('--help')).toEqual({ code: 0, stdout: USAGE, stderr: '' });
		expect(await run()).toEqual({ code: 2, stdout: '', stderr: `deck: no notes given\n\n${USAGE}` });
		expect(await run('--bogus', 'a.md')).toEqual({ code: 2, stdout: '', stderr: `deck: unknown option --bogus\n\n${USAGE}` });
		expect((await run('a.md', '--out')).code).toBe(2);
	});
});

describe('formatNoteReport', () => {
	it('shows cards by rule, coverage, what is not on a card and the warnings, with lines', () => {
		const report: NoteReport = {
			file: 'aws.md',
			deck: 'AWS 기초',
			cards: 58,
			cardsByRule: { list: 30, definition: 20, cloze: 8 },
			coverage: { covered: 57, total: 58 },
			uncovered: [{ line: 12, kind: 'list-item', text: 'S3: 객체 기반 스토리지 서비스' }],
			warnings: [{ line: 40, ...sayNote('note-image-on-no-card', { image: 'regions.png' }) }, sayNote('note-more-repeated-questions', { count: 3 })]
		};
		expect(formatNoteReport('decks/aws.md', report)).toBe(
			[
				'decks/aws.md: AWS 기초',
				'  58 cards: definition 20, list 30, cloze 8',
				'  list items, definition lines, paragraphs, table rows and code blocks on a card: 57/58 (98%)',
				'  not on any card:',
				'    line 12 (list item): S3: 객체 기반 스토리지 서비스',
				'  warnings:',
				'    line 40: image "regions.png" is on no card',
				'    3 more cards repeat a question and answer given above under the same heading',
				''
			].join('\n')
		);
	});
});

describe('scripts/deck.mjs', () => {
	it('runs the CLI as a child process', async () => {
		const good = write('notes/s3.md', S3_NOTE);
		write('notes/sub/iam.md', IAM_NOTE);
		const binary = write('diagram.md', BINARY);
		const missing = join(dir, 'missing.md');
		const env = { ...process.env };
		// The launcher treats an npm run of "deck" specially; this is not one.
		delete env.npm_lifecycle_event;

		const result = await promisify(execFile)(
			process.execPath,
			['scripts/deck.mjs', join(dir, 'notes'), good, binary, missing],
			{ cwd: process.cwd(), env }
		).then(
			(output) => ({ code: 0, ...output }),
			(error: { code: number; stdout: string; stderr: string }) => error
		);

		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			`deck: ${missing}: no such file or folder\n` + `deck: ${binary}: is not a text file (it contains binary data)\n`
		);
		const decks = parseDeckFile(JSON.parse(result.stdout)).decks;
		expect(decks.map((deck) => deck.source)).toEqual(['s3.md', 'sub/iam.md']);

		const help = await promisify(execFile)(process.execPath, ['scripts/deck.mjs', '--help'], { env });
		expect(help.stdout).toBe(USAGE);
	}, 30_000);
});
