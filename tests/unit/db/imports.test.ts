// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Dexie } from 'dexie';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerCard, cardHistory } from '../../../src/lib/db/answers';
import { deleteCards, resetCards } from '../../../src/lib/db/bulk';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { deleteDeck } from '../../../src/lib/db/deck-removal';
import { renameDeck } from '../../../src/lib/db/deck-rename';
import { applyDeck, retireDeck, syncBuiltInDecks } from '../../../src/lib/db/decks';
import { exportBackup, exportDeck } from '../../../src/lib/db/exports';
import { applyImport, previewImport } from '../../../src/lib/db/imports';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { loadMedia, mediaBytes } from '../../../src/lib/db/media';
import { addCards, createDeck, editCard, editClozeText, saveDeckOptions } from '../../../src/lib/db/own-cards';
import { draftManualCards } from '../../../src/lib/notes/manual';
import { Queue, type CardRecord, type RecallDatabase } from '../../../src/lib/db/schema';
import { loadFact, loadSettings, saveFact, saveSettings } from '../../../src/lib/db/settings';
import { loadStats } from '../../../src/lib/db/stats';
import { exportGuid, writeAnkiPackage } from '../../../src/lib/io/anki/export';
import { BASIC_MODEL_ID, BASIC_REVERSED_MODEL_ID } from '../../../src/lib/io/anki/export-collection';
import { parseBackup, serializeBackup } from '../../../src/lib/io/backup';
import { emptyBundle, ImportError, type ImportBundle } from '../../../src/lib/io/bundle';
import { deckToDelimited, delimitedToBundle } from '../../../src/lib/io/delimited';
import { readImportFiles } from '../../../src/lib/io/read-import';
import { cardSideExportHtml } from '../../../src/lib/render/markdown';
import { deckFile } from '../../../src/lib/notes/deck-format';
import { studyDay } from '../../../src/lib/srs/day';
import { foldRows, isAnswer } from '../../../src/lib/srs/history';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { sm2, type Grade } from '../../../src/lib/srs/sm2';
import { buildPackage, changedInAnki, loadSql } from '../io/anki/helpers';
import { fieldsOf, openPackage } from '../io/anki/export-helpers';
import { NOW as SAMPLE_NOW, samplePackage } from '../io/anki/sample';
import { SEED, SEED_FILE } from '../notes/helpers';
import { DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon, stateRow, tableChecksums, tableRows } from './helpers';

const NOTE = '## Geography\n\nWhat is the capital of France?::Paris\n\nLargest ocean::Pacific\n\nLongest river::Nile\n';
const deck = deckFrom(NOTE, 'geo.md');
const [paris, ocean, river] = deck.cards.map((card) => card.id) as [string, string, string];
/** The built-in deck of decks/AWS-기초.md: Markdown with bold, code and lists. */
const AWS = deckFrom(SEED, SEED_FILE);
const T0 = seoulNoon('2026-11-01');
const NOW = seoulNoon('2026-12-01');

const opened: RecallDatabase[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
	vi.restoreAllMocks();
});

function open(): RecallDatabase {
	const db = freshDatabase();
	opened.push(db);
	return db;
}

/** A device that has the deck built in, as of T0. */
async function device(): Promise<RecallDatabase> {
	const db = open();
	await applyDeck(db, { deck, hash: 'h1' }, 'built-in', T0);
	return db;
}

async function answer(db: RecallDatabase, cardId: string, grade: Grade, at: number) {
	const card = await db.cards.get(cardId);
	return answerCard(db, { cardId, grade, reviewedAt: at, durationMs: 1000, kind: card?.dueDay === undefined ? 'new' : 'review', expectedLastReview: card?.lastReview, dayOptions: DAY_OPTIONS });
}

/** What another device would send: its deck with progress, through the file format. */
async function sent(db: RecallDatabase): Promise<ImportBundle> {
	return parseBackup(serializeBackup(await exportDeck(db, deck.id, { withProgress: true }), NOW));
}

async function expectFolded(db: RecallDatabase): Promise<void> {
	for (const card of await db.cards.toArray()) {
		const rows = await cardHistory(db, card.id);
		expect({ state: card.state, dueDay: card.dueDay, lastReview: card.lastReview }).toEqual({ dueDay: undefined, ...foldRows(rows), lastReview: rows.at(-1)?.id });
	}
}

describe('applyImport: a deck new to the store', () => {
	it('adds its deck (origin import) and cards in the file’s order, and says what it did', async () => {
		const db = open();
		const result = await applyImport(db, parseBackup(JSON.stringify(deckFile([deck])), 'geo.json'), NOW);
		expect(result).toMatchObject({
			source: 'deck',
			name: 'geo.json',
			decks: [{ id: deck.id, name: deck.name, isNew: true, added: 3, updated: 0, unchanged: 0 }],
			reviews: { answers: 0, schedules: 0, known: 0, skipped: 0 },
			settings: false,
			warnings: []
		});
		expect(await db.decks.get(deck.id)).toMatchObject({ origin: 'import', retired: false, createdAt: NOW, updatedAt: NOW });
		const cards = (await db.cards.toArray()).sort((x, y) => x.order - y.order);
		expect(cards.map((card) => card.id)).toEqual([paris, ocean, river]);
		expect(cards.every((card) => card.queue === Queue.new && card.createdAt === NOW && card.statusAt === undefined)).toBe(true);
	});

	it('imports cards with their history: each card is the fold of its rows', async () => {
		const a = await device();
		await answer(a, paris, 5, seoulNoon('2026-11-02'));
		await answer(a, paris, 4, seoulNoon('2026-11-03'));
		await answer(a, ocean, 1, seoulNoon('2026-11-03'));
		const b = open();
		const result = await applyImport(b, await sent(a), NOW);
		expect(result.reviews).toEqual({ answers: 3, schedules: 0, known: 0, skipped: 0 });
		expect(await b.reviews.count()).toBe(3);
		await expectFolded(b);
		expect((await b.cards.get(paris))?.queue).toBe(Queue.scheduled);
		expect((await b.cards.get(river))?.queue).toBe(Queue.new);
	});

	it('tells how many of its cards and rows are stored as each chunk lands, up to all of them', async () => {
		const many = { ...deck, cards: Array.from({ length: 10_500 }, (_, index) => ({ ...deck.cards[0]!, id: `many:${index}`, front: `Question ${index}` })) };
		const bundle = parseBackup(JSON.stringify(deckFile([many])), 'many.json');
		bundle.reviews = many.cards.slice(0, 3).map((card, index) => ({ ...stateRow({ id: `s${index}`, card: card.id, deck: many.id, reviewedAt: T0, day: 20_400, after: { state: { repetitions: 1, easiness: 2.5, interval: 1, extraReview: false }, dueDay: 20_401 } }) }));
		const told: [number, number][] = [];
		const db = open();
		await applyImport(db, bundle, NOW, (done, total) => told.push([done, total]));
		const total = 10_503;
		// The rows' one chunk and the cards' three (5,000 to a chunk).
		expect(told.length).toBe(4);
		expect(told.every(([, all]) => all === total)).toBe(true);
		expect(told.map(([done]) => done)).toEqual([...told.map(([done]) => done)].sort((x, y) => x - y));
		expect(told.at(-1)).toEqual([total, total]);
		expect(await db.cards.count()).toBe(10_500);
		expect(await db.reviews.count()).toBe(3);
	});
});

describe('applyImport: the same file twice', () => {
	it('changes nothing the second time, not even a timestamp', async () => {
		const a = await device();
		await answer(a, paris, 5, seoulNoon('2026-11-02'));
		await suspendCard(a, ocean, undefined, seoulNoon('2026-11-02'));
		const bundle = parseBackup(serializeBackup(await exportBackup(a), NOW));
		const b = await device();
		await applyImport(b, bundle, NOW);
		const once = await tableChecksums(b);
		const again = await applyImport(b, bundle, NOW + 60_000);
		expect(await tableChecksums(b)).toEqual(once);
		expect(again.decks).toEqual([expect.objectContaining({ added: 0, updated: 0, unchanged: 3 })]);
		expect(again.reviews).toEqual({ answers: 0, schedules: 0, known: 1, skipped: 0 });
		expect(again.media).toEqual({ written: 0, unchanged: 0 });
	});
});

describe('previewImport', () => {
	it('says what applyImport will do, and writes nothing', async () => {
		const a = await device();
		await answer(a, paris, 5, seoulNoon('2026-11-02'));
		const b = await device();
		await answer(b, river, 4, seoulNoon('2026-11-02'));
		const bundle = await sent(a);
		const before = await tableChecksums(b);
		const preview = await previewImport(b, bundle, NOW);
		expect(await tableChecksums(b)).toEqual(before);
		expect(preview.decks).toEqual([{ id: deck.id, name: deck.name, isNew: false, added: 0, updated: 1, unchanged: 2, moved: 0, retired: 0, restored: 0, retiredCards: [] }]);
		expect(preview.reviews).toEqual({ answers: 1, schedules: 0, known: 0, skipped: 0 });
		expect(await applyImport(b, bundle, NOW)).toEqual(preview);
	});
});

describe('applyImport merges', () => {
	it('two devices’ logs: a union of rows, never changing or deleting a stored one', async () => {
		const a = await device();
		const b = await device();
		await answer(a, paris, 5, seoulNoon('2026-11-02'));
		await answer(b, paris, 1, seoulNoon('2026-11-03'));
		await answer(b, ocean, 4, seoulNoon('2026-11-03'));
		const rowsOfA = await tableRows(a, ['reviews']);
		await applyImport(a, await sent(b), NOW);
		expect(await a.reviews.count()).toBe(3);
		for (const row of rowsOfA.reviews!) expect((await tableRows(a, ['reviews'])).reviews).toContain(row);
		await expectFolded(a);
		// Paris: 5 on A (Nov 2), then 1 on B (Nov 3): failed, due on the day of the failure.
		expect((await a.cards.get(paris))?.state).toMatchObject({ repetitions: 0, interval: 0 });
	});

	it('keeps a stored card’s order and createdAt, and takes its content from the file', async () => {
		const a = await device();
		const edited = deckFrom(NOTE.replace('::Paris', '::Paris (on the Seine)'), 'geo.md');
		const bundle = { ...emptyBundle('deck', 'edited.json'), decks: [{ ...edited, cards: [...edited.cards].reverse() }] };
		const result = await applyImport(a, bundle, NOW);
		expect(result.decks[0]).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
		expect(await a.cards.get(paris)).toMatchObject({ back: 'Paris (on the Seine)', order: 0, createdAt: T0, updatedAt: NOW });
		expect(await a.cards.get(river)).toMatchObject({ order: 2, updatedAt: T0 });
		expect(await a.decks.get(deck.id)).toMatchObject({ origin: 'built-in', hash: 'h1' });
	});

	it('a backup restored onto a device that has just stored the deck dates its cards and deck as the backup does', async () => {
		const a = await device();
		await answer(a, paris, 4, seoulNoon('2026-11-02'));
		const backup = parseBackup(serializeBackup(await exportBackup(a, NOW), NOW));
		// A fresh device stores the built-in deck (at NOW) before the learner restores the backup.
		const fresh = open();
		await applyDeck(fresh, { deck, hash: 'h1' }, 'built-in', NOW);
		await applyImport(fresh, backup, NOW + 1000);
		for (const id of [paris, ocean, river]) expect((await fresh.cards.get(id))?.createdAt, id).toBe(T0);
		expect((await fresh.decks.get(deck.id))?.createdAt).toBe(T0);
		// The other way round, the stored (earlier) date stays.
		await applyImport(a, parseBackup(serializeBackup(await exportBackup(fresh, NOW), NOW)), NOW + 2000);
		expect((await a.cards.get(paris))?.createdAt).toBe(T0);
	});

	it('a backup of a device that stored the built-in deck earlier counts its cards as unchanged, though their earlier date is taken', async () => {
		const a = await device();
		const b = open();
		await applyDeck(b, { deck, hash: 'h1' }, 'built-in', seoulNoon('2026-11-02'));
		const backup = parseBackup(serializeBackup(await exportBackup(a, NOW), NOW));
		expect((await previewImport(b, backup, NOW)).decks[0]).toMatchObject({ updated: 0, unchanged: 3 });
		const result = await applyImport(b, backup, NOW);
		expect(result.decks[0]).toMatchObject({ updated: 0, unchanged: 3 });
		expect((await b.cards.get(paris))?.createdAt).toBe(T0);
	});

	it('suspension and burying: the later change wins, whichever device made it', async () => {
		const a = await device();
		const b = await device();
		await suspendCard(a, paris, undefined, seoulNoon('2026-11-05'));
		await suspendCard(b, ocean, undefined, seoulNoon('2026-11-04'));
		await buryCard(b, paris, 20_500, undefined, seoulNoon('2026-11-04'));
		await buryCard(b, river, 20_600, undefined, seoulNoon('2026-11-06'));
		await applyImport(a, await sent(b), NOW);
		expect(await a.cards.get(paris)).toMatchObject({ queue: Queue.suspended, statusAt: seoulNoon('2026-11-05') });
		expect((await a.cards.get(paris))?.buriedUntil).toBeUndefined();
		expect(await a.cards.get(ocean)).toMatchObject({ queue: Queue.suspended, statusAt: seoulNoon('2026-11-04') });
		expect(await a.cards.get(river)).toMatchObject({ queue: Queue.new, buriedUntil: 20_600 });
		// And the other way round, the same.
		await applyImport(b, await sent(a), NOW);
		for (const id of [paris, ocean, river]) {
			const { updatedAt: _a, ...onA } = (await a.cards.get(id))!;
			const { updatedAt: _b, ...onB } = (await b.cards.get(id))!;
			expect(onB).toEqual(onA);
		}
	});

	it('a file without progress leaves suspension alone and brings a retired card back', async () => {
		const a = await device();
		await suspendCard(a, paris, undefined, seoulNoon('2026-11-05'));
		await applyDeck(a, { deck: deckFrom(NOTE.replace('Longest river::Nile\n', ''), 'geo.md'), hash: 'h2' }, 'built-in', seoulNoon('2026-11-06'));
		expect((await a.cards.get(river))?.queue).toBe(Queue.retired);
		const result = await applyImport(a, parseBackup(JSON.stringify(deckFile([deck]))), NOW);
		expect(result.decks[0]).toMatchObject({ restored: 1 });
		expect(await a.cards.get(river)).toMatchObject({ queue: Queue.new, statusAt: NOW });
		expect((await a.cards.get(paris))?.queue).toBe(Queue.suspended);
	});

	it('a deck this device retired stays retired, and so do its cards', async () => {
		const a = await device();
		const b = await device();
		await answer(b, paris, 4, seoulNoon('2026-11-02'));
		await retireDeck(a, deck.id, seoulNoon('2026-11-03'));
		await applyImport(a, await sent(b), NOW);
		expect((await a.decks.get(deck.id))?.retired).toBe(true);
		expect((await a.cards.toArray()).every((card) => card.queue === Queue.retired)).toBe(true);
		expect(await a.reviews.count()).toBe(1);
		await expectFolded(a);
	});

	it('rows of cards neither in the file nor in the store are left out, with a warning', async () => {
		const a = open();
		const bundle: ImportBundle = {
			...emptyBundle('apkg', 'x.apkg'),
			decks: [deck],
			reviews: [stateRow({ id: 's', card: 'anki:gone', deck: deck.id, reviewedAt: T0, day: 1, after: { state: { repetitions: 1, easiness: 2.5, interval: 1, extraReview: false }, dueDay: 2 } })]
		};
		const result = await applyImport(a, bundle, NOW);
		expect(result.reviews).toEqual({ answers: 0, schedules: 0, known: 0, skipped: 1 });
		expect(result.warnings.map((warning) => warning.message)).toEqual(['1 review row belongs to a card that is neither in the file nor on this device; it was left out.']);
		expect(await a.reviews.count()).toBe(0);
	});

	it('imported scheduling (a state row) sets the card’s schedule; later answers fold from it', async () => {
		const a = open();
		const after = { state: { repetitions: 4, easiness: 2.2, interval: 30, extraReview: false }, dueDay: 20_440 };
		const bundle: ImportBundle = { ...emptyBundle('apkg', 'x.apkg'), decks: [deck], reviews: [stateRow({ id: 's', card: paris, deck: deck.id, reviewedAt: T0, day: 20_410, after })] };
		await applyImport(a, bundle, NOW);
		expect(await a.cards.get(paris)).toMatchObject({ ...after, queue: Queue.scheduled, lastReview: 's' });
		await answer(a, paris, 5, NOW);
		await expectFolded(a);
		expect((await a.cards.get(paris))?.state).toMatchObject({ repetitions: 5, interval: 69 });
	});
});

