/**
 * The UI speaks the learner's stored language on every load and in every tab:
 * the setting is watched, so a change made in another tab applies here too.
 */
import { liveQuery } from 'dexie';
import { loadSettings, type LanguageSetting, type RecallDatabase } from '$lib/db';

/** Calls `apply` with the stored language now and whenever it changes; returns the unsubscribe. */
export function followStoredLanguage(db: RecallDatabase, apply: (language: LanguageSetting) => void): () => void {
	const subscription = liveQuery(async () => (await loadSettings(db)).language).subscribe({
		next: apply,
		// Without the setting the browser's language still works: say why, and carry on.
		error: (error: unknown) => console.warn('Recall: the language setting could not be read', error)
	});
	return () => subscription.unsubscribe();
}
