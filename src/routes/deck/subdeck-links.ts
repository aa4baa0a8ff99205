/** The links of a deck page's list of sub-decks, to a sub-deck's own page or, for one with no deck, to its parent page. */
import { deckPath } from '$lib/srs/deck-tree';
import { deckHref } from '../home-decks';
import { parentDeckHref } from '../home-tree';

export interface SubdeckLink {
	/** The whole name, `Languages::Korean`: what the link is called for a screen reader. */
	name: string;
	/** The name's last part, shown. */
	label: string;
	href: string;
}

/** The links to the decks right under a deck (`DeckView.subdecks`): a sub-deck known only from its own sub-decks has no id. */
export function subdeckLinks(subdecks: readonly { id: string | undefined; name: string; label: string }[]): SubdeckLink[] {
	return subdecks.map(({ id, name, label }) => ({ name, label, href: id === undefined ? parentDeckHref(deckPath(name)) : deckHref(id) }));
}
