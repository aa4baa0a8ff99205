import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { decksPlugin } from './src/build/decks-plugin';

export default defineConfig({
	// The decks plugin goes first: it serves modules that SvelteKit's pages import.
	plugins: [decksPlugin({ dir: 'decks' }), sveltekit()],
	server: { host: '127.0.0.1' },
	// The import worker splits SQLite (Anki files only) into its own chunk: module workers can.
	worker: { format: 'es' },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Property tests and large inputs check correctness, not speed (that is `npm run bench`): a busy CI machine must not fail them.
		testTimeout: 20_000
	}
});
