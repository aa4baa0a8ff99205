/**
 * Putting decks of cards into the store: the built-in decks of each build, and
 * later imported ones. Cards are upserted by id and keep their progress; a card
 * whose id vanished hands its history to the new card `matchCards` pairs it
 * with; the rest of the vanished cards are retired. Review rows are never deleted.
 */
import type { Deck } from '../notes/deck-format';
import { matchCards } from '../notes/match';
import { NEW_CARD } from '../srs/sm2';
import { Queue, type CardRecord, type DeckOrigin, type DeckRecord, type RecallDatabase } from './schema';

export interface DeckUpdate {
	deck: Deck;
	/** The deck's content hash: a deck whose stored hash matches is left alone. */
	hash: string;
}

export interface DeckSyncResult {
	deck: string;
	added: number;
	updated: number;
	/** Cards that vanished and handed their history to a reworded card. */
	moved: number;
	retired: number;
	/** Retired cards that came back. */
	restored: number;
}

function queueOf(card: Pick<CardRecord, 'dueDay'>): CardRecord['queue'] {
	return card.dueDay === undefined ? Queue.new : Queue.scheduled;
}

/** Puts one deck into the store, in one transaction. */
export async function applyDeck(db: RecallDatabase, update: DeckUpdate, origin: DeckOrigin, now = Date.now()): Promise<DeckSyncResult> {
	const { deck, hash } = update;
	return db.transaction('rw', db.decks, db.cards, db.reviews, async () => {
		const result: DeckSyncResult = { deck: deck.id, added: 0, updated: 0, moved: 0, retired: 0, restored: 0 };
		const existingDeck = await db.decks.get(deck.id);
		const stored = await db.cards.where('deck').equals(deck.id).toArray();
		const storedById = new Map(stored.map((card) => [card.id, card]));
		const incomingIds = new Set(deck.cards.map((card) => card.id));

		// Reworded questions: the vanished card's progress and history go to its successor.
		const vanished = stored.filter((card) => !incomingIds.has(card.id) && card.queue !== Queue.retired);
		const added = deck.cards.filter((card) => !storedById.has(card.id));
		const matches = matchCards(vanished, added);
		const inheritFrom = new Map(matches.map((match) => [match.to, storedById.get(match.from) as CardRecord]));
		for (const match of matches) {
			await db.reviews.where('card').equals(match.from).modify({ card: match.to });
			await db.cards.delete(match.from);
			result.moved++;
		}
		const movedAway = new Set(matches.map((match) => match.from));

		const records: CardRecord[] = deck.cards.map((card, order) => {
			const previous = storedById.get(card.id) ?? inheritFrom.get(card.id);
			if (!previous) {
				result.added++;
				return { ...card, state: { ...NEW_CARD }, order, queue: Queue.new, createdAt: now, updatedAt: now };
			}
			if (storedById.has(card.id)) result.updated++;
			const wasRetired = previous.queue === Queue.retired;
			if (wasRetired) result.restored++;
			const queue = previous.queue === Queue.suspended ? Queue.suspended : queueOf(previous);
			const record: CardRecord = {
				...card,
				state: previous.state,
				order,
				queue,
				createdAt: previous.createdAt,
				updatedAt: now
			};
			if (previous.dueDay !== undefined) record.dueDay = previous.dueDay;
			if (previous.buriedUntil !== undefined) record.buriedUntil = previous.buriedUntil;
			if (previous.lastReview !== undefined) record.lastReview = previous.lastReview;
			return record;
		});
		await db.cards.bulkPut(records);

		const toRetire = vanished.filter((card) => !movedAway.has(card.id));
		for (const card of toRetire) await db.cards.update(card.id, { queue: Queue.retired, updatedAt: now });
		result.retired = toRetire.length;

		const record: DeckRecord = {
			id: deck.id,
			name: deck.name,
			origin,
			tags: deck.tags,
			hash,
			retired: false,
			createdAt: existingDeck?.createdAt ?? now,
			updatedAt: now
		};
		if (deck.source !== undefined) record.source = deck.source;
		await db.decks.put(record);
		return result;
	});
}

/** Retires a whole deck that is gone from the build: its cards leave every queue, their history stays. */
export async function retireDeck(db: RecallDatabase, deckId: string, now = Date.now()): Promise<number> {
	return db.transaction('rw', db.decks, db.cards, async () => {
		await db.decks.update(deckId, { retired: true, updatedAt: now });
		return db.cards
			.where('deck')
			.equals(deckId)
			.and((card) => card.queue !== Queue.retired)
			.modify({ queue: Queue.retired, updatedAt: now });
	});
}

export interface BuiltInDeckSource {
	id: string;
	hash: string;
	load: () => Promise<Deck | undefined>;
}

/**
 * Brings the store up to date with the decks of this build: only decks whose
 * hash changed are loaded and applied; built-in decks no longer shipped are retired.
 */
export async function syncBuiltInDecks(db: RecallDatabase, sources: readonly BuiltInDeckSource[], now = Date.now()): Promise<DeckSyncResult[]> {
	const stored = await db.decks.where('id').anyOf(sources.map((source) => source.id)).toArray();
	const storedHash = new Map(stored.map((deck) => [deck.id, deck]));
	const results: DeckSyncResult[] = [];
	for (const source of sources) {
		const current = storedHash.get(source.id);
		if (current && current.hash === source.hash && !current.retired) continue;
		const deck = await source.load();
		if (!deck) continue;
		results.push(await applyDeck(db, { deck, hash: source.hash }, 'built-in', now));
	}
	const shipped = new Set(sources.map((source) => source.id));
	const builtIn = await db.decks.filter((deck) => deck.origin === 'built-in' && !deck.retired && !shipped.has(deck.id)).toArray();
	for (const deck of builtIn) await retireDeck(db, deck.id, now);
	return results;
}
