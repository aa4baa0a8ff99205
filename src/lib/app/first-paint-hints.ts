/**
 * Copies of settings in localStorage, for the first paint. The stored settings
 * are in IndexedDB, which takes a moment to open; a copy read at once lets the
 * first paint already show the learner's choice (the language, the theme)
 * instead of flashing the default. IndexedDB stays the truth: its value is
 * applied, and copied here again, once read.
 */

/** The copy under `key`, or undefined when there is none or storage is refused. */
export function readHint(key: string): string | undefined {
	try {
		return globalThis.localStorage?.getItem(key) ?? undefined;
	} catch {
		// Storage can be refused (privacy modes, sandboxed frames): the default will do.
		return undefined;
	}
}

/** Keeps `value` under `key`; undefined removes the copy (the setting is its default). */
export function writeHint(key: string, value: string | undefined): void {
	try {
		if (value === undefined) globalThis.localStorage?.removeItem(key);
		else globalThis.localStorage?.setItem(key, value);
	} catch {
		// Only the first paint of the next load is affected.
	}
}
