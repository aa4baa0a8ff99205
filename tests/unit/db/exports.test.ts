// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { deleteCards, resetCards } from '../../../src/lib/db/bulk';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { applyDeck, retireDeck } from '../../../src/lib/db/decks';
import { exportBackup, exportDeck } from '../../../src/lib/db/exports';
import { applyImport } from '../../../src/lib/db/imports';
import { addCards, createDeck, saveDeckOptions } from '../../../src/lib/db/own-cards';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { saveFact, saveSettings } from '../../../src/lib/db/settings';
import { parseBackup, serializeBackup } from '../../../src/lib/io/backup';
import { emptyBundle } from '../../../src/lib/io/bundle';
import { missingImages } from '../../../src/lib/io/card-images';
import type { Grade } from '../../../src/lib/srs/sm2';
import { DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon, stateRow, tableRows } from './helpers';
import { cardsInDeck } from '../../../src/lib/db/lookups';

const NOTE = '## Geography\n\nWhat is the capital of France?::Paris\n\nLargest ocean::Pacific\n\nLongest river::Nile\n\nHighest peak::Everest\n';
const T0 = seoulNoon('2026-11-01');

const opened: RecallDatabase[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

function open(): RecallDatabase {
	const db = freshDatabase();
	opened.push(db);
	return db;
}

async function answer(db: RecallDatabase, cardId: string, grade: Grade, at: number) {
	const card = await db.cards.get(cardId);
	return answerCard(db, { cardId, grade, reviewedAt: at, durationMs: 1200, kind: card?.dueDay === undefined ? 'new' : 'review', expectedLastReview: card?.lastReview, dayOptions: DAY_OPTIONS });
}

/**
 * A store with a bit of everything: built-in, imported and own decks, a retired deck and card, a deleted card,
 * answers, state rows (imported, reset), suspension, burying, deck options, media, settings.
 */
async function wellUsed(): Promise<RecallDatabase> {
	const db = open();
	const geo = deckFrom(NOTE, 'geo.md');
	const [paris, ocean, river, peak] = geo.cards.map((card) => card.id) as [string, string, string, string];
	await applyDeck(db, { deck: geo, hash: 'g1' }, 'built-in', T0);
	await applyDeck(db, { deck: deckFrom('## Old\n\nq::a\n', 'old.md'), hash: 'o1' }, 'built-in', T0);
	await answer(db, paris, 5, seoulNoon('2026-11-02'));
	await answer(db, paris, 3, seoulNoon('2026-11-03'));
	await answer(db, river, 4, seoulNoon('2026-11-02'));
	await suspendCard(db, ocean, undefined, seoulNoon('2026-11-04'));
	await buryCard(db, peak, 20_800, undefined, seoulNoon('2026-11-04'));
	await applyDeck(db, { deck: deckFrom(NOTE.replace('Longest river::Nile\n', ''), 'geo.md'), hash: 'g2' }, 'built-in', seoulNoon('2026-11-05'));
	await retireDeck(db, deckFrom('## Old\n\nq::a\n', 'old.md').id, seoulNoon('2026-11-05'));
	const anki = { ...deckFrom('## Anki\n\nfront::back\n', 'anki.md'), id: 'anki-deck', name: 'From Anki' };
	const first = { ...anki.cards[0]!, id: 'anki:1', deck: 'anki-deck', format: 'html' as const };
	anki.cards = [first, { ...first, id: 'anki:2', front: 'A cat', back: '<p>Here: <img alt="" src="cat.jpg"></p>' }];
	const after = { state: { repetitions: 3, easiness: 2.36, interval: 12, extraReview: false }, dueDay: 20_420 };
	await applyImport(
		db,
		{
			...emptyBundle('apkg', 'a.apkg'),
			decks: [anki],
			reviews: [stateRow({ id: 'anki-state', card: anki.cards[0]!.id, deck: 'anki-deck', reviewedAt: T0, day: 20_400, after })],
			media: [
				{ name: 'cat.jpg', type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0, 1]) },
				{ name: 'unused.png', type: 'image/png', bytes: new Uint8Array([1]) }
			]
		},
		seoulNoon('2026-11-06')
	);
	await answer(db, anki.cards[0]!.id, 4, seoulNoon('2026-11-25'));
	// A deck of one's own with options, a deleted card, a reset.
	const mine = await createDeck(db, 'Mine', T0);
	const [kept, gone] = await addCards(db, mine.id, [{ kind: 'basic', front: 'x', back: '1' }, { kind: 'cloze', front: '[...] b', back: '==a== b', tags: ['t'] }], T0);
	await answer(db, gone!.id, 4, seoulNoon('2026-11-07'));
	await saveDeckOptions(db, mine.id, { newPerDay: 3, newOrder: 'random' }, seoulNoon('2026-11-07'));
	await deleteCards(db, [gone!.id], seoulNoon('2026-11-08'));
	await answer(db, kept!.id, 5, seoulNoon('2026-11-08'));
	await resetCards(db, [kept!.id], { now: seoulNoon('2026-11-09'), dayOptions: DAY_OPTIONS });
	await saveSettings(db, { newPerDay: 12, language: 'ko', theme: 'dark' });
	await saveFact(db, 'persisted', true);
	return db;
}

