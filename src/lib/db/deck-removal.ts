/**
 * Deleting a whole deck, and taking that back. A deck is deleted the way the
 * card browser deletes cards (bulk.ts): nothing is dropped. The deck is
 * retired and marked `deletedAt`; each of its cards not deleted before is
 * deleted at that same moment, so that the moment tells the cards that went
 * with the deck from those the learner had deleted one by one. Only those come
 * back, whether by Restore here or by importing the deck's file again
 * (imports.ts). Built-in decks come with the app and are not deleted.
 */
import { deleteCards, restoreCards, type DeletedCard } from './bulk';
import { stampAfter } from './change-stamp';
import { cardsInDeck } from './lookups';
import { Queue, type DeckRecord, type RecallDatabase } from './schema';

/** Whether the learner may delete the deck: any deck but a built-in one, once. */
export function isDeletable(deck: Pick<DeckRecord, 'origin' | 'deletedAt'>): boolean {
	return deck.origin !== 'built-in' && deck.deletedAt === undefined;
}

/**
 * Deletes the deck and its cards in one transaction; their review rows stay.
 * Returns how each card stood, for `restoreDeck`. A RangeError for an unknown
 * deck or one that is not deletable.
 */
export async function deleteDeck(db: RecallDatabase, deckId: string, now = Date.now()): Promise<DeletedCard[]> {
	return db.transaction('rw', db.decks, db.cards, db.sessions, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new RangeError(`deleteDeck: no deck ${deckId}`);
		if (!isDeletable(deck)) throw new RangeError(`deleteDeck: the deck ${deckId} cannot be deleted`);
		const cards = await cardsInDeck(db, deckId).toArray();
		// One moment for the deck and the cards deleted with it (restoreDeck finds them by it): past each one's status clock.
		const at = cards.filter((card) => card.deletedAt === undefined).reduce((moment, card) => stampAfter(card.statusAt, moment), now);
		const deleted = await deleteCards(db, cards.map((card) => card.id), at);
		await db.decks.put({ ...deck, retired: true, deletedAt: at, updatedAt: now });
		return deleted;
	});
}

/**
 * Brings a deleted deck back with the cards deleted with it, as they stood
 * (`deleted`, from deleteDeck, or else each card's `retiredWhenDeleted` and
 * `retiredSuspended`: cards their note had retired stay retired, suspended ones
 * stay suspended). Cards deleted one by one before stay deleted. Returns the
 * number of cards restored; 0 for a deck that is not deleted.
 */
export async function restoreDeck(db: RecallDatabase, deckId: string, deleted: readonly DeletedCard[] = [], now = Date.now()): Promise<number> {
	return db.transaction('rw', db.decks, db.cards, db.sessions, async () => {
		const deck = await db.decks.get(deckId);
		if (deck?.deletedAt === undefined) return 0;
		const withDeck = await cardsInDeck(db, deckId)
			.filter((card) => card.deletedAt === deck.deletedAt)
			.toArray();
		const stood = new Map(deleted.map((card) => [card.id, card]));
		// How each stood: as the caller saw it, else as the card keeps it.
		const restored = await restoreCards(
			db,
			withDeck.map((card) => stood.get(card.id) ?? { id: card.id, queue: card.retiredWhenDeleted ? Queue.retired : card.retiredSuspended ? Queue.suspended : Queue.new }),
			now
		);
		const next: DeckRecord = { ...deck, retired: false, updatedAt: now };
		delete next.deletedAt;
		await db.decks.put(next);
		return restored.length;
	});
}