describe('applyImport of notes (source markdown)', () => {
	it('moves the history of a reworded question to its new card and retires cards gone from the note', async () => {
		const a = await device();
		await answer(a, paris, 5, seoulNoon('2026-11-02'));
		await answer(a, river, 4, seoulNoon('2026-11-02'));
		const note = NOTE.replace('What is the capital of France?', 'What is the capital city of France?').replace('Longest river::Nile\n', '');
		const edited = deckFrom(note, 'geo.md');
		const successor = edited.cards.find((card) => card.back === 'Paris')!.id;
		const result = await applyImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [edited] }, NOW);
		expect(result.decks[0]).toMatchObject({ added: 0, updated: 1, moved: 1, retired: 1, unchanged: 1 });
		expect(await a.cards.get(paris)).toBeUndefined();
		expect(await a.reviews.count()).toBe(2);
		expect(await a.reviews.where('card').equals(successor).count()).toBe(1);
		expect((await a.cards.get(river))?.queue).toBe(Queue.retired);
		await expectFolded(a);
	});

	it('a card that only moves in the note (its line, its place) is stored where it now is, but counted unchanged, not updated', async () => {
		const a = await device();
		const note = NOTE.replace('## Geography\n\n', '## Geography\n\nHighest mountain::Everest\n\n').replace(
			'Largest ocean::Pacific\n\nLongest river::Nile\n',
			'Longest river::Nile\n\nLargest ocean::Pacific\n'
		);
		const edited = deckFrom(note, 'geo.md');
		const preview = await previewImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [edited] }, NOW);
		expect(preview.decks[0]).toMatchObject({ added: 1, updated: 0, unchanged: 3, retired: 0 });
		await applyImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [edited] }, NOW);
		const lineOf = (id: string) => edited.cards.find((card) => card.id === id)!.source.line;
		expect((await a.cards.get(paris))?.source.line).toBe(lineOf(paris));
		expect((await a.cards.get(ocean))?.source.line).toBe(lineOf(ocean));
		expect(lineOf(ocean)).not.toBe(deck.cards[1]!.source.line);
		// An edited answer is still an update.
		const answered = deckFrom(note.replace('Pacific', 'the Pacific'), 'geo.md');
		expect((await previewImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [answered] }, NOW)).decks[0]).toMatchObject({ updated: 1, unchanged: 3 });
	});

	it('the preview names the cards it retires, the studied ones first and said to be studied, five at most', async () => {
		const lines = Array.from({ length: 8 }, (_, index) => `Question ${index + 1}::Answer ${index + 1}`);
		const notes = (text: string) => ({ ...emptyBundle('markdown', 'many.md'), decks: [deckFrom(text, 'many.md')] });
		const a = open();
		const first = notes(`## Many\n\n${lines.join('\n\n')}\n`);
		await applyImport(a, first, T0);
		const seventh = first.decks[0]!.cards.find((card) => card.front === 'Question 7')!.id;
		await answer(a, seventh, 4, seoulNoon('2026-11-02'));
		const preview = await previewImport(a, notes(`## Many\n\n${lines[0]}\n`), NOW);
		expect(preview.decks[0]?.retired).toBe(7);
		expect(preview.decks[0]?.retiredCards).toEqual([
			{ front: 'Question 7', studied: true },
			...['Question 2', 'Question 3', 'Question 4', 'Question 5'].map((front) => ({ front, studied: false }))
		]);
	});

	it('a note given a title (a deck of another id, cards of other ids) keeps its cards’ history; its old deck is retired', async () => {
		const a = open();
		const notes = (text: string) => ({ ...emptyBundle('markdown', 'geo.md'), decks: [deckFrom(text, 'geo.md')] });
		await applyImport(a, notes(NOTE), T0);
		await answer(a, paris, 5, seoulNoon('2026-11-02'));
		await answer(a, river, 4, seoulNoon('2026-11-02'));
		const titled = notes(`# World facts\n\n${NOTE}`);
		const [world] = titled.decks as [(typeof titled.decks)[0]];
		expect(world.id).not.toBe(deck.id);

		// The preview counts the deck's cards, which keep their history, as updated: neither new nor nothing at all.
		const preview = await previewImport(a, titled, NOW);
		expect(preview.decks).toEqual([{ id: world.id, name: 'World facts', isNew: true, added: 0, updated: 3, unchanged: 0, moved: 3, retired: 0, restored: 0, retiredCards: [] }]);
		expect(preview.renamed).toEqual([{ from: 'geo', to: 'World facts', cards: 3 }]);
		const result = await applyImport(a, titled, NOW);
		expect(result.decks).toEqual(preview.decks);
		expect(result.renamed).toEqual([{ from: 'geo', to: 'World facts', cards: 3 }]);
		expect(result.warnings.map((warning) => warning.message)).toEqual([]);
		expect(await a.decks.get(deck.id)).toMatchObject({ retired: true });
		expect(await a.cards.get(paris)).toBeUndefined();
		const successor = world.cards.find((card) => card.back === 'Paris')!.id;
		expect(await a.reviews.where('card').equals(successor).count()).toBe(1);
		expect(await a.reviews.count()).toBe(2);
		expect((await cardsInDeck(a, world.id).toArray()).map((card) => card.queue).sort()).toEqual([Queue.new, Queue.scheduled, Queue.scheduled]);
		await expectFolded(a);

		const before = await tableChecksums(a);
		await applyImport(a, notes(`# World facts\n\n${NOTE}`), NOW + 1000);
		expect(await tableChecksums(a)).toEqual(before);
	});

	it('another note that only shares the file’s name leaves the deck made from the first alone', async () => {
		const a = open();
		await applyImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [deckFrom(NOTE, 'geo.md')] }, T0);
		await answer(a, paris, 5, seoulNoon('2026-11-02'));
		const recipes = deckFrom('# Recipes\n\nKimchi::Napa cabbage\n\nBibimbap::Rice and vegetables\n', 'geo.md');
		const result = await applyImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [recipes] }, NOW);
		expect(result.decks).toEqual([expect.objectContaining({ id: recipes.id, added: 2, moved: 0, retired: 0 })]);
		expect(result.renamed).toEqual([]);
		expect(await a.decks.get(deck.id)).toMatchObject({ retired: false });
		expect((await cardsInDeck(a, deck.id).toArray()).every((card) => card.queue !== Queue.retired)).toBe(true);
		expect((await a.cards.get(paris))?.lastReview).toBeDefined();
	});

	it('a built-in deck whose note was given a title keeps its cards’ history too', async () => {
		const a = await device();
		await answer(a, ocean, 4, seoulNoon('2026-11-02'));
		const titled = deckFrom(`# World facts\n\n${NOTE}`, 'geo.md');
		const result = await applyDeck(a, { deck: titled, hash: 'h2' }, 'built-in', NOW);
		expect(result).toMatchObject({ deck: titled.id, moved: 3, added: 0 });
		const successor = titled.cards.find((card) => card.back === 'Pacific')!.id;
		expect((await a.cards.get(successor))?.queue).toBe(Queue.scheduled);
		expect(await a.decks.get(deck.id)).toMatchObject({ retired: true });
		await expectFolded(a);
	});
});

describe('a built-in deck’s note imported before the deck was stored', () => {
	it('makes the deck as an import, which the next sync of the built-in decks makes built-in again, cards and history kept', async () => {
		const db = open();
		// A first visit stores no built-in deck until a page needs it: the note imported now makes it.
		const result = await applyImport(db, { ...emptyBundle('markdown', SEED_FILE), decks: [AWS] }, T0);
		expect(result.decks).toEqual([expect.objectContaining({ id: AWS.id, isNew: true, added: AWS.cards.length })]);
		expect(await db.decks.get(AWS.id)).toMatchObject({ origin: 'import' });
		await answer(db, AWS.cards[0]!.id, 4, seoulNoon('2026-11-02'));

		await syncBuiltInDecks(db, [{ id: AWS.id, hash: 'built', load: async () => AWS }], NOW);
		expect(await db.decks.get(AWS.id)).toMatchObject({ origin: 'built-in', hash: 'built', retired: false });
		expect(await db.cards.count()).toBe(AWS.cards.length);
		expect(await db.reviews.count()).toBe(1);
		// A later build's edit of the note still reaches the deck.
		const edited = deckFrom(SEED.replace(/\n$/, '\n\n## More\n\nA new question::Its answer\n'), SEED_FILE);
		await syncBuiltInDecks(db, [{ id: AWS.id, hash: 'built-2', load: async () => edited }], NOW + 1000);
		expect(await db.decks.get(AWS.id)).toMatchObject({ origin: 'built-in', hash: 'built-2' });
		expect(await cardsInDeck(db, AWS.id).count()).toBe(edited.cards.length);
	});
});

