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
 * - The two cards written "Basic, both ways" share a sibling key (`both:<UUID>`),
 *   as an Anki note's two cards do: a day introduces one of them, and an Anki
 *   package makes them one "Basic (and reversed card)" note.
 * - A cloze written in the app keeps its text on each of its cards
 *   (`clozeSource`), and is edited as that text: `editClozeText` makes all its
 *   cards again, as Anki does a cloze note's. So is an Anki Cloze note's card
 *   that shows its note's Text and nothing else (its text is HTML).
 */
import { planClozeEdit } from '../notes/cloze-edit';
import type { Card, CardKind, ClozeSource } from '../notes/deck-format';
import { deckIdFor } from '../notes/ids';
import { draftClozeText } from '../io/anki/cloze-text';
import { ankiCardOf } from '../io/anki/card-ids';
import { tidyDeckName } from '../srs/deck-tree';
import { hasLeechTag } from '../srs/leech';
import { NEW_CARD } from '../srs/sm2';
import { sameValue } from '../io/same-value';
import { cardHistory } from './answers';
import { dropFromSessions, isGenerated } from './bulk';
import { queueFor } from './card-state';
import { stampAfter } from './change-stamp';
import { sameNameShown } from './deck-rename';
import { cardsInDeck } from './lookups';
import { normalizeDeckOptions, sameLimits, type DeckOptions } from '../srs/deck-options';
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
 * Creates an empty deck of one's own, named `name` tidied (`tidyDeckName`). Throws DeckExistsError when a deck
 * shown (not retired) has a name that gives the same id (the same name, but for case and punctuation), a
 * RangeError for a name with nothing left once tidied.
 */
export async function createDeck(db: RecallDatabase, name: string, now = Date.now()): Promise<DeckRecord> {
	const tidied = tidyDeckName(name);
	if (tidied === '') throw new RangeError('createDeck: a deck needs a name');
	const base = deckIdFor(tidied);
	return db.transaction('rw', db.decks, async () => {
		const same = await sameNameShown(db, tidied);
		if (same) throw new DeckExistsError(same.id, same.name);
		const taken = new Set((await db.decks.toCollection().primaryKeys()) as string[]);
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
		const deck: DeckRecord = { id, name: tidied, origin: 'manual', tags: [], retired: false, createdAt: now, updatedAt: now };
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
	/** A cloze's card: the text as written and which of its cards this is (ManualCard's slot). */
	cloze?: { text: string; slot: string };
	/** The draft before it asked the other way ("Basic, both ways"): the two are siblings, as an Anki note's two cards. */
	reverses?: true;
}

/** The sibling key of a card written "both ways" and its reverse: `both:<random UUID>`, shared by the two. */
const BOTH_WAYS_KEY_PREFIX = 'both:';

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
		let order = await lastOrder(db, deckId);
		// The drafts of one text are its cards: they share its source.
		const sourceIds = new Map<string, string>();
		const cards = drafts.map((draft) => {
			const { cloze } = draft;
			if (!cloze) return newCard(deckId, draft, ++order, now);
			const text = cloze.text.trim();
			let id = sourceIds.get(text);
			if (id === undefined) sourceIds.set(text, (id = globalThis.crypto.randomUUID()));
			return newCard(deckId, draft, ++order, now, { clozeSource: { id, text, slot: cloze.slot } });
		});
		// A reverse follows the card it reverses (draftManualCards): the two share a sibling key, as an Anki note's cards do.
		drafts.forEach((draft, index) => {
			const [forward, reverse] = [cards[index - 1], cards[index]];
			if (!draft.reverses || !forward || !reverse) return;
			const key = `${BOTH_WAYS_KEY_PREFIX}${globalThis.crypto.randomUUID()}`;
			forward.siblingKeys = [key];
			reverse.siblingKeys = [key];
		});
		await db.cards.bulkAdd(cards);
		await db.decks.update(deckId, { updatedAt: now });
		// Studied today already, the deck takes its new cards in today, within what is left of the day's new cards.
		await markSessionsToRefill(db, scopesHolding(deck));
		return cards;
	});
}

