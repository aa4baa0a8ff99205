/**
 * The name the study page's title gives its scope, known before the page shows: SvelteKit's route announcer reads
 * the title as the page appears, long before the session (and Dexie) is ready. Read without Dexie, in a moment.
 */
import { readStoredDeckName } from '$lib/db/quick-read';
import { ALL_DECKS, pathName, subtreePath } from '$lib/srs/deck-tree';

/**
 * The name of the deck (or of the parent, for a sub-deck tree) that `scope` studies: as stored, else as this build's
 * built-in deck of that id (a first visit, before the store is made). Undefined for every deck, or for no such deck.
 */
export async function readScopeName(scope: string, builtIn: readonly { id: string; name: string }[], dbName?: string): Promise<string | undefined> {
	if (scope === ALL_DECKS) return undefined;
	const tree = subtreePath(scope);
	if (tree !== undefined) return pathName(tree);
	// The title is no reason for the page to fail: the page reads the store again, and says what it finds.
	const stored = await readStoredDeckName(scope, dbName).catch(() => undefined);
	return stored ?? builtIn.find((deck) => deck.id === scope)?.name;
}
