/**
 * The page of a parent without a deck of its own (`Languages`, there through `Languages::Korean`): read from the
 * home page's tree (home-tree.ts), so that the page counts the tree as the home row does, and lists the same
 * decks under it.
 */
import { findNode, pathName, subtreeScope } from '$lib/srs/deck-tree';
import type { HomeRow } from '../../home-tree';
import type { SubdeckLink } from '../subdeck-links';

export interface ParentDeckView {
	/** The whole name, `Languages::Korean`. */
	name: string;
	/** The tree's study and statistics scope, `tree:` and the name. */
	scope: string;
	/** Today's new and due cards of the whole tree within its limits, and its cards, as the home row shows them. */
	new: number;
	due: number;
	total: number;
	/** The decks right under it, in the home page's order. */
	subdecks: SubdeckLink[];
}

/**
 * What is at `path` in the home tree: a parent without a deck (its page), a deck (a link made before a deck of that
 * name was: its own page), or nothing (its decks were renamed or deleted since).
 */
export type ParentDeckLookup = { kind: 'parent'; view: ParentDeckView } | { kind: 'deck'; href: string } | { kind: 'none' };

export function findParentDeck(rows: readonly HomeRow[], path: readonly string[]): ParentDeckLookup {
	const row = findNode(rows, path);
	if (!row) return { kind: 'none' };
	const scope = subtreeScope(path);
	// A parent without a deck is keyed by its scope; any other row is a deck's.
	if (row.key !== scope) return { kind: 'deck', href: row.href };
	return {
		kind: 'parent',
		view: {
			name: pathName(path),
			scope,
			new: row.new,
			due: row.due,
			total: row.total,
			subdecks: row.children.map(({ name, label, href }) => ({ name, label, href }))
		}
	};
}
