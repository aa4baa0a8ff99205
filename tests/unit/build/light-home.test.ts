/**
 * The home page is the first page, and stays light by reading the store with
 * plain IndexedDB (README, "A light first page"): nothing it imports statically
 * may bring in Dexie or the store's code. A static import added deep in db/
 * (settings.ts once imported the sessions, which read the store through Dexie)
 * put 35 kB gzipped back on the first load; the bench found it, this finds it
 * at once. Dynamic imports (`import('…')`) load later and are not followed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const ENTRIES = ['src/routes/+layout.svelte', 'src/routes/+layout.ts', 'src/routes/+page.svelte'];

/** Statically imported specifiers of a module (type-only imports are erased by the compiler). */
function staticImports(source: string): string[] {
	const specifiers: string[] = [];
	const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'"();]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
	for (const match of source.matchAll(pattern)) if (!match[2]) specifiers.push(match[3] as string);
	return specifiers;
}

function resolveModule(from: string, specifier: string): string | undefined {
	const base = specifier.startsWith('$lib/') ? join(ROOT, 'src/lib', specifier.slice(5)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : undefined;
	if (base === undefined) return undefined;
	return [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => existsSync(candidate) && !candidate.endsWith('/'));
}

/** Every package and project file the entries reach by static imports, each with the chain that reaches it. */
function reachable(): Map<string, string[]> {
	const seen = new Map<string, string[]>();
	const queue: [string, string[]][] = ENTRIES.map((entry) => [join(ROOT, entry), [entry]]);
	while (queue.length > 0) {
		const [file, chain] = queue.shift()!;
		if (seen.has(file)) continue;
		seen.set(file, chain);
		if (!existsSync(file) || !/\.(ts|svelte)$/.test(file)) continue;
		for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
			const target = resolveModule(file, specifier);
			const next = [...chain, specifier];
			if (target) queue.push([target, next]);
			else if (!seen.has(specifier)) seen.set(specifier, next);
		}
	}
	return seen;
}

describe('the home page’s static imports', () => {
	it('never reach Dexie or the store’s Dexie code', () => {
		const all = reachable();
		const heavy = [...all].filter(([module]) => module === 'dexie' || module.endsWith('/src/lib/db/schema.ts') || module.endsWith('/src/lib/db/index.ts'));
		expect(heavy.map(([, chain]) => chain.join(' → '))).toEqual([]);
		// The walk itself works: it reaches the quick read, which is what the home page uses instead.
		expect([...all.keys()].some((module) => module.endsWith('/src/lib/db/quick-read.ts'))).toBe(true);
	});
});
