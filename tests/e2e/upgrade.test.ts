import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createVersion2Store, fillCollection } from '../../bench/collection';

test('a store of the version before is upgraded once, says so while it takes long, and keeps its history', async ({ playwright, launchOptions, baseURL }, testInfo) => {
	test.skip(testInfo.project.name === 'phone', 'the upgrade is the store’s, not the screen’s: one browser shows it');
	test.setTimeout(120_000);
	// A profile on disk, where a learner's store is: an off-the-record context keeps IndexedDB in memory, which
	// Chromium 150 slows down as it fills (this history took minutes to write there).
	const profile = mkdtempSync(join(tmpdir(), 'recall-upgrade-'));
	const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, serviceWorkers: 'block' });
	try {
		await upgradeOnce(context.pages()[0] ?? (await context.newPage()));
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

async function upgradeOnce(page: Page): Promise<void> {
	// A learner's store as version 2 left it, with a long history (160,000 rows): its upgrade reads every row.
	// Made from a page that is not the app (any document of the origin has its IndexedDB): the app's own boot would
	// open the store meanwhile and, on a loaded machine, upgrade it before the statistics page below is opened.
	await page.goto('/favicon.svg');
	await createVersion2Store(page);
	await fillCollection(page, { cards: 2_000, reviews: 160_000, decks: [{ id: 'old', name: 'Old deck' }], lapseEvery: 7 });

	await page.goto('/stats?deck=old');
	const notice = page.getByRole('status').filter({ hasText: 'Updating your study history for this version of Recall' });
	// The app boots first (slow on a loaded machine), then the upgrade runs for a second or more.
	await expect(notice).toBeVisible({ timeout: 30_000 });
	await expect(notice).toBeHidden({ timeout: 60_000 });
	// The history the upgrade tallied: the year's answers are on the statistics page.
	await expect(page.getByRole('img', { name: /^Last 365 days: [1-9][\d,]* answers on [1-9]\d* study days\.$/ })).toBeVisible({ timeout: 15_000 });

	// And the lapses it counted. The history fails every seventh answer after a card's first (bench/collection.ts):
	// each card's 79 later answers hold 11 or 12 of them, 12 for 572 of the 2,000 cards.
	const found = page.getByRole('status').filter({ hasText: /^[\d,]+ cards?$/ });
	await page.goto(`/browse?q=${encodeURIComponent('prop:lapses=12')}`);
	await expect(found).toHaveText('572 cards');
	await page.goto(`/browse?q=${encodeURIComponent('prop:lapses=11')}`);
	await expect(found).toHaveText('1,428 cards');
}
