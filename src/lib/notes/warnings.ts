/**
 * What the notes generator says about a note, by code: its warnings (parse.ts, blocks.ts, generate.ts) and what
 * the decoder (decode.ts) says about a file's bytes. English here; i18n/notices/note-warnings.ts has the Korean.
 * The generator is below io, so this is its own catalog, not one of the importers' areas: io's notices quote
 * these as values, and the build and the deck CLI print their English.
 *
 * Each sentence is a part of one, without a capital or a final period, as the quoting sentence puts it after a
 * file name (and line): the decoder's refusals complete "<file> …", its other notes and the generator's warnings
 * follow "<file>: …".
 */
import { sayer, type Catalog, type NoticeOf } from '../i18n/notice';

export const noteWarnings = {
	// The decoder's refusals.
	'note-too-large': (values: { megabytes: number; limit: number }) =>
		`is too large for a note (${values.megabytes.toFixed(1)} MB; the limit is ${values.limit} MB)`,
	'note-not-utf16': () => 'is not valid UTF-16 text',
	'note-binary': () => 'is not a text file (it contains binary data)',
	'note-not-utf8': () => 'is not UTF-8 text (save it as UTF-8 and try again)',

	// The decoder's warnings.
	'note-read-as-utf16': () => 'read as UTF-16 (it has a UTF-16 byte order mark)',
	'note-read-as-euc-kr': () => 'read as EUC-KR (it is not valid UTF-8)',

	// Front matter (parse.ts).
	'note-front-matter-not-yaml': (values: { reason: string }) => `the front matter is not valid YAML, so it was read as text (${values.reason})`,
	'note-front-matter-not-fields': () => 'the block between the first two "---" lines is not "key: value" front matter, so it was read as text',
	'note-front-matter-deck-not-name': () => 'front matter "deck" should be a name; it was ignored',
	'note-front-matter-cards-unknown': (values: { value: string }) =>
		`front matter "cards" should be "auto" or "explicit", not "${values.value}"; using "auto"`,
	'note-front-matter-unclosed': () => 'the note starts with "---" but its front matter is never closed with a "---" line; it was read as text',

	// The note's structure and cards (blocks.ts, generate.ts).
	'note-lists-flattened': (values: { levels: number }) => `lists nested more than ${values.levels} levels deep were flattened`,
	'note-image-on-no-card': (values: { image: string }) => `image "${values.image}" is on no card`,
	'note-sound-on-no-card': (values: { sound: string }) => `sound "${values.sound}" is on no card`,
	'note-table-row-on-no-card': (values: { row: string }) => `table row "${values.row}" is on no card`,
	'note-code-on-no-card': (values: { code: string }) => `code block "${values.code}" is on no card`,
	'note-more-on-no-card': (values: { count: number }) =>
		values.count === 1 ? '1 more table row or code block is on no card' : `${values.count} more table rows and code blocks are on no card`,
	'note-passage-too-long': (values: { passage: string; heading: string; limit: number }) =>
		`the paragraph "${values.passage}" under "${values.heading}" is on no card: it is longer than ${values.limit} characters (blank lines between its parts make a card of each)`,
	'note-callout-on-no-card': (values: { callout: string }) => `callout "${values.callout}" is on no card`,
	'note-embed-left-out': (values: { note: string }) =>
		`"![[${values.note}]]" was left out: a card cannot show another note's content (link it with [[${values.note}]] instead)`,
	'note-deck-name-taken': (values: { name: string; keptBy: string; renamed: string }) =>
		`${values.keptBy} makes the deck "${values.name}" too and keeps it, so this note builds into the deck "${values.renamed}" (give one of them another title to name it yourself)`,
	'note-empty': () => 'the note is empty',
	'note-no-cards': () => 'no cards could be made from this note',
	'note-repeated-question': (values: { question: string }) =>
		`another card above asks "${values.question}" under the same heading, with the same answer; this one's id depends on their order`,
	'note-more-repeated-questions': (values: { count: number }) =>
		values.count === 1
			? '1 more card repeats a question and answer given above under the same heading'
			: `${values.count} more cards repeat a question and answer given above under the same heading`
} satisfies Catalog;

/** A notice of the notes generator or its decoder. */
export type NoteNotice = NoticeOf<typeof noteWarnings>;

/** A warning about a note: what it says, and the line of the note it is about when there is one. */
export type NoteWarning = NoteNotice & { line?: number };

/** A notice of this catalog: `sayNote('note-empty')`. */
export const sayNote = sayer(noteWarnings);
