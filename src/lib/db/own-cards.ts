/**
 * Decks and cards of the learner's own, edits of cards in place, a card's
 * whole story for the card info page, and a deck's options.
 *
 * - A deck of one's own has origin 'manual' and the id `deckIdFor(name)`, or,
 *   when a deck that is gone or now named otherwise (deleted, retired, renamed)
 *   has that id, the first of `<id>-2`, `<id>-3`… that is free: a deck's id is
 *   its history's, never handed to another. A name that gives the id of a
 *   shown deck's name is refused.
 * - Cards written in the app have ids `manual:<random UUID>`: unique, and never
 *   derived from their text, so editing them keeps their id and history.
 * - Cards of imported and own decks can be edited in place (front, back,
 *   tags); cards made from notes cannot: their note is their source, and the
 *   note's next update would undo the edit. Editing changes no id and no row.
 */
import type { Card, CardKind } from '../notes/deck-format';
import { deckIdFor } from '../notes/ids';
import { NEW_CARD } from '../srs/sm2';
import { cardHistory } from './answers';
import { isGenerated } from './bulk';
import { sameNameShown } from './deck-rename';
import { cardsInDeck } from './lookups';
import { normalizeDeckOptions, sameLimits, type DeckOptions } from './deck-options';
import { Queue, type CardRecord, type DeckRecord, type RecallDatabase, type ReviewRecord } from './schema';
import { markSessionsOutdated, markSessionsToRefill, scopesHolding } from './sessions';

/** A deck with the id a new deck's name gives is already there. */
export class DeckExistsError extends Error {
	override name = 'DeckExistsError';
	constructor(
		readonly deckId: string,
		readonly existingName: string
	) {
		super(`There is already a deck "${existingName}" (id ${deckId}).`);
	}
}

/** The card (or its deck) does not take the change asked for. */
export class NotEditableError extends Error {
	override name = 'NotEditableError';
}

/**
 * Creates an empty deck of one's own. Throws DeckExistsError when a deck shown (not retired) has a name that gives
 * the same id (the same name, but for case and punctuation), a RangeError for a blank name.
 */
export async function createDeck(db: RecallDatabase, name: string, now = Date.now()): Promise<DeckRecord> {
	const trimmed = name.trim();
	if (trimmed === '') throw new RangeError('createDeck: a deck needs a name');
	const base = deckIdFor(trimmed);
	return db.transaction('rw', db.decks, async () => {
		const same = await sameNameShown(db, trimmed);
		if (same) throw new DeckExistsError(same.id, same.name);
		const taken = new Set((await db.decks.toCollection().primaryKeys()) as string[]);
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
		const deck: DeckRecord = { id, name: trimmed, origin: 'manual', tags: [], retired: false, createdAt: now, updatedAt: now };
		await db.decks.add(deck);
		return deck;
	});
}

/** A card as written in the app. */
export interface CardDraft {
	kind: CardKind;
	/** Markdown. */
	front: string;
	back: string;
	tags?: string[];
}

