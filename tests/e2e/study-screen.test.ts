import { expect, test, type Locator, type Page } from '@playwright/test';
import { ownDeckWithCard } from './own-deck';
import { collectErrors } from './page-errors';
import { afterNextFrames, brokenWords, expectFits, layoutShifts, watchLayoutShifts } from './page-fits';

const STUDY_URL = `/study/${encodeURIComponent('aws-기초')}`;
/**
 * The cards the seed deck's first session brings: its 22 cards less the 7 held back for another day as siblings
 * of a list card that day brings (README, "Siblings wait for another day"); fewer than the 20 new cards a day.
 */
const FIRST_DAY_CARDS = 15;

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

test('the deck’s name keeps its place as the session opens', async ({ page }) => {
	await watchLayoutShifts(page);
	await page.goto(STUDY_URL);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await afterNextFrames(page);
	// At a desktop, Undo and ⋯ came after the name and made its line taller, moving it down.
	expect(await layoutShifts(page)).toEqual([]);
});

test('the ⋯ menu is as wide as its longest item: each item’s name and key on one line, as in a menu', async ({ page }) => {
	await page.goto(STUDY_URL);
	await expect(front(page)).toBeVisible();
	await page.getByRole('button', { name: 'More' }).click();
	const items = page.locator('#study-more').locator('button, a');
	await expect(items).toHaveCount(4);
	// The menu was 13rem wide whatever its items, so that “Bury until tomorrow” took two lines beside its key.
	const lines = await items.evaluateAll((elements) =>
		elements.map((item) => {
			// The item's name: the text before its key.
			const name = [...item.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim() !== '')!;
			const range = document.createRange();
			range.selectNodeContents(name);
			return `${name.textContent?.trim()}: ${new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size}`;
		})
	);
	expect(lines).toEqual(['Edit card: 1', 'Bury until tomorrow: 1', 'Suspend card: 1', 'Card info: 1']);
	await expectFits(page, 'the ⋯ menu open');
});

