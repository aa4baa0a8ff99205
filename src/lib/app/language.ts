/**
 * The UI speaks the learner's stored language on every load and in every tab:
 * the setting is read again whenever the store changes, so a change made in
 * another tab applies here too. Read without Dexie, so that the first page
 * does not have to load it.
 */
import type { LanguageSetting } from '$lib/db/settings';
import { onStoreChanged, readStoredSettings } from '$lib/db/quick-read';

/** Calls `apply` with the stored language now and whenever it changes; returns the unsubscribe. */
export function followStoredLanguage(apply: (language: LanguageSetting) => void, dbName?: string): () => void {
	let last: LanguageSetting | undefined;
	const read = () =>
		readStoredSettings(dbName).then(
			({ language }) => {
				if (language !== last) apply((last = language));
			},
			// Without the setting the browser's language still works: say why, and carry on.
			(error: unknown) => console.warn('Recall: the language setting could not be read', error)
		);
	void read();
	return onStoreChanged(() => void read(), ['settings'], dbName);
}
