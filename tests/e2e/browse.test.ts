import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { showBulkActions } from './browse-actions';
import { ownCardInfo, ownDeckWithCard } from './own-deck';
import { chooseFiles, file } from './import-files';
import { collectErrors } from './page-errors';
import { brokenWords, expectFits } from './page-fits';

// Card texts are the generator's business: the tests use the seed deck's name, its size (22 cards)
// and the fronts the search finds, and compare a study card's front with itself.
const DECK_NAME = 'AWS 기초';
const DECK_URL = `/deck/${encodeURIComponent('aws-기초')}`;
const STUDY_URL = `/study/${encodeURIComponent('aws-기초')}`;
const SEED_CARDS = 22;
// A study day brings one new card of a set of siblings: 7 cards (five list items, two emphasised phrases of a list's
// lines) wait for another day, since a list card the same day shows has their answers.
const SEED_HELD_SIBLINGS = 7;
const SEED_FIRST_DAY_NEW = SEED_CARDS - SEED_HELD_SIBLINGS;

const isPhone = (testInfo: TestInfo) => testInfo.project.name === 'phone';
const front = (page: Page) => page.getByRole('group', { name: 'Front' });
const back = (page: Page) => page.getByRole('group', { name: 'Back' });

function deckItem(page: Page, deckName: string) {
	return page.getByRole('region', { name: 'Decks' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: deckName, exact: true }) });
}

async function search(page: Page, query: string): Promise<void> {
	await page.getByRole('searchbox', { name: 'Search' }).fill(query);
}

/** The count of cards found, once the search has settled. */
async function expectFound(page: Page, count: number): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: /^\d+ cards?$/ })).toHaveText(`${count} ${count === 1 ? 'card' : 'cards'}`);
	await expect(page.getByRole('list', { name: 'Cards found' }).getByRole('listitem')).toHaveCount(count);
}

/** Settings' "All on the same day": a list's items and the blanks of one sentence come with it, as before siblings waited. */
async function newSiblingsSameDay(page: Page): Promise<void> {
	await page.goto('/settings');
	const group = page.getByRole('group', { name: /^New cards that show each other’s answers/ });
	await group.getByRole('radio', { name: 'All on the same day' }).check();
	await expect(group.getByRole('status')).toHaveText(/Saved/);
}

