/** The messages between the page and the export worker (export-worker.ts). */
export const DECK_EXPORT_FORMATS = ['json-progress', 'json-plain', 'csv', 'apkg'] as const;
export type DeckExportFormat = (typeof DECK_EXPORT_FORMATS)[number];

export type ExportWorkerRequest = { type: 'backup'; now: number } | { type: 'deck'; deckId: string; format: DeckExportFormat; now: number };

export type ExportWorkerReply = { type: 'done'; blob: Blob; extension: string } | { type: 'failed'; message: string };
