/**
 * The images a card shows, by the names its sides and image list give them: what an export must carry, and
 * what it says it could not. A note's card names its images in its list (and a Markdown `![alt](src)`); a
 * card imported from Anki or a table names them only in its HTML (`<img src>`), as Anki does. The one
 * reading of a card's image names: the exports (db/exports.ts) fetch what it finds, and the warnings
 * (missingImages) name what they did not.
 */
import type { Card } from '../notes/deck-format';
import type { ImportBundle } from './bundle';
import { decodeEntities, isMediaName, readableName, referenceCandidates } from './media-names';
import type { ImportNotice } from './notices';
import { sayMerge } from './notices/merge';
import { playableSounds } from './sound-tags';

/** An image a card shows by a file's name: `src` as the card writes it (decoded as a browser reads it), and the names of files it may mean, `src` first. */
export interface ImageReference {
	src: string;
	names: string[];
}

/** `<img`, the start of an image element (not `<imgx>`). */
const HTML_IMAGE_TAG = /<img(?=[\s/>])/gi;
/** One attribute of a tag, from where the last one ended: its name, and its value in double, single or no quotes. */
const HTML_ATTRIBUTE = /[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/y;

/** The `src` of each `<img>` of some HTML, its character references decoded: an element without one, or with an empty one, names nothing. */
function htmlImageSources(html: string): string[] {
	const sources: string[] = [];
	for (const tag of html.matchAll(HTML_IMAGE_TAG)) {
		HTML_ATTRIBUTE.lastIndex = tag.index + tag[0].length;
		for (let attribute = HTML_ATTRIBUTE.exec(html); attribute; attribute = HTML_ATTRIBUTE.exec(html)) {
			// As a browser does, the first src counts; `data-src`, `alt="src=x"` are not it.
			if (attribute[1]?.toLowerCase() !== 'src') continue;
			sources.push(decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? ''));
			break;
		}
	}
	return sources;
}

/**
 * `![alt](destination "title")` (not `\![...]`): the alt text may hold one level of brackets, the
 * destination is `<anything but angle brackets>` or has no spaces (balanced parentheses allowed), a title
 * may follow. Reference-style images (`![alt][ref]`) are not read.
 */
const MARKDOWN_IMAGE = /(?<!\\)!\[(?:\\.|[^\\[\]]|\[(?:\\.|[^\\[\]])*\])*\]\(\s*(?:<((?:\\.|[^\\<>\n])*)>|((?:\\.|[^\\\s()]|\((?:\\.|[^\\\s()])*\))+))/g;
const BACKSLASH_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** The destination of each Markdown image, as markdown-it reads it: backslash escapes and character references undone. */
function markdownImageSources(markdown: string): string[] {
	return [...markdown.matchAll(MARKDOWN_IMAGE)].map((match) => decodeEntities((match[1] ?? match[2] ?? '').replace(BACKSLASH_ESCAPE, '$1')));
}

/** The images `card` shows by a file's name, each once, in the order it shows them (list, front, back); URLs left out. */
export function cardImageReferences(card: Card): ImageReference[] {
	const sources = card.images.map((image) => image.src);
	// `<img src>` in a Markdown card is text, shown as written; `![alt](src)` in an HTML card too.
	const sideSources = card.format === 'html' ? htmlImageSources : markdownImageSources;
	for (const side of [card.front, card.back]) sources.push(...sideSources(side));
	return [...new Set(sources)].filter(isMediaName).map((src) => ({ src, names: referenceCandidates(src) }));
}

/** Every name of a file the cards may show (each reference's spellings): what to look for in the store. */
export function imageNameCandidates(cards: Iterable<Card>): Set<string> {
	const names = new Set<string>();
	for (const card of cards) for (const reference of cardImageReferences(card)) for (const name of reference.names) names.add(name);
	return names;
}

/** The files among `files` that the cards show: for each image, the first of its names that is a file. */
export function imageFilesShown(cards: Iterable<Card>, files: ReadonlySet<string>): Set<string> {
	const shown = new Set<string>();
	for (const card of cards) {
		for (const reference of cardImageReferences(card)) {
			const name = reference.names.find((candidate) => files.has(candidate));
			if (name !== undefined) shown.add(name);
		}
	}
	return shown;
}

/** The sounds `card` plays (`[sound:name]` in either side, whatever its format), by the names of files they may mean. */
export function cardSoundReferences(card: Card): ImageReference[] {
	const names = new Set([...playableSounds(card.front), ...playableSounds(card.back)]);
	return [...names].filter(isMediaName).map((src) => ({ src, names: referenceCandidates(src) }));
}

/** Whether the card shows or plays a file by its name (an image, a sound): a URL's image or a video's tag is none. */
export function namesMediaFile(card: Card): boolean {
	return cardImageReferences(card).length > 0 || cardSoundReferences(card).length > 0;
}

/** Every name of a file the cards show or play: what an export looks for in the store. */
export function mediaNameCandidates(cards: Iterable<Card>): Set<string> {
	const names = new Set<string>();
	for (const card of cards) for (const reference of [...cardImageReferences(card), ...cardSoundReferences(card)]) for (const name of reference.names) names.add(name);
	return names;
}

/** The files among `files` that the cards show or play: for each image or sound, the first of its names that is a file. */
export function mediaFilesShown(cards: Iterable<Card>, files: ReadonlySet<string>): Set<string> {
	const shown = new Set<string>();
	for (const card of cards) {
		for (const reference of [...cardImageReferences(card), ...cardSoundReferences(card)]) {
			const name = reference.names.find((candidate) => files.has(candidate));
			if (name !== undefined) shown.add(name);
		}
	}
	return shown;
}

/** The files among `files` that the cards show or play (mediaFilesShown), in the order an export lists them: the cards', each card's images before its sounds. */
export function exportedMediaNames(cards: Iterable<Card>, files: ReadonlySet<string>): string[] {
	const list = [...cards];
	const shown = mediaFilesShown(list, files);
	return [...mediaNameCandidates(list)].filter((name) => shown.has(name));
}

/** The references `referencesOf` finds in the bundle's cards that it has no file of (under any of their names), each once, in card order, named as people read them. */
function missingReferences(bundle: ImportBundle, referencesOf: (card: Card) => ImageReference[]): string[] {
	const files = new Set(bundle.media.map((file) => file.name));
	const missing = new Set<string>();
	for (const deck of bundle.decks) {
		for (const card of deck.cards) {
			for (const reference of referencesOf(card)) if (!reference.names.some((name) => files.has(name))) missing.add(readableName(reference.src));
		}
	}
	return [...missing];
}

/**
 * The images the bundle's cards show that it has no file of (under any of their names), each once, in card
 * order, named as people read them (`img/%ED%95%9C.png` is `img/한.png`), as the notes importer names them.
 */
export function missingImages(bundle: ImportBundle): string[] {
	return missingReferences(bundle, cardImageReferences);
}

/** The sounds the bundle's cards play that it has no file of, the same way. */
export function missingSounds(bundle: ImportBundle): string[] {
	return missingReferences(bundle, cardSoundReferences);
}

/** What a Recall file (a deck's, or a backup of everything) says of the images and sounds it names but has no file of: one warning each. */
export function missingMediaWarnings(bundle: ImportBundle): ImportNotice[] {
	return [
		...missingImages(bundle).map((src) => sayMerge('merge-export-image-missing', { src })),
		...missingSounds(bundle).map((name) => sayMerge('merge-export-sound-missing', { name }))
	];
}
