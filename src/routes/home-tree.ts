/**
 * The home page's decks as a tree by their names (`Parent::Child`,
 * $lib/srs/deck-tree). A row with sub-decks counts them in and studies them
 * with itself (a `tree:` scope), within the limits Anki's v3 scheduler keeps:
 * each deck's limit caps itself and everything under it together, so a
 * sub-deck gives no more than its own limit and a parent no more than its.
 * A parent known only from its sub-decks' names caps by the global limits,
 * like a deck without options of its own.
 */
import { studyPath } from '$lib/app/study-scope';
import { limitsForDeck } from '$lib/srs/deck-options';
import { newOfDeck, type StoredDeckCounts } from '$lib/db/quick-read';
import type { Settings } from '$lib/db/settings-values';
import { buildDeckTree, pathName, subtreeScope, type DeckTreeNode } from '$lib/srs/deck-tree';
import type { HomeDeck } from './home-decks';

export interface HomeRow {
	/** Unique among the rows: the deck's id, or for a parent without a deck its tree scope. */
	key: string;
	/** The whole name, `Parent::Child`: what the row's links are called for a screen reader. */
	name: string;
	/** The name's last part: what the row shows under its parent. */
	label: string;
	/** 0 for a deck at the top. */
	depth: number;
	new: number;
	due: number;
	total: number;
	/** The deck's page; for a parent without a deck, its parent page (`parentDeckHref`). */
	href: string;
	studyHref: string;
	/** A row with sub-decks: its name path, under which its collapsed state is kept. Undefined for a row without. */
	folder?: string;
	children: HomeRow[];
}

/** What a deck of the list is counted from. */
export interface CountedDeck {
	deck: HomeDeck;
	counts: StoredDeckCounts;
	/** The deck's options, as stored. */
	options?: unknown;
}

interface Tally {
	new: number;
	reviews: number;
	learning: number;
	total: number;
	newStudied: number;
	reviewsStudied: number;
}

/** The browser's search for the cards of `name` and its sub-decks (the `deck:` search includes them, as in Anki). */
export function browseDeckHref(name: string): string {
	const query = `deck:"${name.replace(/[\\"*]/g, '\\$&')}"`;
	return `/browse?${new URLSearchParams({ q: query })}`;
}

/**
 * The page of a parent without a deck of its own, which shows the decks under it: the deck route with the path's
 * tree scope (`/deck/tree:Languages`), which the `subtree` matcher (src/params) gives to the parent page.
 */
export function parentDeckHref(path: readonly string[]): string {
	return `/deck/${encodeURIComponent(subtreeScope(path))}`;
}

/**
 * A node's counts with what is under it, each limit raised by `extraNew` and `extraReview` ("Study more" of the
 * session that studies it), new siblings let in where that Study more brought them (`siblingsToo`).
 */
function tally(node: DeckTreeNode<CountedDeck>, settings: Settings, extraNew: number, extraReview: number, siblingsToo: boolean): Tally {
	const own = node.deck?.counts;
	const limits = limitsForDeck(settings, node.deck?.options);
	const below = node.children.map((child) => tally(child, settings, extraNew, extraReview, siblingsToo));
	const sum = (pick: (counted: Tally) => number) => below.reduce((total, counted) => total + pick(counted), 0);
	const learning = (own?.learning ?? 0) + sum((counted) => counted.learning);
	const newStudied = (own?.newStudiedToday ?? 0) + sum((counted) => counted.newStudied);
	const reviewsStudied = (own?.reviewsStudiedToday ?? 0) + sum((counted) => counted.reviewsStudied);
	return {
		new: Math.max(0, Math.min((own ? newOfDeck(own, siblingsToo) : 0) + sum((counted) => counted.new), limits.newPerDay + extraNew - newStudied)),
		reviews: Math.max(0, Math.min((own ? own.due - (own.learning ?? 0) : 0) + sum((counted) => counted.reviews), limits.reviewsPerDay + extraReview - reviewsStudied)),
		learning,
		total: (own?.total ?? 0) + sum((counted) => counted.total),
		newStudied,
		reviewsStudied
	};
}

/** What each scope's session was given by "Study more" (home-decks.ts): more new cards, more reviews, and whether new siblings came. */
interface ScopeExtras {
	extraNew: (scope: string) => number;
	extraReview: (scope: string) => number;
	siblingsLetIn: (scope: string) => boolean;
}

function rowOf(node: DeckTreeNode<CountedDeck>, depth: number, settings: Settings, extras: ScopeExtras): HomeRow {
	const name = pathName(node.path);
	const deck = node.deck?.deck;
	const children = node.children.map((child) => rowOf(child, depth + 1, settings, extras));
	// A deck without sub-decks is the row the flat list had: its own counts and session.
	if (deck && children.length === 0) {
		return { key: deck.id, name: deck.name, label: node.label, depth, new: deck.new, due: deck.due, total: deck.total, href: deck.href, studyHref: deck.studyHref, children };
	}
	const scope = subtreeScope(node.path);
	const counted = tally(node, settings, extras.extraNew(scope), extras.extraReview(scope), extras.siblingsLetIn(scope));
	return {
		key: deck?.id ?? scope,
		name,
		label: node.label,
		depth,
		new: counted.new,
		due: counted.learning + counted.reviews,
		total: counted.total,
		href: deck?.href ?? parentDeckHref(node.path),
		studyHref: studyPath(scope),
		folder: name,
		children
	};
}

/**
 * The decks of the list as rows of a tree, each level in order of its names; `extraNew` and `extraReview` are each
 * scope's "Study more", and `siblingsLetIn` tells the scopes whose Study more brought new siblings.
 */
export function homeTree(
	decks: readonly CountedDeck[],
	settings: Settings,
	extraNew: (scope: string) => number,
	extraReview: (scope: string) => number = () => 0,
	siblingsLetIn: (scope: string) => boolean = () => false
): HomeRow[] {
	const tree = buildDeckTree(decks.map((counted) => ({ ...counted, id: counted.deck.id, name: counted.deck.name })));
	return tree.map((node) => rowOf(node, 0, settings, { extraNew, extraReview, siblingsLetIn }));
}

/** The rows shown, top to bottom: the sub-decks of a collapsed row (by `folder`) are left out. */
export function visibleRows(rows: readonly HomeRow[], collapsed: ReadonlySet<string>): HomeRow[] {
	return rows.flatMap((row) => [row, ...(row.folder !== undefined && collapsed.has(row.folder) ? [] : visibleRows(row.children, collapsed))]);
}
