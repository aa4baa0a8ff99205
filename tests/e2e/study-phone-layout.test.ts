import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './page-errors';
import { expectFits, overflowingChildren, textLines } from './page-fits';
import { leaveStudy } from './leave-study';

const STUDY_URL = `/study/${encodeURIComponent('aws-기초')}`;
/**
 * Where a card may start on a phone, in CSS px: it starts at 111 on a Pixel 7, on a 360 x 640 phone and on a 320px
 * one, in English and in Korean, where the app's header and the study page's three rows put it at 243 before.
 */
const CARD_TOP_LIMIT = 140;

const front = (page: Page) => page.getByRole('group', { name: 'Front' });
const card = (page: Page) => page.getByRole('article').filter({ has: front(page) });

test('on a phone the card starts near the top: the study page’s own bar replaces the app’s header, and keeps every tool', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a phone’s screen');
	const errors = await collectErrors(page, baseURL);
	for (const viewport of [null, { width: 360, height: 640 }, { width: 320, height: 568 }]) {
		if (viewport !== null) await page.setViewportSize(viewport);
		await page.goto(STUDY_URL);
		await expect(front(page)).toBeVisible();
		const where = viewport === null ? 'Pixel 7' : `${viewport.width} x ${viewport.height}`;

		expect((await card(page).boundingBox())!.y, where).toBeLessThan(CARD_TOP_LIMIT);
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
		await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
		await expect(page.getByRole('button', { name: 'More' })).toBeVisible();
		await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuetext', '0 / 15');
		await expect(page.getByText('0 / 15', { exact: true })).toBeVisible();
		const left = page.getByRole('list', { name: 'Cards left' });
		await expect(left).toHaveText(/New 15\s*Learning 0\s*Review 0/);
		// The seed deck's first day is new cards only: the one shown is one.
		await expect(left.getByRole('listitem').filter({ hasText: 'New' })).toHaveAttribute('aria-current', 'true');
		await expect(left.locator('[aria-current]')).toHaveCount(1);

		const box = (await leaveStudy(page).boundingBox())!;
		expect(Math.min(box.width, box.height), `${where}: the way back is a full tap target`).toBeGreaterThanOrEqual(48);
		// One line: the way back, the deck's name and its tools side by side.
		const undoBox = (await page.getByRole('button', { name: 'Undo' }).boundingBox())!;
		expect(Math.abs(undoBox.y - box.y), `${where}: Undo on the line of the way back`).toBeLessThan(4);
		await expectFits(page, where);
	}
	expect(errors).toEqual([]);
});

/** A Pixel 7 on its side, in CSS px. */
const LANDSCAPE = { width: 915, height: 412 };
/** How much of the front, at least, shows between the page's bar and the answer bar (a line of the card is about 40). */
const LANDSCAPE_FRONT_ROOM = 120;

test('a phone on its side sees the card: the app’s header steps aside there too, and the page’s bar has the way back', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a phone’s screen');
	const errors = await collectErrors(page, baseURL);
	await page.setViewportSize(LANDSCAPE);
	await page.goto(STUDY_URL);
	await expect(front(page)).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(leaveStudy(page)).toBeVisible();
	// Wide enough for Undo's word beside its arrow.
	await expect(page.getByRole('button', { name: 'Undo' })).toHaveText(/Undo/);
	// Before, the header, the title and the counts filled the screen down to the answer bar: no line of the card showed.
	const frontTop = (await front(page).boundingBox())!.y;
	const barTop = (await page.getByRole('button', { name: 'Show answer' }).boundingBox())!.y;
	expect(barTop - frontTop, 'the front’s room above the answer bar').toBeGreaterThanOrEqual(LANDSCAPE_FRONT_ROOM);
	await expectFits(page, 'a Pixel 7 on its side');

	await leaveStudy(page).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Recall' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('the phone’s way back leaves a session mid-way for the decks, and so does the browser’s Back', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the way back is the phone’s; a desktop has the app’s header');
	const errors = await collectErrors(page, baseURL);
	const home = page.getByRole('heading', { level: 1, name: 'Recall' });
	await page.goto('/');
	await page.getByRole('link', { name: 'Study AWS 기초', exact: true }).click();
	await expect(front(page)).toBeVisible();
	await page.getByRole('button', { name: 'Show answer' }).tap();
	await page.getByRole('button', { name: /^Good, / }).tap();
	await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '1');

	await leaveStudy(page).tap();
	await expect(home).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	// The answer given is kept: the deck has one new card fewer for today.
	const deck = page.getByRole('region', { name: 'Decks' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: 'AWS 기초', exact: true }) });
	await expect(deck).toContainText('14 new');

	await page.getByRole('link', { name: 'Study AWS 기초', exact: true }).click();
	await expect(front(page)).toBeVisible();
	await page.goBack();
	await expect(home).toBeVisible();
	expect(errors).toEqual([]);
});

