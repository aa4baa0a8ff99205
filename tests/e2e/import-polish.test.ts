import { expect, test } from '@playwright/test';
import { chooseFiles, file } from './import-files';

test('the step that reads the files takes the focus on its heading, which names them, and its status says how far it is', async ({ page }) => {
	// The worker's script held back: the page stays on the reading step until the test lets it go.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/import-worker[^/]*\.js/, async (route) => {
		await held;
		await route.continue();
	});
	await chooseFiles(page, [file('held.csv', 'front,back\napple,사과\n', 'text/csv')]);
	const heading = page.getByRole('heading', { level: 2, name: 'Importing held.csv' });
	await expect(heading).toBeFocused();
	await expect(page.getByRole('status')).toContainText('Looking at the file…');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
	release();
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeFocused();
});
