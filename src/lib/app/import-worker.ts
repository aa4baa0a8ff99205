/// <reference lib="webworker" />
/**
 * The import worker: reads the chosen files and parses them (unzipping,
 * SQLite, zstd, CSV, the notes generator), previews the result against the
 * store and stores it, all off the page's thread, so the page stays
 * responsive and a cancel (or a closed tab) simply ends the worker: the
 * store's one transaction then never commits.
 */
import { applyImport, database, mediaNames, noteDecks, previewImport } from '$lib/db';
import { isStorageFull } from '$lib/db/storage-full';
import { ImportError, type ImportBundle } from '$lib/io/bundle';
import { delimitedToBundle, parseDelimited, type DelimitedTable } from '$lib/io/delimited';
import { namedRefusal, readImportFiles, type ImportFile } from '$lib/io/read-import';
import type { NoteReport } from '$lib/notes/generate';
import { refuse } from '$lib/io/notices';
import type { ImportWorkerReply, ImportWorkerRequest, TableSample } from './import-protocol';
import { loadSqlEngine, SqlEngineUnavailableError } from './sql-engine';

const worker = self as unknown as DedicatedWorkerGlobalScope;
/** Rows of a table the page shows before its columns are confirmed. */
const SAMPLE_ROWS = 5;

function reply(message: ImportWorkerReply): void {
	worker.postMessage(message);
}

/** SQLite is large (about 290 kB compressed): loaded only when an Anki file is opened, its wasm from our own origin (sql-engine.ts). */
async function loadSql() {
	try {
		return await loadSqlEngine();
	} catch (error) {
		// Offline before it was ever fetched: the refusal says so, in the learner's language.
		throw error instanceof SqlEngineUnavailableError ? refuse('anki-needs-sql-engine') : error;
	}
}

let table: { table: DelimitedTable; fileName: string; bytes: Uint8Array } | undefined;
let bundle: ImportBundle | undefined;

/** What the page shows of the table read: its first rows and how it was read. */
function sample(read: DelimitedTable, fileName: string): TableSample {
	const { columns, columnKinds, rows, suggested, deckName, warnings, delimiter, hasHeader, html } = read;
	return { fileName, columns, columnKinds, rows: rows.slice(0, SAMPLE_ROWS), rowCount: rows.length, suggested, warnings, delimiter, hasHeader, html, ...(deckName !== undefined && { deckName }) };
}

async function preview(next: ImportBundle, reports: NoteReport[]): Promise<void> {
	bundle = next;
	reply({ type: 'phase', phase: 'preview' });
	const summary = await previewImport(database(), next);
	reply({ type: 'preview', preview: summary, reports, decks: next.decks.map((deck) => ({ id: deck.id, name: deck.name, cards: deck.cards.length })) });
}

async function handle(request: ImportWorkerRequest): Promise<void> {
	switch (request.type) {
		case 'read': {
			const files: ImportFile[] = [];
			for (const file of request.files) files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
			const read = await readImportFiles(files, {
				loadSql,
				now: request.now,
				...(request.dayOptions && { dayOptions: request.dayOptions }),
				onPhase: (phase) => reply({ type: 'phase', phase }),
				knownMedia: () => mediaNames(database()),
				noteDecks: () => noteDecks(database())
			});
			if (read.kind === 'table') {
				table = { table: read.table, fileName: read.fileName, bytes: read.bytes };
				reply({ type: 'table', table: sample(read.table, read.fileName) });
			} else {
				await preview(read.bundle, read.reports);
			}
			return;
		}
		case 'reread': {
			if (!table) throw new Error('No table was read.');
			// A choice that reads nothing (one column, say) is refused, and the table read before stays.
			table = { ...table, table: parseDelimited(table.bytes, request.options) };
			reply({ type: 'table', table: sample(table.table, table.fileName) });
			return;
		}
		case 'map': {
			if (!table) throw new Error('No table was read.');
			const { fileName } = table;
			let next: ImportBundle;
			try {
				next = delimitedToBundle(table.table, request.mapping, { deckName: request.deckName, fileName });
			} catch (error) {
				throw namedRefusal(error, fileName);
			}
			await preview(next, []);
			return;
		}
		case 'apply': {
			if (!bundle) throw new Error('Nothing was read to import.');
			reply({ type: 'phase', phase: 'store' });
			const result = await applyImport(database(), bundle, request.now, (done, total) => reply({ type: 'phase', phase: 'store', stored: { done, total } }));
			reply({ type: 'applied', result });
			return;
		}
	}
}

worker.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
	const request = event.data;
	handle(request).catch((error: unknown) => {
		const message = error instanceof Error ? error.message : String(error);
		const notice = error instanceof ImportError ? error.notice : undefined;
		reply({ type: 'failed', message, ...(notice && { notice }), ...(isStorageFull(error) && { storageFull: true }), stage: request.type === 'apply' ? 'store' : 'read' });
	});
};
