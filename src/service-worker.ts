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

const sw = self as unknown as ServiceWorkerGlobalScope;

const APP_CACHE_PREFIX = 'recall-app-';
const APP_CACHE = `${APP_CACHE_PREFIX}${version}`;
const IMAGE_CACHE = 'recall-images-v1';
/** Remote images of cards: cross-origin responses are opaque and count large against the quota, so keep few. */
const IMAGE_CACHE_MAX_ENTRIES = 60;
const IMAGE_CACHE_MAX_AGE_MS = 60 * 24 * 3_600_000;
const IMAGE_STORED_AT = 'x-recall-stored-at';

// The app shell: a single-page app has no page per route, so every navigation gets "/".
const SHELL = '/';
// Store screenshots are for the install dialog, not for studying offline.
const ASSETS = [...new Set([SHELL, ...build, ...files.filter((file) => !file.startsWith('/screenshots/'))])];
const ASSET_SET = new Set(ASSETS);
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
	await Promise.all(
		ASSETS.map(async (path) => {
			const response = (await carriedOver(path)) ?? (await fetch(new Request(path, { cache: 'reload' })));
			if (!response.ok && response.type !== 'opaque') throw new Error(`could not cache ${path}: ${response.status}`);
			await cache.put(path, response);
		})
	);
}

sw.addEventListener('install', (event) => {
	event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) {
				if (name.startsWith(APP_CACHE_PREFIX) && name !== APP_CACHE) await caches.delete(name);
			}
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

/** Cache first: a card seen once online shows its image offline. */
async function image(request: Request): Promise<Response> {
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

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin === sw.location.origin) {
		if (request.mode === 'navigate') event.respondWith(fromAppCache(SHELL, request));
		else if (ASSET_SET.has(url.pathname)) event.respondWith(fromAppCache(url.pathname, request));
		return;
	}
	if (request.destination === 'image' && (url.protocol === 'https:' || url.protocol === 'http:')) event.respondWith(image(request));
});
