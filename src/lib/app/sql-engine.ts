/**
 * SQLite (sql.js) for the workers that read and write Anki files. Its
 * WebAssembly is large (about 300 kB compressed) and only Anki files need it:
 * the service worker does not install it with the app but caches it the first
 * time it is fetched (src/service-worker.ts, LAZY_CACHE). Both workers load it
 * from here, so they ask for one URL: an Anki import made online lets an Anki
 * export work offline, and the other way round.
 *
 * The wasm is fetched here rather than by sql.js: offline, before it was ever
 * cached, sql.js would fall back to a synchronous request, log three errors and
 * abort with an uncaught error; a fetch that fails is one error, with a name the
 * page can put in words.
 */
import type { SqlJsStatic } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';

/** SQLite's WebAssembly could not be fetched: this device is offline and has never cached it. */
export class SqlEngineUnavailableError extends Error {
	constructor(cause: unknown) {
		super(`SQLite could not be loaded (${wasmUrl}): ${cause instanceof Error ? cause.message : String(cause)}`);
		this.name = 'SqlEngineUnavailableError';
	}
}

async function fetchWasm(): Promise<ArrayBuffer> {
	try {
		const response = await fetch(wasmUrl, { credentials: 'same-origin' });
		if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
		return await response.arrayBuffer();
	} catch (error) {
		throw new SqlEngineUnavailableError(error);
	}
}

/** sql.js, initialised; throws SqlEngineUnavailableError when its WebAssembly cannot be had. */
export async function loadSqlEngine(): Promise<SqlJsStatic> {
	const [wasmBinary, { default: initSqlJs }] = await Promise.all([fetchWasm(), import('sql.js')]);
	return initSqlJs({ wasmBinary });
}
