import type { Card } from './deck-format';

/**
 * A generated card's text as a note would write it, to paste into the note:
 * a cloze card's sentence with its `==highlight==` (the back), or the
 * multi-line card syntax (front, a line holding `?`, back).
 */
export function noteText(card: Pick<Card, 'kind' | 'front' | 'back'>): string {
	return card.kind === 'cloze' ? card.back : `${card.front}\n?\n${card.back}`;
}
