import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/lib/io/bundle';
import { readAnkiCollection, readAnkiPackage, type AnkiImportOptions } from '../../../../src/lib/io/anki/import';
import { buildCollection, buildPackage, loadSql, zstdRaw, zstdZeros } from './helpers';
import { DAY_OPTIONS, NOW, sampleCollection, samplePackage } from './sample';

async function options(extra: Partial<AnkiImportOptions> = {}): Promise<AnkiImportOptions> {
	return { sql: await loadSql(), dayOptions: DAY_OPTIONS, now: NOW, name: 'deck.apkg', ...extra };
}

async function refusal(bytes: Uint8Array, extra: Partial<AnkiImportOptions> = {}): Promise<string> {
	try {
		await readAnkiPackage(bytes, await options(extra));
	} catch (error) {
		expect(error).toBeInstanceOf(ImportError);
		return (error as Error).message;
	}
	throw new Error('the file was not refused');
}

/** Deterministic noise. */
function randomBytes(length: number, seed = 1): Uint8Array {
	const bytes = new Uint8Array(length);
	let state = seed;
	for (let i = 0; i < length; i++) {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		bytes[i] = state >>> 24;
	}
	return bytes;
}

const text = (value: string) => new TextEncoder().encode(value);

describe('Anki import refuses bad files with a message that names the problem', () => {
	it('an empty file', async () => {
		expect(await refusal(new Uint8Array())).toBe('“deck.apkg” is empty (0 bytes).');
		const sql = await loadSql();
		await expect(readAnkiCollection(new Uint8Array(), { sql, name: 'c.anki2' })).rejects.toThrow('“c.anki2” is empty (0 bytes).');
	});

	it('random bytes', async () => {
		expect(await refusal(randomBytes(4096))).toMatch(/not a zip archive/);
		const sql = await loadSql();
		await expect(readAnkiCollection(randomBytes(4096), { sql })).rejects.toThrow('This is not an Anki collection: it is not an SQLite database.');
	});

	it('a truncated package', async () => {
		const bytes = await buildPackage(samplePackage(11));
		expect(await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/zip archive is damaged or incomplete/);
	});

	it('a zip bomb, before inflating it', async () => {
		const bomb = zipSync({ 'collection.anki2': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
		expect(bomb.length).toBeLessThan(20_000);
		expect(await refusal(bomb, { limits: { maxBytes: 1024 * 1024 } })).toMatch(/expands to more than 1 MB/);
	});

	it('a zstd stream that claims more than the limit', async () => {
		const frame = zstdRaw(text('SQLite format 3\0'));
		// Claim 4 GB of content.
		new DataView(frame.buffer).setUint32(5, 0xffffffff, true);
		expect(await refusal(zipSync({ 'collection.anki21b': frame }))).toMatch(/expands to more than Recall imports at once/);
	});

	it('a zstd stream that grows past the limit while decompressing', async () => {
		const bomb = zstdZeros(2 * 1024 * 1024);
		expect(bomb.length).toBeLessThan(100);
		expect(await refusal(zipSync({ 'collection.anki21b': bomb }), { limits: { maxBytes: 1024 * 1024 } })).toMatch(
			/expands to more than Recall imports at once/
		);
	});

	it('damaged zstd', async () => {
		const bytes = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, ...randomBytes(200)]);
		expect(await refusal(zipSync({ 'collection.anki21b': bytes }))).toMatch(/its collection cannot be decompressed/);
	});

	it('an archive without a collection', async () => {
		const bytes = zipSync({ media: text('{}'), 'notes.txt': text('hello') });
		expect(await refusal(bytes)).toBe(
			'“deck.apkg” holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2): it is not an Anki package.'
		);
	});

	it('a collection that is not SQLite', async () => {
		expect(await refusal(zipSync({ 'collection.anki2': randomBytes(5000) }))).toBe('This is not an Anki collection: it is not an SQLite database.');
	});

	it('corrupt SQLite', async () => {
		const good = await buildCollection(sampleCollection(11));
		// The header stays, the pages after the first are noise.
		const corrupt = new Uint8Array(good);
		corrupt.set(randomBytes(good.length - 4096, 7), 4096);
		expect(await refusal(zipSync({ 'collection.anki2': corrupt }))).toMatch(/^The Anki collection is damaged and cannot be read \(.+\)\.$/);
		// Cut short.
		expect(await refusal(zipSync({ 'collection.anki2': good.subarray(0, 2048) }))).toMatch(/^The Anki collection is damaged and cannot be read/);
	});

	it('a collection newer than supported', async () => {
		const bytes = await buildCollection({ ...sampleCollection(250) });
		const sql = await loadSql();
		await expect(readAnkiCollection(bytes, { sql })).rejects.toThrow(
			'This collection is Anki schema 250; Recall reads up to schema 18. In Anki, export it again with "Support older Anki versions" checked.'
		);
		expect(await refusal(zipSync({ 'collection.anki21b': zstdRaw(bytes) }))).toMatch(/^This collection is Anki schema 250; Recall reads up to schema 18\./);
	});

	it('a collection older than supported', async () => {
		const bytes = await buildCollection({ ...sampleCollection(11), schema: 10 });
		expect(await refusal(zipSync({ 'collection.anki2': bytes }))).toBe('This collection is Anki schema 10; Recall reads schemas 11 to 18.');
	});

	it('missing tables', async () => {
		const withoutCards = await buildCollection({ ...sampleCollection(11), without: ['cards'] });
		expect(await refusal(zipSync({ 'collection.anki2': withoutCards }))).toBe('This Anki collection is incomplete: it has no cards table.');
		const withoutTemplates = await buildCollection({ ...sampleCollection(18), without: ['templates'] });
		expect(await refusal(zipSync({ 'collection.anki21b': zstdRaw(withoutTemplates) }))).toBe(
			'This Anki collection is incomplete: it has no templates table.'
		);
	});

	it('a damaged media list is a warning, not a refusal', async () => {
		const bytes = zipSync({ 'collection.anki2': await buildCollection(sampleCollection(11)), media: text('{"0": "paris.png"') });
		const bundle = await readAnkiPackage(bytes, await options());
		expect(bundle.warnings[0]?.message).toBe('The list of media files in the package is damaged: its images were left out.');
		expect(bundle.decks).toHaveLength(3);
	});
});
