import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/io/bundle';
import { detectFileKind, MAX_IMPORT_BYTES } from '../../../src/lib/io/detect';

const text = (value: string) => new TextEncoder().encode(value);
const ZIP = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);
const SQLITE = text('SQLite format 3\u0000rest');

describe('detectFileKind', () => {
	it('goes by signature for zip archives and SQLite collections', () => {
		expect(detectFileKind('deck.apkg', ZIP)).toBe('anki-package');
		expect(detectFileKind('all.colpkg', ZIP)).toBe('anki-package');
		expect(detectFileKind('renamed.bin', ZIP)).toBe('anki-package');
		expect(detectFileKind('notes.zip', ZIP)).toBe('notes-zip');
		expect(detectFileKind('collection.anki2', SQLITE)).toBe('anki-collection');
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
			expect(detectFileKind(name, new Uint8Array([0x89, 0x50]))).toBe('image');
		}
		// A picture named so is a picture, whatever its first bytes.
		expect(detectFileKind('zipped.png', ZIP)).toBe('image');
	});
});
