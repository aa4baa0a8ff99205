/**
 * Renaming a deck. Only the name changes: a deck's id came from its first name
 * and stays, so its cards, their history and links to it are untouched. The
 * name the learner gives is stamped (`nameAt`) so that it outlives importing
 * the deck's file again, and so that backups carry it: merges keep the later
 * name (imports.ts). Decks made from notes are named by their note's title,
 * and built-in decks come with the app: neither is renamed here.
 */
import { isGenerated } from './bulk';
import { cardsInDeck } from './lookups';
import type { CardRecord, DeckRecord, RecallDatabase } from './schema';

/** The longest deck name taken: a name is a heading, not a note. */
export const MAX_DECK_NAME = 200;

/** Why a name is not taken. */
export type DeckNameProblem = 'blank' | 'too-long' | 'taken';

export class DeckNameError extends Error {
	override name = 'DeckNameError';
	constructor(readonly problem: DeckNameProblem) {
		super(`renameDeck: the name is ${problem}`);
	}
}

/** Whether the learner may rename the deck: one imported from a table, a package or a deck file, or of their own. */
export function isRenamable(deck: Pick<DeckRecord, 'origin' | 'deletedAt'>, cards: readonly Pick<CardRecord, 'id'>[]): boolean {
	return deck.origin !== 'built-in' && deck.deletedAt === undefined && !cards.some(isGenerated);
}

/**
 * Gives the deck a new name (trimmed), in one transaction. A DeckNameError for
 * a blank or too long name or one another deck shown has; a RangeError for a
 * deck that is unknown or not renamable. Returns the deck as stored.
 */
export async function renameDeck(db: RecallDatabase, deckId: string, name: string, now = Date.now()): Promise<DeckRecord> {
	const trimmed = name.trim();
	if (trimmed === '') throw new DeckNameError('blank');
	if (trimmed.length > MAX_DECK_NAME) throw new DeckNameError('too-long');
	return db.transaction('rw', db.decks, db.cards, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new RangeError(`renameDeck: no deck ${deckId}`);
		if (!isRenamable(deck, await cardsInDeck(db, deckId).limit(1).toArray())) throw new RangeError(`renameDeck: the deck ${deckId} is not renamed here`);
		if (trimmed === deck.name) return deck;
		const taken = await db.decks.filter((other) => other.id !== deckId && !other.retired && other.name.trim().toLowerCase() === trimmed.toLowerCase()).count();
		if (taken > 0) throw new DeckNameError('taken');
		const renamed: DeckRecord = { ...deck, name: trimmed, nameAt: now, updatedAt: now };
		await db.decks.put(renamed);
		return renamed;
	});
}
