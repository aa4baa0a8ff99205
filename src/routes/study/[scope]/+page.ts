import { error } from '@sveltejs/kit';
import { appReady } from '$lib/app/boot';
import { scopeFromParam } from '$lib/app/study-scope';
import { database, loadSettings } from '$lib/db';
import { ALL_DECKS } from '$lib/srs/session';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	await appReady();
	// The benchmark (bench/study.bench.ts) times the first card from here: the app is ready, the study page starts.
	performance.mark('recall:study-start');
	const db = database();
	const scope = scopeFromParam(params.scope);
	const [decks, settings] = await Promise.all([db.decks.toArray(), loadSettings(db)]);
	const deck = decks.find((candidate) => candidate.id === scope);
	if (scope !== ALL_DECKS && (deck === undefined || deck.retired)) error(404, `There is no deck "${params.scope}".`);
	return {
		scope,
		/** Undefined when studying every deck. */
		deckName: deck?.name,
		/** Every deck's name, for the context above each card. */
		deckNames: Object.fromEntries(decks.map((candidate) => [candidate.id, candidate.name])) as Record<string, string>,
		settings
	};
};
