/**
 * Importing and exporting in real Chromium, through the import page and the
 * export buttons as a person uses them: a generated 30,000-note Anki package,
 * and a 30,000-card Recall backup with 300,000 review rows. Beside them, 30,000
 * plain IndexedDB puts as the baseline. The page must stay responsive while it
 * imports: its longest main-thread task is reported (Long Tasks API).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import initSqlJs from 'sql.js';
import { writeAnkiPackage } from '../src/lib/io/anki/export';
import { serializeBackup } from '../src/lib/io/backup';
import { emptyBundle, type ImportBundle } from '../src/lib/io/bundle';
import type { Card } from '../src/lib/notes/deck-format';
import { studyDay } from '../src/lib/srs/day';
import { dueDayAfter, type AnswerRow } from '../src/lib/srs/history';
import { NEW_CARD, sm2, type Grade } from '../src/lib/srs/sm2';
import { baselinePuts, launchOnDisk, serveBuiltApp } from './browser';
import type { Benchmark } from './harness';

const CARDS = 30_000;
const REVIEWS_PER_CARD = 10;
const APKG_REVIEWS_PER_CARD = 3;
const PORT = Number(process.env.BENCH_PORT ?? 4414);
const DAY_MS = 86_400_000;

function cardsOf(deck: string, count: number): Card[] {
	return Array.from({ length: count }, (_, index) => ({
		id: `${deck}:${index}`,
		deck,
		kind: 'basic',
		rule: 'imported',
		front: `질문 ${index}: what does service ${index} do?`,
		back: `답 ${index}: it stores objects, number ${index * 7}`,
		path: ['Benchmark'],
		tags: ['bench'],
		images: [],
		source: { file: `${deck}.json`, line: index + 1 }
	}));
}

/** Each card answered `perCard` times, a day or more apart, ending before today: rows as the app writes them. */
function historyOf(cards: Card[], perCard: number, now: number): AnswerRow[] {
	const rows: AnswerRow[] = [];
	for (const [index, card] of cards.entries()) {
		let state = NEW_CARD;
		let dueDay: number | undefined;
		let at = now - (perCard * 3 + 2) * DAY_MS + index;
		for (let n = 0; n < perCard; n++) {
			const grade = ((index + n) % 5 === 0 ? 2 : 4) as Grade;
			const after = sm2(state, grade);
			const day = studyDay(at);
			const afterDue = dueDayAfter(day, after);
			rows.push({
				id: `${card.id}:r${n}`,
				card: card.id,
				deck: card.deck,
				grade,
				reviewedAt: at,
				day,
				durationMs: 4000 + (index % 9) * 1000,
				kind: n === 0 ? 'new' : 'review',
				before: dueDay === undefined ? { state } : { state, dueDay },
				after: { state: after, dueDay: afterDue }
			});
			state = after;
			dueDay = afterDue;
			at += (2 + (n % 3)) * DAY_MS;
		}
	}
	return rows;
}

interface ImportFigures {
	totalMs: number;
	storeMs: number;
	longestTaskMs: number;
}

interface Figures {
	baselinePutsMs: number;
	cardsFloorMs: number;
	floorMs: number;
	apkgFloorMs: number;
	json: ImportFigures;
	apkg: ImportFigures;
	backupExportMs: number;
	apkgExportMs: number;
	backupMegabytes: number;
	apkgMegabytes: number;
}

