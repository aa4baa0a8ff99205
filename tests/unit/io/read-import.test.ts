/**
 * Every kind of bad file through the import's one entry (readImportFiles, what the
 * import worker runs), into a store that already holds decks, cards and history:
 * each is refused with a message naming the problem, and every table is byte for
 * byte what it was (checksums before and after). A good file then imports.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDeck } from '../../../src/lib/db/decks';
import { exportBackup } from '../../../src/lib/db/exports';
import { applyImport } from '../../../src/lib/db/imports';
import { serializeBackup } from '../../../src/lib/io/backup';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { emptyBundle, ImportError, type ImportBundle } from '../../../src/lib/io/bundle';
import { gzip } from '../../../src/lib/io/gzip';
import { importNoticeText } from '../../../src/lib/i18n/notices';
import { readImportFiles, type ImportFile } from '../../../src/lib/io/read-import';
import type { StoredNoteDeck } from '../../../src/lib/io/markdown-notes';
import { answerCurrent, deckFrom, freshDatabase, seoulNoon, tableChecksums, tableRows } from '../db/helpers';
import { openSession } from '../../../src/lib/db/sessions';
import { editCard } from '../../../src/lib/db/own-cards';
import { DEFAULT_SETTINGS } from '../../../src/lib/db/settings';
import { studyDay } from '../../../src/lib/srs/day';
import { buildCollection, buildPackage, loadSql, zstdRaw } from './anki/helpers';
import { sampleCollection, samplePackage, TIMES } from './anki/sample';

const text = (value: string) => new TextEncoder().encode(value);

function noise(length: number): Uint8Array {
	const bytes = new Uint8Array(length);
	let state = 7;
	for (let i = 0; i < length; i++) {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		bytes[i] = state >>> 24;
	}
	return bytes;
}

/** A zip whose directory claims an entry of 2 GB: it must be refused before anything is inflated. */
function zipBomb(): Uint8Array {
	const bytes = zipSync({ 'collection.anki2': text('SQLite format 3\u0000') });
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let offset = 0; offset + 4 <= bytes.length; offset++) {
		const signature = view.getUint32(offset, true);
		if (signature === 0x04034b50) view.setUint32(offset + 22, 0x7fffffff, true);
		if (signature === 0x02014b50) view.setUint32(offset + 24, 0x7fffffff, true);
	}
	return bytes;
}

/** Bytes of the deflate stream changed, the gzip header left as it was. */
function damaged(bytes: Uint8Array): Uint8Array {
	const copy = bytes.slice();
	for (let i = 12; i < copy.length - 8; i += 7) copy[i] = (copy[i] as number) ^ 0xa5;
	return copy;
}

/** A gzip file of 201 MB as chosen: its header, then bytes that are never read. */
function oversizedGzip(): Uint8Array {
	const bytes = new Uint8Array(201 * 1024 * 1024);
	bytes.set(gzip(text('{}')));
	return bytes;
}

let db: RecallDatabase;

/** What the import worker does with files: read them, and only if that succeeds, store them. */
async function importFiles(files: ImportFile[]): Promise<void> {
	const read = await readImportFiles(files, { loadSql });
	if (read.kind === 'bundle') await applyImport(db, read.bundle);
}

beforeAll(async () => {
	db = freshDatabase();
	const deck = deckFrom('---\ndeck: Capitals\n---\n\nFrance::Paris\n\nJapan::Tokyo\n\nKorea::Seoul\n');
	await applyDeck(db, { deck, hash: 'h' }, 'built-in');
	const at = seoulNoon('2026-11-25');
	await openSession(db, deck.id, studyDay(at, { timeZone: 'Asia/Seoul', dayStartHour: 4 }), DEFAULT_SETTINGS, at);
	await answerCurrent(db, deck.id, 4, at);
	await answerCurrent(db, deck.id, 1, at + 60_000);
});

afterAll(async () => {
	await db.delete();
});

