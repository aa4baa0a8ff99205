import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './page-errors';
import { homeFromStudy } from './leave-study';

const DECK_NAME = 'AWS 기초';
const STUDY_URL = `/study/${encodeURIComponent('aws-기초')}`;
/** The seed deck's first list card: its items are lines 3 to 8 of the note. */
const LIST_CARD = '탄생 배경: 아마존닷컴의 내부 운영';
/** The emphasis cards of two of those items (lines 6 and 8): the list card's back shows their answers. */
const ITEM_CARDS = ['이에 대응하기 위해 아마존은 내부적으로 [...]를 구축', '자체 개발한 클라우드 서비스를 [...]하기 시작'];

const front = (page: Page) => page.getByRole('group', { name: 'Front' });
const progress = (page: Page) => page.getByRole('progressbar', { name: 'Progress' });
const deckItem = (page: Page) =>
	page.getByRole('region', { name: 'Decks' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: DECK_NAME, exact: true }) });

/** The number of new cards the home page's row of the deck says today brings. */
async function homeNewCount(page: Page): Promise<number> {
	await expect(deckItem(page)).toContainText(/\d+ new/);
	return Number(/(\d+) new/.exec((await deckItem(page).textContent()) ?? '')![1]);
}

/** Answers the card shown, the session's `answered`-th answer counted from 0, with Good; its front. */
async function answerGood(page: Page, answered: number): Promise<string> {
	await expect(progress(page)).toHaveAttribute('aria-valuenow', String(answered));
	const shown = (await front(page).innerText()).replace(/\s+/g, ' ').trim();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good, / }).click();
	return shown;
}

/** Answers every card left in the session shown with Good, until the day is done; the fronts seen, in order. */
async function answerAllGood(page: Page): Promise<string[]> {
	const total = Number(await progress(page).getAttribute('aria-valuemax'));
	const fronts: string[] = [];
	for (let answered = Number(await progress(page).getAttribute('aria-valuenow')); answered < total; answered++) fronts.push(await answerGood(page, answered));
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	return fronts;
}

/**
 * The day's cards `seen` began with the list card and had none of its items' cards, and the end screen says that
 * cards wait (`waiting`); then back to the home page.
 */
async function expectItemsWaiting(page: Page, seen: readonly string[], waiting: string): Promise<void> {
	expect(seen[0]).toBe(LIST_CARD);
	for (const item of ITEM_CARDS) expect(seen).not.toContain(item);
	await expect(page.getByText(waiting)).toBeVisible();
	await homeFromStudy(page);
}

