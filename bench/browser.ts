/** What the browser benchmarks share: the built app served locally, and Debian's Chromium when present. */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';

export const CHROMIUM_PATH = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A browser whose IndexedDB is on disk, as a user's browser keeps it; `close` ends it and removes its profile. A
 * context from `browser.newContext()` is off the record, its IndexedDB held in memory, and Chromium 150 slows that
 * down as it fills (the same 10,000 puts took 0.6 s into a first database and 4.1 s into the sixth, where on disk
 * each took 0.55 s): figures measured there were the test browser's, not the app's.
 */
export async function launchOnDisk(options: BrowserContextOptions = {}): Promise<OnDiskBrowser> {
	const profile = mkdtempSync(join(tmpdir(), 'recall-bench-profile-'));
	const launch = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...options });
	const browser: OnDiskBrowser = {
		context: await launch(),
		restart: async () => {
			await browser.context.close();
			browser.context = await launch();
			return browser.context;
		},
		close: async () => {
			await browser.context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
	return browser;
}

/**
 * A browser on a profile of its own (launchOnDisk): `restart` ends it and starts it again on the same profile
 * (a learner's next visit, the store at rest), `close` ends it and removes the profile.
 */
export interface OnDiskBrowser {
	context: BrowserContext;
	restart: () => Promise<BrowserContext>;
	close: () => Promise<void>;
}

export interface AppServer {
	origin: string;
	stop: () => void;
}

/** Builds the app (unless BENCH_SKIP_BUILD is set) and serves build/ on 127.0.0.1:port. */
export async function serveBuiltApp(port: number): Promise<AppServer> {
	if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'ignore' });
	const origin = `http://127.0.0.1:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore' });
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(origin)).ok) return { origin, stop: () => server.kill() };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	server.kill();
	throw new Error(`the app server did not start on port ${port}`);
}

/** `count` plain puts of card-sized records into a database of its own, in one transaction: what IndexedDB itself costs here. */
export async function baselinePuts(page: Page, count: number): Promise<number> {
	return page.evaluate(async (count) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('bench-baseline', 1);
			request.onupgradeneeded = () => request.result.createObjectStore('items', { keyPath: 'id' });
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const start = performance.now();
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction('items', 'readwrite');
			const store = tx.objectStore('items');
			for (let i = 0; i < count; i++) store.put({ id: `item:${i}`, front: `Question number ${i}`, back: `${i * i}`, order: i });
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		const elapsed = performance.now() - start;
		db.close();
		indexedDB.deleteDatabase('bench-baseline');
		return elapsed;
	}, count);
}
