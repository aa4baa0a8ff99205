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

/** A deck file of one HTML card whose note colours its words as Anki notes do: for a white card. */
const INKS_FILE = JSON.stringify({
	format: 'recall-deck',
	version: 1,
	decks: [
		{
			id: 'inks',
			name: 'Inks',
			tags: [],
			cards: [
				{
					id: 'inks:1',
					deck: 'inks',
					kind: 'basic',
					rule: 'imported',
					front: '<font color="#000000">hex black</font> <font color="black">named black</font> <font color="#1a1a1a">near black</font> <font color="navy">navy</font> <font color="#ff0000">red</font>',
					back: 'b',
					format: 'html',
					path: [],
					tags: [],
					images: [],
					source: { file: 'inks.json', line: 1 }
				}
			]
		}
	]
});

test('a note’s text colours chosen for a white card stay readable on the dark theme’s card, and are the note’s own in the light theme', async ({ page }) => {
	await page.goto('/import');
	await page.locator('input[type="file"]').setInputFiles({ name: 'inks.json', mimeType: 'application/json', buffer: Buffer.from(INKS_FILE) });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Inks: 1 card/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Inks' })).toBeVisible();

	/** Each coloured word: its text colour, and the WCAG contrast against the nearest opaque background behind it. */
	const inks = () =>
		page.getByRole('article').locator('font').evaluateAll((fonts) => {
			const channels = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
			const luminance = ([r, g, b]: number[]) => {
				const linear = (channel: number) => (channel / 255 <= 0.03928 ? channel / 255 / 12.92 : ((channel / 255 + 0.055) / 1.055) ** 2.4);
				return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
			};
			return fonts.map((font) => {
				let behind = font.parentElement;
				while (behind && (channels(getComputedStyle(behind).backgroundColor)[3] ?? 1) === 0) behind = behind.parentElement;
				const text = channels(getComputedStyle(font).color);
				const [high, low] = [luminance(text), luminance(channels(getComputedStyle(behind ?? document.body).backgroundColor))].sort((a, b) => b - a) as [number, number];
				return { word: font.textContent, colour: getComputedStyle(font).color, contrast: Math.round(((high + 0.05) / (low + 0.05)) * 100) / 100 };
			});
		});

	expect((await inks()).map(({ word, colour }) => [word, colour])).toEqual([
		['hex black', 'rgb(0, 0, 0)'],
		['named black', 'rgb(0, 0, 0)'],
		['near black', 'rgb(26, 26, 26)'],
		['navy', 'rgb(0, 0, 128)'],
		['red', 'rgb(255, 0, 0)']
	]);

	await openSettings(page);
	await chooseTheme(page, 'Dark');
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: 'Inks' })).toBeVisible();
	const dark = await inks();
	// Those under 3:1 there get a colour of at least 4.5:1; red, over 3:1 as it is, keeps the note's colour.
	for (const { word, contrast } of dark) expect.soft(contrast, `${word} on the dark card`).toBeGreaterThanOrEqual(word === 'red' ? 3 : 4.5);
	expect(dark.find(({ word }) => word === 'red')?.colour).toBe('rgb(255, 0, 0)');
	expect(dark.find(({ word }) => word === 'hex black')?.colour).toBe('rgb(255, 255, 255)');
});
