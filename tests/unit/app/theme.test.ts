// @vitest-environment jsdom
/**
 * The theme is applied twice on a load: by app.html's inline script from the
 * localStorage copy, before the first paint, and by applyTheme once the stored
 * setting is read. The two must leave the page the same, or the page would
 * change as the app starts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, THEME_HINT_KEY } from '../../../src/lib/app/theme';
import type { ThemeSetting } from '../../../src/lib/db/settings';

const APP_HTML = readFileSync(resolve(__dirname, '../../../src/app.html'), 'utf8');

/** app.html as the browser first sees it, with its inline script run over `stored` (the localStorage copy). */
function firstPaint(stored: string | undefined): Document {
	const doc = new DOMParser().parseFromString(APP_HTML.replaceAll(/%sveltekit\.[a-z]+%/g, ''), 'text/html');
	const scripts = doc.querySelectorAll('script');
	expect(scripts).toHaveLength(1);
	if (stored === undefined) localStorage.removeItem(THEME_HINT_KEY);
	else localStorage.setItem(THEME_HINT_KEY, stored);
	// A parsed document runs no scripts: this one runs with that document for its own.
	new Function('document', 'localStorage', scripts[0]!.textContent!)(doc, localStorage);
	return doc;
}

/** What the theme changes: the attribute and the app bar's metas. */
function themed(doc: Document) {
	return {
		theme: doc.documentElement.getAttribute('data-theme'),
		metas: [...doc.querySelectorAll('meta[name="theme-color"]')].map((meta) => [meta.getAttribute('content'), meta.getAttribute('media')])
	};
}

afterEach(() => {
	localStorage.clear();
});

describe('the theme before the first paint and after', () => {
	it('app.html has an app bar colour for each scheme, for the device to choose', () => {
		expect(themed(firstPaint(undefined))).toEqual({
			theme: null,
			metas: [
				['#f7f7f4', '(prefers-color-scheme: light)'],
				['#17181a', '(prefers-color-scheme: dark)']
			]
		});
	});

	for (const theme of ['light', 'dark'] as const) {
		it(`a stored ${theme} theme: the inline script and applyTheme leave the page alike, and the app bar in its colour alone`, () => {
			const before = firstPaint(theme);
			const after = firstPaint(undefined);
			applyTheme(theme, after);
			expect(themed(before)).toEqual(themed(after));
			expect(themed(before).theme).toBe(theme);
			expect(themed(before).metas.filter(([, media]) => media === 'all')).toEqual([[theme === 'light' ? '#f7f7f4' : '#17181a', 'all']]);
		});
	}

	it('automatic, or a copy that is not a theme, leaves the page to the device; applyTheme turns a chosen theme back to it', () => {
		const auto = themed(firstPaint(undefined));
		expect(themed(firstPaint('sepia'))).toEqual(auto);
		const page = firstPaint('dark');
		applyTheme('auto', page);
		expect(themed(page)).toEqual(auto);
	});

	it('applyTheme keeps the copy that the next load paints with: none for automatic', () => {
		const seen: (string | null)[] = [];
		for (const theme of ['dark', 'light', 'auto'] satisfies ThemeSetting[]) {
			applyTheme(theme, firstPaint(undefined));
			seen.push(localStorage.getItem(THEME_HINT_KEY));
		}
		expect(seen).toEqual(['dark', 'light', null]);
	});
});
