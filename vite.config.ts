import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { decksPlugin } from './src/build/decks-plugin';
import { stylesBeforeRenderPlugin } from './src/build/styles-before-render-plugin';

export default defineConfig({
	// The decks plugin goes first: it serves modules that SvelteKit's pages import.
	// The styles plugin: a page is drawn once its stylesheets have arrived, not before (see its file).
	plugins: [decksPlugin({ dir: 'decks' }), sveltekit(), stylesBeforeRenderPlugin()],
	server: { host: '127.0.0.1' },
	// The import worker splits SQLite (Anki files only) into its own chunk: module workers can.
	worker: { format: 'es' },
	// Chunks under 10 kB are merged into others: a page loads about half as many files (the study page 23, not 51)
	// for a few kB more, and over HTTP/1.1 (six connections to a host) each wave of files costs a round trip. The home
	// page keeps its size (bench first-load); at 20 kB it would not.
	// The notices' Korean (i18n/notices) is a chunk of its own, which small chunks are never merged into: merged, it came
	// with the card text component to the home page (10 kB more). Only pages with a file's notices to say load it.
	build: { rollupOptions: { output: { experimentalMinChunkSize: 10_000, manualChunks: (id) => (id.includes('/src/lib/i18n/notices/') ? 'notices' : undefined) } } },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Property tests and large inputs check correctness, not speed (that is `npm run bench`): a busy CI machine must not fail them.
		testTimeout: 20_000
	}
});
