/**
 * Sub-decks as Anki names them: a deck named `Languages::Korean::Verbs` sits
 * under `Languages::Korean`, which sits under `Languages`. Recall stores every
 * deck flat; the tree is read from the names, so a parent needs no deck of its
 * own (an Anki package may carry only the leaves), and a rename moves a deck.
 *
 * A deck and everything under it is studied as one scope, `tree:` and its
 * path. The ids the app gives decks are slugs (letters, digits and `-`;
 * notes/ids.ts, io/anki), never with a `:`, so none reads as such a scope
 * (only a hand-written deck file could name a deck so), and the scope stays
 * the same for as long as the names do.
 */

export const SUBDECK_SEPARATOR = '::';

/** The scope of a session over every deck: the whole tree. */
export const ALL_DECKS = '*';

/** The prefix of a sub-deck tree's study scope. */
export const SUBTREE_SCOPE_PREFIX = 'tree:';

/** A name's parts between `::`, each trimmed, empty ones dropped, as Anki normalises a name (`A :: B::` is `A::B`). */
function tidyParts(name: string): string[] {
	return name
		.split(SUBDECK_SEPARATOR)
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/**
 * A deck name as it is stored, wherever a deck is named (New deck, Rename, a table's deck): its parts tidied
 * (`한국어::` is `한국어`, `A:: ::B` is `A::B`), so that the name shown, the tree and a later name compare alike.
 * Empty for a name with no part left (blank, `::`): no name at all.
 */
export function tidyDeckName(name: string): string {
	return pathName(tidyParts(name));
}

/**
 * A deck name's path: its tidied parts. A stored name of separators or spaces
 * alone (from before names were tidied) has nothing to drop to: it is one part, itself.
 */
export function deckPath(name: string): string[] {
	const parts = tidyParts(name);
	return parts.length > 0 ? parts : [name];
}

/** A path as one name: its parts joined by `::`. */
export function pathName(path: readonly string[]): string {
	return path.join(SUBDECK_SEPARATOR);
}

/** Whether a deck named `name` is at `path` or under it. */
export function isUnder(name: string, path: readonly string[]): boolean {
	const own = deckPath(name);
	return own.length >= path.length && path.every((part, index) => own[index] === part);
}

/** The study scope of the deck at `path` and every deck under it. */
export function subtreeScope(path: readonly string[]): string {
	return SUBTREE_SCOPE_PREFIX + pathName(path);
}

/** The path a sub-deck tree's scope covers, or undefined when `scope` is none (a deck id, or all decks). */
export function subtreePath(scope: string): string[] | undefined {
	if (!scope.startsWith(SUBTREE_SCOPE_PREFIX)) return undefined;
	const name = scope.slice(SUBTREE_SCOPE_PREFIX.length);
	return name === '' ? undefined : deckPath(name);
}

/**
 * The tree scopes whose sessions hold the cards of a deck named `name`
 * besides its own: those of its path and of each path above it. Sessions to
 * mark when the deck's cards or limits change.
 */
export function subtreeScopesOf(name: string): string[] {
	const path = deckPath(name);
	return path.map((_, index) => subtreeScope(path.slice(0, index + 1)));
}

export interface DeckTreeNode<D> {
	path: string[];
	/** The path's last part: what the row shows under its parent. */
	label: string;
	/** The deck at this path; undefined for a parent known only from its sub-decks' names. */
	deck: D | undefined;
	children: DeckTreeNode<D>[];
}

function byLabel<D extends { id: string }>(a: DeckTreeNode<D>, b: DeckTreeNode<D>): number {
	const ids = (a.deck?.id ?? '') < (b.deck?.id ?? '') ? -1 : (a.deck?.id ?? '') > (b.deck?.id ?? '') ? 1 : 0;
	return a.label.localeCompare(b.label) || ids;
}

/**
 * The decks as a tree by their name paths, each level sorted by label. A
 * parent without a deck of its own is a node without `deck`. Two decks at one
 * path (`A` and `A::`, kept apart by their ids) are two nodes: the first by id
 * holds the sub-decks, the other stands beside it with none.
 */
export function buildDeckTree<D extends { id: string; name: string }>(decks: readonly D[]): DeckTreeNode<D>[] {
	const roots: DeckTreeNode<D>[] = [];
	const byPath = new Map<string, DeckTreeNode<D>>();
	const nodeAt = (path: string[]): DeckTreeNode<D> => {
		const key = pathName(path);
		const known = byPath.get(key);
		if (known) return known;
		const node: DeckTreeNode<D> = { path, label: path.at(-1)!, deck: undefined, children: [] };
		byPath.set(key, node);
		(path.length === 1 ? roots : nodeAt(path.slice(0, -1)).children).push(node);
		return node;
	};
	const ordered = [...decks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const deck of ordered) {
		const path = deckPath(deck.name);
		const node = nodeAt(path);
		if (node.deck === undefined) node.deck = deck;
		else (path.length === 1 ? roots : nodeAt(path.slice(0, -1)).children).push({ path, label: node.label, deck, children: [] });
	}
	const sort = (nodes: DeckTreeNode<D>[]) => {
		nodes.sort(byLabel);
		for (const node of nodes) sort(node.children);
	};
	sort(roots);
	return roots;
}

/**
 * The node at `path` in `tree`, or undefined: at each level the node of that label with sub-decks, if there are two.
 * Any tree labelled by path parts will do (the home page's rows are one).
 */
export function findNode<N extends { label: string; children: readonly N[] }>(tree: readonly N[], path: readonly string[]): N | undefined {
	let level = tree;
	let found: N | undefined;
	for (const part of path) {
		found = level.find((node) => node.label === part && node.children.length > 0) ?? level.find((node) => node.label === part);
		if (!found) return undefined;
		level = found.children;
	}
	return found;
}

/** Every deck of a node and the nodes under it. */
export function decksOf<D>(node: DeckTreeNode<D>): D[] {
	return [...(node.deck === undefined ? [] : [node.deck]), ...node.children.flatMap(decksOf)];
}
