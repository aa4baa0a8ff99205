import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ownDeckWithCard } from './own-deck';

// axe-core over every page a learner goes through, with the built-in deck and a deck of one's own in it, in
// both colour schemes: whatever it finds fails, the minor and moderate too (a control without a name, text without
// contrast, a broken landmark or list, a heading level skipped). What axe cannot judge is pinned by the tests of each page.

const DECK = encodeURIComponent('aws-기초');

/** Axe's violations on the page as it is now, one line each: the rule, its impact and the elements. */
async function violationsOn(page: Page, where: string): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations.map((violation) => `${where}: ${violation.id}, ${violation.impact} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} scheme`, () => {
		test.use({ colorScheme });

		test('every page has no axe violation', async ({ page }) => {
			test.setTimeout(150_000);
			const found: string[] = [];
			const check = async (where: string) => found.push(...(await violationsOn(page, where)));

			await page.goto('/');
			await expect(page.getByRole('link', { name: 'AWS 기초', exact: true })).toBeVisible();
			await check('home');

			await page.goto(`/deck/${DECK}`);
			await expect(page.getByRole('link', { name: 'Card info: card 1', exact: true })).toBeVisible();
			await check('deck');
			await page.getByRole('link', { name: 'Card info: card 1', exact: true }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeVisible();
			await check('card info');

			await page.goto(`/study/${DECK}`);
			await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
			await check('study, question side');
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByRole('group', { name: 'Back' })).toBeVisible();
			await check('study, answer side');
			await page.getByRole('button', { name: 'More' }).click();
			await expect(page.getByRole('button', { name: 'Bury until tomorrow' })).toBeVisible();
			await check('study, More menu');
			await page.getByRole('button', { name: 'More' }).click();
			await page.keyboard.press('?');
			await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
			await check('study, keys list');
			await page.getByRole('button', { name: 'Close' }).click();

			await page.goto('/browse');
			await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
			await check('browse');

			await page.goto('/import');
			await page.locator('input[type="file"]').setInputFiles([{ name: 'fruit.csv', mimeType: 'text/csv', buffer: Buffer.from('front,back\napple,사과\npear,배\n') }]);
			await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
			await check('import preview');
			await page.getByRole('button', { name: 'Continue' }).click();
			await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
			await check('import summary');
			await page.getByRole('button', { name: 'Import', exact: true }).click();
			await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
			await check('import report');

			await page.goto('/stats');
			await expect(page.getByRole('heading', { level: 2, name: 'Forecast' })).toBeVisible();
			await check('statistics');

			await page.goto('/settings');
			await expect(page.getByRole('heading', { level: 2, name: 'Storage on this device' })).toBeVisible();
			await check('settings');

			// The six answer buttons, SM-2's grades, each with its meaning. Saved before the page is left: a page
			// left within milliseconds of a change could go before its write (failed once in CI, four buttons shown).
			const saved = page.getByRole('status').filter({ hasText: 'Saved' });
			await page.getByRole('radio', { name: /^Six: SM-2/ }).check();
			await expect(saved).toBeVisible();
			await page.goto(`/study/${DECK}`);
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByRole('button', { name: /^5 Perfect, / })).toBeVisible();
			await check('study, six answer buttons');
			await page.goto('/settings');
			await page.getByRole('radio', { name: /^Four: / }).check();
			await expect(saved).toBeVisible();
			// One new card a day: the session of the deck below ends with new cards left, and Study more offers them.
			await page.goto('/settings');
			await page.getByLabel('New cards per day').fill('1');
			await expect(saved).toBeVisible();

			// A deck of one's own: adding cards, asking before deleting it, and a session's end.
			await ownDeckWithCard(page, 'words', { front: 'apple', back: '사과' });
			await page.getByRole('textbox', { name: 'Front' }).fill('pear');
			await page.getByRole('textbox', { name: 'Back' }).fill('배');
			await page.getByRole('button', { name: 'Add 1 card' }).click();
			await expect(page.getByRole('textbox', { name: 'Front' })).toHaveValue('');
			await check('add cards');
			await page.goto('/deck/words');
			await page.getByRole('button', { name: 'Delete deck' }).click();
			await expect(page.getByRole('dialog')).toBeVisible();
			await check('delete deck dialog');
			await page.goto('/study/words');
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: /^Easy, / }).click();
			await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
			await expect(page.getByRole('button', { name: /^Study \d+ more new cards?$/ })).toBeVisible();
			await check('end of session, with Study more');

			expect(found).toEqual([]);
		});

		test('the page of a parent without a deck of its own has no axe violation', async ({ page }) => {
			await ownDeckWithCard(page, 'Languages::한국어', { front: '사과', back: 'apple' });
			await page.goto(`/deck/${encodeURIComponent('tree:Languages')}`);
			await expect(page.getByRole('region', { name: 'Sub-decks' }).getByText('1 new · 0 due')).toBeVisible();
			expect(await violationsOn(page, 'parent deck')).toEqual([]);
		});
	});
}

