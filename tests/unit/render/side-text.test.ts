import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableText } from '../../../src/lib/io/html-text';
import type { CardFormat } from '../../../src/lib/render/card-html';
import { markdownToExportHtml } from '../../../src/lib/render/markdown';
import { excerpt, sideExcerpt, sideLang, sideText } from '../../../src/lib/render/side-text';

describe('excerpts', () => {
	it('are the text a person reads of the rendered side, whitespace folded, cut with an ellipsis', () => {
		expect(sideExcerpt('**리전**이란?\n\n- 하나\n- 둘', undefined)).toBe('리전이란? 하나 둘');
		expect(sideExcerpt('[...] is the capital', 'markdown')).toBe('[...] is the capital');
		expect(sideExcerpt('<b>bold</b><br>next &amp; <i>last</i>', 'html')).toBe('bold next & last');
		// Text, not HTML: markup in a Markdown side stays as its text.
		expect(sideExcerpt('<script>alert(1)</script> x', 'markdown')).toBe('<script>alert(1)</script> x');
		// What an HTML side never shows is no part of its text: an Anki card's CSS, a script.
		expect(sideExcerpt('<style>body{display:none}</style>style front', 'html')).toBe('style front');
		expect(sideExcerpt('<script>alert(1)</script> x', 'html')).toBe('x');
		expect(excerpt('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
	});

	it('of plain text, read without rendering, are what rendering gives', () => {
		// Letters, digits and the punctuation plain text skips rendering for, with what would mark it up or link it.
		const pieces = ['a', 'Q', '가', 'é', 'ü', '1', '42', ' ', '  ', '.', ',', ':', ';', '?', '!', "'", '"', '(', ')', 'www.', 'Example.COM', 'xn--', 'e.g.', '3. ', '-', '*', '_', '#', '>', '<b>', '&amp;', '[x]', '`', '~', '|', '\\', '@', '/', '%41', '\n'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.constantFrom<CardFormat | undefined>(undefined, 'markdown', 'html'), (parts, format) => {
				const text = parts.join('');
				expect(sideExcerpt(text, format)).toBe(excerpt(readableText(format === 'html' ? text : markdownToExportHtml(text))));
			}),
			{ numRuns: 2000 }
		);
		expect(sideExcerpt('Question number 3: what is 3 squared?', undefined)).toBe('Question number 3: what is 3 squared?');
	});
});

describe('sideText', () => {
	it('is the excerpt of a side with text, and the source of a side that is only an image', () => {
		expect(sideText('**Capital** of _Burkina Faso_', 'markdown', 60)).toBe('Capital of Burkina Faso');
		expect(sideText('![](map.png)', 'markdown', 60)).toBe('![](map.png)');
		expect(sideText('<img src="map.png">', 'html', 12)).toBe('<img src="m…');
	});
});

describe('sideLang', () => {
	it('is textLang of the side: Korean with Hangul, English Latin text under the Korean interface', () => {
		expect(sideLang('**리전**이란?', undefined, 'en')).toBe('ko');
		expect(sideLang('**Region**', undefined, 'ko')).toBe('en');
		expect(sideLang('<b>Region</b>', 'html', 'ko')).toBe('en');
		expect(sideLang('**Region**', undefined, 'en')).toBeUndefined();
	});

	it('reads an HTML side’s text, not its tags, before calling it English', () => {
		expect(sideLang('<div><b>42</b></div>', 'html', 'ko')).toBeUndefined();
		expect(sideLang('<span class="x">日本語</span>', 'html', 'ko')).toBeUndefined();
		// An image alone shows no text to read.
		expect(sideLang('![](map.png)', undefined, 'ko')).toBeUndefined();
	});
});