test('Anki’s keys on a shown card: - buries, @ suspends, Z and U take them back, M opens ⋯, ? lists every key, I opens card info', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name === 'phone', 'a phone has no keyboard to press them on');
	const errors = await collectErrors(page, baseURL);
	await page.goto(STUDY_URL);
	await expect(front(page)).toBeVisible();
	const showAnswer = page.getByRole('button', { name: 'Show answer' });
	const status = page.getByRole('status');
	const firstFront = (await front(page).textContent())!;

	// @ on the answer side, typed as a US keyboard types it.
	const takenBack = [
		{ key: '-', revealed: false, done: 'The card is buried until tomorrow. Undo brings it back.', undo: 'z', undone: 'Bury undone: the card is back in your session.' },
		{ key: 'Shift+Digit2', revealed: true, done: 'The card is suspended: it stays out of your sessions. Undo brings it back.', undo: 'u', undone: 'Suspend undone: the card is back in your session.' }
	];
	for (const step of takenBack) {
		if (step.revealed) await page.keyboard.press('Space');
		await expect(back(page)).toBeVisible({ visible: step.revealed });
		await page.keyboard.press(step.key);
		await expect(status).toHaveText(step.done);
		await expect(front(page)).not.toHaveText(firstFront);
		await page.keyboard.press(step.undo);
		await expect(status).toHaveText(step.undone);
		await expect(front(page)).toHaveText(firstFront);
	}
	await expect(showAnswer).toBeFocused();

	await page.keyboard.press('m');
	await expect(page.getByRole('button', { name: 'Edit card' })).toBeFocused();
	await expect(page.getByRole('link', { name: 'Card info' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('button', { name: 'Edit card' })).toBeHidden();
	await showAnswer.focus();

	await page.keyboard.press('Shift+Slash');
	const keysList = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(keysList).toBeVisible();
	await expect(keysList.getByRole('button', { name: 'Close' })).toBeFocused();
	await expect(keysList.getByRole('definition')).toHaveText([
		'Show the answer, then answer Good',
		'Grade the card, once its answer is shown',
		'Undo the last answer, bury or suspend',
		'Edit the card',
		'Bury the card until tomorrow',
		'Suspend the card',
		'Open the card’s info page',
		'Open the ⋯ menu',
		'Play the card’s sounds again',
		'Show or hide this list'
	]);
	// The card behind the list is not buried by a key meant for it.
	await page.keyboard.press('-');
	await expect(status).toHaveText('Suspend undone: the card is back in your session.');
	await page.keyboard.press('Escape');
	await expect(keysList).toBeHidden();
	await expect(showAnswer).toBeFocused();
	await page.keyboard.press('?');
	await expect(keysList).toBeVisible();
	await page.keyboard.press('?');
	await expect(keysList).toBeHidden();
	await expect(showAnswer).toBeFocused();
	await expect(front(page)).toHaveText(firstFront);

	await page.keyboard.press('i');
	await expect(page).toHaveURL(/\/card\/[^/]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Card info');
	await expect(page.getByText(firstFront).first()).toBeVisible();
	// Back on the study screen, the same card is waiting.
	await page.goBack();
	// Card info shows a Front too: wait for the study screen itself before pressing a key there.
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect(front(page)).toHaveText(firstFront);
	// So through the page's own link, which a phone needs (its study page has no app header to leave by).
	await page.keyboard.press('i');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Card info');
	await page.getByRole('link', { name: 'Back to studying' }).click();
	await expect(front(page)).toHaveText(firstFront);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	// Back in history: the browser's Back does not return to card info.
	expect(new URL(page.url()).pathname).toMatch(/^\/study\//);
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

const back = (page: Page) => page.getByRole('group', { name: 'Back' });
const gradeButton = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^${label}, `) });

/** Records each text the study page's live region takes, in order ('' when it empties): what a screen reader hears. */
async function listenToAnnouncer(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const heard: string[] = [];
		let last = '';
		(window as unknown as { heard: string[] }).heard = heard;
		new MutationObserver(() => {
			const text = document.getElementById('study-announcer')?.textContent ?? '';
			if (text !== last) heard.push(text);
			last = text;
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	return () => page.evaluate(() => [...(window as unknown as { heard: string[] }).heard]);
}

/** A phone taps, a desktop clicks. */
async function press(button: Locator, isPhone: boolean): Promise<void> {
	if (isPhone) await button.tap();
	else await button.click();
}

test('Show answer and Good, tapped, clicked or pressed by a screen reader, hand focus to what comes next without a focus ring, and each side is heard once', async ({ page, baseURL }, testInfo) => {
	const errors = await collectErrors(page, baseURL);
	const phone = testInfo.project.name === 'phone';
	const heard = await listenToAnnouncer(page);
	await page.goto(STUDY_URL);
	const showAnswer = page.getByRole('button', { name: 'Show answer' });
	await expect(showAnswer).toBeVisible();
	const firstFront = (await front(page).innerText()).replace(/\s+/g, ' ').trim();
	// The first card is heard once, with its place in the session; the page's opening keeps focus where it put it.
	await expect.poll(heard).toEqual([expect.stringMatching(new RegExp(`^Card 1 of ${FIRST_DAY_CARDS}: `))]);
	expect((await heard())[0]).toContain(firstFront.slice(0, 20));
	await expect(showAnswer).not.toBeFocused();

	await press(showAnswer, phone);
	await expect(back(page)).toBeVisible();
	const good = gradeButton(page, 'Good');
	await expect(good).toBeFocused();
	expect(await good.evaluate((element) => element.matches(':focus-visible')), 'a focus ring after a tap or a click').toBe(false);
	const firstBack = (await back(page).innerText()).replace(/\s+/g, ' ').trim();
	await expect.poll(heard).toHaveLength(2);
	expect((await heard())[1]).toMatch(/^Answer: /);
	expect((await heard())[1]).toContain(firstBack.slice(0, 20));

	// A screen reader activates the button with no pointer pressed before it.
	await good.evaluate((element: HTMLElement) => element.click());
	await expect(page.getByText(`1 / ${FIRST_DAY_CARDS}`, { exact: true })).toBeVisible();
	await expect(showAnswer).toBeFocused();
	await expect.poll(heard).toHaveLength(3);
	const [, , second] = await heard();
	expect(second).toMatch(new RegExp(`^Card 2 of ${FIRST_DAY_CARDS}: `));
	expect(second).toContain((await front(page).innerText()).replace(/\s+/g, ' ').trim().slice(0, 20));
	expect(await showAnswer.evaluate((element) => element.matches(':focus-visible')), 'a focus ring after a tap or a click').toBe(false);

	// Undo, its button disabled with nothing left to undo, hands focus to the card shown again, which is heard again.
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	await press(page.getByRole('button', { name: 'Undo' }), phone);
	await expect(page.getByText(`0 / ${FIRST_DAY_CARDS}`, { exact: true })).toBeVisible();
	await expect(showAnswer).toBeFocused();
	await expect.poll(heard).toHaveLength(4);
	expect((await heard())[3]).toMatch(new RegExp(`^Card 1 of ${FIRST_DAY_CARDS}: `));
	// Text only, never the card's markup.
	expect((await heard()).join('\n')).not.toMatch(/<\w/);
	expect(errors).toEqual([]);
});

test('the live region speaks Korean in Korean', async ({ page, baseURL }, testInfo) => {
	test.skip(testInfo.project.name === 'phone', 'the words are the same on a phone; the desktop is enough');
	const errors = await collectErrors(page, baseURL);
	const heard = await listenToAnnouncer(page);
	await page.goto('/settings');
	await page.getByRole('radio', { name: '한국어', exact: true }).check();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await page.goto(STUDY_URL);
	await expect.poll(heard).toEqual([expect.stringMatching(new RegExp(`^${FIRST_DAY_CARDS}장 중 1번째 카드: \\S`))]);
	await page.getByRole('button', { name: '정답 보기' }).click();
	await expect.poll(heard).toEqual([expect.stringMatching(new RegExp(`^${FIRST_DAY_CARDS}장 중 1번째 카드: `)), expect.stringMatching(/^정답: \S/)]);
	expect(errors).toEqual([]);
});

test('a study session opened from Home is announced by its deck’s name, as other pages are by theirs', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/');
	await page.getByRole('link', { name: 'Study AWS 기초' }).click();
	await expect(page).toHaveURL(STUDY_URL);
	await expect(page.locator('#svelte-announcer')).toHaveText('Study: AWS 기초 · Recall');
	await expect(page).toHaveTitle('Study: AWS 기초 · Recall');
	await expect(front(page)).toBeVisible();
	expect(errors).toEqual([]);
});

test('the card read in one tab and answered in another says so, in that tab only', async ({ context, baseURL }) => {
	const here = await context.newPage();
	const there = await context.newPage();
	const errors = [...(await collectErrors(here, baseURL)), ...(await collectErrors(there, baseURL))];
	const elsewhere = 'The card you were reading was answered in another tab or window.';
	await here.goto(STUDY_URL);
	await there.goto(STUDY_URL);
	await expect(front(here)).toBeVisible();
	await expect(front(there)).toBeVisible();
	const first = await front(here).innerText();
	await here.getByRole('button', { name: 'Show answer' }).click();

	// Answered there: here the next card comes with the reason.
	await there.getByRole('button', { name: 'Show answer' }).click();
	await gradeButton(there, 'Good').click();
	await expect(here.getByText(`1 / ${FIRST_DAY_CARDS}`, { exact: true })).toBeVisible();
	await expect(here.getByRole('status')).toHaveText(elsewhere);
	expect(await front(here).innerText()).not.toBe(first);
	// The tab that answered moved on by its own doing: nothing to explain.
	await expect(there.locator('[aria-busy="true"]')).toHaveCount(0);
	await expect(there.getByText(elsewhere)).toHaveCount(0);

	// Answered here: the other tab, on the same card, hears of it; this one says nothing.
	await here.getByRole('button', { name: 'Show answer' }).click();
	await expect(here.getByText(elsewhere)).toHaveCount(0);
	await gradeButton(here, 'Good').click();
	await expect(there.getByText(`2 / ${FIRST_DAY_CARDS}`, { exact: true })).toBeVisible();
	await expect(there.getByRole('status')).toHaveText(elsewhere);
	await expect(here.locator('[aria-busy="true"]')).toHaveCount(0);
	await expect(here.getByText(elsewhere)).toHaveCount(0);
	expect(errors).toEqual([]);
});

test.describe('zoomed to 200% (640 × 400 px)', () => {
	test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

	/** The top of the answer bar's buttons, after checking each is still a comfortable tap target. */
	async function barTop(page: Page, buttons: Locator): Promise<number> {
		const boxes = await Promise.all((await buttons.all()).map(async (button) => (await button.boundingBox())!));
		for (const box of boxes) expect(box.height, 'a tap target').toBeGreaterThanOrEqual(44);
		return Math.min(...boxes.map((box) => box.y));
	}

	for (const mode of ['Four', 'Six'] as const) {
		test(`with ${mode.toLowerCase()} answer buttons the bar leaves the back’s first line in view`, async ({ page, baseURL }) => {
			const errors = await collectErrors(page, baseURL);
			if (mode === 'Six') {
				await page.goto('/settings');
				await page.getByRole('radio', { name: /^Six/ }).check();
				await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
			}
			await page.goto(STUDY_URL);
			const showAnswer = page.getByRole('button', { name: 'Show answer' });
			expect(400 - (await barTop(page, showAnswer)), 'Show answer’s bar').toBeLessThanOrEqual(100);
			await showAnswer.click();
			await expect(back(page)).toBeVisible();
			const grades = page.getByRole('group', { name: 'How well did you remember it?' }).getByRole('button');
			await expect(grades).toHaveCount(mode === 'Four' ? 4 : 6);
			const top = await barTop(page, grades);
			// Four buttons took 185 px of the 400, six 255: the back could not be read without scrolling.
			expect(400 - top, 'the answer bar’s height').toBeLessThanOrEqual(mode === 'Four' ? 160 : 120);
			// Its buttons on one row, and the back's heading and first line above them.
			const rows = new Set(await grades.evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top))));
			expect(rows.size, 'rows of buttons').toBe(1);
			const firstLine = await back(page).evaluate((group) => {
				const walker = document.createTreeWalker(group, NodeFilter.SHOW_TEXT, (node) => (node.textContent!.trim() === '' ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT));
				const range = document.createRange();
				range.selectNodeContents(walker.nextNode()!);
				return range.getClientRects()[0]!.bottom;
			});
			expect(firstLine, 'the back’s first line, above the bar').toBeLessThanOrEqual(top);
			expect(errors).toEqual([]);
		});
	}
});

test('a screen reader meets the progress once, as the bar named Progress with its count, not the label again as text', async ({ page }) => {
	await page.goto(STUDY_URL);
	await expect(front(page)).toBeVisible();
	const bar = page.getByRole('progressbar', { name: 'Progress' });
	await expect(bar).toHaveAttribute('aria-valuetext', `0 / ${FIRST_DAY_CARDS}`);
	// The bar's label is its name, read with it: as text of its own it was heard again just before the bar.
	expect(await page.getByRole('main').ariaSnapshot()).not.toMatch(/^\s*- text: Progress$/m);
});
