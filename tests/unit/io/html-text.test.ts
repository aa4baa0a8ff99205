import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText, readableText, withoutUnshownElements } from '../../../src/lib/io/html-text';

describe('readableText', () => {
	it('leaves out the elements a card never shows, with their content', () => {
		expect(readableText('<style>body{display:none}</style>style front')).toBe('style front');
		expect(readableText('a<script type="module">alert("x")</script>b')).toBe('ab');
		expect(readableText('<head><title>T</title><style>p{}</style></head>body')).toBe('body');
		expect(readableText('<template><p>t</p></template><noscript>n</noscript>x')).toBe('x');
		expect(readableText('<svg><text>drawn</text></svg><video>no video</video>x')).toBe('x');
		// Any case, an end tag with spaces, one never closed (the browser shows nothing after it either).
		expect(readableText('a<STYLE media="x">c</style >b')).toBe('ab');
		expect(readableText('a<style>never closed <b>b</b>')).toBe('a');
		expect(readableText('a<style')).toBe('a');
	});

	it('keeps the text of elements whose names only start the same, and of comments’ neighbours', () => {
		expect(readableText('<header>h</header><title-x>t</title-x><headline>l</headline>')).toBe('htl');
		expect(readableText('a<!-- <style> -->b<br>c')).toBe('ab\nc');
	});

	it('is htmlToText wherever nothing is hidden', () => {
		// No bare `<`: with `style` after it, it would open a hidden element.
		const pieces = ['a', '가', ' ', '<b>', '</b>', '<br>', '</p>', '<i class="style">', '&amp;', '&lt;style&gt;', '>', 'style', '\n'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
				const html = parts.join('');
				expect(readableText(html)).toBe(htmlToText(html));
			}),
			{ numRuns: 1000 }
		);
	});

	// No clock here (benchmarks measure speed): a pattern that backtracks on this input would outlast the test's timeout.
	it('reads text full of unfinished tags without backtracking', () => {
		const html = '<style '.repeat(50_000) + '<script>'.repeat(50_000);
		expect(withoutUnshownElements(html)).toBe('');
	});
});

describe('htmlToText', () => {
	it('keeps the text of hidden elements: imported cards’ ids are made of it', () => {
		expect(htmlToText('<style>b{}</style>x')).toBe('b{}x');
	});
});
