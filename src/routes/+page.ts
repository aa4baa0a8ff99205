import { builtInDecks } from 'virtual:recall/built-in-decks';
import { loadHomeList, type HomeList } from './home-decks';
import type { PageLoad } from './$types';

/**
 * How long the first paint waits for the deck list: it is read in a few milliseconds, but an open of the store can
 * wait behind another tab's upgrade, and the page must not stay blank for that (it shows "Loading…" and goes on reading).
 */
const LIST_WAIT_MS = 1_000;

// The deck list is read before the page is drawn, so that it does not push "New deck" and the text below down when it
// comes (a layout shift of 0.02 on a phone when it came after the first paint).
export const load: PageLoad = async (): Promise<{ list?: HomeList; failure?: string }> => {
	const waited = new Promise<undefined>((resolve) => setTimeout(resolve, LIST_WAIT_MS));
	try {
		const list = await Promise.race([loadHomeList(builtInDecks, Date.now()), waited]);
		return list === undefined ? {} : { list };
	} catch (error) {
		return { failure: error instanceof Error ? error.message : String(error) };
	}
};
