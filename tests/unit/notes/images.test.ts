import { describe, expect, it } from 'vitest';
import { generate } from './helpers';

function imagesByFront(text: string): Record<string, string[]> {
	return Object.fromEntries(generate(text).deck.cards.map((card) => [card.front, card.images.map((image) => image.src)]));
}

describe('images of a note', () => {
	it('keeps an image after a section of definitions on that section, on the card nearest before it', () => {
		const note = '# T\n\n## A\n\n**가**: 하나\n**나**: 둘\n\n![그림](x.png)\n\n## B\n\n- 첫째\n- 둘째\n';
		expect(imagesByFront(note)).toEqual({ 가: [], 나: ['x.png'], B: [] });
	});

	it('puts an image after a line of two cards on the first of them', () => {
		expect(imagesByFront('## 단어\n\n사과::apple\n배:::pear\n\n![그림](d.png)\n')).toEqual({ 사과: [], 배: ['d.png'], pear: [] });
	});

	it('puts an image written before a section’s cards on its first card, not on the section above', () => {
		const note = '## A\n\n- 하나\n- 둘\n\n## B\n\n![그림](y.png)\n\n**가**: 하나\n\n**나**: 둘\n';
		expect(imagesByFront(note)).toEqual({ A: [], 가: ['y.png'], 나: [] });
	});

	it('leaves an image of a section that made no card on no card, with a warning, rather than on the next section', () => {
		const { deck, report } = generate('## A\n\n![지도](map.png)\n\n## B\n\n- 첫째\n- 둘째\n');
		expect(deck.cards.flatMap((card) => card.images)).toEqual([]);
		expect(report.warnings).toContainEqual(expect.objectContaining({ line: 3, message: 'image "지도" is on no card' }));
	});

	it('keeps an image inside a list on the list’s card', () => {
		expect(imagesByFront('## A\n\n- 하나\n- 둘 ![그림](z.png)\n\n## B\n\n- 셋\n- 넷\n')).toEqual({ A: ['z.png'], B: [] });
	});

	it('keeps an image in a table’s cell on its row’s card, not on no card', () => {
		const { deck, report } = generate('# 노트\n\n## 과일\n\n- 하나\n- 둘\n\n## 표\n\n| word | 뜻 |\n|---|---|\n| apple | 사과 ![](apple.png) |\n| pear | 배 |\n');
		expect(Object.fromEntries(deck.cards.map((card) => [card.front, card.images.map((image) => image.src)]))).toEqual({ 과일: [], apple: ['apple.png'], pear: [] });
		expect(report.warnings).toEqual([]);
	});
});
