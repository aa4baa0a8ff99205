/**
 * A heavy collection for the browser benchmarks, written with raw IndexedDB
 * into a version 2 store (`createVersion2Store`) in large transactions: `cards` cards spread over
 * `decks`, every fifth one new, the others scheduled with `reviews / cards`
 * review rows each (every seventh answer of a learned card failed when
 * `lapseEvery` is 7), dated back from now; four cards in ten are siblings of
 * one another (srs/siblings.ts).
 */
import type { Page } from '@playwright/test';
import { SCHEMA_V2 } from '../src/lib/db/schema';

export interface CollectionOptions {
	cards: number;
	reviews: number;
	/** Deck ids and names; card i goes in deck i % decks.length. */
	decks: { id: string; name: string }[];
	/** Every n-th answer of a learned card fails (a lapse); 0: none fail. */
	lapseEvery: number;
}

/**
 * Makes an empty store as version 2 of the app made it (SCHEMA_V2, IndexedDB
 * version 20: Dexie's version times ten), so that the collection written into
 * it reaches the app as an existing learner's store does: through the upgrade
 * to the current version, which makes the day tallies and lapse counts from
 * the log (src/lib/db/migrations.ts). Call on a page of the app's origin that
 * has not opened the store (the home page reads without opening it).
 */
export async function createVersion2Store(page: Page): Promise<void> {
	await page.evaluate(async (schema) => {
		await new Promise<void>((resolve, reject) => {
			const gone = indexedDB.deleteDatabase('recall');
			gone.onsuccess = () => resolve();
			gone.onerror = () => reject(gone.error);
		});
		const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec);
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('recall', 20);
			request.onupgradeneeded = () => {
				for (const [name, spec] of Object.entries(schema)) {
					const [primary, ...indexes] = spec.split(',').map((part) => part.trim());
					const store = request.result.createObjectStore(name, { keyPath: keyPath(primary!) });
					for (const index of indexes) store.createIndex(index, keyPath(index));
				}
			};
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		db.close();
	}, SCHEMA_V2);
}

/** Opens the app's store, upgrading it to the current version; returns the seconds from navigation to the page ready. */
export async function upgradeStore(page: Page, origin: string): Promise<number> {
	const start = Date.now();
	await page.goto(`${origin}/settings`);
	await page.getByLabel(/new cards per day/i).waitFor({ timeout: 600_000 });
	return (Date.now() - start) / 1000;
}

/** Writes the collection; returns the seconds it took. */
export async function fillCollection(page: Page, options: CollectionOptions): Promise<number> {
	return page.evaluate(async ({ cards, reviews, decks, lapseEvery }) => {
		const start = performance.now();
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('recall');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const now = Date.now();
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
		await write('decks', (i) => ({ ...decks[i], origin: 'import', tags: [], hash: decks[i]!.id, retired: false, createdAt: now, updatedAt: now }), decks.length);
		const deckOf = (card: number) => decks[card % decks.length]!.id;
		const state = (i: number) => ({ repetitions: 1 + (i % 7), easiness: 1.3 + (i % 13) / 10, interval: 1 + (i % 90), extraReview: false });
		const perCard = reviews / cards;
		const BATCH = 10_000;
		for (let from = 0; from < cards; from += BATCH) {
			await write(
				'cards',
				(k) => {
					const i = from + k;
					const fresh = i % 5 === 0;
					return {
						id: `bench:${i}`, deck: deckOf(i), kind: 'basic', rule: 'imported', front: `Question number ${i}: what is ${i} squared?`, back: `**${i * i}**`,
						path: ['Benchmark', `Part ${i % 50}`], tags: [`t${i % 20}`], images: [], source: { file: 'bench.md', line: i + 1 },
						state: fresh ? { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false } : state(i),
						...(fresh ? {} : { dueDay: today - 30 + (i % 400), lastReview: `r:${i}:${perCard - 1}` }),
						order: i, queue: fresh ? 0 : 1, createdAt: now - i, updatedAt: now,
						// Four cards in ten are siblings (a list's card and its items'): a new card among them waits while one is due.
						...(i % 10 < 4 ? { siblingKeys: [`g${Math.floor(i / 10)}`] } : {})
					};
				},
				Math.min(BATCH, cards - from)
			);
		}
		for (let from = 0; from < reviews; from += BATCH) {
			await write(
				'reviews',
				(k) => {
					const n = from + k;
					const card = Math.floor(n / perCard);
					const step = n % perCard;
					const at = now - (perCard - step) * 5 * 86_400_000;
					const grade = lapseEvery > 0 && step > 0 && n % lapseEvery === 0 ? 1 : 3 + (n % 3);
					return {
						id: `r:${card}:${step}`, card: `bench:${card}`, deck: deckOf(card), grade, reviewedAt: at, day: Math.floor(at / 86_400_000), durationMs: 4000,
						kind: step === 0 ? 'new' : 'review',
						before: { state: { ...state(card), repetitions: step } }, after: { state: state(card), dueDay: today }
					};
				},
				Math.min(BATCH, reviews - from)
			);
		}
		db.close();
		return (performance.now() - start) / 1000;
	}, options);
}