const STORED_TABLES = ['cards', 'decks', 'media', 'reviews', 'settings'];

describe('exportBackup → serializeBackup → parseBackup → applyImport', () => {
	it('into an empty store gives identical tables (facts about the device aside)', async () => {
		const db = await wellUsed();
		const text = serializeBackup(await exportBackup(db, seoulNoon('2026-12-01')), seoulNoon('2026-12-01'));
		const restored = open();
		const result = await applyImport(restored, parseBackup(text), seoulNoon('2026-12-02'));
		expect(result.warnings).toEqual([]);
		const original = await tableRows(db, STORED_TABLES);
		original.settings = original.settings!.filter((line) => !line.startsWith('"fact:'));
		expect(await tableRows(restored, STORED_TABLES)).toEqual(original);
		// And a second export of the restored store is the same file.
		expect(serializeBackup(await exportBackup(restored, seoulNoon('2026-12-01')), seoulNoon('2026-12-01'))).toBe(text);
	});

	it('carries deck options and deleted cards', async () => {
		const db = await wellUsed();
		const restored = open();
		await applyImport(restored, parseBackup(serializeBackup(await exportBackup(db), 1)), seoulNoon('2026-12-02'));
		expect((await restored.decks.get('mine'))?.options).toEqual({ newPerDay: 3, newOrder: 'random' });
		const deleted = await restored.cards.filter((card) => card.deletedAt !== undefined).toArray();
		expect(deleted.map((card) => [card.front, card.deletedAt, card.queue])).toEqual([['[...] b', seoulNoon('2026-11-08'), -2]]);
	});

	it('into the store it came from changes nothing', async () => {
		const db = await wellUsed();
		const before = await tableRows(db);
		await applyImport(db, parseBackup(serializeBackup(await exportBackup(db), 1)), seoulNoon('2026-12-02'));
		expect(await tableRows(db)).toEqual(before);
	});
});

