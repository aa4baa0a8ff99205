/**
 * Markdown notes to a bundle, through the same generator as the built-in
 * decks: one deck per note, with the generator's report. The user-facing rules
 * are in docs/import-formats.md; in short:
 *
 * - Files: `.md`, `.markdown` and `.txt` notes, images, and `.zip` archives of
 *   a notes folder (read with the archive size limit of zip.ts). In an archive,
 *   only notes and images are read; `__MACOSX` and dot files and folders are
 *   passed over, other files are counted in a warning. A folder that holds
 *   everything in the archive is left out of the notes' paths.
 * - A note's images with a relative path are looked up among the files of the
 *   same archive by that path, or among the loose files given with the note:
 *   there by the path, else by its file name when one loose image has it (files
 *   chosen in a browser have no folders: `images/red.png` is the chosen
 *   `red.png`); only then by a path or name that differs only in case, when one
 *   file has it (`Diagram.PNG` is a chosen `diagram.png`; several are not
 *   guessed between). They come along as media named `<deck id>/<path>`, the path as
 *   the note writes it from the note's folder, so the same note brings the same
 *   names from a zip or from loose files; the card's image points at that name.
 *   An image not among the files but already stored under that name
 *   (`knownMedia`: an earlier import brought it), or under the name the deck
 *   the note made before its title changed gave it (`noteDecks`: a deck of
 *   the same note file whose cards the merge hands to the new deck), is
 *   pointed at as it is. Any
 *   other stays as it was (the card shows its alt text) with a warning.
 * - An import lands whole or not at all: a file that is not a note, an archive
 *   that is damaged or too big, a note that is not text or over 32 MB make the
 *   whole import fail with one message naming every such file. With
 *   `skipUnreadable` (for a preview that shows what it left out) they are
 *   skipped, listed in `skipped` and in the warnings.
 * - Notes of one title in different folders make decks named by their folders, `Biology::Overview`
 *   (nameByFolders); two notes that still make the same deck are refused, naming both.
 * - A note that makes no cards adds no deck (the generator's warning says so).
 */
import type { Deck } from '../notes/deck-format';
import { decodeNoteBytes } from '../notes/decode';
import { deckIdFor, deckOfNote, readNote, type NoteDrafts, type NoteReport } from '../notes/generate';
import { retitledMatches, type MatchableCard } from '../notes/match';
import { emptyBundle, ImportError, type ImportBundle, type MediaFile } from './bundle';
import { groupBy } from './group-by';
import { readZip, type ZipLimits } from './zip';
import { audioTypeOf, imageTypeOf } from './media-types';
import { rewriteSoundTags } from './sound-tags';
import { foldName, matchFirst, readableName, type NameMatch } from './media-names';
import { refuse, say, type ImportNotice } from './notices';

export interface NoteFile {
	name: string;
	bytes: Uint8Array;
}

export interface SkippedFile {
	file: string;
	/** Names the file and the problem. */
	notice: ImportNotice;
}

export interface NotesImport {
	bundle: ImportBundle;
	/** The generator's report of every note read, in the order of the decks. */
	reports: NoteReport[];
	/** Files left out (only with `skipUnreadable`). */
	skipped: SkippedFile[];
}

export interface NotesOptions {
	/** Skip files that cannot be read instead of refusing the import. */
	skipUnreadable?: boolean;
	/** Archive limits (zip.ts's defaults otherwise). */
	zipLimits?: ZipLimits;
	/** Names of the media files the store has (the caller reads them): a note's image stored before need not be chosen again. */
	knownMedia?: ReadonlySet<string>;
	/**
	 * The stored decks made from each note file (their `source`), the latest first: a note whose title
	 * changed makes a deck of another id, and its images stored before are under its earlier deck's id.
	 */
	noteDecks?: ReadonlyMap<string, readonly StoredNoteDeck[]>;
}

/** A stored deck made from a note file, as the notes import asks about it (`noteDecks`). */
export interface StoredNoteDeck {
	id: string;
	/** Whether a retitled note may be this deck, as the merge decides it: a live deck of notes imported. */
	open: boolean;
	/** Its live cards: a retitled note is this deck when most of them find a successor (`retitledMatches`). */
	cards: readonly MatchableCard[];
	/** The images its cards show and the sounds they play, as they name them. */
	images: readonly string[];
}

const NOTE_FILE = /\.(?:md|markdown|txt)$/i;
/** The MIME type of a file a note may show or play (an image, a sound), by its name. */
const mediaTypeOf = (name: string) => imageTypeOf(name) ?? audioTypeOf(name);
const ZIP_FILE = /\.zip$/i;
function isHidden(path: string): boolean {
	return path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}

/** Files read together: one archive, or the loose files. Paths use `/`. */
interface Folder {
	files: Map<string, Uint8Array>;
	/** An archive: notes are read in path order, images found by path only. Loose files: in the order given, images also by file name. */
	sorted: boolean;
}

