/**
 * A page's styles before its markup: a Vite plugin that mends Vite's preload helper so that every import of a chunk
 * waits for that chunk's stylesheets, not only the first import.
 *
 * Vite's helper (`\0vite/preload-helper.js`) adds a chunk's `<link rel="stylesheet">` and waits for it to load before
 * importing the chunk, but it remembers each file as seen and lets a second import through at once. SvelteKit imports
 * a route's modules twice on every navigation: once to start their downloads early, then again to render them. The
 * second import won the race whenever a stylesheet came after its script: the page was drawn unstyled until its CSS
 * arrived (on a slow first visit, on a busy phone; our tap-target e2e test measured Settings' 44 px choices at 19 px).
 * Mended, the helper remembers each stylesheet's load itself, and a second import waits for it as the first did.
 */
import type { Plugin } from 'vite';

export const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/** Each text of Vite's helper, with what it becomes. A Vite that words them otherwise fails the build, not the pages. */
const MENDS: readonly { find: string; replace: string; why: string }[] = [
	{ find: 'if (dep in seen) return;', replace: 'if (dep in seen) return seen[dep];', why: 'a second import waits for what the first one waits for' },
	{ find: 'if (isCss) return new Promise(', replace: 'if (isCss) return seen[dep] = new Promise(', why: 'a stylesheet is remembered by its load' }
];

/** Vite's preload helper, mended; throws if the helper no longer has the text to mend. */
export function mendPreloadHelper(code: string): string {
	return MENDS.reduce((mended, { find, replace, why }) => {
		const at = mended.indexOf(find);
		if (at === -1 || mended.indexOf(find, at + 1) !== -1) {
			throw new Error(`styles-before-render: Vite's preload helper does not have “${find}” once (so that ${why}); check src/build/styles-before-render-plugin.ts against this Vite`);
		}
		return mended.replace(find, replace);
	}, code);
}

export function stylesBeforeRenderPlugin(): Plugin {
	return {
		name: 'recall:styles-before-render',
		apply: 'build',
		transform(code, id) {
			if (id !== PRELOAD_HELPER_ID) return undefined;
			return { code: mendPreloadHelper(code), map: null };
		}
	};
}
