import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		// A single-page app: every route runs in the browser, and the fallback page
		// serves deep links (and, later, the service worker's navigations).
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		// Absolute asset paths, so that a cached app shell also works on deep links offline.
		paths: { relative: false },
		// Registered by the page with workbox-window (src/lib/app/offline.svelte.ts), in production builds only.
		serviceWorker: { register: false }
	}
};

export default config;
