#!/usr/bin/env node
// Writes brotli and gzip copies beside every text file of the build, as a static
// host or CDN would serve them: scripts/serve.mjs sends them to browsers that
// accept them. A phone on a slow network downloads a third of the bytes.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'build';
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.webmanifest', '.txt', '.wasm', '.map']);

function* files(folder) {
	for (const name of readdirSync(folder)) {
		const path = join(folder, name);
		if (statSync(path).isDirectory()) yield* files(path);
		else yield path;
	}
}

let written = 0;
for (const path of [...files(dir)]) {
	if (!COMPRESSIBLE.has(extname(path))) continue;
	const bytes = readFileSync(path);
	// Tiny files gain nothing from a second round trip through the decoder.
	if (bytes.length < 512) continue;
	const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
	const gzip = gzipSync(bytes, { level: 9 });
	if (brotli.length < bytes.length) writeFileSync(`${path}.br`, brotli);
	if (gzip.length < bytes.length) writeFileSync(`${path}.gz`, gzip);
	written++;
}
// The build is whole: scripts/serve.mjs, running meanwhile, lists its files anew.
writeFileSync(join(dir, '.build-done'), `${new Date().toISOString()}\n`);
console.log(`compress: brotli and gzip copies of ${written} files in ${dir}/`);
