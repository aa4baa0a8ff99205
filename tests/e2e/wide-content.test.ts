import { expect, test, type Locator } from '@playwright/test';
import { collectErrors } from './page-errors';
import { expectFits } from './page-fits';

// One line of code (120 characters) longer than any phone screen, and a table wider than a phone: each should scroll
// within its own box, as on the study screen, never widen the page.
const LONG_LINE = 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro --key-name my-key --subnet-id subnet-012';
const TABLE = [
	'| Service | Category | Pricing model | Free tier | Region scope | Typical use |',
	'| --- | --- | --- | --- | --- | --- |',
	'| Amazon_Elastic_Compute_Cloud | Compute_capacity_in_the_cloud | On_demand_or_reserved_or_spot | 750_hours_a_month_for_a_year | Regional_service_in_each_zone | Virtual_servers_for_applications |'
].join('\n');
const BACK = ['Launch it:', '', '```sh', LONG_LINE, '```', '', TABLE].join('\n');
const FRONT = 'How do you launch an instance from the command line?';

/** The code box and the table scroll on their own: their content is wider than they are. */
async function expectScrollsInPlace(scope: Locator, where: string): Promise<void> {
	for (const selector of ['pre', 'table']) {
		const box = scope.locator(selector).first();
		await expect(box).toBeVisible();
		// Polled: a page that renders its card again (card info, once its data is in) may be measured mid-layout.
		await expect.poll(() => box.evaluate((element) => element.scrollWidth - element.clientWidth), { message: `${where}: the ${selector} scrolls` }).toBeGreaterThan(0);
	}
}

test('a card with a long code line and a wide table fits every page that shows it', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/new-deck');
	await page.getByLabel('Deck name').fill('Wide');
	await page.getByRole('button', { name: 'Create deck' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Add cards to Wide' })).toBeVisible();
	await page.getByRole('textbox', { name: 'Front' }).fill(FRONT);
	await page.getByRole('textbox', { name: 'Back' }).fill(BACK);
	const preview = page.getByRole('region', { name: 'Preview' });
	await expectScrollsInPlace(preview, 'Add cards');
	await expectFits(page, 'Add cards');
	// The fields stay on the screen while the preview shows the card.
	for (const field of [page.getByRole('textbox', { name: 'Front' }), page.getByRole('textbox', { name: 'Back' }), page.getByRole('textbox', { name: 'Tags' })]) {
		const box = (await field.boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
	}
	await page.getByRole('button', { name: 'Add 1 card' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();

	await page.getByRole('link', { name: 'Back to the deck' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Wide' })).toBeVisible();
	const deckUrl = page.url();
	const card = page.getByRole('article', { name: 'Card 1' });
	await expectScrollsInPlace(card, 'deck page');
	await expectFits(page, 'deck page');

	await card.getByRole('link', { name: 'Card info: card 1', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectScrollsInPlace(page.locator('main'), 'card info');
	await expectFits(page, 'card info');

	await page.goto(`/browse?q=${encodeURIComponent('deck:Wide')}`);
	await expect(page.getByRole('list', { name: 'Cards found' }).getByRole('listitem')).toHaveCount(1);
	await expectFits(page, 'browse');

	await page.goto(deckUrl);
	await page.getByRole('link', { name: 'Study this deck' }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	const back = page.getByRole('group', { name: 'Back' });
	await expectScrollsInPlace(back, 'study');
	await expectFits(page, 'study');
	expect(errors).toEqual([]);
});

test('a table to import whose cells hold a long code line fits the screen, before and after choosing its columns', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
	const csv = `front,back\n${quoted(FRONT)},${quoted(BACK)}\n`;
	await page.goto('/import');
	await page.locator('input[type="file"]').setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
	await expectFits(page, 'import columns');
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await expectFits(page, 'import preview');
	expect(errors).toEqual([]);
});
