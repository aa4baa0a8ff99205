import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './page-errors';
import { expectFits } from './page-fits';
import { ownDeckWithCard } from './own-deck';
import { toHeaderFromStudy } from './leave-study';

const DECK_ID = 'aws-기초';
const STUDY_URL = `/study/${encodeURIComponent(DECK_ID)}`;

const progressBar = (page: Page) => page.getByRole('progressbar', { name: 'Progress' });

/** Answers the cards shown with these grades, one by one, each stored before the next. */
async function study(page: Page, grades: readonly string[]): Promise<void> {
	await page.goto(STUDY_URL);
	await expect(progressBar(page)).toHaveAttribute('aria-valuenow', '0');
	for (const [index, grade] of grades.entries()) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: new RegExp(`^${grade}, `) }).click();
		await expect(progressBar(page)).toHaveAttribute('aria-valuenow', String(index + 1));
		await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	}
}

/** The value of a term in a section's list of figures. */
const figure = (page: Page, section: string, term: string) =>
	page
		.getByRole('region', { name: section })
		.locator('div')
		.filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }) })
		.getByRole('definition');

test('reads the heatmap after reviews on three different days', async ({ page, baseURL }) => {
	await page.clock.install({ time: new Date('2026-11-25T10:00:00') });
	const errors = await collectErrors(page, baseURL);

	// Three new cards on the first day. The next day they are due, with the new cards spread among them
	// (review, new, new, ...): a review and a new card. On the third day a review forgotten, and three new cards.
	await study(page, ['Good', 'Good', 'Good']);
	await page.clock.setSystemTime(new Date('2026-11-26T10:00:00'));
	await study(page, ['Good', 'Good']);
	await page.clock.setSystemTime(new Date('2026-11-27T21:00:00'));
	await study(page, ['Again', 'Good', 'Good', 'Good']);

	await toHeaderFromStudy(page);
	await page.getByRole('navigation').getByRole('link', { name: 'Stats' }).click();
	await expect(page).toHaveURL('/stats');
	await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();
	await expect(page.getByRole('navigation').getByRole('link', { name: 'Stats' })).toHaveAttribute('aria-current', 'page');

	// Today: four cards, four answers, one of them Again.
	await expect(figure(page, 'Today', 'Cards studied')).toHaveText('4');
	await expect(figure(page, 'Today', 'Answers')).toHaveText('4');
	await expect(figure(page, 'Today', 'Again-rate')).toHaveText('25.0% (1 of 4)');
	await expect(figure(page, 'Today', 'Grades given').getByRole('listitem')).toHaveText(['Again 1', 'Hard 0', 'Good 3', 'Easy 0']);

	// Three study days in a row: the streak is three days, now and at its longest.
	const calendar = page.getByRole('region', { name: 'Calendar' });
	await expect(figure(page, 'Calendar', 'Study days')).toHaveText('3');
	await expect(figure(page, 'Calendar', 'Current streak')).toHaveText('3 days');
	await expect(figure(page, 'Calendar', 'Longest streak')).toHaveText('3 days');
	await expect(calendar.getByRole('img', { name: 'Last 365 days: 9 answers on 3 study days.' })).toBeVisible();

	// Each chart's disclosure is named after its chart, so that a list of the page's controls tells them apart.
	expect(await page.locator('summary').allTextContents()).toEqual([
		'Show as a table: Calendar',
		'Show as a table: Forecast',
		'Show as a table: Intervals',
		'Show as a table: Ease (EF)'
	]);
	// The heatmap's table lists the study days, newest first, with their answers.
	await calendar.getByText('Show as a table').click();
	const table = calendar.getByRole('table');
	await expect(table.getByRole('columnheader')).toHaveText(['Date', 'Answers']);
	await expect(table.getByRole('row')).toHaveText([/^Date\s*Answers$/, /^Nov 27, 2026\s*4$/, /^Nov 26, 2026\s*2$/, /^Nov 25, 2026\s*3$/]);

	// The forecast has its chart, its text and a year by week.
	const forecast = page.getByRole('region', { name: 'Forecast' });
	await expect(forecast.getByRole('img', { name: /^Due in the next 30 days: \d+, most on/ })).toBeVisible();
	await forecast.getByRole('button', { name: '1 year' }).click();
	await expect(forecast.getByRole('button', { name: '1 year' })).toHaveAttribute('aria-pressed', 'true');
	const yearChart = forecast.getByRole('img', { name: /^Due in the next 52 weeks: \d+, most in the week of/ });
	await expect(yearChart).toBeVisible();
	// The chart fills its section, the page's column, at a desktop's width too (no narrower box beside empty room);
	// its height (and labels) grow only so far.
	const column = (await forecast.boundingBox())!;
	const chartBox = (await yearChart.boundingBox())!;
	expect(Math.abs(chartBox.width - column.width)).toBeLessThanOrEqual(2);
	expect(chartBox.height).toBeLessThanOrEqual(220);

	// Retention: two review answers, both to young cards: passed on the second day, forgotten on the third.
	const retention = page.getByRole('region', { name: 'Retention' });
	await expect(retention.getByRole('row', { name: /^Young/ }).getByRole('cell')).toHaveText(['50.0% (1/2)', '50.0% (1/2)', '50.0% (1/2)']);
	await expect(retention.getByRole('row', { name: /^Mature/ }).getByRole('cell')).toHaveText(['—no answers', '—no answers', '—no answers']);

	const cards = page.getByRole('region', { name: 'Cards by state' });
	await expect(cards.getByRole('row', { name: /^Total/ }).getByRole('cell')).toHaveText('22');
	await expect(cards.getByRole('row', { name: /^New/ }).getByRole('cell')).toHaveText('15');

	// The deck's own statistics, from its page: the same, since it is the only deck.
	await page.goto(`/deck/${encodeURIComponent(DECK_ID)}`);
	await page.getByRole('link', { name: 'Statistics' }).click();
	await expect(page).toHaveURL(`/stats?deck=${encodeURIComponent(DECK_ID)}`);
	await expect(page.getByLabel('Show')).toHaveValue(DECK_ID);
	await expect(figure(page, 'Calendar', 'Study days')).toHaveText('3');
	expect(errors).toEqual([]);
});

