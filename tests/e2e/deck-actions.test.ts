import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors } from './page-errors';

const FRUIT = 'front\tback\napple\t사과\npear\t배\nplum\t자두\n';

/** Imports `fruit.tsv` through the Import page, as a person would; `preview` sees the preview first. The deck is named "fruit" unless renamed. */
async function importFruit(page: Page, preview?: () => Promise<void>): Promise<void> {
	await page.goto('/import');
	await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
	await page.locator('input[type="file"]').setInputFiles([{ name: 'fruit.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(FRUIT, 'utf8') }]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await preview?.();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('link', { name: /: 3 cards/ })).toBeVisible();
}

/** Answers fruit's first card Easy, and waits until the answer is stored: a page left at once may take its write with it. */
async function studyOneEasy(page: Page): Promise<void> {
	await page.goto('/study/fruit');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Easy/ }).click();
	await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '1');
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function deleteFruit(page: Page): Promise<void> {
	await page.goto('/deck/fruit');
	await page.getByRole('button', { name: 'Delete deck' }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete the deck “fruit”?' });
	await expect(dialog).toContainText('Its 3 cards leave every study session');
	await dialog.getByRole('button', { name: 'Delete deck' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Deleted the deck.' })).toBeVisible();
	await expect(page.getByText(/This deck was deleted on/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Restore deck' })).toBeFocused();
}

/** Restores fruit on its page in `there`: the study page in `here` gives up saying it is `gone`, and its session is back. */
async function restoreFruitThenStudy(there: Page, here: Page, gone: Locator): Promise<void> {
	await there.getByRole('button', { name: 'Restore deck' }).click();
	await expect(there.getByRole('status').filter({ hasText: 'Restored the deck and 3 cards.' })).toBeVisible();
	await expect(gone).toBeHidden();
	await expect(here.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(here.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuemax', '3');
}

async function homeLists(page: Page, deck: string): Promise<boolean> {
	await page.goto('/');
	await expect(page.getByRole('link', { name: /^Study AWS 기초$/ })).toBeVisible();
	return page.getByRole('link', { name: `Study ${deck}`, exact: true }).isVisible();
}

test('a deck is deleted after a question, leaves the home page, and Restore brings it back as it was', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await importFruit(page);
	// Study one card, so that there is progress to keep.
	await studyOneEasy(page);

	// A built-in deck comes with the app: no Delete there.
	await page.goto('/deck/aws-%EA%B8%B0%EC%B4%88');
	await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Delete deck' })).toHaveCount(0);

	// Cancel changes nothing.
	await page.goto('/deck/fruit');
	await page.getByRole('button', { name: 'Delete deck' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('dialog')).toBeHidden();
	expect(await homeLists(page, 'fruit')).toBe(true);

	await deleteFruit(page);
	await expect(page.getByRole('link', { name: 'Study this deck' })).toHaveCount(0);
	expect(await homeLists(page, 'fruit')).toBe(false);
	await page.goto('/browse?q=apple');
	await expect(page.getByText('No cards match this search.')).toBeVisible();

	// After a reload too (the page no longer holds how the cards stood), they come back as they stood.
	await page.goto('/deck/fruit');
	await page.getByRole('button', { name: 'Restore deck' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restored the deck and 3 cards.' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'fruit' })).toBeFocused();
	await expect(page.getByText('3 cards', { exact: true })).toBeVisible();
	expect(await homeLists(page, 'fruit')).toBe(true);
	// The card studied before is still due later, not new: 2 new cards left today.
	await expect(page.locator('.decks li').filter({ hasText: 'fruit' })).toContainText('2 new');
	expect(errors).toEqual([]);
});

test('a study tab follows its deck deleted in another tab, and a restore there brings its session back', async ({ context, baseURL }) => {
	const here = await context.newPage();
	const there = await context.newPage();
	const errors = [...(await collectErrors(here, baseURL)), ...(await collectErrors(there, baseURL))];
	await importFruit(there);
	await here.goto('/study/fruit');
	await expect(here.getByRole('button', { name: 'Show answer' })).toBeVisible();

	await deleteFruit(there);
	const gone = here.getByRole('region', { name: 'This deck was deleted' });
	await expect(gone).toBeVisible();
	await expect(gone.getByRole('link', { name: 'Back to your decks' })).toBeVisible();
	// Not a deck that merely has no cards yet.
	await expect(here.getByText('This deck has no cards yet')).toHaveCount(0);

	await restoreFruitThenStudy(there, here, gone);
	expect(errors).toEqual([]);
});

test('a study page opened for a deck deleted before (a bookmark, Back) says so, and a restore in another tab brings its session back', async ({ context, baseURL }) => {
	const here = await context.newPage();
	const there = await context.newPage();
	const errors = [...(await collectErrors(here, baseURL)), ...(await collectErrors(there, baseURL))];
	await importFruit(there);
	await studyOneEasy(there);
	await deleteFruit(there);

	await here.goto('/study/fruit');
	const gone = here.getByRole('region', { name: 'This deck was deleted' });
	await expect(gone).toBeVisible();
	await expect(here.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
	// No session to show progress of: the card answered before does not read as a session done.
	await expect(here.getByRole('progressbar')).toHaveCount(0);
	await expect(gone.getByRole('link', { name: 'Back to your decks' })).toHaveAttribute('href', '/');
	await expect(gone.getByRole('link', { name: 'Go to the deck’s page' })).toHaveAttribute('href', '/deck/fruit');

	await restoreFruitThenStudy(there, here, gone);
	expect(errors).toEqual([]);
});

test('a deleted deck comes back with its progress when its file is imported again', async ({ page }) => {
	await importFruit(page);
	await studyOneEasy(page);
	await deleteFruit(page);

	await importFruit(page, async () => {
		await expect(page.getByText('fruit: 3 cards that were retired or deleted come back, with their review history.')).toBeVisible();
	});
	expect(await homeLists(page, 'fruit')).toBe(true);
	await expect(page.locator('.decks li').filter({ hasText: 'fruit' })).toContainText('2 new');
	await page.goto('/stats?deck=fruit');
	await expect(page.getByRole('combobox')).toHaveValue('fruit');
});

test('a deck is renamed on its page: a taken or blank name is refused, and the new name stays when its file is imported again', async ({ page }) => {
	await importFruit(page);
	await page.goto('/deck/fruit');
	await page.getByRole('button', { name: 'Rename' }).click();
	const field = page.getByLabel('Deck name');
	await expect(field).toBeFocused();
	await expect(field).toHaveValue('fruit');

	await field.fill('aws 기초');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(field).toHaveAccessibleDescription('Another deck already has this name.');
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await field.fill('  ');
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(field).toHaveAccessibleDescription('Write a name.');

	await field.fill('과일 단어');
	await field.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: '과일 단어' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Renamed the deck.' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Rename' })).toBeFocused();
	expect(await homeLists(page, '과일 단어')).toBe(true);

	// The file names the deck "fruit"; the name given here stays.
	await importFruit(page);
	expect(await homeLists(page, '과일 단어')).toBe(true);
	expect(await homeLists(page, 'fruit')).toBe(false);

	// Escape leaves the form without a change; a built-in deck has no Rename.
	await page.goto('/deck/fruit');
	await page.getByRole('button', { name: 'Rename' }).click();
	await page.getByLabel('Deck name').fill('Something else');
	await page.getByLabel('Deck name').press('Escape');
	await expect(page.getByRole('heading', { level: 1, name: '과일 단어' })).toBeVisible();
	await page.goto('/deck/aws-%EA%B8%B0%EC%B4%88');
	await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Rename' })).toHaveCount(0);
});
