/** What the importers say about Anki packages and collections (io/anki/): English, by code (i18n/notices/anki.ts has the Korean). */
import type { Catalog } from '../../i18n/notice';

/** What a zstd stream of a package holds, for the refusal that says which one is damaged. */
export type AnkiCompressedPart = 'collection' | 'media list' | 'media';
/** What the `col` table keeps as JSON in a schema-11 collection. */
export type AnkiJsonPart = 'note types' | 'decks' | 'settings';
/** The tables a collection must have (fields, templates and decks: schema 15 and later). */
export type AnkiTable = 'col' | 'notes' | 'cards' | 'revlog' | 'fields' | 'templates' | 'decks';

function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** The possessive that agrees with `count` cards: "1 card left out: its note type…". */
function its(count: number): string {
	return count === 1 ? 'its' : 'their';
}

export const ankiNotices = {
	/** The file chosen, or (no name) the collection inside a package, has no bytes. */
	'anki-empty': (values: { name?: string; file: 'package' | 'collection' }) =>
		values.name === undefined ? `The Anki ${values.file} is empty (0 bytes).` : `“${values.name}” is empty (0 bytes).`,
	'anki-no-collection': (values: { name?: string }) =>
		`${values.name === undefined ? 'The file' : `“${values.name}”`} holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2): it is not an Anki package.`,
	'anki-too-large': () => 'This Anki package expands to more than Recall imports at once (its compressed files are too large).',
	'anki-undecompressable': (values: { part: AnkiCompressedPart; reason: string }) =>
		`The Anki package is damaged: its ${values.part} cannot be decompressed (${values.reason}).`,
	'anki-not-sqlite': () => 'This is not an Anki collection: it is not an SQLite database.',
	/** Offline, and SQLite's WebAssembly was never fetched (the app caches it on first use). */
	'anki-needs-sql-engine': () =>
		'Anki files are read with an SQLite engine (about 300 kB) that this device has not downloaded yet: the first Anki import needs an internet connection, once. Connect and try again; after that, Anki import and export work offline.',
	'anki-damaged': (values: { reason: string }) => `The Anki collection is damaged and cannot be read (${values.reason}).`,
	'anki-damaged-json': (values: { part: AnkiJsonPart }) => `The Anki collection is damaged: its ${values.part} cannot be read.`,
	'anki-missing-table': (values: { table: AnkiTable }) => `This Anki collection is incomplete: it has no ${values.table} table.`,
	'anki-no-settings': () => 'This Anki collection is incomplete: it has no collection settings (the col table is empty).',
	'anki-no-notetypes': () => 'This Anki collection is incomplete: it has no note types.',
	'anki-schema-too-new': (values: { schema: number; max: number }) =>
		`This collection is Anki schema ${values.schema}; Recall reads up to schema ${values.max}. In Anki, export it again with "Support older Anki versions" checked.`,
	'anki-schema-too-old': (values: { schema: number; min: number; max: number }) =>
		`This collection is Anki schema ${values.schema}; Recall reads schemas ${values.min} to ${values.max}.`,

	'anki-media-list-damaged': () => 'The list of media files in the package is damaged: its images were left out.',
	'anki-cards-without-notetype': (values: { count: number }) => `${plural(values.count, 'card')} left out: ${its(values.count)} note type is missing from the collection.`,
	'anki-image-occlusion': (values: { count: number }) => `${plural(values.count, 'Image Occlusion card')} left out: Recall cannot draw ${its(values.count)} masks.`,
	'anki-cards-without-template': (values: { count: number }) => `${plural(values.count, 'card')} left out: ${its(values.count)} card template is missing from the note type.`,
	'anki-cloze-without-deletion': (values: { count: number }) =>
		`${plural(values.count, 'cloze card')} left out: the note has no deletion with the card's number.`,
	'anki-empty-front': (values: { count: number }) => `${plural(values.count, 'card')} left out: the front would be empty.`,
	'anki-duplicate-guid': (values: { count: number }) => `${plural(values.count, 'card')} left out: another note has the same id (guid).`,
	'anki-videos': (values: { count: number }) =>
		`${plural(values.count, '[sound:] file')} left out: ${values.count === 1 ? 'it is' : 'they are'} not sound (a video, say). Recall plays mp3, ogg, opus, wav, m4a, aac, flac and webm sounds.`,
	'anki-missing-fields': (values: { notetype: string; fields: string[] }) =>
		`Note type "${values.notetype}": its templates name fields it does not have (${values.fields.join(', ')}); they were left empty.`,
	/** `shown`: the first few of the `count` sources, as the cards write them. */
	'anki-missing-images': (values: { count: number; shown: string[] }) => {
		const one = values.count === 1;
		const more = values.count > values.shown.length ? ` and ${values.count - values.shown.length} more` : '';
		return `${plural(values.count, 'image')} the cards show ${one ? 'is' : 'are'} not in the file (${values.shown.join(', ')}${more}): ${one ? 'it shows' : 'they show'} as a placeholder.`;
	},

	'anki-export-deck-renamed': (values: { deck: string; renamed: string }) => `Two decks are named "${values.deck}": the second one is "${values.renamed}" in Anki.`,
	'anki-export-file-twice': (values: { name: string }) => `The file "${values.name}" appears twice; the first one is exported.`,
	/** `card`: the start of the card's front. */
	'anki-export-card-twice': (values: { card: string }) => `The card "${values.card}" appears twice; it is exported once.`,
	'anki-export-orphan-reviews': (values: { count: number }) =>
		values.count === 1
			? '1 review log row belongs to a card that is not exported; it was left out.'
			: `${values.count} review log rows belong to cards that are not exported; they were left out.`,
	'anki-export-cloze-as-basic': (values: { card: string }) => `The cloze card "${values.card}" has no deletion Anki can read; it is exported as a Basic card.`,
	/** `shown`: the first few of the `count` names, as the cards write them. */
	'anki-missing-sounds': (values: { count: number; shown: string[] }) => {
		const one = values.count === 1;
		const more = values.count > values.shown.length ? ` and ${values.count - values.shown.length} more` : '';
		return `${plural(values.count, 'sound')} the cards play ${one ? 'is' : 'are'} not in the file (${values.shown.join(', ')}${more}): the card says "sound not available" instead.`;
	},

	'anki-export-image-missing': (values: { src: string }) => `The image "${values.src}" is not among the exported files; Anki will not find it.`,
	'anki-export-sound-missing': (values: { name: string }) => `The sound "${values.name}" is not among the exported files; Anki will not find it.`
} satisfies Catalog;
