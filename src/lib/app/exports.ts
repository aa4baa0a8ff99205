/**
 * Making export files: a deck as a Recall file (with or without its progress),
 * a CSV table or an Anki package, and a backup of everything. The work runs in
 * the export worker, so the page stays responsive while a large file is made.
 */
import type { ImportNotice } from '$lib/io/notices';
import type { DeckExportFormat, ExportFailureReason, ExportWorkerReply, ExportWorkerRequest } from './export-protocol';
import { exportFileName } from './save-file';

/** A file made, and what it left out or changed, for the learner. */
export interface ExportedFile {
	file: File;
	warnings: ImportNotice[];
}

type Made = Extract<ExportWorkerReply, { type: 'done' }>;

export { DECK_EXPORT_FORMATS, type DeckExportFormat, type ExportFailureReason } from './export-protocol';

/** The export worker could not make the file; `reason`, when the page has words for why. */
export class ExportError extends Error {
	constructor(
		message: string,
		readonly reason?: ExportFailureReason
	) {
		super(message);
		this.name = 'ExportError';
	}
}

function inWorker(request: ExportWorkerRequest): Promise<Made> {
	const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
	return new Promise<Made>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ExportWorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'done') resolve(reply);
			else reject(new ExportError(reply.message, reply.reason));
		};
		worker.onerror = (event) => reject(new Error(event.message || 'The export stopped.'));
		worker.postMessage(request);
	}).finally(() => worker.terminate());
}

/**
 * Words for the two Recall files of a deck, in the learner's language: both end
 * in .json, and the file name is all a downloads folder shows of them.
 */
export type RecallFileKinds = Record<Extract<DeckExportFormat, 'json-progress' | 'json-plain' | 'csv-spreadsheet'>, string>;

export async function makeDeckExport(deckId: string, deckName: string, format: DeckExportFormat, kinds: RecallFileKinds, now = Date.now()): Promise<ExportedFile> {
	const { blob, extension, warnings } = await inWorker({ type: 'deck', deckId, format, now });
	const kind = format === 'json-progress' || format === 'json-plain' || format === 'csv-spreadsheet' ? kinds[format] : undefined;
	return { file: new File([blob], exportFileName(deckName, extension, new Date(now), kind), { type: blob.type }), warnings };
}

/** Everything on this device: decks, cards, the whole review log, media and settings; `name` is the file's, before its date. */
export async function makeBackup(name: string, now = Date.now()): Promise<ExportedFile> {
	const { blob, extension, warnings } = await inWorker({ type: 'backup', now });
	return { file: new File([blob], exportFileName(name, extension, new Date(now)), { type: blob.type }), warnings };
}
