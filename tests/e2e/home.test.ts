import { expect, test } from '@playwright/test';
import { ownDeckWithCard } from './own-deck';
import { homeFromStudy } from './leave-study';
import { afterNextFrames, layoutShifts, watchLayoutShifts } from './page-fits';

test('the built app loads and shows its home page', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});

	await page.goto('/');

	await expect(page).toHaveTitle('Recall');
	await expect(page.getByRole('heading', { level: 1, name: 'Recall' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Decks' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Recall' })).toHaveAttribute('href', '/');
	expect(errors).toEqual([]);
});

test('the page keeps still as the deck list comes, on a first visit and with a store', async ({ page }) => {
	await watchLayoutShifts(page);
	for (const visit of ['first visit', 'with a store']) {
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'AWS 기초', exact: true })).toBeVisible();
		await afterNextFrames(page);
		expect(await layoutShifts(page), visit).toEqual([]);
		// Opening a deck stores the built-in decks: the next visit reads its list from the store.
		if (visit === 'first visit') {
			await page.getByRole('link', { name: 'AWS 기초', exact: true }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toBeVisible();
		}
	}
});

test('on a slow first load the app’s bar shows before its code has arrived, and gives way to the header', async ({ page }) => {
	// The app's code held back, as a slow network would.
	let release: () => void = () => {};
	const arrived = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/**', async (route) => {
		await arrived;
		await route.continue();
	});
	await page.goto('/', { waitUntil: 'commit' });
	const bar = page.locator('.boot-bar');
	await expect(bar).toBeVisible();
	await expect(bar).toHaveText('Recall');
	expect(await bar.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

	release();
	await expect(page.getByRole('heading', { level: 2, name: 'Decks' })).toBeVisible();
	await expect(bar).toBeHidden();
	const header = await page.locator('header').boundingBox();
	expect(header?.y).toBe(0);
});

test('a deep link boots the single-page app through its fallback page', async ({ page }) => {
	const response = await page.goto('/some/deep/link');
	expect(response?.status()).toBe(200);
	// The app itself answers an unknown route with its own page, in the layout.
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to your decks' }).click();
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('heading', { level: 2, name: 'Decks' })).toBeVisible();
});

test('the page speaks Korean to a Korean browser', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ko-KR' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 2, name: '덱' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await context.close();
});

test('the page fits a phone screen without sideways scrolling', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('a card buried from the study screen is not counted as new on the home page, and the siblings it held back are', async ({ page }) => {
	// Above the deck's 22 cards, so that the limit does not hide a miscount.
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('40');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	const deck = page.getByRole('region', { name: 'Decks' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: 'AWS 기초', exact: true }) });
	// The deck's 22 cards less the 7 held back for another day as siblings of a list card today brings
	// (README, "Siblings wait for another day").
	const firstDay = 15;
	await page.goto('/');
	await expect(deck).toContainText(`${firstDay} new`);

	// The first card is the list card "탄생 배경: 아마존닷컴의 내부 운영", which shows the answers of two emphasis
	// cards. Buried, it holds nothing back: it leaves the count, and they come into it today.
	await page.goto(`/study/${encodeURIComponent('aws-기초')}`);
	await expect(page.getByRole('group', { name: 'Front' })).toHaveText('탄생 배경: 아마존닷컴의 내부 운영');
	await page.getByRole('button', { name: 'More' }).click();
	await page.getByRole('button', { name: 'Bury until tomorrow' }).click();
	await expect(page.getByRole('status')).toHaveText('The card is buried until tomorrow. Undo brings it back.');
	const afterBury = firstDay - 1 + 2;
	await expect(page.getByText(`0 / ${afterBury}`, { exact: true })).toBeVisible();

	await homeFromStudy(page);
	await expect(deck).toContainText(`${afterBury} new`);
	await expect(page.getByRole('link', { name: /^Study all decks/ })).toContainText(`${afterBury} new`);
	// A fresh load reads the store without Dexie, the path the first paint takes.
	await page.reload();
	await expect(deck).toContainText(`${afterBury} new`);
});

test('"Study all decks" says when its own limit of new cards holds back what a deck below still shows, and its session says why it is empty', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('2');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	const studyAll = page.getByRole('link', { name: /^Study all decks/ });
	const limitLine = page.getByText('Today’s limit of 2 new cards across all decks is reached.');
	await page.goto('/');
	await expect(studyAll).toContainText('2 new');
	await expect(limitLine).toBeHidden();

	// The day's two new cards studied in the deck alone, and then a deck of one's own made with a card.
	await page.goto(`/study/${encodeURIComponent('aws-기초')}`);
	for (let answered = 0; answered < 2; answered++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Easy/ }).click();
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await ownDeckWithCard(page, 'Limits', { front: 'apple', back: '사과' });

	await page.goto('/');
	const ownDeck = page.getByRole('region', { name: 'Decks' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Limits', exact: true }) });
	await expect(ownDeck).toContainText('1 new');
	await expect(studyAll).toContainText('0 new');
	await expect(limitLine).toBeVisible();
	await expect(studyAll).toHaveAccessibleDescription('Today’s limit of 2 new cards across all decks is reached.');

	await studyAll.click();
	await expect(page.getByRole('heading', { name: 'Nothing to study now' })).toBeVisible();
	await expect(page.getByText('No cards are due right now, and today’s limit of 2 new cards across all decks is reached.')).toBeVisible();
});
