/**
 * The decks the done screen lists: each imported deck with its page, and its study session where there is
 * something to study in it today, as the home page counts it (home-decks.ts). A learner who has just imported
 * notes wants to study them next; a deck with nothing to study today (every card already studied, or new cards
 * past today's limit) offers its page alone, as a Study link would open an empty session.
 */
import { deckHref, studyHref, type HomeDeck } from '../home-decks';

export interface ImportedDeck {
	id: string;
	name: string;
	cards: number;
}

export interface DoneDeck extends ImportedDeck {
	href: string;
	/** Set when the deck has new or due cards today. */
	studyHref?: string;
}

/** `today`: the home page's decks with their counts; undefined until they are read, when no deck offers its session yet. */
export function doneDecks(imported: readonly ImportedDeck[], today: readonly Pick<HomeDeck, 'id' | 'new' | 'due'>[] | undefined): DoneDeck[] {
	const toStudy = new Map((today ?? []).map((deck) => [deck.id, deck.new + deck.due]));
	return imported.map((deck) => ({
		...deck,
		href: deckHref(deck.id),
		...((toStudy.get(deck.id) ?? 0) > 0 && { studyHref: studyHref(deck.id) })
	}));
}