/** Drops a first folder that every path shares ("notes/a.md", "notes/b/c.md" → "a.md", "b/c.md"). */
function withoutCommonFolder(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
	const paths = [...files.keys()];
	const first = paths[0]?.split('/')[0];
	if (first === undefined || !paths.every((path) => path.startsWith(`${first}/`))) return files;
	return new Map([...files].map(([path, bytes]) => [path.slice(first.length + 1), bytes]));
}

/**
 * The folder's path of an image a note refers to, or undefined when it is not a
 * relative path (a URL, an absolute path, an anchor). `..` above the folder's
 * top stays at the top, as a browser resolves a URL's path.
 */
function resolveImage(notePath: string, src: string): string | undefined {
	if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) return undefined;
	let path: string;
	try {
		path = decodeURI(src.replace(/[?#].*$/, ''));
	} catch {
		path = src;
	}
	const parts = notePath.split('/').slice(0, -1);
	for (const part of path.replace(/\\/g, '/').split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	return parts.length === 0 ? undefined : parts.join('/');
}

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1).normalize('NFC');

/**
 * Where an image (or, with `typeOf` audioTypeOf, a sound) is among a folder's files: the file of its path, else, for
 * loose files (chosen without their folders), the one file of its name; only
 * then, likewise, the one whose path or name differs only in case (a note's
 * `Diagram.PNG` is a chosen `diagram.png`). A bare name (`cell.png`, as
 * Obsidian writes `![[cell.png]]`) that is not beside the note is, last, the
 * one file of that name anywhere in the folder, as Obsidian finds it in a vault
 * (its attachments folder, say). Several files that fit are ambiguous.
 */
function findMedia(folder: Folder, path: string, bareName: boolean, typeOf: (name: string) => string | undefined): NameMatch<string> {
	const images = [...folder.files.keys()].filter((file) => typeOf(file) !== undefined);
	const name = fileName(path);
	const [foldedPath, foldedName] = [foldName(path), foldName(name)];
	const named = (file: string) => fileName(file) === name;
	const foldedNamed = (file: string) => foldName(fileName(file)) === foldedName;
	return matchFirst(images, [
		(file) => file === path,
		...(folder.sorted ? [] : [named]),
		(file) => foldName(file) === foldedPath,
		...(folder.sorted ? (bareName ? [named, foldedNamed] : []) : [foldedNamed])
	]);
}

const MAX_MISSING_IMAGES_LISTED = 5;

export function notesToBundle(files: readonly NoteFile[], options: NotesOptions = {}): NotesImport {
	if (files.length === 0) throw refuse('notes-none-chosen');
	const problems: SkippedFile[] = [];
	const warnings: ImportNotice[] = [];
	const loose: Folder = { files: new Map(), sorted: false };
	const folders: Folder[] = [loose];

	for (const file of files) {
		const name = file.name.replace(/\\/g, '/');
		if (ZIP_FILE.test(name)) {
			let ignored = 0;
			const want = (path: string) => {
				if (isHidden(path)) return false;
				if (NOTE_FILE.test(path) || mediaTypeOf(path)) return true;
				ignored++;
				return false;
			};
			try {
				const entries = withoutCommonFolder(readZip(file.bytes, options.zipLimits, want));
				if (![...entries.keys()].some((path) => NOTE_FILE.test(path))) {
					problems.push({ file: name, notice: say('notes-zip-without-notes', { name }) });
					continue;
				}
				if (ignored > 0) warnings.push(say('notes-zip-other-files', { name, count: ignored }));
				folders.push({ files: entries, sorted: true });
			} catch (error) {
				if (!(error instanceof ImportError)) throw error;
				problems.push({ file: name, notice: say('notes-zip-unreadable', { name, reason: error.notice }) });
			}
		} else if (NOTE_FILE.test(name) || mediaTypeOf(name)) {
			loose.files.set(name, file.bytes);
		} else {
			problems.push({ file: name, notice: say('notes-not-a-note', { name }) });
		}
	}

	const bundle = emptyBundle('markdown', files.map((file) => file.name).join(', '));
	const storedDecks = new Map([...(options.noteDecks?.values() ?? [])].flat().map((stored) => [stored.id, stored]));
	const read: ReadNote[] = [];
	for (const folder of folders) {
		const notes = [...folder.files.keys()].filter((path) => NOTE_FILE.test(path));
		if (folder.sorted) notes.sort();
		for (const path of notes) {
			const decoded = decodeNoteBytes(folder.files.get(path) as Uint8Array);
			if (!decoded.ok) {
				problems.push({ file: path, notice: say('notes-note-unreadable', { path, reason: decoded.error }) });
				continue;
			}
			const decodeWarnings = decoded.warnings.map((warning) => say('notes-note-decoded', { path, warning }));
			read.push({ folder, path, decodeWarnings, drafts: readNote(decoded.text, path) });
		}
	}
	nameByFolders(read);

	const reports: NoteReport[] = [];
	const made: { folder: Folder; path: string; deck: Deck }[] = [];
	for (const { folder, path, decodeWarnings, drafts, deckName } of read) {
		warnings.push(...decodeWarnings);
		const { deck, report } = deckOfNote(drafts, deckName);
		reports.push(report);
		warnings.push(...report.warnings.map(({ line, ...warning }) => say('notes-note-warning', { path, line, warning })));
		if (deck.cards.length > 0) made.push({ folder, path, deck });
	}

	const deckFiles = new Map<string, string>();
	const conflicts: { first: string; second: string; deck: string }[] = [];
	const media = new Map<string, MediaFile>();
	for (const { folder, path, deck } of made) {
		const other = deckFiles.get(deck.id);
		if (other !== undefined) {
			conflicts.push({ first: other, second: path, deck: deck.name });
			continue;
		}
		deckFiles.set(deck.id, path);
		const names = options.knownMedia ?? new Set<string>();
		const decks = imageDecks(deck, storedDecks.get(deck.id), options.noteDecks?.get(path) ?? [], names);
		warnings.push(...attachImages(deck, path, folder, media, { names, decks }));
		warnings.push(...attachSounds(deck, path, folder, media, { names, decks }));
		bundle.decks.push(deck);
	}

	if (conflicts.length > 0) throw refuse('notes-same-deck', { conflicts });
	const unreadable = problems.map((problem) => problem.notice);
	if (problems.length > 0 && !options.skipUnreadable) {
		throw unreadable.length === 1 ? new ImportError(unreadable[0] as ImportNotice) : refuse('notes-files-refused', { problems: unreadable });
	}
	if (bundle.decks.length === 0) throw refuse('notes-no-cards', { from: reports.length === 1 ? 'this-note' : 'these-files', read: reports.length > 0, problems: unreadable });
	bundle.media = [...media.values()];
	bundle.warnings = [...unreadable.map((problem) => say('notes-skipped', { problem })), ...warnings];
	return { bundle, reports, skipped: problems };
}

/** A note decoded and read into its cards' drafts, before its deck is named (`deckName`: nameByFolders's, if any). */
interface ReadNote {
	folder: Folder;
	path: string;
	decodeWarnings: ImportNotice[];
	drafts: NoteDrafts;
	deckName?: string;
}

/**
 * Notes of one title in different folders (a vault's `Biology/Overview.md` and `Chemistry/Overview.md`) make
 * decks named by their folders, as sub-decks: `Biology::Overview`, by the nearest folder, or by as much more of
 * the path as tells them apart (a note at the top keeps its name). Only notes that make cards and whose decks
 * would be one are renamed, so every other note keeps its deck and its cards' ids; and the names come from the
 * paths alone, so importing the vault again lands on the same decks. Notes that no folder tells apart stay as
 * they are, for the refusal.
 */
function nameByFolders(read: ReadNote[]): void {
	const byDeck = groupBy(
		read.filter((note) => note.drafts.cardCount > 0),
		(note) => deckIdFor(note.drafts.name)
	);
	for (const same of byDeck.values()) {
		if (same.length < 2) continue;
		const folders = same.map((note) => note.path.split('/').slice(0, -1));
		const deepest = Math.max(...folders.map((parts) => parts.length));
		for (let depth = 1; depth <= deepest; depth++) {
			const names = same.map((note, index) => [...(folders[index] as string[]).slice(-depth), note.drafts.name].join('::'));
			if (new Set(names.map(deckIdFor)).size < names.length) continue;
			for (const [index, note] of same.entries()) note.deckName = names[index];
			break;
		}
	}
}

/**
 * The decks whose stored images a note's deck may show, its own first: the note made a deck before, of its
 * id (`own`, from whichever file) or, under another title, of the same file (`earlier`, the latest first),
 * and that deck's cards show images stored under its id, or under the id of a deck it took its cards from
 * before. An earlier deck of another title counts only when the merge will hand its cards to this one
 * (`retitledMatches`): two notes of the same file name (two folders' `notes.md`) are other notes, and one
 * never shows the other's pictures.
 */
function imageDecks(deck: Deck, own: StoredNoteDeck | undefined, earlier: readonly StoredNoteDeck[], names: ReadonlySet<string>): string[] {
	const same = own ? [own] : earlier.filter((stored) => stored.open && retitledMatches(stored.cards, deck.cards, deck.id).length > 0);
	const shownUnder = same.flatMap((stored) => stored.images.filter((src) => names.has(src) && src.includes('/')).map((src) => src.slice(0, src.indexOf('/'))));
	return [...new Set([deck.id, ...same.map((stored) => stored.id), ...shownUnder])];
}

/** The media the store has that a note's images may be (notesToBundle's `knownMedia`), and the decks whose names they may be under, the note's own first. */
interface StoredMedia {
	names: ReadonlySet<string>;
	decks: readonly string[];
}

/**
 * The stored media name of a note's image: `<deck id>/<path>`; for a loose
 * note (its folder unknown), also the one stored name of the deck that ends
 * with the path, as a zip whose note sat in a subfolder named it. Exactly
 * first, then differing only in case; several that fit are no answer. Under
 * the note's own deck first, then under the decks made from the same note
 * file before its title changed, latest first.
 */
function storedImage(stored: StoredMedia, path: string, folder: Folder): string | undefined {
	for (const deckId of stored.decks) {
		const name = `${deckId}/${path}`;
		if (stored.names.has(name)) return name;
		const ofDeck = [...stored.names].filter((known) => known.startsWith(`${deckId}/`));
		const [foldedName, foldedEnd] = [foldName(name), `/${foldName(path)}`];
		const match = matchFirst(ofDeck, [
			...(folder.sorted ? [] : [(known: string) => known.endsWith(`/${path}`)]),
			(known) => foldName(known) === foldedName,
			...(folder.sorted ? [] : [(known: string) => foldName(known).endsWith(foldedEnd)])
		]);
		if (match) return 'found' in match ? match.found : undefined;
	}
	return undefined;
}

/** Brings a deck's relative images along as media; returns warnings for the ones not found. */
function attachImages(deck: Deck, notePath: string, folder: Folder, media: Map<string, MediaFile>, stored: StoredMedia): ImportNotice[] {
	const missing = new Set<string>();
	const ambiguous = new Set<string>();
	for (const card of deck.cards) {
		card.images = card.images.map((image) => {
			const path = resolveImage(notePath, image.src);
			if (path === undefined) return image;
			const name = `${deck.id}/${path}`;
			const found = findMedia(folder, path, !/[\\/]/.test(image.src), imageTypeOf);
			if (found && 'found' in found) {
				if (!media.has(name)) media.set(name, { name, type: imageTypeOf(found.found) as string, bytes: folder.files.get(found.found) as Uint8Array });
				return { ...image, src: name };
			}
			if (found) ambiguous.add(readableName(image.src));
			const storedName = storedImage(stored, path, folder);
			if (storedName !== undefined) return { ...image, src: storedName };
			if (!found) missing.add(readableName(image.src));
			return image;
		});
	}
	const warnings: ImportNotice[] = [];
	if (ambiguous.size > 0) warnings.push(say('notes-ambiguous-images', { path: notePath, images: [...ambiguous] }));
	if (missing.size > 0) {
		const images = [...missing].slice(0, MAX_MISSING_IMAGES_LISTED);
		warnings.push(say('notes-missing-images', { path: notePath, images, more: missing.size - images.length }));
	}
	return warnings;
}

/**
 * Brings the sounds a deck's cards play (`[sound:…]` with a relative path: an embed the generator wrote, or a tag
 * the note has) along as media, found and named as images are (`<deck id>/<path>`); returns warnings for the
 * ones not found, whose tags stay as written: the card says the sound is not available.
 */
function attachSounds(deck: Deck, notePath: string, folder: Folder, media: Map<string, MediaFile>, stored: StoredMedia): ImportNotice[] {
	const missing = new Set<string>();
	const ambiguous = new Set<string>();
	const storedName = (written: string): string | undefined => {
		if (audioTypeOf(written) === undefined) return undefined;
		const path = resolveImage(notePath, written);
		if (path === undefined) return undefined;
		const name = `${deck.id}/${path}`;
		const found = findMedia(folder, path, !/[\\/]/.test(written), audioTypeOf);
		if (found && 'found' in found) {
			if (!media.has(name)) media.set(name, { name, type: audioTypeOf(found.found) as string, bytes: folder.files.get(found.found) as Uint8Array });
			return name;
		}
		if (found) ambiguous.add(written);
		const known = storedImage(stored, path, folder);
		if (known !== undefined) return known;
		if (!found) missing.add(written);
		return undefined;
	};
	for (const card of deck.cards) {
		card.front = rewriteSoundTags(card.front, storedName);
		card.back = rewriteSoundTags(card.back, storedName);
	}
	const warnings: ImportNotice[] = [];
	if (ambiguous.size > 0) warnings.push(say('notes-ambiguous-sounds', { path: notePath, sounds: [...ambiguous] }));
	if (missing.size > 0) {
		const sounds = [...missing].slice(0, MAX_MISSING_IMAGES_LISTED);
		warnings.push(say('notes-missing-sounds', { path: notePath, sounds, more: missing.size - sounds.length }));
	}
	return warnings;
}
