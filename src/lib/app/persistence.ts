/**
 * Asking the browser to keep our storage. Without it, a browser short of disk
 * may evict IndexedDB, and with it every review. Chrome grants or refuses the
 * request silently; Firefox asks the person, so it is asked once, after the
 * first answer, when the app has shown what it is for, and never again.
 */
import { loadFact, saveFact, type RecallDatabase } from '$lib/db';

export const PERSISTENCE_FACT = 'persistence';

export interface PersistenceFact {
	asked: true;
	persisted: boolean;
	/** When it was asked, in ms since the epoch. */
	at: number;
}

/** The part of `navigator.storage` this needs, so tests can pass their own. */
export interface PersistableStorage {
	persist?: () => Promise<boolean>;
}

function browserStorage(): PersistableStorage | undefined {
	return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

// Two quick answers must not ask twice: the second waits for the first.
const pending = new WeakMap<RecallDatabase, Promise<PersistenceFact | undefined>>();

/**
 * Asks for persistent storage unless it was asked before on this device, and
 * remembers the answer. Resolves to the stored fact, or undefined when the
 * browser has no way to ask. Callers do not wait for it: a permission prompt
 * must never hold up an answer.
 */
export function requestPersistenceOnce(db: RecallDatabase, storage = browserStorage(), now = Date.now): Promise<PersistenceFact | undefined> {
	let request = pending.get(db);
	if (!request) {
		request = ask(db, storage, now).finally(() => pending.delete(db));
		pending.set(db, request);
	}
	return request;
}

async function ask(db: RecallDatabase, storage: PersistableStorage | undefined, now: () => number): Promise<PersistenceFact | undefined> {
	const known = await loadFact<PersistenceFact>(db, PERSISTENCE_FACT);
	if (known?.asked) return known;
	if (typeof storage?.persist !== 'function') return undefined;
	const persisted = await storage.persist();
	const fact: PersistenceFact = { asked: true, persisted: persisted === true, at: now() };
	await saveFact(db, PERSISTENCE_FACT, fact);
	return fact;
}
