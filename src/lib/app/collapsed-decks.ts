/**
 * Which parent decks the home page shows collapsed. Kept in localStorage: it
 * is how this device shows the list, not the learner's data, so it stays out
 * of the store and its backups, and the home page, which reads the store
 * without Dexie, keeps it without loading Dexie.
 */
import { readHint, writeHint } from './first-paint-hints';

export const COLLAPSED_DECKS_KEY = 'recall:collapsed-decks';

/** The collapsed parents, by name path (`Parent::Child`); none when nothing is kept or what is kept is unreadable. */
export function readCollapsedDecks(): Set<string> {
	try {
		const kept: unknown = JSON.parse(readHint(COLLAPSED_DECKS_KEY) ?? '[]');
		return new Set(Array.isArray(kept) ? kept.filter((path): path is string => typeof path === 'string') : []);
	} catch {
		return new Set();
	}
}

export function writeCollapsedDecks(paths: ReadonlySet<string>): void {
	writeHint(COLLAPSED_DECKS_KEY, paths.size === 0 ? undefined : JSON.stringify([...paths].sort()));
}
