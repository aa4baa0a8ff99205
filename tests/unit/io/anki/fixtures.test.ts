/**
 * Real packages made by Anki and other tools (MIT-licensed, see
 * tests/fixtures/README.md), and, when the shared folder of fixtures under
 * other licences is there, the ones that may not be copied into the repository.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportBundle } from '../../../../src/lib/io/bundle';
import { readAnkiCollection, readAnkiPackage } from '../../../../src/lib/io/anki/import';
import { foldRows } from '../../../../src/lib/srs/history';
import { loadSql } from './helpers';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/anki/', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../../../shared/fixtures/anki/', import.meta.url));
const NOW = Date.UTC(2026, 5, 15, 12);

async function readFixture(dir: string, file: string): Promise<ImportBundle> {
	return readAnkiPackage(readFileSync(dir + file), { sql: await loadSql(), now: NOW, dayOptions: { timeZone: 'UTC' }, name: file });
}

function cards(bundle: ImportBundle) {
	return bundle.decks.flatMap((deck) => deck.cards);
}

describe('real Anki packages (MIT fixtures)', () => {
	it('gov-vocab-schema11.apkg: 242 "Basic (and reversed card)" notes, both ways, with tags', async () => {
		const bundle = await readFixture(FIXTURES, 'gov-vocab-schema11.apkg');
		expect(bundle.decks.map((deck) => [deck.id, deck.name, deck.cards.length])).toEqual([['anki-gov-vocab', 'Gov Vocab', 484]]);
		expect(bundle.warnings).toEqual([]);
		expect(bundle.reviews).toEqual([]);
		const byId = new Map(cards(bundle).map((card) => [card.id, card]));
		expect(byId.get('anki-uWFq9<9S*v-0')).toMatchObject({ front: 'unalienable', back: 'A human right based on nature or God.', tags: ['Ch.2'] });
		expect(byId.get('anki-uWFq9<9S*v-1')).toMatchObject({ front: 'A human right based on nature or God.', back: 'unalienable' });
		expect(cards(bundle).every((card) => card.format === 'html' && card.front !== '' && card.back !== '')).toBe(true);
	});

	it('music-intervals-anki21b.apkg: the zstd collection (schema 18) in four sub-decks, not the dummy beside it', async () => {
		const bundle = await readFixture(FIXTURES, 'music-intervals-anki21b.apkg');
		expect(bundle.decks.map((deck) => [deck.name, deck.cards.length])).toEqual([
			['Music Intervals::1/ Easy - major 2nd, 3rd, perfect 5th', 59],
			['Music Intervals::2/ Middle - minor 2nd, perfect 4th, 6th, 7th', 82],
			['Music Intervals::3/ Hard - uncommon notes, aug / dim 4th, 5th, 7th', 97],
			['Music Intervals::4/ Chords - 9th, 11th, 13th', 102]
		]);
		expect(bundle.decks[0]?.id).toBe('anki-music-intervals-1-easy-major-2nd-3rd-perfect-5th');
		const card = cards(bundle).find((candidate) => candidate.id === 'anki-jQ5F>p-)~+-0');
		expect(card).toMatchObject({ front: 'The perfect 5th of C is...', back: '<h1>G</h1>', tags: ['easy', 'interval'] });
		expect(cards(bundle).some((candidate) => /update to the latest Anki/i.test(candidate.front))).toBe(false);
		expect(bundle.media).toEqual([]);
		expect(bundle.warnings).toEqual([]);
	});

	it('apkg-export-media.apkg: its image stored under its SHA-256 and the card pointing at it', async () => {
		const bundle = await readFixture(FIXTURES, 'apkg-export-media.apkg');
		const png = bundle.media[0];
		expect(bundle.media).toHaveLength(1);
		expect(png?.type).toBe('image/png');
		expect(png?.bytes.length).toBe(19040);
		const hash = createHash('sha256').update(png?.bytes ?? new Uint8Array()).digest('hex');
		expect(png?.name).toBe(`${hash}.png`);
		expect(cards(bundle).map((card) => card.front)).toEqual(['card #1 front', 'card #2 front', `card #3 with image <img alt="anki" src="${hash}.png" />`]);
		expect(cards(bundle)[0]?.tags).toEqual(['food', 'fruit']);
	});

	it('apkg-export-media.apkg: its modification times, written in milliseconds, are read as dates of now, not of the year 49,000', async () => {
		const bundle = await readFixture(FIXTURES, 'apkg-export-media.apkg');
		const times = Object.values(bundle.contentAt ?? {});
		expect(times.length).toBeGreaterThan(0);
		for (const at of times) {
			expect(at).toBeGreaterThan(Date.UTC(2015, 0, 1));
			expect(at).toBeLessThan(Date.UTC(2100, 0, 1));
		}
	});
});

describe.skipIf(!existsSync(SHARED))('Anki files under GPL/AGPL, read from ../shared/fixtures/anki (skipped: that folder is absent)', () => {
	it('corrupt.anki2 is refused as damaged', async () => {
		const sql = await loadSql();
		const error = await readAnkiCollection(readFileSync(SHARED + 'corrupt.anki2'), { sql }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as Error).message).toMatch(/^The Anki collection is damaged and cannot be read/);
	});

	it('too-new-schema250.anki2 is refused, naming its schema', async () => {
		const sql = await loadSql();
		await expect(readAnkiCollection(readFileSync(SHARED + 'too-new-schema250.anki2'), { sql })).rejects.toThrow(
			/^This collection is Anki schema 250; Recall reads up to schema 18\./
		);
	});

	it('ankidroid-templates.apkg: odd templates, nested clozes, review history, filtered decks', async () => {
		const bundle = await readFixture(SHARED, 'ankidroid-templates.apkg');
		const all = cards(bundle);
		expect(all.length).toBeGreaterThan(130);
		expect(bundle.decks.every((deck) => deck.name.startsWith('1-TEMPLATES'))).toBe(true);
		// Cards of the filtered decks went home to Anatomy.
		expect(bundle.decks.some((deck) => deck.name === '1-TEMPLATES::Anatomy::BadTemplate')).toBe(false);
		expect(bundle.reviews.length).toBeGreaterThan(90);
		for (const card of all) {
			const rows = bundle.reviews.filter((row) => row.card === card.id);
			const last = rows.at(-1);
			if (last) expect(foldRows(rows)).toEqual(last.after);
		}
		expect(all.filter((card) => card.kind === 'cloze').length).toBeGreaterThan(5);
	});

	it('anki-update1/2.apkg: the same card id before and after an edit', async () => {
		const before = cards(await readFixture(SHARED, 'anki-update1.apkg'));
		const after = cards(await readFixture(SHARED, 'anki-update2.apkg'));
		expect(before.map((card) => [card.id, card.front])).toEqual([['anki-cU1%zNUzk1-0', 'hello']]);
		expect(after.map((card) => [card.id, card.front])).toEqual([['anki-cU1%zNUzk1-0', 'goodbye']]);
	});
});
