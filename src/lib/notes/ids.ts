/**
 * Card and deck ids of notes, apart from the generator so that code that only
 * names decks (the store's own decks) does not load the parser with it.
 */
import { hash53, normalizeForId, slugify } from './text';

/**
 * A card's id: its deck, its heading path and what it asks, never where it
 * sits in the file, so edits elsewhere in the note keep its history.
 */
export function cardId(deckName: string, path: readonly string[], identity: string): string {
	const key = [normalizeForId(deckName), ...path.map(normalizeForId), normalizeForId(identity)].join('\u001f');
	return `md:${hash53(key)}`;
}

/** Deck ids that are words of the app's URLs: `/study/all` studies every deck. */
const RESERVED_DECK_IDS = new Set(['all']);

export function deckIdFor(name: string): string {
	const slug = slugify(name);
	return RESERVED_DECK_IDS.has(slug) ? `${slug}-deck` : slug;
}