test('a day brings a list card and holds back the cards whose answers it shows, as the home page counts, until Settings lets them come the same day', async ({ page, baseURL }) => {
	// Every card of the deck answered over the day: 20 answers.
	test.setTimeout(90_000);
	await page.clock.install({ time: new Date('2026-11-25T10:00:00') });
	const errors = await collectErrors(page, baseURL);
	await page.goto('/settings');
	await expect(page.getByRole('radio', { name: 'One a day: the others wait for another day' })).toBeChecked();

	// The home page's count is the session's: the deck's 22 cards less the 7 held back as siblings of a card the
	// day brings, fewer than the 20 new cards a day.
	await page.goto('/');
	const firstDay = await homeNewCount(page);
	expect(firstDay).toBe(15);
	await deckItem(page).getByRole('link', { name: `Study ${DECK_NAME}` }).click();
	await expect(progress(page)).toHaveAttribute('aria-valuemax', String(firstDay));
	const seen = await answerAllGood(page);
	expect(seen).toHaveLength(firstDay);
	// The end screen says why new cards are left, as Anki's says related cards were delayed.
	await expectItemsWaiting(page, seen, 'Some new cards wait for another day, because cards you studied today showed their answers.');

	// The held cards wait for another day: the home page counts none of them today.
	expect(await homeNewCount(page)).toBe(0);

	// Let them come the same day: today's session goes on with them, up to the 20 new cards a day.
	await page.goto('/settings');
	await page.getByRole('radio', { name: 'All on the same day' }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await page.goto('/');
	const sameDay = await homeNewCount(page);
	expect(sameDay).toBe(20 - firstDay);
	await deckItem(page).getByRole('link', { name: `Study ${DECK_NAME}` }).click();
	await expect(page.getByText(`${firstDay} / ${firstDay + sameDay}`, { exact: true })).toBeVisible();
	const held = await answerAllGood(page);
	expect(held).toHaveLength(sameDay);
	// In note order, the list card's items come first.
	expect(held.slice(0, ITEM_CARDS.length)).toEqual(ITEM_CARDS);
	expect(errors).toEqual([]);
});

test('“Study more new cards” brings the held cards when only they are left, and the home page counts what the session still holds', async ({ page, baseURL }) => {
	// The day's 15 new cards, then one of the 7 held: 16 answers.
	test.setTimeout(90_000);
	await page.clock.install({ time: new Date('2026-11-25T10:00:00') });
	const errors = await collectErrors(page, baseURL);
	await page.goto(STUDY_URL);
	const firstDay = await answerAllGood(page);
	const end = page.getByRole('region', { name: 'Done for today' });
	await expect(end.getByText('Some new cards wait for another day, because cards you studied today showed their answers.')).toBeVisible();
	const held = 22 - firstDay.length;
	await end.getByRole('button', { name: `Study ${held} more new cards` }).click();
	await expect(page.getByRole('status').filter({ hasText: `${held} more new cards for today: they were waiting for another day` })).toBeVisible();
	await expect(progress(page)).toHaveAttribute('aria-valuemax', '22');
	await answerGood(page, firstDay.length);

	// Home mid-session: the deck's row counts the six the session still has to show, not the rule's none.
	await homeFromStudy(page);
	expect(await homeNewCount(page)).toBe(held - 1);
	await deckItem(page).getByRole('link', { name: `Study ${DECK_NAME}` }).click();
	await expect(page.getByRole('list', { name: 'Cards left' }).getByRole('listitem')).toHaveText([`New ${held - 1}`, 'Learning 0', 'Review 0']);
	expect(errors).toEqual([]);
});

test('the next day the held cards still wait, their list cards being due again; the day after, they come', async ({ page, baseURL }) => {
	// Three days of the deck's cards answered: 37 answers.
	test.setTimeout(90_000);
	await page.clock.install({ time: new Date('2026-11-25T10:00:00') });
	const errors = await collectErrors(page, baseURL);
	await page.goto(STUDY_URL);
	const firstDay = await answerAllGood(page);

	// Good on a new card: a day's interval. Tomorrow's session is the same cards, due, and no new card of theirs.
	await page.clock.setSystemTime(new Date('2026-11-26T10:00:00'));
	await page.goto('/');
	await expect(deckItem(page)).toContainText(`0 new · ${firstDay.length} due`);
	await page.goto(STUDY_URL);
	expect(await answerAllGood(page)).toEqual(firstDay);

	// Good again: six days. The day after tomorrow no sibling of theirs is due or answered: the 7 held come.
	await page.clock.setSystemTime(new Date('2026-11-27T10:00:00'));
	await page.goto('/');
	const held = 22 - firstDay.length;
	await expect(deckItem(page)).toContainText(`${held} new · 0 due`);
	await page.goto(STUDY_URL);
	const dayAfter = await answerAllGood(page);
	expect(dayAfter).toHaveLength(held);
	expect(dayAfter.slice(0, ITEM_CARDS.length)).toEqual(ITEM_CARDS);
	expect(errors).toEqual([]);
});

// On a first visit the deck is not stored yet: the home page counts what the build says a first day brings
// (routes/home-decks.ts, the deck summary's firstDayNew), which must be what the session brings.
test('on a first visit the home page counts the new cards the session brings', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/');
	const counted = await homeNewCount(page);
	await deckItem(page).getByRole('link', { name: `Study ${DECK_NAME}` }).click();
	await expect(progress(page)).toHaveAttribute('aria-valuemax', /\d+/);
	expect(counted).toBe(Number(await progress(page).getAttribute('aria-valuemax')));
	expect(errors).toEqual([]);
});

test('a deck’s own options let its new siblings come the same day, whatever the global setting says', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/');
	expect(await homeNewCount(page)).toBe(15);
	await deckItem(page).getByRole('link', { name: DECK_NAME, exact: true }).click();
	await page.getByText('Options', { exact: true }).click();
	const siblings = page.getByLabel('New cards that show each other’s answers');
	await expect(siblings).toHaveValue('global');
	await expect(siblings.getByRole('option', { selected: true })).toHaveText('Use the global setting (One a day)');
	await siblings.selectOption({ label: 'All on the same day' });
	await page.getByRole('button', { name: 'Save options' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	await page.goto('/');
	expect(await homeNewCount(page)).toBe(20);
	await deckItem(page).getByRole('link', { name: `Study ${DECK_NAME}` }).click();
	await expect(progress(page)).toHaveAttribute('aria-valuemax', '20');
	// The list's card first, then at once the cards of its items, the deck's own choice.
	await expect(front(page)).toContainText(LIST_CARD);
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good, / }).click();
	await expect(front(page)).toContainText(ITEM_CARDS[0]!);
	expect(errors).toEqual([]);
});