describe('applyImport: a deck exported from the app and imported back', () => {
	// QA's file: six rows, with a comma, quotes, a line break and Hangul in its fields.
	const VOCAB = [
		'front,back,tags',
		'"apple","사과",fruit',
		'"banana, ripe","바나나 (익은)",fruit',
		'"multi\nline front","back with ""quotes""",misc',
		'"안녕하세요","Hello (formal)",korean greeting',
		'"a long front that goes on and on","short",long',
		'"Supercalifragilisticexpialidocious","long word",long'
	].join('\n');
	const bytes = (text: string) => new TextEncoder().encode(text);

	/** What the import page does with a file on `now`: a table mapped as suggested, into the deck it names (else the file's name), or a bundle. */
	async function read(name: string, data: Uint8Array, now = NOW): Promise<ImportBundle> {
		const file = await readImportFiles([{ name, bytes: data }], { loadSql, dayOptions: DAY_OPTIONS, now });
		if (file.kind === 'bundle') return file.bundle;
		return delimitedToBundle(file.table, file.table.suggested, { deckName: file.table.deckName ?? name.replace(/\.[^.]+$/, ''), fileName: name });
	}

	/** The deck page's exports at `at`: CSV for Anki or for spreadsheets, and the Anki package with progress, rendered as the export worker renders it. */
	async function exported(db: RecallDatabase, deckId: string, format: 'csv' | 'spreadsheet' | 'apkg', at = NOW): Promise<Uint8Array> {
		if (format !== 'apkg') return bytes(deckToDelimited(await exportDeck(db, deckId, { withProgress: false }), deckId, ',', { ankiHeaders: format === 'csv', renderSide: cardSideExportHtml }));
		return writeAnkiPackage(await exportDeck(db, deckId, { withProgress: true }), {
			sql: await loadSql(),
			now: at,
			dayOptions: DAY_OPTIONS,
			renderSide: cardSideExportHtml
		});
	}

	async function vocabDevice(): Promise<RecallDatabase> {
		const db = open();
		const result = await applyImport(db, await read('vocab.csv', bytes(VOCAB)), T0);
		expect(result.decks).toEqual([expect.objectContaining({ id: 'vocab', added: 6 })]);
		return db;
	}

	for (const format of ['csv', 'apkg'] as const) {
		it(`a ${format} export of an imported table: every card unchanged, and importing it writes nothing`, async () => {
			const db = await vocabDevice();
			const [first, second] = (await db.cards.toArray()).map((card) => card.id) as [string, string];
			await suspendCard(db, first, undefined, seoulNoon('2026-11-02'));
			// Buried until tomorrow, as the study screen buries.
			await buryCard(db, second, studyDay(NOW, DAY_OPTIONS) + 1, undefined, NOW - 3_600_000);
			const file = await exported(db, 'vocab', format);
			const before = await tableChecksums(db);
			const bundle = await read(`export-${format}-vocab 2026-12-01.${format}`, file);
			expect(bundle.decks.map((deck) => deck.cards.length)).toEqual([6]);

			const preview = await previewImport(db, bundle, NOW);
			expect(preview.decks).toEqual([{ id: 'vocab', name: 'vocab', isNew: false, added: 0, updated: 0, unchanged: 6, moved: 0, retired: 0, restored: 0, retiredCards: [] }]);
			await applyImport(db, bundle, NOW);
			expect(await tableChecksums(db)).toEqual(before);
			expect((await db.cards.toArray()).map((card) => card.source.file)).toEqual(new Array(6).fill('vocab.csv'));
		});
	}

	/** Each table (CSV text) of the two cards of `deckId`, imported in turn: both cards unchanged, nothing written. */
	async function expectTablesChangeNothing(db: RecallDatabase, deckId: string, tables: string[]): Promise<void> {
		const before = await tableChecksums(db);
		for (const text of tables) {
			const rows = await read(`${deckId}.csv`, bytes(text));
			const preview = await previewImport(db, rows, NOW);
			expect(preview.decks).toEqual([expect.objectContaining({ id: deckId, added: 0, updated: 0, unchanged: 2 })]);
			await applyImport(db, rows, NOW);
			expect(await tableChecksums(db)).toEqual(before);
		}
	}

	it('a CSV for Anki names two sound files of one name as the deck’s Anki package does (word.mp3, word-2.mp3), and imports back unchanged', async () => {
		const db = open();
		const [one, two] = [`word.${'a'.repeat(64)}.mp3`, `word.${'b'.repeat(64)}.mp3`];
		const base = deckFrom('## X\n\nq::a\n', 'x.md').cards[0]!;
		const cards = [
			{ ...base, id: 'anki:1', deck: 'listen', front: `bank [sound:${one}]`, back: '은행', format: 'html' as const },
			{ ...base, id: 'anki:2', deck: 'listen', front: `bank account [sound:${two}]`, back: '계좌', format: 'html' as const }
		];
		const media = [one, two].map((name, index) => ({ name, type: 'audio/mpeg', bytes: new Uint8Array([index]) }));
		await applyImport(db, { ...emptyBundle('apkg', 'listen.apkg'), decks: [{ id: 'listen', name: 'Listen', tags: [], cards }], media }, T0);

		const soundsByFront = (fronts: string[]) => Object.fromEntries(fronts.map((front) => [front.replace(/\s*\[sound:[^\]]*\]/, ''), /\[sound:([^\]]+)\]/.exec(front)?.[1]]));
		const csv = new TextDecoder().decode(await exported(db, 'listen', 'csv'));
		const table = await read('Listen.csv', bytes(csv));
		const tableSounds = soundsByFront(table.decks[0]!.cards.map((card) => card.front));
		expect(tableSounds).toEqual({ bank: 'word.mp3', 'bank account': 'word-2.mp3' });
		const apkg = await openPackage(await exported(db, 'listen', 'apkg'));
		expect(soundsByFront(apkg.notes.map((note) => fieldsOf(note)[0]!))).toEqual(tableSounds);

		// So does a table written before, which named both word.mp3.
		await expectTablesChangeNothing(db, 'listen', [csv, csv.replace('word-2.mp3', 'word.mp3')]);
	});

	it('a CSV for Anki names two images whose names differ only in case as the deck’s Anki package does (Map.png, map-2.png), and imports back unchanged', async () => {
		const db = open();
		const note = '# Maps\n\n- **Seoul**: the capital ![the city](images/Map.png)\n- **Busan**: a port ![the port](images/map.png)\n';
		const [upper, lower] = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5, 6])];
		const zip = zipSync({ 'maps.md': bytes(note), 'images/Map.png': upper, 'images/map.png': lower });
		await applyImport(db, await read('maps.zip', zip), T0);
		expect((await db.media.toCollection().primaryKeys()).sort()).toEqual(['maps/images/Map.png', 'maps/images/map.png']);

		const imagesByFront = (rows: { front: string; back: string }[]) =>
			Object.fromEntries(rows.map((row) => [row.front.replace(/<[^>]+>/g, '').trim(), /<img src="([^"]+)"/.exec(row.back)?.[1]]));
		const csv = new TextDecoder().decode(await exported(db, 'maps', 'csv'));
		const table = await read('Maps.csv', bytes(csv));
		const tableImages = imagesByFront(table.decks[0]!.cards);
		expect(tableImages).toEqual({ Seoul: 'maps_images_Map.png', Busan: 'maps_images_map-2.png' });
		// The package names them so, and carries each file under that name.
		const apkg = await openPackage(await exported(db, 'maps', 'apkg'));
		expect(imagesByFront(apkg.notes.map((note) => ({ front: fieldsOf(note)[0]!, back: fieldsOf(note)[1]! })))).toEqual(tableImages);
		const files = new Map(Object.entries(apkg.media).map(([entry, name]) => [name, apkg.files.get(entry)]));
		expect([files.get('maps_images_Map.png'), files.get('maps_images_map-2.png')]).toEqual([upper, lower]);

		// So does a table written before, which named them one at a time.
		await expectTablesChangeNothing(db, 'maps', [csv, csv.replace('maps_images_map-2.png', 'maps_images_map.png')]);
	});

	it('a studied deck’s CSV leaves its history and schedules alone', async () => {
		const db = await vocabDevice();
		await answer(db, (await db.cards.toArray())[0]!.id, 4, seoulNoon('2026-11-02'));
		const before = await tableChecksums(db);
		const result = await applyImport(db, await read('vocab (1).csv', await exported(db, 'vocab', 'csv')), NOW);
		expect(result.decks).toEqual([expect.objectContaining({ added: 0, updated: 0, unchanged: 6 })]);
		expect(await tableChecksums(db)).toEqual(before);
	});

	/** A device that imported the Anki package `name` of tests/fixtures/anki on T0 and answered the first card of `deckId`. */
	async function ankiDevice(name: string, deckId: string): Promise<RecallDatabase> {
		const db = open();
		await applyImport(db, await read(name, new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/anki/${name}`, import.meta.url))))), T0);
		const [first] = (await cardsInDeck(db, deckId).sortBy('order')) as [CardRecord];
		await answer(db, first.id, 4, seoulNoon('2026-11-02'));
		return db;
	}

	/** Exports `deckId` as CSV and imports it back: the preview says every card is unchanged, and nothing is written. */
	async function csvRoundTrip(db: RecallDatabase, deckId: string, name: string): Promise<void> {
		const cards = await cardsInDeck(db, deckId).count();
		const decks = await db.decks.count();
		const before = await tableChecksums(db);
		const bundle = await read(`${name} 2026-12-01.csv`, await exported(db, deckId, 'csv'));
		expect(bundle.decks.map((deck) => deck.name)).toEqual([name]);
		const preview = await previewImport(db, bundle, NOW);
		expect(preview.decks).toEqual([{ id: deckId, name, isNew: false, added: 0, updated: 0, unchanged: cards, moved: 0, retired: 0, restored: 0, retiredCards: [] }]);
		await applyImport(db, bundle, NOW);
		expect(await tableChecksums(db)).toEqual(before);
		expect(await db.decks.count()).toBe(decks);
	}

	it('an Anki package’s deck (id anki-…, not its name’s) exported as CSV and imported back: the same deck, every card unchanged, its history kept', async () => {
		const db = await ankiDevice('gov-vocab-schema11.apkg', 'anki-gov-vocab');
		await csvRoundTrip(db, 'anki-gov-vocab', 'Gov Vocab');
		expect(await db.reviews.count()).toBe(1);
	});

	it('an Anki sub-deck (Parent::Child) exported as CSV and imported back: the same sub-deck', async () => {
		const db = open();
		await applyImport(db, await read('music.apkg', new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/anki/music-intervals-anki21b.apkg', import.meta.url))))), T0);
		const sub = (await db.decks.toArray()).find((deck) => deck.name.startsWith('Music Intervals::2/'))!;
		await csvRoundTrip(db, sub.id, sub.name);
	});

	it('a renamed deck (an Anki package’s, a table’s) exported as CSV and imported back: the same deck, under its new name', async () => {
		const db = await ankiDevice('gov-vocab-schema11.apkg', 'anki-gov-vocab');
		await renameDeck(db, 'anki-gov-vocab', 'Civics', T0 + 1000);
		await csvRoundTrip(db, 'anki-gov-vocab', 'Civics');
		const table = await vocabDevice();
		await renameDeck(table, 'vocab', 'Words', T0 + 1000);
		await csvRoundTrip(table, 'vocab', 'Words');
	});

	it('a deck renamed after its CSV was exported is found by the deck id the file carries: the same deck, every card unchanged', async () => {
		const expectSameDeck = async (db: RecallDatabase, file: Uint8Array, deckId: string, name: string) => {
			const before = await tableChecksums(db);
			const decks = await db.decks.count();
			const bundle = await read('export.csv', file);
			// Its `#recall deck id:` line is one the reader knows (Anki passes over it).
			expect(bundle.warnings).toEqual([]);
			const preview = await previewImport(db, bundle, NOW);
			expect(preview.decks).toEqual([{ id: deckId, name, isNew: false, added: 0, updated: 0, unchanged: await cardsInDeck(db, deckId).count(), moved: 0, retired: 0, restored: 0, retiredCards: [] }]);
			await applyImport(db, bundle, NOW);
			expect(await tableChecksums(db)).toEqual(before);
			expect(await db.decks.count()).toBe(decks);
		};
		// An Anki package's deck (id anki-…), exported as "Gov Vocab", then renamed.
		const anki = await ankiDevice('gov-vocab-schema11.apkg', 'anki-gov-vocab');
		const ankiFile = await exported(anki, 'anki-gov-vocab', 'csv');
		await renameDeck(anki, 'anki-gov-vocab', 'Civics', T0 + 1000);
		await expectSameDeck(anki, ankiFile, 'anki-gov-vocab', 'Civics');
		// A table's deck renamed, exported, and renamed again: its id is neither name's.
		const table = await vocabDevice();
		await renameDeck(table, 'vocab', 'Words', T0 + 1000);
		const tableFile = await exported(table, 'vocab', 'csv');
		await renameDeck(table, 'vocab', 'Lexicon', T0 + 2000);
		await expectSameDeck(table, tableFile, 'vocab', 'Lexicon');

		// Another name typed in the preview is the learner's choice of deck: a new one.
		const chosen = await readImportFiles([{ name: 'export.csv', bytes: tableFile }], { loadSql, dayOptions: DAY_OPTIONS, now: NOW });
		if (chosen.kind !== 'table') throw new Error('not a table');
		const elsewhere = delimitedToBundle(chosen.table, chosen.table.suggested, { deckName: 'Elsewhere', fileName: 'export.csv' });
		expect((await previewImport(table, elsewhere, NOW)).decks).toEqual([expect.objectContaining({ id: 'elsewhere', isNew: true, added: 6 })]);
	});

	it('rows a table adds to a deck of another id take their ids from that deck: a card deleted stays deleted when the file comes again under the deck’s new name', async () => {
		const db = await ankiDevice('gov-vocab-schema11.apkg', 'anki-gov-vocab');
		const csv = (deck: string) => read('more.csv', bytes(`#separator:comma\n#deck:${deck}\nfront,back\nA word no test deck has,its meaning\n`));
		expect((await applyImport(db, await csv('Gov Vocab'), NOW)).decks).toEqual([expect.objectContaining({ id: 'anki-gov-vocab', added: 1 })]);
		const added = (await cardsInDeck(db, 'anki-gov-vocab').filter((card) => card.back === 'its meaning').first())!;
		await deleteCards(db, [added.id], NOW + 1000);
		await renameDeck(db, 'anki-gov-vocab', 'Civics', NOW + 2000);
		const cards = await db.cards.count();
		expect((await applyImport(db, await csv('Civics'), NOW + 3000)).decks).toEqual([expect.objectContaining({ id: 'anki-gov-vocab', added: 0 })]);
		expect(await db.cards.count()).toBe(cards);
		expect(await db.cards.get(added.id)).toMatchObject({ deletedAt: NOW + 1000, queue: Queue.retired });
	});

	it('a table that names a deck the store has under another id adds its new rows to that deck; a deleted one comes back, a retired one is left alone', async () => {
		const db = await ankiDevice('gov-vocab-schema11.apkg', 'anki-gov-vocab');
		const csv = (deck: string) => read('more.csv', bytes(`#separator:comma\n#deck:${deck}\nfront,back\nA word no test deck has,its meaning\n`));
		const result = await applyImport(db, await csv('gov vocab'), NOW);
		expect(result.decks).toEqual([expect.objectContaining({ id: 'anki-gov-vocab', name: 'Gov Vocab', isNew: false, added: 1, updated: 0 })]);
		expect(await db.decks.toArray()).toEqual([expect.objectContaining({ id: 'anki-gov-vocab', name: 'Gov Vocab' })]);

		const deleted = await ankiDevice('gov-vocab-schema11.apkg', 'anki-gov-vocab');
		await deleteDeck(deleted, 'anki-gov-vocab', NOW);
		expect((await applyImport(deleted, await csv('Gov Vocab'), NOW + 1000)).decks).toEqual([expect.objectContaining({ id: 'anki-gov-vocab', isNew: false, added: 1 })]);
		expect(await deleted.decks.get('anki-gov-vocab')).not.toHaveProperty('deletedAt');
		expect(await deleted.decks.get('anki-gov-vocab')).toMatchObject({ retired: false });

		await retireDeck(db, 'anki-gov-vocab', NOW);
		expect((await applyImport(db, await csv('Gov Vocab'), NOW + 1000)).decks).toEqual([expect.objectContaining({ id: 'gov-vocab', isNew: true })]);
	});

	it('an Anki package that says otherwise about a card’s status wins when its clock (the card’s mod) is later', async () => {
		const db = await vocabDevice();
		const [first] = (await db.cards.toArray()).map((card) => card.id) as [string];
		const older = await exported(db, 'vocab', 'apkg', seoulNoon('2026-11-01', 13));
		// Written after the suspension below, as Anki writes a card changed there since.
		const newer = await exported(db, 'vocab', 'apkg', NOW);
		await suspendCard(db, first, undefined, seoulNoon('2026-11-02'));

		expect((await applyImport(db, await read('older.apkg', older), NOW)).decks).toEqual([expect.objectContaining({ updated: 0, unchanged: 6 })]);
		expect(await db.cards.get(first)).toMatchObject({ queue: Queue.suspended, statusAt: seoulNoon('2026-11-02') });
		expect((await applyImport(db, await read('newer.apkg', newer), NOW)).decks).toEqual([expect.objectContaining({ updated: 1, unchanged: 5 })]);
		expect(await db.cards.get(first)).toMatchObject({ queue: Queue.new, statusAt: NOW });
	});

	/**
	 * The vocab deck studied over a few weeks: lapses, failing grades 0 and 2
	 * (Anki's one Again button), a same-day repeat still pending, a card left
	 * failed, one new card; and three cards answered in one millisecond, whose
	 * revlog ids the export moves 1 and 2 ms later to keep them apart.
	 */
	const SAME_MS = seoulNoon('2026-11-02');
	async function studiedVocab(): Promise<{ db: RecallDatabase; ids: string[] }> {
		const db = await vocabDevice();
		const ids = (await db.cards.toArray()).sort((x, y) => x.order - y.order).map((card) => card.id);
		const [a, b, c, d, e] = ids as [string, string, string, string, string];
		await answer(db, a, 5, SAME_MS);
		await answer(db, b, 4, SAME_MS);
		await answer(db, c, 0, SAME_MS);
		await answer(db, a, 4, seoulNoon('2026-11-03'));
		await answer(db, c, 2, seoulNoon('2026-11-03'));
		await answer(db, c, 5, seoulNoon('2026-11-03', 13));
		await answer(db, b, 4, seoulNoon('2026-11-03'));
		await answer(db, a, 1, seoulNoon('2026-11-09'));
		await answer(db, a, 4, seoulNoon('2026-11-09', 13));
		await answer(db, b, 1, seoulNoon('2026-11-09'));
		await answer(db, b, 3, seoulNoon('2026-11-09', 14));
		await answer(db, d, 5, seoulNoon('2026-11-20'));
		await answer(db, d, 1, seoulNoon('2026-11-26'));
		await answer(db, e, 3, seoulNoon('2026-12-01', 9));
		return { db, ids };
	}

	/** What the statistics count: the answers in the day tallies, and the answer rows. */
	async function answerCounts(db: RecallDatabase): Promise<{ tallied: number; rows: number }> {
		const stats = await loadStats(db, ALL_DECKS, studyDay(NOW, DAY_OPTIONS) + 30);
		return { tallied: stats.days.reduce((sum, day) => sum + day.answers, 0), rows: (await db.reviews.toArray()).filter(isAnswer).length };
	}

	it('a studied deck’s .apkg imported back adds no answer and leaves every card, row and tally as it is', async () => {
		const { db } = await studiedVocab();
		const counts = await answerCounts(db);
		expect(counts).toEqual({ tallied: 14, rows: 14 });
		const bundle = await read('vocab.apkg', await exported(db, 'vocab', 'apkg'));
		// The package does carry the export's nudged ids, each answer under a new row id, and a state row per studied card.
		expect(bundle.reviews.filter((row) => row.kind !== 'set').map((row) => row.reviewedAt - SAME_MS).filter((offset) => offset >= 0 && offset < 10).sort()).toEqual([0, 1, 2]);
		expect(bundle.reviews.filter(isAnswer)).toHaveLength(14);
		expect(bundle.reviews.filter((row) => row.kind === 'set')).toHaveLength(5);

		for (const target of [db, await restored(db)]) {
			const before = await tableChecksums(target);
			const preview = await previewImport(target, bundle, NOW);
			expect(preview.decks).toEqual([expect.objectContaining({ id: 'vocab', added: 0, updated: 0, unchanged: 6 })]);
			expect(preview.reviews).toEqual({ answers: 0, schedules: 0, known: 19, skipped: 0 });
			await applyImport(target, bundle, NOW);
			expect(await tableChecksums(target)).toEqual(before);
			expect(await answerCounts(target)).toEqual(counts);
		}
		// And a second trip, a day later, still adds nothing.
		const later = NOW + 86_400_000;
		const before = await tableChecksums(db);
		await applyImport(db, await read('vocab (1).apkg', await exported(db, 'vocab', 'apkg', later), later), later);
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('a studied deck’s .apkg and its backup with progress, imported in either order, store each answer once: the same rows, tallies and schedules', async () => {
		const { db } = await studiedVocab();
		const counts = await answerCounts(db);
		const apkg = await read('vocab.apkg', await exported(db, 'vocab', 'apkg'));
		const backup = parseBackup(serializeBackup(await exportDeck(db, 'vocab', { withProgress: true }), NOW));
		const schedules = async (target: RecallDatabase) => (await target.cards.toArray()).map((card) => ({ id: card.id, state: card.state, dueDay: card.dueDay, lastReview: card.lastReview })).sort((x, y) => (x.id < y.id ? -1 : 1));
		const ends: { rows: Record<string, string[]>; schedules: unknown }[] = [];
		for (const order of [[apkg, backup], [backup, apkg]]) {
			const target = open();
			await applyImport(target, order[0]!, NOW);
			const second = await previewImport(target, order[1]!, NOW);
			expect(second.reviews).toMatchObject({ answers: 0, schedules: 0 });
			await applyImport(target, order[1]!, NOW);
			expect(await answerCounts(target)).toEqual(counts);
			await expectFolded(target);
			ends.push({ rows: await tableRows(target, ['reviews', 'days']), schedules: await schedules(target) });
		}
		expect(ends[0]).toEqual(ends[1]);
		// The backup's rows are the original answers, ids and all, and the schedules those of the device they came from.
		expect(ends[0]!.rows.reviews).toEqual((await tableRows(db, ['reviews'])).reviews);
		expect(ends[0]!.schedules).toEqual(await schedules(db));
	});

	it('a card whose answers alone do not replay to its schedule (reset, then failed or studied again) round-trips unchanged days later', async () => {
		const db = await vocabDevice();
		const [a, b] = (await db.cards.toArray()).sort((x, y) => x.order - y.order).map((card) => card.id) as [string, string];
		for (const id of [a, b]) await answer(db, id, 5, seoulNoon('2026-11-02'));
		await answer(db, a, 4, seoulNoon('2026-11-03'));
		await resetCards(db, [a, b], { now: seoulNoon('2026-11-05'), dayOptions: DAY_OPTIONS });
		await answer(db, a, 1, seoulNoon('2026-11-06'));
		await answer(db, b, 4, seoulNoon('2026-11-06'));
		// a is failed (due on the 6th, and still), b is one day into its run again.
		expect((await db.cards.get(a))?.dueDay).toBe(studyDay(seoulNoon('2026-11-06'), DAY_OPTIONS));
		const later = NOW + 3 * 86_400_000;
		const bundle = await read('vocab.apkg', await exported(db, 'vocab', 'apkg'), later);
		const before = await tableChecksums(db);
		const result = await applyImport(db, bundle, later);
		expect(result.reviews).toMatchObject({ answers: 0, schedules: 0 });
		expect(result.decks).toEqual([expect.objectContaining({ updated: 0, unchanged: 6 })]);
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('a card buried for days comes back from the .apkg buried until the same day', async () => {
		const db = await vocabDevice();
		const [first] = (await db.cards.toArray()).map((card) => card.id) as [string];
		await answer(db, first, 4, seoulNoon('2026-11-20'));
		await buryCard(db, first, studyDay(NOW, DAY_OPTIONS) + 3, undefined, NOW - 3_600_000);
		const before = await tableChecksums(db);
		const bundle = await read('vocab.apkg', await exported(db, 'vocab', 'apkg'));
		expect(bundle.progress[first]?.buriedUntil).toBe(studyDay(NOW, DAY_OPTIONS) + 3);
		expect((await applyImport(db, bundle, NOW)).decks).toEqual([expect.objectContaining({ updated: 0, unchanged: 6 })]);
		expect(await tableChecksums(db)).toEqual(before);
	});

	/** Another device that restored the first one's backup: the same cards and history. */
	async function restored(db: RecallDatabase): Promise<RecallDatabase> {
		const other = open();
		await applyImport(other, parseBackup(serializeBackup(await exportBackup(db, NOW), NOW)), NOW);
		return other;
	}

	/**
	 * The package as Anki writes it back after one more answer: a revlog row
	 * for it, and the card's columns moved to the schedule Anki gave.
	 */
	async function answeredInAnki(file: Uint8Array, cardId: string, answer: { at: number; ease: number; ivl: number; factor: number }): Promise<Uint8Array> {
		return changedInAnki(file, (collection) => {
			const crt = Number(collection.exec('SELECT crt FROM col')[0]!.values[0]![0]);
			const [id, ivl] = collection.exec(`SELECT c.id, c.ivl FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = '${exportGuid(cardId)}'`)[0]!.values[0] as [number, number];
			const due = studyDay(answer.at, DAY_OPTIONS) + answer.ivl - studyDay(crt * 1000, DAY_OPTIONS);
			collection.run('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, 4000, 1)', [answer.at, id, answer.ease, answer.ivl, ivl, answer.factor]);
			collection.run('UPDATE cards SET mod = ?, type = 2, queue = 2, due = ?, ivl = ?, factor = ?, reps = reps + 1 WHERE id = ?', [Math.floor(answer.at / 1000), due, answer.ivl, answer.factor, id]);
		});
	}

	for (const anki of ['agrees with SM-2', 'gives its own interval'] as const) {
		it(`the same package studied further in Anki adds that answer and refolds the card (Anki ${anki})`, async () => {
			const { db, ids } = await studiedVocab();
			const a = ids[0] as string;
			const card = (await db.cards.get(a))!;
			const at = seoulNoon('2026-12-02');
			const later = seoulNoon('2026-12-03');
			// Good on a card 1 day into its second run: SM-2 gives 6 days, EF as it was.
			const good = sm2(card.state, 4);
			expect(good.interval).toBe(6);
			const ivl = anki === 'agrees with SM-2' ? good.interval : 9;
			const file = await answeredInAnki(await exported(db, 'vocab', 'apkg'), a, { at, ease: 3, ivl, factor: good.easiness * 1000 });
			const bundle = await read('vocab from anki.apkg', file, later);
			const others = (await db.cards.toArray()).filter((other) => other.id !== a);
			const rows = await db.reviews.count();
			const counts = await answerCounts(db);

			const result = await applyImport(db, bundle, later);
			// Anki's schedule for the card is news only where SM-2 would not have made it: then its state row comes too,
			// which the summary counts apart from the one answer (a learner reads "answers" as grades given).
			const schedules = anki === 'agrees with SM-2' ? 0 : 1;
			const added = 1 + schedules;
			expect(result.reviews).toEqual({ answers: 1, schedules, known: 19 + 1 - added, skipped: 0 });
			expect(result.decks).toEqual([expect.objectContaining({ updated: 1, unchanged: 5 })]);
			expect(await db.reviews.count()).toBe(rows + added);
			expect(await answerCounts(db)).toEqual({ tallied: counts.tallied + 1, rows: counts.rows + 1 });
			expect(await db.reviews.get(`${a}-review-${at}`)).toMatchObject({ card: a, grade: 4, reviewedAt: at });
			const dueDay = studyDay(at, DAY_OPTIONS) + ivl;
			const state = anki === 'agrees with SM-2' ? good : { ...good, interval: 9, repetitions: expect.any(Number) };
			expect(await db.cards.get(a)).toMatchObject({ state, dueDay, queue: Queue.scheduled, lastReview: anki === 'agrees with SM-2' ? `${a}-review-${at}` : expect.stringMatching(/^anki-import-/) });
			await expectFolded(db);
			for (const other of others) expect(await db.cards.get(other.id)).toEqual(other);
		});
	}

	it('a card the export brings with other text is updated, and still cites the file it came from', async () => {
		const db = await vocabDevice();
		const apple = (await db.cards.toArray()).find((card) => card.front === 'apple')!;
		const csv = new TextDecoder().decode(await exported(db, 'vocab', 'csv')).replace('apple,사과', 'apple,사과 (과일)');
		const result = await applyImport(db, await read('copy.csv', bytes(`${csv}kiwi,키위,fruit\n`)), NOW);
		expect(result.decks).toEqual([expect.objectContaining({ added: 1, updated: 1, unchanged: 5 })]);
		expect(await db.cards.get(apple.id)).toMatchObject({ back: '사과 (과일)', source: apple.source, updatedAt: NOW });
		expect((await db.cards.toArray()).find((card) => card.front === 'kiwi')?.source).toEqual({ file: 'copy.csv', line: 14 });
		expect((await db.decks.get('vocab'))?.source).toBe('vocab.csv');
	});

	it('a note’s cards brought back from an .apkg still name their note, for card info and “edit the note”, and keep its Markdown', async () => {
		const a = open();
		await applyImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [deckFrom(NOTE, 'geo.md')] }, T0);
		const before = await a.cards.toArray();
		// The package keeps the cards' ids; their text comes back as Anki's HTML, which the note's cards do not take.
		const bundle = await read('geo.apkg', await exported(a, deck.id, 'apkg'));
		expect(bundle.decks[0]?.cards.map((card) => card.format)).toEqual(['html', 'html', 'html']);
		const result = await applyImport(a, bundle, NOW);
		expect(result.decks).toEqual([expect.objectContaining({ id: deck.id, added: 0, updated: 0, unchanged: 3 })]);
		expect((await a.decks.get(deck.id))?.source).toBe('geo.md');
		expect(await a.cards.toArray()).toEqual(before);
	});

	/** A device with the built-in deck of decks/AWS-기초.md, as the app syncs it (deck `aws-기초`, 22 cards). */
	async function awsDevice(): Promise<RecallDatabase> {
		const db = open();
		await applyDeck(db, { deck: AWS, hash: 'h1' }, 'built-in', T0);
		expect(await db.cards.count()).toBe(22);
		return db;
	}

	/** The AWS deck studied: answers on three cards (one failed, one twice), one card suspended. */
	async function studiedAws(): Promise<{ db: RecallDatabase; ids: string[] }> {
		const db = await awsDevice();
		const ids = AWS.cards.map((card) => card.id);
		const [a, b, c, d] = ids as [string, string, string, string];
		await answer(db, a, 4, seoulNoon('2026-11-02'));
		await answer(db, a, 5, seoulNoon('2026-11-03'));
		await answer(db, b, 1, seoulNoon('2026-11-02'));
		await answer(db, c, 3, seoulNoon('2026-11-20'));
		await suspendCard(db, d, undefined, seoulNoon('2026-11-21'));
		return { db, ids };
	}

	it('a studied note’s deck (the built-in AWS deck) exported as .apkg and imported back: every card unchanged, still its note’s Markdown, nothing written', async () => {
		const { db } = await studiedAws();
		const counts = await answerCounts(db);
		expect(counts.rows).toBe(4);
		const bundle = await read('AWS 기초.apkg', await exported(db, AWS.id, 'apkg'));
		expect(bundle.decks.map((deck) => [deck.id, deck.cards.length, deck.cards.every((card) => card.format === 'html')])).toEqual([[AWS.id, 22, true]]);
		for (const target of [db, await restored(db)]) {
			const before = await tableChecksums(target);
			const preview = await previewImport(target, bundle, NOW);
			expect(preview.decks).toEqual([{ id: AWS.id, name: AWS.name, isNew: false, added: 0, updated: 0, unchanged: 22, moved: 0, retired: 0, restored: 0, retiredCards: [] }]);
			expect(preview.reviews).toMatchObject({ answers: 0, schedules: 0 });
			await applyImport(target, bundle, NOW);
			expect(await tableChecksums(target)).toEqual(before);
			expect(await answerCounts(target)).toEqual(counts);
		}
	});

	it('a note’s card answered further in Anki takes that answer and its schedule from the package, and its content still from the note', async () => {
		const { db, ids } = await studiedAws();
		const a = ids[0] as string;
		const card = (await db.cards.get(a))!;
		const at = seoulNoon('2026-12-02');
		const good = sm2(card.state, 4);
		const file = await answeredInAnki(await exported(db, AWS.id, 'apkg'), a, { at, ease: 3, ivl: good.interval, factor: good.easiness * 1000 });
		const others = (await db.cards.toArray()).filter((other) => other.id !== a);
		const result = await applyImport(db, await read('AWS from anki.apkg', file, NOW), NOW);
		expect(result.decks).toEqual([expect.objectContaining({ added: 0, updated: 1, unchanged: 21 })]);
		expect(result.reviews).toMatchObject({ answers: 1, schedules: 0 });
		expect(await db.cards.get(a)).toEqual({ ...card, state: good, dueDay: studyDay(at, DAY_OPTIONS) + good.interval, lastReview: `${a}-review-${at}`, updatedAt: NOW });
		for (const other of others) expect(await db.cards.get(other.id)).toEqual(other);
		await expectFolded(db);
	});

	it('a studied note’s deck (the built-in AWS deck) exported as CSV and imported back: each row is the card of its front, nothing added or written', async () => {
		const { db } = await studiedAws();
		const counts = await answerCounts(db);
		const file = await exported(db, AWS.id, 'csv');
		expect(new TextDecoder().decode(file)).toContain('#html:true');
		const bundle = await read('AWS 기초.csv', file);
		// The rows' ids are a table's, made of deck and front: none is a note card's id.
		expect(bundle.decks.map((deck) => [deck.id, deck.cards.length, deck.cards.every((card) => card.id.startsWith('csv:'))])).toEqual([[AWS.id, 22, true]]);
		const before = await tableChecksums(db);
		const preview = await previewImport(db, bundle, NOW);
		expect(preview.decks).toEqual([{ id: AWS.id, name: AWS.name, isNew: false, added: 0, updated: 0, unchanged: 22, moved: 0, retired: 0, restored: 0, retiredCards: [] }]);
		// Two pairs of its cards share a front (S3 and EC2, asked under two headings): the back tells them apart.
		expect(preview.warnings.map((warning) => warning.code)).toEqual(['table-repeated-fronts']);
		await applyImport(db, bundle, NOW);
		expect(await tableChecksums(db)).toEqual(before);
		expect(await answerCounts(db)).toEqual(counts);
	});

	it('a CSV row with the front of a note’s card leaves the card as its note made it, and says so when the row says otherwise', async () => {
		const a = open();
		await applyImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [deckFrom(NOTE, 'geo.md')] }, T0);
		const before = await a.cards.toArray();
		const csv = '#deck:geo\nWhat is the capital of France?,Paris (on the Seine)\nLargest ocean,Pacific\nHighest mountain,Everest\n';
		const result = await applyImport(a, await read('geo edited.csv', bytes(csv)), NOW);
		expect(result.decks).toEqual([expect.objectContaining({ id: deck.id, added: 1, updated: 0, unchanged: 2 })]);
		expect(result.warnings.map((warning) => [warning.code, warning.values])).toEqual([['merge-note-cards-kept', { count: 1 }]]);
		for (const card of before) expect(await a.cards.get(card.id)).toEqual(card);
		expect((await cardsInDeck(a, deck.id).toArray()).filter((card) => card.id.startsWith('csv:')).map((card) => card.front)).toEqual(['Highest mountain']);
	});

	/** A deck of one's own ("Own") with the cards Add cards makes of a cloze text. */
	async function ownCloze(text: string): Promise<{ db: RecallDatabase; cards: CardRecord[] }> {
		const db = open();
		await createDeck(db, 'Own', T0);
		const draft = draftManualCards('cloze', text, '');
		if (!draft.ok) throw new Error('no cloze');
		return { db, cards: await addCards(db, 'own', draft.cards.map(({ slot, ...card }) => ({ ...card, cloze: { text, slot: slot as string } })), T0) };
	}

	/** A deck of one's own: a plain card, answered once, and a Markdown one. */
	async function ownDeck(): Promise<{ db: RecallDatabase; plain: CardRecord; marked: CardRecord }> {
		const db = open();
		await createDeck(db, 'Own', T0);
		const [plain, marked] = (await addCards(db, 'own', [
			{ kind: 'basic', front: 'Plain question', back: 'plain answer', tags: ['mine'] },
			{ kind: 'basic', front: 'What does **bold** do?', back: 'It makes text *strong*:\n\n- like this', tags: ['two words'] }
		], T0)) as [CardRecord, CardRecord];
		await answer(db, plain.id, 4, seoulNoon('2026-11-02'));
		return { db, plain, marked };
	}

	it('a table for spreadsheets imported back changes nothing: its rows are the cards of its deck (one’s own with Markdown and a cloze, a note’s, an Anki package’s, a table’s), by their text', async () => {
		const { db } = await ownDeck();
		const text = '저는 {{c1::대학생}}이에요. 저는 {{c2::한국어}}를 공부해요.';
		const draft = draftManualCards('cloze', text, '');
		if (!draft.ok) throw new Error('no cloze');
		await addCards(db, 'own', draft.cards.map(({ slot, ...card }) => ({ ...card, cloze: { text, slot: slot as string } })), T0);
		await applyDeck(db, { deck: AWS, hash: 'h1' }, 'built-in', T0);
		await applyImport(db, await read('gov.apkg', new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/anki/gov-vocab-schema11.apkg', import.meta.url))))), T0);
		await applyImport(db, await read('vocab.csv', bytes(VOCAB)), T0);
		for (const deckId of ['own', AWS.id, 'anki-gov-vocab', 'vocab']) {
			const { name } = (await db.decks.get(deckId))!;
			const cards = await cardsInDeck(db, deckId).count();
			const before = await tableChecksums(db);
			const bundle = await read(`${name} (for spreadsheets) 2026-12-01.csv`, await exported(db, deckId, 'spreadsheet'));
			const preview = await previewImport(db, bundle, NOW);
			expect(preview.decks).toEqual([{ id: deckId, name, isNew: false, added: 0, updated: 0, unchanged: cards, moved: 0, retired: 0, restored: 0, retiredCards: [] }]);
			expect(preview.warnings.filter((warning) => warning.code.startsWith('merge-'))).toEqual([]);
			await applyImport(db, bundle, NOW);
			expect(await tableChecksums(db)).toEqual(before);
		}
		// A row changed in the spreadsheet changes its card's text, as a row of the table for Anki does.
		const file = new TextDecoder().decode(await exported(db, 'own', 'spreadsheet')).replace('plain answer', 'a better answer');
		expect((await applyImport(db, await read('Own (for spreadsheets) 2026-12-01.csv', bytes(file)), NOW)).decks).toEqual([expect.objectContaining({ id: 'own', added: 0, updated: 1 })]);
	});

	it('a table row of a cloze written as its text, edited in the spreadsheet or in the table for Anki, leaves the card as its text makes it, and says so', async () => {
		// The first card's answer: its row's back in the spreadsheet; in the table for Anki, the one deletion of a Cloze row (the front stays [...]).
		const cases = [
			{ format: 'spreadsheet', text: '저는 {{c1::학생::직업}}이에요. 한국어를 {{c2::공부해요}}.', edit: (file: string) => file.replace(/(\[직업\][^\n]*?)학생이에요/, '$1대학생이에요') },
			{ format: 'csv', text: '저는 {{c1::학생}}이에요.', edit: (file: string) => file.replace('{{c1::학생', '{{c1::대학생') }
		] as const;
		for (const { format, text, edit } of cases) {
			const { db } = await ownCloze(text);
			const before = await tableChecksums(db);
			const exportedText = new TextDecoder().decode(await exported(db, 'own', format));
			const file = edit(exportedText);
			expect(file).not.toBe(exportedText);
			const result = await applyImport(db, await read(`Own ${format}.csv`, bytes(file)), NOW);
			expect(result.decks, format).toEqual([expect.objectContaining({ added: 0, updated: 0 })]);
			expect(result.warnings.map((warning) => warning.code)).toContain('merge-cloze-cards-kept');
			expect(await tableChecksums(db), format).toEqual(before);
		}
	});

	it('a CSV row with the front of a card of one’s own is that card: unchanged when it reads as the card, its text and tags when it does not', async () => {
		const { db, plain, marked } = await ownDeck();
		const file = await exported(db, 'own', 'csv');
		const before = await tableChecksums(db);
		expect((await applyImport(db, await read('Own.csv', file), NOW)).decks).toEqual([expect.objectContaining({ added: 0, updated: 0, unchanged: 2 })]);
		expect(await tableChecksums(db)).toEqual(before);

		const stored = (await db.cards.get(plain.id))!;
		const edited = new TextDecoder().decode(file).replace('plain answer', 'a better answer');
		expect((await applyImport(db, await read('Own.csv', bytes(edited)), NOW)).decks).toEqual([expect.objectContaining({ added: 0, updated: 1, unchanged: 1 })]);
		// The row's HTML (the table holds the card as Anki shows it); what the row has no column for stays the card's.
		expect(await db.cards.get(plain.id)).toEqual({ ...stored, front: '<p>Plain question</p>', back: '<p>a better answer</p>', format: 'html', contentAt: NOW, updatedAt: NOW });
		expect((await db.cards.get(marked.id))?.format).toBeUndefined();
		expect(await db.cards.count()).toBe(2);
	});

	const KOREAN = '# 한국어\n\n## 과일\n\n**배**: pear\n\n## 문법\n\n선생님께서 ==오셨어요==.\n\n저는 ==학생==이에요, 그리고 ==학교==에 가요.\n\n**은/는**: 주제를 ==나타내는== 조사\n\n- **어미**: 끝\n  - 예: 먹었어요\n';

	/** A device with the note's deck (its pear card showing an image), two of its cards answered. */
	async function studiedKorean(): Promise<{ db: RecallDatabase; deckId: string; cards: number }> {
		const db = open();
		const korean = deckFrom(KOREAN, 'ko.md');
		korean.cards = korean.cards.map((card) => (card.front === '배' ? { ...card, images: [{ src: 'pear.png', alt: 'a pear' }] } : card));
		await applyImport(db, { ...emptyBundle('markdown', 'ko.md'), decks: [korean] }, T0);
		const [basic, cloze] = [korean.cards.find((card) => card.kind === 'basic')!, korean.cards.find((card) => card.back.includes('==학교=='))!];
		await answer(db, basic.id, 4, seoulNoon('2026-11-02'));
		await answer(db, cloze.id, 3, seoulNoon('2026-11-03'));
		return { db, deckId: korean.id, cards: korean.cards.length };
	}

	it('a note’s deck in the table for Anki (HTML, Cloze notes, images) imported back: every row its card, nothing added or written, history kept', async () => {
		const { db, deckId, cards } = await studiedKorean();
		const file = await exported(db, deckId, 'csv');
		const text = new TextDecoder().decode(file);
		// What Anki shows: no Markdown left, the sentence of two highlights one note of two deletions.
		expect(text).toContain('#notetype column:1');
		expect(text).toContain('Cloze,"<p>저는 {{c1::학생}}이에요, 그리고 {{c2::학교}}에 가요.</p>",,');
		expect(text).toContain('<img src=""pear.png"" alt=""a pear"">');
		expect(text).not.toMatch(/\*\*|==/);
		const reviews = await db.reviews.count();
		const before = await tableChecksums(db);
		const bundle = await read('한국어 2026-12-01.csv', file);
		expect(bundle.decks.map((deck) => deck.cards.length)).toEqual([cards]);
		const preview = await previewImport(db, bundle, NOW);
		expect(preview.decks).toEqual([{ id: deckId, name: '한국어', isNew: false, added: 0, updated: 0, unchanged: cards, moved: 0, retired: 0, restored: 0, retiredCards: [] }]);
		expect(preview.warnings).toEqual([]);
		await applyImport(db, bundle, NOW);
		expect(await tableChecksums(db)).toEqual(before);
		expect(await db.reviews.count()).toBe(reviews);
		await expectFolded(db);
	});

	it('a Cloze row edited in Anki changes its card: the row’s HTML, the card’s history kept', async () => {
		const { db, deckId, cards } = await studiedKorean();
		const text = new TextDecoder().decode(await exported(db, deckId, 'csv')).replace('{{c2::학교}}에 가요', '{{c2::학교}}에 갔어요');
		const card = (await db.cards.toArray()).find((stored) => stored.back.includes('==학교=='))!;
		const result = await applyImport(db, await read('한국어.csv', bytes(text)), NOW);
		// Its front changed with it: the row is the card of its back no more, and a card of its own; the other deletion's row is still its card.
		expect(result.decks).toEqual([expect.objectContaining({ added: 2, updated: 0, unchanged: cards - 2 })]);
		expect(await db.cards.get(card.id)).toEqual(card);
	});

	it('a deck asking the same thing twice (사과 twice) exported as a table and imported back: its two cards, nothing added', async () => {
		const db = open();
		await createDeck(db, 'Fruit', T0);
		await addCards(db, 'fruit', [
			{ kind: 'basic', front: '사과', back: 'apple', tags: [] },
			{ kind: 'basic', front: '사과', back: 'apple', tags: [] },
			{ kind: 'basic', front: '배', back: 'pear', tags: [] }
		], T0);
		await answer(db, (await cardsInDeck(db, 'fruit').first())!.id, 4, seoulNoon('2026-11-02'));
		const exportedFile = await exported(db, 'fruit', 'csv');
		// The table Recall wrote before it rendered cards: the cards' text, read as plain text.
		const legacy = bytes('#html:false\n#deck:Fruit\n사과,apple\n사과,apple\n배,pear\n');
		for (const [file, renamed] of [[exportedFile, false], [legacy, false], [exportedFile, true]] as const) {
			// Renamed since the export: the file's deck id still finds it.
			if (renamed) await renameDeck(db, 'fruit', '과일', NOW - 60_000);
			const before = await tableChecksums(db);
			const preview = await previewImport(db, await read('Fruit.csv', file), NOW);
			expect(preview.decks).toEqual([expect.objectContaining({ id: 'fruit', added: 0, updated: 0, unchanged: 3 })]);
			await applyImport(db, await read('Fruit.csv', file), NOW);
			expect(await tableChecksums(db)).toEqual(before);
		}
		expect(await db.reviews.count()).toBe(1);
	});

	/** The package with a note's field text replaced, as the learner would change it in Anki. */
	function editedInAnki(file: Uint8Array, cardId: string, from: string, to: string): Promise<Uint8Array> {
		return changedInAnki(file, (collection) => {
			collection.run('UPDATE notes SET flds = replace(flds, ?, ?), mod = mod + 60 WHERE guid = ?', [from, to, exportGuid(cardId)]);
			expect(collection.getRowsModified()).toBe(1);
		});
	}

	it('cards of one’s own in Markdown through .apkg: unchanged and nothing written; a card edited in Anki takes the edit, the others stay Markdown', async () => {
		const { db, plain, marked } = await ownDeck();
		const file = await exported(db, 'own', 'apkg');
		const before = await tableChecksums(db);
		const preview = await previewImport(db, await read('Own.apkg', file), NOW);
		expect(preview.decks).toEqual([expect.objectContaining({ added: 0, updated: 0, unchanged: 2 })]);
		await applyImport(db, await read('Own.apkg', file), NOW);
		expect(await tableChecksums(db)).toEqual(before);

		const stored = (await db.cards.get(plain.id))!;
		const markedBefore = (await db.cards.get(marked.id))!;
		const edited = await editedInAnki(file, plain.id, 'plain answer', 'a <b>better</b> answer');
		const result = await applyImport(db, await read('Own from Anki.apkg', edited), NOW);
		expect(result.decks).toEqual([expect.objectContaining({ added: 0, updated: 1, unchanged: 1 })]);
		expect(result.warnings).toEqual([]);
		expect(await db.cards.get(plain.id)).toMatchObject({ id: stored.id, back: expect.stringContaining('a <b>better</b> answer'), format: 'html', state: stored.state, source: { file: 'Own from Anki.apkg', line: 1 } });
		expect(await db.cards.get(marked.id)).toEqual(markedBefore);
	});

	it('a cloze’s text goes with its cards through a backup, and stays on them through an .apkg of its own (unchanged in Anki)', async () => {
		const text = '저는 {{c1::학생::직업}}이에요. 한국어를 {{c2::공부해요}}.';
		const { db, cards } = await ownCloze(text);
		await answer(db, cards[1]!.id, 4, seoulNoon('2026-11-02'));
		const stored = await db.cards.toArray();
		expect(stored.map((card) => card.clozeSource?.slot).sort()).toEqual(['c1', 'c2']); // in id order, which is a hash's

		const other = open();
		await applyImport(other, parseBackup(serializeBackup(await exportBackup(db, NOW), NOW)), NOW);
		expect(await other.cards.toArray()).toEqual(stored);
		// There, the text edits the same cards.
		await editClozeText(other, cards[0]!.id, { text: text.replace('학생', '대학생'), tags: [] }, NOW);
		expect((await other.cards.get(cards[1]!.id))?.back).toBe('저는 대학생이에요. 한국어를 ==공부해요==.');

		const before = await tableChecksums(db);
		await applyImport(db, await read('Own.apkg', await exported(db, 'own', 'apkg')), NOW);
		expect(await tableChecksums(db)).toEqual(before);
		expect((await db.cards.toArray()).map((card) => card.clozeSource)).toEqual(stored.map((card) => card.clozeSource));
	});

	it('a cloze’s text as the table for Anki’s Cloze row (its text as written) imported back: its cards unchanged, nothing written', async () => {
		const text = '저는 {{c1::학생::직업}}이에요. 한국어를 {{c2::공부해요}}.';
		const { db } = await ownCloze(text);
		const file = await exported(db, 'own', 'csv');
		expect(new TextDecoder().decode(file)).toContain(`<p>${text}</p>`);
		const before = await tableChecksums(db);
		const preview = await previewImport(db, await read('Own.csv', file), NOW);
		expect(preview.decks).toEqual([expect.objectContaining({ added: 0, updated: 0, unchanged: 2 })]);
		await applyImport(db, await read('Own.csv', file), NOW);
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('a cloze’s cards go as one Anki Cloze note; on a device without them they come as its HTML text, edited as that text', async () => {
		const text = '저는 {{c1::학생::직업}}이고 {{c2::서울}}에 살고 {{c3::학교}}에 가요.';
		const { db, cards } = await ownCloze(text);
		const [c1, c2, c3] = cards.map((card) => card.id) as [string, string, string];
		await answer(db, c1, 4, seoulNoon('2026-11-02'));
		await answer(db, c3, 1, seoulNoon('2026-11-03'));
		const file = await exported(db, 'own', 'apkg');
		const collection = new (await loadSql()).Database(unzipSync(file)['collection.anki2']);
		const [notes, ords] = ['SELECT guid, flds FROM notes', 'SELECT ord FROM cards ORDER BY ord'].map((query) => collection.exec(query)[0]!.values) as [unknown[][], unknown[][]];
		collection.close();
		expect(notes.map(([guid, fields]) => [guid, String(fields).split('\u001f')])).toEqual([[`recall-cloze:${c1} ${c2} ${c3}`, [`<p>${text}</p>`, '']]]);
		expect(ords).toEqual([[0], [1], [2]]);

		// Another device: the same three cards, each answer once; each edited as the note's text.
		const other = open();
		await applyImport(other, await read('Own.apkg', file), NOW);
		const [rows, imported] = await Promise.all([other.reviews.toArray(), other.cards.toArray()]);
		expect(rows.filter(isAnswer).map((row) => row.card).sort()).toEqual([c1, c3].sort());
		expect(imported.map((card) => [card.id, card.clozeSource?.slot]).sort()).toEqual([[c1, 'c1'], [c2, 'c2'], [c3, 'c3']].sort());
		const htmlText = imported[0]!.clozeSource!.text;
		expect(htmlText).toBe(`<p>${text}</p>`);
		const live = await editClozeText(other, c2, { text: htmlText.replace('서울', '부산').replace('.</p>', ' {{c4::매일}}.</p>'), tags: [] }, NOW + 10);
		const bySlot = [...live].sort((a, b) => a.clozeSource!.slot.localeCompare(b.clozeSource!.slot));
		expect(bySlot.map((card) => [card.clozeSource?.slot, card.format, card.front])).toEqual([
			['c1', 'html', '<p>저는 <span class="cloze-blank">[직업]</span>이고 부산에 살고 학교에 가요 매일.</p>'],
			['c2', 'html', '<p>저는 학생이고 <span class="cloze-blank">[...]</span>에 살고 학교에 가요 매일.</p>'],
			['c3', 'html', '<p>저는 학생이고 부산에 살고 <span class="cloze-blank">[...]</span>에 가요 매일.</p>'],
			['c4', 'html', '<p>저는 학생이고 부산에 살고 학교에 가요 <span class="cloze-blank">[...]</span>.</p>']
		]);
		expect(bySlot.slice(0, 3).map((card) => card.id)).toEqual([c1, c2, c3]);
		expect(bySlot[0]!.state).toEqual(imported.find((card) => card.id === c1)!.state);
	});

	it('a deck of one’s own through its .apkg and its backup, in either order, ends as the backup alone leaves it: the deck one’s own, the cards with their cloze text and source', async () => {
		const a = open();
		await createDeck(a, '한국어::문법', T0);
		const deckId = (await a.decks.toArray())[0]!.id;
		const [basic, edited] = (await addCards(a, deckId, [
			{ kind: 'basic', front: '-고 싶다', back: 'want to', tags: ['문법'] },
			{ kind: 'basic', front: '**-(으)ㄹ 수 있다**', back: 'can', tags: ['문법'] }
		], T0)) as [CardRecord, CardRecord];
		await editCard(a, edited.id, { front: edited.front, back: 'can / be able to', tags: edited.tags }, seoulNoon('2026-11-02'));
		const text = '저는 {{c1::대학생}}이에요. 저는 {{c2::한국어}}를 공부해요.';
		const draft = draftManualCards('cloze', text, '');
		if (!draft.ok) throw new Error('no cloze');
		await addCards(a, deckId, draft.cards.map(({ slot, ...card }) => ({ ...card, cloze: { text, slot: slot as string } })), T0);
		await answer(a, basic.id, 4, seoulNoon('2026-11-03'));
		const apkg = await read('한국어 문법 2026-12-01.apkg', await exported(a, deckId, 'apkg'));
		const backup = parseBackup(serializeBackup(await exportBackup(a, NOW), NOW));
		/**
		 * The stored decks, cards and log, leaving out when this device wrote each record, and the clock of a
		 * card's status: a package dates the status it brings by the card's last change (the export's time), and
		 * that stays when a backup brings the same status, dated earlier (a later clock, never another status).
		 */
		const ends = async (target: RecallDatabase) => {
			const rows = await tableRows(target, ['cards', 'decks', 'reviews', 'days']);
			for (const name of ['cards', 'decks']) rows[name] = rows[name]!.map((line) => line.replace(/"(updatedAt|statusAt)":\d+,?/g, ''));
			return rows;
		};
		const alone = open();
		await applyImport(alone, backup, NOW);
		expect((await alone.decks.get(deckId))?.origin).toBe('manual');
		for (const order of [[apkg, backup], [backup, apkg]]) {
			const target = open();
			for (const bundle of order) await applyImport(target, bundle, NOW);
			expect(await ends(target)).toEqual(await ends(alone));
			await expectFolded(target);
		}
	});

	it('a note’s card edited in Anki keeps its note’s text, and the import says so', async () => {
		const { db, ids } = await studiedAws();
		const [first] = ids as [string];
		const card = (await db.cards.get(first))!;
		const file = await exported(db, AWS.id, 'apkg');
		const html = new TextDecoder().decode(unzipSync(file)['collection.anki2']);
		const word = card.back.match(/[가-힣]{2,}/)?.[0];
		expect(word && html.includes(word)).toBe(true);
		const before = await tableChecksums(db);
		const result = await applyImport(db, await read('AWS from Anki.apkg', await editedInAnki(file, first, word!, `${word} (edited)`)), NOW);
		expect(result.decks).toEqual([expect.objectContaining({ added: 0, updated: 0, unchanged: 22 })]);
		expect(result.warnings.map((warning) => [warning.code, warning.values])).toEqual([['merge-note-cards-kept', { count: 1 }]]);
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('rows and cards by front: two rows are never one card, a retired or deleted card is never one, and a front two cards share needs the back too', async () => {
		const a = open();
		const notes = (text: string) => ({ ...emptyBundle('markdown', 'dup.md'), decks: [deckFrom(text, 'dup.md')] });
		const shared = '## A\n\nSame question?::one\n\n## B\n\nSame question?::two\n\nUnique?::x\n\nDeleted?::d\n';
		await applyImport(a, notes(`${shared}\nGone?::g\n`), T0);
		// Gone from the note: retired.
		await applyImport(a, notes(shared), T0 + 1000);
		const deleted = (await a.cards.toArray()).find((card) => card.front === 'Deleted?')!;
		await deleteCards(a, [deleted.id], T0 + 2000);
		const before = await a.cards.toArray();
		expect(before.map((card) => [card.front, card.queue === Queue.retired])).toEqual(expect.arrayContaining([['Gone?', true], ['Deleted?', true]]));

		const csv = '#deck:dup\nSame question?,one\nSame question?,three\nUnique?,x\nUnique?,x\nGone?,g\nDeleted?,d\n';
		const result = await applyImport(a, await read('dup.csv', bytes(csv)), NOW);
		// Same question?/one and the first Unique? are cards; the rest are new: a second Unique?, the retired and the deleted card's fronts, and Same question?/three, which neither card of that front answers.
		expect(result.decks).toEqual([expect.objectContaining({ added: 4, updated: 0, unchanged: 2, restored: 0 })]);
		expect(result.warnings.map((warning) => [warning.code, warning.values])).toEqual([
			['table-repeated-fronts', expect.anything()],
			['merge-table-front-ambiguous', { count: 1 }]
		]);
		for (const card of before) expect(await a.cards.get(card.id)).toEqual(card);
	});

	it('a note’s cards still take their content from a backup or a deck file (Recall’s own, with the note’s Markdown)', async () => {
		const db = await awsDevice();
		const first = AWS.cards[0]!;
		const edited = { ...AWS, cards: AWS.cards.map((card) => (card.id === first.id ? { ...card, back: `${card.back}\n\nEdited elsewhere.` } : card)) };
		const result = await applyImport(db, parseBackup(JSON.stringify(deckFile([edited])), 'AWS 기초.json'), NOW);
		expect(result.decks).toEqual([expect.objectContaining({ updated: 1, unchanged: 21 })]);
		expect((await db.cards.get(first.id))?.back).toMatch(/Edited elsewhere\.$/);
	});

	it('a file imported into a note’s deck leaves the deck’s note as it is: the note, retitled, still finds its deck', async () => {
		const a = open();
		const notes = (text: string) => ({ ...emptyBundle('markdown', 'geo.md'), decks: [deckFrom(text, 'geo.md')] });
		await applyImport(a, notes(NOTE), T0);
		await answer(a, paris, 5, seoulNoon('2026-11-02'));
		// A table whose deck is named as the note's: its cards go into the note's deck.
		await applyImport(a, await read('more geo.csv', bytes('#deck:geo\nHighest mountain,Everest\n')), NOW);
		expect((await a.decks.get(deck.id))?.source).toBe('geo.md');

		const titled = await applyImport(a, notes(`# World facts\n\n${NOTE}`), NOW + 1000);
		expect(titled.renamed).toEqual([{ from: 'geo', to: 'World facts', cards: 3 }]);
		expect(await a.decks.get(deck.id)).toMatchObject({ retired: true });
		expect(await a.cards.get(paris)).toBeUndefined();
	});

	it('a table or Anki package imported into a note’s deck keeps the tags its note gave the deck; the note itself still sets them', async () => {
		const a = open();
		const notes = (tags: string) => ({ ...emptyBundle('markdown', 'geo.md'), decks: [deckFrom(`---\ntags: [${tags}]\n---\n${NOTE}`, 'geo.md')] });
		await applyImport(a, notes('geo, facts'), T0);
		expect((await a.decks.get(deck.id))?.tags).toEqual(['geo', 'facts']);
		await applyImport(a, await read('more geo.csv', bytes('#deck:geo\nHighest mountain,Everest\n')), NOW);
		expect((await a.decks.get(deck.id))?.tags).toEqual(['geo', 'facts']);
		const before = await a.decks.get(deck.id);
		await applyImport(a, await read('geo.apkg', await exported(a, deck.id, 'apkg')), NOW + 1000);
		expect(await a.decks.get(deck.id)).toEqual(before);
		await applyImport(a, notes('geo'), NOW + 2000);
		expect((await a.decks.get(deck.id))?.tags).toEqual(['geo']);
	});

	it('a note whose cards moved down the file still moves their lines (the note is their source), though the preview counts them unchanged', async () => {
		const a = open();
		await applyImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [deckFrom(NOTE, 'geo.md')] }, T0);
		const line = (await a.cards.get(paris))!.source.line;
		const result = await applyImport(a, { ...emptyBundle('markdown', 'geo.md'), decks: [deckFrom(`Facts I keep forgetting.\n\n${NOTE}`, 'geo.md')] }, NOW);
		expect(result.decks).toEqual([expect.objectContaining({ added: 0, updated: 0, unchanged: 3 })]);
		expect((await a.cards.get(paris))?.source).toEqual({ file: 'geo.md', line: line + 2 });
	});

	it('an Anki package → this device → .apkg → a fresh device: a card and its reverse one note, their siblings, schedules, history and the deck’s options', async () => {
		const a = open();
		await applyImport(a, await read('sample.apkg', await buildPackage(samplePackage(11)), SAMPLE_NOW), SAMPLE_NOW);
		const korean = (await a.decks.toArray()).find((deck) => deck.name === 'Languages::Korean')!;
		await saveDeckOptions(a, korean.id, { newPerDay: 35, reviewsPerDay: 350 }, SAMPLE_NOW);
		const file = await exported(a, korean.id, 'apkg', SAMPLE_NOW);

		const opened = await openPackage(file);
		expect(opened.notes.map((note) => [note.guid, note.mid])).toEqual([['g-rev', BASIC_REVERSED_MODEL_ID]]);
		expect(opened.cards.map((card) => card.ord).sort()).toEqual([0, 1]);
		const ankiDeck = Object.values(opened.decks).find((deck) => deck.name === 'Languages::Korean')!;
		expect(opened.dconf[ankiDeck.conf]).toMatchObject({ new: { perDay: 35 }, rev: { perDay: 350 } });

		// Imported back, nothing changes.
		const before = await tableChecksums(a);
		await applyImport(a, await read('Korean.apkg', file, SAMPLE_NOW), SAMPLE_NOW);
		expect(await tableChecksums(a)).toEqual(before);

		const b = open();
		await applyImport(b, await read('Korean.apkg', file, SAMPLE_NOW), SAMPLE_NOW);
		expect((await b.decks.get(korean.id))?.options).toEqual({ newPerDay: 35, reviewsPerDay: 350 });
		const onA = await cardsInDeck(a, korean.id).sortBy('id');
		const onB = await cardsInDeck(b, korean.id).sortBy('id');
		expect(onB.map((card) => card.id)).toEqual(['anki-g-rev-0', 'anki-g-rev-1']);
		const kept = (card: CardRecord) => ({ id: card.id, front: card.front, back: card.back, siblingKeys: card.siblingKeys, state: card.state, dueDay: card.dueDay, queue: card.queue });
		expect(onB.map(kept)).toEqual(onA.map(kept));
		expect(onB.map((card) => card.siblingKeys)).toEqual([['anki:g-rev'], ['anki:g-rev']]);
		const answers = async (db: RecallDatabase) => (await db.reviews.toArray()).filter(isAnswer).map((row) => [row.card, row.reviewedAt, row.grade]);
		expect(await answers(b)).toEqual(await answers(a).then((rows) => rows.filter(([card]) => String(card).startsWith('anki-g-rev-'))));
	});

	it('cards added "Basic, both ways" are siblings, one note in an Anki package, and siblings on a fresh device', async () => {
		const a = open();
		const mine = await createDeck(a, 'Mine', T0);
		const drafted = draftManualCards('both', '물', 'water');
		if (!drafted.ok) throw new Error('no cards');
		const [forward, reverse] = await addCards(a, mine.id, drafted.cards, T0);
		await addCards(a, mine.id, [{ kind: 'basic', front: 'one way', back: 'only' }], T0);
		expect(forward?.siblingKeys).toEqual([expect.stringMatching(/^both:[0-9a-f-]{36}$/)]);
		expect(reverse?.siblingKeys).toEqual(forward?.siblingKeys);

		const file = await exported(a, mine.id, 'apkg');
		const opened = await openPackage(file);
		expect(opened.notes.map((note) => note.mid)).toEqual([BASIC_REVERSED_MODEL_ID, BASIC_MODEL_ID]);
		expect(fieldsOf(opened.notes[0]!)).toEqual(['<p>물</p>', '<p>water</p>']);

		const b = open();
		await applyImport(b, await read('Mine.apkg', file), NOW);
		const [f, r] = [await b.cards.get(forward!.id), await b.cards.get(reverse!.id)];
		expect(f?.front).toBe('<p>물</p>');
		expect(f?.siblingKeys).toHaveLength(1);
		expect(r?.siblingKeys).toEqual(f?.siblingKeys);
	});
});

describe('applyImport: media and settings', () => {
	it('stores media files by name, for loadMedia', async () => {
		const a = open();
		const bundle: ImportBundle = { ...emptyBundle('apkg', 'x.apkg'), decks: [deck], media: [{ name: 'map.png', type: 'image/png', bytes: new Uint8Array([9, 8, 7]) }] };
		expect((await applyImport(a, bundle, NOW)).media).toEqual({ written: 1, unchanged: 0 });
		expect(await a.media.get('map.png')).toEqual({ name: 'map.png', type: 'image/png', bytes: new Uint8Array([9, 8, 7]), size: 3, addedAt: NOW });
		expect((await loadMedia(a, ['map.png'])).get('map.png')?.size).toBe(3);
		expect((await applyImport(a, bundle, NOW + 1)).media).toEqual({ written: 0, unchanged: 1 });
		const changed = { ...bundle, media: [{ name: 'map.png', type: 'image/png', bytes: new Uint8Array([1]) }] };
		expect((await applyImport(a, changed, NOW + 2)).media).toEqual({ written: 1, unchanged: 0 });
		expect((await a.media.get('map.png'))?.size).toBe(1);
	});

	it('a full backup’s settings replace ours; facts about this device stay; a deck file leaves settings alone', async () => {
		const a = await device();
		await saveSettings(a, { newPerDay: 7, gradeButtons: 'six' }, NOW);
		await saveFact(a, 'persisted', true);
		const backup = await exportBackup(a);
		expect(backup.settings).toEqual({ settings: expect.objectContaining({ newPerDay: 7 }) });
		const b = await device();
		// Changed here before they were changed there: the backup's are the later change.
		await saveSettings(b, { newPerDay: 30 }, NOW - 60_000);
		await saveFact(b, 'persisted', false);
		await applyImport(b, { ...(await exportDeck(a, deck.id, { withProgress: true })) }, NOW);
		expect((await loadSettings(b)).newPerDay).toBe(30);
		const result = await applyImport(b, parseBackup(serializeBackup(backup, NOW)), NOW);
		expect(result.settings).toBe(true);
		expect(await loadSettings(b)).toMatchObject({ newPerDay: 7, gradeButtons: 'six' });
		expect(await loadFact(b, 'persisted')).toBe(false);
	});

	it('a backup of the settings a device already has replaces none: imported back, it changes nothing', async () => {
		const a = await device();
		await saveSettings(a, { newPerDay: 7 });
		const own = parseBackup(serializeBackup(await exportBackup(a), NOW));
		const preview = await previewImport(a, own, NOW);
		expect(preview.settings).toBe(false);
		expect(preview.decks).toEqual([expect.objectContaining({ added: 0, updated: 0, unchanged: 3 })]);
		const before = await tableChecksums(a);
		expect((await applyImport(a, own, NOW)).settings).toBe(false);
		expect(await tableChecksums(a)).toEqual(before);
		// Settings never saved on a device are the defaults: a backup of the defaults replaces nothing there either.
		const fresh = await device();
		const defaults = parseBackup(serializeBackup(await exportBackup(await device()), NOW));
		expect((await previewImport(fresh, defaults, NOW)).settings).toBe(false);
		// Changed since the backup, they are the later change: the backup's older value does not come back.
		await saveSettings(a, { newPerDay: 9 });
		expect((await previewImport(a, own, NOW)).settings).toBe(false);
		await applyImport(a, own, NOW);
		expect((await loadSettings(a)).newPerDay).toBe(9);
	});

	it('a backup’s theme replaces ours; one made before the theme setting (or with one unknown) gives the automatic theme', async () => {
		const a = await device();
		await saveSettings(a, { theme: 'dark' });
		const backup = await exportBackup(a);
		expect(backup.settings).toEqual({ settings: expect.objectContaining({ theme: 'dark' }) });
		const b = await device();
		await applyImport(b, parseBackup(serializeBackup(backup, NOW)), NOW);
		expect((await loadSettings(b)).theme).toBe('dark');

		// Backups from before the theme setting (and before settings were dated) onto a device that has not set its own.
		const { theme: _, ...older } = backup.settings!.settings as Record<string, unknown>;
		const c = await device();
		await applyImport(c, parseBackup(serializeBackup({ ...backup, settingsAt: undefined, settings: { settings: { ...older, newPerDay: 9 } } }, NOW)), NOW);
		expect(await loadSettings(c)).toMatchObject({ theme: 'auto', newPerDay: 9 });
		await applyImport(c, parseBackup(serializeBackup({ ...backup, settingsAt: undefined, settings: { settings: { ...older, theme: 'sepia' } } }, NOW)), NOW);
		expect((await loadSettings(c)).theme).toBe('auto');
	});

	it('a backup carries "Play sounds automatically" off, and its sounds with their bytes; one made before the setting plays them', async () => {
		const a = await device();
		await saveSettings(a, { autoplaySounds: false });
		const sound = { name: `word.${'0'.repeat(64)}.mp3`, type: 'audio/mpeg', bytes: new Uint8Array([0xff, 0xfb, 1, 2]) };
		await applyImport(a, { ...emptyBundle('apkg', 'sounds.apkg'), media: [sound] }, NOW);
		const backup = await exportBackup(a);
		const b = await device();
		await applyImport(b, parseBackup(serializeBackup(backup, NOW)), NOW);
		expect((await loadSettings(b)).autoplaySounds).toBe(false);
		const stored = await b.media.get(sound.name);
		expect(stored?.type).toBe('audio/mpeg');
		expect(await mediaBytes(stored!)).toEqual(sound.bytes);

		const { autoplaySounds: _, ...older } = backup.settings!.settings as Record<string, unknown>;
		const c = await device();
		await applyImport(c, parseBackup(serializeBackup({ ...backup, settingsAt: undefined, settings: { settings: older } }, NOW)), NOW);
		expect((await loadSettings(c)).autoplaySounds).toBe(true);
	});
});

describe('applyImport: settings of two devices', () => {
	const HOUR = 3_600_000;

	it('two devices exchanging backups settle on each setting’s latest change, in either order, rather than swap', async () => {
		for (const aFirst of [true, false]) {
			const a = await device();
			const b = await device();
			await saveSettings(a, { newOrder: 'random' }, NOW - 3 * HOUR);
			await saveSettings(b, { newPerDay: 5 }, NOW - 2 * HOUR);
			await saveSettings(a, { newPerDay: 40, theme: 'light' }, NOW - HOUR);
			await saveSettings(b, { theme: 'dark' }, NOW);
			const fromA = parseBackup(serializeBackup(await exportBackup(a), NOW));
			const fromB = parseBackup(serializeBackup(await exportBackup(b), NOW));
			if (aFirst) {
				await applyImport(a, fromB, NOW);
				await applyImport(b, fromA, NOW);
			} else {
				await applyImport(b, fromA, NOW);
				await applyImport(a, fromB, NOW);
			}
			const expected = { newOrder: 'random', newPerDay: 40, theme: 'dark' };
			expect(await loadSettings(a)).toMatchObject(expected);
			expect(await loadSettings(b)).toMatchObject(expected);
			// Settled: another exchange changes nothing.
			expect((await previewImport(a, parseBackup(serializeBackup(await exportBackup(b), NOW)), NOW)).settings).toBe(false);
			expect((await previewImport(b, parseBackup(serializeBackup(await exportBackup(a), NOW)), NOW)).settings).toBe(false);
		}
	});

	it('a new device keeps what it set before restoring a backup, and takes every other setting from it', async () => {
		const old = await device();
		await saveSettings(old, { newPerDay: 7, language: 'en' }, NOW - 30 * 24 * HOUR);
		const backup = parseBackup(serializeBackup(await exportBackup(old), NOW));
		const fresh = await device();
		await saveSettings(fresh, { language: 'ko' }, NOW - HOUR);
		await applyImport(fresh, backup, NOW);
		expect(await loadSettings(fresh)).toMatchObject({ newPerDay: 7, language: 'ko' });
	});

	it('a backup from before settings were dated replaces only settings never changed here', async () => {
		const a = await device();
		await saveSettings(a, { newPerDay: 7, theme: 'dark' }, NOW - HOUR);
		const undated = { ...(await exportBackup(a)), settingsAt: undefined };
		expect(JSON.parse(serializeBackup(undated, NOW))).not.toHaveProperty('settingsAt');
		const b = await device();
		await saveSettings(b, { newPerDay: 30 }, NOW - 2 * HOUR);
		await applyImport(b, parseBackup(serializeBackup(undated, NOW)), NOW);
		expect(await loadSettings(b)).toMatchObject({ newPerDay: 30, theme: 'dark' });
	});

	it('saving what is already saved dates nothing', async () => {
		const a = await device();
		await saveSettings(a, { newPerDay: 7 }, NOW - HOUR);
		await saveSettings(a, { newPerDay: 7 }, NOW);
		expect((await exportBackup(a)).settingsAt).toEqual({ newPerDay: NOW - HOUR });
	});
});

describe('safety: an import lands whole or changes nothing', () => {
	async function studied(): Promise<{ db: RecallDatabase; bundle: ImportBundle }> {
		const a = await device();
		await answer(a, paris, 5, seoulNoon('2026-11-02'));
		await answer(a, ocean, 3, seoulNoon('2026-11-02'));
		const bundle = await exportBackup(a);
		bundle.media.push({ name: 'x.png', type: 'image/png', bytes: new Uint8Array([1, 2]) });
		const other = deckFrom('## Other\n\nq::a\n', 'other.md');
		bundle.decks.push(other);
		const db = await device();
		await answer(db, river, 4, seoulNoon('2026-11-03'));
		await saveSettings(db, { newPerDay: 3 });
		return { db, bundle };
	}

	it('a write that fails at the end (media) rolls back the cards, rows and decks written before it', async () => {
		const { db, bundle } = await studied();
		const before = await tableChecksums(db);
		vi.spyOn(db.media, 'bulkPut').mockRejectedValue(new Error('disk full'));
		await expect(applyImport(db, bundle, NOW)).rejects.toThrow('disk full');
		vi.restoreAllMocks();
		expect(await tableChecksums(db)).toEqual(before);
		// And it works once the trouble is gone.
		await applyImport(db, bundle, NOW);
		expect(await tableChecksums(db)).not.toEqual(before);
	});

	it('a record the database refuses in the middle (a card it cannot store) rolls everything back', async () => {
		const { db, bundle } = await studied();
		const before = await tableChecksums(db);
		const bad = bundle.decks[1]!;
		bundle.decks[1] = { ...bad, cards: [{ ...bad.cards[0]!, tags: [() => 'not cloneable'] as unknown as string[] }] };
		await expect(applyImport(db, bundle, NOW)).rejects.toThrow();
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('an abort from inside the transaction (a hook that throws) rolls everything back', async () => {
		const { db, bundle } = await studied();
		const before = await tableChecksums(db);
		let creating = 0;
		db.reviews.hook('creating', () => {
			if (++creating === 2) throw new Error('aborted');
		});
		await expect(applyImport(db, bundle, NOW)).rejects.toThrow();
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('a large import (its chunks queued a few at a time) is one transaction: a card refused in the last chunk rolls back the chunks stored before it', async () => {
		const { db } = await studied();
		const before = await tableChecksums(db);
		const count = 35_000;
		const cards = Array.from({ length: count }, (_, index) => ({ ...deck.cards[0]!, id: `big:${index}`, deck: 'big', front: `q ${index}`, back: `a ${index}` }));
		const bundle: ImportBundle = { ...emptyBundle('deck', 'big.json'), decks: [{ id: 'big', name: 'Big', tags: [], cards }] };
		const transactions = new Set<unknown>();
		let creating = 0;
		db.cards.hook('creating', () => {
			transactions.add(Dexie.currentTransaction);
			if (++creating === count) throw new Error('refused');
		});
		await expect(applyImport(db, bundle, NOW)).rejects.toThrow();
		expect(creating).toBe(count);
		expect(transactions.size).toBe(1);
		expect(await tableChecksums(db)).toEqual(before);
	});

	it('bad files are refused before anything is written, with a message naming the problem', async () => {
		const { db } = await studied();
		const before = await tableChecksums(db);
		const good = JSON.parse(serializeBackup(await exportBackup(db), NOW)) as { version: number; reviews: { grade?: number }[] };
		const badGrade = structuredClone(good);
		badGrade.reviews[0]!.grade = 9;
		const inputs: [string, RegExp][] = [
			['', /^The file is empty\.$/],
			[new TextDecoder().decode(new Uint8Array(2048).map((_, i) => (i * 97 + 3) % 256)), /not JSON/],
			['{"format":"anki","notes":[]}', /not a Recall backup or deck file/],
			[JSON.stringify({ ...good, version: 2 }), /format version 2; this version of Recall reads up to version 1/],
			[JSON.stringify(badGrade), /^The backup is not valid: reviews\.0\.grade/],
			['#'.repeat(50 * 1024 * 1024), /not JSON/]
		];
		for (const [text, message] of inputs) {
			let error: unknown;
			try {
				await applyImport(db, parseBackup(text), NOW);
			} catch (caught) {
				error = caught;
			}
			expect(error).toBeInstanceOf(ImportError);
			expect((error as Error).message).toMatch(message);
		}
		expect(await tableChecksums(db)).toEqual(before);
	});
});

describe('applyImport: an Anki note brought again', () => {
	/** An Anki package of one Basic note (guid "upd"), with the note's last edit at `mod` (seconds); its note and card ids `ids` if given. */
	async function notePackage(front: string, mod: number, name: string, ids?: number): Promise<ImportBundle> {
		const file = await buildPackage({
			collection: {
				schema: 11,
				crt: 1_375_900_000,
				notetypes: [{ id: 1, name: 'Basic', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{Back}}' }] }],
				decks: [{ id: 1, name: 'Default' }],
				notes: [{ id: ids ?? 1_375_933_494_578, guid: 'upd', mid: 1, fields: [front, 'world'], mod }],
				cards: [{ id: ids ?? 1_375_933_503_610, nid: ids ?? 1_375_933_494_578, did: 1, ord: 0, mod: 1_375_933_503, type: 0, queue: 0, due: 1 }]
			}
		});
		return readImportFiles([{ name, bytes: file }], { loadSql, dayOptions: DAY_OPTIONS, now: NOW }).then((read) => (read.kind === 'bundle' ? read.bundle : expect.fail('not a bundle')));
	}
	const HELLO = 1_375_933_503;
	const GOODBYE = 1_375_933_856;

	it('ids that are no time (before 2006, or later than the import) leave the card added on the day of the import', async () => {
		for (const id of [1, NOW + 86_400_000]) {
			const db = open();
			await applyImport(db, await notePackage('hello', HELLO, 'ids.apkg', id), NOW);
			expect((await db.cards.get('anki-upd-0'))?.createdAt).toBe(NOW);
		}
	});

	it('a newer edit of the note updates the card and names its file; an older one leaves it as it is, says so, and still names the newer file', async () => {
		const db = open();
		await applyImport(db, await notePackage('hello', HELLO, 'update1.apkg'), T0);
		const updated = await applyImport(db, await notePackage('goodbye', GOODBYE, 'update3.apkg'), T0 + 1000);
		expect(updated.decks).toEqual([expect.objectContaining({ updated: 1 })]);
		expect(await db.cards.get('anki-upd-0')).toMatchObject({ front: 'goodbye', source: { file: 'update3.apkg' }, contentAt: GOODBYE * 1000 });

		const older = await notePackage('hello', HELLO, 'update1.apkg');
		const preview = await previewImport(db, older, NOW);
		expect(preview.decks).toEqual([expect.objectContaining({ updated: 0, unchanged: 1 })]);
		expect(preview.warnings.map((warning) => warning.message)).toContain('1 card kept: this device has a newer edit of it than the file.');
		const before = await tableChecksums(db);
		await applyImport(db, older, NOW);
		expect(await tableChecksums(db)).toEqual(before);
		expect(await db.cards.get('anki-upd-0')).toMatchObject({ front: 'goodbye', source: { file: 'update3.apkg' } });
	});

	it('in the other order, the newer note stays: the same card whichever package comes first', async () => {
		const db = open();
		await applyImport(db, await notePackage('goodbye', GOODBYE, 'update3.apkg'), T0);
		const result = await applyImport(db, await notePackage('hello', HELLO, 'update1.apkg'), NOW);
		expect(result.decks).toEqual([expect.objectContaining({ updated: 0, unchanged: 1 })]);
		expect(await db.cards.get('anki-upd-0')).toMatchObject({ front: 'goodbye', source: { file: 'update3.apkg' } });
	});

	it('a card is added when Anki made it (its id, a time in ms), not on the day of the import', async () => {
		const db = open();
		await applyImport(db, await notePackage('hello', HELLO, 'update1.apkg'), NOW);
		expect((await db.cards.get('anki-upd-0'))?.createdAt).toBe(1_375_933_503_610);
	});

	it('an edit made in the app after the import is newer than the note: the package does not undo it', async () => {
		const db = open();
		await applyImport(db, await notePackage('goodbye', GOODBYE, 'update3.apkg'), T0);
		await editCard(db, 'anki-upd-0', { front: 'farewell', back: 'world', tags: [] }, T0 + 5000);
		const result = await applyImport(db, await notePackage('goodbye', GOODBYE, 'update3.apkg'), NOW);
		expect(result.warnings.map((warning) => warning.code)).toContain('merge-newer-edit-kept');
		expect(await db.cards.get('anki-upd-0')).toMatchObject({ front: 'farewell' });
	});
});
