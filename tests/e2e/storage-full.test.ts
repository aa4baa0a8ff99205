import { expect, test, type Page } from '@playwright/test';
import { chooseFiles, file } from './import-files';

/**
 * A device whose storage is full, made with Chromium's own quota override (the DevTools protocol's
 * Storage.overrideQuotaForOrigin) of one byte (0 is taken as no override): the browser refuses a write as large
 * as an import's with its real QuotaExceededError, as on a phone with no space left.
 */
async function fillStorage(page: Page): Promise<{ free: () => Promise<void> }> {
	const origin = new URL(page.url()).origin;
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
	// Without a size, the override is lifted: the browser's own quota again.
	return {
		free: async () => {
			await cdp.send('Storage.overrideQuotaForOrigin', { origin });
		}
	};
}

// The study screen's own notices for a full disk are tested with the error IndexedDB gives
// (tests/unit/routes/study/study-session.test.ts): Chromium lets a small write (an answer) through an
// overridden quota, and checks it only on writes as large as an import's.

test('with the device’s storage full, an import says so, in the learner’s language, and nothing is imported', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('link', { name: /^Study AWS 기초$/ })).toBeVisible();
	const before = await page.locator('.decks li').allInnerTexts();
	const storage = await fillStorage(page);
	const rows = Array.from({ length: 500 }, (_, index) => `front ${index},back ${index}`).join('\n');
	await chooseFiles(page, [file('words.csv', `front,back\n${rows}\n`, 'text/csv')]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: /^Import/ }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Nothing was imported: the cards could not be saved (this device’s storage is full: free some space, then try again). Your data is as it was.'
	);
	await storage.free();
	await page.goto('/');
	await expect(page.getByRole('link', { name: /^Study AWS 기초$/ })).toBeVisible();
	expect(await page.locator('.decks li').allInnerTexts()).toEqual(before);
});
