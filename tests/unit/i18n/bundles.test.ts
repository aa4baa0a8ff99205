/**
 * A bundle of strings that adds itself when it loads (messages.ts) holds its
 * keys only once something on the page has imported it: the type of a key
 * cannot tell, every key being a MessageKey, and the page would show
 * `undefined`. So whatever loads a module that names a bundle's key (a page,
 * with the layout; the error page; a module loaded later with `import()`) must
 * load the bundle with it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardsMessages } from '../../../src/lib/i18n/messages-cards';
import { importMessages } from '../../../src/lib/i18n/messages-import';
import { settingsMessages } from '../../../src/lib/i18n/messages-settings';
import { statsMessages } from '../../../src/lib/i18n/messages-stats';
import { studyMessages } from '../../../src/lib/i18n/messages-study';
import { updatesMessages } from '../../../src/lib/i18n/messages-updates';
import { reachable, resolveModule, ROOT } from '../build/static-imports';

const BUNDLES: Record<string, { en: Record<string, string> }> = {
	'messages-cards': cardsMessages,
	'messages-import': importMessages,
	'messages-settings': settingsMessages,
	'messages-stats': statsMessages,
	'messages-study': studyMessages,
	'messages-updates': updatesMessages
};

const LAYOUT = ['src/routes/+layout.svelte', 'src/routes/+layout.ts'];

function* sources(folder: string): Generator<string> {
	for (const name of readdirSync(folder)) {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) yield* sources(path);
		else if (/\.(ts|svelte)$/.test(name)) yield path;
	}
}

/** What loads together: each page with its load and the layout, the error page, and each module loaded with `import()`. */
function loads(): string[][] {
	const all = [...sources(join(ROOT, 'src'))];
	const together: string[][] = [];
	for (const file of all.filter((path) => path.endsWith('/+page.svelte'))) {
		const load = join(dirname(file), '+page.ts');
		together.push([...LAYOUT, ...[file, load].filter((path) => existsSync(path)).map((path) => relative(ROOT, path))]);
	}
	together.push([...LAYOUT, 'src/routes/+error.svelte']);
	for (const file of all) {
		for (const match of readFileSync(file, 'utf8').matchAll(/\bimport\('([^']+)'\)/g)) {
			const target = resolveModule(file, match[1] as string);
			if (target !== undefined) together.push([...LAYOUT, relative(ROOT, target)]);
		}
	}
	return together;
}

/**
 * The keys of `bundle` that `source` names as a string: `'key'`, or a counted key by its name without `_one` /
 * `_other`. (Backquotes are left out: comments name functions so, and a template's key is not known here.)
 */
function keysNamed(source: string, bundle: { en: Record<string, string> }): string[] {
	const names = new Set(Object.keys(bundle.en).map((key) => key.replace(/_(one|other)$/, '')));
	return [...names].filter((name) => new RegExp(`['"]${name}(?:_one|_other)?['"]`).test(source));
}

describe('the bundles of strings that add themselves', () => {
	it('load with every page and module that names one of their keys', () => {
		const missing = new Set<string>();
		let named = 0;
		for (const entries of loads()) {
			const modules = [...reachable(entries).keys()].filter((module) => /\.(ts|svelte)$/.test(module) && existsSync(module));
			for (const module of modules.filter((path) => !/\/src\/lib\/i18n\/messages[\w-]*\.ts$/.test(path))) {
				const source = readFileSync(module, 'utf8');
				for (const [name, bundle] of Object.entries(BUNDLES)) {
					const keys = keysNamed(source, bundle);
					if (keys.length === 0) continue;
					named++;
					if (!modules.some((path) => path.endsWith(`/src/lib/i18n/${name}.ts`))) {
						missing.add(`${entries[LAYOUT.length]}: ${relative(ROOT, module)} names ${keys.join(', ')}, but ${name} does not load`);
					}
				}
			}
		}
		expect([...missing]).toEqual([]);
		// The search itself works: pages name their bundles' keys.
		expect(named).toBeGreaterThan(20);
	});
});
