import { expect, test, type Page } from '@playwright/test';
import { collectErrors, PIXEL } from './page-errors';
import { ownCardInfo } from './own-deck';
import { homeFromStudy } from './leave-study';

// Card texts are the generator's business and change with it: only the deck's name is fixed.
const DECK_NAME = 'AWS 기초';


function cardCountOf(text: string | null): number {
	const match = /(\d+) cards?/.exec(text ?? '');
	expect(match, `a card count in "${text}"`).not.toBeNull();
	return Number(match?.[1]);
}

test('the home page lists the built-in deck, and its page shows every card with its source', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/');

	const decks = page.getByRole('region', { name: 'Decks' });
	// Exact: the deck's "Study AWS 기초" button is a link that has the name in it too.
	const deckLink = decks.getByRole('link', { name: DECK_NAME, exact: true });
	await expect(deckLink).toBeVisible();
	await expect(decks.getByText('No decks yet.')).toHaveCount(0);
	const count = cardCountOf(await decks.getByRole('listitem').filter({ has: page.getByRole('link', { name: DECK_NAME, exact: true }) }).textContent());
	expect(count).toBeGreaterThan(0);
	// A comfortable tap target on a phone.
	const box = await deckLink.boundingBox();
	expect(box?.height).toBeGreaterThanOrEqual(48);

	await deckLink.click();

	await expect(page).toHaveURL(`/deck/${encodeURIComponent('aws-기초')}`);
	await expect(page.getByRole('heading', { level: 1, name: DECK_NAME })).toBeVisible();
	await expect(page).toHaveTitle(`${DECK_NAME} · Recall`);
	await expect(page.getByText(`${count} cards`, { exact: true })).toBeVisible();
	const cards = page.getByRole('article');
	await expect(cards).toHaveCount(count);
	for (const card of await cards.all()) {
		await expect(card).toHaveAccessibleName(/^Card \d+$/);
		await expect(card.getByText('Front', { exact: true })).toBeVisible();
		await expect(card.getByText('Back', { exact: true })).toBeVisible();
		await expect(card.getByText(/line \d+/)).toBeVisible();
	}
	await expect(cards.first()).toHaveAccessibleName('Card 1');

	expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

	await page.getByRole('link', { name: 'Back to your decks' }).first().click();
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('link', { name: DECK_NAME, exact: true })).toBeVisible();
	expect(errors).toEqual([]);
});

test('a deck page says beside Study this deck how many new and due cards today brings, and counts again after studying', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	const deckPage = `/deck/${encodeURIComponent('aws-기초')}`;
	await page.goto(deckPage);
	const study = page.getByRole('link', { name: 'Study this deck' });
	const today = page.locator('.study').getByText(/\d+ new · \d+ due/);
	// The deck's 22 cards less the 7 held back for another day as siblings of a list card today brings
	// (README, "Siblings wait for another day"): fewer than the 20 new cards a day.
	const firstDay = 15;
	await expect(today).toHaveText(`${firstDay} new · 0 due`);
	await study.click();
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuemax', String(firstDay));
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
	// Within the app, as a learner goes (the answer's write goes on while the page changes).
	await homeFromStudy(page);
	await page.getByRole('link', { name: DECK_NAME, exact: true }).click();
	await expect(page).toHaveURL(deckPage);
	// Good on a new card: due tomorrow, not today; the cards it holds back still wait.
	await expect(today).toHaveText(`${firstDay - 1} new · 0 due`);
	expect(errors).toEqual([]);
});

test('a deck page opens from a deep link', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	await expect(page.getByRole('heading', { level: 1, name: DECK_NAME })).toBeVisible();
	await expect(page.getByRole('article').first()).toBeVisible();
	expect(errors).toEqual([]);
});

/** How far the page reaches past the screen's right edge. Not `innerWidth`: a phone zooms out to a page that is too wide, and `innerWidth` grows with it. */
async function sidewaysOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('on a phone, the deck page’s Export and Options open within the screen', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a narrow screen is the case this covers; one project is enough');
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	await expect(page.getByRole('heading', { level: 1, name: DECK_NAME })).toBeVisible();
	for (const name of ['Export', 'Options']) {
		const summary = page.locator('summary', { hasText: name });
		expect((await summary.boundingBox())?.height).toBeGreaterThanOrEqual(44);
		await summary.click();
	}
	// The longest format's name is wider than a phone: the choice must fit the screen, not widen the page.
	const format = page.getByRole('combobox', { name: 'Format' });
	await expect(format).toBeVisible();
	const box = await format.boundingBox();
	const screenWidth = await page.evaluate(() => document.documentElement.clientWidth);
	expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(screenWidth);
	expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
});

