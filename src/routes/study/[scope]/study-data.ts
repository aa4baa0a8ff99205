/**
 * What the study screen needs before its session opens: the scope, the deck's
 * name, every deck (its name for the context line, its origin for Edit card) and the settings. Read after
 * the built-in decks are in the store; undefined when there is no such deck (a deck deleted or retired is
 * there: its page says what became of it, and follows it back).
 */
import { appReady } from '$lib/app/boot';
import { scopeFromParam } from '$lib/app/study-scope';
import { database, loadSettings, type DeckRecord, type Settings } from '$lib/db';
import { ALL_DECKS, isUnder, pathName, subtreePath } from '$lib/srs/deck-tree';
import { deckPresence, type DeckPresence } from './deck-presence';

export interface StudyData {
	scope: string;
	/** Undefined when studying every deck; a parent's whole name when studying it with its sub-decks. */
	deckName: string | undefined;
	/** Every deck by id: its name for the context above each card, and what Edit card needs of it. */
	decks: Record<string, DeckRecord>;
	/** The deck is the learner's own (made in the app): cards can be added to it there. */
	ownDeck: boolean;
	/** Whether the deck studied is there as the page opens (a scope of several decks always is). */
	presence: DeckPresence;
	settings: Settings;
}

export async function loadStudyData(param: string): Promise<StudyData | undefined> {
	await appReady();
	// The benchmark (bench/study.bench.ts) times the first card from here: the app is ready, the study page starts.
	performance.mark('recall:study-start');
	const db = database();
	const scope = scopeFromParam(param);
	const [decks, settings] = await Promise.all([db.decks.toArray(), loadSettings(db)]);
	const byId = Object.fromEntries(decks.map((candidate) => [candidate.id, candidate]));
	const tree = subtreePath(scope);
	if (tree !== undefined) {
		// A parent and its sub-decks: studied while any deck under it is; it may have no deck of its own.
		if (!decks.some((candidate) => !candidate.retired && isUnder(candidate.name, tree))) return undefined;
		return { scope, deckName: pathName(tree), decks: byId, ownDeck: false, presence: 'studied', settings };
	}
	const deck = decks.find((candidate) => candidate.id === scope);
	if (scope !== ALL_DECKS && deck === undefined) return undefined;
	return {
		scope,
		deckName: deck?.name,
		decks: byId,
		ownDeck: deck?.origin === 'manual',
		presence: scope === ALL_DECKS ? 'studied' : deckPresence(deck),
		settings
	};
}
