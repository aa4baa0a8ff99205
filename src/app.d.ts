// See https://svelte.dev/docs/kit/types#app.d.ts
import type { BrowseParams } from './routes/browse/browse';

declare global {
	namespace App {
		/** Shallow routing state (`replaceState`), restored when history comes back to the entry. */
		interface PageState {
			/** The card browser's search, order and page. */
			browse?: BrowseParams;
		}
	}
}

export {};
