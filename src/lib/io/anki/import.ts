/**
 * Anki packages (.apkg, .colpkg) and bare collections (.anki2) to an
 * ImportBundle: decks of HTML cards, their scheduling and review history, and
 * the images they show. Pure: sql.js is handed in, so the browser can load it
 * (and its wasm, from our own origin) only when an Anki file is opened.
 */
import type { SqlJsStatic } from 'sql.js';
import type { Card } from '../../notes/deck-format';
import { emptyBundle, ImportError, type ImportBundle, type MediaFile } from '../bundle';
import { MAX_UNZIPPED_BYTES, readZip, type ZipLimits } from '../zip';
import type { DayOptions } from '../../srs/day';
import { groupBy } from '../group-by';
import { isMediaName, nameLookup } from '../media-names';
import { renderCollection } from './cards';
import { UNNAMED_ANKI_COLLECTION, UNNAMED_ANKI_PACKAGE } from './file-names';
import { looksLikeSqlite, readCollectionDatabase, type AnkiCollection } from './collection';
import {
	altFromFileName,
	audioTypeOf,
	contentName,
	decodeEntities,
	imageSources,
	imageTypeOf,
	nameUnnamedImages,
	parseLegacyMediaMap,
	parseMediaEntries,
	referenceCandidates,
	rewriteImageSources,
	rewriteSoundTags,
	soundContentName,
	soundTags,
	type MediaMap
} from './media';
import { importedProgress, importedRows, scheduleContext } from './schedule';
import { isZstd, zstdDecompress, ZstdTooLargeError } from './zstd';
import { refuse, say, type ImportNotice } from '../notices';
import type { AnkiCompressedPart } from '../notices/anki';

export interface AnkiImportOptions {
	/** sql.js, initialised by the caller (`initSqlJs({ locateFile })`). */
	sql: SqlJsStatic;
	/** The day-start hour and time zone that turn times into study days. */
	dayOptions?: DayOptions;
	/** The import's clock (UTC ms): learning cards are due by today, buried ones tomorrow. */
	now?: number;
	/** The file's name, for messages and the cards' source. */
	name?: string;
	/** How far the archive, and every zstd stream in it, may expand. */
	limits?: ZipLimits;
}

/**
 * Anki's first release was in 2006: a card or note id before it (or after the
 * import) is no creation time, as in a package another tool numbered 1, 2, 3.
 */
const FIRST_ANKI_TIME = Date.UTC(2006, 0, 1);

/** Collection files of a package, the preferred first: the latest format beside a dummy legacy one. */
const COLLECTION_FILES = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;

/** Tracks decompressed bytes against the limit, across all zstd streams of one import. */
class Budget {
	constructor(private left: number) {}
	zstd(bytes: Uint8Array, part: AnkiCompressedPart): Uint8Array {
		let out: Uint8Array;
		try {
			out = zstdDecompress(bytes, this.left);
		} catch (error) {
			if (error instanceof ZstdTooLargeError) throw refuse('anki-too-large');
			const reason = error instanceof Error ? error.message : String(error);
			throw refuse('anki-undecompressable', { part, reason });
		}
		this.left -= out.length;
		return out;
	}
}

function parseMediaMap(bytes: Uint8Array, budget: Budget): MediaMap {
	if (isZstd(bytes)) return parseMediaEntries(budget.zstd(bytes, 'media list'));
	// Legacy JSON starts with "{"; anything else is the protobuf list stored plainly.
	const first = bytes.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09);
	return first === undefined || first === 0x7b ? parseLegacyMediaMap(bytes) : parseMediaEntries(bytes);
}