/** The deck's own new cards per day, set on its page. */
async function setDeckNewPerDay(page: Page, value: number | 'global'): Promise<void> {
	await page.goto(DECK_URL);
	await page.getByText('Options', { exact: true }).click();
	const group = page.getByRole('group', { name: 'New cards per day' });
	const useGlobal = group.getByRole('checkbox', { name: /^Use the global setting/ });
	if (value === 'global') await useGlobal.check();
	else {
		await useGlobal.uncheck();
		await group.getByLabel('For this deck').fill(String(value));
	}
	await page.getByRole('button', { name: 'Save options' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

async function showAnswer(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(back(page)).toBeVisible();
}

/** The session's first card: its answer shown, then the button `name` pressed, and the answer stored. */
async function answerFirstCard(page: Page, name: RegExp): Promise<void> {
	await showAnswer(page);
	await page.getByRole('button', { name }).click();
	await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '1');
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Card info of the one card answered today, found in the browser. */
async function openCardAnsweredToday(page: Page): Promise<void> {
	await page.goto('/browse');
	await search(page, 'rated:1');
	await expectFound(page, 1);
	await page.getByRole('list', { name: 'Cards found' }).getByRole('link').click();
}

test('a learner finds cards, suspends two, reads a card’s history, and studies a cloze card of their own', async ({ page, baseURL }, testInfo) => {
	test.setTimeout(90_000);
	if (isPhone(testInfo)) await page.setViewportSize({ width: 360, height: 740 });
	const errors = await collectErrors(page, baseURL);

	// Room for every new card the deck brings today, so that the session's count shows the two suspended ones missing, not a limit.
	await setDeckNewPerDay(page, 30);
	await page.goto('/');
	await expect(deckItem(page, DECK_NAME)).toContainText(`${SEED_FIRST_DAY_NEW} new`);

	// Find.
	await page.getByRole('navigation').getByRole('link', { name: 'Browse' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Browse cards' })).toBeVisible();
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Browse' })).toHaveAttribute('aria-current', 'page');
	await expectFound(page, SEED_CARDS);
	await search(page, `deck:"${DECK_NAME}" 리전`);
	await expectFound(page, 5);
	const results = page.getByRole('list', { name: 'Cards found' });
	await expect(results.getByRole('link', { name: '리전', exact: true })).toBeVisible();
	await expect(results.getByRole('listitem').first()).toContainText(DECK_NAME);
	await expect(results.getByRole('listitem').first()).toContainText('New');

	// A query that cannot be read says why, and searches nothing.
	await search(page, `deck:"${DECK_NAME}`);
	await expect(page.getByRole('alert')).toHaveText('This search cannot be read: a quote is not closed: add the closing "');
	await search(page, `deck:"${DECK_NAME}" 리전`);
	await expectFound(page, 5);

	// Suspend two.
	await page.getByRole('checkbox', { name: 'Select: 리전' }).check();
	await page.getByRole('checkbox', { name: 'Select: 가용 영역(AZ, Availability Zone)' }).check();
	await expect(page.getByText('2 selected')).toBeVisible();
	await showBulkActions(page);
	// Only the built-in deck: nowhere to move cards to, and the hint says what it is about.
	await expect(page.getByRole('region', { name: 'With the selected cards' })).toContainText('Move to another deck: no deck takes cards yet; create a deck of your own first.');
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Suspended 2 cards.' })).toBeVisible();
	for (const name of ['리전', '가용 영역(AZ, Availability Zone)']) {
		await expect(results.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) })).toContainText('Suspended');
	}
	await search(page, 'is:suspended');
	await expectFound(page, 2);
	if (isPhone(testInfo)) {
		for (const button of await page.getByRole('button').all()) {
			if (await button.isVisible()) expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(48);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
	}

	// Not in a study session: the day's new cards are the others (neither of the two holds a sibling back).
	await page.goto(STUDY_URL);
	await expect(page.getByRole('list', { name: 'Cards left' }).getByRole('listitem').first()).toHaveText(`New ${SEED_FIRST_DAY_NEW - 2}`);
	const studied = (await front(page).innerText()).trim();
	expect(studied).not.toBe('리전');
	await answerFirstCard(page, /^Good, /);

	// The history of the card just answered.
	await openCardAnsweredToday(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeVisible();
	await expect(front(page).first()).toHaveText(studied);
	const history = page.getByRole('region', { name: 'Review history' }).getByRole('table');
	await expect(history.getByRole('row')).toHaveCount(2);
	// Named as the answer button was: Good, with four buttons (not SM-2's "4 · Correct, after hesitation").
	await expect(history.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('Good');
	await expect(history.getByRole('row').nth(1)).toContainText('1d');
	await expect(page.getByRole('region', { name: 'Scheduling (SM-2)' })).toContainText('2.50');
	if (isPhone(testInfo)) {
		// Wider than a phone, the history scrolls in its own box, which a keyboard can focus and scroll.
		const scroller = page.getByRole('group', { name: 'Review history' });
		await scroller.focus();
		await expect(scroller).toBeFocused();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
	}
	// Made from a note: the note is its source, and its text can be copied to edit it there.
	await expect(page.getByText(/This card is made from the note AWS-기초\.md/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Copy text' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to the card browser' }).click();
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('rated:1');
	// The navigation's Browse starts afresh, even from the browser itself.
	await page.getByRole('navigation').getByRole('link', { name: 'Browse' }).click();
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
	await expectFound(page, SEED_CARDS);

	// A card never answered (리전, suspended above) has no interval yet (not "today", which would read as due).
	await search(page, 'is:suspended');
	await expectFound(page, 2);
	await page.getByRole('list', { name: 'Cards found' }).getByRole('link', { name: '리전', exact: true }).click();
	const scheduling = page.getByRole('region', { name: 'Scheduling (SM-2)' });
	await expect(scheduling.locator('dt:text-is("Interval") + dd')).toHaveText('—');
	await expect(scheduling.locator('dt:text-is("Due") + dd')).toHaveText('not scheduled');

	// A deck of one's own, with a cloze card.
	await page.goto('/');
	await page.getByRole('link', { name: 'New deck' }).click();
	await page.getByLabel('Deck name').fill('My cards');
	await page.getByRole('button', { name: 'Create deck' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Add cards to My cards' })).toBeVisible();
	// Nothing written makes no card: the button counts none.
	const submit = page.locator('form button[type="submit"]');
	await expect(submit).toHaveText('Add cards');
	await page.getByRole('radio', { name: 'Cloze' }).check();
	await page.getByLabel('Text').fill('The capital of Korea is Seoul.');
	await expect(submit).toHaveText('Add cards');
	const preview = page.getByRole('region', { name: 'Preview' });
	const mixedNote = preview.getByText('A text with {{c1::…}} blanks only those: its ==…== stays a highlight. Use one style per text.');
	await page.getByLabel('Text').fill('The capital of ==Korea== is {{c1::Seoul}}.');
	await expect(mixedNote).toBeVisible();
	await page.getByLabel('Text').fill('The capital of Korea is {{c1::Seoul}}.');
	await expect(mixedNote).toBeHidden();
	await expect(submit).toHaveText('Add 1 card');
	await expect(preview.getByRole('group', { name: 'Front' })).toHaveText('The capital of Korea is [...].');
	await expect(preview.getByRole('group', { name: 'Back' }).locator('mark')).toHaveText('Seoul');
	if (isPhone(testInfo)) {
		for (const control of [page.getByRole('radio', { name: 'Cloze' }), page.getByRole('button', { name: 'Add 1 card' })]) {
			const box = await control.evaluate((element) => (element.closest('label') ?? element).getBoundingClientRect().toJSON() as DOMRect);
			expect(box.height).toBeGreaterThanOrEqual(48);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
	}
	await page.getByRole('button', { name: 'Add 1 card' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();
	await expect(page.getByLabel('Text')).toHaveValue('');
	await expect(submit).toHaveText('Add cards');
	// The confirmation was of the last card: it goes once the next one is begun.
	await page.getByLabel('Text').pressSequentially('The');
	await expect(page.getByText('Added 1 card.')).toHaveCount(0);
	await page.getByLabel('Text').fill('');

	await page.getByRole('link', { name: 'Study this deck' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'My cards' })).toBeVisible();
	await expect(front(page)).toHaveText('The capital of Korea is [...].');
	await showAnswer(page);
	await expect(back(page).locator('mark')).toHaveText('Seoul');
	await page.getByRole('button', { name: /^Easy, / }).click();
	await expect(page.getByRole('region', { name: 'Done for today' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('a card buried in a session shows as buried in Browse and Card info, and Unsuspend or unbury brings it back', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto(STUDY_URL);
	const buried = (await front(page).innerText()).trim();
	await page.getByRole('button', { name: 'More' }).click();
	await page.getByRole('button', { name: 'Bury until tomorrow' }).click();
	await expect(front(page)).not.toHaveText(buried);

	await page.goto('/browse');
	await search(page, 'is:buried');
	await expectFound(page, 1);
	const results = page.getByRole('list', { name: 'Cards found' });
	await expect(results.getByRole('listitem')).toContainText(/Buried until \w+ \d+/);
	await results.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeVisible();
	await expect(page.getByRole('definition').filter({ hasText: /^Buried until \w+ \d+$/ })).toBeVisible();

	await page.goBack();
	await search(page, 'is:buried');
	await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
	await showBulkActions(page);
	await page.getByRole('button', { name: 'Unsuspend or unbury' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Brought 1 card back into the queues.' })).toBeVisible();
	await search(page, 'is:buried');
	await expectFound(page, 0);
	// Today's session takes it in again, at the head of the deck's new cards.
	await page.goto(STUDY_URL);
	await expect(front(page)).toHaveText(buried);
	expect(errors).toEqual([]);
});

test('card info names grades as the answer buttons do, and its history table has the page’s width on a desktop', async ({ page, baseURL }, testInfo) => {
	const errors = await collectErrors(page, baseURL);
	const answerButtons = async (name: RegExp) => {
		await page.goto('/settings');
		await page.getByRole('radio', { name }).check();
		await expect(page.getByRole('group', { name: 'Answer buttons' }).getByRole('status')).toHaveText(/Saved/);
	};
	// Six buttons: the longest of SM-2's names.
	await answerButtons(/^Six: SM-2/);
	await page.goto(STUDY_URL);
	// Where a keyboard is likely, its help names the grade Space and Enter give: there is no Good among six buttons.
	if (!isPhone(testInfo)) await expect(page.getByText(/^Keys: Space or Enter shows the answer, then answers 4 \(correct, after hesitation\);/)).toBeVisible();
	await answerFirstCard(page, /^1 Wrong, remembered on seeing, /);
	await openCardAnsweredToday(page);
	const history = page.getByRole('region', { name: 'Review history' }).getByRole('table');
	const grade = history.getByRole('row').nth(1).getByRole('cell').nth(1);
	await expect(grade).toHaveText('1 · Wrong, remembered on seeing');
	if (!isPhone(testInfo)) {
		// Every column in sight, the time included: the table does not scroll sideways.
		const box = history.locator('xpath=..');
		expect(await box.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
		const time = history.getByRole('columnheader', { name: 'Time' });
		await time.scrollIntoViewIfNeeded();
		await expect(time).toBeInViewport({ ratio: 1 });
	}
	await expectFits(page, 'card info');
	const cardUrl = page.url();

	// Four buttons: the same answer was Again.
	await answerButtons(/^Four: Again, Hard, Good, Easy/);
	await page.goto(cardUrl);
	await expect(grade).toHaveText('Again');
	expect(errors).toEqual([]);
});

test('the address follows the search and its order back to the defaults, so a reload shows what was chosen', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/browse');
	await expectFound(page, SEED_CARDS);
	const sort = page.getByRole('combobox', { name: 'Sort by' });
	await expect(sort).toHaveValue('added');
	await sort.selectOption({ label: 'Lapses' });
	await expect(page).toHaveURL('/browse?sort=lapses');
	// Back to the default order: the address drops it, rather than keeping Lapses.
	await sort.selectOption({ label: 'Added' });
	await expect(page).toHaveURL('/browse');
	await page.reload();
	await expect(sort).toHaveValue('added');
	// The same for a search typed and then cleared.
	await search(page, '리전');
	await expect(page).toHaveURL(/\/browse\?q=/);
	await search(page, '');
	await expect(page).toHaveURL('/browse');
	await page.reload();
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
	await expectFound(page, SEED_CARDS);
	expect(errors).toEqual([]);
});

test('each card found opens from a tap target as tall as its checkbox’s square and as wide as its row', async ({ page }) => {
	await page.goto('/browse');
	await expectFound(page, SEED_CARDS);
	const items = page.getByRole('list', { name: 'Cards found' }).getByRole('listitem');
	for (const item of await items.all()) {
		const link = await item.getByRole('link').boundingBox();
		const square = await item.getByRole('checkbox').evaluate((box) => (box.closest('label') as HTMLElement).getBoundingClientRect().toJSON() as DOMRect);
		const row = await item.boundingBox();
		if (link === null || row === null) throw new Error('a result is not on the page');
		expect(link.height).toBeGreaterThanOrEqual(48);
		expect(link.height).toBeGreaterThanOrEqual(square.height);
		// Beside the checkbox, from its square to the row's end.
		expect(link.x).toBeGreaterThanOrEqual(square.x + square.width);
		expect(Math.abs(link.x + link.width - (row.x + row.width))).toBeLessThanOrEqual(1);
	}
	// Its far corner opens the card as its text does.
	const first = items.first().getByRole('link');
	const box = await first.boundingBox();
	if (box === null) throw new Error('no first result');
	await first.click({ position: { x: box.width - 4, y: box.height - 4 } });
	await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeVisible();
});

test('two cards of one front (EC2 in two sections) are told apart by where they are in the notes', async ({ page }) => {
	await page.goto('/browse');
	await expectFound(page, SEED_CARDS);
	await search(page, `front:EC2`);
	const items = page.getByRole('list', { name: 'Cards found' }).getByRole('listitem');
	await expect(items).toHaveCount(2);
	await expect(items.filter({ hasText: 'AWS의 탄생 › 탄생 배경: 아마존닷컴의 내부 운영 › 출시 서비스' })).toHaveCount(1);
	await expect(items.filter({ hasText: 'AWS 소개 › 대표적인 서비스 세 가지 - EC2, RDS, S3' })).toHaveCount(1);
});

test('delete and reset ask first; a delete can be undone, and deleted cards leave the deck', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/browse');
	await search(page, '리전');
	await expectFound(page, 5);
	await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
	await expect(page.getByText('5 selected')).toBeVisible();
	await showBulkActions(page);

	await page.getByRole('button', { name: 'Reset progress' }).click();
	const reset = page.getByRole('dialog', { name: 'Reset the progress of 5 cards?' });
	await expect(reset).toContainText('marked as before the reset');
	await reset.getByRole('button', { name: 'Cancel' }).click();
	await expect(reset).toBeHidden();

	await page.getByRole('button', { name: 'Delete', exact: true }).click();
	const dialog = page.getByRole('dialog', { name: 'Delete 5 cards?' });
	await expect(dialog).toContainText('Their review history is kept');
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(dialog).toBeHidden();
	await expectFound(page, 5);

	await page.getByRole('button', { name: 'Delete', exact: true }).click();
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Deleted 5 cards.' })).toBeVisible();
	await expect(page.getByText('No cards match this search.')).toBeVisible();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Brought back 5 cards.' })).toBeVisible();
	await expectFound(page, 5);

	await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
	await showBulkActions(page);
	await page.getByRole('button', { name: 'Delete', exact: true }).click();
	await dialog.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByText('No cards match this search.')).toBeVisible();
	await page.goto('/');
	await expect(deckItem(page, DECK_NAME)).toContainText(`${SEED_CARDS - 5} cards`);
	expect(errors).toEqual([]);
});

test('a suspend and a move can be undone: the cards study again, and are back in their deck, but for a card edited since in another tab', async ({ page, context, baseURL }) => {
	test.setTimeout(60_000);
	const errors = await collectErrors(page, baseURL);
	await page.goto('/browse');
	await search(page, `deck:"${DECK_NAME}" 리전`);
	await expectFound(page, 5);
	await page.getByRole('checkbox', { name: 'Select: 리전' }).check();
	await page.getByRole('checkbox', { name: 'Select: 가용 영역(AZ, Availability Zone)' }).check();
	await showBulkActions(page);
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	const notice = page.getByRole('status').filter({ hasText: /Suspended|Undone/ });
	await expect(notice).toHaveText('Suspended 2 cards. Undo');
	await notice.getByRole('button', { name: 'Undo' }).click();
	await expect(notice).toHaveText('Undone: 2 cards are as they were.');
	await search(page, 'is:suspended');
	await expectFound(page, 0);
	// Today's session has every new card of the first day again, the two among them.
	await page.goto(STUDY_URL);
	await expect(page.getByRole('list', { name: 'Cards left' }).getByRole('listitem').first()).toHaveText(`New ${SEED_FIRST_DAY_NEW}`);

	// Two cards of one's own moved to another deck; one of them edited in another tab before the Undo.
	await ownDeckWithCard(page, 'Mine', { front: 'uno', back: 'one' });
	await page.getByRole('textbox', { name: 'Front' }).fill('tres');
	await page.getByRole('textbox', { name: 'Back' }).fill('three');
	await page.getByRole('button', { name: 'Add 1 card' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();
	await ownDeckWithCard(page, 'Other', { front: 'dos', back: 'two' });
	await page.goto('/browse');
	await search(page, 'deck:Mine');
	await expectFound(page, 2);
	await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
	await showBulkActions(page);
	await page.getByLabel('Move to deck').selectOption({ label: 'Other' });
	await page.getByRole('button', { name: 'Move', exact: true }).click();
	const moved = page.getByRole('status').filter({ hasText: /Moved|Undone/ });
	await expect(moved).toHaveText('Moved 2 cards. Undo');
	await expect(page.getByText('No cards match this search.')).toBeVisible();

	const there = await context.newPage();
	await there.goto('/browse?q=uno');
	await there.getByRole('list', { name: 'Cards found' }).getByRole('link', { name: 'uno', exact: true }).click();
	const edit = there.getByRole('region', { name: 'Edit' });
	await edit.getByRole('textbox', { name: 'Back' }).fill('one, edited there');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(edit.getByRole('status')).toHaveText('Saved.');
	await there.close();

	await moved.getByRole('button', { name: 'Undo' }).click();
	await expect(moved).toHaveText('Undone: 1 card is as it was. 1 card was changed since and is left as it is.');
	await expectFound(page, 1);
	await expect(page.getByRole('list', { name: 'Cards found' }).getByRole('link', { name: 'tres', exact: true })).toBeVisible();
	await page.goto('/');
	await expect(deckItem(page, 'Mine')).toContainText('1 card');
	await expect(deckItem(page, 'Other')).toContainText('2 cards');
	expect(errors).toEqual([]);
});

test('the keyboard stays on Suspend and Unsuspend, and goes on from the notice after a delete and its Undo, never from the page', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/browse');
	await search(page, '리전');
	await expectFound(page, 5);
	await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
	await showBulkActions(page);

	const suspend = page.getByRole('button', { name: 'Suspend', exact: true });
	await suspend.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Suspended 5 cards.' })).toBeVisible();
	await expectFound(page, 5);
	await expect(suspend).toBeFocused();
	const unsuspend = page.getByRole('button', { name: 'Unsuspend or unbury' });
	await page.keyboard.press('Tab');
	await expect(unsuspend).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Brought 5 cards back into the queues.' })).toBeVisible();
	await expectFound(page, 5);
	await expect(unsuspend).toBeFocused();

	// The delete leaves nothing selected, and nothing found: its button is gone, and the notice, which holds Undo, has the keyboard.
	await page.getByRole('button', { name: 'Delete', exact: true }).focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Delete 5 cards?' });
	await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByText('No cards match this search.')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Deleted 5 cards.' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expectFound(page, 5);
	await expect(page.getByRole('status').filter({ hasText: 'Brought back 5 cards.' })).toBeFocused();
	expect(errors).toEqual([]);
});

test('Save changes on Card info keeps the keyboard, pressed with Enter as with Ctrl+Enter', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await ownCardInfo(page, 'Focus', { front: 'uno', back: 'one' });
	const edit = page.getByRole('region', { name: 'Edit' });
	await edit.getByRole('textbox', { name: 'Back' }).fill('one, the number');
	const save = edit.getByRole('button', { name: 'Save changes' });
	await save.focus();
	await page.keyboard.press('Enter');
	await expect(edit.getByRole('status')).toHaveText('Saved.');
	await expect(page.getByRole('region', { name: 'Content' })).toContainText('one, the number');
	await expect(save).toBeFocused();
	expect(errors).toEqual([]);
});

test('a deck’s own new cards per day show on the home page, and the global setting comes back', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	// The global limit (20) shows only where the deck has more new cards today than it: all 22, with their siblings.
	await newSiblingsSameDay(page);
	await setDeckNewPerDay(page, 5);
	await page.goto('/');
	await expect(deckItem(page, DECK_NAME)).toContainText('5 new');
	await expect(page.getByRole('link', { name: /^Study all decks/ })).toContainText('5 new');
	await page.goto(STUDY_URL);
	await expect(page.getByRole('list', { name: 'Cards left' }).getByRole('listitem').first()).toHaveText('New 5');

	await setDeckNewPerDay(page, 'global');
	await page.goto('/');
	await expect(deckItem(page, DECK_NAME)).toContainText('20 new');
	expect(errors).toEqual([]);
});

test('in Korean, the browser and its errors speak Korean', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ko-KR' });
	const page = await context.newPage();
	await page.goto('/browse');
	await expect(page.getByRole('heading', { level: 1, name: '카드 찾기' })).toBeVisible();
	await expect(page.getByRole('navigation').getByRole('link', { name: '카드 찾기' })).toHaveAttribute('aria-current', 'page');
	await page.getByRole('searchbox', { name: '검색' }).fill('is:old');
	await expect(page.getByRole('alert')).toContainText('is:old는 카드 상태가 아닙니다');
	await context.close();
});

test('Ctrl+Enter (Cmd+Enter on a Mac) adds the card on Add cards and saves Card info’s edit form, as in Anki', async ({ page, baseURL }, testInfo) => {
	test.skip(isPhone(testInfo), 'a keyboard shortcut; the desktop project is the one with a keyboard');
	const errors = await collectErrors(page, baseURL);
	await page.goto('/new-deck');
	await page.getByLabel('Deck name').fill('Keys');
	await page.getByRole('button', { name: 'Create deck' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Add cards to Keys' })).toBeVisible();
	// The form names its shortcut, as the study screen names its keys.
	await expect(page.getByText('Keys: Ctrl+Enter adds.')).toBeVisible();
	await expect(page.locator('form button[type="submit"]')).toHaveAttribute('aria-keyshortcuts', 'Control+Enter');

	// From the back, as Anki's Add window: the card is added, and the front takes the next one.
	const frontField = page.getByRole('textbox', { name: 'Front' });
	const backField = page.getByRole('textbox', { name: 'Back' });
	await frontField.fill('Capital of Korea');
	await backField.fill('Seoul');
	await backField.press('Control+Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();
	await expect(frontField).toHaveValue('');
	await expect(frontField).toBeFocused();
	// Enter alone is a new line in the field; Cmd+Enter (a Mac's) adds too, from any field.
	await frontField.pressSequentially('Capital');
	await frontField.press('Enter');
	await frontField.pressSequentially('of Japan');
	await expect(frontField).toHaveValue('Capital\nof Japan');
	await backField.fill('Tokyo');
	await page.getByRole('textbox', { name: 'Tags (optional)' }).press('Meta+Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();
	// An empty form is refused as the button would refuse it.
	await frontField.press('Control+Enter');
	await expect(page.getByRole('alert')).toHaveText('Write the front.');
	await page.getByRole('link', { name: 'Back to the deck' }).click();
	await expect(page.getByText('2 cards', { exact: true })).toBeVisible();

	await page.getByRole('link', { name: 'Card info: card 1' }).click();
	const edit = page.getByRole('region', { name: 'Edit' });
	await expect(edit.getByText('Keys: Ctrl+Enter saves.')).toBeVisible();
	await edit.getByRole('textbox', { name: 'Front' }).fill('Capital of South Korea');
	await edit.getByRole('textbox', { name: 'Front' }).press('Control+Enter');
	await expect(edit.getByRole('status')).toHaveText('Saved.');
	await page.reload();
	await expect(page.getByRole('region', { name: 'Edit' }).getByRole('textbox', { name: 'Front' })).toHaveValue('Capital of South Korea');
	expect(errors).toEqual([]);
});

test('on a phone a card’s deck, place in its notes and state read as one line of text that wraps between words', async ({ page, baseURL }, testInfo) => {
	test.skip(!isPhone(testInfo), 'a phone’s width is where the line wraps');
	const errors = await collectErrors(page, baseURL);
	await page.goto('/browse');
	await expectFound(page, SEED_CARDS);
	const item = page.getByRole('list', { name: 'Cards found' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: 'SQS(Simple Queue Service)', exact: true }) });
	const meta = item.getByRole('paragraph');
	await expect(meta).toContainText('AWS의 탄생 › 탄생 배경: 아마존닷컴의 내부 운영 › 출시 서비스');
	// Its deck, a path of four headings and its state: two lines on a Pixel 7. As a row of boxes it took four, the
	// path a block under the deck's name and the state alone on the last line.
	const lines = await meta.evaluate((element) => Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)));
	expect(lines).toBeLessThanOrEqual(2);
	expect(errors).toEqual([]);
});

test('on a phone the actions on the selected cards are two rows of buttons of one height, a name of two lines inside its border', async ({ page }, testInfo) => {
	test.skip(!isPhone(testInfo), 'a phone’s width puts the actions two to a row');
	await page.goto('/browse');
	await expectFound(page, SEED_CARDS);
	await page.getByRole('checkbox', { name: /^Select: / }).first().check();
	await showBulkActions(page);
	const boxes = await page.locator('#browse-actions').getByRole('button').evaluateAll((buttons) =>
		buttons.map((button) => {
			const box = button.getBoundingClientRect();
			const text = document.createRange();
			text.selectNodeContents(button);
			const words = text.getBoundingClientRect();
			const { paddingTop, borderTopWidth } = getComputedStyle(button);
			return { name: button.textContent?.trim(), top: Math.round(box.top), height: Math.round(box.height), roomAbove: Math.round(words.top - box.top - parseFloat(borderTopWidth)), padding: paddingTop };
		})
	);
	expect(boxes.map(({ name }) => name)).toEqual(['Suspend', 'Unsuspend or unbury', 'Reset progress', 'Delete']);
	// “Unsuspend or unbury” takes two lines on a Pixel 7: beside it, Suspend was shorter and lower, and its own
	// first line touched its border.
	expect(boxes[1]!.top).toBe(boxes[0]!.top);
	expect(boxes[1]!.height).toBe(boxes[0]!.height);
	expect(boxes[3]!.height).toBe(boxes[2]!.height);
	for (const box of boxes) expect(box.roomAbove, `${box.name}: space above its name`).toBeGreaterThanOrEqual(4);
});

test('on a 320 px phone the pager keeps Previous and Next whole, the page number wrapping between them instead', async ({ page }) => {
	const rows = Array.from({ length: 120 }, (_, index) => `word ${index},뜻 ${index}`).join('\n');
	await chooseFiles(page, [file('pages.csv', `front,back\n${rows}\n`, 'text/csv')]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();

	await page.setViewportSize({ width: 320, height: 568 });
	await page.goto('/browse');
	const pager = page.getByRole('navigation', { name: 'Pages' });
	await expect(pager.getByText(/^Page 1 of \d+$/)).toBeVisible();
	// The buttons shrank to one letter's width each ("Previo / us", "Ne / xt") to leave the page number its line.
	expect(await brokenWords(pager)).toEqual([]);
	await expectFits(page, 'the card browser at 320 px');
});
