/**
 * The card browser under a heavy collection, in real Chromium: 50,000 cards in
 * 10 decks and 1,000,000 review rows in IndexedDB. The browser page marks each
 * search (`recall:search-start` when it starts, `recall:search-shown` once its
 * first page of results is on screen); the figures are read from them.
 *
 * - a search naming one deck, as the browser opens (reads that deck's 5,000
 *   cards through its index), and beside it IndexedDB's own time to hand over
 *   another deck's 5,000 cards in one raw read (its floor); and again in the
 *   browser started afresh on the same store (a later visit, the store at rest);
 * - a free-text search over every card, the first one (reads all 50,000);
 * - the next keystroke's search (the cards already read);
 * - prop:lapses, over the lapse counts the cards keep (made from the whole
 *   log by the upgrade from version 2).
 *
 * Then, with the CPU slowed down 4x (Chrome DevTools Protocol) in the browser
 * started again on the store, as a learner's slower device feels them:
 *
 * - a sort change of the browser showing every card: from the order's `change`
 *   to the frame after the new first page is on screen, median of five orders;
 * - a deck's page opened from the home page's link: from the click to the
 *   frame that shows its heading, its card count and today's new and due
 *   cards, median of five decks.
 *
 * The collection is written into a version 2 store and reaches the app through
 * the upgrade, as an existing learner's does (bench/collection.ts).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { launchOnDisk, serveBuiltApp, type OnDiskBrowser } from './browser';
import { createVersion2Store, fillCollection, upgradeStore } from './collection';
import type { Benchmark } from './harness';

const CARDS = 50_000;
const DECKS = 10;
const REVIEWS = 1_000_000;
const PORT = Number(process.env.BENCH_PORT ?? 4414);
const ORIGIN = `http://127.0.0.1:${PORT}`;

interface SearchFigures {
	fillSeconds: number;
	upgradeSeconds: number;
	oneDeckMs: number;
	oneDeckFloorMs: number;
	oneDeckRestartedMs: number;
	allCardsFirstMs: number;
	allCardsNextMs: number;
	lapsesMs: number;
	sortChangeMs: number;
	deckPageMs: number;
}

const SLOWDOWN = 4;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function slowDown(context: BrowserContext, page: Page, rate: number): Promise<void> {
	await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
}

/** The browser over every card, then each order in turn: the time from the order's change to the frame after its first page is shown. */
async function timeSortChanges(context: BrowserContext, page: Page): Promise<number[]> {
	await page.goto(`${ORIGIN}/browse`);
	await readSearchTime(page);
	await slowDown(context, page, SLOWDOWN);
	const times: number[] = [];
	for (const sort of ['due', 'interval', 'ef', 'lapses', 'added']) {
		const sortBox = page.getByLabel('Sort by');
		await sortBox.waitFor();
		times.push(
			await sortBox.evaluate(async (select: HTMLSelectElement, sort) => {
				const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
				const start = performance.now();
				select.value = sort;
				select.dispatchEvent(new Event('change', { bubbles: true }));
				while (!performance.getEntriesByName('recall:search-shown', 'mark').some((mark) => mark.startTime > start)) await frame();
				await frame();
				return performance.now() - start;
			}, sort)
		);
	}
	await slowDown(context, page, 1);
	return times;
}

/** Each deck's page opened from the home page's link: the time from the click to the frame that shows its heading and counts. */
async function timeDeckPages(context: BrowserContext, page: Page, names: string[]): Promise<number[]> {
	const times: number[] = [];
	for (const name of names) {
		await page.goto(ORIGIN);
		const link = page.getByRole('link', { name, exact: true });
		await link.waitFor({ timeout: 60_000 });
		await slowDown(context, page, SLOWDOWN);
		times.push(
			await link.evaluate(async (link: HTMLAnchorElement, name) => {
				const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
				const shown = () =>
					document.querySelector('h1')?.textContent === name && /\d+ cards/.test(document.querySelector('.count')?.textContent ?? '') && /\d+ new · \d+ due/.test(document.querySelector('.study')?.textContent ?? '');
				const start = performance.now();
				link.click();
				while (!shown()) await frame();
				return performance.now() - start;
			}, name)
		);
		await slowDown(context, page, 1);
	}
	return times;
}

/** Types a query into the browser and returns the time from its search's start to its results on screen. */
async function timeSearch(page: Page, query: string): Promise<number> {
	await page.evaluate(() => performance.clearMarks());
	await page.getByRole('searchbox').fill(query);
	return readSearchTime(page);
}

async function readSearchTime(page: Page): Promise<number> {
	await page.waitForFunction(() => performance.getEntriesByName('recall:search-shown', 'mark').length > 0, undefined, { timeout: 120_000 });
	return page.evaluate(() => {
		const start = performance.getEntriesByName('recall:search-start', 'mark').at(-1)!.startTime;
		const shown = performance.getEntriesByName('recall:search-shown', 'mark').at(-1)!.startTime;
		return shown - start;
	});
}