test('the deck options’ boxes keep the room the page’s other boxes keep inside their border', async ({ page }) => {
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	await page.getByText('Options', { exact: true }).click();
	const screenWidth = await page.evaluate(() => document.documentElement.clientWidth);
	for (const name of ['New cards per day', 'Reviews per day', 'Leech threshold (lapses)']) {
		const group = page.getByRole('group', { name });
		const box = (await group.boundingBox())!;
		// Within the page's margins…
		expect(box.x, `${name}: left margin`).toBeGreaterThanOrEqual(16);
		expect(screenWidth - (box.x + box.width), `${name}: right margin`).toBeGreaterThanOrEqual(16);
		// …and its checkbox, its field and its legend's words 1rem (the padding of a card) inside its border.
		for (const control of [group.getByRole('checkbox'), group.getByRole('textbox')]) {
			const inner = (await control.boundingBox())!;
			expect(inner.x - box.x, `${name}: room before a control`).toBeGreaterThanOrEqual(16);
		}
		const legend = await group.locator('legend').evaluate((element) => {
			const range = document.createRange();
			range.selectNodeContents(element);
			return range.getBoundingClientRect().x;
		});
		expect(Math.abs(legend - (await group.getByRole('checkbox').boundingBox())!.x), `${name}: the legend lines up with the checkbox`).toBeLessThanOrEqual(2);
	}
});

test('Card info names where a card came from, once for a card written in the app', async ({ page }) => {
	const source = () => page.locator('dt:text-is("Source") + dd');
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	await page.getByRole('link', { name: 'Card info: card 1', exact: true }).click();
	await expect(source()).toHaveText(/^AWS-기초\.md, line \d+ · \S/);

	await ownCardInfo(page, 'Mine', { front: 'question', back: 'answer' });
	await expect(source()).toHaveText('Written in the app');
});

test('the deck’s two Recall files, with and without progress, have names that tell them apart', async ({ page }) => {
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	await page.getByText('Export', { exact: true }).click();
	const names: string[] = [];
	for (const format of ['Recall deck with progress (.json)', 'Recall deck without progress (.json)']) {
		await page.getByLabel('Format').selectOption({ label: format });
		// The choice is read whole in the closed list, on a phone too: its text and the list's arrow fit its width.
		const room = await page.getByLabel('Format').evaluate((select: HTMLSelectElement) => {
			const style = getComputedStyle(select);
			const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
			context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
			const text = context.measureText(select.selectedOptions[0]?.text ?? '').width;
			return select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - text;
		});
		expect(room, format).toBeGreaterThan(16);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
		names.push(download.suggestedFilename());
	}
	expect(names[0]).toMatch(/^AWS 기초 \(with progress\) \d{4}-\d{2}-\d{2}\.json$/);
	expect(names[1]).toMatch(/^AWS 기초 \(cards only\) \d{4}-\d{2}-\d{2}\.json$/);
});

test('Korean in inline code is spaced like the text around it', async ({ page }) => {
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	const code = page.locator('article code', { hasText: '자체 클라우드 컴퓨팅 인프라' }).first();
	await expect(code).toBeVisible();
	// The width of a space between words in the code and in the sentence around it: a monospace
	// space is about twice as wide.
	const [inCode, inText] = await code.evaluate((element) => {
		const spaceWidth = (text: Text) => {
			const range = document.createRange();
			const at = text.data.indexOf(' ');
			range.setStart(text, at);
			range.setEnd(text, at + 1);
			return range.getBoundingClientRect().width;
		};
		const around = [...element.parentElement!.childNodes].find((node): node is Text => node instanceof Text && node.data.trim().includes(' '))!;
		return [spaceWidth(element.firstChild as Text), spaceWidth(around)];
	});
	expect(inCode).toBeGreaterThan(0);
	expect(inCode / inText).toBeLessThan(1.2);
});

test('a card’s bullet list has on the deck page the markers it has in study', async ({ page }) => {
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	const item = page.locator('article li', { hasText: '2000년대 초반 아마존닷컴은' }).first();
	await expect(item).toBeVisible();
	// Study and Card info draw it with discs, as a list of its own. The deck page lists its cards in a list,
	// inside which a browser draws a card's list as a nested one, with circles.
	expect(await item.evaluate((element) => getComputedStyle(element).listStyleType)).toBe('disc');
});

