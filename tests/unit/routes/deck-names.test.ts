import { describe, expect, it } from 'vitest';
import { nameParts } from '../../../src/lib/components/deck-name-parts';
import { targetDeckNames } from '../../../src/routes/import/deck-names';

describe('where a deck name may wrap', () => {
	it('is after each :: of an Anki sub-deck, and after / and _', () => {
		expect(nameParts('Medicine::Pharmacology::Beta-lactams')).toEqual(['Medicine::', 'Pharmacology::', 'Beta-lactams']);
		expect(nameParts('AWS/Certified_Architect')).toEqual(['AWS/', 'Certified_', 'Architect']);
		expect(nameParts('약리학::항생제')).toEqual(['약리학::', '항생제']);
	});

	it('is nowhere else: a name of words wraps between them by itself, and the parts make the name again', () => {
		for (const name of ['Pharmacology and therapeutics', '임상 약리학', 'Deck::', '::', 'a:b', '']) {
			expect(nameParts(name).join('')).toBe(name);
		}
		expect(nameParts('Pharmacology and therapeutics')).toEqual(['Pharmacology and therapeutics']);
		expect(nameParts('Deck::')).toEqual(['Deck::']);
		expect(nameParts('a:b')).toEqual(['a:b']);
	});
});

describe('the decks a table may go into', () => {
	it('are the live decks, each name once, in the order of the page’s language; a deleted or retired deck is not offered', () => {
		const decks = [
			{ name: 'vocab', retired: false },
			{ name: 'Zoology', retired: false },
			{ name: '한국어', retired: false },
			{ name: 'apple', retired: false },
			{ name: 'Gone', retired: true },
			{ name: 'vocab', retired: false }
		];
		expect(targetDeckNames(decks, 'en')).toEqual(['apple', 'vocab', 'Zoology', '한국어']);
		expect(targetDeckNames([], 'ko')).toEqual([]);
	});
});