/**
 * What IndexedDB itself takes to hand over one deck's cards: one getAll through `[deck+queue+order]`, raw, of a
 * deck no search has read. A search of one deck cannot show its first page sooner than this.
 */
function deckReadFloor(page: Page, deck: string): Promise<number> {
	return page.evaluate(async (deck) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('recall');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const start = performance.now();
		const read = db.transaction('cards').objectStore('cards').index('[deck+queue+order]').getAll(IDBKeyRange.bound([deck], [deck, []]));
		const count = await new Promise<number>((resolve, reject) => {
			read.onsuccess = () => resolve(read.result.length);
			read.onerror = () => reject(read.error);
		});
		const elapsed = performance.now() - start;
		db.close();
		if (count === 0) throw new Error(`the deck ${deck} has no cards to read`);
		return elapsed;
	}, deck);
}

async function measure(): Promise<SearchFigures> {
	const server = await serveBuiltApp(PORT);
	let browser: OnDiskBrowser | undefined;
	try {
		browser = await launchOnDisk();
		const page = await browser.context.newPage();
		// Not the app: its boot would open (and upgrade) the store while it is being made (tests/e2e/upgrade.test.ts).
		await page.goto(`${ORIGIN}/favicon.svg`);
		await createVersion2Store(page);
		const decks = Array.from({ length: DECKS }, (_, i) => ({ id: `deck-${i}`, name: `Deck ${i}` }));
		const fillSeconds = await fillCollection(page, { cards: CARDS, reviews: REVIEWS, decks, lapseEvery: 7 });
		const upgradeSeconds = await upgradeStore(page, ORIGIN);

		await page.goto(`${ORIGIN}/browse?q=${encodeURIComponent('deck:"Deck 3" squared')}`);
		const oneDeckMs = await readSearchTime(page);
		const oneDeckFloorMs = await deckReadFloor(page, 'deck-5');
		const allCardsFirstMs = await timeSearch(page, 'number 4242');
		const allCardsNextMs = await timeSearch(page, 'number 42424');
		const lapsesMs = await timeSearch(page, 'prop:lapses>2');
		// The learner's next visit: the browser started again, the store at rest (no upgrade just written into it); the
		// app opened at home, then the card browser.
		const again = await (await browser.restart()).newPage();
		await again.goto(ORIGIN);
		await again.getByRole('link', { name: 'Deck 6', exact: true }).waitFor({ timeout: 60_000 });
		await again.goto(`${ORIGIN}/browse?q=${encodeURIComponent('deck:"Deck 6" squared')}`);
		const oneDeckRestartedMs = await readSearchTime(again);
		const sortChangeMs = median(await timeSortChanges(browser.context, again));
		const deckPageMs = median(await timeDeckPages(browser.context, again, ['Deck 1', 'Deck 2', 'Deck 4', 'Deck 7', 'Deck 8']));
		return { fillSeconds, upgradeSeconds, oneDeckMs, oneDeckFloorMs, oneDeckRestartedMs, allCardsFirstMs, allCardsNextMs, lapsesMs, sortChangeMs, deckPageMs };
	} finally {
		await browser?.close();
		server.stop();
	}
}

let figures: Promise<SearchFigures> | undefined;
const run = () => (figures ??= measure());

export const benchmarks: Benchmark[] = [
	{ name: 'search: writing 50,000 cards and 1,000,000 review rows (a version 2 store)', unit: 's', run: async () => (await run()).fillSeconds },
	{ name: 'search: upgrading that store to the current version (lapses and day tallies from the log)', unit: 's', run: async () => (await run()).upgradeSeconds },
	{ name: 'search: first page of a one-deck search as the browser opens (5,000 of 50,000 cards)', unit: 'ms', target: { max: 100 }, run: async () => (await run()).oneDeckMs },
	{ name: 'search: the same in a browser started again on that store, after the home page (a later visit)', unit: 'ms', target: { max: 100 }, run: async () => (await run()).oneDeckRestartedMs },
	{ name: 'search: one getAll of another deck’s 5,000 cards through its index, raw (IndexedDB’s floor for the above)', unit: 'ms', run: async () => (await run()).oneDeckFloorMs },
	{ name: 'search: first page of the first search over all 50,000 cards', unit: 'ms', run: async () => (await run()).allCardsFirstMs },
	{ name: 'search: first page of the next search over all 50,000 cards (a keystroke)', unit: 'ms', target: { max: 100 }, run: async () => (await run()).allCardsNextMs },
	{ name: 'search: first page of prop:lapses>2 over all 50,000 cards', unit: 'ms', run: async () => (await run()).lapsesMs },
	{ name: 'browse sort change over all 50,000 cards, 4x CPU slowdown (median of 5 orders)', unit: 'ms', target: { max: 300 }, run: async () => (await run()).sortChangeMs },
	{ name: 'deck page open from the home page, 5,000 cards, 4x CPU slowdown (median of 5 decks)', unit: 'ms', target: { max: 300 }, run: async () => (await run()).deckPageMs }
];
