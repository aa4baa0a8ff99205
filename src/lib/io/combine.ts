/**
 * Several Anki packages chosen together, as one bundle: one preview, one transaction. The result is what
 * importing them one after the other would leave: a deck of the same id (two packages' "Default", say) is one
 * deck with the cards of both; a card in two files is the later file's (its content, deck and status), keeping
 * its place among its deck's cards; review rows are a union (the merge takes each id once); a media file of the
 * same name is the later file's. Each file's warnings are said after its name.
 */
import type { Card, Deck } from '../notes/deck-format';
import type { ImportBundle } from './bundle';
import { say } from './notices';

export function combineBundles(bundles: readonly ImportBundle[]): ImportBundle {
	const [first] = bundles;
	if (first === undefined) throw new Error('No bundle to combine.');
	if (bundles.length === 1) return first;
	const decks = new Map<string, Omit<Deck, 'cards'>>();
	const cards = new Map<string, Card>();
	const combined: ImportBundle = { ...first, name: bundles.map((bundle) => bundle.name).join(', '), decks: [], progress: {}, reviews: [], media: [], warnings: [] };
	const media = new Map<string, ImportBundle['media'][number]>();
	const edited: Record<string, boolean> = {};
	for (const bundle of bundles) {
		if (bundle.source !== first.source) throw new Error(`Bundles of ${first.source} and ${bundle.source} cannot be combined.`);
		for (const { cards: deckCards, ...deck } of bundle.decks) {
			decks.set(deck.id, deck);
			for (const card of deckCards) cards.set(card.id, card);
		}
		Object.assign(combined.progress, bundle.progress);
		combined.reviews.push(...bundle.reviews);
		for (const file of bundle.media) media.set(file.name, file);
		Object.assign(edited, bundle.editedSinceExport);
		combined.warnings.push(...bundle.warnings.map((warning) => say('file-warning', { name: bundle.name, warning })));
	}
	const byDeck = new Map<string, Card[]>([...decks.keys()].map((id) => [id, []]));
	for (const card of cards.values()) byDeck.get(card.deck)?.push(card);
	combined.decks = [...decks.values()].map((deck) => ({ ...deck, cards: byDeck.get(deck.id) ?? [] }));
	combined.media = [...media.values()];
	if (Object.keys(edited).length > 0) combined.editedSinceExport = edited;
	else delete combined.editedSinceExport;
	return combined;
}