/** The deck's session opened from the home page, every card answered Good: the fronts seen (answerAllGood). */
async function studyFromHome(page: Page): Promise<string[]> {
	await deckItem(page).getByRole('link', { name: `Study ${DECK_NAME}` }).click();
	return answerAllGood(page);
}

/** The number of cards the home page's row of the deck says are due today. */
async function homeDueCount(page: Page): Promise<number> {
	await expect(deckItem(page)).toContainText(/\d+ due/);
	return Number(/(\d+) due/.exec((await deckItem(page).textContent()) ?? '')![1]);
}

/** The seed deck's first day with every new sibling let in: the day's limit of new cards, all due the next day. */
const FIRST_DAY_ALL_SIBLINGS = 20;
/** Of those, the cards whose answers a list card due the same day shows (its items'), which wait while it is due. */
const REVIEWS_HELD = 7;

test('a list card due with its items’ cards comes alone, as the home page counts; the items wait for another day, unless Settings lets them come', async ({ page, baseURL }) => {
	// Two days of the deck's cards answered: 20 answers, then the day's reviews, then those held.
	test.setTimeout(120_000);
	await page.clock.install({ time: new Date('2026-11-25T10:00:00') });
	const errors = await collectErrors(page, baseURL);
	const saved = page.getByRole('status').filter({ hasText: 'Saved' });
	// The first day brings the list card and its items' cards together, so that they fall due on the same day.
	await page.goto('/settings');
	await expect(page.getByRole('radio', { name: 'One a day: the others stay due for another day' })).toBeChecked();
	await page.getByRole('radio', { name: 'All on the same day' }).check();
	await expect(saved).toBeVisible();
	await page.goto(STUDY_URL);
	const firstDay = await answerAllGood(page);
	expect(firstDay).toHaveLength(FIRST_DAY_ALL_SIBLINGS);
	expect(firstDay.slice(0, 1 + ITEM_CARDS.length)).toEqual([LIST_CARD, ...ITEM_CARDS]);
	await page.goto('/settings');
	await page.getByRole('radio', { name: 'One a day: the others wait for another day' }).check();
	await expect(saved).toBeVisible();

	// The next day all of them are due: the list card comes, the cards of its items wait, and the home page counts so.
	await page.clock.setSystemTime(new Date('2026-11-26T10:00:00'));
	await page.goto('/');
	expect(await homeDueCount(page)).toBe(FIRST_DAY_ALL_SIBLINGS - REVIEWS_HELD);
	await expectItemsWaiting(page, await studyFromHome(page), 'Some reviews wait for another day, because cards you studied today showed their answers.');
	expect(await homeDueCount(page)).toBe(0);

	// Let them come: they are still due today, and come.
	await page.goto('/settings');
	await page.getByRole('radio', { name: 'Each on the day it is due' }).check();
	await expect(saved).toBeVisible();
	await page.goto('/');
	expect(await homeDueCount(page)).toBe(REVIEWS_HELD);
	const held = await studyFromHome(page);
	expect([held.length, ...held.slice(0, ITEM_CARDS.length)]).toEqual([REVIEWS_HELD, ...ITEM_CARDS]);
	expect(errors).toEqual([]);
});

/** The deck's options, opened on its page from the home page. */
async function openDeckOptions(page: Page): Promise<void> {
	await page.goto('/');
	await deckItem(page).getByRole('link', { name: DECK_NAME, exact: true }).click();
	await page.getByText('Options', { exact: true }).click();
}

