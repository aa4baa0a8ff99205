/**
 * The statistics page under a heavy collection, in real Chromium: 50,000 cards
 * and 1,000,000 review rows in IndexedDB, spread over the last two years (about
 * half of them in the calendar's year), 300 of them today. The page leaves
 * performance marks: `recall:stats-start` when it starts loading and
 * `recall:stats-drawn` in the first frame after everything is on screen; a
 * mark's time is counted from navigation start.
 *
 * The collection is written into a version 2 store and reaches the app through
 * the upgrade that makes the day tallies from the log (bench/collection.ts),
 * as an existing learner's store does; the upgrade's time is reported. Then
 * three visits: the first, a later one, and one to a single deck's page. Each
 * reads the cards, today's rows and the year's day tallies: no visit reads a
 * year of rows.
 *
 * The browser keeps its data on disk, as a learner's does (launchOnDisk).
 */
import type { Page } from '@playwright/test';
import { launchOnDisk, serveBuiltApp, type OnDiskBrowser } from './browser';
import { createVersion2Store, upgradeStore } from './collection';
import type { Benchmark } from './harness';

const CARDS = 50_000;
const REVIEWS = 1_000_000;
const TODAY_REVIEWS = 300;
const HISTORY_DAYS = 730;
const PORT = Number(process.env.BENCH_PORT ?? 4420);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DECK = 'bench';

interface Visit {
	/** Navigation start to the page fully drawn. */
	fromNavigationMs: number;
	/** The page's start (app ready, module loaded) to fully drawn. */
	fromStartMs: number;
}

interface StatsFigures {
	fillSeconds: number;
	upgradeSeconds: number;
	first: Visit;
	later: Visit;
	deck: Visit;
	check: { seconds: number; fixedCards: number };
}

/** Writes the collection with raw IndexedDB into the app's store (a version 2 one), in large transactions. */
async function fillDatabase(page: Page): Promise<number> {
	return page.evaluate(
		async ({ cards, reviews, todayReviews, historyDays, deck }) => {
			const start = performance.now();
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('recall');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const now = Date.now();
			// The app's study day (day start 4:00, the device's zone).
			const local = new Date(now - 4 * 3_600_000);
			const today = Math.floor(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / 86_400_000);
			const write = (store: string, make: (i: number) => unknown, count: number) =>
				new Promise<void>((resolve, reject) => {
					const tx = db.transaction(store, 'readwrite');
					const target = tx.objectStore(store);
					for (let i = 0; i < count; i++) target.put(make(i));
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				});
			await write('decks', () => ({ id: deck, name: 'Benchmark', origin: 'import', tags: [], hash: deck, retired: false, createdAt: now, updatedAt: now }), 1);
			const state = (i: number) => ({ repetitions: 1 + (i % 7), easiness: 1.3 + (i % 13) / 10, interval: i % 11 === 0 ? 0 : 1 + (i % 400), extraReview: false });
			const BATCH = 10_000;
			for (let from = 0; from < cards; from += BATCH) {
				await write(
					'cards',
					(k) => {
						const i = from + k;
						const fresh = i % 5 === 0;
						return {
							id: `bench:${i}`, deck, kind: 'basic', rule: 'imported', front: `Question number ${i}: what is ${i} squared?`, back: `**${i * i}**`,
							path: ['Benchmark', `Part ${i % 50}`], tags: [], images: [], source: { file: 'bench.md', line: i + 1 },
							state: fresh ? { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false } : state(i),
							...(fresh ? {} : { dueDay: today - 30 + (i % 400), lastReview: `r:${i}:19` }),
							order: i, queue: i % 97 === 0 ? -1 : fresh ? 0 : 1, createdAt: now, updatedAt: now
						};
					},
					Math.min(BATCH, cards - from)
				);
			}
			const perCard = reviews / cards;
			for (let from = 0; from < reviews; from += BATCH) {
				await write(
					'reviews',
					(k) => {
						const n = from + k;
						const card = Math.floor(n / perCard);
						const step = n % perCard;
						// The last rows are today's; the others are spread over the two years before.
						const ago = n >= reviews - todayReviews ? 0 : 1 + ((card * 37 + (perCard - 1 - step) * Math.floor(historyDays / perCard)) % historyDays);
						const day = today - ago;
						const at = day * 86_400_000 + 10 * 3_600_000;
						const kind = step === 0 ? 'new' : n % 10 === 0 ? 'learning' : 'review';
						return {
							id: `r:${card}:${step}`, card: `bench:${card}`, deck, grade: n % 9 === 0 ? 1 : 3 + (n % 3), reviewedAt: at, day, durationMs: 4000 + (n % 7) * 1000, kind,
							before: { state: state(card + step) }, after: { state: state(card + step + 1), dueDay: day + 1 + (n % 60) },
							...(step > 0 ? { previous: `r:${card}:${step - 1}` } : {})
						};
					},
					Math.min(BATCH, reviews - from)
				);
			}
			db.close();
			return (performance.now() - start) / 1000;
		},
		{ cards: CARDS, reviews: REVIEWS, todayReviews: TODAY_REVIEWS, historyDays: HISTORY_DAYS, deck: DECK }
	);
}