test('Card info opened from a phone’s session leads back to it, to the card that was showing', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a phone’s study page has no header: the way back is the page’s link');
	const errors = await collectErrors(page, baseURL);
	await page.goto(STUDY_URL);
	await expect(front(page)).toBeVisible();
	const shown = await front(page).innerText();
	await page.getByRole('button', { name: 'More' }).tap();
	await page.getByRole('link', { name: /^Card info/ }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to studying' }).tap();
	await expect(front(page)).toHaveText(shown);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('on a desktop the app’s header stays on the study page, and the phone’s way back is not there', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'a desktop’s screen');
	const errors = await collectErrors(page, baseURL);
	await page.goto(STUDY_URL);
	await expect(front(page)).toBeVisible();
	const navigation = page.getByRole('navigation', { name: 'Main' });
	await expect(navigation).toBeVisible();
	await expect(leaveStudy(page)).toBeHidden();
	await navigation.getByRole('link', { name: 'Home' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Recall' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('at 125% and 150% text the answer buttons hold their label and interval, each on a line, in English and Korean', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a phone’s screen');
	test.setTimeout(90_000);
	const errors = await collectErrors(page, baseURL);
	for (const language of ['English', '한국어'] as const) {
		await page.goto('/settings');
		await page.getByRole('radio', { name: language, exact: true }).check();
		await expect(page.locator('html')).toHaveAttribute('lang', language === 'English' ? 'en' : 'ko');
		for (const viewport of [null, { width: 320, height: 568 }]) {
			if (viewport !== null) await page.setViewportSize(viewport);
			for (const textSize of ['125%', '150%']) {
				const where = `${language}, ${viewport === null ? 'Pixel 7' : `${viewport.width} x ${viewport.height}`}, text at ${textSize}`;
				await page.goto(STUDY_URL);
				// The browser's text size setting, as the root's font size: the app's sizes are in rem and em.
				await page.addStyleTag({ content: `html { font-size: ${textSize}; }` });
				await page.locator('[data-reveal]').click();
				const grades = page.locator('.grade');
				await expect(grades).toHaveCount(4);
				for (const grade of await grades.all()) {
					const name = (await grade.getAttribute('aria-label')) ?? '';
					// The new card's Hard reads "today · 1d", the longest interval of the four.
					expect(await textLines(grade.locator('.grade__label')), `${where}: ${name}, its label on one line`).toBe(1);
					expect(await textLines(grade.locator('.grade__interval')), `${where}: ${name}, its interval on one line`).toBe(1);
					expect(await overflowingChildren(grade), `${where}: ${name}, what reaches past the button`).toEqual([]);
					const box = (await grade.boundingBox())!;
					expect(Math.min(box.width, box.height), `${where}: ${name}, a full tap target`).toBeGreaterThanOrEqual(48);
				}
				await expectFits(page, where);
			}
		}
		await page.setViewportSize({ width: 412, height: 839 });
	}
	expect(errors).toEqual([]);
});
