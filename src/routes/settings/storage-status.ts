/**
 * What the settings page says about the browser's storage: whether it is
 * persistent, how much is used, and what Recall asked for. Browsers differ in
 * what they offer, and a missing feature is a fact to state, not an error.
 */

/** The parts of `navigator.storage` this reads; any of them may be missing. */
export interface StorageApi {
	persisted?: () => Promise<boolean>;
	/** `usageDetails` is Chromium's: bytes by kind of storage (`indexedDB`, `caches`, `serviceWorkerRegistrations`, …). */
	estimate?: () => Promise<{ usage?: number; quota?: number; usageDetails?: Record<string, number> }>;
}

/** What the study screen remembers of asking `navigator.storage.persist()`. */
export interface PersistenceRequest {
	granted: boolean;
	/** When it asked, in ms since the epoch, if known. */
	askedAt?: number;
}

export interface StorageUsage {
	used: number;
	quota: number;
	/**
	 * `used` by what it holds, where the browser tells (Chromium): the learner's data (IndexedDB) and the offline
	 * copies (the service worker's caches: the app and images, and the worker itself).
	 */
	parts?: { data: number; offline: number };
}

export interface StorageStatus {
	/** Undefined: the browser cannot tell. */
	persisted: boolean | undefined;
	/** Bytes; undefined when the browser does not report them. */
	usage: StorageUsage | undefined;
	request: PersistenceRequest | undefined;
}

/**
 * The stored `persistence` fact, however it was written: a boolean (granted
 * or not), `'granted'` / `'denied'`, or an object with `granted` or
 * `persisted` and `askedAt` or `at`. Anything else reads as not asked.
 */
export function readPersistenceFact(value: unknown): PersistenceRequest | undefined {
	if (typeof value === 'boolean') return { granted: value };
	if (value === 'granted' || value === 'denied') return { granted: value === 'granted' };
	if (typeof value !== 'object' || value === null) return undefined;
	const fact = value as Record<string, unknown>;
	const granted = typeof fact.granted === 'boolean' ? fact.granted : typeof fact.persisted === 'boolean' ? fact.persisted : undefined;
	if (granted === undefined) return undefined;
	const at = fact.askedAt ?? fact.at;
	return typeof at === 'number' && Number.isFinite(at) ? { granted, askedAt: at } : { granted };
}

async function attempt<T>(read: (() => Promise<T>) | undefined): Promise<T | undefined> {
	if (typeof read !== 'function') return undefined;
	try {
		return await read();
	} catch {
		// Some browsers refuse in private windows or insecure contexts: the same as not knowing.
		return undefined;
	}
}

export async function readStorageStatus(storage: StorageApi | undefined, persistenceFact: unknown): Promise<StorageStatus> {
	const [persisted, estimate] = await Promise.all([
		attempt(storage?.persisted?.bind(storage)),
		attempt(storage?.estimate?.bind(storage))
	]);
	const used = estimate?.usage;
	const quota = estimate?.quota;
	const parts = usageParts(estimate?.usageDetails);
	return {
		persisted: typeof persisted === 'boolean' ? persisted : undefined,
		usage: typeof used === 'number' && typeof quota === 'number' && quota > 0 ? (parts ? { used, quota, parts } : { used, quota }) : undefined,
		request: readPersistenceFact(persistenceFact)
	};
}

/**
 * The learner's data and the offline copies in Chromium's `usageDetails`. It leaves out a kind that holds
 * nothing, so a store with no cache yet has no `caches`; without `indexedDB` either there is nothing to split.
 */
export function usageParts(details: Record<string, number> | undefined): StorageUsage['parts'] {
	if (typeof details !== 'object' || details === null) return undefined;
	const bytes = (kind: string) => (typeof details[kind] === 'number' && Number.isFinite(details[kind]) ? details[kind] : 0);
	const data = bytes('indexedDB');
	const offline = bytes('caches') + bytes('serviceWorkerRegistrations');
	return data + offline > 0 ? { data, offline } : undefined;
}

const BYTES_PER_MEGABYTE = 1_000_000;

/** "0.3 MB", "1,024 MB": a size in megabytes, with a decimal only while it says something. */
export function formatMegabytes(bytes: number, locale: string): string {
	const megabytes = bytes / BYTES_PER_MEGABYTE;
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: 'megabyte',
		maximumFractionDigits: megabytes < 10 ? 1 : 0
	}).format(megabytes);
}

export interface StorageDescription {
	persistence: 'storagePersistentYes' | 'storagePersistentNo' | 'storagePersistentUnknown';
	explanation: 'storagePersistentExplained' | 'storageNotPersistentExplained' | 'storagePersistenceUnsupported';
	/** Recall asked for persistent storage and was refused: worth saying, since asking again will not help. */
	denied: 'storagePersistenceDenied' | 'storagePersistenceDeniedUndated' | undefined;
}

/** Which sentences describe the storage (message keys). */
export function describeStorage(status: Pick<StorageStatus, 'persisted' | 'request'>): StorageDescription {
	const denied =
		status.persisted !== true && status.request?.granted === false
			? status.request.askedAt === undefined
				? 'storagePersistenceDeniedUndated'
				: 'storagePersistenceDenied'
			: undefined;
	if (status.persisted === true) return { persistence: 'storagePersistentYes', explanation: 'storagePersistentExplained', denied };
	if (status.persisted === false) return { persistence: 'storagePersistentNo', explanation: 'storageNotPersistentExplained', denied };
	return { persistence: 'storagePersistentUnknown', explanation: 'storagePersistenceUnsupported', denied };
}
