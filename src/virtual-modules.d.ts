// Modules that Vite plugins make up at build time (src/build/).

declare module 'virtual:recall/built-in-decks' {
	/** What the home page knows of a built-in deck without loading its cards. */
	export interface BuiltInDeckSummary {
		id: string;
		name: string;
		/** The note it was built from, relative to `decks/`. */
		file: string;
		cardCount: number;
		/** New cards a first study day can bring, in note order with new siblings held back: what the home page counts before the deck is stored. */
		firstDayNew: number;
		/** A short hash of the deck's content: it changes when a build ships a changed deck. */
		hash: string;
	}

	/** The built-in decks, in the order of their notes' paths. */
	export const builtInDecks: BuiltInDeckSummary[];

	/** The deck with this id and its cards (a chunk of its own), or undefined if there is none. */
	export function loadBuiltInDeck(id: string): Promise<import('$lib/notes/deck-format').Deck | undefined>;
}
