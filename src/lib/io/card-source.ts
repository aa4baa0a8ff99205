/**
 * What a card's `source.line` counts. In a note or a table it is a line of the file; an Anki package (or a bare
 * collection) has no lines, and its importer numbers the card by its note's place among the package's notes
 * (anki/cards.ts), so that number is said as the note's, not as a line.
 */
import { isAnkiSource } from './anki/file-names';

type SourcePlace = 'line' | 'note';

/** Whether a card from `file` is placed by its line or by its note. */
export function sourcePlace(file: string): SourcePlace {
	return isAnkiSource(file) ? 'note' : 'line';
}
