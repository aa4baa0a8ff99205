import { expect, test } from '@playwright/test';
import { collectErrors } from './page-errors';

const PAGES = ['/', '/browse', '/stats', '/import', '/settings'];

/** The tops of the main navigation's links: one value when they share a line. */
async function linkRows(page: import('@playwright/test').Page): Promise<number[]> {
	const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
	await expect(links).toHaveCount(5);
	const tops = await links.evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().top)));
	return [...new Set(tops)];
}

test.describe('the main navigation on a phone', () => {
	test.beforeEach(({}, testInfo) => {
		test.skip(testInfo.project.name !== 'phone', 'a phone’s width is what is tested; the desktop has room to spare');
	});

	for (const width of [360, 390]) {
		test(`keeps its five links on one line on every page, at ${width} px wide`, async ({ page, baseURL }) => {
			const errors = await collectErrors(page, baseURL);
			await page.setViewportSize({ width, height: 800 });
			for (const path of PAGES) {
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				expect(await linkRows(page), `${path}: the links' rows`).toHaveLength(1);
			}
			expect(errors).toEqual([]);
		});
	}
});

test('the skip link, focused, shows over the header whole: the header stays where it was', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name === 'phone', 'a keyboard’s first Tab; a phone has none');
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const header = page.getByRole('banner');
	const before = await header.boundingBox();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	expect(await header.boundingBox()).toEqual(before);
	// Its focus ring (3 px, 2 px out, app.css) is inside the window.
	const box = (await skip.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(5);
	expect(box.y).toBeGreaterThanOrEqual(5);
	expect(box.width).toBeGreaterThan(50);
});
