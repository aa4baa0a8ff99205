/**
 * The settings the whole app shows (the language, the theme) apply on every
 * load and in every tab: the setting is read again whenever the store changes,
 * so a change made in another tab applies here too. Read without Dexie, so
 * that the first page does not have to load it.
 */
import type { Settings } from '$lib/db/settings';
import { onStoreChanged, readStoredSettings } from '$lib/db/quick-read';

/** Calls `apply` with the stored value of `field` now and whenever it changes; returns the unsubscribe. */
export function followStoredSetting<K extends keyof Settings>(field: K, apply: (value: Settings[K]) => void, dbName?: string): () => void {
	let last: Settings[K] | undefined;
	const read = () =>
		readStoredSettings(dbName).then(
			(settings) => {
				if (settings[field] !== last) apply((last = settings[field]));
			},
			// Without the setting its default still works: say why, and carry on.
			(error: unknown) => console.warn(`Recall: the ${field} setting could not be read`, error)
		);
	void read();
	return onStoreChanged(() => void read(), ['settings'], dbName);
}