test('a parent deck’s statistics count its sub-decks: chosen in the selector, or by the address', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	// "Languages" has no deck of its own: it is there through its sub-decks. The built-in deck is outside it.
	await ownDeckWithCard(page, 'Languages::Korean', { front: '사과', back: 'apple' });
	await ownDeckWithCard(page, 'Languages::Japanese', { front: 'りんご', back: 'ringo' });
	await page.goto('/');
	await page.getByRole('link', { name: 'Study Languages', exact: true }).click();
	for (let answered = 0; answered < 2; answered++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good, / }).click();
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();

	await page.goto('/stats');
	const scope = page.getByLabel('Show');
	const total = page.getByRole('region', { name: 'Cards by state' }).getByRole('row', { name: /^Total/ }).getByRole('cell');
	// Every deck: the built-in deck's 22 cards too.
	await expect(total).toHaveText('24');
	// In tree order, by whole names: the parent with its sub-decks, then each of them.
	const options = (await scope.getByRole('option').allTextContents()).filter((text) => text.startsWith('Languages'));
	expect(options).toEqual(['Languages (with sub-decks)', 'Languages::Japanese', 'Languages::Korean']);
	await scope.selectOption({ label: 'Languages (with sub-decks)' });
	await expect(page).toHaveURL(`/stats?deck=${encodeURIComponent('tree:Languages')}`);
	await expect(page).toHaveTitle('Statistics: Languages (with sub-decks) · Recall');
	await expect(total).toHaveText('2');
	await expect(figure(page, 'Today', 'Answers')).toHaveText('2');
	await expect(figure(page, 'Calendar', 'Study days')).toHaveText('1');
	await expect(page.getByRole('region', { name: 'Forecast' }).getByRole('img', { name: /^Due in the next 30 days: 2, / })).toBeVisible();
	// One sub-deck alone.
	await scope.selectOption({ label: 'Languages::Korean' });
	await expect(total).toHaveText('1');
	await expect(figure(page, 'Today', 'Answers')).toHaveText('1');
	// The address as written by hand.
	await page.goto('/stats?deck=tree:Languages');
	await expect(scope).toHaveValue('tree:Languages');
	await expect(total).toHaveText('2');
	await expect(page).toHaveTitle('Statistics: Languages (with sub-decks) · Recall');
	expect(errors).toEqual([]);
});

