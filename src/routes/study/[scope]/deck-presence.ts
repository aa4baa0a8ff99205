/**
 * Whether the deck studied is still there, and if not, what became of it.
 * Deleted (here or in another tab), its study page says so (rather than "no
 * cards yet", which the emptied session alone would say), and a restore
 * brings the session back; retired (its note now makes another deck, or it
 * left the app), the page says that instead.
 */
import type { DeckRecord, RecallDatabase } from '$lib/db';
import { followLive } from '$lib/db/live-follow';
import { ALL_DECKS, subtreePath } from '$lib/srs/deck-tree';

/** Studied; deleted by the learner (which retires it too); retired (gone from its note or the app); or never there. */
export type DeckPresence = 'studied' | 'deleted' | 'retired' | 'missing';

export function deckPresence(deck: Pick<DeckRecord, 'retired' | 'deletedAt'> | undefined): DeckPresence {
	if (deck === undefined) return 'missing';
	if (deck.deletedAt !== undefined) return 'deleted';
	return deck.retired ? 'retired' : 'studied';
}

/** A scope of several decks (all decks, a sub-deck tree) is always there: its decks come and go within it. */
function isOneDeck(scope: string): boolean {
	return scope !== ALL_DECKS && subtreePath(scope) === undefined;
}

/**
 * Calls `changed` with the presence of the deck of `scope`, at once and after each change to it (in any tab).
 * A scope of several decks is never followed. Returns the stop.
 */
export function followDeckPresence(db: RecallDatabase, scope: string, changed: (presence: DeckPresence) => void): () => void {
	if (!isOneDeck(scope)) return () => {};
	return followLive(
		() => db.decks.get(scope),
		(deck) => changed(deckPresence(deck)),
		(error) => console.error('Recall: the deck studied could not be followed', error)
	);
}
