/**
 * Lighthouse 12.2.3 (mobile, its default emulation and throttling) on the
 * built app with Debian's Chromium: performance, accessibility and best
 * practices scores, 0-100, for the home page and a deck's study page.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveBuiltApp } from './browser';
import type { Benchmark } from './harness';

const PORT = Number(process.env.BENCH_PORT ?? 4413);
const PAGES = { home: '/', study: `/study/${encodeURIComponent('aws-기초')}` };
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
type Scores = Record<keyof typeof PAGES, Record<(typeof CATEGORIES)[number], number>>;

async function audit(): Promise<Scores> {
	const server = await serveBuiltApp(PORT);
	const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
	try {
		const scores = {} as Scores;
		for (const [name, path] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
			const result = await lighthouse(`${server.origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
			const categories = result?.lhr.categories ?? {};
			scores[name] = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((categories[category]?.score ?? Number.NaN) * 100)])) as Scores[typeof name];
		}
		return scores;
	} finally {
		chrome.kill();
		server.stop();
	}
}

let scores: Promise<Scores> | undefined;
const score = (page: keyof typeof PAGES, category: (typeof CATEGORIES)[number]) => async () => (await (scores ??= audit()))[page][category];

export const benchmarks: Benchmark[] = (Object.keys(PAGES) as (keyof typeof PAGES)[]).flatMap((page) =>
	CATEGORIES.map((category) => ({
		name: `lighthouse (mobile) ${page}: ${category}`,
		unit: 'points',
		target: { min: 95 },
		run: score(page, category)
	}))
);
