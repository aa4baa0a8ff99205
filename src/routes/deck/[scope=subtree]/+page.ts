import { error, redirect } from '@sveltejs/kit';
import { builtInDecks } from 'virtual:recall/built-in-decks';
import { pathName, subtreePath } from '$lib/srs/deck-tree';
import { loadHomeList } from '../../home-decks';
import type { PageLoad } from './$types';
import { findParentDeck } from './parent-deck';

// From the home page's Dexie-free read, with this build's decks: the page counts what the home row counts.
export const load: PageLoad = async ({ params }) => {
	// The route's matcher (src/params/subtree.ts) takes only a tree's scope.
	const path = subtreePath(params.scope) ?? [];
	const found = findParentDeck((await loadHomeList(builtInDecks, Date.now())).tree, path);
	if (found.kind === 'deck') redirect(307, found.href);
	if (found.kind === 'none') error(404, `There is no deck "${pathName(path)}".`);
	return found.view;
};
