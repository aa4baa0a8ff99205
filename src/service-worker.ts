/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The offline app: every built file and the built-in decks are cached when a
 * version installs, so after the first visit the whole app opens and works with
 * no network. A new version waits until the person accepts the update prompt
 * (the page sends SKIP_WAITING); hashed files it already has are carried over
 * from the old cache instead of downloaded again.
 */
import { build, files, version } from '$service-worker';
import { BUILT_IN_IMAGES_FILE, type BuiltInImages } from '$lib/app/built-in-images';
import { SHARE_TARGET_PATH, SHARED_FILE_NAME_HEADER, SHARED_FILE_PREFIX, SHARED_FILES_CACHE } from '$lib/app/shared-files';

const sw = self as unknown as ServiceWorkerGlobalScope;

const APP_CACHE_PREFIX = 'recall-app-';
const APP_CACHE = `${APP_CACHE_PREFIX}${version}`;
const IMAGE_CACHE = 'recall-images-v1';
/** Remote images of cards: cross-origin responses are opaque and count large against the quota, so keep few. */
const IMAGE_CACHE_MAX_ENTRIES = 60;
const IMAGE_CACHE_MAX_AGE_MS = 60 * 24 * 3_600_000;
const IMAGE_STORED_AT = 'x-recall-stored-at';
/**
 * The built-in decks' remote images, fetched when a version installs: not trimmed with the images of
 * cards seen, and not named by version (an update fetches only the images it has not got).
 */
const BUILT_IN_IMAGE_CACHE = 'recall-built-in-images-v1';
/** An image the network does not give within this is left for the first time its card shows. */
const BUILT_IN_IMAGE_TIMEOUT_MS = 20_000;

// The app shell: a single-page app has no page per route, so every navigation gets "/".
const SHELL = '/';
/**
 * Store screenshots are for the install dialog, not for studying offline. WebAssembly
 * (SQLite, for Anki files) is large and only importing and exporting need it: it is
 * cached the first time it is used (LAZY_CACHE), not downloaded by every install.
 */
const isLazy = (path: string) => path.endsWith('.wasm');
const ASSETS = [...new Set([SHELL, ...build.filter((path) => !isLazy(path)), ...files.filter((file) => !file.startsWith('/screenshots/'))])];
const ASSET_SET = new Set(ASSETS);
/** Not named by version: a lazily cached file survives updates, which keep its hashed name unless it changed. */
const LAZY_CACHE = 'recall-lazy-v1';
/**
 * The Web Workers' files, which `$service-worker` does not list: written at build time by
 * scripts/worker-files.mjs, read when this version installs. Hashed, under _app/immutable.
 */
const WORKER_FILES = '/_app/worker-files.json';
const WORKERS = '/_app/immutable/workers/';

async function workerFiles(): Promise<{ precache: string[]; lazy: string[] }> {
	try {
		const response = await fetch(WORKER_FILES, { cache: 'reload' });
		if (response.ok) return (await response.json()) as { precache: string[]; lazy: string[] };
	} catch {
		// Offline during an install cannot happen (the worker script itself was just fetched); keep going without.
	}
	return { precache: [], lazy: [] };
}

const IMMUTABLE = '/_app/immutable/';

async function carriedOver(path: string): Promise<Response | undefined> {
	if (!path.startsWith(IMMUTABLE)) return undefined;
	for (const name of await caches.keys()) {
		if (!name.startsWith(APP_CACHE_PREFIX) || name === APP_CACHE) continue;
		const hit = await (await caches.open(name)).match(path);
		if (hit) return hit;
	}
	return undefined;
}

async function precache(): Promise<void> {
	const cache = await caches.open(APP_CACHE);
	const workers = await workerFiles();
	await Promise.all(
		[...ASSETS, ...workers.precache].map(async (path) => {
			const response = (await carriedOver(path)) ?? (await fetch(new Request(path, { cache: 'reload' })));
			if (!response.ok && response.type !== 'opaque') throw new Error(`could not cache ${path}: ${response.status}`);
			await cache.put(path, response);
		})
	);
}

async function builtInImageList(): Promise<string[]> {
	try {
		const response = await fetch(`/${BUILT_IN_IMAGES_FILE}`, { cache: 'reload' });
		if (response.ok) return ((await response.json()) as BuiltInImages).images;
	} catch {
		// A build without the list (or a failed read) caches images as their cards show, as before.
	}
	return [];
}

/**
 * Best effort: the app is installed whether or not another site answers. An image that fails here is
 * cached the first time its card shows online, like any card's image.
 */
