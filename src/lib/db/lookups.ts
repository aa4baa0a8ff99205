/**
 * A deck's cards and cards' log rows, read through the compound indexes that
 * hold every one of them. Since version 4 the store has no single-field
 * `cards.deck` or `reviews.card` index (every import and every answer paid
 * for each twice). Dexie would still answer `where('deck')`, from a compound
 * index of its own choosing: the first by name, `[deck+queue+dueDay]`, which
 * holds no new card (a new card has no due day). So these name the index:
 * every card has a queue and an order (schema.ts), every row a time.
 */
import { Dexie, type Collection, type InsertType } from 'dexie';
import type { CardRecord, RecallDatabase, ReviewRecord } from './schema';

/** Every card of the deck, deleted and retired ones too, by queue and order. */
export function cardsInDeck(db: RecallDatabase, deckId: string): Collection<CardRecord, string, InsertType<CardRecord, 'id'>> {
	return db.cards.where('[deck+queue+order]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey], true, true);
}

/**
 * The log rows of the cards, each card's in time order. `[card+reviewedAt]` is
 * the only index that starts with the card, so Dexie's `where('card')` reads
 * it (as a prefix); its `anyOf` walks one cursor over sorted keys, where
 * `inAnyRange` would merge tens of thousands of ranges pair by pair.
 */
export function rowsOfCards(db: RecallDatabase, cardIds: readonly string[]): Collection<ReviewRecord, string, InsertType<ReviewRecord, 'id'>> {
	return db.reviews.where('card').anyOf(cardIds as string[]);
}
