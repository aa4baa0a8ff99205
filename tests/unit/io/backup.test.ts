import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, MAX_BACKUP_LENGTH, fromBase64, parseBackup, serializeBackup, toBase64 } from '../../../src/lib/io/backup';
import { ImportError, type ImportBundle } from '../../../src/lib/io/bundle';
import { deckFile, type Deck } from '../../../src/lib/notes/deck-format';
import { generateDeck } from '../../../src/lib/notes/generate';
import type { AnswerRow, ReviewRow, StateRow } from '../../../src/lib/srs/history';

const deck: Deck = generateDeck('## Q\n\none::1\n\ntwo::2\n', { file: 'q.md' }).deck;
const [one, two] = deck.cards as [Deck['cards'][number], Deck['cards'][number]];

const answer: AnswerRow = {
	id: 'r1',
	card: one.id,
	deck: deck.id,
	grade: 4,
	reviewedAt: 1_764_000_000_000,
	day: 20_416,
	durationMs: 2500,
	kind: 'new',
	before: { state: { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false } },
	after: { state: { repetitions: 1, easiness: 2.5, interval: 1, extraReview: false }, dueDay: 20_417 }
};
const set: StateRow = {
	id: 'r2',
	card: two.id,
	deck: deck.id,
	reviewedAt: 1_764_000_100_000,
	day: 20_416,
	kind: 'set',
	reason: 'import',
	before: { state: { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false } },
	after: { state: { repetitions: 3, easiness: 2.1, interval: 20, extraReview: false }, dueDay: 20_436 },
	previous: 'r0'
};

function fullBundle(): ImportBundle {
	return {
		source: 'backup',
		name: 'b.json',
		decks: [deck],
		progress: { [two.id]: { suspended: true, buriedUntil: 20_420, updatedAt: 5 }, [one.id]: { suspended: false, retired: true, updatedAt: 0 } },
		reviews: [answer, set],
		media: [{ name: 'a.png', type: 'image/png', bytes: new Uint8Array([0, 1, 2, 250, 255]) }],
		settings: { settings: { newPerDay: 15 } },
		store: {
			decks: { [deck.id]: { origin: 'built-in', retired: false, hash: 'h', createdAt: 1, updatedAt: 2 } },
			cards: { [one.id]: { order: 0, createdAt: 1, updatedAt: 3 }, [two.id]: { order: 1, createdAt: 1, updatedAt: 4 } },
			media: { 'a.png': { addedAt: 9 } }
		},
		warnings: []
	};
}

function backupJson(change: (file: Record<string, unknown>) => void = () => {}): string {
	const file = JSON.parse(serializeBackup(fullBundle(), 1000)) as Record<string, unknown>;
	change(file);
	return JSON.stringify(file);
}

function refusal(text: string): string {
	try {
		parseBackup(text);
	} catch (error) {
		expect(error).toBeInstanceOf(ImportError);
		return (error as Error).message;
	}
	throw new Error('parseBackup accepted it');
}

describe('serializeBackup and parseBackup', () => {
	it('give back the bundle they were given', () => {
		const text = serializeBackup(fullBundle(), 1000);
		expect(JSON.parse(text)).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: 1000, app: 'Recall' });
		expect(parseBackup(text, 'b.json')).toEqual(fullBundle());
	});

	it('keep an image’s width (Obsidian’s `![[a.png|300]]`), and refuse one that is no width', () => {
		const bundle = fullBundle();
		const sized = { ...bundle, decks: [{ ...deck, cards: [{ ...one, images: [{ src: 'a.png', alt: '', width: 300 }] }, two] }] };
		expect(parseBackup(serializeBackup(sized, 1000), 'b.json')).toEqual(sized);
		const negative = { ...bundle, decks: [{ ...deck, cards: [{ ...one, images: [{ src: 'a.png', alt: '', width: -5 }] }, two] }] };
		expect(() => parseBackup(serializeBackup(negative, 1000), 'b.json')).toThrow(ImportError);
	});

	it('reads a backup without settings as one deck with its progress', () => {
		const { settings: _settings, ...bundle } = fullBundle();
		const read = parseBackup(serializeBackup({ ...bundle, source: 'deck' }, 1000), 'b.json');
		expect(read.source).toBe('deck');
		expect(read.settings).toBeUndefined();
		expect(read.reviews).toEqual([answer, set]);
	});

	it('reads a plain deck file (and a backup read as a deck file keeps only the deck)', () => {
		const read = parseBackup(JSON.stringify(deckFile([deck])), 'deck.json');
		expect(read).toMatchObject({ source: 'deck', name: 'deck.json', decks: [deck], reviews: [], media: [], progress: {} });
		expect(read.store).toBeUndefined();
	});

	it('skips a byte order mark', () => {
		expect(parseBackup('\uFEFF' + JSON.stringify(deckFile([deck]))).decks).toEqual([deck]);
	});

	it('base64 round trip, large files too', () => {
		const bytes = new Uint8Array(200_000).map((_, i) => (i * 7919) % 256);
		expect(fromBase64(toBase64(bytes))).toEqual(bytes);
		expect(toBase64(new Uint8Array([104, 105]))).toBe('aGk=');
		for (let length = 0; length < 12; length++) {
			const some = bytes.subarray(1000, 1000 + length);
			expect(toBase64(some)).toBe(Buffer.from(some).toString('base64'));
			expect(fromBase64(toBase64(some))).toEqual(some);
		}
	});
});

