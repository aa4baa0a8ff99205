/**
 * The limits of a session over a deck and its sub-decks, as Anki's v3
 * scheduler keeps them: the deck studied caps the whole session, each deck
 * under it caps itself and its own sub-decks together, and a parent without a
 * deck of its own (known only from its sub-decks' names) caps like a deck
 * without options of its own, by the default limits. What was studied today
 * in a sub-deck counts against every limit above it.
 */
import { deckPath, isUnder, pathName, subtreeScope } from './deck-tree';
import type { QueueLimits } from './queue-limits';
import type { PerDeckLimits, StudiedToday } from './session';

export interface LimitedDeck {
	id: string;
	name: string;
	/** The deck's limits: its options over the defaults. */
	limits: QueueLimits;
}

export interface SubtreeLimits {
	/** The ids of the decks in the tree. */
	scopeDecks: Set<string>;
	/** The limits of the deck studied, which cap the whole session. */
	limits: QueueLimits;
	/** Studied today in the whole tree. */
	studiedToday: StudiedToday;
	/** Each deck's own limits (its order of new cards), and the limits of each path below the one studied, by its tree scope. */
	perDeck: PerDeckLimits;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function plus(a: StudiedToday, b: StudiedToday): StudiedToday {
	return { newCards: a.newCards + b.newCards, reviews: a.reviews + b.reviews };
}

/**
 * The limits of a session over `path` and everything under it. `decks` are
 * the decks that are studied (not retired), any of them; `defaults` the global
 * limits; `studiedByDeck` what each deck studied today.
 */
export function subtreeLimits(
	path: readonly string[],
	decks: readonly LimitedDeck[],
	defaults: QueueLimits,
	studiedByDeck: ReadonlyMap<string, StudiedToday>
): SubtreeLimits {
	const inTree = decks.filter((deck) => isUnder(deck.name, path)).sort(byId);
	// Two decks at one path (`A` and `A::`): the first by id speaks for it, as it holds the sub-decks (deck-tree.ts).
	const limitsAt = new Map<string, QueueLimits>();
	for (const deck of inTree) {
		const key = pathName(deckPath(deck.name));
		if (!limitsAt.has(key)) limitsAt.set(key, deck.limits);
	}
	const at = (part: readonly string[]) => limitsAt.get(pathName(part)) ?? defaults;
	const limits = new Map<string, QueueLimits>();
	const studied = new Map<string, StudiedToday>();
	const capsOf = new Map<string, string[]>();
	let total: StudiedToday = { newCards: 0, reviews: 0 };
	for (const deck of inTree) {
		limits.set(deck.id, deck.limits);
		const own = deckPath(deck.name);
		const done = studiedByDeck.get(deck.id) ?? { newCards: 0, reviews: 0 };
		total = plus(total, done);
		const keys: string[] = [];
		for (let depth = path.length + 1; depth <= own.length; depth++) {
			const part = own.slice(0, depth);
			const key = subtreeScope(part);
			if (!limits.has(key)) limits.set(key, at(part));
			studied.set(key, plus(studied.get(key) ?? { newCards: 0, reviews: 0 }, done));
			keys.push(key);
		}
		capsOf.set(deck.id, keys);
	}
	return {
		scopeDecks: new Set(inTree.map((deck) => deck.id)),
		limits: at(path),
		studiedToday: total,
		perDeck: { limits, studiedToday: studied, capsOf }
	};
}
