/** What the browser benchmarks share: the built app served locally, and Debian's Chromium when present. */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface AppServer {
	origin: string;
	stop: () => void;
}

/** Builds the app (unless BENCH_SKIP_BUILD is set) and serves build/ on 127.0.0.1:port. */
export async function serveBuiltApp(port: number): Promise<AppServer> {
	if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'ignore' });
	const origin = `http://127.0.0.1:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { stdio: 'ignore' });
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(origin)).ok) return { origin, stop: () => server.kill() };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	server.kill();
	throw new Error(`the app server did not start on port ${port}`);
}
