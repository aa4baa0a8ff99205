import { describe, expect, it } from 'vitest';
import { doneDecks } from '../../../src/routes/import/done-decks';

describe('the decks the import’s done screen lists', () => {
	const imported = [
		{ id: 'notes-network', name: '네트워크 기초', cards: 6 },
		{ id: 'anki:deck/3', name: 'Verbs::Irregular', cards: 20 },
		{ id: 'notes-done', name: 'Studied', cards: 4 }
	];

	it('link each deck to its page, and to its study session where it has new or due cards today', () => {
		const today = [
			{ id: 'notes-network', new: 6, due: 0 },
			{ id: 'anki:deck/3', new: 0, due: 3 },
			{ id: 'notes-done', new: 0, due: 0 },
			{ id: 'other', new: 5, due: 5 }
		];
		expect(doneDecks(imported, today)).toEqual([
			{ ...imported[0], href: '/deck/notes-network', studyHref: '/study/notes-network' },
			{ ...imported[1], href: '/deck/anki%3Adeck%2F3', studyHref: '/study/anki%3Adeck%2F3' },
			{ ...imported[2], href: '/deck/notes-done' }
		]);
	});

	it('offer no session before today’s counts are read, nor for a deck they do not list', () => {
		expect(doneDecks(imported, undefined).some((deck) => deck.studyHref !== undefined)).toBe(false);
		expect(doneDecks(imported, [])[0]).toEqual({ ...imported[0], href: '/deck/notes-network' });
	});
});
