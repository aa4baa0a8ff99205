/** Media files of imported cards (images and sounds), stored so that cards show and play them offline. */
import { groupBy } from '../io/group-by';
import { referenceCandidates } from '../io/media-names';
import { playableSounds } from '../io/sound-tags';
import type { StoredNoteDeck } from '../io/markdown-notes';
import { cardsInDeck } from './lookups';
import { Queue, type MediaRecord, type RecallDatabase } from './schema';

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
 * The stored decks made from each note file (their `source`), the latest changed first, retired ones too, with
 * their cards: the notes import (readImportFiles' `noteDecks`) finds by them the images (and sounds) a note's cards showed
 * before. A note whose title changed makes a deck of another id, and the images its earlier deck stored are
 * named by that deck's id; which earlier deck it is, its cards tell (io/markdown-notes.ts).
 */
export async function noteDecks(db: RecallDatabase): Promise<Map<string, StoredNoteDeck[]>> {
	const decks = (await db.decks.toArray()).filter((deck) => deck.source !== undefined).sort((a, b) => b.updatedAt - a.updatedAt);
	const stored = await Promise.all(
		decks.map(async (deck) => {
			const cards = await cardsInDeck(db, deck.id).toArray();
			const noteDeck: StoredNoteDeck = {
				id: deck.id,
				// As the merge's renamedDecks asks: a retitled note's deck is a live deck of notes imported.
				open: !deck.retired && deck.origin === 'import',
				cards: cards.filter((card) => card.queue !== Queue.retired).map(({ id, deck, kind, path, front, back }) => ({ id, deck, kind, path, front, back })),
				images: [...new Set(cards.flatMap((card) => [...card.images.map((image) => image.src), ...playableSounds(card.front), ...playableSounds(card.back)]))]
			};
			return { source: deck.source as string, noteDeck };
		})
	);
	const bySource = groupBy(stored, (entry) => entry.source);
	return new Map([...bySource].map(([source, entries]) => [source, entries.map((entry) => entry.noteDeck)]));
}