/** Imports one file through the import page; the figures come from the page's performance marks. */
async function importThroughPage(page: Page, path: string): Promise<ImportFigures> {
	await page.goto('/import');
	await page.evaluate(() => {
		performance.clearMarks();
		(window as { longestTask?: number }).longestTask = 0;
	});
	await page.locator('input[type="file"]').setInputFiles(path);
	await page.getByRole('heading', { name: 'Before importing' }).waitFor({ timeout: 300_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('heading', { name: 'Imported' }).waitFor({ timeout: 300_000 });
	return page.evaluate(() => {
		const at = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? Number.NaN;
		const previewed = at('recall:import-previewed');
		const store = at('recall:import-store');
		const stored = at('recall:import-stored');
		return {
			// Reading and previewing, then storing; the wait for the person's click between them left out.
			totalMs: previewed - at('recall:import-read') + (stored - store),
			storeMs: stored - store,
			longestTaskMs: (window as { longestTask?: number }).longestTask ?? Number.NaN
		};
	});
}

/**
 * The same records as the backup (30,000 cards, `perCard` review rows each) put with raw IndexedDB into
 * stores with the app's indexes: what IndexedDB itself needs to store this import, whatever the code above it.
 * With no rows it is the floor of any import of 30,000 cards that the study screen can find by deck and due day.
 */
async function recordFloor(page: Page, perCard: number): Promise<number> {
	return page.evaluate(
		async ({ cards, perCard }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('bench-floor', 1);
				request.onupgradeneeded = () => {
					const cardStore = request.result.createObjectStore('cards', { keyPath: 'id' });
					cardStore.createIndex('[deck+queue+dueDay]', ['deck', 'queue', 'dueDay']);
					cardStore.createIndex('[deck+queue+order]', ['deck', 'queue', 'order']);
					cardStore.createIndex('[queue+dueDay]', ['queue', 'dueDay']);
					const reviews = request.result.createObjectStore('reviews', { keyPath: 'id' });
					reviews.createIndex('[card+reviewedAt]', ['card', 'reviewedAt']);
					reviews.createIndex('day', 'day');
					reviews.createIndex('[deck+day]', ['deck', 'day']);
				};
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const state = { repetitions: 3, easiness: 2.5, interval: 12, extraReview: false };
			const start = performance.now();
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction(['cards', 'reviews'], 'readwrite');
				const cardStore = tx.objectStore('cards');
				const reviews = tx.objectStore('reviews');
				for (let i = 0; i < cards; i++) {
					const id = `floor:${i}`;
					cardStore.put({ id, deck: 'floor', kind: 'basic', rule: 'imported', front: `질문 ${i}: what does service ${i} do?`, back: `답 ${i}`, path: ['Benchmark'], tags: ['bench'], images: [], source: { file: 'f', line: i }, state, dueDay: 20_000 + (i % 40), order: i, queue: 1, createdAt: i, updatedAt: i });
					for (let n = 0; n < perCard; n++) {
						reviews.put({ id: `${id}:r${n}`, card: id, deck: 'floor', grade: 4, reviewedAt: 1_700_000_000_000 + n * 86_400_000 + i, day: 19_700 + n * 3, durationMs: 5000, kind: 'review', before: { state, dueDay: 19_700 }, after: { state, dueDay: 19_712 } });
					}
				}
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			const elapsed = performance.now() - start;
			db.close();
			indexedDB.deleteDatabase('bench-floor');
			return elapsed;
		},
		{ cards: CARDS, perCard }
	);
}

async function timedDownload(page: Page, click: () => Promise<void>): Promise<{ ms: number; bytes: number }> {
	const start = Date.now();
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), click()]);
	const ms = Date.now() - start;
	const stream = await download.createReadStream();
	let bytes = 0;
	for await (const chunk of stream) bytes += (chunk as Buffer).length;
	return { ms, bytes };
}

async function measure(): Promise<Figures> {
	const now = Date.now();
	const folder = mkdtempSync(join(tmpdir(), 'recall-import-bench-'));
	const jsonCards = cardsOf('bench-json', CARDS);
	const backup: ImportBundle = { ...emptyBundle('deck', 'bench.json'), decks: [{ id: 'bench-json', name: 'Bench JSON', tags: [], cards: jsonCards }], reviews: historyOf(jsonCards, REVIEWS_PER_CARD, now) };
	const jsonPath = join(folder, 'bench.json');
	writeFileSync(jsonPath, serializeBackup(backup, now));
	const apkgCards = cardsOf('bench-apkg', CARDS);
	const apkgBundle: ImportBundle = { ...emptyBundle('deck', 'bench.apkg'), decks: [{ id: 'bench-apkg', name: 'Bench Anki', tags: [], cards: apkgCards }], reviews: historyOf(apkgCards, APKG_REVIEWS_PER_CARD, now) };
	const apkgPath = join(folder, 'bench.apkg');
	const sql = await initSqlJs();
	writeFileSync(apkgPath, writeAnkiPackage(apkgBundle, { sql, now, renderSide: (card, side) => (side === 'front' ? card.front : card.back) }));

	const server = await serveBuiltApp(PORT);
	const browser = await launchOnDisk({ baseURL: server.origin, serviceWorkers: 'block', acceptDownloads: true });
	try {
		const { context } = browser;
		await context.addInitScript(() => {
			new PerformanceObserver((list) => {
				const holder = window as { longestTask?: number };
				for (const entry of list.getEntries()) holder.longestTask = Math.max(holder.longestTask ?? 0, entry.duration);
			}).observe({ type: 'longtask', buffered: true });
		});
		const page = await context.newPage();
		await page.goto('/');
		const baselinePutsMs = await baselinePuts(page, CARDS);
		const cardsFloorMs = await recordFloor(page, 0);
		const floorMs = await recordFloor(page, REVIEWS_PER_CARD);
		// The package's answers, and for each card the state row that sets the schedule Anki gave it (anki/schedule.ts).
		const apkgFloorMs = await recordFloor(page, APKG_REVIEWS_PER_CARD + 1);
		const json = await importThroughPage(page, jsonPath);
		const apkg = await importThroughPage(page, apkgPath);

		await page.goto('/settings');
		const backupExport = await timedDownload(page, () => page.getByRole('button', { name: 'Back up everything' }).click());
		await page.goto(`/deck/bench-apkg`);
		await page.getByText('Export', { exact: true }).click();
		await page.getByLabel('Format').selectOption('apkg');
		const apkgExport = await timedDownload(page, () => page.getByRole('button', { name: 'Download' }).click());
		return {
			baselinePutsMs,
			cardsFloorMs,
			floorMs,
			apkgFloorMs,
			json,
			apkg,
			backupExportMs: backupExport.ms,
			apkgExportMs: apkgExport.ms,
			backupMegabytes: backupExport.bytes / 1024 / 1024,
			apkgMegabytes: apkgExport.bytes / 1024 / 1024
		};
	} finally {
		await browser.close();
		server.stop();
		rmSync(folder, { recursive: true, force: true });
	}
}

