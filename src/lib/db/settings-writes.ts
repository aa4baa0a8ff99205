/**
 * The settings writes this page has started and not finished. A page opened a moment after a change on Settings
 * (a link followed at once) reads the settings before the change's transaction may even exist; IndexedDB orders
 * a read only after writes made before it. So every read of the settings waits for these first. Without Dexie:
 * the first page's quick read (quick-read.ts) waits too.
 */
let settled: Promise<unknown> = Promise.resolve();
let pending = 0;

/** Counts `write` among the settings writes until it ends, stored or failed; returns it. */
export function trackSettingsWrite<T>(write: Promise<T>): Promise<T> {
	pending++;
	const ended = write.then(
		() => pending--,
		() => pending--
	);
	settled = Promise.all([settled, ended]);
	return write;
}

/** Ends when every settings write started before the call has ended (at once when none is pending). */
export function settingsWritesSettled(): Promise<void> {
	return pending === 0 ? Promise.resolve() : settled.then(() => undefined);
}