async function saveDeckOptions(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Save options' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

test('a deck’s own options let its reviews that are siblings come the same day', async ({ page, baseURL }) => {
	test.setTimeout(90_000);
	await page.clock.install({ time: new Date('2026-11-25T10:00:00') });
	const errors = await collectErrors(page, baseURL);
	await openDeckOptions(page);
	const newSiblings = page.getByLabel('New cards that show each other’s answers');
	await newSiblings.selectOption({ label: 'All on the same day' });
	const reviewSiblings = page.getByLabel('Reviews that show each other’s answers, due the same day');
	await expect(reviewSiblings.getByRole('option', { selected: true })).toHaveText('Use the global setting (One a day)');
	await reviewSiblings.selectOption({ label: 'All on the same day' });
	await saveDeckOptions(page);
	await page.goto(STUDY_URL);
	expect(await answerAllGood(page)).toHaveLength(FIRST_DAY_ALL_SIBLINGS);

	await page.clock.setSystemTime(new Date('2026-11-26T10:00:00'));
	await page.goto('/');
	expect(await homeDueCount(page)).toBe(FIRST_DAY_ALL_SIBLINGS);
	await deckItem(page).getByRole('link', { name: `Study ${DECK_NAME}` }).click();
	// The list card, then at once the cards of its items, the deck's own choice.
	await expect(front(page)).toContainText(LIST_CARD);
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good, / }).click();
	await expect(front(page)).toContainText(ITEM_CARDS[0]!);
	expect(errors).toEqual([]);
});

/** The seed deck's second list card: its items' cards (SQS, S3 and EC2) come right after it in note order. */
const SECOND_LIST = '출시 서비스';

test('a new card answered before its list card’s review holds that review for another day, as the home page counts', async ({ page, baseURL }) => {
	// Three days: 4 answers, then 5, then the held review.
	test.setTimeout(90_000);
	await page.clock.install({ time: new Date('2026-11-25T10:00:00') });
	const errors = await collectErrors(page, baseURL);
	// The deck's own options: four new cards a day, new siblings all on the same day (reviews still wait).
	await openDeckOptions(page);
	const newCards = page.getByRole('group', { name: 'New cards per day' });
	await newCards.getByRole('checkbox', { name: /^Use the global setting/ }).uncheck();
	await newCards.getByLabel('For this deck').fill('4');
	await page.getByLabel('New cards that show each other’s answers').selectOption({ label: 'All on the same day' });
	await saveDeckOptions(page);
	await page.goto(STUDY_URL);
	expect(await answerAllGood(page)).toEqual([LIST_CARD, ...ITEM_CARDS, SECOND_LIST]);

	// The next day both list cards are due (the first one's items wait for it) and the second one's items are new,
	// spread among them: the first list card, SQS, S3, the second list card, EC2, and one more new card.
	await page.clock.setSystemTime(new Date('2026-11-26T10:00:00'));
	await page.goto('/');
	await expect(deckItem(page)).toContainText('4 new · 2 due');
	await deckItem(page).getByRole('link', { name: `Study ${DECK_NAME}` }).click();
	await expect(progress(page)).toHaveAttribute('aria-valuemax', '6');
	expect(await answerGood(page, 0)).toBe(LIST_CARD);
	expect(await answerGood(page, 1)).toContain('SQS');
	// SQS answered: the second list card, whose back shows its answer, leaves the session for another day.
	await expect(front(page)).toContainText('S3');
	await expect(progress(page)).toHaveAttribute('aria-valuemax', '5');
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	// The home page counts what the session has left.
	await homeFromStudy(page);
	await expect(deckItem(page)).toContainText('3 new · 0 due');
	const rest = await studyFromHome(page);
	expect(rest).toHaveLength(3);
	expect(rest).not.toContain(SECOND_LIST);
	await expect(page.getByText('Some reviews wait for another day, because cards you studied today showed their answers.')).toBeVisible();
	await homeFromStudy(page);
	await expect(deckItem(page)).toContainText('0 new · 0 due');

	// Nothing was written to it: it is due the next day, overdue by a day with the first list card's items, and
	// the fourth is the day before's last new card (SQS, S3 and EC2 wait for the list card again).
	await page.clock.setSystemTime(new Date('2026-11-27T10:00:00'));
	await page.goto('/');
	await expect(deckItem(page)).toContainText(' · 4 due');
	await deckItem(page).getByRole('link', { name: `Study ${DECK_NAME}` }).click();
	const dayAfter: string[] = [];
	for (let answered = 0; answered < 6 && !dayAfter.includes(SECOND_LIST); answered++) dayAfter.push(await answerGood(page, answered));
	expect(dayAfter.slice(0, 1)).toEqual(ITEM_CARDS.slice(0, 1));
	expect(dayAfter).toContain(SECOND_LIST);
	expect(errors).toEqual([]);
});
