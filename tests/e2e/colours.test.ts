import { expect, test, type Locator } from '@playwright/test';

type Rgb = [number, number, number];

/** WCAG 2 contrast ratio of two opaque colours. */
function contrast(a: Rgb, b: Rgb): number {
	const linear = (channel: number) => {
		const c = channel / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	const luminance = ([r, g, b]: Rgb) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
	const high = Math.max(luminance(a), luminance(b));
	const low = Math.min(luminance(a), luminance(b));
	return (high + 0.05) / (low + 0.05);
}

/** An element's text and border colours, and the backgrounds painted inside and around it (the nearest opaque ones). */
async function colours(element: Locator): Promise<{ text: Rgb; border: Rgb; inside: Rgb; around: Rgb }> {
	return element.evaluate((target) => {
		const rgb = (value: string) => {
			const channels = value.match(/[\d.]+/g)?.map(Number) ?? [];
			return { rgb: channels.slice(0, 3) as [number, number, number], opaque: channels.length < 4 || channels[3] === 1 };
		};
		const backgroundFrom = (start: Element | null) => {
			for (let element = start; element !== null; element = element.parentElement) {
				const background = rgb(getComputedStyle(element).backgroundColor);
				if (background.opaque) return background.rgb;
			}
			return [255, 255, 255] as [number, number, number];
		};
		const style = getComputedStyle(target);
		return { text: rgb(style.color).rgb, border: rgb(style.borderTopColor).rgb, inside: backgroundFrom(target), around: backgroundFrom(target.parentElement) };
	});
}

/** Text is readable (WCAG AA, 4.5:1) on its background. */
async function expectReadable(element: Locator): Promise<void> {
	await expect(element).toBeVisible();
	const { text, inside } = await colours(element);
	expect.soft(contrast(text, inside), `${await element.innerText()}: ${text} on ${inside}`).toBeGreaterThanOrEqual(4.5);
}

/** A field's edge, all that shows where to type, stands out (3:1) from the field and from what is around it. */
async function expectEdgeVisible(field: Locator): Promise<void> {
	await expect(field).toBeVisible();
	const { border, inside, around } = await colours(field);
	const name = (await field.getAttribute('aria-label')) ?? (await field.evaluate((element) => (element as HTMLInputElement).labels?.[0]?.innerText ?? element.tagName));
	expect.soft(contrast(border, inside), `${name}: ${border} on the field's ${inside}`).toBeGreaterThanOrEqual(3);
	expect.soft(contrast(border, around), `${name}: ${border} on the page's ${around}`).toBeGreaterThanOrEqual(3);
}

/** A field marked invalid shows it by a border that stands out (3:1) from the field and from what is around it. */
async function expectInvalidBorderVisible(field: Locator): Promise<void> {
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	const { border, inside, around } = await colours(field);
	expect.soft(contrast(border, inside), `${border} on the field's ${inside}`).toBeGreaterThanOrEqual(3);
	expect.soft(contrast(border, around), `${border} on the page's ${around}`).toBeGreaterThanOrEqual(3);
}

// The device's scheme with the automatic theme, and each theme chosen against the device's scheme.
const SCHEMES = [
	{ colorScheme: 'light', theme: undefined },
	{ colorScheme: 'dark', theme: undefined },
	{ colorScheme: 'light', theme: 'Dark' },
	{ colorScheme: 'dark', theme: 'Light' }
] as const;

for (const { colorScheme, theme } of SCHEMES) {
	test.describe(theme === undefined ? `${colorScheme} colours` : `${theme.toLowerCase()} theme on a ${colorScheme} device`, () => {
		test.use({ colorScheme });

		test.beforeEach(async ({ page }, testInfo) => {
			test.skip(testInfo.project.name !== 'phone', 'colours do not depend on the viewport; one project is enough');
			if (theme !== undefined) {
				await page.goto('/settings');
				await page.getByRole('radio', { name: theme, exact: true }).check();
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
			}
		});

		test('every text field and list box shows its edge against the field and the page', async ({ page }) => {
			await page.goto('/new-deck');
			await expectEdgeVisible(page.getByLabel('Deck name'));

			await page.goto('/browse');
			await expectEdgeVisible(page.getByRole('searchbox', { name: 'Search' }));

			await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
			await page.getByText('Export', { exact: true }).click();
			await expectEdgeVisible(page.getByRole('combobox', { name: 'Format' }));

			await page.goto('/stats');
			await expectEdgeVisible(page.getByRole('combobox').first());

			await page.goto('/settings');
			await expectEdgeVisible(page.getByLabel('Reviews per day'));
		});

		test('what went wrong is said in a readable red, and a field to correct has a border that stands out', async ({ page }) => {
			// A deck name that is taken (the new-deck page's own red).
			await page.goto('/new-deck');
			await page.getByLabel('Deck name').fill('AWS 기초');
			await page.getByRole('button', { name: 'Create deck' }).click();
			await expectReadable(page.getByRole('alert').filter({ hasText: 'There is already a deck named' }));
			await expectInvalidBorderVisible(page.getByLabel('Deck name'));

			// A search that cannot be read (the form fields' shared invalid border).
			await page.goto('/browse');
			await page.getByRole('searchbox', { name: 'Search' }).fill('deck:"AWS 기초');
			await expect(page.getByRole('alert')).toContainText('This search cannot be read');
			await expectInvalidBorderVisible(page.getByRole('searchbox', { name: 'Search' }));

			// A table's columns that cannot be imported as chosen (the import page's red, shared with exports and Check database).
			await page.goto('/import');
			await page.locator('input[type="file"]').setInputFiles([{ name: 'words.csv', mimeType: 'text/csv', buffer: Buffer.from('front,back\napple,사과\n') }]);
			await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
			await page.getByLabel('Deck name').fill('');
			await expectReadable(page.getByRole('alert').filter({ hasText: 'Give the deck a name.' }));

			// A setting out of range (the settings page had its own dark red; now the shared one).
			await page.goto('/settings');
			const reviews = page.getByLabel('Reviews per day');
			await reviews.fill('2.5');
			await expectReadable(page.getByText('Not saved: enter a whole number from 0 to 99,999.'));
			await expectInvalidBorderVisible(reviews);

			// These were the colours of the scheme in use (the theme's, or the device's).
			const dark = (theme ?? colorScheme).toLowerCase() === 'dark';
			expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark ? 'rgb(23, 24, 26)' : 'rgb(247, 247, 244)');
		});
	});
}
