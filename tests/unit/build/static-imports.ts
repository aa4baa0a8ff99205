/**
 * The sources' static import graph, as the bundler follows it: what a module
 * loads with itself. Dynamic imports (`import('…')`) load later and are not
 * followed; type-only imports are erased by the compiler and not followed either.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');

/** Statically imported specifiers of a module. */
function staticImports(source: string): string[] {
	const specifiers: string[] = [];
	const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'"();]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
	for (const match of source.matchAll(pattern)) if (!match[2]) specifiers.push(match[3] as string);
	return specifiers;
}

/** The project file a specifier names (a folder's index.ts for a folder), or undefined for a package. */
export function resolveModule(from: string, specifier: string): string | undefined {
	const base = specifier.startsWith('$lib/') ? join(ROOT, 'src/lib', specifier.slice(5)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : undefined;
	if (base === undefined) return undefined;
	return [base, `${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Every package and project file (absolute path) that `entries` (paths from the root) reach, each with the chain that reaches it. */
export function reachable(entries: readonly string[]): Map<string, string[]> {
	const seen = new Map<string, string[]>();
	const queue: [string, string[]][] = entries.map((entry) => [join(ROOT, entry), [entry]]);
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
