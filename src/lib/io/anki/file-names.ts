/**
 * Which file names are Anki's, in one list for every part that asks: the import's detection and its refusals
 * (detect.ts, read-import.ts) and the wording of a card's place (card-source.ts), which must agree on a file.
 * Light, so that a page may ask without loading an importer.
 */
import { extensionOf } from '../media-types';

/** Packages: a zip of a collection and its media (a deck, or a whole collection). */
export const ANKI_PACKAGE_EXTENSIONS: readonly string[] = ['.apkg', '.colpkg'];
/** Bare collections: SQLite (`.anki2`, `.anki21`), or zstd-compressed SQLite (`.anki21b`, the latest format's). */
export const ANKI_COLLECTION_EXTENSIONS: readonly string[] = ['.anki2', '.anki21', '.anki21b'];

/** The names the importer gives a package or a collection read without a name of its own (anki/import.ts). */
export const UNNAMED_ANKI_PACKAGE = 'Anki package';
export const UNNAMED_ANKI_COLLECTION = 'Anki collection';

const ANKI_EXTENSIONS = [...ANKI_PACKAGE_EXTENSIONS, ...ANKI_COLLECTION_EXTENSIONS];

/** Whether `name` is an Anki package's or collection's, by its extension. */
export function isAnkiFileName(name: string): boolean {
	return ANKI_EXTENSIONS.includes(`.${extensionOf(name.trim())}`);
}

/** Whether a card's source file is an Anki file: by its name, or the name the importer gives one without a name. */
export function isAnkiSource(file: string): boolean {
	return isAnkiFileName(file) || file === UNNAMED_ANKI_PACKAGE || file === UNNAMED_ANKI_COLLECTION;
}