test('on a phone, a Retention table wider than the screen scrolls in its box, its "no answers" cells included', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a phone screen');
	// A small phone, as most tests of phones use.
	await page.setViewportSize({ width: 360, height: 740 });
	await page.clock.install({ time: new Date('2026-11-25T10:00:00') });
	const errors = await collectErrors(page, baseURL);
	// A new learner: young answers only, so that every Mature cell is "—", with its hidden "no answers".
	await study(page, ['Good', 'Good', 'Good', 'Good']);
	await page.clock.setSystemTime(new Date('2026-11-26T10:00:00'));
	await study(page, ['Good', 'Good', 'Good']);
	await page.goto('/stats');
	const retention = page.getByRole('region', { name: 'Retention' });
	await expect(retention.getByRole('row', { name: /^Mature/ }).getByRole('cell')).toHaveText(['—no answers', '—no answers', '—no answers']);
	// The table is wider than the phone, and its last "no answers" lies past the screen's edge, in the part the table
	// scrolls to (what the check below is about)…
	const lastHidden = retention.getByRole('row', { name: /^Mature/ }).getByRole('cell').last().getByText('no answers');
	expect(await lastHidden.evaluate((element) => element.getBoundingClientRect().left - document.documentElement.clientWidth)).toBeGreaterThan(0);
	// …and the page is no wider than the screen.
	await expectFits(page, 'statistics');
	expect(errors).toEqual([]);
});

test('before any study, the charts say there is nothing yet rather than drawing empty frames', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/stats');
	const forecast = page.getByRole('region', { name: 'Forecast' });
	await expect(forecast.getByText('Nothing is due in the next 30 days.')).toBeVisible();
	await expect(forecast.getByRole('img')).toHaveCount(0);
	await expect(forecast.getByText('Show as a table')).toHaveCount(0);
	for (const name of ['Intervals', 'Ease (EF)']) {
		const chart = page.getByRole('region', { name });
		await expect(chart.getByText('No cards in review yet.')).toBeVisible();
		await expect(chart.getByRole('img')).toHaveCount(0);
	}
	// The calendar still draws the year it will fill.
	await expect(page.getByRole('region', { name: 'Calendar' }).getByRole('img', { name: 'Last 365 days: 0 answers on 0 study days.' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('the calendar’s scroll area, where it scrolls (a phone), says so, is reached with Tab and scrolls with the arrow keys, Home and End', async ({ page, baseURL }, testInfo) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/stats');
	if (testInfo.project.name !== 'phone') {
		// A desktop shows the whole year: the box neither says it scrolls nor stops the Tab key.
		const box = page.getByRole('region', { name: 'Calendar' }).getByRole('group', { name: 'Study calendar', exact: true });
		await expect(box.getByRole('img', { name: /^Last 365 days/ })).toBeVisible();
		await expect(box).not.toHaveAttribute('tabindex');
		expect(errors).toEqual([]);
		return;
	}
	const scroller = page.getByRole('region', { name: 'Calendar' }).getByRole('group', { name: 'Study calendar (scrolls sideways)' });
	await expect(scroller.getByRole('img', { name: /^Last 365 days/ })).toBeVisible();
	for (let presses = 0; presses < 40 && !(await scroller.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press('Tab');
	await expect(scroller).toBeFocused();
	// A phone shows the latest weeks of the year; the keys scroll back to the earlier ones.
	{
		const scrollLeft = () => scroller.evaluate((element) => element.scrollLeft);
		const latest = await scrollLeft();
		expect(latest).toBeGreaterThan(0);
		// Keys scroll smoothly: the next key is pressed once a scroll has come to rest, or it starts from mid-way.
		const atRest = async () => {
			let last = await scrollLeft();
			for (;;) {
				await page.waitForTimeout(100);
				const now = await scrollLeft();
				if (now === last) return now;
				last = now;
			}
		};
		await page.keyboard.press('ArrowLeft');
		await expect.poll(scrollLeft).toBeLessThan(latest);
		const back = await atRest();
		await page.keyboard.press('ArrowRight');
		await expect.poll(scrollLeft).toBeGreaterThan(back);
		expect(await atRest()).toBe(latest);
		// Home and End: the year's first weeks and its last, in the box, not the page's top and end.
		const pageScroll = await page.evaluate(() => window.scrollY);
		await page.keyboard.press('Home');
		await expect.poll(scrollLeft).toBe(0);
		await page.keyboard.press('End');
		await expect.poll(scrollLeft).toBe(latest);
		expect(await page.evaluate(() => window.scrollY)).toBe(pageScroll);
		await expect(scroller).toBeFocused();
	}
	expect(errors).toEqual([]);
});

test('the statistics page in Korean', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/settings');
	await page.getByRole('radio', { name: '한국어', exact: true }).check();
	await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '통계' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '통계' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: '달력' })).toBeVisible();
	await expect(page.getByRole('region', { name: '오늘' }).getByText('오늘은 아직 학습하지 않았습니다.')).toBeVisible();
	await expect(page).toHaveTitle('통계 · Recall');
	expect(errors).toEqual([]);
});

test('a deck that does not exist', async ({ page }) => {
	await page.goto('/stats?deck=nothing-here');
	await expect(page.getByText('There is no such deck.')).toBeVisible();
});
