import { expect, test, type Page } from '@playwright/test';
import { ownDeckWithCard } from './own-deck';
import { collectErrors } from './page-errors';
import { brokenWords, expectFits } from './page-fits';

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

test('on a 320 px screen in Korean, a sub-deck’s long title keeps its words whole and leaves the card in view above Show answer', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	const name = 'Music Intervals::3/ Hard - uncommon notes, aug / dim 4th, 5th, 7th';
	await page.setViewportSize({ width: 320, height: 640 });
	await ownDeckWithCard(page, name, { front: 'The major 6th of G# is…', back: 'E#' });
	const deckId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
	await page.goto('/settings');
	await page.getByRole('radio', { name: '한국어', exact: true }).check();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

	await page.goto(`/study/${encodeURIComponent(deckId)}`);
	const title = page.getByRole('heading', { level: 1 });
	await expect(title).toHaveText(name);
	await expect(page.getByRole('group', { name: '앞면' })).toHaveText('The major 6th of G# is…');
	expect(await brokenWords(title), 'words broken inside').toEqual([]);
	// The bar is fixed at the bottom of the screen: the card, down to its last line (the tap hint), ends above it.
	const barTop = (await page.getByRole('button', { name: '정답 보기' }).boundingBox())!.y;
	const hint = (await page.getByText('카드를 누르면 정답이 보입니다.').boundingBox())!;
	expect(hint.y + hint.height, 'the card above the answer bar').toBeLessThanOrEqual(barTop);
	await expectFits(page, 'study, 320 px');
	expect(errors).toEqual([]);
});
