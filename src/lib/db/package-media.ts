/**
 * An Anki package's media files that the store already holds under another name. The package reader names each
 * file by its content (io/anki/media.ts): the same picture in two packages is one file. But a picture a note
 * brought is stored under the note's name for it (`<deck id>/<path>`), and Recall's own .apkg of that note's deck
 * carries it under the name Anki keeps it by: imported back, it would be stored a second time under its hash name,
 * though no card shows that copy (the cards keep their note's content).
 *
 * So a file the store has under another name is not stored again, and the package's cards that show it are
 * pointed at the stored name. Which stored files to compare with, the cards say: the stored cards the package
 * brings again, whose images and sounds are the ones its copies may be of. The store keeps no index of its
 * files' sizes or hashes, and reading every stored file's bytes on every import would cost a large store dearly.
 *
 * Only for a package's files, named by their content, where any name holding the same bytes is as good: a note's
 * file name is what the next import of that note finds it by, and a backup's are the names it restores. A card of
 * the package pointed at a note's file shows what that note's file is: a note imported again with another picture
 * under that path shows it on that card too, as on the note's own cards it is a copy of.
 *
 * Decided in the merge, not the reader, for the reason package-rows.ts gives: only the merge sees the store.
 */
import type { MediaFile } from '../io/bundle';
import { mediaNameCandidates } from '../io/card-images';
import { renameImageSources } from '../io/anki/media';
import { rewriteSoundTags } from '../io/sound-tags';
import type { Card } from '../notes/deck-format';
import { sameValue } from '../io/same-value';
import type { MediaRecord, RecallDatabase } from './schema';

/**
 * The bundle's files that the store holds, with the same type and bytes, under another name among the files
 * `storedCards` show or play: by the file's name, the stored name. `storedByName` is the store's record of each
 * file's own name (undefined where it has none), in the order of `files`: a file stored under its own name is
 * no copy. A file stored as a Blob is not compared (reading it would end the merge's transaction).
 */
export async function filesHeldElsewhere(
	db: RecallDatabase,
	files: readonly MediaFile[],
	storedByName: readonly (MediaRecord | undefined)[],
	storedCards: Iterable<Card>
): Promise<Map<string, string>> {
	const held = new Map<string, string>();
	const unstored = files.filter((_, index) => storedByName[index] === undefined);
	if (unstored.length === 0) return held;
	const ownNames = new Set(files.map((file) => file.name));
	const names = [...mediaNameCandidates(storedCards)].filter((name) => !ownNames.has(name));
	if (names.length === 0) return held;
	const candidates = (await db.media.bulkGet(names)).filter((record): record is MediaRecord => record !== undefined && record.bytes instanceof Uint8Array);
	for (const file of unstored) {
		const same = candidates.find((record) => record.type === file.type && record.size === file.bytes.length && sameValue(record.bytes, file.bytes));
		if (same) held.set(file.name, same.name);
	}
	return held;
}

/** `card` with its images and sounds named by `renamed` (a file's name → the stored name that holds its bytes) where it gives a name. */
export function withStoredNames<T extends Card>(card: T, renamed: ReadonlyMap<string, string>): T {
	const rename = (name: string) => renamed.get(name);
	const html = (text: string) => rewriteSoundTags(renameImageSources(text, rename), rename);
	const out: T = { ...card, front: html(card.front), back: html(card.back), images: card.images.map((image) => ({ ...image, src: renamed.get(image.src) ?? image.src })) };
	if (card.clozeSource) out.clozeSource = { ...card.clozeSource, text: html(card.clozeSource.text) };
	return out;
}
