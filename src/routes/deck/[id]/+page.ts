import { error } from '@sveltejs/kit';
import { loadBuiltInDeck } from 'virtual:recall/built-in-decks';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	const deck = await loadBuiltInDeck(params.id);
	if (deck === undefined) error(404, `There is no deck "${params.id}".`);
	return { deck };
};