/** Tags as typed ("aws, ec2 basics" or "aws ec2"): split at commas and spaces, each once. */
export function parseTags(text: string): string[] {
	return [...new Set(text.split(/[,\s]+/).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

function checkSides(front: string, back: string): void {
	if (front.trim() === '' || back.trim() === '') throw new RangeError('A card needs a front and a back.');
}

/**
 * Adds cards written in the app to a deck of one's own, after its cards, in
 * one transaction. Returns the new cards. A NotEditableError for a deck that
 * is not one's own (a note's next update would retire them), a RangeError for
 * an unknown deck or an empty side.
 */
export async function addCards(db: RecallDatabase, deckId: string, drafts: readonly CardDraft[], now = Date.now()): Promise<CardRecord[]> {
	for (const draft of drafts) checkSides(draft.front, draft.back);
	return db.transaction('rw', db.decks, db.cards, db.sessions, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new RangeError(`addCards: no deck ${deckId}`);
		if (deck.origin !== 'manual') throw new NotEditableError(`Cards can be added only to decks of your own; "${deck.name}" is not one.`);
		const present = await cardsInDeck(db, deckId).toArray();
		let order = present.reduce((max, card) => Math.max(max, card.order), -1);
		const cards: CardRecord[] = drafts.map((draft) => {
			const card: Card = {
				id: `manual:${globalThis.crypto.randomUUID()}`,
				deck: deckId,
				kind: draft.kind,
				rule: 'manual',
				front: draft.front.trim(),
				back: draft.back.trim(),
				path: [],
				tags: draft.tags ?? [],
				images: [],
				// The deck format asks every card for a source: a card written in the app has no file.
				source: { file: '', line: 1 }
			};
			return { ...card, state: { ...NEW_CARD }, order: ++order, queue: Queue.new, createdAt: now, updatedAt: now };
		});
		await db.cards.bulkAdd(cards);
		await db.decks.update(deckId, { updatedAt: now });
		// Studied today already, the deck takes its new cards in today, within what is left of the day's new cards.
		await markSessionsToRefill(db, scopesHolding(deck));
		return cards;
	});
}

/** Whether a card can be edited in place: not made from a note, and in an imported deck or one of one's own. */
export function isEditable(card: Pick<CardRecord, 'id'>, deck: Pick<DeckRecord, 'origin'> | undefined): boolean {
	return !isGenerated(card) && deck !== undefined && (deck.origin === 'import' || deck.origin === 'manual');
}

export interface CardEdit {
	front: string;
	back: string;
	tags: string[];
}

/** Changes a card's content in place: same id, same schedule, same rows. Throws NotEditableError for a card made from a note. */
export async function editCard(db: RecallDatabase, cardId: string, edit: CardEdit, now = Date.now()): Promise<CardRecord> {
	checkSides(edit.front, edit.back);
	return db.transaction('rw', db.decks, db.cards, async () => {
		const card = await db.cards.get(cardId);
		if (!card) throw new RangeError(`editCard: no card ${cardId}`);
		if (!isEditable(card, await db.decks.get(card.deck))) throw new NotEditableError('This card is made from a note: edit the note instead.');
		const next: CardRecord = { ...card, front: edit.front.trim(), back: edit.back.trim(), tags: [...edit.tags], contentAt: now, updatedAt: now };
		await db.cards.put(next);
		return next;
	});
}

export interface CardInfo {
	card: CardRecord;
	deck: DeckRecord | undefined;
	/** Its log rows, oldest first: answers, and state rows (imported scheduling, resets). */
	rows: ReviewRecord[];
}

/** A card with its deck and its whole review history, or undefined when there is no such card. */
export async function loadCardInfo(db: RecallDatabase, cardId: string): Promise<CardInfo | undefined> {
	return db.transaction('r', db.decks, db.cards, db.reviews, async () => {
		const card = await db.cards.get(cardId);
		if (!card) return undefined;
		const [deck, rows] = await Promise.all([db.decks.get(card.deck), cardHistory(db, cardId)]);
		return { card, deck, rows };
	});
}

/**
 * Sets a deck's options (absent fields: the global setting). A change of its
 * limits or order marks the stored sessions of that deck, of all decks and
 * of the sub-deck trees it is in outdated, so that today's sessions are made again with the new limits (what
 * was studied today still counts, and the session keeps its answers and their
 * undo steps); its leech options apply from the next lapse, and change no queue.
 */
export async function saveDeckOptions(db: RecallDatabase, deckId: string, options: DeckOptions, now = Date.now()): Promise<DeckOptions> {
	const normalized = normalizeDeckOptions(options);
	return db.transaction('rw', db.decks, db.sessions, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new RangeError(`saveDeckOptions: no deck ${deckId}`);
		const next: DeckRecord = { ...deck, updatedAt: now };
		delete next.options;
		if (Object.keys(normalized).length > 0) next.options = normalized;
		await db.decks.put(next);
		if (!sameLimits(normalizeDeckOptions(deck.options), normalized)) await markSessionsOutdated(db, scopesHolding(deck));
		return normalized;
	});
}
