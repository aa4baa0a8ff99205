import { describe, expect, it } from 'vitest';
import { cardSideExportHtml, markdownToExportHtml } from '../../../src/lib/render/markdown';

describe('markdownToExportHtml', () => {
	it('shows ==highlights== as <mark>, by the study screen’s rules', () => {
		expect(markdownToExportHtml('선생님께서 ==오셨어요==.')).toBe('<p>선생님께서 <mark>오셨어요</mark>.</p>');
		// Across inline markup, and inside it.
		expect(markdownToExportHtml('==**x**== and **==b==**')).toBe('<p><mark><strong>x</strong></mark> and <strong><mark>b</mark></strong></p>');
		expect(markdownToExportHtml('x==y==z')).toBe('<p>x<mark>y</mark>z</p>');
		// Not in code, not around white space, not a run of three, not across elements.
		expect(markdownToExportHtml('`==x==` ==y==')).toBe('<p><code>==x==</code> <mark>y</mark></p>');
		expect(markdownToExportHtml('a == b == c')).toBe('<p>a == b == c</p>');
		expect(markdownToExportHtml('===x===')).toBe('<p>===x===</p>');
		expect(markdownToExportHtml('**==x**==')).toBe('<p><strong>==x</strong>==</p>');
		expect(markdownToExportHtml('- ==a\n- b==')).toBe('<ul>\n<li>==a</li>\n<li>b==</li>\n</ul>');
	});

	it('gives Anki a line break where the card has one', () => {
		expect(markdownToExportHtml('사과\napple')).toBe('<p>사과<br>\napple</p>');
	});

	it('escapes what a card writes as HTML', () => {
		expect(markdownToExportHtml('==<b>x</b>==')).toBe('<p><mark>&lt;b&gt;x&lt;/b&gt;</mark></p>');
	});

	it('gives an HTML side as it is and renders a Markdown one', () => {
		expect(cardSideExportHtml({ front: '<i>x</i>', back: '', format: 'html' }, 'front')).toBe('<i>x</i>');
		expect(cardSideExportHtml({ front: '', back: '**x**' }, 'back')).toBe('<p><strong>x</strong></p>');
	});
});
