import { zipSync } from 'fflate';
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

test('a notes folder zipped on a Korean Windows (CP949 names, unflagged) imports with its Korean names and its image', async ({ page }) => {
	const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
	const note = '# 세포\n\n- **세포막**: 세포를 둘러싼 막 ![세포 그림](그림/세포.png)\n';
	// Placeholders as long as the CP949 names: 세포.md is 4 + 3 bytes, 그림/세포.png 4 + 1 + 4 + 4.
	const archive = zipSync({ 'xxxx.md': new TextEncoder().encode(note), 'yyyy/zzzz.png': new Uint8Array(png) });
	const cp949: Record<string, number[]> = { xxxx: [0xbc, 0xbc, 0xc6, 0xf7], yyyy: [0xb1, 0xd7, 0xb8, 0xb2], zzzz: [0xbc, 0xbc, 0xc6, 0xf7] };
	const data = new DataView(archive.buffer);
	for (let at = 0; at + 4 <= archive.length; at++) {
		const signature = data.getUint32(at, true);
		const header = signature === 0x04034b50 ? { flags: at + 6, name: at + 30, length: data.getUint16(at + 26, true) } : signature === 0x02014b50 ? { flags: at + 8, name: at + 46, length: data.getUint16(at + 28, true) } : undefined;
		if (!header) continue;
		data.setUint16(header.flags, data.getUint16(header.flags, true) & ~0x800, true);
		const name = new TextDecoder().decode(archive.subarray(header.name, header.name + header.length));
		for (const [placeholder, bytes] of Object.entries(cp949)) {
			const offset = name.indexOf(placeholder);
			if (offset >= 0) archive.set(bytes, header.name + offset);
		}
	}
	await page.goto('/import');
	await page.locator('input[type="file"]').setInputFiles([{ name: '노트.zip', mimeType: 'application/zip', buffer: Buffer.from(archive) }]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await expect(page.getByText(/세포\.png/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /세포: 1 card/ }).click();
	await expect(page.getByRole('img', { name: '세포 그림' })).toHaveJSProperty('naturalWidth', 1);
});
