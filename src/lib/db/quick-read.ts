/**
 * Read-only counts for the first page, by plain IndexedDB: the home page shows
 * the decks and today's counts without loading Dexie, which is about 33 kB of
 * gzipped JavaScript, more than half of what a first visit may cost. Pages that
 * study or write load Dexie (./index.ts) as usual.
 *
 * Kept apart from ./index.ts on purpose: importing the public surface loads
 * Dexie. It reads the stores and indexes that schema.ts declares (Dexie names a
 * compound index `[a+b]` in IndexedDB too) and never writes, never creates the
 * database, and closes its connection at once so that it cannot block a
 * version upgrade in another tab.
 */
import { normalizeSettings, type Settings } from './settings';
import { DB_NAME, Queue } from './constants';

export interface StoredDeck {
	id: string;
	name: string;
	origin: string;
	hash?: string;
	retired: boolean;
}

export interface StoredDeckCounts {
	/** New cards in the deck (not suspended or retired). */
	new: number;
	/** Scheduled cards due on or before today. */
	due: number;
	/** Cards in the deck, retired ones left out. */
	total: number;
	/** New cards introduced in the deck today. */
	newStudiedToday: number;
}

export interface StoreSnapshot {
	settings: Settings;
	decks: StoredDeck[];
	/** By deck id, for the decks that are not retired. */
	counts: Map<string, StoredDeckCounts>;
	/** New cards introduced today over all decks. */
	newStudiedToday: number;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/** The database as it is, or undefined when it was never created (a first visit). */
function openExisting(name: string): Promise<IDBDatabase | undefined> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(name);
		let created = false;
		open.onupgradeneeded = () => {
			// Opening without a version creates an empty database: undo that, Dexie creates it with its schema.
			created = true;
			open.transaction?.abort();
		};
		open.onsuccess = () => {
			const db = open.result;
			db.onversionchange = () => db.close();
			resolve(db);
		};
		open.onerror = (event) => {
			if (created) {
				event.preventDefault();
				resolve(undefined);
			} else reject(open.error);
		};
		open.onblocked = () => resolve(undefined);
	});
}

const STORES = ['decks', 'cards', 'reviews', 'settings'] as const;

/** New cards introduced on `day`, counted once per card (a card can be shown new, failed and repeated). */
async function newCardsStudied(index: IDBIndex, key: IDBValidKey): Promise<number> {
	const rows = (await request(index.getAll(key))) as { card: string; kind: string }[];
	return new Set(rows.filter((row) => row.kind === 'new').map((row) => row.card)).size;
}

/**
 * What the home page counts, read in one transaction so that the numbers are
 * of one moment. `today` is computed by the caller from the stored day-start
 * hour, hence the callback.
 */
export async function readStoreSnapshot(todayFor: (settings: Settings) => number, name = DB_NAME): Promise<StoreSnapshot | undefined> {
	const db = await openExisting(name);
	if (!db) return undefined;
	try {
		if (!STORES.every((store) => db.objectStoreNames.contains(store))) return undefined;
		const tx = db.transaction([...STORES], 'readonly');
		const stored = (await request(tx.objectStore('settings').get('settings'))) as { value?: unknown } | undefined;
		const settings = normalizeSettings(stored?.value);
		const today = todayFor(settings);
		const decks = (await request(tx.objectStore('decks').getAll())) as StoredDeck[];
		const cards = tx.objectStore('cards');
		const reviews = tx.objectStore('reviews');
		const counts = new Map<string, StoredDeckCounts>();
		await Promise.all(
			decks
				.filter((deck) => !deck.retired)
				.map(async (deck) => {
					const [due, fresh, total, retired, newStudiedToday] = await Promise.all([
						request(cards.index('[deck+queue+dueDay]').count(IDBKeyRange.bound([deck.id, Queue.scheduled, -Infinity], [deck.id, Queue.scheduled, today]))),
						request(cards.index('[deck+queue+order]').count(IDBKeyRange.bound([deck.id, Queue.new, -Infinity], [deck.id, Queue.new, Infinity]))),
						request(cards.index('deck').count(deck.id)),
						request(cards.index('[deck+queue+order]').count(IDBKeyRange.bound([deck.id, Queue.retired, -Infinity], [deck.id, Queue.retired, Infinity]))),
						newCardsStudied(reviews.index('[deck+day]'), [deck.id, today])
					]);
					counts.set(deck.id, { new: fresh, due, total: total - retired, newStudiedToday });
				})
		);
		const newStudiedToday = await newCardsStudied(reviews.index('day'), today);
		return { settings, decks, counts, newStudiedToday };
	} finally {
		db.close();
	}
}


/** The stored settings (defaults on a first visit), read without Dexie. */
export async function readStoredSettings(name = DB_NAME): Promise<Settings> {
	const db = await openExisting(name);
	if (!db) return normalizeSettings(undefined);
	try {
		if (!db.objectStoreNames.contains('settings')) return normalizeSettings(undefined);
		const stored = (await request(db.transaction('settings', 'readonly').objectStore('settings').get('settings'))) as { value?: unknown } | undefined;
		return normalizeSettings(stored?.value);
	} finally {
		db.close();
	}
}

/**
 * Dexie tells every other tab and page of the origin about each write on this
 * BroadcastChannel (the name is Dexie's versioned cross-tab protocol, the same
 * one its live queries use), so a page that reads without Dexie can follow
 * changes too. Returns the unsubscribe.
 */
export const DEXIE_CHANGES_CHANNEL = 'x-storagemutated-1';

export function onStoreChanged(listener: () => void): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const channel = new BroadcastChannel(DEXIE_CHANGES_CHANNEL);
	channel.onmessage = () => listener();
	return () => channel.close();
}
