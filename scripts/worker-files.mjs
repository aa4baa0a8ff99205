#!/usr/bin/env node
// Lists the files of the build's Web Workers (import, export) in build/_app/worker-files.json.
// SvelteKit's service-worker file list leaves worker bundles out, so the service worker reads
// this list when it installs: worker scripts are cached with the app (importing and exporting
// work offline), their WebAssembly (SQLite) the first time it is used.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] ?? 'build';
const workers = join(dir, '_app', 'immutable', 'workers');

function* files(folder) {
	let names = [];
	try {
		names = readdirSync(folder);
	} catch {
		return;
	}
	for (const name of names) {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) yield* files(path);
		else if (!/\.(br|gz)$/.test(name)) yield `/${relative(dir, path).split(sep).join('/')}`;
	}
}

const all = [...files(workers)].sort();
const list = { precache: all.filter((path) => !path.endsWith('.wasm')), lazy: all.filter((path) => path.endsWith('.wasm')) };
writeFileSync(join(dir, '_app', 'worker-files.json'), `${JSON.stringify(list, null, '\t')}\n`);
console.log(`worker-files: ${list.precache.length} worker files to precache, ${list.lazy.length} to cache on first use`);