async function lastOrder(db: RecallDatabase, deckId: string): Promise<number> {
	const present = await cardsInDeck(db, deckId).toArray();
	return present.reduce((max, card) => Math.max(max, card.order), -1);
}

/** What a new card of a cloze's text takes from it: the text, the format it is written in, and an id its note gives. */
interface NewCardExtras {
	clozeSource?: ClozeSource;
	format?: Card['format'];
	id?: string;
}

function newCard(deckId: string, draft: CardDraft, order: number, now: number, extras: NewCardExtras = {}): CardRecord {
	const { clozeSource, format } = extras;
	const card: Card = {
		id: extras.id ?? `manual:${globalThis.crypto.randomUUID()}`,
		deck: deckId,
		kind: draft.kind,
		rule: 'manual',
		front: draft.front.trim(),
		back: draft.back.trim(),
		path: [],
		tags: draft.tags ?? [],
		images: [],
		// The deck format asks every card for a source: a card written in the app has no file.
		source: { file: '', line: 1 },
		...(clozeSource ? { clozeSource } : {}),
		...(format === 'html' ? { format } : {})
	};
	return { ...card, state: { ...NEW_CARD }, order, queue: Queue.new, createdAt: now, updatedAt: now };
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
		const next: CardRecord = { ...card, front: edit.front.trim(), back: edit.back.trim(), tags: [...edit.tags], contentAt: stampAfter(card.contentAt, now), updatedAt: now };
		await db.cards.put(next);
		return next;
	});
}

/** A cloze's text as edited: its new text and the tags of its cards. */
export interface ClozeTextEdit {
	text: string;
	tags: string[];
}

/** The text makes no card: it marks nothing to blank out. */
export class NoClozeError extends RangeError {
	override name = 'NoClozeError';
}

/**
 * Changes the text a cloze card was made from (written in the app, or an Anki
 * note's Text: io/anki/cloze-text.ts), and so all
 * its sibling cards, in one transaction (see notes/cloze-edit.ts): each card
 * the text still makes keeps its id, schedule and rows; a card whose deletion
 * is gone is retired; a new deletion adds a card to the edited card's deck.
 * Every card of the text takes the tags, each keeping its own leech tag (the
 * edited card takes the tags as given). Returns the cards of the text now
 * live. A NotEditableError for a card without a source text, a NoClozeError
 * for a text that blanks nothing.
 */
