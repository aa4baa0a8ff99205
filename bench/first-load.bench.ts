/**
 * The JavaScript the first page (home) loads, gzipped, in kB: what a phone
 * downloads before the app can show anything. Measured in Chromium against the
 * built app, so it counts exactly the modules the page asks for.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Benchmark } from './harness';

const PORT = Number(process.env.BENCH_PORT ?? 4411);
const ORIGIN = `http://127.0.0.1:${PORT}`;

async function firstPageJavaScript(): Promise<{ gzipKb: number; files: number }> {
	if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'ignore' });
	const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
	const browser = await chromium.launch({
		executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		for (let i = 0; i < 100; i++) {
			try {
				if ((await fetch(ORIGIN)).ok) break;
			} catch {
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		}
		const page = await browser.newPage();
		const scripts = new Map<string, Buffer>();
		page.on('response', async (response) => {
			const type = response.headers()['content-type'] ?? '';
			if (response.url().startsWith(ORIGIN) && /javascript/.test(type)) scripts.set(response.url(), await response.body());
		});
		await page.goto(`${ORIGIN}/`, { waitUntil: 'networkidle' });
		await page.getByRole('link', { name: /AWS/ }).first().waitFor();
		const bytes = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
		return { gzipKb: bytes / 1024, files: scripts.size };
	} finally {
		await browser.close();
		server.kill();
	}
}

let result: ReturnType<typeof firstPageJavaScript> | undefined;

export const benchmarks: Benchmark[] = [
	{
		name: 'first page (home): JavaScript loaded, gzipped',
		unit: 'kB',
		target: { max: 60 },
		run: async () => (await (result ??= firstPageJavaScript())).gzipKb
	},
	{
		name: 'first page (home): JavaScript files loaded',
		unit: 'files',
		run: async () => (await (result ??= firstPageJavaScript())).files
	}
];
