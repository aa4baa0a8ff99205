import { describe, expect, it } from 'vitest';
import { contrast, DARK_CARD_BACKGROUND, DARK_INK_CONTRAST, darkInk, MIN_DARK_CONTRAST, parseColour } from '../../../src/lib/render/ink';

const background = parseColour(DARK_CARD_BACKGROUND)!;
const against = (colour: string) => contrast(parseColour(colour)!, background);

describe('darkInk: a note’s text colour on the dark theme’s card', () => {
	it('gives every colour under 3:1 there one of at least 4.5:1, of the same hue', () => {
		for (const colour of ['#000000', '#000', 'black', 'BLACK', '#1a1a1a', 'navy', '#000080', 'darkred', '#333333', '#0000ff', '#8b4513cc']) {
			expect(contrast(parseColour(colour)!, background)).toBeLessThan(MIN_DARK_CONTRAST);
			const ink = darkInk(colour);
			expect(ink, colour).toBeDefined();
			expect(against(ink!.dark)).toBeGreaterThanOrEqual(DARK_INK_CONTRAST);
		}
		expect(darkInk('black')).toEqual({ colour: '#000000', dark: '#ffffff' });
		// Navy stays blue: more blue than red or green.
		const [r, g, b] = parseColour(darkInk('navy')!.dark)!;
		expect(b).toBeGreaterThan(r);
		expect(b).toBeGreaterThan(g);
	});

	it('leaves colours that read well there, and what it does not know', () => {
		for (const colour of ['#ffffff', 'white', 'red', '#7cc4ac', 'yellow', '#12345', 'currentcolor', '']) expect(darkInk(colour), colour).toBeUndefined();
	});
});
