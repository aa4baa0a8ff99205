/**
 * Renaming a deck. Only the name changes: a deck's id came from its first name
 * and stays, so its cards, their history and links to it are untouched. The
 * name the learner gives is stamped (`nameAt`) so that it outlives importing
 * the deck's file again, and so that backups carry it: merges keep the later
 * name (imports.ts). Decks made from notes are named by their note's title,
 * and built-in decks come with the app: neither is renamed here.
 */
import { deckIdFor } from '../notes/ids';
import { isGenerated } from './bulk';
import { stampAfter } from './change-stamp';
import { subtreeScopesOf, tidyDeckName } from '../srs/deck-tree';
import { cardsInDeck } from './lookups';
import { markSessionsOutdated } from './sessions';
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

/**
 * A deck shown (not retired, not `except`) whose name is `name` but for case and punctuation: the names give the
 * same id (`deckIdFor`). New deck and Rename refuse such a name alike: two decks shown would read as one.
 */
export async function sameNameShown(db: RecallDatabase, name: string, except?: string): Promise<DeckRecord | undefined> {
	const key = deckIdFor(name);
	return db.decks.filter((deck) => deck.id !== except && !deck.retired && deckIdFor(deck.name) === key).first();
}

/** Whether the learner may rename the deck: one imported from a table, a package or a deck file, or of their own. */
export function isRenamable(deck: Pick<DeckRecord, 'origin' | 'deletedAt'>, cards: readonly Pick<CardRecord, 'id'>[]): boolean {
	return deck.origin !== 'built-in' && deck.deletedAt === undefined && !cards.some(isGenerated);
}

/**
 * Gives the deck a new name (tidied: `tidyDeckName`), in one transaction. A DeckNameError for
 * a name with nothing left once tidied, a too long one or one another deck shown has; a RangeError for a
 * deck that is unknown or not renamable. Returns the deck as stored.
 */
export async function renameDeck(db: RecallDatabase, deckId: string, name: string, now = Date.now()): Promise<DeckRecord> {
	const tidied = tidyDeckName(name);
	if (tidied === '') throw new DeckNameError('blank');
	if (tidied.length > MAX_DECK_NAME) throw new DeckNameError('too-long');
	return db.transaction('rw', db.decks, db.cards, db.sessions, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) throw new RangeError(`renameDeck: no deck ${deckId}`);
		if (!isRenamable(deck, await cardsInDeck(db, deckId).limit(1).toArray())) throw new RangeError(`renameDeck: the deck ${deckId} is not renamed here`);
		if (tidied === deck.name) return deck;
		if (await sameNameShown(db, tidied, deckId)) throw new DeckNameError('taken');
		const renamed: DeckRecord = { ...deck, name: tidied, nameAt: stampAfter(deck.nameAt, now), updatedAt: now };
		await db.decks.put(renamed);
		// The name places the deck in a sub-deck tree: the sessions of the trees it leaves and joins are made again.
		await markSessionsOutdated(db, [...new Set([...subtreeScopesOf(deck.name), ...subtreeScopesOf(tidied)])]);
		return renamed;
	});
}