describe('exportDeck', () => {
	it('without progress: the cards of the note (no retired ones), the media they show, nothing else', async () => {
		const db = await wellUsed();
		const geo = await exportDeck(db, deckFrom(NOTE, 'geo.md').id, { withProgress: false });
		expect(geo.source).toBe('deck');
		expect(geo.decks[0]!.cards.map((card) => card.back)).toEqual(['Paris', 'Pacific', 'Everest']);
		expect(geo.decks[0]!.cards[0]).not.toHaveProperty('state');
		expect(geo).toMatchObject({ reviews: [], progress: {}, media: [] });
		expect(geo.store).toBeUndefined();
		const anki = await exportDeck(db, 'anki-deck', { withProgress: false });
		expect(anki.media.map((file) => file.name)).toEqual(['cat.jpg']);
	});

	it('with progress: every card with its progress and rows, which another store merges to the same cards', async () => {
		const db = await wellUsed();
		const id = deckFrom(NOTE, 'geo.md').id;
		const bundle = await exportDeck(db, id, { withProgress: true });
		expect(bundle.decks[0]!.cards).toHaveLength(4);
		expect(bundle.reviews).toHaveLength(3);
		expect(Object.values(bundle.progress).filter((progress) => progress.retired)).toHaveLength(1);
		const other = open();
		await applyImport(other, parseBackup(serializeBackup(bundle, 1)), seoulNoon('2026-12-02'));
		const strip = (lines: string[]) => lines.map((line) => line.replace(/"updatedAt":\d+/g, ''));
		const mine = (await cardsInDeck(db, id).sortBy('id')).map((card) => JSON.stringify({ ...card, updatedAt: 0 }));
		const theirs = (await other.cards.toArray()).map((card) => JSON.stringify({ ...card, updatedAt: 0 }));
		expect(strip(theirs)).toEqual(strip(mine));
		expect(await other.reviews.count()).toBe(3);
	});

	it('carries the files the cards show as io/card-images reads them, and no other: nothing it carries is said missing', async () => {
		const db = open();
		const png = (name: string) => ({ name, type: 'image/png', bytes: new Uint8Array([name.length]) });
		const card = (id: string, front: string, back: string) => ({ ...deckFrom('## X\n\nq::a\n', 'x.md').cards[0]!, id, deck: 'pics', front, back, format: 'html' as const });
		const deck = {
			id: 'pics',
			name: 'Pics',
			tags: [],
			cards: [
				card('anki:1', '<img src=bare.png> <img src="a&amp;b.png">', '<img src="my%20pic.png"> <img data-src="lazy.png">'),
				{ ...card('anki:2', 'A [link](notes.png)', 'text'), format: 'markdown' as const, images: [{ src: 'pics/listed.png', alt: '' }] }
			]
		};
		const stored = ['bare.png', 'a&b.png', 'my pic.png', 'lazy.png', 'notes.png', 'pics/listed.png'].map(png);
		await applyImport(db, { ...emptyBundle('apkg', 'p.apkg'), decks: [deck], media: stored }, T0);
		const bundle = await exportDeck(db, 'pics', { withProgress: false });
		expect(bundle.media.map((file) => file.name).sort()).toEqual(['a&b.png', 'bare.png', 'my pic.png', 'pics/listed.png']);
		expect(missingImages(bundle)).toEqual([]);
	});

	it('carries the sounds the cards play ([sound:name]) beside their images, in a deck’s file', async () => {
		const db = open();
		const file = (name: string, type: string) => ({ name, type, bytes: new Uint8Array([name.length]) });
		const card = { ...deckFrom('## X\n\nq::a\n', 'x.md').cards[0]!, id: 'anki:s', deck: 'sounds', front: '[sound:word.mp3]', back: 'a [sound:rain.ogg] <img src="x.png">', format: 'html' as const };
		const stored = [file('word.mp3', 'audio/mpeg'), file('rain.ogg', 'audio/ogg'), file('x.png', 'image/png'), file('unplayed.mp3', 'audio/mpeg')];
		await applyImport(db, { ...emptyBundle('apkg', 's.apkg'), decks: [{ id: 'sounds', name: 'Sounds', tags: [], cards: [card] }], media: stored }, T0);
		const bundle = await exportDeck(db, 'sounds', { withProgress: false });
		expect(bundle.media.map((media) => [media.name, media.type]).sort()).toEqual([
			['rain.ogg', 'audio/ogg'],
			['word.mp3', 'audio/mpeg'],
			['x.png', 'image/png']
		]);
	});

	it('refuses an unknown deck', async () => {
		await expect(exportDeck(open(), 'nope', { withProgress: true })).rejects.toThrow(RangeError);
	});
});
