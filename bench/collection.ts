/**
 * A heavy collection for the browser benchmarks, written with raw IndexedDB
 * into the app's own database in large transactions: `cards` cards spread over
 * `decks`, every fifth one new, the others scheduled with `reviews / cards`
 * review rows each (every seventh answer of a learned card failed when
 * `lapseEvery` is 7), dated back from now.
 */
import type { Page } from '@playwright/test';

export interface CollectionOptions {
	cards: number;
	reviews: number;
	/** Deck ids and names; card i goes in deck i % decks.length. */
	decks: { id: string; name: string }[];
	/** Every n-th answer of a learned card fails (a lapse); 0: none fail. */
	lapseEvery: number;
}

/**
 * Opens a page that opens the app's store, so that the database exists with its
 * schema (the home page reads without creating it).
 */
export async function openStore(page: Page, origin: string): Promise<void> {
	await page.goto(`${origin}/settings`);
	await page.getByLabel(/new cards per day/i).waitFor();
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
						order: i, queue: fresh ? 0 : 1, createdAt: now - i, updatedAt: now
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
