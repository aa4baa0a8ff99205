// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createIcon, ICONS, type IconName } from '../../../src/lib/render/icons';

describe('createIcon', () => {
	it.each(Object.keys(ICONS) as IconName[])('draws %s as an SVG in the text’s colour, hidden from screen readers, that stays one through {@html}', (name) => {
		const icon = createIcon(document, name);
		const host = document.createElement('span');
		host.append(icon);
		// A card side reaches the page as HTML text (CardSide's {@html}): parsed again, the icon must still be SVG.
		const reparsed = new DOMParser().parseFromString(`<!doctype html><body>${host.innerHTML}`, 'text/html').body.firstElementChild;
		for (const svg of [icon, reparsed]) {
			expect(svg?.namespaceURI).toBe('http://www.w3.org/2000/svg');
			expect([svg?.getAttribute('class'), svg?.getAttribute('aria-hidden'), svg?.getAttribute('focusable'), svg?.getAttribute('stroke'), svg?.getAttribute('fill')]).toEqual(['icon', 'true', 'false', 'currentColor', 'none']);
			expect([...(svg?.children ?? [])].map((path) => [path.namespaceURI, path.localName, path.getAttribute('d')])).toEqual(ICONS[name].map((d) => ['http://www.w3.org/2000/svg', 'path', d]));
		}
		expect(host.textContent).toBe('');
	});
});
