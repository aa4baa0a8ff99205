/** Media files of imported cards (images), stored so that cards show them offline. */
import { groupBy } from '../io/group-by';
import { referenceCandidates } from '../io/media-names';
import type { MediaRecord, RecallDatabase } from './schema';

/** A stored file as a Blob of its type. */
export function mediaBlob(record: Pick<MediaRecord, 'bytes' | 'type'>): Blob {
	if (record.bytes instanceof Blob) return record.bytes.type === record.type ? record.bytes : new Blob([record.bytes], { type: record.type });
	return new Blob([record.bytes as Uint8Array<ArrayBuffer>], { type: record.type });
}

/**
 * The stored files among `names`, by the name asked for; names with no file are left out. A name is
 * looked up as card HTML or Markdown may spell it (io/media-names.ts): `my%20map.png`, as markdown-it
 * writes a Markdown image's path, finds `my map.png`, as an export finds it (io/card-images.ts).
 */
export async function loadMedia(db: RecallDatabase, names: Iterable<string>): Promise<Map<string, Blob>> {
	const wanted = [...new Set(names)].map((name) => ({ name, spellings: referenceCandidates(name) }));
	const records = await db.media.bulkGet([...new Set(wanted.flatMap((name) => name.spellings))]);
	const stored = new Map(records.filter((record) => record !== undefined).map((record) => [record.name, record]));
	const found = new Map<string, Blob>();
	for (const { name, spellings } of wanted) {
		const record = spellings.map((spelling) => stored.get(spelling)).find((candidate) => candidate !== undefined);
		if (record) found.set(name, mediaBlob(record));
	}
	return found;
}

/**
 * The names of every stored media file (keys only, no bytes): what a note's
 * import may point its images at without the files being chosen again
 * (readImportFiles' `knownMedia`).
 */
export async function mediaNames(db: RecallDatabase): Promise<Set<string>> {
	return new Set(await db.media.toCollection().primaryKeys());
}

/** A stored file's bytes, whichever way it was stored. */
export async function mediaBytes(record: Pick<MediaRecord, 'bytes'>): Promise<Uint8Array> {
	return record.bytes instanceof Blob ? new Uint8Array(await record.bytes.arrayBuffer()) : record.bytes;
}

/**
 * The ids of the stored decks made from each note file (their `source`), the
 * latest changed first, retired ones too: a note whose title changed makes a
 * deck of another id, and the images its earlier deck stored are named by
 * that deck's id (readImportFiles' `noteDecks`).
 */
export async function noteDecks(db: RecallDatabase): Promise<Map<string, string[]>> {
	const decks = (await db.decks.toArray()).filter((deck) => deck.source !== undefined).sort((a, b) => b.updatedAt - a.updatedAt);
	const ids = groupBy(decks, (deck) => deck.source as string);
	return new Map([...ids].map(([source, list]) => [source, list.map((deck) => deck.id)]));
}
