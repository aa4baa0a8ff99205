import { describe, expect, it } from 'vitest';
import { ALL_DECKS, subtreeScope } from '../../../src/lib/srs/deck-tree';
import { scopeExists, scopeOptions, scopeTitle, type ScopeDeck } from '../../../src/routes/stats/stats-scopes';

const deck = (id: string, name: string, fields: Partial<ScopeDeck> = {}): ScopeDeck => ({ id, name, retired: false, ...fields });

/**
 * "Languages" has a deck of its own and two sub-decks, one with a sub-deck of its own; "Science" is there only
 * through "Science::Physics" (an Anki package may carry only the leaves); "Art" has none.
 */
const DECKS = [
	deck('physics', 'Science::Physics'),
	deck('verbs', 'Languages::Korean::Verbs', { deletedAt: 5 }),
	deck('art', 'Art'),
	deck('japanese', 'Languages :: Japanese', { retired: true }),
	deck('korean', 'Languages::Korean'),
	deck('languages', 'Languages')
];

describe('scopeOptions', () => {
	it('lists the decks in tree order by their whole names, each parent offered with its sub-decks before it is offered alone', () => {
		expect(scopeOptions(DECKS, 'en')).toEqual([
			{ value: 'art', text: 'Art' },
			{ value: 'tree:Languages', text: 'Languages (with sub-decks)' },
			{ value: 'languages', text: 'Languages' },
			{ value: 'japanese', text: 'Languages :: Japanese (retired)' },
			{ value: 'tree:Languages::Korean', text: 'Languages::Korean (with sub-decks)' },
			{ value: 'korean', text: 'Languages::Korean' },
			{ value: 'verbs', text: 'Languages::Korean::Verbs (deleted)' },
			// A parent without a deck of its own is offered with its sub-decks only.
			{ value: 'tree:Science', text: 'Science (with sub-decks)' },
			{ value: 'physics', text: 'Science::Physics' }
		]);
	});

	it('in Korean', () => {
		expect(scopeOptions(DECKS, 'ko').slice(1, 4).map((option) => option.text)).toEqual(['Languages (하위 덱 포함)', 'Languages', 'Languages :: Japanese (보관됨)']);
	});

	it('each in the language of its text: an English name alone is English under the Korean interface, with Korean words Korean', () => {
		const decks = [deck('aws', 'AWS 기초'), deck('english', 'English'), deck('old', 'Old', { retired: true })];
		expect(scopeOptions(decks, 'ko').map(({ text, lang }) => [text, lang])).toEqual([
			['AWS 기초', 'ko'],
			['English', 'en'],
			['Old (보관됨)', 'ko']
		]);
		expect(scopeOptions(decks, 'en').map(({ text, lang }) => [text, lang])).toEqual([
			['AWS 기초', 'ko'],
			['English', undefined],
			['Old (retired)', undefined]
		]);
	});

	it('none without decks', () => {
		expect(scopeOptions([], 'en')).toEqual([]);
	});
});

describe('scopeExists and scopeTitle', () => {
	it('every deck, a deck and a tree with decks under it are there; a tree is named as the selector names it', () => {
		expect(scopeExists(ALL_DECKS, [])).toBe(true);
		expect(scopeTitle(ALL_DECKS, DECKS, 'en')).toBeUndefined();
		expect(scopeExists('korean', DECKS)).toBe(true);
		expect(scopeTitle('korean', DECKS, 'en')).toBe('Languages::Korean');
		expect(scopeExists(subtreeScope(['Science']), DECKS)).toBe(true);
		expect(scopeTitle(subtreeScope(['Science']), DECKS, 'en')).toBe('Science (with sub-decks)');
		expect(scopeTitle(subtreeScope(['Languages', 'Korean']), DECKS, 'ko')).toBe('Languages::Korean (하위 덱 포함)');
	});

	it('a deck or a tree that is not there is not, nor is a name that only begins like one', () => {
		expect(scopeExists('nothing-here', DECKS)).toBe(false);
		expect(scopeTitle('nothing-here', DECKS, 'en')).toBeUndefined();
		expect(scopeExists(subtreeScope(['Lang']), DECKS)).toBe(false);
		expect(scopeExists(subtreeScope(['Physics']), DECKS)).toBe(false);
		// A tree scope is not read as a deck's id.
		expect(scopeExists('tree:Languages', [deck('tree:Languages', 'Other')])).toBe(false);
	});
});
