import { describe, expect, it } from 'vitest';
import { ankiCardOf, cardIdFor } from '../../../../src/lib/io/anki/card-ids';

describe('card ids of Anki cards', () => {
	it('cardIdFor: an Anki note’s card, a card Recall exported alone, and the cards of a Cloze note Recall exported', () => {
		expect(cardIdFor('Gx9#k', 2)).toBe('anki-Gx9#k-2');
		expect(cardIdFor('recall:md:abc', 0)).toBe('md:abc');
		// A card added in Anki to a note Recall exported is Anki's.
		expect(cardIdFor('recall:md:abc', 1)).toBe('anki-recall:md:abc-1');
		expect(cardIdFor('recall:', 0)).toBe('anki-recall:-0');
		const guid = 'recall-cloze:manual:1 manual:2 md:3';
		expect([0, 1, 2, 3].map((ordinal) => cardIdFor(guid, ordinal))).toEqual(['manual:1', 'manual:2', 'md:3', `anki-${guid}-3`]);
		// A number with no card in the list (a gap) is Anki's card too.
		expect(cardIdFor('recall-cloze:a  c', 1)).toBe('anki-recall-cloze:a  c-1');
	});

	it('ankiCardOf reads the guid and ordinal back from an Anki card’s id', () => {
		expect(ankiCardOf('anki-Gx9#k-2')).toEqual({ guid: 'Gx9#k', ord: 2 });
		expect(ankiCardOf('anki-a-b-10')).toEqual({ guid: 'a-b', ord: 10 });
		expect(ankiCardOf('manual:1')).toBeUndefined();
		expect(ankiCardOf('anki-G-x')).toBeUndefined();
	});
});
