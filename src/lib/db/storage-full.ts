/**
 * Whether a failed IndexedDB write failed because the device's storage is full, or the browser's share of it for
 * this site is used up: a DOMException named `QuotaExceededError`, which Dexie passes on as an error of its own of
 * that name, or as the `inner` error of the AbortError of the transaction it ended. Plain data in, so that a
 * worker can tell it and say so across its message.
 */
export function isStorageFull(error: unknown): boolean {
	let cause = error;
	// A few links at most: Dexie wraps once or twice, and a cycle must not loop.
	for (let depth = 0; depth < 4 && typeof cause === 'object' && cause !== null; depth++) {
		const { name, inner, cause: next } = cause as { name?: unknown; inner?: unknown; cause?: unknown };
		if (name === 'QuotaExceededError') return true;
		cause = inner ?? next;
	}
	return false;
}
