/** Media files of imported cards (images), stored so that cards show them offline. */
import type { MediaRecord, RecallDatabase } from './schema';

/** A stored file as a Blob of its type. */
export function mediaBlob(record: Pick<MediaRecord, 'bytes' | 'type'>): Blob {
	if (record.bytes instanceof Blob) return record.bytes.type === record.type ? record.bytes : new Blob([record.bytes], { type: record.type });
	return new Blob([record.bytes as Uint8Array<ArrayBuffer>], { type: record.type });
}

/** The stored files among `names`, by name; names with no file are left out. */
export async function loadMedia(db: RecallDatabase, names: Iterable<string>): Promise<Map<string, Blob>> {
	const wanted = [...new Set(names)];
	const records = await db.media.bulkGet(wanted);
	const found = new Map<string, Blob>();
	for (const record of records) if (record) found.set(record.name, mediaBlob(record));
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
