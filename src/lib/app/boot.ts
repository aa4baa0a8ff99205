/**
 * What every page waits for once per page load: the built-in decks of this
 * build applied to the store (only decks whose content changed are loaded).
 */
import { builtInDecks, loadBuiltInDeck } from 'virtual:recall/built-in-decks';
import { database, syncBuiltInDecks } from '$lib/db';

let ready: Promise<void> | undefined;

export function appReady(): Promise<void> {
	ready ??= syncBuiltInDecks(
		database(),
		builtInDecks.map((deck) => ({ id: deck.id, hash: deck.hash, load: () => loadBuiltInDeck(deck.id) }))
	).then(
		() => undefined,
		(error: unknown) => {
			// A failed sync must not block studying what is already stored; the next load tries again.
			ready = undefined;
			console.error('Recall: the built-in decks could not be updated', error);
		}
	);
	return ready;
}
