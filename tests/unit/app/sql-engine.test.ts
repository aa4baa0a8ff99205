import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSqlEngine, SqlEngineUnavailableError } from '../../../src/lib/app/sql-engine';

// Node runs sql.js's Node build, whose WebAssembly is its own file: the one the browser's build would fetch.
const NODE_WASM = readFileSync(new URL('../../../node_modules/sql.js/dist/sql-wasm.wasm', import.meta.url));

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('loadSqlEngine', () => {
	it('offline, with the WebAssembly never cached, fails with an error of its own', async () => {
		const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
		vi.stubGlobal('fetch', fetch);
		const loading = loadSqlEngine();
		await expect(loading).rejects.toBeInstanceOf(SqlEngineUnavailableError);
		await expect(loading).rejects.toThrow(/Failed to fetch/);
		expect(fetch).toHaveBeenCalledTimes(1);
		// A response that is no WebAssembly (a 404 after a deploy, an offline page) is the same failure.
		vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 504, statusText: 'Gateway Timeout' })));
		await expect(loadSqlEngine()).rejects.toBeInstanceOf(SqlEngineUnavailableError);
	});

	it('starts sql.js with the WebAssembly it fetched, asking for no other file', async () => {
		const fetch = vi.fn((_url: string) => Promise.resolve(new Response(NODE_WASM, { status: 200, headers: { 'Content-Type': 'application/wasm' } })));
		vi.stubGlobal('fetch', fetch);
		const sql = await loadSqlEngine();
		expect(fetch).toHaveBeenCalledTimes(1);
		expect(String(fetch.mock.calls[0]?.[0])).toMatch(/sql-wasm-browser.*\.wasm$/);
		const db = new sql.Database();
		expect(db.exec('SELECT 6 * 7')[0]?.values).toEqual([[42]]);
		db.close();
	});
});