describe('bad files change nothing', () => {
	const cases: [string, () => Promise<ImportFile[]> | ImportFile[], RegExp][] = [
		['an empty file', () => [{ name: 'deck.apkg', bytes: new Uint8Array() }], /“deck.apkg” is empty/],
		['random bytes', () => [{ name: 'deck.apkg', bytes: noise(4096) }], /not an Anki package/],
		['a truncated zip', async () => [{ name: 'deck.apkg', bytes: (await buildPackage(samplePackage(11))).subarray(0, 3000) }], /damaged or incomplete/],
		['a zip bomb', () => [{ name: 'deck.apkg', bytes: zipBomb() }], /expands to more than 512 MB/],
		['an archive without a collection', () => [{ name: 'deck.apkg', bytes: zipSync({ 'notes.txt': text('hello') }) }], /holds no Anki collection/],
		['corrupt SQLite', () => [{ name: 'c.anki2', bytes: new Uint8Array([...text('SQLite format 3\u0000'), ...noise(8192)]) }], /damaged|not an Anki collection/],
		['a collection newer than supported', async () => [{ name: 'c.anki2', bytes: await buildCollection(sampleCollection(250)) }], /schema 250; Recall reads up to schema 18/],
		['JSON of another format', () => [{ name: 'x.json', bytes: text(JSON.stringify({ format: 'anki-json', cards: [] })) }], /not a Recall/],
		['JSON of a newer version', () => [{ name: 'x.json', bytes: text(JSON.stringify({ format: 'recall-backup', version: 9 })) }], /version 9/],
		['JSON that is not JSON', () => [{ name: 'x.json', bytes: text('{"format": "recall-backup", ') }], /JSON/],
		['a table of one column', () => [{ name: 'x.csv', bytes: text('just\none\ncolumn\n') }], /column/],
		['random bytes named .csv', () => [{ name: 'random.csv', bytes: noise(4096) }], /^“random\.csv”: This file is not/],
		['a CSV over 50 MB', () => [{ name: 'big.csv', bytes: new Uint8Array(50 * 1024 * 1024 + 1).fill(0x61) }], /50 MB/],
		['several files that are not notes', () => [{ name: 'a.csv', bytes: text('a,b') }, { name: 'b.json', bytes: text('{}') }], /^“a\.csv”, “b\.json” cannot be imported together: a backup, a deck file or a table is imported on its own/],
		['an Anki package chosen with a table', async () => [{ name: 'deck.apkg', bytes: await buildPackage(samplePackage(11)) }, { name: 'a.csv', bytes: text('a,b\nc,d\n') }], /“deck\.apkg”, “a\.csv” cannot be imported together.*several Anki packages/],
		['several packages, none readable', () => [{ name: 'bad.apkg', bytes: noise(4096) }, { name: 'worse.apkg', bytes: noise(2048) }], /^None of the 2 files could be imported: “bad\.apkg” is not an Anki package: it is not a zip archive\. “worse\.apkg” is not an Anki package/],
		['a note that is binary', () => [{ name: 'n.md', bytes: noise(2048) }], /n\.md/],
		['a .gz file that is not gzip', () => [{ name: 'backup.json.gz', bytes: text('{"format": "recall-backup"}') }], /not a gzip file/],
		['a gzip file cut short', () => [{ name: 'backup.json.gz', bytes: gzip(noise(200_000)).subarray(0, 50_000) }], /cut short|damaged gzip/],
		['a damaged gzip file', () => [{ name: 'backup.json.gz', bytes: damaged(gzip(text(JSON.stringify({ format: 'recall-backup', version: 1 }).repeat(50)))) }], /damaged gzip/],
		['a gzipped file that is not a backup', () => [{ name: 'backup.json.gz', bytes: gzip(noise(4096)) }], /not a Recall backup/],
		['a gzip file over 200 MB', () => [{ name: 'huge.json.gz', bytes: oversizedGzip() }], /“huge.json.gz” is 201 MB; Recall imports files of up to 200 MB/],
		[
			'an Anki package of media and no card it can make',
			async () => [{ name: 'media.apkg', bytes: await buildPackage({ ...samplePackage(11), collection: { ...sampleCollection(11), notes: [], cards: [], revlog: [] } }) }],
			/^No cards could be made from “media\.apkg”\.$/
		],
		[
			'a package whose every card is left out says why',
			async () => {
				const sample = sampleCollection(11);
				const notes = sample.notes.map((note) => ({ ...note, mid: 999 }));
				return [{ name: 'odd.apkg', bytes: await buildPackage({ ...samplePackage(11), collection: { ...sample, notes } }) }];
			},
			/^No cards could be made from “odd\.apkg”\. .*note type/
		],
		['a deck file of an empty deck', () => [{ name: 'empty.json', bytes: text(serializeBackup({ ...emptyBundle('deck', 'empty.json'), decks: [{ id: 'empty', name: 'Empty', tags: [], cards: [] }] }, seoulNoon('2026-11-26'))) }], /No cards could be made from “empty\.json”/]
	];

	it.each(cases)('%s', async (_, files, message) => {
		const before = await tableChecksums(db);
		const error = await importFiles(await files()).then(
			() => undefined,
			(caught: unknown) => caught
		);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as Error).message).toMatch(message);
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('each refusal of one file names it, in quotes, in English and in Korean', async () => {
		const said: string[] = [];
		for (const [, files] of cases) {
			const chosen = await files();
			if (chosen.length !== 1) continue;
			const error = await readImportFiles(chosen, { loadSql }).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(ImportError);
			const { notice } = error as ImportError;
			// A gzipped file is read, and named, as the file inside it (backup.json.gz → backup.json).
			const name = `“${(chosen[0] as ImportFile).name.replace(/\.gz$/, '')}`;
			said.push(notice.message);
			expect(notice.message).toContain(name);
			expect(importNoticeText('ko', notice)).toContain(name);
		}
		expect(said).toContainEqual(expect.stringMatching(/^“deck\.apkg”: The zip archive is damaged or incomplete/));
	});

	it('a CSV with ragged rows is read, with a warning naming the lines', async () => {
		const read = await readImportFiles([{ name: 'ragged.csv', bytes: text('front,back\na,b\nc\nd,e,f\n') }], { loadSql });
		expect(read.kind).toBe('table');
		if (read.kind === 'table') expect(read.table.warnings.map((warning) => warning.message).join(' ')).toMatch(/line/i);
	});

	it('a gzipped backup (as Back up everything saves it) reads as its JSON does', async () => {
		const backup = serializeBackup(await exportBackup(db, seoulNoon('2026-11-26')), seoulNoon('2026-11-26'));
		const plain = await readImportFiles([{ name: 'Recall backup 2026-11-26.json', bytes: text(backup) }], { loadSql });
		const zipped = await readImportFiles([{ name: 'Recall backup 2026-11-26.json.gz', bytes: gzip(text(backup)) }], { loadSql });
		expect(zipped).toEqual(plain);
		expect(plain.kind === 'bundle' && plain.bundle.reviews.length).toBe(2);
	});

	it('a backup without cards is read all the same: a device’s settings are worth importing', async () => {
		const backup = await exportBackup(db, seoulNoon('2026-11-26'));
		const settingsOnly = { ...backup, decks: [], progress: {}, reviews: [], store: { decks: {}, cards: {} }, media: [] };
		const read = await readImportFiles([{ name: 'settings.json', bytes: text(serializeBackup(settingsOnly, seoulNoon('2026-11-26'))) }], { loadSql });
		expect(read.kind === 'bundle' && { decks: read.bundle.decks.length, settings: read.bundle.settings }).toEqual({ decks: 0, settings: backup.settings });
	});

	it('a good file after all of them imports', async () => {
		const before = await tableChecksums(db);
		await importFiles([{ name: 'more.md', bytes: text('# Rivers\n\n- **Nile**: Africa\n- **Amazon**: South America\n') }]);
		const after = await tableChecksums(db);
		expect(after.cards).not.toBe(before.cards);
		expect(after.reviews).toBe(before.reviews);
	});
});

