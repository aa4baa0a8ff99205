import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { decksPlugin } from './src/build/decks-plugin';

export default defineConfig({
	// The decks plugin goes first: it serves modules that SvelteKit's pages import.
	plugins: [decksPlugin({ dir: 'decks' }), sveltekit()],
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
