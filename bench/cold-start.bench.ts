/**
 * Cold start offline on a phone: the app installed on a first visit, then
 * opened again with no network and the CPU slowed down 4x (Chrome DevTools
 * Protocol), timed from navigation to the first card shown on the study page
 * (the study page's `recall:card-shown` performance mark).
 */
import { chromium, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveBuiltApp } from './browser';
import type { Benchmark } from './harness';

const PORT = Number(process.env.BENCH_PORT ?? 4412);
const STUDY_PATH = `/study/${encodeURIComponent('aws-기초')}`;
const RUNS = 5;

async function coldStarts(): Promise<number[]> {
	const server = await serveBuiltApp(PORT);
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	const ORIGIN = server.origin;
	const STUDY = `${ORIGIN}${STUDY_PATH}`;
	try {
		const context = await browser.newContext({ ...devices['Pixel 7'] });
		// Card images are other sites': never wait on them.
		await context.route((url) => url.origin !== ORIGIN, (route) => route.abort());
		const first = await context.newPage();
		await first.goto(STUDY);
		await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
		await first.close();
		await context.setOffline(true);

		const times: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			await page.goto(STUDY);
			await page.waitForFunction(() => performance.getEntriesByName('recall:card-shown', 'mark').length > 0, undefined, { timeout: 30_000 });
			times.push(await page.evaluate(() => performance.getEntriesByName('recall:card-shown', 'mark')[0]?.startTime ?? Number.NaN));
			await page.close();
		}
		return times;
	} finally {
		await browser.close();
		server.stop();
	}
}

let times: Promise<number[]> | undefined;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export const benchmarks: Benchmark[] = [
	{
		name: 'cold start offline, phone, 4x CPU slowdown: navigation to first card (median of 5)',
		unit: 'ms',
		target: { max: 1000 },
		run: async () => median(await (times ??= coldStarts()))
	}
];
