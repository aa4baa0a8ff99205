import { describe, expect, it } from 'vitest';
import type { StoreSnapshot, StoredDeck, StoredDeckCounts } from '../../../src/lib/db/quick-read';
import { normalizeSettings } from '../../../src/lib/db/settings-values';
import { subtreePath } from '../../../src/lib/srs/deck-tree';
import { match } from '../../../src/params/subtree';
import { findParentDeck } from '../../../src/routes/deck/[scope=subtree]/parent-deck';
import { subdeckLinks } from '../../../src/routes/deck/subdeck-links';
import { homeList } from '../../../src/routes/home-decks';
import { parentDeckHref } from '../../../src/routes/home-tree';

const NOW = new Date(2026, 10, 25, 12).getTime();

function counts(own: Partial<StoredDeckCounts>): StoredDeckCounts {
	return { new: 0, due: 0, total: 0, newStudiedToday: 0, reviewsStudiedToday: 0, ...own };
}

const stored = (id: string, name: string, options?: unknown): StoredDeck => ({ id, name, origin: 'manual', retired: false, options });

/** The home page's tree of a store of these decks, the global limits 10 new and 100 reviews a day. */
function treeOf(decks: [StoredDeck, StoredDeckCounts][]) {
	const snapshot: StoreSnapshot = {
		settings: normalizeSettings({ newPerDay: 10, reviewsPerDay: 100 }),
		decks: decks.map(([deck]) => deck),
		counts: new Map(decks.map(([deck, counted]) => [deck.id, counted])),
		newStudiedToday: 0,
		reviewsStudiedToday: 0,
		extraNew: new Map(),
		extraReview: new Map(),
		siblingsLetIn: new Set()
	};
	return homeList(snapshot, [], NOW).tree;
}

// Languages has no deck of its own; nor has Languages::Korean, which is there through its Verbs. Music is a deck.
const DECKS: [StoredDeck, StoredDeckCounts][] = [
	[stored('languages-japanese', 'Languages::Japanese'), counts({ new: 8, total: 8 })],
	[stored('languages-korean-verbs', 'Languages::Korean::Verbs'), counts({ new: 7, due: 3, learning: 1, total: 12, newStudiedToday: 2 })],
	[stored('music', 'Music'), counts({ new: 1, total: 1 })],
	[stored('music-scales', 'Music::Scales'), counts({ new: 1, total: 1 })]
];

describe('the page of a parent without a deck of its own', () => {
	it('counts its whole tree as the home row does, and lists the decks right under it', () => {
		const tree = treeOf(DECKS);
		const found = findParentDeck(tree, ['Languages']);
		// New: 8 + 7, capped by the global 10 less the 2 studied today; due: the learning card and the 2 reviews.
		expect(found).toEqual({
			kind: 'parent',
			view: {
				name: 'Languages',
				scope: 'tree:Languages',
				new: 8,
				due: 3,
				total: 20,
				subdecks: [
					{ name: 'Languages::Japanese', label: 'Japanese', href: '/deck/languages-japanese' },
					// No deck of its own either: its link is its own parent page.
					{ name: 'Languages::Korean', label: 'Korean', href: parentDeckHref(['Languages', 'Korean']) }
				]
			}
		});
		const row = tree.find((row) => row.name === 'Languages')!;
		expect(found.kind === 'parent' && [found.view.new, found.view.due, found.view.total]).toEqual([row.new, row.due, row.total]);
	});

	it('is found at any depth, by the tidied path a URL gives', () => {
		const found = findParentDeck(treeOf(DECKS), subtreePath('tree:Languages :: Korean')!);
		expect(found).toMatchObject({ kind: 'parent', view: { name: 'Languages::Korean', scope: 'tree:Languages::Korean', new: 7, due: 3, total: 12 } });
		expect(found.kind === 'parent' && found.view.subdecks).toEqual([{ name: 'Languages::Korean::Verbs', label: 'Verbs', href: '/deck/languages-korean-verbs' }]);
	});

	it('is a deck’s own page where there is a deck at the path, and nothing where there is no deck at or under it', () => {
		const tree = treeOf(DECKS);
		expect(findParentDeck(tree, ['Music'])).toEqual({ kind: 'deck', href: '/deck/music' });
		expect(findParentDeck(tree, ['Music', 'Scales'])).toEqual({ kind: 'deck', href: '/deck/music-scales' });
		expect(findParentDeck(tree, ['Art'])).toEqual({ kind: 'none' });
		expect(findParentDeck(tree, ['Languages', 'Verbs'])).toEqual({ kind: 'none' });
		expect(findParentDeck(tree, [])).toEqual({ kind: 'none' });
		expect(findParentDeck([], ['Languages'])).toEqual({ kind: 'none' });
	});

	it('has a link the deck route gives it, and no deck’s page is taken for one', () => {
		const href = parentDeckHref(['Languages', 'Korean']);
		expect(href).toBe(`/deck/${encodeURIComponent('tree:Languages::Korean')}`);
		// SvelteKit matches the segment decoded with decodeURI, which leaves `%3A`, and decodes the rest once matched.
		const segment = decodeURI(href.slice('/deck/'.length));
		expect(match(segment)).toBe(true);
		expect(match('tree:Languages')).toBe(true);
		expect(subtreePath(decodeURIComponent(segment))).toEqual(['Languages', 'Korean']);
		// Deck ids are slugs, never with a `:`; a scope without a name is no tree, nor a malformed escape.
		for (const id of ['languages-japanese', 'music', 'tree', 'tree:', 'tree%3A', 'tree:%E0%A4%A']) expect(match(id)).toBe(false);
	});
});

describe('a deck page’s links to its sub-decks', () => {
	it('go to a sub-deck’s own page, or to the parent page of one without a deck', () => {
		expect(
			subdeckLinks([
				{ id: 'p-a', name: 'P::A', label: 'A' },
				{ id: undefined, name: 'P::B', label: 'B' }
			])
		).toEqual([
			{ name: 'P::A', label: 'A', href: '/deck/p-a' },
			{ name: 'P::B', label: 'B', href: `/deck/${encodeURIComponent('tree:P::B')}` }
		]);
	});
});
