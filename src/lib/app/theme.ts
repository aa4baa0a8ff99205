/**
 * The theme setting on the page. The colours follow `data-theme` on <html>
 * (app.html's style decides the scheme, app.css and the components write each
 * colour once for both): none for 'auto', which follows the device's scheme,
 * or 'light' / 'dark'. The browser's bar takes the page's background from the
 * `theme-color` metas, one a scheme: a chosen theme turns its own on and the
 * other off.
 *
 * app.html's inline script does the same from the localStorage copy before the
 * first paint (a unit test holds the two together); this applies the stored
 * setting once read, and every change after, and keeps that copy.
 */
import type { ThemeSetting } from '$lib/db/settings';
import { writeHint } from './first-paint-hints';

/** The localStorage copy that app.html's inline script reads. */
export const THEME_HINT_KEY = 'recall:theme';

export function applyTheme(theme: ThemeSetting, doc: Document = document): void {
	const root = doc.documentElement;
	if (theme === 'auto') delete root.dataset.theme;
	else root.dataset.theme = theme;
	for (const meta of doc.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"][data-scheme]')) {
		const scheme = meta.dataset.scheme;
		meta.setAttribute('media', theme === 'auto' ? `(prefers-color-scheme: ${scheme})` : scheme === theme ? 'all' : 'not all');
	}
	writeHint(THEME_HINT_KEY, theme === 'auto' ? undefined : theme);
}