test('an invalid number in the deck options marks its field and points it at the message, until it is put right', async ({ page }) => {
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	await page.getByText('Options', { exact: true }).click();
	const newCards = page.getByRole('group', { name: 'New cards per day' });
	const reviews = page.getByRole('group', { name: 'Reviews per day' });
	const field = newCards.getByRole('textbox', { name: 'For this deck' });
	const reviewsField = reviews.getByRole('textbox', { name: 'For this deck' });
	await newCards.getByRole('checkbox', { name: /^Use the global setting/ }).uncheck();
	await reviews.getByRole('checkbox', { name: /^Use the global setting/ }).uncheck();
	await field.fill('many');
	await reviewsField.fill('-1');
	await expect(field).toHaveAttribute('aria-invalid', 'false');
	await page.getByRole('button', { name: 'Save options' }).click();

	const message = 'New cards per day: enter a whole number from 0 to 9,999.';
	await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAccessibleDescription(message);
	expect(await field.evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe('2px');
	await expect(reviewsField).toHaveAttribute('aria-invalid', 'false');

	// Put right, the field is no longer marked, and the other one that is wrong is.
	await field.fill('15');
	await expect(field).toHaveAttribute('aria-invalid', 'false');
	await expect(field).toHaveAccessibleDescription('');
	await expect(reviewsField).toHaveAttribute('aria-invalid', 'true');
	await expect(reviewsField).toHaveAccessibleDescription('Reviews per day: enter a whole number from 0 to 99,999.');
	await reviewsField.fill('150');
	await expect(reviewsField).toHaveAttribute('aria-invalid', 'false');
	await page.getByRole('button', { name: 'Save options' }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
});

test('an unknown deck shows the not-found page', async ({ page }) => {
	await page.goto('/deck/no-such-deck');
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to your decks' }).click();
	await expect(page).toHaveURL('/');
});

test('the deck list speaks Korean to a Korean browser', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ko-KR' });
	const page = await context.newPage();
	await page.goto('/');
	const decks = page.getByRole('region', { name: '덱' });
	const deckLink = decks.getByRole('link', { name: DECK_NAME, exact: true });
	await expect(decks.getByRole('listitem').filter({ has: page.getByRole('link', { name: DECK_NAME, exact: true }) })).toContainText(/카드 \d+장/);
	await deckLink.click();
	await expect(page.getByRole('article').first()).toHaveAccessibleName('카드 1');
	await expect(page.getByRole('article').first().getByText('앞면', { exact: true })).toBeVisible();
	await context.close();
});

test('a card’s images load lazily, and one that cannot load shows its alt text instead', async ({ page, baseURL }) => {
	const origin = new URL(baseURL as string).origin;
	let served = 0;
	await page.route(
		(url) => url.origin !== origin,
		(route) => {
			served++;
			// The first image arrives; every other one fails, as it does offline.
			return served === 1 ? route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }) : route.abort('internetdisconnected');
		}
	);
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	const images = page.locator('article img');
	await expect(images.first()).toHaveAttribute('loading', 'lazy');
	// Scroll every card into view so that every lazy image is asked for.
	for (const card of await page.getByRole('article').all()) await card.scrollIntoViewIfNeeded();
	const placeholders = page.getByRole('img', { name: 'image' }).filter({ hasText: 'image' });
	await expect(placeholders.first()).toBeVisible();
	await expect(placeholders.first()).toContainText('image');
	expect(await placeholders.count()).toBeGreaterThan(1);
	expect(served).toBeGreaterThan(1);
});

test('New deck stores the name tidied: `한국어::` is 한국어, and `::` is no name', async ({ page }) => {
	await page.goto('/new-deck');
	const name = page.getByLabel('Deck name');
	const create = page.getByRole('button', { name: 'Create deck' });
	await name.fill('한국어::');
	await create.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Add cards to 한국어' })).toBeVisible();

	await page.goto('/new-deck');
	await name.fill(' 한국어 ');
	await create.click();
	await expect(page.getByRole('alert')).toHaveText('There is already a deck named “한국어”. Choose another name.');
	await name.fill(' :: ');
	await create.click();
	await expect(page.getByRole('alert')).toHaveText('Give the deck a name.');
});

test('New deck and Add cards open with the keyboard in their first field, from a link or a deep link', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'New deck' }).click();
	await expect(page.getByLabel('Deck name')).toBeFocused();
	await page.keyboard.type('키보드');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Add cards to 키보드' })).toBeVisible();
	const front = page.getByRole('textbox', { name: 'Front' });
	await expect(front).toBeFocused();
	await page.keyboard.type('수도');
	await expect(front).toHaveValue('수도');

	await page.reload();
	await expect(page.getByRole('textbox', { name: 'Front' })).toBeFocused();
});
