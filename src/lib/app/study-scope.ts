/** Study scopes in URLs: a deck id, or `all` for every deck ('*' would be an awkward path segment). */
import { ALL_DECKS } from '$lib/srs/deck-tree';

export const ALL_DECKS_PARAM = 'all';

/** The scope a `/study/[scope]` URL means. */
export function scopeFromParam(param: string): string {
	return param === ALL_DECKS_PARAM ? ALL_DECKS : param;
}

/** The study page of a deck, or of every deck for ALL_DECKS: for links to it. */
export function studyPath(scope: string): string {
	return `/study/${scope === ALL_DECKS ? ALL_DECKS_PARAM : encodeURIComponent(scope)}`;
}
