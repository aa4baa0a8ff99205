/// <reference lib="webworker" />
/**
 * The export worker: reads what is exported from the store and writes the file
 * (a backup's 100 MB of JSON, gzipped; an Anki package's SQLite) off the page's thread.
 * Card sides go to Anki as HTML rendered without a DOM (render/markdown.ts):
 * Markdown through markdown-it, which escapes raw HTML and refuses active URLs;
 * HTML sides (imported from Anki or a CSV) as they were imported.
 */
import { database, loadSettings } from '$lib/db';
import { exportBackup, exportDeck } from '$lib/db/exports';
import { serializeBackup } from '$lib/io/backup';
import { missingMediaWarnings } from '$lib/io/card-images';
import { deckToDelimited } from '$lib/io/delimited';
import { gzip } from '$lib/io/gzip';
import { cardSideExportHtml } from '$lib/render/markdown';
import { say } from '$lib/io/notices';
import type { ExportWorkerReply, ExportWorkerRequest } from './export-protocol';
import { loadSqlEngine, SqlEngineUnavailableError } from './sql-engine';

const worker = self as unknown as DedicatedWorkerGlobalScope;

/**
 * The browser's own gzip where it has one (a stream, so the JSON is never
 * copied into another array, and native zlib is several times faster);
 * fflate's otherwise (Safari before 16.4).
 */
async function gzipBlob(blob: Blob): Promise<Blob> {
	if (typeof CompressionStream === 'function') {
		const compressed = await new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).blob();
		return new Blob([compressed], { type: 'application/gzip' });
	}
	return new Blob([gzip(new Uint8Array(await blob.arrayBuffer()))], { type: 'application/gzip' });
}

type ExportedFile = Omit<Extract<ExportWorkerReply, { type: 'done' }>, 'type'>;

async function makeFile(request: ExportWorkerRequest): Promise<ExportedFile> {
	const db = database();
	if (request.type === 'backup') {
		const bundle = await exportBackup(db, request.now);
		// Gzipped: a tenth of the size to keep and share (io/gzip.ts); the import reads it as it is.
		const blob = await gzipBlob(new Blob([serializeBackup(bundle, request.now)]));
		// An image a card names that is not on this device, as a deck's file says it.
		return { blob, extension: 'json.gz', warnings: [...bundle.warnings, ...missingMediaWarnings(bundle)] };
	}
	const { deckId, format } = request;
	const bundle = await exportDeck(db, deckId, { withProgress: format === 'json-progress' || format === 'apkg' });
	const { warnings } = bundle;
	// An image a card names that is not on this device (an Anki package's left out of it, say); the package's writer says so itself.
	if (format !== 'apkg') warnings.push(...missingMediaWarnings(bundle));
	switch (format) {
		case 'json-progress':
		case 'json-plain':
			return { blob: new Blob([serializeBackup(bundle, request.now)], { type: 'application/json' }), extension: 'json', warnings };
		case 'csv':
		case 'tsv': {
			const delimiter = format === 'csv' ? ',' : '\t';
			const text = deckToDelimited(bundle, deckId, delimiter, { renderSide: cardSideExportHtml });
			// The images' files cannot go in a table: the Anki package carries them.
			const withImages = bundle.decks[0]?.cards.filter((card) => card.images.length > 0 || /<img\b/i.test(card.back) || /<img\b/i.test(card.front)).length ?? 0;
			if (withImages > 0) warnings.push(say('table-export-images-left-out', { count: withImages }));
			return { blob: new Blob([text], { type: format === 'csv' ? 'text/csv' : 'text/tab-separated-values' }), extension: format, warnings };
		}
		case 'csv-spreadsheet':
			return { blob: new Blob([deckToDelimited(bundle, deckId, ',', { ankiHeaders: false, renderSide: cardSideExportHtml })], { type: 'text/csv' }), extension: 'csv', warnings };
		case 'apkg': {
			const [sql, { writeAnkiPackage }, settings] = await Promise.all([loadSqlEngine(), import('$lib/io/anki/export'), loadSettings(db)]);
			const bytes = writeAnkiPackage(bundle, {
				sql,
				now: request.now,
				dayOptions: { dayStartHour: settings.dayStartHour },
				onWarning: (notice) => warnings.push(notice),
				renderSide: cardSideExportHtml,
				globalOptions: settings
			});
			return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), extension: 'apkg', warnings };
		}
	}
}

worker.onmessage = (event: MessageEvent<ExportWorkerRequest>) => {
	makeFile(event.data).then(
		(file) => worker.postMessage({ type: 'done', ...file } satisfies ExportWorkerReply),
		(error: unknown) =>
			worker.postMessage({
				type: 'failed',
				message: error instanceof Error ? error.message : String(error),
				...(error instanceof SqlEngineUnavailableError && { reason: 'sql-engine-unavailable' })
			} satisfies ExportWorkerReply)
	);
};