/** Reads an Anki package: .apkg (a deck) or .colpkg (a whole collection); a bare collection is read too. */
export async function readAnkiPackage(bytes: Uint8Array, options: AnkiImportOptions): Promise<ImportBundle> {
	if (bytes.length === 0) throw refuse('anki-empty', { name: options.name, file: 'package' });
	if (looksLikeSqlite(bytes)) return readAnkiCollection(bytes, options);
	const limits = options.limits ?? {};
	const budget = new Budget(limits.maxBytes ?? MAX_UNZIPPED_BYTES);

	// The directory first, inflating nothing: which collection is there decides what to read.
	const names = new Set<string>();
	readZip(bytes, limits, (entry) => {
		names.add(entry);
		return false;
	});
	const collectionFile = COLLECTION_FILES.find((file) => names.has(file));
	if (!collectionFile) throw refuse('anki-no-collection', { name: options.name });
	const files = readZip(bytes, limits, (entry) => entry === collectionFile || entry === 'media');
	let collectionBytes = files.get(collectionFile) as Uint8Array;
	if (collectionFile === 'collection.anki21b' || isZstd(collectionBytes)) collectionBytes = budget.zstd(collectionBytes, 'collection');
	const collection = readCollectionDatabase(options.sql, collectionBytes);

	const warnings: ImportNotice[] = [];
	let mediaMap: MediaMap = new Map();
	const mediaList = files.get('media');
	if (mediaList) {
		try {
			mediaMap = parseMediaMap(mediaList, budget);
		} catch (error) {
			if (error instanceof ImportError) throw error;
			warnings.push(say('anki-media-list-damaged'));
		}
	}
	const media: MediaSource = {
		names: new Set(mediaMap.values()),
		async load(wanted) {
			const entries = new Map<string, string>();
			for (const [entry, mediaName] of mediaMap) if (wanted.has(mediaName)) entries.set(entry, mediaName);
			const found = new Map<string, Uint8Array>();
			if (entries.size === 0) return found;
			for (const [entry, data] of readZip(bytes, limits, (file) => entries.has(file))) {
				// The latest format compresses every media file; the legacy one stores them as they are.
				found.set(entries.get(entry) as string, isZstd(data) ? budget.zstd(data, 'media') : data);
			}
			return found;
		}
	};
	return buildBundle(collection, { ...options, name: options.name ?? UNNAMED_ANKI_PACKAGE }, media, warnings);
}

/** Reads a bare collection file (collection.anki2 / .anki21, or a zstd-compressed .anki21b). It carries no media. */
export async function readAnkiCollection(bytes: Uint8Array, options: AnkiImportOptions): Promise<ImportBundle> {
	if (bytes.length === 0) throw refuse('anki-empty', { name: options.name, file: 'collection' });
	const budget = new Budget(options.limits?.maxBytes ?? MAX_UNZIPPED_BYTES);
	const collection = readCollectionDatabase(options.sql, isZstd(bytes) ? budget.zstd(bytes, 'collection') : bytes);
	return buildBundle(collection, { ...options, name: options.name ?? UNNAMED_ANKI_COLLECTION }, { names: new Set(), load: async () => new Map() }, []);
}

/** The media files a package has, by their Anki names. */
interface MediaSource {
	names: ReadonlySet<string>;
	/** The bytes of the files asked for (those there are). */
	load(names: ReadonlySet<string>): Promise<Map<string, Uint8Array>>;
}

async function buildBundle(
	collection: AnkiCollection,
	options: AnkiImportOptions & { name: string },
	media: MediaSource,
	warnings: ImportNotice[]
): Promise<ImportBundle> {
	const bundle = emptyBundle('apkg', options.name);
	const rendered = renderCollection(collection, options.name);
	bundle.decks = rendered.decks;
	if (Object.keys(rendered.deckOptions).length > 0) bundle.deckOptions = rendered.deckOptions;
	bundle.warnings = [...warnings, ...rendered.warnings];

	const schedule = scheduleContext({
		created: collection.created,
		schedulerVersion: collection.schedulerVersion,
		now: options.now ?? Date.now(),
		...(options.dayOptions ? { dayOptions: options.dayOptions } : {})
	});
	const logByCard = groupBy(collection.revlog, (entry) => entry.card);
	bundle.contentAt = {};
	bundle.createdAt = {};
	const now = options.now ?? Date.now();
	for (const { card, anki, noteId, editedSinceExport, contentAt } of rendered.cards) {
		bundle.progress[card.id] = importedProgress(anki, schedule);
		bundle.contentAt[card.id] = contentAt;
		// Anki's ids are creation times (ms): the card's "Added", as Anki shows it, not the day of the import.
		const createdAt = [anki.id, noteId].find((id) => id >= FIRST_ANKI_TIME && id <= now);
		if (createdAt !== undefined) bundle.createdAt[card.id] = createdAt;
		if (editedSinceExport !== undefined) (bundle.editedSinceExport ??= {})[card.id] = editedSinceExport;
		bundle.reviews.push(...importedRows(anki, logByCard.get(anki.id) ?? [], { card: card.id, deck: card.deck }, schedule));
	}

	await attachMedia(bundle, rendered.cards.map((entry) => entry.card), media);
	return bundle;
}

