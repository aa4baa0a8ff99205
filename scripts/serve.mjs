#!/usr/bin/env node
// Serves the built app (build/) the way a static host would: files as they are,
// every other path answered with the SPA fallback page, hashed assets cached
// for good and everything else revalidated. `npm start` and the end-to-end
// tests both use it, so the tests see what a user's browser sees (compressed
// files included).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.PORT ?? '4173' },
		host: { type: 'string', default: '127.0.0.1' },
		dir: { type: 'string', default: 'build' },
		// Test-only: lets a browser whose cookie says so see a changed service worker,
		// as if a new version had been deployed (Playwright cannot intercept the worker's update check).
		'test-switches': { type: 'boolean', default: false }
	}
});

if (!existsSync(values.dir)) {
	console.error(`serve: ${values.dir}/ does not exist. Run "npm run build" first (or use "npm start").`);
	process.exit(1);
}

function serveBuild() {
	return sirv(values.dir, {
		single: 'index.html',
		etag: true,
		// The brotli and gzip copies written by scripts/compress.mjs at build time.
		gzip: true,
		brotli: true,
		setHeaders(res, pathname) {
			const immutable = pathname.startsWith('/_app/immutable/');
			res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
		}
	});
}

// The last step of `npm run build` (scripts/compress.mjs) writes it: a dot file, which sirv does not serve.
const BUILD_DONE = join(values.dir, '.build-done');

function buildDoneAt() {
	try {
		return statSync(BUILD_DONE).mtimeMs;
	} catch {
		return undefined;
	}
}

// sirv lists the files once, so a build finished while this server runs (`npm run build` in another terminal) would
// be answered from the old list, whose hashed files are gone: a blank page. A finished build makes a new list.
let files = serveBuild();
let filesOf = buildDoneAt();

function currentFiles() {
	const done = buildDoneAt();
	if (done !== undefined && done !== filesOf) {
		files = serveBuild();
		filesOf = done;
	}
	return files;
}

const TEST_WORKER_COOKIE = /(?:^|;\s*)recall-test-sw-version=([\w-]{1,40})/;

function serveChangedWorker(req, res) {
	const version = TEST_WORKER_COOKIE.exec(req.headers.cookie ?? '')?.[1];
	if (!values['test-switches'] || req.url?.split('?')[0] !== '/service-worker.js' || !version) return false;
	// A new deployment has a new build version: the worker's caches are named after it.
	const { version: built } = JSON.parse(readFileSync(join(values.dir, '_app', 'version.json'), 'utf8'));
	const script = readFileSync(join(values.dir, 'service-worker.js'), 'utf8').replaceAll(JSON.stringify(built), JSON.stringify(`${built}-${version}`));
	res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-cache' });
	res.end(script);
	return true;
}

const server = createServer((req, res) => {
	if (!serveChangedWorker(req, res)) currentFiles()(req, res);
});
server.on('error', (error) => {
	console.error(`serve: cannot listen on ${values.host}:${values.port}: ${error.message}`);
	process.exit(1);
});
server.listen(Number(values.port), values.host, () => {
	console.log(`Recall is being served at http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${values.port}/ (Ctrl+C stops it)`);
});
