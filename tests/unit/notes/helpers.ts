import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Card } from '../../../src/lib/notes/deck-format';
import { generateDeck, type GenerateResult } from '../../../src/lib/notes/generate';

export const SEED_FILE = 'AWS-기초.md';
export const SEED = readFileSync(fileURLToPath(new URL(`../../../decks/${SEED_FILE}`, import.meta.url)), 'utf8');

export function generate(text: string, file = 'note.md'): GenerateResult {
	return generateDeck(text, { file });
}

export function cards(text: string): Card[] {
	return generate(text).deck.cards;
}

/** Every side of every card, for checks that hold for all of them. */
export function sides(list: readonly Card[]): string[] {
	return list.flatMap((card) => [card.front, card.back]);
}