let figures: Promise<Figures> | undefined;
const run = () => (figures ??= measure());

export const benchmarks: Benchmark[] = [
	{ name: 'import: 30,000 plain IndexedDB puts (baseline)', unit: 'ms', run: async () => (await run()).baselinePutsMs },
	{ name: 'import: the 30,000 cards alone put with raw IndexedDB and the app\'s card indexes, no review rows (floor of any layout)', unit: 'ms', run: async () => (await run()).cardsFloorMs },
	{ name: 'import: that floor / baseline', unit: 'x', run: async () => (await run()).cardsFloorMs / (await run()).baselinePutsMs },
	{ name: 'import: the backup\'s records put with raw IndexedDB and the app\'s indexes (floor)', unit: 'ms', run: async () => (await run()).floorMs },
	{ name: 'import: Recall backup, 30,000 cards and 300,000 reviews, read + stored', unit: 'ms', run: async () => (await run()).json.totalMs },
	{ name: 'import: Recall backup, storing alone', unit: 'ms', run: async () => (await run()).json.storeMs },
	{ name: 'import: Recall backup, time / baseline', unit: 'x', target: { max: 1.5 }, run: async () => ((await run()).json.totalMs / (await run()).baselinePutsMs) },
	{ name: 'import: Recall backup, time / its records\' floor', unit: 'x', run: async () => (await run()).json.totalMs / (await run()).floorMs },
	{ name: 'import: Recall backup, longest main-thread task', unit: 'ms', target: { max: 200 }, run: async () => (await run()).json.longestTaskMs },
	{ name: 'import: Anki package, 30,000 notes and 90,000 reviews, read + stored', unit: 'ms', run: async () => (await run()).apkg.totalMs },
	{ name: 'import: Anki package, storing alone', unit: 'ms', run: async () => (await run()).apkg.storeMs },
	{ name: 'import: Anki package, time / baseline', unit: 'x', target: { max: 1.5 }, run: async () => ((await run()).apkg.totalMs / (await run()).baselinePutsMs) },
	{ name: 'import: the Anki package\'s records (30,000 cards, 120,000 rows: 90,000 answers and each card\'s imported schedule) put raw (floor)', unit: 'ms', run: async () => (await run()).apkgFloorMs },
	{ name: 'import: Anki package, time / its records\' floor', unit: 'x', run: async () => (await run()).apkg.totalMs / (await run()).apkgFloorMs },
	{ name: 'import: Anki package, longest main-thread task', unit: 'ms', target: { max: 200 }, run: async () => (await run()).apkg.longestTaskMs },
	{ name: 'export: backup of everything (60,000 cards, 390,000 reviews)', unit: 'ms', run: async () => (await run()).backupExportMs },
	{ name: 'export: backup file size', unit: 'MB', run: async () => (await run()).backupMegabytes },
	{ name: 'export: Anki package of 30,000 cards', unit: 'ms', run: async () => (await run()).apkgExportMs },
	{ name: 'export: Anki package size', unit: 'MB', run: async () => (await run()).apkgMegabytes }
];
