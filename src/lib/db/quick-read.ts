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
import { byDueDay, needsRepeatToday } from '../srs/card-schedule';
import { ALL_DECKS, subtreeScopesOf } from '../srs/deck-tree';
import type { QueueLimits } from '../srs/queue-limits';
import { inRandomOrder } from '../srs/random';
import { SiblingHold, siblingKeysOf, type SiblingFields } from '../srs/siblings';
import type { Sm2State } from '../srs/sm2';
import { limitsForDeck } from '../srs/deck-options';
import { normalizeSettings, type Settings } from './settings-values';
import { DB_NAME, Queue, SETTINGS_KEY } from './constants';
import { settingsWritesSettled } from './settings-writes';

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
	/**
	 * New cards that can be studied today (not buried, suspended or retired),
	 * counted up to what the deck's new card limit still lets in today, raised
	 * by "Study more" (`StoreSnapshot.extraNew`, the deck's session's, the
	 * all-decks one's or that of a sub-deck tree it is in, whichever is more):
	 * the home page shows no more than that.
	 */
	new: number;
	/**
	 * What `new` counts, with new siblings let in (none held back as siblings): what a session counts whose Study more
	 * brought siblings (`StoreSnapshot.siblingsLetIn`). Only where some such session holds the deck and it is not `new`.
	 */
	newSiblingsToo?: number;
	/** Scheduled cards due on or before today, buried ones and reviews that wait for a sibling (srs/siblings.ts) left out. */
	due: number;
	/**
	 * Of the due cards, those relearning or waiting for a same-day repeat, which
	 * no review limit holds back. Undefined where nothing is due.
	 */
	learning?: number;
	/** Cards in the deck, retired ones left out. */
	total: number;
	/** New cards introduced in the deck today. */
	newStudiedToday: number;
	/** Review cards answered in the deck today. */
	reviewsStudiedToday: number;
}

