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
import { needsRepeatToday } from '../srs/card-schedule';
import type { Sm2State } from '../srs/sm2';
import { limitsForDeck } from './deck-options';
import { normalizeSettings, type Settings } from './settings';
import { DB_NAME, Queue } from './constants';

export interface StoredDeck {
	id: string;
	name: string;
	origin: string;
	hash?: string;
	retired: boolean;
	/** The deck's own limits (deck-options.ts), as stored. */
	options?: unknown;
}

export interface StoredDeckCounts {
	/** New cards in the deck (not suspended or retired). */
	new: number;
	/** Scheduled cards due on or before today. */
	due: number;
	/**
	 * Of the due cards, those relearning or waiting for a same-day repeat, which
	 * no review limit holds back. Counted only when a review limit could cut the
	 * due cards (otherwise undefined: the limits leave every due card in).
	 */
	learning?: number;
	/** Cards in the deck, retired ones left out. */
	total: number;
	/** New cards introduced in the deck today. */
	newStudiedToday: number;
	/** Review cards answered in the deck today. */
	reviewsStudiedToday: number;
}

export interface StoreSnapshot {
	settings: Settings;
	decks: StoredDeck[];
	/** By deck id, for the decks that are not retired. */
	counts: Map<string, StoredDeckCounts>;
	/** New cards introduced today over all decks. */
	newStudiedToday: number;
	/** Review cards answered today over all decks. */
	reviewsStudiedToday: number;
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

/** New cards introduced and review cards answered on `day`, each counted once per card (a card can be shown new, failed and repeated). */
async function studied(index: IDBIndex, key: IDBValidKey): Promise<{ newCards: number; reviews: number }> {
	const rows = (await request(index.getAll(key))) as { card: string; kind: string }[];
	const count = (kind: string) => new Set(rows.filter((row) => row.kind === kind).map((row) => row.card)).size;
	return { newCards: count('new'), reviews: count('review') };
}

/** Of a deck's due cards, those that no review limit holds back (see StoredDeckCounts.learning). */
async function learningDue(cards: IDBObjectStore, deck: string, today: number): Promise<number> {
	const due = (await request(cards.index('[deck+queue+dueDay]').getAll(IDBKeyRange.bound([deck, Queue.scheduled, -Infinity], [deck, Queue.scheduled, today])))) as {
		state: Sm2State;
	}[];
	return due.filter((card) => needsRepeatToday(card.state)).length;
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
					const [due, fresh, total, retired, studiedToday] = await Promise.all([
						request(cards.index('[deck+queue+dueDay]').count(IDBKeyRange.bound([deck.id, Queue.scheduled, -Infinity], [deck.id, Queue.scheduled, today]))),
						request(cards.index('[deck+queue+order]').count(IDBKeyRange.bound([deck.id, Queue.new, -Infinity], [deck.id, Queue.new, Infinity]))),
						request(cards.index('[deck+queue+order]').count(IDBKeyRange.bound([deck.id, -Infinity, -Infinity], [deck.id, Infinity, Infinity]))),
						request(cards.index('[deck+queue+order]').count(IDBKeyRange.bound([deck.id, Queue.retired, -Infinity], [deck.id, Queue.retired, Infinity]))),
						studied(reviews.index('[deck+day]'), [deck.id, today])
					]);
					counts.set(deck.id, { new: fresh, due, total: total - retired, newStudiedToday: studiedToday.newCards, reviewsStudiedToday: studiedToday.reviews });
				})
		);
		const studiedToday = await studied(reviews.index('day'), today);
		// Learning cards are read (not only counted) only where a review limit could hold due cards back: in a backlog.
		const reviewsLeft = (limit: number, used: number) => Math.max(0, limit - used);
		let dueTotal = 0;
		for (const counted of counts.values()) dueTotal += counted.due;
		const allCut = dueTotal > reviewsLeft(settings.reviewsPerDay, studiedToday.reviews);
		await Promise.all(
			decks.map(async (deck) => {
				const counted = counts.get(deck.id);
				if (!counted || counted.due === 0) return;
				const limit = limitsForDeck(settings, deck.options).reviewsPerDay;
				if (allCut || counted.due > reviewsLeft(limit, counted.reviewsStudiedToday)) counted.learning = await learningDue(cards, deck.id, today);
			})
		);
		return { settings, decks, counts, newStudiedToday: studiedToday.newCards, reviewsStudiedToday: studiedToday.reviews };
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
 * changes too.
 */
export const DEXIE_CHANGES_CHANNEL = 'x-storagemutated-1';

/**
 * Calls `listener` when a write touches one of `tables` of the store (all of
 * them when none are named). Dexie names each changed part
 * `idb://<database>/<table>/<index>`; a listener for settings alone must not
 * re-read them after every answer the study screen stores.
 */
export function onStoreChanged(listener: () => void, tables: readonly string[] = [], name = DB_NAME): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const prefixes = tables.length === 0 ? [`idb://${name}/`] : tables.map((table) => `idb://${name}/${table}/`);
	const channel = new BroadcastChannel(DEXIE_CHANGES_CHANNEL);
	channel.onmessage = (event: MessageEvent<unknown>) => {
		const parts = typeof event.data === 'object' && event.data !== null ? Object.keys(event.data) : [];
		if (parts.some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) listener();
	};
	return () => channel.close();
}
