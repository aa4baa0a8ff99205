/** What a failed action says of its error, in the learner's language where it is one the app knows. */
import { isStorageFull } from '$lib/db/storage-full';
import { i18n } from './i18n.svelte';

/**
 * The error's words for "could not be saved ({message})": a full disk in the learner's language with what to do
 * about it (the browser's own words are English and say nothing of that); anything else as the browser said it.
 */
export function failureMessage(error: unknown): string {
	if (isStorageFull(error)) return i18n.t('storageFull');
	return error instanceof Error ? error.message : String(error);
}
