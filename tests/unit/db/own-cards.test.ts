// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, cardHistory } from '../../../src/lib/db/answers';
import { resetCards } from '../../../src/lib/db/bulk';
import { applyDeck } from '../../../src/lib/db/decks';
import { applyImport } from '../../../src/lib/db/imports';
import { renameDeck } from '../../../src/lib/db/deck-rename';
import { addCards, createDeck, DeckExistsError, editCard, isEditable, loadCardInfo, NotEditableError, parseTags } from '../../../src/lib/db/own-cards';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { DEFAULT_SETTINGS } from '../../../src/lib/db/settings';
import { emptyBundle } from '../../../src/lib/io/bundle';
import { studyDay } from '../../../src/lib/srs/day';
import { DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon } from './helpers';
import { cardsInDeck } from '../../../src/lib/db/lookups';

const AT = seoulNoon('2026-11-25');
const TODAY = studyDay(AT, DAY_OPTIONS);

let db: RecallDatabase;
afterEach(async () => {
	await db?.delete();
});

describe('decks and cards of one’s own', () => {
	it('creates a deck with the id its name gives, and refuses a name whose id is taken', async () => {
		db = freshDatabase();
		const deck = await createDeck(db, '  My Words ', AT);
		expect(deck).toEqual({ id: 'my-words', name: 'My Words', origin: 'manual', tags: [], retired: false, createdAt: AT, updatedAt: AT });
		await expect(createDeck(db, 'my words!')).rejects.toThrow(DeckExistsError);
		await expect(createDeck(db, '   ')).rejects.toThrow(RangeError);
		// "all" is a word of the app's URLs: the deck gets another id.
		expect((await createDeck(db, 'All')).id).toBe('all-deck');
		// A deck renamed keeps its id: its first name is free for a new deck, which gets an id of its own.
		await renameDeck(db, 'my-words', 'Vocabulary', AT + 1);
		expect(await createDeck(db, 'My Words', AT + 2)).toMatchObject({ id: 'my-words-2', name: 'My Words' });
		expect((await db.decks.get('my-words'))?.name).toBe('Vocabulary');
	});

	it('adds cards with stable unique ids after the deck’s cards, new, and studies them', async () => {
		db = freshDatabase();
		const deck = await createDeck(db, 'Mine', AT);
		const first = await addCards(db, deck.id, [{ kind: 'basic', front: 'q1', back: 'a1', tags: ['x'] }], AT);
		const more = await addCards(db, deck.id, [{ kind: 'cloze', front: '[...] b', back: '==a== b' }, { kind: 'basic', front: 'q2', back: 'a2' }], AT + 1);
		const cards = [...first, ...more];
		expect(cards.map((card) => card.order)).toEqual([0, 1, 2]);
		expect(new Set(cards.map((card) => card.id)).size).toBe(3);
		for (const card of cards) {
			expect(card.id).toMatch(/^manual:[0-9a-f-]{36}$/);
			expect(card).toMatchObject({ deck: deck.id, rule: 'manual', queue: Queue.new, path: [], images: [] });
		}
		expect(cards[0]?.tags).toEqual(['x']);
		const session = await openSession(db, deck.id, TODAY, DEFAULT_SETTINGS, AT);
		expect(session.session.entries.map((entry) => entry.id)).toEqual(cards.map((card) => card.id));
	});

	it('refuses cards for a deck that is not one’s own, and empty sides', async () => {
		db = freshDatabase();
		const note = deckFrom('q::a\n');
		await applyDeck(db, { deck: note, hash: 'h' }, 'built-in');
		await expect(addCards(db, note.id, [{ kind: 'basic', front: 'x', back: 'y' }])).rejects.toThrow(NotEditableError);
		const deck = await createDeck(db, 'Mine');
		await expect(addCards(db, deck.id, [{ kind: 'basic', front: 'x', back: ' ' }])).rejects.toThrow(RangeError);
		expect(await cardsInDeck(db, deck.id).count()).toBe(0);
	});

	it('edits imported and own cards in place, keeping id, schedule and history; cards made from notes are not editable', async () => {
		db = freshDatabase();
		const deck = await createDeck(db, 'Mine', AT);
		const [card] = await addCards(db, deck.id, [{ kind: 'basic', front: 'q', back: 'a' }], AT);
		const review = await answerCard(db, { cardId: card!.id, grade: 5, reviewedAt: AT, durationMs: 1, kind: 'new', expectedLastReview: undefined, dayOptions: DAY_OPTIONS });
		const before = await db.cards.get(card!.id);
		const edited = await editCard(db, card!.id, { front: ' new q ', back: 'new a', tags: ['t'] }, AT + 5);
		expect(edited).toEqual({ ...before, front: 'new q', back: 'new a', tags: ['t'], contentAt: AT + 5, updatedAt: AT + 5 });
		expect(await cardHistory(db, card!.id)).toEqual([review]);

		const csv = { ...emptyBundle('csv', 'words.csv'), decks: [{ id: 'words', name: 'Words', tags: [], source: 'words.csv', cards: [{ id: 'csv:1', deck: 'words', kind: 'basic' as const, rule: 'imported' as const, front: 'a', back: 'b', path: [], tags: [], images: [], source: { file: 'words.csv', line: 2 } }] }] };
		await applyImport(db, csv);
		expect((await editCard(db, 'csv:1', { front: 'A', back: 'B', tags: [] })).front).toBe('A');

		const note = deckFrom('q::a\n');
		await applyDeck(db, { deck: note, hash: 'h' }, 'built-in');
		await expect(editCard(db, note.cards[0]!.id, { front: 'x', back: 'y', tags: [] })).rejects.toThrow(NotEditableError);
		expect(isEditable(note.cards[0]!, { origin: 'import' })).toBe(false);
	});

	it('card info: the card, its deck and every row, resets included, oldest first', async () => {
		db = freshDatabase();
		const deck = await createDeck(db, 'Mine', AT);
		const [card] = await addCards(db, deck.id, [{ kind: 'basic', front: 'q', back: 'a' }], AT);
		await answerCard(db, { cardId: card!.id, grade: 4, reviewedAt: AT, durationMs: 1500, kind: 'new', expectedLastReview: undefined, dayOptions: DAY_OPTIONS });
		await resetCards(db, [card!.id], { now: AT + 10, dayOptions: DAY_OPTIONS });
		const info = await loadCardInfo(db, card!.id);
		expect(info?.deck?.name).toBe('Mine');
		expect(info?.rows.map((row) => row.kind)).toEqual(['new', 'set']);
		expect(await loadCardInfo(db, 'nope')).toBeUndefined();
	});

	it('parses tags as typed', () => {
		expect(parseTags(' aws, ec2  basics,,aws ')).toEqual(['aws', 'ec2', 'basics']);
		expect(parseTags('')).toEqual([]);
	});
});
