import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its own browsers on our machines: use Debian's
// Chromium when it is there, and Playwright's own browser anywhere else.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const executablePath = existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;

// An unusual port on loopback with --strictPort, and never reuse a running
// server: on a shared machine 4173 may be somebody else's app.
const PORT = Number(process.env.E2E_PORT ?? 4391);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	// Room for a machine two or three times slower than a developer's (a shared CI runner): a wait that runs out is
	// a failure with nothing learnt, and a test that passes takes no longer for it.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: BASE_URL,
		trace: 'retain-on-failure',
		// The offline service worker would answer requests that tests route themselves;
		// tests/e2e/offline.test.ts allows it where it is what is tested.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'] } },
		{ name: 'phone', use: { ...devices['Pixel 7'] } }
	],
	webServer: {
		// The real built app, served the way `npm start` serves it.
		command: `npm run build && node scripts/serve.mjs --port ${PORT} --test-switches`,
		url: BASE_URL,
		reuseExistingServer: false,
		timeout: 300_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