/**
 * Stores the images the cards show and the sounds they play under content names and points the cards' `<img src>`
 * and `[sound:…]` at them. Video is not imported (its [sound:] tags are already gone), nor are files no card names.
 */
async function attachMedia(
	bundle: ImportBundle,
	cards: Pick<Card, 'front' | 'back' | 'clozeSource'>[],
	media: MediaSource
): Promise<void> {
	// Each src as written in the HTML → the Anki media name it means: one of its spellings exactly, else the one
	// media name alike but for case (a package made where names ignore case); several alike are not guessed between.
	const sources = new Map<string, string | undefined>();
	const sounds = new Map<string, string | undefined>();
	const lookup = nameLookup(media.names);
	const mediaName = (src: string) => {
		const spellings = referenceCandidates(src);
		const found = spellings.find((candidate) => media.names.has(candidate));
		if (found !== undefined) return found;
		for (const candidate of spellings) {
			const match = lookup(candidate);
			if (match) return 'found' in match ? match.found : undefined;
		}
		return undefined;
	};
	for (const card of cards) {
		for (const src of [...imageSources(card.front), ...imageSources(card.back)]) {
			if (sources.has(src) || !isMediaName(src)) continue;
			sources.set(src, mediaName(src));
		}
		for (const name of [...soundTags(card.front), ...soundTags(card.back)]) {
			if (!sounds.has(name)) sounds.set(name, mediaName(name));
		}
	}
	const isImage = (name: string | undefined): name is string => name !== undefined && imageTypeOf(name) !== undefined;
	const isSound = (name: string | undefined): name is string => name !== undefined && audioTypeOf(name) !== undefined;
	const wanted = new Set([...[...sources.values()].filter(isImage), ...[...sounds.values()].filter(isSound)]);
	const loaded = await media.load(wanted);

	const stored = new Map<string, string>();
	const storedNames = new Set<string>();
	for (const [ankiName, bytes] of loaded) {
		const type = imageTypeOf(ankiName) ?? (audioTypeOf(ankiName) as string);
		// A sound keeps its name beside its hash: its play button is called by it (io/sound-tags.ts).
		const name = imageTypeOf(ankiName) !== undefined ? await contentName(bytes, ankiName) : await soundContentName(bytes, ankiName);
		stored.set(ankiName, name);
		// The same picture under two names is stored once.
		if (storedNames.has(name)) continue;
		storedNames.add(name);
		bundle.media.push({ name, type, bytes } satisfies MediaFile);
	}
	const storedAs = (names: ReadonlyMap<string, string | undefined>) => (written: string) => {
		const ankiName = names.get(written);
		return ankiName === undefined ? undefined : stored.get(ankiName);
	};
	const rename = storedAs(sources);
	const renameSound = storedAs(sounds);
	// Named by the file's name as the note writes it, before the src becomes a content hash that says nothing.
	const altOf = (src: string) => altFromFileName(decodeEntities(src));
	const withStoredMedia = (html: string) => rewriteSoundTags(rewriteImageSources(nameUnnamedImages(html, altOf), rename), renameSound);
	for (const card of cards) {
		card.front = withStoredMedia(card.front);
		card.back = withStoredMedia(card.back);
		// The text its cards are made of again names the images as they do.
		if (card.clozeSource) card.clozeSource.text = withStoredMedia(card.clozeSource.text);
	}

	const unresolved = (names: ReadonlyMap<string, string | undefined>) =>
		[...names].filter(([, ankiName]) => ankiName === undefined || !stored.has(ankiName)).map(([written]) => written);
	const missingImages = unresolved(sources);
	if (missingImages.length > 0) {
		bundle.warnings.push(say('anki-missing-images', { count: missingImages.length, shown: missingImages.slice(0, 5) }));
	}
	const missingSounds = unresolved(sounds).map(decodeEntities);
	if (missingSounds.length > 0) {
		bundle.warnings.push(say('anki-missing-sounds', { count: missingSounds.length, shown: missingSounds.slice(0, 5) }));
	}
}
