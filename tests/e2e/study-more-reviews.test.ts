import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { collectErrors } from './page-errors';

// A deck of one's own, of cards that are no one's siblings: six of them, learned on one day and due together the next.
const DECK = 'Backlog';
const STUDY_URL = '/study/backlog';
const CARDS = 6;
/** The deck's own review limit, set in its Options: the next day's six due reviews are more than it lets in. */
const REVIEW_LIMIT = 2;

const isPhone = (testInfo: TestInfo) => testInfo.project.name === 'phone';
const front = (page: Page) => page.getByRole('group', { name: 'Front' });
const back = (page: Page) => page.getByRole('group', { name: 'Back' });
const progressBar = (page: Page) => page.getByRole('progressbar', { name: 'Progress' });
const cardsLeft = (page: Page) => page.getByRole('list', { name: 'Cards left' }).getByRole('listitem');

/** Shows the answer (a tap on a phone, Space at a desktop) and grades it Good, once the answer before it is stored. */
async function answerGood(page: Page, testInfo: TestInfo, answeredBefore: number): Promise<void> {
	await expect(front(page)).toBeVisible();
	if (isPhone(testInfo)) await page.getByRole('button', { name: 'Show answer' }).click();
	else await page.keyboard.press('Space');
	await expect(back(page)).toBeVisible();
	await page.getByRole('button', { name: /^Good, / }).click();
	await expect(progressBar(page)).toHaveAttribute('aria-valuenow', String(answeredBefore + 1));
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

test('a backlog past the review limit: the end of the day says how many reviews are left, and “Study 4 more reviews” brings them', async ({ page, baseURL }, testInfo) => {
	// Two days of studying, through the screens a learner uses.
	test.setTimeout(60_000);
	await page.clock.install({ time: new Date('2026-11-25T10:00:00') });
	const errors = await collectErrors(page, baseURL);
	await page.goto('/new-deck');
	await page.getByLabel('Deck name').fill(DECK);
	await page.getByRole('button', { name: 'Create deck' }).click();
	for (let card = 0; card < CARDS; card++) {
		await page.getByRole('textbox', { name: 'Front' }).fill(`question ${card}`);
		await page.getByRole('textbox', { name: 'Back' }).fill(`answer ${card}`);
		await page.getByRole('button', { name: 'Add 1 card' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();
	}

	// Day 0: every card learned, Good: all due the next day.
	await page.goto(STUDY_URL);
	for (let answered = 0; answered < CARDS; answered++) await answerGood(page, testInfo, answered);
	const end = page.getByRole('region', { name: 'Done for today' });
	await expect(end).toBeVisible();
	await expect(end.getByRole('button', { name: /more reviews?$/ })).toHaveCount(0);

	// The deck lets in two reviews a day.
	await page.goto(`/deck/${encodeURIComponent('backlog')}`);
	await page.getByText('Options', { exact: true }).click();
	const reviews = page.getByRole('group', { name: 'Reviews per day' });
	await reviews.getByRole('checkbox', { name: /^Use the global setting/ }).uncheck();
	await reviews.getByRole('textbox', { name: 'For this deck' }).fill(String(REVIEW_LIMIT));
	await page.getByRole('button', { name: 'Save options' }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();

	// Day 1: six due, two of them in the session.
	await page.clock.setSystemTime(new Date('2026-11-26T10:00:00'));
	await page.goto(STUDY_URL);
	await expect(cardsLeft(page)).toHaveText(['New 0', 'Learning 0', `Review ${REVIEW_LIMIT}`]);
	for (let answered = 0; answered < REVIEW_LIMIT; answered++) await answerGood(page, testInfo, answered);
	await expect(end).toBeVisible();
	await expect(end.getByText('4 more reviews are due today, past today’s review limit.')).toBeVisible();
	// No new card is left: only the reviews are offered.
	await expect(end.getByRole('button', { name: /more new card/ })).toHaveCount(0);
	// It brings up to 50: the four left.
	await end.getByRole('button', { name: 'Study 4 more reviews' }).click();
	await expect(page.getByRole('status').filter({ hasText: '4 more reviews for today.' })).toBeVisible();
	await expect(cardsLeft(page)).toHaveText(['New 0', 'Learning 0', 'Review 4']);
	await expect(progressBar(page)).toHaveAttribute('aria-valuemax', String(CARDS));
	await answerGood(page, testInfo, REVIEW_LIMIT);

	// Kept on reload, and the home page counts the three the session still holds.
	await page.reload();
	await expect(cardsLeft(page)).toHaveText(['New 0', 'Learning 0', 'Review 3']);
	await page.goto('/');
	const row = page.getByRole('region', { name: 'Decks' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: DECK, exact: true }) });
	await expect(row).toContainText('3 due');

	await page.goto(STUDY_URL);
	for (let answered = REVIEW_LIMIT + 1; answered < CARDS; answered++) await answerGood(page, testInfo, answered);
	// Nothing is left to bring in, so nothing is offered.
	await expect(end).toBeVisible();
	await expect(end.getByText(/more reviews? (is|are) due today/)).toHaveCount(0);
	await expect(end.getByRole('button', { name: /more reviews?$/ })).toHaveCount(0);
	expect(errors).toEqual([]);
});
