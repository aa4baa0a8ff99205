import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';

// scripts/serve.mjs, run as `npm run preview` does, over a build of two pages written here.
let dir: string;
let server: ChildProcess | undefined;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'recall-serve-'));
});

afterEach(() => {
	server?.kill();
	server = undefined;
	rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

/** A build as `npm run build` leaves it: its files, then the stamp its last step writes. */
function writeBuild(script: string, finishedAt: Date): void {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, '_app', 'immutable'), { recursive: true });
	writeFileSync(join(dir, 'index.html'), `<script src="/_app/immutable/${script}"></script>`);
	writeFileSync(join(dir, '_app', 'immutable', script), `console.log(${JSON.stringify(script)});`);
	writeFileSync(join(dir, '.build-done'), finishedAt.toISOString());
	utimesSync(join(dir, '.build-done'), finishedAt, finishedAt);
}

async function startServer(): Promise<string> {
	const port = await freePort();
	server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((resolve, reject) => {
		server!.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('is being served')) resolve();
		});
		server!.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
	});
	return `http://127.0.0.1:${port}`;
}

it('serves a build finished while it runs from the next request on, not the list of files it started with', async () => {
	writeBuild('start.first.js', new Date('2026-01-01T10:00:00Z'));
	const url = await startServer();
	expect(await (await fetch(`${url}/study/x`)).text()).toContain('start.first.js');

	writeBuild('start.second.js', new Date('2026-01-01T10:05:00Z'));
	// Before, the old list answered: the page named the new script, and the script itself was the fallback page.
	expect(await (await fetch(`${url}/`)).text()).toContain('start.second.js');
	const script = await fetch(`${url}/_app/immutable/start.second.js`);
	expect(script.status).toBe(200);
	expect(await script.text()).toBe('console.log("start.second.js");');
	expect((await fetch(`${url}/_app/immutable/start.first.js`)).status).not.toBe(200);
});