async function cacheBuiltInImages(): Promise<void> {
	const wanted = await builtInImageList();
	const cache = await caches.open(BUILT_IN_IMAGE_CACHE);
	for (const request of await cache.keys()) if (!wanted.includes(request.url)) await cache.delete(request);
	await Promise.allSettled(
		wanted.map(async (src) => {
			if (await cache.match(src)) return;
			// As an <img> asks for it: no CORS, so any site's image can be kept (opaque).
			const response = await fetch(new Request(src, { mode: 'no-cors', signal: AbortSignal.timeout(BUILT_IN_IMAGE_TIMEOUT_MS) }));
			if (response.ok || response.type === 'opaque') await cache.put(src, response);
		})
	);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(precache().then(cacheBuiltInImages));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) {
				if (name.startsWith(APP_CACHE_PREFIX) && name !== APP_CACHE) await caches.delete(name);
			}
			// Lazily cached files of older versions that this one no longer has.
			const current = new Set([...build.filter(isLazy), ...(await workerFiles()).lazy]);
			const lazy = await caches.open(LAZY_CACHE);
			for (const request of await lazy.keys()) if (!current.has(new URL(request.url).pathname)) await lazy.delete(request);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | undefined)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

async function fromAppCache(path: string, request: Request): Promise<Response> {
	const cached = await (await caches.open(APP_CACHE)).match(path);
	return cached ?? fetch(request);
}

async function trimImageCache(cache: Cache): Promise<void> {
	const keys = await cache.keys();
	for (const key of keys.slice(0, Math.max(0, keys.length - IMAGE_CACHE_MAX_ENTRIES))) await cache.delete(key);
}

function isFresh(response: Response): boolean {
	const storedAt = Number(response.headers.get(IMAGE_STORED_AT));
	// Opaque responses carry no readable headers: their age is unknown, keep them until trimmed.
	return response.type === 'opaque' || !storedAt || Date.now() - storedAt < IMAGE_CACHE_MAX_AGE_MS;
}

/** Cache first: a built-in deck's image, or a card's seen once online, shows offline. */
async function image(request: Request): Promise<Response> {
	const builtIn = await (await caches.open(BUILT_IN_IMAGE_CACHE)).match(request.url);
	if (builtIn) return builtIn;
	const cache = await caches.open(IMAGE_CACHE);
	const cached = await cache.match(request);
	if (cached && isFresh(cached)) return cached;
	try {
		const response = await fetch(request);
		if (response.ok || response.type === 'opaque') {
			let stored = response.clone();
			if (response.type !== 'opaque') {
				const headers = new Headers(stored.headers);
				headers.set(IMAGE_STORED_AT, String(Date.now()));
				stored = new Response(await stored.blob(), { status: stored.status, statusText: stored.statusText, headers });
			}
			await cache.put(request, stored);
			await trimImageCache(cache);
		}
		return response;
	} catch {
		// Offline and never seen: the page shows the image's alt text in its place.
		return cached ?? Response.error();
	}
}

/** Cache first, filled on first use. */
async function lazyAsset(path: string, request: Request): Promise<Response> {
	const cache = await caches.open(LAZY_CACHE);
	const cached = await cache.match(path);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(path, response.clone());
	return response;
}

/**
 * Files shared to the installed app arrive as a form POST: they are kept in a
 * cache for the import page, which opens with `?shared` and takes them from there.
 */
async function receiveSharedFiles(request: Request): Promise<Response> {
	const form = await request.formData();
	const cache = await caches.open(SHARED_FILES_CACHE);
	for (const key of await cache.keys()) await cache.delete(key);
	let index = 0;
	for (const value of form.getAll('files')) {
		if (typeof value === 'string') continue;
		const headers = { 'Content-Type': value.type || 'application/octet-stream', [SHARED_FILE_NAME_HEADER]: encodeURIComponent(value.name) };
		await cache.put(`${SHARED_FILE_PREFIX}${index++}`, new Response(value, { headers }));
	}
	return Response.redirect('/import?shared', 303);
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (request.method === 'POST' && url.origin === sw.location.origin && url.pathname === SHARE_TARGET_PATH) {
		event.respondWith(receiveSharedFiles(request));
		return;
	}
	if (request.method !== 'GET') return;
	if (url.origin === sw.location.origin) {
		if (request.mode === 'navigate') event.respondWith(fromAppCache(SHELL, request));
		else if (url.pathname.startsWith(IMMUTABLE) && isLazy(url.pathname)) event.respondWith(lazyAsset(url.pathname, request));
		else if (ASSET_SET.has(url.pathname) || url.pathname.startsWith(WORKERS)) event.respondWith(fromAppCache(url.pathname, request));
		return;
	}
	if (request.destination === 'image' && (url.protocol === 'https:' || url.protocol === 'http:')) event.respondWith(image(request));
});
