import { expect, test } from '@playwright/test';

/** A table of one card that shows, in its HTML, an image that was never imported (as Anki writes a deck whose pictures were left behind). */
const CSV = '#separator:comma\n#html:true\n#deck:Muscles\nWhich muscle? <img src="Coracobrachialis.JPG" />,<b>Coracobrachialis</b>\n';

test('Back up everything names an image a card shows that is not on this device, and still saves the file', async ({ page }) => {
	await page.goto('/import');
	await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
	await page.locator('input[type="file"]').setInputFiles([{ name: 'muscles.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') }]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('link', { name: /Muscles: 1 card/ })).toBeVisible();

	await page.goto('/settings');
	const backup = page.getByRole('region', { name: 'Backup' });
	const [download] = await Promise.all([page.waitForEvent('download'), backup.getByRole('button', { name: 'Back up everything' }).click()]);
	expect(download.suggestedFilename()).toMatch(/\.json\.gz$/);
	await expect(backup.getByText('The file is made, with these notes:')).toBeVisible();
	await expect(backup.getByRole('listitem').filter({ hasText: 'Coracobrachialis.JPG' })).toHaveText('The image "Coracobrachialis.JPG" is not on this device; the file names it, without the image.');

	await page.getByRole('radio', { name: '한국어', exact: true }).check();
	await expect(page.getByRole('region', { name: '백업' }).getByRole('listitem').filter({ hasText: 'Coracobrachialis.JPG' })).toHaveText(
		'이미지 “Coracobrachialis.JPG”는 이 기기에 없습니다. 파일에는 이미지 없이 이름만 들어갑니다.'
	);
});

test('a note whose title changed, imported again alone, still shows the image its first import stored', async ({ page }) => {
	const note = '# Biology\n\n- **Cell**: the unit of life ![red cell](images/red.png)\n- **Leaf**: where photosynthesis happens\n';
	const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
	const choose = async (files: { name: string; mimeType: string; buffer: Buffer }[]) => {
		await page.goto('/import');
		await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
		await page.locator('input[type="file"]').setInputFiles(files);
		await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	};
	await choose([
		{ name: 'biology.md', mimeType: 'text/markdown', buffer: Buffer.from(note, 'utf8') },
		{ name: 'red.png', mimeType: 'image/png', buffer: png }
	]);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('link', { name: /Biology: 2 cards/ })).toBeVisible();

	await choose([{ name: 'biology.md', mimeType: 'text/markdown', buffer: Buffer.from(note.replace('# Biology', '# Cell biology'), 'utf8') }]);
	await expect(page.getByText(/red\.png/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Cell biology: 2 cards/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Cell biology' })).toBeVisible();
	await expect(page.getByRole('img', { name: 'red cell' })).toHaveJSProperty('naturalWidth', 1);
});
