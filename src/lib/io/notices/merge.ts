/**
 * What merging into the store and exporting from it say (db/imports.ts, db/exports.ts). English, by code;
 * i18n/notices/merge.ts has the Korean. Here rather than in db/ because they travel in an import's warnings.
 */
import { sayer, type Catalog } from '../../i18n/notice';

export const mergeNotices = {
	'merge-orphan-reviews': (values: { count: number }) =>
		values.count === 1
			? '1 review row belongs to a card that is neither in the file nor on this device; it was left out.'
			: `${values.count} review rows belong to cards that are neither in the file nor on this device; they were left out.`,
	'merge-table-front-ambiguous': (values: { count: number }) =>
		values.count === 1
			? '1 row has the front of more than one card of its deck, so which of them it is cannot be told; it was added as a new card.'
			: `${values.count} rows have the front of more than one card of their deck, so which of them each is cannot be told; they were added as new cards.`,
	'merge-note-cards-kept': (values: { count: number }) =>
		values.count === 1
			? '1 card made from a note has other text or tags in the file; a note’s cards take them from their note only, so it was left as it is (edit the note to change it).'
			: `${values.count} cards made from a note have other text or tags in the file; a note’s cards take them from their note only, so they were left as they are (edit the note to change them).`,
	'merge-cloze-cards-kept': (values: { count: number }) =>
		values.count === 1
			? '1 cloze card has other text or tags in the file; its row is one card of a cloze text, so it was left as it is (edit the text in the app: Card info or Edit card).'
			: `${values.count} cloze cards have other text or tags in the file; each row is one card of a cloze text, so they were left as they are (edit the text in the app: Card info or Edit card).`,
	'merge-newer-edit-kept': (values: { count: number }) =>
		values.count === 1
			? '1 card kept: this device has a newer edit of it than the file.'
			: `${values.count} cards kept: this device has newer edits of them than the file.`,
	'merge-unknown-setting': (values: { key: string }) => `The backup’s setting “${values.key}” is not one this version knows; it was left out.`,
	'merge-export-image-missing': (values: { src: string }) => `The image "${values.src}" is not on this device; the file names it, without the image.`,
	'merge-export-sound-missing': (values: { name: string }) => `The sound "${values.name}" is not on this device; the file names it, without the sound.`,
	'merge-export-cards-without-deck': (values: { count: number }) =>
		values.count === 1 ? '1 card belongs to no deck and was left out.' : `${values.count} cards belong to no deck and were left out.`
} satisfies Catalog;

/**
 * The merge's own `say`: the store's code (loaded on every page, for the built-in decks' sync) carries this area's
 * sentences, not every importer's.
 */
export const sayMerge = sayer(mergeNotices);
