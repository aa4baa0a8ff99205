/** The messages between the page and the export worker (export-worker.ts). */
import type { ImportNotice } from '$lib/io/notices';

/** `csv` and `tsv` carry Anki's header lines (Anki imports them as they are); `csv-spreadsheet` a byte order mark and a header row. */
export const DECK_EXPORT_FORMATS = ['json-progress', 'json-plain', 'csv', 'tsv', 'csv-spreadsheet', 'apkg'] as const;
export type DeckExportFormat = (typeof DECK_EXPORT_FORMATS)[number];

export type ExportWorkerRequest = { type: 'backup'; now: number } | { type: 'deck'; deckId: string; format: DeckExportFormat; now: number };

/**
 * Why a file could not be made, where the page has words for it: `sql-engine-unavailable`, SQLite (for an Anki
 * package) could not be fetched, offline before it was ever cached. Otherwise the error's own message.
 */
export type ExportFailureReason = 'sql-engine-unavailable';

/** `warnings`: what the file leaves out or changes (an image not found, cards of no deck), for the learner. */
export type ExportWorkerReply =
	| { type: 'done'; blob: Blob; extension: string; warnings: ImportNotice[] }
	| { type: 'failed'; message: string; reason?: ExportFailureReason };
