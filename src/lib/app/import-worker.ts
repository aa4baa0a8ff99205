/// <reference lib="webworker" />
/**
 * The import worker: reads the chosen files and parses them (unzipping,
 * SQLite, zstd, CSV, the notes generator) off the main thread, so the page
 * stays responsive and a cancel can simply end the worker.
 */
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { ImportError } from '$lib/io/bundle';
import { readImportFiles, type ImportFile } from '$lib/io/read-import';
import type { ImportWorkerReply, ImportWorkerRequest } from './import-protocol';

const worker = self as unknown as DedicatedWorkerGlobalScope;

function reply(message: ImportWorkerReply): void {
	worker.postMessage(message);
}

/** SQLite is large (about 250 kB compressed): loaded only when an Anki file is opened, its wasm from our own origin. */
async function loadSql() {
	const { default: initSqlJs } = await import('sql.js');
	return initSqlJs({ locateFile: () => wasmUrl });
}

worker.onmessage = async (event: MessageEvent<ImportWorkerRequest>) => {
	const request = event.data;
	try {
		const files: ImportFile[] = [];
		for (const file of request.files) files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
		const result = await readImportFiles(files, {
			loadSql,
			now: request.now,
			...(request.dayOptions && { dayOptions: request.dayOptions }),
			onPhase: (phase) => reply({ type: 'phase', phase })
		});
		reply({ type: 'done', result });
	} catch (error) {
		const expected = error instanceof ImportError;
		const message = error instanceof Error ? error.message : String(error);
		reply({ type: 'failed', message, expected });
	}
};
