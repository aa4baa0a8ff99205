import { describe, expect, it } from 'vitest';
import type { StoreSnapshot, StoredDeck, StoredDeckCounts } from '../../../src/lib/db/quick-read';
import { normalizeSettings } from '../../../src/lib/db/settings-values';
import { homeList } from '../../../src/routes/home-decks';
import { browseDeckHref, visibleRows, type HomeRow } from '../../../src/routes/home-tree';

const NOW = new Date(2026, 10, 25, 12).getTime();

function counts(own: Partial<StoredDeckCounts>): StoredDeckCounts {
	return { new: 0, due: 0, total: 0, newStudiedToday: 0, reviewsStudiedToday: 0, ...own };
}

/** A store of decks with their counts, the global limits 10 new and 100 reviews a day. */
function snapshot(decks: [StoredDeck, StoredDeckCounts][], extraNew: [string, number][] = []): StoreSnapshot {
	return {
		settings: normalizeSettings({ newPerDay: 10, reviewsPerDay: 100 }),
		decks: decks.map(([deck]) => deck),
		counts: new Map(decks.map(([deck, counted]) => [deck.id, counted])),
		newStudiedToday: 0,
		reviewsStudiedToday: 0,
		extraNew: new Map(extraNew),
		extraReview: new Map(),
		siblingsLetIn: new Set()
	};
}

const stored = (id: string, name: string, options?: unknown): StoredDeck => ({ id, name, origin: 'anki', retired: false, options });

// P caps 5 new cards a day over P, P::A and P::B; P::B caps its own reviews at 3. V has no deck of its own.
const DECKS: [StoredDeck, StoredDeckCounts][] = [
	[stored('p', 'P', { newPerDay: 5 }), counts({ new: 1, total: 2 })],
	[stored('pa', 'P::A'), counts({ new: 4, total: 4 })],
	[stored('pb', 'P::B', { reviewsPerDay: 3 }), counts({ new: 3, due: 6, learning: 2, total: 9, newStudiedToday: 1, reviewsStudiedToday: 1 })],
	[stored('vx', 'V::X'), counts({ new: 8, total: 8 })],
	[stored('vy', 'V :: Y'), counts({ new: 7, due: 1, total: 7, newStudiedToday: 2 })]
];

type Shown = [name: string, label: string, depth: number, counts: string, folder: string | undefined];
const shown = (rows: readonly HomeRow[]): Shown[] => rows.map((row) => [row.name, row.label, row.depth, `${row.new}/${row.due}/${row.total}`, row.folder]);

describe('the home page’s deck tree', () => {
	it('nests sub-decks under their parents, a parent counting its whole tree within each deck’s limits', () => {
		const { tree } = homeList(snapshot(DECKS), [], NOW);
		expect(shown(visibleRows(tree, new Set()))).toEqual([
			// New: 1 + 4 + 3 = 8, capped by P's 5 less the 1 B studied today. Due: B's 2 learning cards and the 2 reviews B's own limit (3, 1 studied) lets in.
			['P', 'P', 0, '4/4/15', 'P'],
			['P::A', 'A', 1, '4/0/4', undefined],
			['P::B', 'B', 1, '3/4/9', undefined],
			// No deck of its own: the global limit (10, less the 2 Y studied) caps X's 8 and Y's 7.
			['V', 'V', 0, '8/1/15', 'V'],
			['V::X', 'X', 1, '8/0/8', undefined],
			['V :: Y', 'Y', 1, '7/1/7', undefined]
		]);
	});

	it('studies a parent with its tree, opens a parent without a deck on its parent page, and a sub-deck alone', () => {
		const [p, v] = homeList(snapshot(DECKS), [], NOW).tree;
		expect(p).toMatchObject({ key: 'p', href: '/deck/p', studyHref: `/study/${encodeURIComponent('tree:P')}` });
		expect(p!.children[0]).toMatchObject({ key: 'pa', href: '/deck/pa', studyHref: '/study/pa' });
		expect(v).toMatchObject({ key: 'tree:V', href: `/deck/${encodeURIComponent('tree:V')}`, studyHref: `/study/${encodeURIComponent('tree:V')}` });
	});

	it('raises a tree’s limits by its own session’s "Study more", not by a sub-deck’s', () => {
		const { tree } = homeList(snapshot(DECKS, [['tree:V', 5], ['pa', 3]]), [], NOW);
		// V: min(8 + 7, 10 + 5 - 2); P is as before: its sub-deck's extra cards are for the sub-deck's session.
		expect(shown(visibleRows(tree, new Set())).map(([name, , , counted]) => [name, counted])).toEqual([
			['P', '4/4/15'],
			['P::A', '4/0/4'],
			['P::B', '3/4/9'],
			['V', '13/1/15'],
			['V::X', '8/0/8'],
			['V :: Y', '7/1/7']
		]);
	});

	it('leaves out the rows under a collapsed parent, at any depth', () => {
		const deep: [StoredDeck, StoredDeckCounts][] = [
			[stored('a', 'A'), counts({ total: 1 })],
			[stored('abc', 'A::B::C'), counts({ total: 1 })],
			[stored('z', 'Z'), counts({ total: 1 })]
		];
		const { tree } = homeList(snapshot(deep), [], NOW);
		expect(visibleRows(tree, new Set()).map((row) => row.name)).toEqual(['A', 'A::B', 'A::B::C', 'Z']);
		expect(visibleRows(tree, new Set(['A::B'])).map((row) => row.name)).toEqual(['A', 'A::B', 'Z']);
		expect(visibleRows(tree, new Set(['A'])).map((row) => row.name)).toEqual(['A', 'Z']);
	});

	it('escapes quotes, backslashes and wildcards of a name in the browser’s search', () => {
		expect(new URL(browseDeckHref('Say "hi" \\ *'), 'http://x').searchParams.get('q')).toBe('deck:"Say \\"hi\\" \\\\ \\*"');
	});
});
