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