test('Korean content is marked as Korean, so that a screen reader reads it with a Korean voice; the app’s own words are not', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'AWS 기초', exact: true })).toHaveAttribute('lang', 'ko');
	await expect(page.getByRole('link', { name: 'New deck' })).not.toHaveAttribute('lang');
	// A deck named inside the app's words ("Study AWS 기초") is marked apart from them, and the button keeps that name.
	await expect(page.getByRole('link', { name: 'Study AWS 기초', exact: true }).locator('[lang="ko"]')).toHaveText('AWS 기초');

	await page.goto(`/study/${DECK}`);
	await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toHaveAttribute('lang', 'ko');
	const front = page.getByRole('group', { name: 'Front' });
	await expect(front).toBeVisible();
	// The side's text is marked; the group, named in the app's language, is not.
	await expect(front.locator('[lang="ko"]').first()).toBeVisible();
	expect(await front.evaluate((group) => group.closest('[lang]')?.getAttribute('lang'))).toBe('en');
	// What the live region says of it too: the app's words in the page's language, the side in Korean.
	const announcer = page.locator('#study-announcer');
	await expect(announcer).toHaveText(/^Card 1 of \d+: .*[가-힣]/);
	await expect(announcer.locator('span[lang="ko"]')).toHaveText(/[가-힣]/);

	await page.goto(`/deck/${DECK}`);
	await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toHaveAttribute('lang', 'ko');
	await page.getByRole('link', { name: 'Card info: card 1', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Details' }).getByRole('link', { name: 'AWS 기초' })).toHaveAttribute('lang', 'ko');

	// A card of English text keeps the page's language.
	await ownDeckWithCard(page, 'words', { front: 'apple', back: 'a fruit' });
	await page.goto('/study/words');
	await expect(page.getByRole('group', { name: 'Front' })).toHaveText('apple');
	await expect(page.getByRole('group', { name: 'Front' }).locator('[lang]')).toHaveCount(0);
	await expect(page.locator('#study-announcer')).toHaveText('Card 1 of 1: apple');
	await expect(page.locator('#study-announcer [lang]')).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1, name: 'words' })).not.toHaveAttribute('lang');

	// Under the Korean interface, English content is marked English: a Korean voice reads it with Korean sounds.
	await page.goto('/settings');
	await page.getByRole('radio', { name: '한국어', exact: true }).check();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await page.goto('/study/words');
	await expect(page.getByRole('group', { name: '앞면' }).locator('[lang="en"]')).toHaveText('apple');
	await expect(page.locator('#study-announcer')).toHaveText('1장 중 1번째 카드: apple');
	await expect(page.locator('#study-announcer span[lang="en"]')).toHaveText('apple');
	await expect(page.getByRole('heading', { level: 1, name: 'words' })).toHaveAttribute('lang', 'en');
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'words 학습', exact: true }).locator('[lang="en"]')).toHaveText('words');
	await expect(page.getByRole('link', { name: 'AWS 기초 학습', exact: true }).locator('[lang="ko"]')).toHaveText('AWS 기초');
});

test('on a phone every link, button and field is at least 44 × 44 px, the size of a fingertip', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'tap targets are a touch screen’s concern');
	const smallTargets = (where: string) =>
		page.evaluate((where) => {
			const found: string[] = [];
			for (const control of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
				// A checkbox or radio button is tapped through its label.
				const target = control instanceof HTMLInputElement && ['checkbox', 'radio'].includes(control.type) ? (control.closest('label') ?? control) : control;
				const { width, height } = target.getBoundingClientRect();
				// Not shown, or shown only on focus (the skip link).
				if (width <= 1 || height <= 1) continue;
				if (width < 44 || height < 44) found.push(`${where}: “${(control.getAttribute('aria-label') ?? control.textContent ?? '').trim()}” ${Math.round(width)} × ${Math.round(height)}`);
			}
			return found;
		}, where);

	const found: string[] = [];
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'AWS 기초', exact: true })).toBeVisible();
	found.push(...(await smallTargets('home')));
	await page.goto(`/deck/${DECK}`);
	await page.getByText('Export', { exact: true }).click();
	found.push(...(await smallTargets('deck')));
	await page.getByRole('link', { name: 'Card info: card 1', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeVisible();
	found.push(...(await smallTargets('card info')));
	await page.goto(`/study/${DECK}`);
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('group', { name: 'Back' })).toBeVisible();
	found.push(...(await smallTargets('study')));
	await page.goto('/browse');
	await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
	found.push(...(await smallTargets('browse')));
	await page.goto('/stats');
	await expect(page.getByRole('heading', { level: 2, name: 'Forecast' })).toBeVisible();
	found.push(...(await smallTargets('statistics')));
	await page.goto('/no-such-page');
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
	found.push(...(await smallTargets('page not found')));
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 2, name: 'Storage on this device' })).toBeVisible();
	found.push(...(await smallTargets('settings')));

	// In Korean a link can be one short word (the deck page's 통계 was 29 px wide).
	await page.getByRole('radio', { name: '한국어', exact: true }).check();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await page.goto(`/deck/${DECK}`);
	await expect(page.getByRole('link', { name: '카드 정보: 카드 1', exact: true })).toBeVisible();
	found.push(...(await smallTargets('deck, in Korean')));
	expect(found).toEqual([]);
});
