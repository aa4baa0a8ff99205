import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './page-errors';

// The theme setting (Settings → Appearance): Automatic follows the device's scheme, Light and Dark hold
// whatever the device says. The colours, `color-scheme` (form controls, scrollbars) and the app bar's
// colour (the theme-color meta the browser picks) go together.

type Scheme = { background: string; colorScheme: string; bar: string[] };

const LIGHT: Scheme = { background: 'rgb(247, 247, 244)', colorScheme: 'light', bar: ['#f7f7f4'] };
const DARK: Scheme = { background: 'rgb(23, 24, 26)', colorScheme: 'dark', bar: ['#17181a'] };

/** The page's colours as painted now: the body's background, the root's colour scheme, and the app bar colour the browser would take. */
function scheme(page: Page): Promise<Scheme> {
	return page.evaluate(() => ({
		background: getComputedStyle(document.body).backgroundColor,
		colorScheme: getComputedStyle(document.documentElement).colorScheme,
		bar: [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')].filter((meta) => matchMedia(meta.getAttribute('media') ?? 'all').matches).map((meta) => meta.content)
	}));
}

async function chooseTheme(page: Page, theme: 'Automatic (follows the device)' | 'Light' | 'Dark'): Promise<void> {
	const group = page.getByRole('region', { name: 'Appearance' }).getByRole('group', { name: 'Theme' });
	await group.getByRole('radio', { name: theme, exact: true }).check();
	await expect(group.getByRole('status')).toHaveText(/Saved/);
}

async function openSettings(page: Page): Promise<void> {
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await expect(page.getByRole('radio', { name: 'Automatic (follows the device)' })).toBeVisible();
}

test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'the theme does not depend on the viewport; one project is enough');
});

test.describe('on a light device', () => {
	test.use({ colorScheme: 'light' });

	test('Dark makes the page dark at once, and a reload paints dark from the start, before any of the app’s code', async ({ page, baseURL }) => {
		const errors = await collectErrors(page, baseURL);
		await openSettings(page);
		await expect(page.getByRole('radio', { name: 'Automatic (follows the device)' })).toBeChecked();
		expect(await scheme(page)).toEqual(LIGHT);

		await chooseTheme(page, 'Dark');
		await expect.poll(() => scheme(page)).toEqual(DARK);
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

		await page.reload();
		await expect(page.getByRole('radio', { name: 'Dark', exact: true })).toBeChecked();
		expect(await scheme(page)).toEqual(DARK);

		expect(errors).toEqual([]);

		// The first paint: with none of the app's code loaded (the failed loads are meant), app.html alone (its boot bar) is already dark.
		await page.route('**/_app/**', (route) => route.abort());
		await page.goto('/');
		await expect(page.locator('.boot-bar')).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		expect(
			await page.evaluate(() => ({
				page: getComputedStyle(document.documentElement).backgroundColor,
				bar: getComputedStyle(document.querySelector('.boot-bar')!).backgroundColor,
				colorScheme: getComputedStyle(document.documentElement).colorScheme
			}))
		).toEqual({ page: 'rgb(23, 24, 26)', bar: 'rgb(34, 36, 39)', colorScheme: 'dark' });
	});

	test('no light frame on a reload: the page is dark when its document is parsed, and stays dark as the app starts', async ({ page }) => {
		await openSettings(page);
		await chooseTheme(page, 'Dark');

		// The page's and the body's backgrounds at every change of the document, from its first element on, as it loads and the app starts.
		await page.addInitScript(() => {
			const seen: string[] = [];
			(window as unknown as { backgrounds: string[] }).backgrounds = seen;
			const note = () => {
				for (const element of [document.documentElement, document.body]) if (element) seen.push(getComputedStyle(element).backgroundColor);
			};
			new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true });
			document.addEventListener('DOMContentLoaded', note);
		});
		await page.reload();
		await expect(page.getByRole('radio', { name: 'Dark', exact: true })).toBeChecked();
		const backgrounds = await page.evaluate(() => (window as unknown as { backgrounds: string[] }).backgrounds);
		expect(backgrounds.length).toBeGreaterThan(0);
		expect(new Set(backgrounds.filter((background) => background !== 'rgba(0, 0, 0, 0)'))).toEqual(new Set([DARK.background]));
	});

	test('a theme chosen in one tab applies at once in another open tab', async ({ page, context }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 2, name: 'Decks' })).toBeVisible();
		expect(await scheme(page)).toEqual(LIGHT);

		const settings = await context.newPage();
		await openSettings(settings);
		await chooseTheme(settings, 'Dark');
		await page.bringToFront();
		await expect.poll(() => scheme(page)).toEqual(DARK);

		await settings.bringToFront();
		await chooseTheme(settings, 'Automatic (follows the device)');
		await page.bringToFront();
		await expect.poll(() => scheme(page)).toEqual(LIGHT);
		await expect(page.locator('html')).not.toHaveAttribute('data-theme');
	});
});

test('Automatic follows the device’s scheme as it changes; Light and Dark hold whatever the device says', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await openSettings(page);
	expect(await scheme(page)).toEqual(LIGHT);
	await page.emulateMedia({ colorScheme: 'dark' });
	await expect.poll(() => scheme(page)).toEqual(DARK);
	await page.emulateMedia({ colorScheme: 'light' });
	await expect.poll(() => scheme(page)).toEqual(LIGHT);

	await chooseTheme(page, 'Light');
	await page.emulateMedia({ colorScheme: 'dark' });
	expect(await scheme(page)).toEqual(LIGHT);
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Light', exact: true })).toBeChecked();
	expect(await scheme(page)).toEqual(LIGHT);

	await chooseTheme(page, 'Dark');
	await page.emulateMedia({ colorScheme: 'light' });
	expect(await scheme(page)).toEqual(DARK);

	await chooseTheme(page, 'Automatic (follows the device)');
	await expect.poll(() => scheme(page)).toEqual(LIGHT);
	await page.emulateMedia({ colorScheme: 'dark' });
	await expect.poll(() => scheme(page)).toEqual(DARK);
	// Automatic leaves nothing for the next load to paint with: the device decides.
	expect(await page.evaluate(() => localStorage.getItem('recall:theme'))).toBeNull();
});

test('the theme setting speaks Korean too', async ({ page }) => {
	await openSettings(page);
	await page.getByRole('radio', { name: '한국어', exact: true }).check();
	const appearance = page.getByRole('region', { name: '화면' });
	await expect(appearance.getByRole('group', { name: '테마' }).getByRole('radio')).toHaveCount(3);
	await expect(appearance.getByRole('radio', { name: '자동 (기기 설정을 따름)' })).toBeChecked();
	await appearance.getByRole('radio', { name: '어두운 테마' }).check();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
