/**
 * What a card's `source.line` counts. In a note or a table it is a line of the file; an Anki package (or a bare
 * collection) has no lines, and its importer numbers the card by its note's place among the package's notes
 * (anki/cards.ts), so that number is said as the note's, not as a line.
 */

/** The files whose cards are numbered by note: Anki packages and collections, by their extension or the name the importer gives one without a name. */
const ANKI_FILE = /\.(?:apkg|colpkg|anki2|anki21b?)$/i;
const UNNAMED_ANKI_FILES = new Set(['Anki package', 'Anki collection']);

type SourcePlace = 'line' | 'note';

/** Whether a card from `file` is placed by its line or by its note. */
export function sourcePlace(file: string): SourcePlace {
	return ANKI_FILE.test(file.trim()) || UNNAMED_ANKI_FILES.has(file) ? 'note' : 'line';
}
