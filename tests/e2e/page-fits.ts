import { expect, type Page } from '@playwright/test';

/** The page is no wider than the screen: nothing on it makes it pan sideways. */
export async function expectFits(page: Page, where: string): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${where}: the page is wider than the screen`).toBeLessThanOrEqual(0);
}

