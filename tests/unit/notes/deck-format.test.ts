import { describe, expect, it } from 'vitest';
import { DECK_FORMAT, DECK_FORMAT_VERSION, DeckFormatError, deckFile, parseDeckFile } from '../../../src/lib/notes/deck-format';
import { generate } from './helpers';

const valid = () => JSON.parse(JSON.stringify(deckFile([generate('## A\n\nq::a\n\nx::y\n', 'a.md').deck])));

describe('the native deck format', () => {
	it('round-trips a generated deck', () => {
		const file = valid();
		expect(file.format).toBe(DECK_FORMAT);
		expect(file.version).toBe(DECK_FORMAT_VERSION);
		expect(parseDeckFile(file)).toEqual(file);
	});

	it('refuses something that is not a deck file', () => {
		expect(() => parseDeckFile({ hello: 'world' })).toThrow(/not a Recall deck file/);
		expect(() => parseDeckFile(null)).toThrow(DeckFormatError);
		expect(() => parseDeckFile('text')).toThrow(DeckFormatError);
	});

	it('refuses a newer version with a message that says what to do', () => {
		expect(() => parseDeckFile({ ...valid(), version: DECK_FORMAT_VERSION + 1 })).toThrow(/Update the app/);
	});

	it('names the problem in an invalid card', () => {
		const file = valid();
		file.decks[0].cards[0].front = '';
		file.decks[0].cards[1].kind = 'mystery';
		expect(() => parseDeckFile(file)).toThrow(/decks\.0\.cards\.0\.front/);
	});

	it('refuses repeated card ids', () => {
		const file = valid();
		file.decks[0].cards[1].id = file.decks[0].cards[0].id;
		expect(() => parseDeckFile(file)).toThrow(/appears twice/);
	});
});
