import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';

// The offline app is part of what this covers: let its service worker run.
test.use({ serviceWorkers: 'allow' });

/** An Anki package (MIT, see tests/fixtures/README.md): three notes, the third with an image. */
const MEDIA_APKG = readFileSync(new URL('../fixtures/anki/apkg-export-media.apkg', import.meta.url));

async function waitUntilOffline(page: Page): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: 'Recall is ready to work offline.' })).toBeVisible({ timeout: 15_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await page.getByRole('button', { name: 'OK' }).click();
}

/** Imports `file` from the Import page; `summary`: the heading it ends on ("No changes" when it changes nothing). */
async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, summary = 'Imported'): Promise<void> {
	await page.getByRole('link', { name: 'Import' }).click();
	await page.locator('input[type="file"]').setInputFiles(file);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible({ timeout: 15_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: summary })).toBeVisible({ timeout: 15_000 });
}

const imageShown = (page: Page) =>
	page
		.locator('.card-side img')
		.first()
		.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0 && image.src.startsWith('blob:'));

test('an Anki package with an image: imported, studied offline with its image, backed up, restored after clearing the site', async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the phone is the case this covers; one project is enough');
	test.setTimeout(90_000);
	await page.goto('/');
	await waitUntilOffline(page);

	await importFile(page, { name: 'media.apkg', mimeType: 'application/octet-stream', buffer: MEDIA_APKG });
	const deckLink = page.getByRole('list').getByRole('link', { name: /: 3 cards$/ });
	const deckName = ((await deckLink.textContent()) ?? '').replace(/: 3 cards$/, '');
	await deckLink.click();
	await expect(page.getByRole('heading', { level: 1, name: deckName })).toBeVisible();

	// Offline from here: the deck, its image and the study session come from this device alone.
	await context.setOffline(true);
	await page.reload();
	await page.getByRole('link', { name: 'Study this deck' }).click();
	for (let answered = 1; answered <= 3; answered++) {
		if (answered === 3) await expect.poll(() => imageShown(page)).toBe(true);
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good/ }).click();
		await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to your decks' }).click();

	// Importing again works offline too (SQLite was cached on first use), and changes nothing.
	await importFile(page, { name: 'media.apkg', mimeType: 'application/octet-stream', buffer: MEDIA_APKG }, 'No changes').catch(async () => {
		throw new Error(`offline re-import failed: ${await page.locator('main').innerText()}`);
	});

	// What the deck page says of each card's progress, to compare after the restore.
	await page.getByRole('link', { name: 'Home' }).click();
	await page.getByRole('link', { name: deckName, exact: true }).click();
	// The image is read from the store a moment after the text: compare once it shows.
	await expect.poll(() => imageShown(page)).toBe(true);
	const progress = await page.locator('.cards').innerText();
	expect(progress).not.toContain('New');

	// A backup of everything, downloaded.
	await page.getByRole('link', { name: 'Settings' }).click();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up everything' }).click()]);
	const backup = readFileSync(await download.path());
	expect(download.suggestedFilename()).toMatch(/^Recall backup \d{4}-\d{2}-\d{2}\.json\.gz$/);
	// Gzipped JSON: the backup format inside, a fraction of its size.
	const json = JSON.parse(gunzipSync(backup).toString('utf8')) as { format: string; reviews: unknown[] };
	expect(json.format).toBe('recall-backup');
	expect(json.reviews.length).toBeGreaterThan(0);

	// The site's data is cleared (as "Clear site data" in the browser would), then the backup comes back.
	await context.setOffline(false);
	const cdp = await context.newCDPSession(page);
	// Away from the app first, as when site data is cleared from the browser's settings.
	await page.goto('about:blank');
	await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL as string).origin, storageTypes: 'all' });
	await page.goto('/');
	await expect(page.getByRole('link', { name: deckName, exact: true })).toHaveCount(0);
	await importFile(page, { name: download.suggestedFilename(), mimeType: 'application/gzip', buffer: backup });
	await page.goto('/');
	await page.getByRole('link', { name: deckName, exact: true }).click();
	await expect.poll(() => imageShown(page)).toBe(true);
	await expect.poll(() => page.locator('.cards').innerText()).toBe(progress);
});

test('a file shared to the installed app lands on the import page', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'sharing to the app is a phone feature; one project is enough');
	await page.goto('/');
	await waitUntilOffline(page);
	// What Android does when a file is shared to the app: a form POST to the manifest's share_target action.
	const status = await page.evaluate(async () => {
		const form = new FormData();
		form.append('files', new File(['front,back\n사과,apple\n배,pear\n'], 'shared.csv', { type: 'text/csv' }));
		const response = await fetch('/import/share', { method: 'POST', body: form, redirect: 'manual' });
		return response.type === 'opaqueredirect' ? 303 : response.status;
	});
	expect(status).toBe(303);
	await page.goto('/import?shared');
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
	await expect(page.getByLabel('Deck name')).toHaveValue('shared');
	await expect(page.getByRole('cell', { name: '사과' })).toBeVisible();
});