describe('parseBackup refuses what it cannot read, saying why', () => {
	it('empty text', () => {
		expect(refusal('')).toBe('The file is empty.');
		expect(refusal('  \n')).toBe('The file is empty.');
	});

	it('random bytes, decoded as text', () => {
		const bytes = new Uint8Array(4096).map((_, i) => (i * 131 + 17) % 256);
		expect(refusal(new TextDecoder().decode(bytes))).toBe('This file is not a Recall backup or deck file: it is not JSON.');
	});

	it('a backup cut short', () => {
		const text = backupJson();
		expect(refusal(text.slice(0, text.length / 2))).toBe('This Recall file is damaged or cut short: it is not valid JSON.');
	});

	it('JSON of another format', () => {
		expect(refusal('{"format":"anki-export","cards":[]}')).toMatch(/^This file is not a Recall backup or deck file \(its "format" is "anki-export"/);
		expect(refusal('[1,2,3]')).toMatch(/it has no "format" field/);
		expect(refusal('"recall-backup"')).toMatch(/it has no "format" field/);
		expect(refusal('null')).toMatch(/not a Recall backup/);
	});

	it('a newer version of either format', () => {
		expect(refusal(backupJson((file) => (file.version = 3)))).toBe(
			'This backup is format version 3; this version of Recall reads up to version 1. Update the app to open it.'
		);
		expect(refusal(JSON.stringify({ ...deckFile([deck]), version: 2 }))).toMatch(/^This deck file is format version 2; this version of Recall reads up to version 1/);
	});

	it('review rows that break the format', () => {
		const row = (change: (row: Record<string, unknown>) => void) =>
			backupJson((file) => change((file.reviews as Record<string, unknown>[])[0]!));
		expect(refusal(row((r) => (r.grade = 6)))).toMatch(/^The backup is not valid: reviews\.0\.grade: /);
		expect(refusal(row((r) => (r.grade = 2.5)))).toMatch(/reviews\.0\.grade/);
		expect(refusal(row((r) => (r.durationMs = -1)))).toMatch(/reviews\.0\.durationMs/);
		expect(refusal(row((r) => (r.kind = 'cram')))).toMatch(/reviews\.0\.kind/);
		expect(refusal(row((r) => (r.reviewedAt = 'yesterday')))).toMatch(/reviews\.0\.reviewedAt/);
		expect(refusal(row((r) => ((r.after as { state: { easiness: number } }).state.easiness = 1.2)))).toMatch(/reviews\.0\.after\.state\.easiness/);
		expect(refusal(row((r) => delete r.id))).toMatch(/reviews\.0\.id/);
		expect(refusal(row((r) => (r.card = 'md:nowhere')))).toBe('The backup is not valid: reviews.0: card "md:nowhere" is not in the file.');
		expect(refusal(backupJson((file) => (file.reviews = [answer, answer])))).toBe('The backup is not valid: reviews.1: review id "r1" appears twice.');
		// JSON cannot hold NaN or Infinity: they come as null, and are refused.
		expect(refusal(row((r) => (r.reviewedAt = Infinity)))).toMatch(/reviews\.0\.reviewedAt/);
	});

	it('cards, progress and media that break the format', () => {
		const decks = (file: Record<string, unknown>) => file.decks as { cards: Record<string, unknown>[] }[];
		expect(refusal(backupJson((file) => (decks(file)[0]!.cards[1]!.id = one.id)))).toMatch(/card id ".*" appears twice/);
		expect(refusal(backupJson((file) => (decks(file)[0]!.cards[0]!.deck = 'other')))).toMatch(/is listed in deck ".*" but names deck "other"/);
		expect(refusal(backupJson((file) => (file.progress = { 'md:x': { suspended: true, updatedAt: 1 } })))).toBe('The backup is not valid: progress: card "md:x" is not in the file.');
		expect(refusal(backupJson((file) => ((file.media as { base64: string }[])[0]!.base64 = 'not base64!')))).toMatch(/media\.0\.base64: not base64/);
		expect(refusal(backupJson((file) => (file.media = [...(file.media as unknown[]), ...(file.media as unknown[])])))).toMatch(/media\.1: the file name "a\.png" appears twice/);
		expect(refusal(backupJson((file) => delete file.reviews))).toMatch(/reviews: /);
	});

	it('a deck id that a study link would read as another session', () => {
		for (const id of ['*', 'all', 'tree:Languages']) {
			const file = deckFile([{ ...deck, id, cards: deck.cards.map((card) => ({ ...card, deck: id })) }]);
			expect(refusal(JSON.stringify(file))).toMatch(/decks\.0\.id: a deck id may not be/);
		}
		const fine = deckFile([{ ...deck, id: 'trees', cards: deck.cards.map((card) => ({ ...card, deck: 'trees' })) }]);
		expect(parseBackup(JSON.stringify(fine)).decks[0]!.id).toBe('trees');
	});

	it('a 50 MB file that is not a backup', () => {
		expect(refusal('x'.repeat(50 * 1024 * 1024))).toBe('This file is not a Recall backup or deck file: it is not JSON.');
		expect(refusal(`{"format":"other","pad":"${'a'.repeat(50 * 1024 * 1024)}"}`)).toMatch(/its "format" is "other"/);
	});

	it('text longer than the limit, without parsing it', () => {
		const huge = { length: MAX_BACKUP_LENGTH + 1 } as unknown as string;
		expect(refusal(huge)).toBe('This file is too large to import (over 256 MB).');
	});
});

describe('every row kind survives', () => {
	it('answers of each queue kind and state rows of each reason', () => {
		const rows: ReviewRow[] = [
			{ ...answer, id: 'a', kind: 'learning', grade: 0 },
			{ ...answer, id: 'b', kind: 'review', grade: 5 },
			{ ...set, id: 'c', reason: 'reset', after: { state: { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false } } }
		];
		expect(parseBackup(serializeBackup({ ...fullBundle(), reviews: rows }, 1)).reviews).toEqual(rows);
	});
});
