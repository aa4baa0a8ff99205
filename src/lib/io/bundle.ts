/**
 * What every importer produces and every exporter starts from: decks of cards,
 * the cards' progress and review log, media files and (for a full backup) the
 * settings. Parsing a file (JSON, CSV, Markdown, .apkg) only ever builds a
 * bundle; the storage layer previews and applies it in one transaction, so
 * no format touches the database and every format gets the same merge rules.
 */
import type { Deck } from '../notes/deck-format';
import type { ReviewRow } from '../srs/history';
// Types only: the catalogs' sentences load with the importers that say them, not with every page that reads a bundle.
import type { ImportNotice } from './notices';

/** Where a card stands beside its log: what folding the log cannot tell. */
export interface CardProgress {
	suspended: boolean;
	/** Buried: out of every queue until this study day. */
	buriedUntil?: number;
	/** Gone from its note: kept for its history, out of every queue (absent: false). */
	retired?: boolean;
	/** Deleted by the learner (it is retired too): kept for its history, shown nowhere (absent: false). */
	deleted?: boolean;
	/**
	 * Deleted when it was already retired (gone from its note): restoring its deleted deck keeps it retired rather
	 * than bringing it into the queues (absent: false).
	 */
	retiredWhenDeleted?: boolean;
	/** When this last changed (UTC ms; 0 if never): merges keep the later one. */
	updatedAt: number;
}

export type DeckOrigin = 'built-in' | 'import' | 'manual';

/** A deck's own daily limits, order of new cards and leech options (each absent: the global setting). */
export interface DeckOptionsMeta {
	newPerDay?: number;
	reviewsPerDay?: number;
	newOrder?: 'note' | 'random';
	buryNewSiblings?: boolean;
	buryReviewSiblings?: boolean;
	leechThreshold?: number;
	leechAction?: 'suspend' | 'tag';
}

/** A deck's bookkeeping in the store, carried by backups so that a restore is exact. */
export interface DeckMeta {
	origin?: DeckOrigin;
	/** Gone from the build (a built-in deck no longer shipped), or deleted. */
	retired?: boolean;
	/** When the learner deleted the deck (UTC ms; it is retired too), with its cards (absent: not deleted). */
	deletedAt?: number;
	/** When the learner renamed the deck (UTC ms; absent: never): merges keep the later name. */
	nameAt?: number;
	/** Content hash of the built-in deck as last applied. */
	hash?: string;
	/** The learner's options for the deck. */
	options?: DeckOptionsMeta;
	createdAt?: number;
	updatedAt?: number;
}

/** A card's bookkeeping in the store, carried by backups so that a restore is exact. */
export interface CardMeta {
	/** Position among its deck's new cards. */
	order?: number;
	/** When its content last changed (UTC ms; absent: before any change known): a merge keeps the newer content. */
	contentAt?: number;
	createdAt?: number;
	updatedAt?: number;
}

/**
 * What a backup keeps of the store's own records besides the deck content,
 * by deck id and card id. Only Recall's own exports have it; other importers
 * leave it out and the store picks defaults.
 */
export interface StoreMeta {
	decks: Record<string, DeckMeta>;
	cards: Record<string, CardMeta>;
	/** By file name: when it was first stored (UTC ms). */
	media?: Record<string, { addedAt?: number }>;
}

export interface MediaFile {
	/** The name card HTML refers to (`<img src="name">`). */
	name: string;
	/** MIME type, e.g. "image/png". */
	type: string;
	bytes: Uint8Array;
}

export type BundleSource = 'backup' | 'deck' | 'markdown' | 'csv' | 'apkg';

export interface ImportBundle {
	source: BundleSource;
	/** File name(s) the bundle was read from, for messages. */
	name: string;
	decks: Deck[];
	/** By card id; a card without an entry is neither suspended nor buried. */
	progress: Record<string, CardProgress>;
	/** The review log of the bundle's cards; a card's schedule is the fold of its rows (see srs/history.ts). */
	reviews: ReviewRow[];
	media: MediaFile[];
	/** A full backup's settings, by key. */
	settings?: Record<string, unknown>;
	/** When each of those settings was last changed on the device that made the backup (field → UTC ms); a field absent: not known. */
	settingsAt?: Record<string, number>;
	/** Recall's own exports: the store's bookkeeping of decks and cards. */
	store?: StoreMeta;
	/**
	 * An Anki package's cards that Recall exported, by id: whether they were
	 * edited since (in Anki). A card not edited brings only its progress: its
	 * content is Anki's HTML of what the store has (anki/custom-data.ts).
	 */
	editedSinceExport?: Record<string, boolean>;
	/**
	 * When each card's content last changed in the app that wrote the file (UTC ms), for a file that says so
	 * without being Recall's own (a backup dates its cards in `store`): an Anki package's note or card `mod`.
	 * The merge keeps the newer content, so packages imported in any order leave the same cards.
	 */
	contentAt?: Record<string, number>;
	/**
	 * When each card was made in the app that wrote the file (UTC ms), for a file that says so without being
	 * Recall's own (a backup dates its cards in `store`): an Anki package's card id (else its note's), a time.
	 * A card new to the store is dated by it, not by the day of the import.
	 */
	createdAt?: Record<string, number>;
	/**
	 * A table Recall exported (its `#recall deck id:` line), imported into the deck it names: the id of the deck
	 * it was exported from, by the id the table's deck has. The merge imports into that deck while the store has
	 * it, whatever it is called now (db/table-rows.ts).
	 */
	exportedFrom?: Record<string, string>;
	/**
	 * A deck's own options as the file that is not Recall's own gives them (an Anki package's options group), by
	 * deck id: a deck new to the store takes them, as a backup's; a deck the store has keeps its own.
	 */
	deckOptions?: Record<string, DeckOptionsMeta>;
	/** Things the parser skipped or changed, for the learner. */
	warnings: ImportNotice[];
}

/** A file the importers refuse: the notice names the problem, for the learner; the message is its English. */
export class ImportError extends Error {
	override name = 'ImportError';
	readonly notice: ImportNotice;

	constructor(notice: ImportNotice) {
		super(notice.message);
		this.notice = notice;
	}
}

export function emptyBundle(source: BundleSource, name: string): ImportBundle {
	return { source, name, decks: [], progress: {}, reviews: [], media: [], warnings: [] };
}
