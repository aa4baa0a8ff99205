import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './page-errors';

const STUDY_URL = `/study/${encodeURIComponent('aws-기초')}`;

const front = (page: Page) => page.getByRole('group', { name: 'Front' });

test('Bury and Suspend from the ⋯ menu, by click or by a screen reader’s click, leave the keyboard on the next card’s Show answer', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto(STUDY_URL);
	await expect(front(page)).toBeVisible();
	const showAnswer = page.getByRole('button', { name: 'Show answer' });
	const status = page.getByRole('status');

	await page.getByRole('button', { name: 'More' }).click();
	await page.getByRole('button', { name: 'Bury until tomorrow' }).click();
	await expect(status).toHaveText('The card is buried until tomorrow. Undo brings it back.');
	await expect(showAnswer).toBeFocused();

	// A screen reader clicks with no pointer pressed before it.
	await page.getByRole('button', { name: 'More' }).dispatchEvent('click');
	await page.getByRole('button', { name: 'Suspend card' }).dispatchEvent('click');
	await expect(status).toHaveText('The card is suspended: it stays out of your sessions. Undo brings it back.');
	await expect(showAnswer).toBeFocused();
	expect(errors).toEqual([]);
});
