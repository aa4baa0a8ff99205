import { expect, type Page } from '@playwright/test';

/**
 * Shows the card browser's actions on the selected cards: a phone's width (40rem or less) folds them behind the
 * button that counts the cards selected; a wider screen shows them already.
 */
export async function showBulkActions(page: Page): Promise<void> {
	const actions = page.locator('#browse-actions');
	if ((page.viewportSize()?.width ?? Infinity) > 640) {
		await expect(actions).toBeVisible();
		return;
	}
	const toggle = page.locator('button[aria-controls="browse-actions"]');
	await expect(toggle).toBeVisible();
	if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await expect(actions).toBeVisible();
}
