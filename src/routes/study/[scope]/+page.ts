import { builtInDecks } from 'virtual:recall/built-in-decks';
import { scopeFromParam } from '$lib/app/study-scope';
import type { PageLoad } from './$types';
import { loadStudyData } from './study-data';
import { readScopeName } from './study-title';

export const load: PageLoad = async ({ params }) => {
	// Not awaited: the page (its header and a loading line) paints at once, while the store opens.
	const study = loadStudyData(params.scope);
	const scope = scopeFromParam(params.scope);
	// Awaited, a moment without Dexie: the title names the deck when the route announcer reads it, as the page shows.
	return { study, scope, deckName: await readScopeName(scope, builtInDecks) };
};