/** Opens the statistics page at `path` and waits for it to be drawn. */
async function visit(page: Page, path: string): Promise<Visit> {
	await page.goto(`${ORIGIN}${path}`);
	await page.waitForFunction(() => performance.getEntriesByName('recall:stats-drawn', 'mark').length > 0, undefined, { timeout: 180_000, polling: 50 });
	const [start, drawn] = await page.evaluate(() => ['recall:stats-start', 'recall:stats-drawn'].map((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime));
	if (start === undefined || drawn === undefined) throw new Error('the statistics page left no performance marks');
	// Drawn means drawn: the figures are on the page.
	await page.getByRole('img', { name: /^Last 365 days: [\d,]+ answers on \d+ study days\.$/ }).waitFor({ timeout: 5_000 });
	return { fromNavigationMs: drawn, fromStartMs: drawn - start };
}

/**
 * Settings' Check database over the whole store: every card folded again from its rows, the day tallies made
 * again. The collection's cards are not the fold of their synthetic rows, so it also rewrites most of them: the
 * figure is a check that fixes nearly everything.
 */
async function checkDatabase(page: Page): Promise<{ seconds: number; fixedCards: number }> {
	await page.goto(`${ORIGIN}/settings`);
	const button = page.getByRole('button', { name: 'Check database' });
	await button.waitFor();
	const start = Date.now();
	await button.click();
	const report = page.getByRole('region', { name: 'Check database' }).getByRole('status');
	await report.getByText(/reviews checked\.$/).first().waitFor({ timeout: 600_000 });
	const seconds = (Date.now() - start) / 1000;
	const fixed = /The schedules? of ([\d,]+) cards? (?:was|were) fixed/.exec(await report.innerText());
	return { seconds, fixedCards: fixed ? Number(fixed[1]!.replaceAll(',', '')) : 0 };
}

async function measure(): Promise<StatsFigures> {
	const server = await serveBuiltApp(PORT);
	let browser: OnDiskBrowser | undefined;
	try {
		browser = await launchOnDisk();
		const page = await browser.context.newPage();
		await page.goto(ORIGIN);
		await createVersion2Store(page);
		const fillSeconds = await fillDatabase(page);
		const upgradeSeconds = await upgradeStore(page, ORIGIN);
		const first = await visit(page, '/stats');
		const later = await visit(page, '/stats');
		await visit(page, `/stats?deck=${DECK}`);
		const deck = await visit(page, `/stats?deck=${DECK}`);
		const check = await checkDatabase(page);
		return { fillSeconds, upgradeSeconds, first, later, deck, check };
	} finally {
		await browser?.close();
		server.stop();
	}
}

let figures: Promise<StatsFigures> | undefined;
const run = () => (figures ??= measure());

export const benchmarks: Benchmark[] = [
	{ name: 'stats: writing 50,000 cards and 1,000,000 review rows (a version 2 store)', unit: 's', run: async () => (await run()).fillSeconds },
	{ name: 'stats: upgrading that store to the current version (day tallies and lapses from the log)', unit: 's', run: async () => (await run()).upgradeSeconds },
	{ name: 'stats: first visit, navigation to the page drawn', unit: 'ms', target: { max: 1000 }, run: async () => (await run()).first.fromNavigationMs },
	{ name: 'stats: later visit, navigation to the page drawn', unit: 'ms', target: { max: 1000 }, run: async () => (await run()).later.fromNavigationMs },
	{ name: 'stats: later visit, page start to drawn', unit: 'ms', run: async () => (await run()).later.fromStartMs },
	{ name: 'stats: later visit to one deck (50,000 cards), navigation to drawn', unit: 'ms', target: { max: 1000 }, run: async () => (await run()).deck.fromNavigationMs },
	{ name: 'stats: Check database (Settings) over that store', unit: 's', run: async () => (await run()).check.seconds },
	{ name: 'stats: cards that check rewrote (the synthetic cards are not the fold of their rows)', unit: 'cards', run: async () => (await run()).check.fixedCards }
];