describe('a note and its images chosen together', () => {
	const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
	const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
	const SVG = text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>');
	const BIOLOGY = '# Biology\n\n- **Cell**: the unit of life ![red cell](red.png)\n- **Leaf**: where photosynthesis happens ![leaf](./images/leaf.jpg)\n- **Root**: takes up water ![root](../diagrams/root.svg)\n';
	const read = (files: ImportFile[], knownMedia?: ReadonlySet<string>) => readImportFiles(files, { loadSql, ...(knownMedia && { knownMedia: async () => knownMedia }) });
	const images = (bundle: { decks: { cards: { images: { src: string; alt: string }[] }[] }[] }) => bundle.decks.flatMap((deck) => deck.cards.flatMap((card) => card.images));

	it('takes the images as the note’s media, matched by the path the note uses or by file name', async () => {
		const result = await read([
			{ name: 'red.png', bytes: PNG },
			{ name: 'biology.md', bytes: text(BIOLOGY) },
			{ name: 'leaf.jpg', bytes: JPEG },
			{ name: 'root.svg', bytes: SVG }
		]);
		if (result.kind !== 'bundle') throw new Error('not a bundle');
		const { bundle } = result;
		expect(bundle.decks.map((deck) => deck.id)).toEqual(['biology']);
		// Named by the path the note writes (from the note's folder), as a zip of the folder would name them.
		expect(bundle.media.map(({ name, type, bytes }) => [name, type, bytes.length])).toEqual([
			['biology/red.png', 'image/png', PNG.length],
			['biology/images/leaf.jpg', 'image/jpeg', JPEG.length],
			['biology/diagrams/root.svg', 'image/svg+xml', SVG.length]
		]);
		expect(images(bundle)).toEqual([
			{ src: 'biology/red.png', alt: 'red cell' },
			{ src: 'biology/images/leaf.jpg', alt: 'leaf' },
			{ src: 'biology/diagrams/root.svg', alt: 'root' }
		]);
		expect(bundle.warnings).toEqual([]);
	});

	it('gives the same media names as a zip of the notes folder', async () => {
		const loose = await read([
			{ name: 'biology.md', bytes: text(BIOLOGY) },
			{ name: 'red.png', bytes: PNG },
			{ name: 'leaf.jpg', bytes: JPEG },
			{ name: 'root.svg', bytes: SVG }
		]);
		const zipped = await read([{ name: 'notes.zip', bytes: zipSync({ 'notes/biology.md': text(BIOLOGY), 'notes/red.png': PNG, 'notes/images/leaf.jpg': JPEG, 'notes/diagrams/root.svg': SVG }) }]);
		if (loose.kind !== 'bundle' || zipped.kind !== 'bundle') throw new Error('not bundles');
		expect(images(zipped.bundle)).toEqual(images(loose.bundle));
	});

	it('an image the note does not show is left out; one it shows but not chosen is said', async () => {
		const result = await read([
			{ name: 'biology.md', bytes: text(BIOLOGY) },
			{ name: 'red.png', bytes: PNG },
			{ name: 'unrelated.gif', bytes: PNG }
		]);
		if (result.kind !== 'bundle') throw new Error('not a bundle');
		expect(result.bundle.media.map((file) => file.name)).toEqual(['biology/red.png']);
		expect(images(result.bundle).map((image) => image.src)).toEqual(['biology/red.png', './images/leaf.jpg', '../diagrams/root.svg']);
		expect(result.bundle.warnings.map((warning) => warning.code)).toEqual(['notes-missing-images']);
		expect(result.bundle.warnings[0]!.message).toContain('"./images/leaf.jpg", "../diagrams/root.svg"');
	});

	it('two chosen files of the name the note uses are not guessed between', async () => {
		const note = '# Biology\n\n- **Cell**: the unit of life ![red cell](images/red.png)\n- **Leaf**: green ![leaf](leaf.jpg)\n';
		const result = await read([
			{ name: 'biology.md', bytes: text(note) },
			{ name: 'a/red.png', bytes: PNG },
			{ name: 'b/red.png', bytes: JPEG },
			{ name: 'leaf.jpg', bytes: JPEG }
		]);
		if (result.kind !== 'bundle') throw new Error('not a bundle');
		expect(result.bundle.media.map((file) => file.name)).toEqual(['biology/leaf.jpg']);
		expect(images(result.bundle)).toEqual([
			{ src: 'images/red.png', alt: 'red cell' },
			{ src: 'biology/leaf.jpg', alt: 'leaf' }
		]);
		expect(result.bundle.warnings.map((warning) => warning.message)).toEqual([
			'biology.md: several files could be the image "images/red.png" (they have the same name, or names that differ only in capital letters); cards show the alt text instead. Choose only the one the note means, or import the notes folder as a .zip.'
		]);
		// The path itself, when a chosen file has it, is no guess.
		const exact = await read([
			{ name: 'biology.md', bytes: text(note) },
			{ name: 'images/red.png', bytes: PNG },
			{ name: 'b/red.png', bytes: JPEG }
		]);
		if (exact.kind !== 'bundle') throw new Error('not a bundle');
		expect(exact.bundle.media.map((file) => [file.name, file.bytes])).toEqual([['biology/images/red.png', PNG]]);
	});

	it('a name that differs only in case is the image when one file has it; the exact name first; two alike are not guessed between', async () => {
		const EXACT = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 16]);
		const note = '# Biology\n\n- **Cell**: the unit of life ![red cell](images/Red.PNG)\n- **Leaf**: green ![leaf](Leaf.jpg)\n- **Root**: water ![root](root.svg)\n';
		const result = await read([
			{ name: 'biology.md', bytes: text(note) },
			{ name: 'red.png', bytes: PNG },
			{ name: 'leaf.jpg', bytes: JPEG },
			{ name: 'Leaf.jpg', bytes: EXACT },
			{ name: 'ROOT.svg', bytes: SVG },
			{ name: 'Root.SVG', bytes: SVG }
		]);
		if (result.kind !== 'bundle') throw new Error('not a bundle');
		// Named as the note writes it, so that the note imported again alone finds it stored.
		expect(result.bundle.media.map((file) => [file.name, file.type, file.bytes])).toEqual([
			['biology/images/Red.PNG', 'image/png', PNG],
			['biology/Leaf.jpg', 'image/jpeg', EXACT]
		]);
		expect(images(result.bundle).map((image) => image.src)).toEqual(['biology/images/Red.PNG', 'biology/Leaf.jpg', 'root.svg']);
		expect(result.bundle.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('several files could be the image "root.svg"')]);

		// In a zip, by the path, also when only its case differs; two paths alike but for case are not guessed between.
		const zipped = await read([{ name: 'notes.zip', bytes: zipSync({ 'biology.md': text(note), 'images/red.png': PNG, 'leaf.JPG': JPEG, 'root.svg': SVG, 'ROOT.svg': SVG }) }]);
		if (zipped.kind !== 'bundle') throw new Error('not a bundle');
		expect(images(zipped.bundle).map((image) => image.src)).toEqual(['biology/images/Red.PNG', 'biology/Leaf.jpg', 'biology/root.svg']);
		const alike = await read([{ name: 'notes.zip', bytes: zipSync({ 'biology.md': text(note), 'images/red.png': PNG, 'images/RED.png': PNG, 'Leaf.jpg': JPEG, 'root.svg': SVG }) }]);
		if (alike.kind !== 'bundle') throw new Error('not a bundle');
		expect(images(alike.bundle).map((image) => image.src)).toEqual(['images/Red.PNG', 'biology/Leaf.jpg', 'biology/root.svg']);
		expect(alike.bundle.warnings.map((warning) => warning.code)).toEqual(['notes-ambiguous-images']);
	});

	it('a stored image whose name differs only in case is the note’s, when it is the only one', async () => {
		const result = await read([{ name: 'biology.md', bytes: text(BIOLOGY) }], new Set(['biology/RED.png', 'biology/images/Leaf.jpg', 'biology/images/LEAF.jpg', 'biology/diagrams/root.svg']));
		if (result.kind !== 'bundle') throw new Error('not a bundle');
		expect(images(result.bundle).map((image) => image.src)).toEqual(['biology/RED.png', './images/leaf.jpg', 'biology/diagrams/root.svg']);
		expect(result.bundle.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('the image "./images/leaf.jpg" is not among')]);
	});

	it('an image the store already has under the note’s name needs no choosing again', async () => {
		const result = await read([{ name: 'biology.md', bytes: text(BIOLOGY) }], new Set(['biology/red.png', 'biology/images/leaf.jpg', 'other/root.svg']));
		if (result.kind !== 'bundle') throw new Error('not a bundle');
		expect(result.bundle.media).toEqual([]);
		expect(images(result.bundle).map((image) => image.src)).toEqual(['biology/red.png', 'biology/images/leaf.jpg', '../diagrams/root.svg']);
		expect(result.bundle.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('the image "../diagrams/root.svg" is not among')]);
		// A zip whose note sat in a subfolder stored its images under that folder's path: one such name is the image.
		const nested = await read([{ name: 'biology.md', bytes: text(BIOLOGY) }], new Set(['biology/biology/red.png', 'biology/x/diagrams/root.svg', 'biology/y/diagrams/root.svg']));
		if (nested.kind !== 'bundle') throw new Error('not a bundle');
		expect(images(nested.bundle).map((image) => image.src)).toEqual(['biology/biology/red.png', './images/leaf.jpg', '../diagrams/root.svg']);
	});

	it('the store’s names are asked for only when notes are read', async () => {
		let asked = 0;
		const knownMedia = async () => {
			asked++;
			return new Set<string>();
		};
		const noteDecks = async () => {
			asked++;
			return new Map<string, StoredNoteDeck[]>();
		};
		await readImportFiles([{ name: 'x.csv', bytes: text('front,back\na,b\n') }], { loadSql, knownMedia, noteDecks });
		expect(asked).toBe(0);
		await readImportFiles([{ name: 'biology.md', bytes: text(BIOLOGY) }], { loadSql, knownMedia, noteDecks });
		expect(asked).toBe(2);
	});

	it('images chosen without a note are refused, naming them, in both languages; nothing changes', async () => {
		const before = await tableChecksums(db);
		for (const files of [
			[{ name: 'red.png', bytes: PNG }],
			[
				{ name: 'red.png', bytes: PNG },
				{ name: 'leaf.JPEG', bytes: JPEG }
			],
			[
				{ name: 'deck.csv', bytes: text('front,back\na,b\n') },
				{ name: 'red.png', bytes: PNG }
			]
		]) {
			const error = await importFiles(files).then(
				() => undefined,
				(caught: unknown) => caught
			);
			expect(error).toBeInstanceOf(ImportError);
			const { notice } = error as ImportError;
			expect(notice.code).toBe('file-images-without-note');
			for (const file of files.filter((file) => file.name !== 'deck.csv')) {
				expect(notice.message).toContain(`“${file.name}”`);
				expect(importNoticeText('ko', notice)).toContain(`“${file.name}”`);
			}
		}
		expect((await refusalOf([{ name: 'red.png', bytes: PNG }])).message).toBe(
			'“red.png” goes with a note: Recall imports images and sounds only with the Markdown notes that show or play them. Choose it together with the note (.md), or import the notes folder as a .zip.'
		);
		expect(await tableChecksums(db)).toEqual(before);
	});

	async function refusalOf(files: ImportFile[]): Promise<ImportError> {
		return read(files).then(
			() => {
				throw new Error('nothing was refused');
			},
			(caught: ImportError) => caught
		);
	}
});

