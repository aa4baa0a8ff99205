/**
 * The images a card shows, by the names its sides and image list give them: what an export must carry, and
 * what it says it could not. A note's card names its images in its list (and a Markdown `![alt](src)`); a
 * card imported from Anki or a table names them only in its HTML (`<img src>`), as Anki does.
 */
import type { Card } from '../notes/deck-format';
import type { ImportBundle } from './bundle';

const HTML_IMAGE = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const MARKDOWN_IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)/g;
/** A URL (https:, data:, blob:, //host) rather than a file's name: it is not a file an export carries. */
const URL_SOURCE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** The names of the image files `card` shows, each once; URLs left out. */
export function cardImageNames(card: Card): string[] {
	const names = new Set(card.images.map((image) => image.src));
	for (const side of [card.front, card.back]) {
		const pattern = card.format === 'html' ? HTML_IMAGE : MARKDOWN_IMAGE;
		for (const match of side.matchAll(pattern)) names.add((match[1] ?? match[2] ?? match[3]) as string);
	}
	return [...names].filter((name) => name !== '' && !URL_SOURCE.test(name));
}

/** The images the bundle's cards show that it has no file of, each once, in card order. */
export function missingImages(bundle: ImportBundle): string[] {
	const files = new Set(bundle.media.map((file) => file.name));
	const missing = new Set<string>();
	for (const deck of bundle.decks) for (const card of deck.cards) for (const name of cardImageNames(card)) if (!files.has(name)) missing.add(name);
	return [...missing];
}
