/**
 * The home page is the first page, and stays light by reading the store with
 * plain IndexedDB (README, "A light first page"): nothing it imports statically
 * may bring in Dexie or the store's code. A static import added deep in db/
 * (settings.ts once imported the sessions, which read the store through Dexie)
 * put 35 kB gzipped back on the first load; the bench found it, this finds it
 * at once. Nor may it bring in what the page does not show at once (the study
 * session's code, the app's notices, other pages' strings): those load with the
 * code that uses them. Dynamic imports (`import('…')`) load later and are not followed.
 */
import { describe, expect, it } from 'vitest';
import { reachable } from './static-imports';

const ENTRIES = ['src/routes/+layout.svelte', 'src/routes/+layout.ts', 'src/routes/+page.svelte', 'src/routes/+page.ts'];

describe('the home page’s static imports', () => {
	it('never reach Dexie or the store’s Dexie code', () => {
		const all = reachable(ENTRIES);
		const heavy = [...all].filter(([module]) => module === 'dexie' || module.endsWith('/src/lib/db/schema.ts') || module.endsWith('/src/lib/db/index.ts'));
		expect(heavy.map(([, chain]) => chain.join(' → '))).toEqual([]);
		// The walk itself works: it reaches the quick read, which is what the home page uses instead.
		expect([...all.keys()].some((module) => module.endsWith('/src/lib/db/quick-read.ts'))).toBe(true);
	});

	it('never reach what it does not show at once: the study session, the app’s notices, other pages’ strings', () => {
		const all = reachable(ENTRIES);
		const deferred = [...all].filter(
			([module]) =>
				module.endsWith('/src/lib/srs/session.ts') ||
				module.endsWith('/src/lib/components/AppUpdates.svelte') ||
				(/\/src\/lib\/i18n\/messages-[\w-]+\.ts$/.test(module) && !module.endsWith('/messages-home.ts'))
		);
		expect(deferred.map(([, chain]) => chain.join(' → '))).toEqual([]);
		// The walk sees the strings the page does show, and what follows the service worker, which every load does.
		expect([...all.keys()].some((module) => module.endsWith('/src/lib/i18n/messages-home.ts'))).toBe(true);
		expect([...all.keys()].some((module) => module.endsWith('/src/lib/app/offline.svelte.ts'))).toBe(true);
	});
});