describe('a tab-separated .txt', () => {
	it('is read as a table, not a note, with short rows and a comment line', async () => {
		const read = await readImportFiles([{ name: 'words.txt', bytes: text('# words\nq1\ta1\nq2\ta2\nq3\n') }], { loadSql });
		expect(read.kind).toBe('table');
		if (read.kind !== 'table') return;
		expect(read.table).toMatchObject({ delimiter: '\t', rows: [['q1', 'a1'], ['q2', 'a2'], ['q3', '']], lineNumbers: [2, 3, 4] });
		expect(read.table.warnings.map((warning) => warning.code)).toEqual(['table-comment-line', 'table-short-rows']);
	});
});

describe('a table read again with other choices', () => {
	it('is read from the text inside a gzip file', async () => {
		const csv = text('Front;Back\nPi;3,14159\nE;2,71828\n');
		const read = await readImportFiles([{ name: 'numbers.csv.gz', bytes: gzip(csv) }], { loadSql });
		expect(read.kind === 'table' && read.bytes).toEqual(csv);
	});
});

describe('several Anki packages chosen together', () => {
	const fixture = (name: string): ImportFile => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/anki/${name}`, import.meta.url))) });
	const files = ['gov-vocab-schema11.apkg', 'music-intervals-anki21b.apkg', 'apkg-export-media.apkg'].map(fixture);
	const now = seoulNoon('2026-11-26');
	const bundleOf = async (chosen: ImportFile[]) => {
		const read = await readImportFiles(chosen, { loadSql, now });
		if (read.kind !== 'bundle') throw new Error('not a bundle');
		return read.bundle;
	};

	it('are read as one bundle: the decks, cards, review rows and media of each, each file’s warnings after its name', async () => {
		const read = await Promise.all(files.map((file) => bundleOf([file])));
		// The files come oldest first: by the latest change (a card's Anki mod) among their cards.
		const latest = (bundle: ImportBundle) => Math.max(...Object.values(bundle.progress).map((progress) => progress.updatedAt));
		const alone = [...read].sort((a, b) => latest(a) - latest(b));
		expect(alone.map((bundle) => bundle.name)).toEqual(['gov-vocab-schema11.apkg', 'apkg-export-media.apkg', 'music-intervals-anki21b.apkg']);
		const together = await bundleOf(files);
		expect(together.source).toBe('apkg');
		expect(together.decks.map((deck) => deck.id)).toEqual(alone.flatMap((bundle) => bundle.decks.map((deck) => deck.id)));
		expect(together.decks.flatMap((deck) => deck.cards)).toEqual(alone.flatMap((bundle) => bundle.decks.flatMap((deck) => deck.cards)));
		expect(together.reviews).toEqual(alone.flatMap((bundle) => bundle.reviews));
		expect(together.media.map((file) => file.name)).toEqual(alone.flatMap((bundle) => bundle.media.map((file) => file.name)));
		expect(together.warnings.map((warning) => warning.message)).toEqual(
			alone.flatMap((bundle, index) => bundle.warnings.map((warning) => `“${(files[index] as ImportFile).name}”: ${warning.message}`))
		);
		expect(together.warnings.map((warning) => importNoticeText('ko', warning))).toEqual(
			alone.flatMap((bundle, index) => bundle.warnings.map((warning) => `“${(files[index] as ImportFile).name}”: ${importNoticeText('ko', warning)}`))
		);
	});

	it('leave out one that cannot be read, saying so before anything is stored, and bring the others', async () => {
		const damaged: ImportFile = { name: 'damaged.apkg', bytes: new Uint8Array(4096).fill(7) };
		const [gov, music] = files as [ImportFile, ImportFile];
		const together = await bundleOf([gov, damaged, music]);
		expect(together.decks.map((deck) => deck.id)).toEqual([...(await bundleOf([gov])).decks, ...(await bundleOf([music])).decks].map((deck) => deck.id));
		const [leftOut] = together.warnings;
		expect(leftOut?.message).toBe('“damaged.apkg” is not an Anki package: it is not a zip archive. It is left out; the other files are imported.');
		expect(importNoticeText('ko', leftOut!)).toBe('“damaged.apkg” 파일은 Anki 패키지가 아닙니다. zip 압축 파일이 아닙니다. 이 파일은 빼고 나머지 파일을 가져옵니다.');
	});

	it('take every Anki file name alike: a bare collection of any name is read, and one that is none is left out, not refused with the rest', async () => {
		const [gov] = files as [ImportFile];
		const latest = await buildCollection(sampleCollection(18));
		const collections: ImportFile[] = [
			{ name: 'collection.anki21b', bytes: zstdRaw(latest) },
			{ name: 'collection.anki21', bytes: latest },
			{ name: 'collection.anki2', bytes: await buildCollection(sampleCollection(11)) }
		];
		for (const collection of collections) {
			const alone = await bundleOf([collection]);
			expect(alone.decks.flatMap((deck) => deck.cards).length, collection.name).toBeGreaterThan(0);
			// Placed by note, as every card of an Anki file is (card-source.ts).
			expect(alone.decks[0]?.cards[0]?.source.file, collection.name).toBe(collection.name);
		}
		for (const name of ['damaged.anki21b', 'damaged.anki21', 'damaged.colpkg']) {
			const together = await bundleOf([gov, { name, bytes: new Uint8Array(4096).fill(7) }]);
			expect(together.decks.map((deck) => deck.id)).toEqual((await bundleOf([gov])).decks.map((deck) => deck.id));
			expect(together.warnings[0]?.message, name).toMatch(new RegExp(`^“${name.replace('.', '\\.')}” is not an Anki (?:collection|package): .* It is left out; the other files are imported\\.$`));
		}
	});

	it('with the same cards at other times (other schedules, histories, statuses): the same result in any order, together or one by one', async () => {
		const seconds = (ms: number) => ms / 1000;
		const later = samplePackage(11);
		// An earlier copy of the collection: card 3001 before its last answers, suspended then; but card 3019 answered
		// there once more after the later copy was made, so that copy's card 3019 is the newer one.
		const earlier = samplePackage(11);
		const collection = earlier.collection;
		// Their notes differ too: the earlier copy's text of card 3001's note is older, of card 3019's newer.
		collection.notes = collection.notes.map((note) =>
			note.id === 4001 ? { ...note, fields: ['Capital of <b>France</b>?', 'Paris (before an edit)'] } : note.id === 4014 ? { ...note, fields: ['exported by Recall', 'once, edited later'] } : note
		);
		collection.cards = collection.cards.map((card) =>
			card.id === 3001
				? { ...card, mod: seconds(TIMES.hard), queue: -1, due: 20, ivl: 2, factor: 2150, reps: 6 }
				: card.id === 3019
					? { ...card, mod: seconds(TIMES.easy), due: 140, ivl: 4, factor: 2600, reps: 2 }
					: card
		);
		collection.revlog = [
			...(collection.revlog ?? []).filter((entry) => !(entry.card === 3001 && entry.id > TIMES.hard)),
			{ id: TIMES.easy - 60_000, card: 3019, ease: 4, ivl: 4, lastIvl: 1, factor: 2600, time: 2000, type: 1 }
		];
		const files: ImportFile[] = [
			{ name: 'earlier.apkg', bytes: await buildPackage(earlier) },
			{ name: 'later.apkg', bytes: await buildPackage(later) }
		];
		const [first, second] = files as [ImportFile, ImportFile];
		const tables = ['cards', 'days', 'decks', 'media', 'reviews'];
		const stored = async (imports: ImportFile[][]) => {
			const db = freshDatabase();
			try {
				for (const chosen of imports) await applyImport(db, await bundleOf(chosen), now);
				return { rows: await tableRows(db, tables), cards: await db.cards.bulkGet(['anki-g-basic-0', 'anki-g-recall1-0']) };
			} finally {
				await db.delete();
			}
		};
		const together = await stored([[first, second]]);
		// The later copy's card 3001 (not suspended, its whole log); the earlier copy's card 3019 (its extra answer).
		const [card3001, card3019] = together.cards;
		expect(card3001).toMatchObject({ queue: Queue.scheduled, state: { interval: 15 }, back: expect.stringMatching(/^Paris<br><img/) });
		expect(card3019).toMatchObject({ state: { interval: 4 }, back: 'once, edited later' });
		expect(await stored([[second, first]])).toEqual(together);
		expect(await stored([[first], [second]])).toEqual(together);
		// The newer file first, then the older: the same cards (their text the newer one's), schedules, statuses and
		// rows, but for two records of the order: where each card came from (the file imported first), and the clock
		// of a status the older file brings unchanged (a package that says what the card has changes nothing, see
		// clockIsLastChange).
		const bookkeeping = (text: string) => text.replace(/"file":"[a-z]+\.apkg"/, '').replace(/"statusAt":\d+/, '');
		const reverse = await stored([[second], [first]]);
		expect(reverse.rows.cards?.map(bookkeeping)).toEqual(together.rows.cards?.map(bookkeeping));
		expect({ ...reverse.rows, cards: [] }).toEqual({ ...together.rows, cards: [] });
	});

	it('one imported again does not undo an edit made here since; one changed in Anki after the edit brings its text', async () => {
		const db = freshDatabase();
		try {
			const id = 'anki-g-opt1-0';
			const first = await buildPackage(samplePackage(11));
			await applyImport(db, await bundleOf([{ name: 'deck.apkg', bytes: first }]), now);
			await editCard(db, id, { front: 'one way', back: 'edited here', tags: [] }, now + 1000);
			await applyImport(db, await bundleOf([{ name: 'deck.apkg', bytes: first }]), now + 2000);
			expect(await db.cards.get(id)).toMatchObject({ back: 'edited here', contentAt: now + 1000 });

			const edited = samplePackage(11);
			edited.collection.notes = edited.collection.notes.map((note) => (note.id === 4003 ? { ...note, fields: ['one way', 'edited in Anki', ''] } : note));
			edited.collection.cards = edited.collection.cards.map((card) => (card.id === 3004 ? { ...card, mod: (now + 5000) / 1000 } : card));
			await applyImport(db, await bundleOf([{ name: 'deck.apkg', bytes: await buildPackage(edited) }]), now + 6000);
			expect(await db.cards.get(id)).toMatchObject({ back: expect.stringContaining('edited in Anki'), contentAt: now + 5000 });
		} finally {
			await db.delete();
		}
	});

	it('store what importing them one after the other stores', async () => {
		const oneByOne = freshDatabase();
		const atOnce = freshDatabase();
		try {
			for (const file of files) await applyImport(oneByOne, await bundleOf([file]), now);
			await applyImport(atOnce, await bundleOf(files), now);
			const tables = ['cards', 'days', 'decks', 'media', 'reviews'];
			expect(await tableRows(atOnce, tables)).toEqual(await tableRows(oneByOne, tables));
		} finally {
			await Promise.all([oneByOne.delete(), atOnce.delete()]);
		}
	});
});