export async function editClozeText(db: RecallDatabase, cardId: string, edit: ClozeTextEdit, now = Date.now()): Promise<CardRecord[]> {
	const text = edit.text.trim();
	return db.transaction('rw', db.decks, db.cards, db.sessions, async () => {
		const card = await db.cards.get(cardId);
		if (!card) throw new RangeError(`editClozeText: no card ${cardId}`);
		const source = card.clozeSource;
		if (!source || !isEditable(card, await db.decks.get(card.deck))) throw new NotEditableError('This card has no text of its own to edit.');
		// An Anki note's text is HTML, made into cards as Anki does; one written here is Markdown.
		const draft = draftClozeText(text, card.format);
		if (!draft.ok) throw new NoClozeError('Mark something to blank out: {{c1::…}} or ==…==.');
		const siblings = await db.cards.filter((other) => other.clozeSource?.id === source.id).toArray();
		const plan = planClozeEdit(
			siblings.map((sibling) => ({ id: sibling.id, slot: sibling.clozeSource?.slot ?? '', retired: sibling.queue === Queue.retired, deleted: sibling.deletedAt !== undefined })),
			draft.cards
		);
		const byId = new Map(siblings.map((sibling) => [sibling.id, sibling]));
		const tagsOf = (sibling: CardRecord) => (sibling.id === cardId ? [...edit.tags] : withLeechTagOf(sibling.tags, edit.tags));
		const written: CardRecord[] = [];
		for (const { id, card: made, revive } of plan.update) {
			const sibling = byId.get(id) as CardRecord;
			const content = { kind: made.kind, front: made.front, back: made.back, tags: tagsOf(sibling), clozeSource: { ...source, text, slot: made.slot ?? sibling.clozeSource?.slot ?? '' } };
			const changed = !sameValue(content, { kind: sibling.kind, front: sibling.front, back: sibling.back, tags: sibling.tags, clozeSource: sibling.clozeSource });
			// A card the edit leaves as it was is not written: its content keeps its date, which merges go by.
			if (!changed && !revive) continue;
			const next: CardRecord = { ...sibling, ...content, ...(changed ? { contentAt: stampAfter(sibling.contentAt, now) } : {}), updatedAt: now };
			written.push(revive ? { ...next, queue: queueFor({ suspended: false, retired: false }, next.dueDay), statusAt: stampAfter(sibling.statusAt, now) } : next);
		}
		const retired = plan.retire.map((id): CardRecord => {
			const sibling = byId.get(id) as CardRecord;
			return { ...sibling, queue: Queue.retired, statusAt: stampAfter(sibling.statusAt, now), updatedAt: now };
		});
		let order = plan.add.length > 0 ? await lastOrder(db, card.deck) : 0;
		const ankiIds = plan.add.flatMap((made) => ankiNoteCardId(card, made.slot) ?? []);
		const taken = new Set((await db.cards.bulkGet(ankiIds)).flatMap((other) => other?.id ?? []));
		const added = plan.add.map((made) => {
			// A new deletion of an Anki note's text is the card Anki would make of it: exported again, Anki's note gains that card.
			const id = ankiNoteCardId(card, made.slot);
			return newCard(card.deck, { ...made, tags: withLeechTagOf([], edit.tags) }, ++order, now, {
				clozeSource: { ...source, text, slot: made.slot ?? '' },
				format: card.format,
				...(id === undefined || taken.has(id) ? {} : { id })
			});
		});
		await db.cards.bulkPut([...written, ...retired, ...added]);
		await dropFromSessions(db, new Set(plan.retire));
		// Added cards join today's sessions after their queue, as any added card does; a card brought back takes its own place.
		const deck = await db.decks.get(card.deck);
		if (deck && plan.update.some(({ revive }) => revive)) await markSessionsOutdated(db, scopesHolding(deck));
		else if (deck && added.length > 0) await markSessionsToRefill(db, scopesHolding(deck));
		const writtenIds = new Set(written.map((next) => next.id));
		const unchanged = plan.update.filter(({ id }) => !writtenIds.has(id)).map(({ id }) => byId.get(id) as CardRecord);
		return [...written, ...unchanged, ...added].filter((next) => next.queue !== Queue.retired).sort((a, b) => a.order - b.order);
	});
}

/** The id Anki's note would give the card of deletion `slot` (`c4` → `anki-<guid>-3`), when `card` is of an Anki note's text. */
function ankiNoteCardId(card: CardRecord, slot: string | undefined): string | undefined {
	const guid = card.clozeSource?.id;
	const number = /^c(\d+)$/.exec(slot ?? '')?.[1];
	if (guid === undefined || number === undefined || ankiCardOf(card.id)?.guid !== guid) return undefined;
	return `anki-${guid}-${Number(number) - 1}`;
}

/** `tags` with `own`'s leech tag, if it has one, and no other: a leech tag belongs to one card. */
function withLeechTagOf(own: readonly string[], tags: readonly string[]): string[] {
	const others = tags.filter((tag) => !hasLeechTag([tag]));
	return hasLeechTag(own) ? [...others, ...own.filter((tag) => hasLeechTag([tag]))] : others;
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
