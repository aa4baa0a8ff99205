import { describe, expect, it } from 'vitest';
import {
	buildDeckTree,
	deckPath,
	decksOf,
	findNode,
	isUnder,
	subtreePath,
	subtreeScope,
	subtreeScopesOf,
	tidyDeckName,
	type DeckTreeNode
} from '../../../src/lib/srs/deck-tree';

interface Named {
	id: string;
	name: string;
}

/** A tree as nested [label, deck id or '-' for a parent without a deck, children] for readable expectations. */
type Shape = [string, string, Shape[]];
function shape(nodes: readonly DeckTreeNode<Named>[]): Shape[] {
	return nodes.map((node) => [node.label, node.deck?.id ?? '-', shape(node.children)]);
}

const deck = (id: string, name: string): Named => ({ id, name });

describe('deckPath', () => {
	it('splits at ::, trims each part and drops empty ones, as Anki normalises a name', () => {
		expect(deckPath('Languages::Korean::Verbs')).toEqual(['Languages', 'Korean', 'Verbs']);
		expect(deckPath('  Languages :: Korean  ')).toEqual(['Languages', 'Korean']);
		expect(deckPath('A::')).toEqual(['A']);
		expect(deckPath('::A::::B')).toEqual(['A', 'B']);
		expect(deckPath('한국어::동사')).toEqual(['한국어', '동사']);
	});

	it('keeps a name of separators or spaces alone as one part, and a single colon as text', () => {
		expect(deckPath('::')).toEqual(['::']);
		expect(deckPath(' ')).toEqual([' ']);
		expect(deckPath('12:30 talks')).toEqual(['12:30 talks']);
	});
});

describe('tidyDeckName', () => {
	it('trims each part and drops empty ones, as Anki stores a name', () => {
		expect(tidyDeckName('한국어::')).toBe('한국어');
		expect(tidyDeckName('A:: ::B')).toBe('A::B');
		expect(tidyDeckName('  Languages :: Korean  ')).toBe('Languages::Korean');
		expect(tidyDeckName('::A::::B::')).toBe('A::B');
		// A tidy name, a single colon, a part's inner spaces: as they are.
		expect(tidyDeckName('Languages::Korean::Verbs')).toBe('Languages::Korean::Verbs');
		expect(tidyDeckName('12:30 talks')).toBe('12:30 talks');
		expect(tidyDeckName('AWS  기초')).toBe('AWS  기초');
	});

	it('leaves nothing of a name without a part: no name', () => {
		for (const name of ['', '   ', '::', ' :: ', '::::', ' :: :: ']) expect(tidyDeckName(name), JSON.stringify(name)).toBe('');
	});

	it('gives the path deckPath reads, joined', () => {
		for (const name of ['한국어::', 'A:: ::B', ' x :: y ', 'Languages::Korean']) expect(tidyDeckName(name)).toBe(deckPath(name).join('::'));
	});
});

describe('buildDeckTree', () => {
	it('nests each deck under its parent and shows only its last part', () => {
		const tree = buildDeckTree([deck('lk', 'Languages::Korean'), deck('l', 'Languages'), deck('lkv', 'Languages::Korean::Verbs'), deck('m', 'Maths')]);
		expect(shape(tree)).toEqual([
			['Languages', 'l', [['Korean', 'lk', [['Verbs', 'lkv', []]]]]],
			['Maths', 'm', []]
		]);
		expect(tree[0]!.children[0]!.children[0]!.path).toEqual(['Languages', 'Korean', 'Verbs']);
	});

	it('makes a row for a parent that has no deck of its own, at every missing level', () => {
		expect(shape(buildDeckTree([deck('v', 'Languages::Korean::Verbs'), deck('n', 'Languages::Korean::Nouns')]))).toEqual([
			['Languages', '-', [['Korean', '-', [['Nouns', 'n', []], ['Verbs', 'v', []]]]]]
		]);
	});

	it('puts a deck named with spaces around :: under the same parent as one without', () => {
		expect(shape(buildDeckTree([deck('a', 'A'), deck('b', 'A :: B'), deck('c', 'A::C')]))).toEqual([['A', 'a', [['B', 'b', []], ['C', 'c', []]]]]);
	});

	it('keeps a deck named with a trailing :: at its name without it, beside a deck of that name', () => {
		// `A` and `A::` are two decks at one path: the first by id holds the sub-decks, the other stands beside it.
		expect(shape(buildDeckTree([deck('a2', 'A::'), deck('a1', 'A'), deck('ab', 'A::B')]))).toEqual([
			['A', 'a1', [['B', 'ab', []]]],
			['A', 'a2', []]
		]);
		expect(shape(buildDeckTree([deck('x', 'Solo::')]))).toEqual([['Solo', 'x', []]]);
	});

	it('sorts each level by name, Korean names too, then by id', () => {
		const tree = buildDeckTree([
			deck('4', '한국어::동사'),
			deck('3', '한국어::가족'),
			deck('2', 'b'),
			deck('1', 'Alpha::zeta'),
			deck('0', 'Alpha::Beta'),
			deck('5', '가나다')
		]);
		expect(shape(tree).map(([label]) => label)).toEqual(['Alpha', 'b', '가나다', '한국어']);
		expect(shape(tree)[0]![2].map(([label]) => label)).toEqual(['Beta', 'zeta']);
		expect(shape(tree)[3]![2].map(([label]) => label)).toEqual(['가족', '동사']);
	});

	it('finds a node by its path and lists the decks under it', () => {
		const tree = buildDeckTree([deck('v', 'L::K::Verbs'), deck('n', 'L::K::Nouns'), deck('j', 'L::J'), deck('o', 'Other')]);
		const korean = findNode(tree, ['L', 'K']);
		expect(korean?.deck).toBeUndefined();
		expect(decksOf(korean!).map((found) => found.id)).toEqual(['n', 'v']);
		expect(decksOf(findNode(tree, ['L'])!).map((found) => found.id)).toEqual(['j', 'n', 'v']);
		expect(findNode(tree, ['L', 'X'])).toBeUndefined();
	});
});

describe('sub-deck tree scopes', () => {
	it('names a path with a prefix no deck id has, and reads it back', () => {
		expect(subtreeScope(['Languages', 'Korean'])).toBe('tree:Languages::Korean');
		expect(subtreePath('tree:Languages::Korean')).toEqual(['Languages', 'Korean']);
		expect(subtreePath('tree:한국어')).toEqual(['한국어']);
		// A deck id or all decks is no tree.
		expect(subtreePath('anki-languages-korean')).toBeUndefined();
		expect(subtreePath('*')).toBeUndefined();
		expect(subtreePath('tree:')).toBeUndefined();
	});

	it('holds the decks at the path and under it, not those whose name only starts alike', () => {
		expect(isUnder('Languages::Korean', ['Languages'])).toBe(true);
		expect(isUnder('Languages :: Korean::Verbs', ['Languages', 'Korean'])).toBe(true);
		expect(isUnder('Languages', ['Languages'])).toBe(true);
		expect(isUnder('Languages2::Korean', ['Languages'])).toBe(false);
		expect(isUnder('Languages', ['Languages', 'Korean'])).toBe(false);
	});

	it('lists the tree scopes a deck is in: its own path’s and each one above', () => {
		expect(subtreeScopesOf('A::B::C')).toEqual(['tree:A', 'tree:A::B', 'tree:A::B::C']);
		expect(subtreeScopesOf('Solo')).toEqual(['tree:Solo']);
	});
});
