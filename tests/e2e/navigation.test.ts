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

test.describe('where the keyboard lands after moving to another page', () => {
	const DECK = encodeURIComponent('aws-기초');
	const focusedHeading = (page: import('@playwright/test').Page) =>
		page.evaluate(() => (document.activeElement?.localName === 'h1' ? (document.activeElement.textContent ?? '').trim() : `not a heading: ${document.activeElement?.localName}`));

	test('on the new page’s main heading: a link, the menu, and Back', async ({ page, baseURL }) => {
		const errors = await collectErrors(page, baseURL);
		await page.goto(`/deck/${DECK}`);
		await page.getByRole('link', { name: 'Card info: card 1', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeFocused();
		// The browser's Back: the link pressed is gone with the page it was on.
		await page.goBack();
		await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toBeFocused();
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Browse' })).toBeFocused();
		// The next Tab goes on from the heading, into the page, not through the menu again.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(true);
		// A form's page still puts it in its first field.
		await page.goto('/');
		await page.getByRole('link', { name: 'New deck' }).click();
		await expect(page.getByRole('textbox', { name: 'Deck name' })).toBeFocused();
		expect(errors).toEqual([]);
	});

	test('on the home page’s heading after the end of a study session, and on the study page’s once it is there', async ({ page, baseURL }) => {
		const errors = await collectErrors(page, baseURL);
		await page.goto('/settings');
		await page.getByLabel('New cards per day').fill('1');
		await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Recall' })).toBeFocused();
		await page.getByRole('link', { name: 'Study AWS 기초', exact: true }).click();
		// Drawn once the session is read: the heading is waited for.
		await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toBeFocused();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Easy/ }).click();
		await page.getByRole('link', { name: 'Back to your decks' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Recall' })).toBeFocused();
		expect(await focusedHeading(page)).toBe('Recall');
		expect(errors).toEqual([]);
	});
});
