// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../../src/lib/render/svg';

const svg = (body: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"${attributes}>${body}</svg>`;

function parsed(text: string | undefined): Document {
	if (text === undefined) throw new Error('refused');
	return new DOMParser().parseFromString(text, 'image/svg+xml');
}

describe('sanitizeSvg', () => {
	it('keeps a drawing as it is', () => {
		const out = sanitizeSvg(svg('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/><text x="1" y="9">빨강</text>'));
		const doc = parsed(out);
		expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
		expect(doc.querySelector('rect')?.getAttribute('fill')).toBe('url(#g)');
		expect(doc.querySelector('linearGradient')).not.toBeNull();
		expect(doc.querySelector('text')?.textContent).toBe('빨강');
		expect(doc.documentElement.getAttribute('width')).toBe('10');
	});

	it('leaves nothing that can run', () => {
		const hostile = [
			'<script>alert(1)</script>',
			'<script xlink:href="https://evil.test/x.js"/>',
			'<rect onclick="alert(1)" onload="alert(2)" width="1" height="1"/>',
			'<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></foreignObject>',
			'<a href="javascript:alert(1)"><rect width="1" height="1"/></a>',
			'<a xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a>',
			'<a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(1)"/><rect width="1" height="1"/></a>',
			'<style>@import url(https://evil.test/x.css);</style>',
			'<image href="javascript:alert(1)"/>'
		];
		const out = sanitizeSvg(svg(hostile.join(''), ' onload="alert(3)"')) ?? '';
		expect(out).not.toMatch(/script|onload|onclick|javascript:|foreignObject|iframe|<set|<animate|@import|<style/i);
		expect(parsed(out).querySelectorAll('rect')).toHaveLength(4);
	});

	it('refuses what is not an SVG document', () => {
		for (const text of ['', 'not xml', '<html><script>alert(1)</script></html>', '<svg><rect></svg>', '<svg>no namespace</svg>']) {
			expect(sanitizeSvg(text), text).toBeUndefined();
		}
	});
});
