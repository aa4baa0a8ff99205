/**
 * The JavaScript the first page (home) loads, gzipped, in kB: what a phone
 * downloads before the app can show anything. Measured in Chromium against the
 * built app, so it counts exactly the modules the page asks for.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveBuiltApp } from './browser';
import type { Benchmark } from './harness';

const PORT = Number(process.env.BENCH_PORT ?? 4411);

async function firstPageJavaScript(): Promise<{ gzipKb: number; files: number }> {
	const server = await serveBuiltApp(PORT);
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const ORIGIN = server.origin;
	try {
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
		server.stop();
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
