import { expect, test, type Locator, type Page } from '@playwright/test';

/*
 * A button busy with its action is not disabled (busy-button.ts): disabled under the keyboard, it would drop focus
 * on the page itself, and the next Tab would start from the top. Each button here is pressed as a keyboard user
 * presses it, Enter with the focus on it, and must still have the focus once its action is done.
 */

/** Presses `button` by keyboard. */
async function pressByKeyboard(button: Locator): Promise<void> {
	await button.focus();
	await expect(button).toBeFocused();
	await button.press('Enter');
}

/** Downloads by pressing `button` by keyboard; the file's name. */
async function downloadByKeyboard(page: Page, button: Locator): Promise<string> {
	const download = page.waitForEvent('download');
	await pressByKeyboard(button);
	return (await download).suggestedFilename();
}

test('the deck page’s Save options and Reset keep the keyboard’s place', async ({ page }) => {
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	await page.getByText('Options', { exact: true }).click();
	const save = page.getByRole('button', { name: 'Save options' });
	await pressByKeyboard(save);
	await expect(page.getByRole('status').filter({ hasText: 'Saved. Today’s sessions follow the new options.' })).toBeVisible();
	await expect(save).toBeFocused();

	// Confirmed in the dialog, which hands the keyboard back to the button that opened it while the reset runs.
	const reset = page.getByRole('button', { name: 'Reset this deck’s progress…' });
	await pressByKeyboard(reset);
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(dialog.getByRole('button', { name: 'Reset progress' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'No card of this deck had any progress to reset.' })).toBeVisible();
	await expect(reset).toBeFocused();
});

test('Download keeps the keyboard’s place, in every format, and so does Back up everything', async ({ page }) => {
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	await page.getByText('Export', { exact: true }).click();
	const format = page.getByLabel('Format');
	const labels = await format.locator('option').allTextContents();
	expect(labels.length).toBeGreaterThan(1);
	const downloadButton = page.getByRole('button', { name: 'Download' });
	for (const label of labels) {
		await format.selectOption({ label });
		const file = await downloadByKeyboard(page, downloadButton);
		await expect(page.getByRole('status').filter({ hasText: `Saved ${file}.` }), label).toBeVisible();
		await expect(downloadButton, label).toBeFocused();
	}

	await page.goto('/settings');
	const backup = page.getByRole('region', { name: 'Backup' });
	const backupButton = backup.getByRole('button', { name: 'Back up everything' });
	const file = await downloadByKeyboard(page, backupButton);
	await expect(backup.getByRole('status').filter({ hasText: `Saved ${file}.` })).toBeVisible();
	await expect(backupButton).toBeFocused();

	const checkButton = page.getByRole('button', { name: 'Check database' });
	await pressByKeyboard(checkButton);
	await expect(page.getByText(/cards and \d+ reviews checked\./)).toBeVisible();
	await expect(checkButton).toBeFocused();
});

test('Create deck refused for a name taken keeps the keyboard’s place', async ({ page }) => {
	await page.goto('/new-deck');
	await page.getByLabel('Deck name').fill('AWS 기초');
	const create = page.getByRole('button', { name: 'Create deck' });
	await pressByKeyboard(create);
	await expect(page.getByRole('alert')).toHaveText('There is already a deck named “AWS 기초”. Choose another name.');
	await expect(create).toBeFocused();
});