/** A deck's new cards as the session of a scope counts them: with new siblings let in (`siblingsToo`) or held back. */
export function newOfDeck(counts: StoredDeckCounts, siblingsToo: boolean): number {
	return siblingsToo ? (counts.newSiblingsToo ?? counts.new) : counts.new;
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
	/**
	 * New cards beyond the day's limits that today's sessions took ("Study
	 * more", sessions.ts `studyMore`), by scope: a deck id, ALL_DECKS or a sub-deck tree's.
	 */
	extraNew: Map<string, number>;
	/** Due reviews beyond the day's limits that today's sessions took (sessions.ts `studyMoreReviews`), by scope, as `extraNew`. */
	extraReview: Map<string, number>;
	/** The scopes of `extraNew` whose Study more let new siblings in (SessionRecord `extraNewSiblings`): they count `newSiblingsToo`. */
	siblingsLetIn: Set<string>;
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

const STORES = ['decks', 'cards', 'reviews', 'settings', 'sessions'] as const;

type StoredSession = { scope: string; session?: { day?: number }; extraNewSiblings?: boolean } & Partial<Record<'extraNew' | 'extraReview', number>> &
	Partial<Record<'extraNewAside' | 'extraReviewAside', { day: number; count: number; siblings?: boolean }>>;

/**
 * "Study more" of today's sessions, by scope (sessions.ts `studyMore`, `studyMoreReviews`): new cards (`extraNew`)
 * or reviews (`extraReview`). A session of another day has none, but may hold today's set aside (SessionRecord
 * `extraNewAside`: the day start moved the study day, and moved it back).
 */
function todaysExtra(records: readonly StoredSession[], today: number, kind: 'extraNew' | 'extraReview'): Map<string, number> {
	const aside = kind === 'extraNew' ? 'extraNewAside' : 'extraReviewAside';
	const extraOf = (record: StoredSession) => (record.session?.day === today ? record[kind] : record[aside]?.day === today ? record[aside].count : undefined) ?? 0;
	return new Map(records.filter((record) => extraOf(record) > 0).map((record) => [record.scope, extraOf(record)]));
}

/** The scopes whose "Study more" of today let new siblings in (SessionRecord `extraNewSiblings`, or set aside with today's). */
function siblingsLetInToday(records: readonly StoredSession[], today: number): Set<string> {
	const letIn = (record: StoredSession) =>
		record.session?.day === today ? record.extraNewSiblings === true : record.extraNewAside?.day === today && record.extraNewAside.siblings === true;
	return new Set(records.filter(letIn).map((record) => record.scope));
}

/**
 * New cards introduced and review cards answered on `day`, each counted once per card (a card can be shown new,
 * failed and repeated), and the cards answered.
 */
async function studied(index: IDBIndex, key: IDBValidKey): Promise<{ newCards: number; reviews: number; answered: string[] }> {
	const rows = (await request(index.getAll(key))) as { card: string; kind: string }[];
	const count = (kind: string) => new Set(rows.filter((row) => row.kind === kind).map((row) => row.card)).size;
	return { newCards: count('new'), reviews: count('review'), answered: [...new Set(rows.filter((row) => row.kind !== 'set').map((row) => row.card))] };
}

type StoredCard = SiblingFields & { id: string; buriedUntil?: number; order: number; dueDay?: number; state: Sm2State };

/** Hidden from the queues on `today` (cards.ts buryCard); the session leaves these out too (srs/card-schedule.ts). */
function buried(card: { buriedUntil?: number }, today: number): boolean {
	return card.buriedUntil !== undefined && card.buriedUntil > today;
}

/** A deck's new cards that can be studied today, up to a cap: those a hold of siblings lets come, and all that are not buried. */
interface NewCounts {
	admitted: number;
	available: number;
}

/**
 * How many of a deck's `count` new cards can be studied today, up to `cap`: those not buried (`available`), and of
 * them those `admits` lets come (`admitted`; all of them without it), counted in the same read.
 * No index says which cards are buried, so this reads the deck's first new
 * cards until `cap` of them are admitted (or none are left): about as many
 * records as the day's new card limit, rather than every new card of the deck.
 */
async function newAvailable(cards: IDBObjectStore, deck: string, count: number, cap: number, today: number, admits?: () => (card: StoredCard) => boolean): Promise<NewCounts> {
	const range = IDBKeyRange.bound([deck, Queue.new, -Infinity], [deck, Queue.new, Infinity]);
	let read = Math.min(count, cap);
	for (;;) {
		// getAll's count 0 means no limit, so reading nothing is said here.
		if (read <= 0) return { admitted: 0, available: 0 };
		const first = (await request(cards.index('[deck+queue+order]').getAll(range, read))) as StoredCard[];
		// A new hold each pass: it takes the keys of the cards it admits, so it reads them once.
		const admit = admits?.();
		const available = first.filter((card) => !buried(card, today));
		const admitted = admit ? available.filter(admit).length : available.length;
		if (admitted >= cap || read >= count || first.length < read) return { admitted: Math.min(admitted, cap), available: Math.min(available.length, cap) };
		read = Math.min(count, Math.max(read * 2, cap + first.length - admitted));
	}
}

/**
 * What newAvailable counts, for a deck whose new cards come in the day's random order while new siblings wait:
 * which of them wait depends on the order, so they are read in it, as the session reads them (queue.ts).
 */
async function newAvailableShuffled(cards: IDBObjectStore, deck: string, cap: number, today: number, admit: (card: StoredCard) => boolean): Promise<NewCounts> {
	const range = IDBKeyRange.bound([deck, Queue.new, -Infinity], [deck, Queue.new, Infinity]);
	const ids = (await request(cards.index('[deck+queue+order]').getAllKeys(range))) as string[];
	const ranked = inRandomOrder(
		ids.map((id) => ({ id })),
		today
	);
	let admitted = 0;
	let available = 0;
	for (let from = 0, size = cap; from < ranked.length && admitted < cap; from += size, size *= 2) {
		const slice = await Promise.all(ranked.slice(from, from + size).map(({ id }) => request(cards.get(id)) as Promise<StoredCard | undefined>));
		for (const card of slice) {
			if (!card || admitted >= cap || buried(card, today)) continue;
			available++;
			if (admit(card)) admitted++;
		}
	}
	return { admitted, available: Math.min(available, cap) };
}

/** The sibling keys of the cards answered today (srs/siblings.ts). */
async function answeredKeys(cards: IDBObjectStore, answered: readonly string[]): Promise<string[]> {
	const studied = await Promise.all(answered.map((id) => request(cards.get(id)) as Promise<StoredCard | undefined>));
	return studied.flatMap((card) => (card ? siblingKeysOf(card) : []));
}

/**
 * What a deck's session does with its due cards (srs/session.ts): the reviews that wait for a sibling (`held`:
 * one answered today, a learning card, or a review before them, most overdue first), unless the deck lets them
 * come; and the sibling keys its new cards wait for (`taken`): those of the cards answered today, of the learning
 * cards and of the reviews its limit lets in.
 */
function dueSiblings(due: readonly StoredCard[], studied: readonly string[], reviewsLeft: number, holdsReviews: boolean): { held: number; taken: string[] } {
	const learning = due.filter((card) => needsRepeatToday(card.state));
	const reviews = due.filter((card) => !needsRepeatToday(card.state)).sort(byDueDay);
	const hold = new SiblingHold([...studied, ...learning.flatMap(siblingKeysOf)]);
	const coming = holdsReviews ? reviews.filter((card) => hold.admits(siblingKeysOf(card))) : reviews;
	const taken = [...studied, ...[...learning, ...coming.slice(0, reviewsLeft)].flatMap(siblingKeysOf)];
	return { held: reviews.length - coming.length, taken };
}

/**
 * A deck's due cards that are not buried, and of them those that no review
 * limit holds back (see StoredDeckCounts.learning). Reads the due cards: where
 * no limit cuts them they are at most a day's reviews, and in a backlog the
 * learning cards among them had to be read anyway.
 */
async function dueAvailable(cards: IDBObjectStore, deck: string, today: number): Promise<{ due: number; learning: number; cards: StoredCard[] }> {
	const due = (await request(cards.index('[deck+queue+dueDay]').getAll(IDBKeyRange.bound([deck, Queue.scheduled, -Infinity], [deck, Queue.scheduled, today])))) as StoredCard[];
	const available = due.filter((card) => !buried(card, today));
	return { due: available.length, learning: available.filter((card) => needsRepeatToday(card.state)).length, cards: available };
}

/**
 * A deck's new cards that may come today (newAvailable): `admitted` with new siblings held back as its session holds
 * them (`taken`: dueSiblings), `available` with them let in.
 */
async function newCardsToday(
	cards: IDBObjectStore,
	deck: string,
	today: number,
	counts: { fresh: number; cap: number },
	limits: QueueLimits,
	siblingsTaken: Promise<string[]>
): Promise<NewCounts> {
	if (limits.buryNewSiblings === false || counts.cap <= 0 || counts.fresh === 0) return newAvailable(cards, deck, counts.fresh, counts.cap, today);
	const taken = await siblingsTaken;
	const admits = () => {
		const hold = new SiblingHold(taken);
		return (card: StoredCard) => hold.admits(siblingKeysOf(card));
	};
	if (limits.newOrder === 'random') return newAvailableShuffled(cards, deck, counts.cap, today, admits());
	return newAvailable(cards, deck, counts.fresh, counts.cap, today, admits);
}

/**
 * What the home page counts, read in one transaction so that the numbers are
 * of one moment. `today` is computed by the caller from the stored day-start
 * hour, hence the callback. `only`: count these decks alone (a deck page's
 * counts), the others left out of `counts`; each deck's counts are its own,
 * so they come out the same.
 */
export async function readStoreSnapshot(todayFor: (settings: Settings) => number, name = DB_NAME, only?: readonly string[]): Promise<StoreSnapshot | undefined> {
	// The counts follow the limits: a change just made on Settings is counted (settings-writes.ts).
	await settingsWritesSettled();
	const db = await openExisting(name);
	if (!db) return undefined;
	try {
		if (!STORES.every((store) => db.objectStoreNames.contains(store))) return undefined;
		const tx = db.transaction([...STORES], 'readonly');
		const stored = (await request(tx.objectStore('settings').get(SETTINGS_KEY))) as { value?: unknown } | undefined;
		const settings = normalizeSettings(stored?.value);
		const today = todayFor(settings);
		const decks = (await request(tx.objectStore('decks').getAll())) as StoredDeck[];
		const cards = tx.objectStore('cards');
		const reviews = tx.objectStore('reviews');
		const counts = new Map<string, StoredDeckCounts>();
		const sessions = (await request(tx.objectStore('sessions').getAll())) as StoredSession[];
		const extraNew = todaysExtra(sessions, today, 'extraNew');
		const extraReview = todaysExtra(sessions, today, 'extraReview');
		const siblingsLetIn = siblingsLetInToday(sessions, today);
		// The scopes of the sessions holding the deck: its own, all decks' and those of the sub-deck trees it is in.
		const scopesOf = (deck: StoredDeck) => [deck.id, ALL_DECKS, ...subtreeScopesOf(deck.name)];
		// The most any of those sessions raised its limit by.
		const mostExtra = (extra: Map<string, number>, deck: StoredDeck) => Math.max(...scopesOf(deck).map((scope) => extra.get(scope) ?? 0));
		await Promise.all(
			decks
				.filter((deck) => !deck.retired && (only === undefined || only.includes(deck.id)))
				.map(async (deck) => {
					const [dueCount, freshCount, total, retired, studiedToday] = await Promise.all([
						request(cards.index('[deck+queue+dueDay]').count(IDBKeyRange.bound([deck.id, Queue.scheduled, -Infinity], [deck.id, Queue.scheduled, today]))),
						request(cards.index('[deck+queue+order]').count(IDBKeyRange.bound([deck.id, Queue.new, -Infinity], [deck.id, Queue.new, Infinity]))),
						request(cards.index('[deck+queue+order]').count(IDBKeyRange.bound([deck.id, -Infinity, -Infinity], [deck.id, Infinity, Infinity]))),
						request(cards.index('[deck+queue+order]').count(IDBKeyRange.bound([deck.id, Queue.retired, -Infinity], [deck.id, Queue.retired, Infinity]))),
						studied(reviews.index('[deck+day]'), [deck.id, today])
					]);
					// Counting by index is cheap, but the indexes cannot tell buried cards apart: the candidates are read for that.
					const limits = limitsForDeck(settings, deck.options);
					const newCap = Math.max(0, limits.newPerDay + mostExtra(extraNew, deck) - studiedToday.newCards);
					const reviewsLeft = Math.max(0, limits.reviewsPerDay + mostExtra(extraReview, deck) - studiedToday.reviews);
					const dueRead = dueCount === 0 ? Promise.resolve(undefined) : dueAvailable(cards, deck.id, today);
					const holdsReviews = limits.buryReviewSiblings !== false;
					const holdsNew = limits.buryNewSiblings !== false && newCap > 0 && freshCount > 0;
					const studiedKeys = holdsNew || (holdsReviews && dueCount > 0) ? answeredKeys(cards, studiedToday.answered) : Promise.resolve([]);
					const siblings = Promise.all([dueRead, studiedKeys]).then(([due, studied]) => dueSiblings(due?.cards ?? [], studied, reviewsLeft, holdsReviews));
					const [fresh, due, { held }] = await Promise.all([
						newCardsToday(cards, deck.id, today, { fresh: freshCount, cap: newCap }, limits, siblings.then(({ taken }) => taken)),
						dueRead,
						siblings
					]);
					const counted: StoredDeckCounts = { new: fresh.admitted, due: (due?.due ?? 0) - held, total: total - retired, newStudiedToday: studiedToday.newCards, reviewsStudiedToday: studiedToday.reviews };
					if (due) counted.learning = due.learning;
					if (fresh.available !== fresh.admitted && scopesOf(deck).some((scope) => siblingsLetIn.has(scope))) counted.newSiblingsToo = fresh.available;
					counts.set(deck.id, counted);
				})
		);
		const studiedToday = await studied(reviews.index('day'), today);
		return { settings, decks, counts, newStudiedToday: studiedToday.newCards, reviewsStudiedToday: studiedToday.reviews, extraNew, extraReview, siblingsLetIn };
	} finally {
		db.close();
	}
}


/** One row of a store, read without Dexie; undefined when there is none, or no store yet (a first visit). */
async function readRow(store: string, key: IDBValidKey, name: string): Promise<unknown> {
	const db = await openExisting(name);
	if (!db) return undefined;
	try {
		if (!db.objectStoreNames.contains(store)) return undefined;
		return await request(db.transaction(store, 'readonly').objectStore(store).get(key));
	} finally {
		db.close();
	}
}

/** The stored settings (defaults on a first visit), read without Dexie. */
export async function readStoredSettings(name = DB_NAME): Promise<Settings> {
	await settingsWritesSettled();
	const stored = (await readRow('settings', 'settings', name)) as { value?: unknown } | undefined;
	return normalizeSettings(stored?.value);
}

/** A stored deck's name, read without Dexie; undefined when there is no such deck, or no store yet. */
export async function readStoredDeckName(id: string, name = DB_NAME): Promise<string | undefined> {
	const deck = (await readRow('decks', id, name)) as Pick<StoredDeck, 'name'> | undefined;
	return deck?.name;
}

/**
 * Dexie tells every other tab and page of the origin about each write on this
 * BroadcastChannel (the name is Dexie's versioned cross-tab protocol, the same
 * one its live queries use), so a page that reads without Dexie can follow
 * changes too.
 */
export const DEXIE_CHANGES_CHANNEL = 'x-storagemutated-1';

/**
 * What one write changed, as Dexie tells it: by part (`idb://<database>/<table>/<index>`, the primary key's
 * index named ''), the keys written, as Dexie's range tree (`from`, `to`, and the trees `l` and `r` beside them).
 */
export type StoreChange = Readonly<Record<string, unknown>>;

/**
 * Calls `listener` when a write touches one of `tables` of the store (all of
 * them when none are named). Dexie names each changed part
 * `idb://<database>/<table>/<index>`; a listener for settings alone must not
 * re-read them after every answer the study screen stores.
 */
export function onStoreChanged(listener: (change: StoreChange) => void, tables: readonly string[] = [], name = DB_NAME): () => void {
	if (typeof BroadcastChannel === 'undefined') return () => {};
	const prefixes = tables.length === 0 ? [`idb://${name}/`] : tables.map((table) => `idb://${name}/${table}/`);
	const channel = new BroadcastChannel(DEXIE_CHANGES_CHANNEL);
	channel.onmessage = (event: MessageEvent<unknown>) => {
		const change = typeof event.data === 'object' && event.data !== null ? (event.data as StoreChange) : {};
		if (Object.keys(change).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) listener(change);
	};
	return () => channel.close();
}

/** Whether Dexie's range tree `node` holds a key from `lower` to `upper`. */
function rangesMeet(node: unknown, lower: IDBValidKey, upper: IDBValidKey): boolean {
	if (typeof node !== 'object' || node === null) return false;
	const { from, to, l, r } = node as { from?: IDBValidKey; to?: IDBValidKey; l?: unknown; r?: unknown };
	if (from !== undefined && to !== undefined && indexedDB.cmp(from, upper) <= 0 && indexedDB.cmp(to, lower) >= 0) return true;
	return rangesMeet(l, lower, upper) || rangesMeet(r, lower, upper);
}

/**
 * Whether `change` may have written keys from `lower` to `upper` of `index` of `table` ('' for the primary key).
 * A write of many records (an import, a restore) or of a whole table names the whole range, so it may. So may a
 * write whose index keys Dexie does not know (a delete by primary key, where it does not read the old record).
 */
export function changeMayTouch(change: StoreChange, table: string, index: string, lower: IDBValidKey, upper: IDBValidKey, name = DB_NAME): boolean {
	const part = (index: string) => change[`idb://${name}/${table}/${index}`];
	const keys = part(index);
	if (keys === undefined) return index !== '' && rangesMeet(part(''), -Infinity, [[]]);
	return rangesMeet(keys, lower, upper);
}
