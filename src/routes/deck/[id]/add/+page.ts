import { error } from '@sveltejs/kit';
import { appReady } from '$lib/app/boot';
import { database } from '$lib/db';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params }) => {
	await appReady();
	const deck = await database().decks.get(params.id);
	if (deck === undefined || deck.retired) error(404, `There is no deck "${params.id}".`);
	return { deck };
};
