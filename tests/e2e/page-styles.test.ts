import { expect, test, type Page } from '@playwright/test';

// A slow network: every stylesheet arrives well after the scripts that need it (src/build/styles-before-render-plugin.ts).
const STYLESHEET_DELAY_MS = 500;

async function delayStylesheets(page: Page) {
	await page.route('**/*.css', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, STYLESHEET_DELAY_MS));
		await route.continue();
	});
}

/** The stylesheets the page has asked for that have not arrived yet. */
function stylesheetsPending(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((link) => link.sheet === null).map((link) => link.href)
	);
}

test('a page is drawn with its styles, even when they arrive after its scripts', async ({ page }) => {
	await delayStylesheets(page);
	for (const [path, heading] of [
		['/settings', 'Settings'],
		['/browse', 'Browse cards'],
		['/stats', 'Statistics'],
		['/import', 'Import']
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		expect(await stylesheetsPending(page), `${path} drawn before its stylesheets`).toEqual([]);
	}
	// Settings' choices are styled as the fingertip-sized rows they are, not bare radio buttons.
	await page.goto('/settings');
	const choice = page.getByRole('radio', { name: 'Light', exact: true }).locator('xpath=ancestor::label');
	expect((await choice.boundingBox())?.height).toBeGreaterThanOrEqual(44);
});

test('a page opened from the menu is drawn with its styles, even when they arrive after its scripts', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'AWS 기초', exact: true })).toBeVisible();
	await delayStylesheets(page);
	await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	expect(await stylesheetsPending(page)).toEqual([]);
});
