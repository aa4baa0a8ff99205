import { expect, test, type Page } from '@playwright/test';
import { ownDeckWithCard } from './own-deck';

const DAY_MS = 86_400_000;

/** Makes a deck of one card named `deck` and studies it to the end of the session. */
async function studyNewDeckToTheEnd(page: Page, deck: string): Promise<void> {
	await ownDeckWithCard(page, deck, { front: 'apple', back: '사과' });
	await page.goto(`/study/${deck}`);
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: 'Easy, 1d', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
}

test('after a week of studying with no backup, the end of a session says so; a backup in Settings ends it and is dated there', async ({ page }) => {
	// The first session's end is remembered as the start of studying on this device: no reminder on day one.
	await studyNewDeckToTheEnd(page, 'words');
	await expect(page.getByText(/no backup has been made/)).toHaveCount(0);
	await page.goto('/settings');
	await expect(page.getByText('No backup has been made from this device yet.')).toBeVisible();

	// Eight days later (as the device remembers it), another session ends with the reminder and a way to act on it.
	await page.evaluate((at) => localStorage.setItem('recall:studying-since', String(at)), Date.now() - 8 * DAY_MS);
	await studyNewDeckToTheEnd(page, 'verbs');
	await expect(page.getByText('Your cards and progress are kept only in this browser, and no backup has been made from this device yet.')).toBeVisible();
	await page.getByRole('link', { name: 'Back up now' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Backup' })).toBeInViewport();

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back up everything' }).click();
	await download;
	await expect(page.getByText(/^Last backup from this device: /)).toBeVisible();
	await page.reload();
	await expect(page.getByText(/^Last backup from this device: \w+ \d+, \d{4}\.$/)).toBeVisible();

	// The reminder is gone; a backup 20 days old brings it back, with its age.
	await studyNewDeckToTheEnd(page, 'nouns');
	await expect(page.getByText(/kept only in this browser/)).toHaveCount(0);
	await page.evaluate((at) => localStorage.setItem('recall:last-backup', String(at)), Date.now() - 20 * DAY_MS - 60_000);
	await studyNewDeckToTheEnd(page, 'adjectives');
	await expect(page.getByText('Your cards and progress are kept only in this browser, and the last backup from this device was 20 days ago.')).toBeVisible();
});
