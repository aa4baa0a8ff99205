import { describe, expect, it } from 'vitest';
import { markdownToExportHtml } from '../../../src/lib/render/markdown';
import { cards, generate } from './helpers';

/** What a card side shows: its Markdown rendered as the app renders it, as text. */
const shown = (markdown: string) =>
	markdownToExportHtml(markdown)
		.replace(/<br\s*\/?>\n?/g, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"');

describe('TeX math', () => {
	it('keeps inline math as written: no emphasis, escape or highlight read inside it', () => {
		const note = '## Complex numbers\n**Conjugate**: $z^*$ is the conjugate of $z$, and $|z|^2 = z z^*$\n**Variance**: $E[X^2] - E[X]^2$ where $a==b$\n';
		const list = cards(note);
		expect(list.map((card) => [card.front, shown(card.back)])).toEqual([
			['Conjugate', '$z^*$ is the conjugate of $z$, and $|z|^2 = z z^*$'],
			['Variance', '$E[X^2] - E[X]^2$ where $a==b$']
		]);
	});

	it('keeps display math over several lines as written, its line breaks and its lines numbered as in the note', () => {
		const note = '## Matrices\n$$\nA = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}\n$$\n\n**Trace**: $\\operatorname{tr}(A) = a + d$\n';
		const result = generate(note);
		expect(result.deck.cards.map((card) => [card.front, shown(card.back), card.source.line])).toEqual([
			// The definition under the math has its own card, not the heading's passage too.
			['Matrices', '$$\nA = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}\n$$', 1],
			['Trace', '$\\operatorname{tr}(A) = a + d$', 6]
		]);
	});

	it('reads a term and its math after a dash or `=` as a definition, the formula’s own `=` no separator', () => {
		const note = '## Colligative properties\n- Osmotic pressure - $\\Pi = iMRT$\n- Ideal gas = $PV = nRT$\n- $\\Delta T_f = K_f m$ - freezing point depression\n';
		expect(cards(note).map((card) => [card.rule, shown(card.front), shown(card.back)])).toEqual([
			['definition', 'Osmotic pressure', '$\\Pi = iMRT$'],
			['definition', 'Ideal gas', '$PV = nRT$'],
			['definition', '$\\Delta T_f = K_f m$', 'freezing point depression']
		]);
		// Math that holds the dash is no term and definition, nor is a line of prices.
		expect(cards('## Algebra\n- $a - b$ and $b - a$\n- $x = 2$ or $x = 3$\n').map((card) => card.rule)).toEqual(['list']);
		expect(cards('## Prices\n- Coffee - $5 a cup\n- Tea - $4 a pot\n').map((card) => card.rule)).toEqual(['list']);
	});

	it('reads in a definition the math that the note’s Markdown reads, no other', () => {
		// An escaped dollar inside math is the formula's: the math goes on to the closing one.
		expect(cards('## Costs\n- Unit cost - $c = 5\\$ \\cdot n$\n- Shipping - $s = 2\\$$\n').map((card) => [card.rule, shown(card.front), shown(card.back)])).toEqual([
			['definition', 'Unit cost', '$c = 5\\$ \\cdot n$'],
			['definition', 'Shipping', '$s = 2\\$$']
		]);
		// `$$` with spaces inside is no math to the Markdown (its `*` is emphasis), so its dollars are no formula's either.
		expect(cards('## Physics\n- Energy - $$ E = mc^2 $$\n- Force - $$ F = ma $$\n').map((card) => card.rule)).toEqual(['list']);
	});

	it('reads dollars of money, and a `$$` never closed, as before', () => {
		expect(cards('## Prices\n- coffee: $5 and *cake* $10\n- tea: $4\n').map((card) => [card.front, card.back])).toEqual([
			['coffee', '$5 and cake $10'],
			['tea', '$4']
		]);
		expect(cards('## Open\n$$\n**Not** math: never closed\n').map((card) => card.back)).toEqual(['$$\\\nNot math: never closed']);
	});
});
