/**
 * The JavaScript the first page (home) loads, gzipped, in kB: what a phone
 * downloads before the app can show anything. Measured in Chromium against the
 * built app, so it counts exactly the modules the page asks for: on a first
 * visit, and on a visit after studying (when the home page reads the store).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveBuiltApp } from './browser';
import type { Benchmark } from './harness';

const PORT = Number(process.env.BENCH_PORT ?? 4411);

interface FirstLoad {
	gzipKb: number;
	files: number;
	/** The same for a learner coming back after studying: the store exists then. */
	returningGzipKb: number;
}

async function homeJavaScript(context: BrowserContext, origin: string): Promise<{ gzipKb: number; files: number }> {
	const page = await context.newPage();
	const scripts = new Map<string, Buffer>();
	page.on('response', async (response) => {
		const type = response.headers()['content-type'] ?? '';
		if (response.url().startsWith(origin) && /javascript/.test(type)) scripts.set(response.url(), await response.body());
	});
	await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
	await page.getByRole('link', { name: /AWS/ }).first().waitFor();
	await page.close();
	const bytes = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
	return { gzipKb: bytes / 1024, files: scripts.size };
}

async function firstPageJavaScript(): Promise<FirstLoad> {
	const server = await serveBuiltApp(PORT);
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const ORIGIN = server.origin;
	try {
		// No HTTP cache between the visits: the figure is what the page asks for, not what the network sends.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		await context.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-cache' } }));
		const first = await homeJavaScript(context, ORIGIN);
		const study = await context.newPage();
		await study.goto(`${ORIGIN}/study/all`);
		await study.getByRole('button', { name: 'Show answer' }).click();
		await study.getByRole('button', { name: /^Good, / }).click();
		await study.getByRole('button', { name: 'Show answer' }).waitFor();
		await study.close();
		const returning = await homeJavaScript(context, ORIGIN);
		return { ...first, returningGzipKb: returning.gzipKb };
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
		name: 'first page (home), returning after studying: JavaScript loaded, gzipped',
		unit: 'kB',
		target: { max: 60 },
		run: async () => (await (result ??= firstPageJavaScript())).returningGzipKb
	},
	{
		name: 'first page (home): JavaScript files loaded',
		unit: 'files',
		run: async () => (await (result ??= firstPageJavaScript())).files
	}
];
