import { expect, type Page } from '@playwright/test';

/**
 * Switches the app's language on the Settings page of a second tab. What a page says after an action
 * stays on screen until the next one, and leaving the page would clear it: the page follows the
 * switch as it follows any change of the settings.
 */
export async function switchLanguageInAnotherTab(page: Page, language: 'English' | '한국어'): Promise<void> {
	const settings = await page.context().newPage();
	await settings.goto('/settings');
	await settings.getByRole('radio', { name: language, exact: true }).check();
	await expect(settings.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en' : 'ko');
	await settings.close();
	await page.bringToFront();
	await expect(page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en' : 'ko');
}
