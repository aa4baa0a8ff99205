/**
 * A route parameter that is a sub-deck tree's scope (`tree:Languages`, $lib/srs/deck-tree): the deck route gives such
 * a path to the parent page, which needs no deck of its own. No deck id may begin with `tree:`
 * (deck-format.ts), so no deck's page is taken.
 */
import type { ParamMatcher } from '@sveltejs/kit';
import { subtreePath } from '$lib/srs/deck-tree';

/**
 * The matcher sees the path segment decoded with `decodeURI` only, so a link's `tree%3A` (encodeURIComponent, as
 * studyPath writes it) is still `%3A` here; the route's param is decoded in full once matched.
 */
export const match: ParamMatcher = (param) => {
	try {
		return subtreePath(decodeURIComponent(param)) !== undefined;
	} catch {
		// A malformed escape: no tree's scope, and no deck id either.
		return false;
	}
};
