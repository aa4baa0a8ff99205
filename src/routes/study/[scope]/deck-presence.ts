/**
 * Whether the deck studied is still there. Deleted in another tab, its study
 * page says so (rather than "no cards yet", which the emptied session alone
 * would say), and a restore there brings the session back here.
 */
import type { DeckRecord, RecallDatabase } from '$lib/db';
import { followLive } from '$lib/db/live-follow';
import { subtreePath } from '$lib/srs/deck-tree';
import { ALL_DECKS } from '$lib/srs/session';

/** A deck no longer studied: deleted (which retires it), retired, or not there at all. */
export function deckIsGone(deck: Pick<DeckRecord, 'retired'> | undefined): boolean {
	return deck === undefined || deck.retired;
}

/**
 * Calls `changed` with whether the deck of `scope` is gone, at once and after each change to it (in any tab).
 * A scope of several decks (all decks, a sub-deck tree) is never gone. Returns the stop.
 */
export function followDeckGone(db: RecallDatabase, scope: string, changed: (gone: boolean) => void): () => void {
	if (scope === ALL_DECKS || subtreePath(scope) !== undefined) return () => {};
	return followLive(
		() => db.decks.get(scope),
		(deck) => changed(deckIsGone(deck)),
		(error) => console.error('Recall: the deck studied could not be followed', error)
	);
}
