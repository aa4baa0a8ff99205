/**
 * Lighthouse 12.2.3 (mobile, its default emulation and throttling) on the
 * built app with Debian's Chromium: performance, accessibility and best
 * practices scores, 0-100, for the home page and a deck's study page.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Benchmark } from './harness';

const PORT = Number(process.env.BENCH_PORT ?? 4413);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGES = { home: `${ORIGIN}/`, study: `${ORIGIN}/study/${encodeURIComponent('aws-기초')}` };
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
type Scores = Record<keyof typeof PAGES, Record<(typeof CATEGORIES)[number], number>>;

async function audit(): Promise<Scores> {
	if (!process.env.BENCH_SKIP_BUILD) execSync('npm run build', { stdio: 'ignore' });
	const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
	const chrome = await chromeLauncher.launch({
		chromePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		for (let i = 0; i < 100; i++) {
			try {
				if ((await fetch(ORIGIN)).ok) break;
			} catch {
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		}
		const scores = {} as Scores;
		for (const [name, url] of Object.entries(PAGES) as [keyof typeof PAGES, string][]) {
			const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
			const categories = result?.lhr.categories ?? {};
			scores[name] = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((categories[category]?.score ?? Number.NaN) * 100)])) as Scores[typeof name];
		}
		return scores;
	} finally {
		chrome.kill();
		server.kill();
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
