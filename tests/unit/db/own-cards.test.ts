// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerCard, cardHistory } from '../../../src/lib/db/answers';
import { resetCards } from '../../../src/lib/db/bulk';
import { applyDeck } from '../../../src/lib/db/decks';
import { applyImport } from '../../../src/lib/db/imports';
import { renameDeck } from '../../../src/lib/db/deck-rename';
import { addCards, createDeck, DeckExistsError, editCard, editClozeText, isEditable, loadCardInfo, NoClozeError, NotEditableError, parseTags } from '../../../src/lib/db/own-cards';
import { draftManualCards } from '../../../src/lib/notes/manual';
import { draftClozeText } from '../../../src/lib/io/anki/cloze-text';
import { Queue, type CardRecord, type RecallDatabase } from '../../../src/lib/db/schema';
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

	it('stores a new deck’s name tidied, refuses one with no part left, and finds a taken name however it was written', async () => {
		db = freshDatabase();
		expect(await createDeck(db, '한국어::', AT)).toMatchObject({ id: '한국어', name: '한국어' });
		const refused = await createDeck(db, ' 한국어 ', AT).catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(DeckExistsError);
		expect((refused as DeckExistsError).existingName).toBe('한국어');
		expect(await createDeck(db, 'A:: ::B', AT)).toMatchObject({ name: 'A::B' });
		for (const name of ['::', ' :: ', ':: ::']) await expect(createDeck(db, name, AT), name).rejects.toThrow(RangeError);
		expect((await db.decks.toArray()).map((deck) => deck.name).sort()).toEqual(['A::B', '한국어']);
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

	it('makes the two cards of "Basic, both ways" siblings: a day brings one of them', async () => {
		db = freshDatabase();
		const deck = await createDeck(db, 'Mine', AT);
		const drafted = draftManualCards('both', '犬', 'dog');
		if (!drafted.ok) throw new Error('no cards');
		const [forward, reverse] = await addCards(db, deck.id, drafted.cards, AT);
		const [other] = await addCards(db, deck.id, [{ kind: 'basic', front: 'q', back: 'a' }], AT);
		expect(forward?.siblingKeys).toHaveLength(1);
		expect(reverse?.siblingKeys).toEqual(forward?.siblingKeys);
		expect(other?.siblingKeys).toBeUndefined();
		const session = await openSession(db, deck.id, TODAY, DEFAULT_SETTINGS, AT);
		expect(session.session.entries.map((entry) => entry.id)).toEqual([forward?.id, other?.id]);
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

/** The cards the add form makes of a cloze text, as it hands them to addCards. */
function clozeDrafts(text: string, tags: string[] = []) {
	const draft = draftManualCards('cloze', text, '');
	if (!draft.ok) throw new Error(`no cloze: ${text}`);
	return draft.cards.map(({ slot, ...card }) => ({ ...card, tags, cloze: { text, slot: slot as string } }));
}

const QA_SENTENCE = '저는 {{c1::학생::직업}}이에요. 한국어를 {{c2::공부해요}}.';

describe('a cloze written in the app, edited through its text', () => {
	async function addSentence(text = QA_SENTENCE): Promise<CardRecord[]> {
		const deck = await createDeck(db, 'Korean', AT);
		await addCards(db, deck.id, [{ kind: 'basic', front: 'q', back: 'a' }], AT);
		return addCards(db, deck.id, clozeDrafts(text, ['ko']), AT);
	}

	it('keeps the text on each of its cards, one source per text', async () => {
		db = freshDatabase();
		const [c1, c2] = await addSentence();
		expect(c1?.clozeSource).toEqual({ id: expect.any(String), text: QA_SENTENCE, slot: 'c1' });
		expect(c2?.clozeSource).toEqual({ ...c1?.clozeSource, slot: 'c2' });
		const [other] = await addCards(db, 'korean', clozeDrafts(QA_SENTENCE), AT);
		// The same words added again are another text, edited on their own.
		expect(other?.clozeSource?.id).not.toBe(c1?.clozeSource?.id);
		expect((await db.cards.toArray()).find((card) => card.front === 'q')).not.toHaveProperty('clozeSource');
	});

	it('regenerates every sibling from the edited text: same ids, schedules and history', async () => {
		db = freshDatabase();
		const [c1, c2] = await addSentence();
		const review = await answerCard(db, { cardId: c2!.id, grade: 5, reviewedAt: AT, durationMs: 1, kind: 'new', expectedLastReview: undefined, dayOptions: DAY_OPTIONS });
		const reviewed = (await db.cards.get(c2!.id)) as CardRecord;
		const edited = QA_SENTENCE.replace('학생', '대학생');
		const live = await editClozeText(db, c1!.id, { text: ` ${edited} `, tags: ['ko', 'grammar'] }, AT + 10);
		expect(live.map((card) => card.id)).toEqual([c1!.id, c2!.id]);
		const after = (await db.cards.get(c2!.id)) as CardRecord;
		expect(after).toEqual({
			...reviewed,
			front: '저는 대학생이에요. 한국어를 [...].',
			back: '저는 대학생이에요. 한국어를 ==공부해요==.',
			tags: ['ko', 'grammar'],
			clozeSource: { ...c2!.clozeSource, text: edited },
			contentAt: AT + 10,
			updatedAt: AT + 10
		});
		expect((await db.cards.get(c1!.id))?.front).toBe('저는 [직업]이에요. 한국어를 공부해요.');
		expect(await cardHistory(db, c2!.id)).toEqual([review]);
		expect(await cardsInDeck(db, 'korean').count()).toBe(3);
	});

	it('writes only the cards the edit changes: the same text and tags again write nothing; a new tag, every card', async () => {
		db = freshDatabase();
		const [c1, c2] = await addSentence();
		const live = await editClozeText(db, c1!.id, { text: QA_SENTENCE, tags: ['ko'] }, AT + 10);
		expect(live).toEqual([c1, c2]);
		expect(await db.cards.toArray()).toEqual(expect.arrayContaining([c1, c2]));
		await editClozeText(db, c2!.id, { text: QA_SENTENCE, tags: ['ko', 'verbs'] }, AT + 20);
		for (const card of [c1, c2]) expect(await db.cards.get(card!.id)).toEqual({ ...card, tags: ['ko', 'verbs'], contentAt: AT + 20, updatedAt: AT + 20 });
	});

	it('retires the card of a number gone from the text and adds a card for a new number, in the card’s deck after its cards', async () => {
		db = freshDatabase();
		const [c1, c2] = await addSentence();
		const text = '저는 {{c1::학생}}이에요. 한국어를 공부해요. {{c3::서울}}에 살아요.';
		const live = await editClozeText(db, c1!.id, { text, tags: [] }, AT + 10);
		const retired = (await db.cards.get(c2!.id)) as CardRecord;
		expect(retired).toMatchObject({ queue: Queue.retired, statusAt: AT + 10, back: c2!.back });
		expect(live.map((card) => card.clozeSource?.slot)).toEqual(['c1', 'c3']);
		const added = live[1] as CardRecord;
		expect(added).toMatchObject({ deck: 'korean', kind: 'cloze', rule: 'manual', queue: Queue.new, order: 3, front: '저는 학생이에요. 한국어를 공부해요. [...]에 살아요.', clozeSource: { id: c1!.clozeSource!.id, text, slot: 'c3' } });
		expect(added.id).toMatch(/^manual:/);

		// The number back: its card returns to its queue with its history, and no card is made twice.
		await editClozeText(db, c1!.id, { text: QA_SENTENCE, tags: [] }, AT + 20);
		expect(await db.cards.get(c2!.id)).toMatchObject({ queue: Queue.new, statusAt: AT + 20, front: c2!.front });
		expect((await db.cards.get(added.id))?.queue).toBe(Queue.retired);
		expect(await cardsInDeck(db, 'korean').count()).toBe(4);
	});

	it('takes a retired card out of today’s session; leech tags stay each card’s own', async () => {
		db = freshDatabase();
		const [c1, c2] = await addSentence();
		await db.cards.update(c2!.id, { tags: ['ko', 'leech'] });
		await openSession(db, 'korean', TODAY, DEFAULT_SETTINGS, AT);
		await editClozeText(db, c1!.id, { text: '저는 {{c1::학생}}이에요. {{c2::한국어}}를 공부해요.', tags: ['ko', 'leech'] }, AT + 10);
		expect((await db.cards.get(c1!.id))?.tags).toEqual(['ko', 'leech']);
		expect((await db.cards.get(c2!.id))?.tags).toEqual(['ko', 'leech']);
		await editClozeText(db, c1!.id, { text: '저는 {{c1::학생}}이에요.', tags: ['ko'] }, AT + 20);
		expect((await db.cards.get(c2!.id))?.tags).toEqual(['ko', 'leech']);
		const session = await openSession(db, 'korean', TODAY, DEFAULT_SETTINGS, AT + 30);
		expect(session.session.entries.map((entry) => entry.id)).not.toContain(c2!.id);
		expect(session.session.entries.map((entry) => entry.id)).toContain(c1!.id);
	});

	it('writes all of it in one transaction: a failed write leaves every sibling as it was', async () => {
		db = freshDatabase();
		const [c1, c2] = await addSentence();
		// Both clozes in the session (siblings would wait for another day), so that the edit writes the session last.
		await openSession(db, 'korean', TODAY, { ...DEFAULT_SETTINGS, buryNewSiblings: false }, AT);
		const before = await db.cards.toArray();
		// Taking the retired card out of the session is the last write: it fails after the cards are written.
		const put = vi.spyOn(db.sessions, 'put').mockRejectedValue(new Error('disk full'));
		await expect(editClozeText(db, c1!.id, { text: '저는 {{c1::대학생}}이에요. {{c3::서울}}', tags: [] }, AT + 10)).rejects.toThrow('disk full');
		put.mockRestore();
		expect(await db.cards.toArray()).toEqual(before);
		expect((await db.cards.get(c2!.id))?.queue).toBe(Queue.new);
	});

	it('edits an Anki Cloze note’s cards as its HTML text: Anki’s sides, and a new deletion is the card Anki would make of it', async () => {
		db = freshDatabase();
		const text = '<b>Seoul</b> is in {{c1::Korea}}.';
		const draft = draftClozeText(text, 'html');
		if (!draft.ok) throw new Error('no cloze');
		const { kind, front, back } = draft.cards[0]!;
		const card = { id: 'anki-G-0', deck: 'anki-geo', kind, rule: 'imported' as const, front, back, format: 'html' as const, path: [], tags: [], images: [], source: { file: 'geo.apkg', line: 1 }, clozeSource: { id: 'G', text, slot: 'c1' } };
		await applyImport(db, { ...emptyBundle('apkg', 'geo.apkg'), decks: [{ id: 'anki-geo', name: 'Geo', tags: [], cards: [card] }] });
		const live = await editClozeText(db, 'anki-G-0', { text: '<b>Seoul</b> is in {{c1::Korea}}, in {{c2::Asia}}.', tags: [] }, AT + 10);
		expect(live.map((one) => [one.id, one.format, one.clozeSource?.slot, one.front])).toEqual([
			['anki-G-0', 'html', 'c1', '<b>Seoul</b> is in <span class="cloze-blank">[...]</span>, in Asia.'],
			['anki-G-1', 'html', 'c2', '<b>Seoul</b> is in Korea, in <span class="cloze-blank">[...]</span>.']
		]);
		await expect(editClozeText(db, 'anki-G-0', { text: '==Korea==', tags: [] })).rejects.toThrow(NoClozeError);
	});

	it('refuses a text that blanks nothing, and a card without a text of its own', async () => {
		db = freshDatabase();
		const [c1] = await addSentence();
		await expect(editClozeText(db, c1!.id, { text: 'nothing marked', tags: [] })).rejects.toThrow(NoClozeError);
		const q = (await db.cards.toArray()).find((card) => card.front === 'q') as CardRecord;
		await expect(editClozeText(db, q.id, { text: '{{c1::x}} y z', tags: [] })).rejects.toThrow(NotEditableError);
		expect((await db.cards.get(c1!.id))?.clozeSource?.text).toBe(QA_SENTENCE);
	});
});
