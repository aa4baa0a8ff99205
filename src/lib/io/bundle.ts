/**
 * What every importer produces and every exporter starts from: decks of cards,
 * the cards' progress and review log, media files and (for a full backup) the
 * settings. Parsing a file (JSON, CSV, Markdown, .apkg) only ever builds a
 * bundle; the storage layer previews and applies it in one transaction, so
 * no format touches the database and every format gets the same merge rules.
 */
import type { Deck } from '../notes/deck-format';
import type { ReviewRow } from '../srs/history';

/** Where a card stands beside its log: what folding the log cannot tell. */
export interface CardProgress {
	suspended: boolean;
	/** Buried: out of every queue until this study day. */
	buriedUntil?: number;
	/** When the learner last changed this (UTC ms): merges keep the later one. */
	updatedAt: number;
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
	/** Things the parser skipped or changed, in words for the learner. */
	warnings: string[];
}

/** A file the importers refuse: the message names the problem, for the learner. */
export class ImportError extends Error {
	override name = 'ImportError';
}

export function emptyBundle(source: BundleSource, name: string): ImportBundle {
	return { source, name, decks: [], progress: {}, reviews: [], media: [], warnings: [] };
}
