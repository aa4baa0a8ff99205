import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './page-errors';
import { switchLanguageInAnotherTab } from './switch-language';

// The offline app is part of what this covers: let its service worker run.
test.use({ serviceWorkers: 'allow' });

/** An Anki package (MIT, see tests/fixtures/README.md): three notes, the third with an image. */
const MEDIA_APKG = readFileSync(new URL('../fixtures/anki/apkg-export-media.apkg', import.meta.url));
const DECK_URL = `/deck/${encodeURIComponent('aws-기초')}`;

async function waitUntilOffline(page: Page): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: 'Recall is ready to work offline.' })).toBeVisible({ timeout: 15_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await page.getByRole('button', { name: 'OK' }).click();
}

/** Chooses the Anki package on the deck page's Export and asks for it. */
async function exportAnkiPackage(page: Page): Promise<void> {
	await page.getByText('Export', { exact: true }).click();
	await page.getByLabel('Format').selectOption({ label: 'Anki package (.apkg)' });
	await page.getByRole('button', { name: 'Download' }).click();
}

test('offline, the first Anki export says it needs a connection once; after an Anki import online it works offline', async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'what the app caches does not depend on the viewport; one project is enough');
	test.setTimeout(90_000);
	const errors = await collectErrors(page, baseURL);
	// (The page's console events include the export worker's: sql.js's own logging of a failed load would show here.)
	await page.goto(DECK_URL);
	await waitUntilOffline(page);
	await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toBeVisible();

	// Offline before any Anki file was opened or made: SQLite's engine is not on this device yet.
	await context.setOffline(true);
	await page.reload();
	await exportAnkiPackage(page);
	const problem = page.getByRole('alert');
	await expect(problem).toHaveText(
		'The Anki package could not be made offline: the first Anki export needs an internet connection, once, to download the SQLite engine it is written with (about 300 kB). Connect and try again; after that, Anki export and import work offline.'
	);
	await switchLanguageInAnotherTab(page, '한국어');
	await expect(problem).toHaveText(
		'오프라인이라 Anki 패키지를 만들지 못했습니다: 처음 Anki로 내보낼 때는 패키지를 쓰는 SQLite 엔진(약 300 kB)을 받기 위해 한 번은 인터넷 연결이 필요합니다. 연결한 뒤 다시 시도하세요. 그 뒤로는 Anki 내보내기와 가져오기가 오프라인에서도 됩니다.'
	);
	await switchLanguageInAnotherTab(page, 'English');
	// Other formats need no engine.
	await page.getByLabel('Format').selectOption({ label: 'Table (.csv)' });
	const table = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download' }).click();
	expect((await table).suggestedFilename()).toMatch(/\.csv$/);
	// An Anki import, offline, says the same of its first time.
	await page.getByRole('link', { name: 'Import' }).click();
	await page.locator('input[type="file"]').setInputFiles({ name: 'media.apkg', mimeType: 'application/octet-stream', buffer: MEDIA_APKG });
	await expect(page.getByRole('alert')).toContainText('the first Anki import needs an internet connection, once. Connect and try again');
	expect(errors).toEqual([]);

	// Online, an Anki package is imported: that fetches the engine, which the export uses too.
	await context.setOffline(false);
	await page.reload();
	await page.locator('input[type="file"]').setInputFiles({ name: 'media.apkg', mimeType: 'application/octet-stream', buffer: MEDIA_APKG });
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible({ timeout: 15_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 15_000 });

	await context.setOffline(true);
	await page.goto(DECK_URL);
	const download = page.waitForEvent('download');
	await exportAnkiPackage(page);
	expect((await download).suggestedFilename()).toMatch(/^AWS 기초 \d{4}-\d{2}-\d{2}\.apkg$/);
	await expect(page.getByRole('alert')).toHaveCount(0);
	expect(errors).toEqual([]);
});
