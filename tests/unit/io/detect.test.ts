import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/io/bundle';
import { detectFileKind, MAX_IMPORT_BYTES } from '../../../src/lib/io/detect';

const text = (value: string) => new TextEncoder().encode(value);
const ZIP = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);
const SQLITE = text('SQLite format 3\u0000rest');
/** Files under licences that may not be copied here (../shared/fixtures/anki/PROVENANCE.md), when the folder is there. */
const SHARED = fileURLToPath(new URL('../../../../shared/fixtures/anki/', import.meta.url));
const utf16le = (value: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(value, (c) => c.charCodeAt(0)).buffer)]);
const utf16be = (value: string) => new Uint8Array([0xfe, 0xff, ...Array.from(value).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);

describe('detectFileKind', () => {
	it('goes by signature for zip archives and SQLite collections', () => {
		expect(detectFileKind('deck.apkg', ZIP)).toBe('anki-package');
		expect(detectFileKind('all.colpkg', ZIP)).toBe('anki-package');
		expect(detectFileKind('renamed.bin', ZIP)).toBe('anki-package');
		expect(detectFileKind('notes.zip', ZIP)).toBe('notes-zip');
		expect(detectFileKind('collection.anki2', SQLITE)).toBe('anki-collection');
		// The latest collection file is compressed: zstd's signature under its name.
		expect(detectFileKind('collection.anki21b', new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0, 0]))).toBe('anki-collection');
		expect(detectFileKind('collection.anki21b', SQLITE)).toBe('anki-collection');
		expect(() => detectFileKind('notes.txt.anki21b', text('hello'))).toThrow('“notes.txt.anki21b” is not an Anki collection: it is not an SQLite database.');
		expect(() => detectFileKind('collection.anki21', text('hello'))).toThrow(/is not an Anki collection/);
	});

	it('goes by name for text formats', () => {
		expect(detectFileKind('backup.json', text('{"format":"recall-backup"}'))).toBe('json');
		expect(detectFileKind('backup', text('  {"format":"recall-backup"}'))).toBe('json');
		expect(detectFileKind('words.csv', text('a,b'))).toBe('delimited');
		expect(detectFileKind('words.tsv', text('a\tb'))).toBe('delimited');
		expect(detectFileKind('AWS 기초.md', text('# 리전'))).toBe('markdown');
	});

	it('tells a table in a .txt file from a note', () => {
		expect(detectFileKind('anki.txt', text('#separator:tab\n#html:true\nfront\tback\n'))).toBe('delimited');
		expect(detectFileKind('words.txt', text('apple\t사과\npear\t배\n'))).toBe('delimited');
		expect(detectFileKind('notes.txt', text('# AWS 기초\n\n- **리전**: 데이터 센터의 묶음\n'))).toBe('markdown');
	});

	it('reads a .txt of comma-, semicolon- or pipe-separated lines with nothing of Markdown as a table', () => {
		expect(detectFileKind('hello.txt', text('Hello, world'))).toBe('delimited');
		expect(detectFileKind('hello-bom.txt', text('\ufeffHello, world\r\n'))).toBe('delimited');
		expect(detectFileKind('hello-utf16be.txt', utf16be('Hello, world'))).toBe('delimited');
		expect(detectFileKind('hello-utf16le.txt', utf16le('Hello, world'))).toBe('delimited');
		expect(detectFileKind('words.txt', text('apple;사과\npear;배\n"a;b";c\n'))).toBe('delimited');
		expect(detectFileKind('pipes.txt', text('apple|사과\npear|배\n'))).toBe('delimited');
		// One row in five may differ (a short row, a line of a quoted field).
		expect(detectFileKind('ragged.txt', text('a,1\nb,2\nc,3\nd,4\ne\n'))).toBe('delimited');
	});

	it('keeps a .txt a note when it writes Markdown or its commas are prose', () => {
		expect(detectFileKind('list.txt', text('- apples, pears\n- figs, dates\n'))).toBe('markdown');
		expect(detectFileKind('heading.txt', text('# Fruit\n\napples, pears\n'))).toBe('markdown');
		expect(detectFileKind('bold.txt', text('**apple**: red, sweet\n'))).toBe('markdown');
		expect(detectFileKind('cards.txt', text('apple::사과, 과일\n'))).toBe('markdown');
		expect(detectFileKind('table.txt', text('| a | b |\n|---|---|\n| 1 | 2 |\n'))).toBe('markdown');
		expect(detectFileKind('code.txt', text('Use `git add`, then commit.\n'))).toBe('markdown');
		const prose = 'I went home, then slept.\nIn the morning, after coffee, I read.\nNothing else happened.\nThe end, really.\n';
		expect(detectFileKind('prose.txt', text(prose))).toBe('markdown');
	});

	it('reads a tab-separated .txt as a table despite a few short rows, blank lines and comments', () => {
		expect(detectFileKind('short.txt', text('q1\ta1\nq2\ta2\nq3\n'))).toBe('delimited');
		expect(detectFileKind('blank.txt', text('\nq1\ta1\n\n\nq2\ta2\r\n'))).toBe('delimited');
		// Anki's own text-import test file opens so: a comment, then rows, one of them without a tab.
		const anki = '# this is a test file\n食べる\tto eat\n飲む\tto drink\nテスト\ttest\nto eat\t食べる\n飲む\tto drink\n多すぎる\ttoo many\tfields\nnot, enough, fields\n遊ぶ\t\n\tto play\n';
		expect(detectFileKind('anki.txt', text(anki))).toBe('delimited');
		expect(detectFileKind('anki-utf16.txt', utf16le(anki))).toBe('delimited');
		// Header lines and comments are not counted as rows; any of Anki's keys at the top makes a table.
		expect(detectFileKind('headers.txt', text('#notetype:Basic\n#unknown:x\nfront\tback\nsolo\n'))).toBe('delimited');
		expect(detectFileKind('deck.txt', text('# a comment\n#deck:Words\napple;사과\n'))).toBe('delimited');
		expect(detectFileKind('comment.txt', text('#some:thing\n# a comment\n# another\na\tb\nc\td\ne\n'))).toBe('delimited');
	});

	it('reads a one-row comma-separated .txt as a table, in UTF-8 with a byte order mark and in UTF-16 big-endian', () => {
		// As the shared fixtures text-utf8-bom.txt and text-ucs2-be-bom.txt hold it: "Hello, world".
		const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Hello, world\n')]);
		const utf16be = new Uint8Array([0xfe, 0xff, ...[...'Hello, world\n'].flatMap((c) => [0, c.charCodeAt(0)])]);
		expect(detectFileKind('text-utf8-bom.txt', utf8Bom)).toBe('delimited');
		expect(detectFileKind('text-ucs2-be-bom.txt', utf16be)).toBe('delimited');
	});

	it('reads a note with an occasional tab as a note', () => {
		expect(detectFileKind('note.txt', text('# Title\n\n- **a**: b\n- code:\tx\n'))).toBe('markdown');
		expect(detectFileKind('heading.txt', text('# Title\n\nsome\tthing\n\n## Part\n\n- **a**: b\n'))).toBe('markdown');
		// Tabs that indent a nested list are not between fields.
		expect(detectFileKind('nested.txt', text('- fruit\n\t- apple\n\t- pear\n\t- grape\n'))).toBe('markdown');
		// A note whose first lines hold tabs in a minority is a note, however long.
		const note = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? `- **term ${i}**:\tmeaning` : `- **word ${i}**: meaning`)).join('\n');
		expect(detectFileKind('long.txt', text(note))).toBe('markdown');
	});

	it.skipIf(!existsSync(SHARED))('reads Anki’s own anki-text-2fields.txt as a table (from ../shared/fixtures; skipped when absent)', () => {
		expect(detectFileKind('anki-text-2fields.txt', readFileSync(`${SHARED}anki-text-2fields.txt`))).toBe('delimited');
		expect(detectFileKind('anki-text-tags.txt', readFileSync(`${SHARED}anki-text-tags.txt`))).toBe('delimited');
		// "Hello, world" in UTF-8 and in UTF-16 (big-endian, with a byte order mark): a comma-separated row.
		expect(detectFileKind('text-utf8-bom.txt', readFileSync(`${SHARED}text-utf8-bom.txt`))).toBe('delimited');
		expect(detectFileKind('text-ucs2-be-bom.txt', readFileSync(`${SHARED}text-ucs2-be-bom.txt`))).toBe('delimited');
	});

	it('refuses empty, huge, mislabelled and unknown files with a message naming the file', () => {
		expect(() => detectFileKind('empty.apkg', new Uint8Array())).toThrow(/“empty.apkg” is empty/);
		expect(() => detectFileKind('big.json', { length: MAX_IMPORT_BYTES + 1 } as Uint8Array)).toThrow(/MB/);
		expect(() => detectFileKind('fake.apkg', text('hello'))).toThrow(/not an Anki package/);
		expect(() => detectFileKind('fake.anki2', text('hello'))).toThrow(/not an Anki collection/);
		expect(() => detectFileKind('fake.zip', text('hello'))).toThrow(/not a zip archive/);
		expect(() => detectFileKind('photo.heic', new Uint8Array([0x89, 0x50]))).toThrow(ImportError);
		expect(() => detectFileKind('photo.heic', new Uint8Array([0x89, 0x50]))).toThrow(/imports .apkg/);
		expect(() => detectFileKind('empty.png', new Uint8Array())).toThrow(/“empty.png” is empty/);
	});

	it('goes by name for images, which go with the notes that show them (read-import.ts)', () => {
		for (const name of ['red.png', 'photo.JPG', 'photo.jpeg', 'anim.gif', 'pic.webp', 'pic.avif', 'diagram.svg', 'old.bmp', 'favicon.ico']) {
			expect(detectFileKind(name, new Uint8Array([0x89, 0x50]))).toBe('media');
		}
		// A picture named so is a picture, whatever its first bytes.
		expect(detectFileKind('zipped.png', ZIP)).toBe('media');
	});
});
