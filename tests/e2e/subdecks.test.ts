import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { ownDeckWithCard } from './own-deck';
import { expectFits } from './page-fits';
import { collectErrors } from './page-errors';
import { switchLanguageInAnotherTab } from './switch-language';

// Decks named as Anki names sub-decks. "Languages" has no deck of its own: it is there through its sub-decks.
const KOREAN = { name: 'Languages::Korean', front: '사과', back: 'apple' };
const JAPANESE = { name: 'Languages::Japanese', front: 'りんご', back: 'ringo' };
const DEEP = { name: 'Languages::Korean::Verbs::Irregular::Past::Polite Forms', front: '갔어요', back: 'went' };

const toggle = (page: Page, name: string) => page.getByRole('button', { name: `Sub-decks of ${name}`, exact: true });
const deckLink = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

/** Answers the session's next `count` cards Easy; their fronts, sorted. */
async function answerEasy(page: Page, count: number): Promise<string[]> {
	const fronts: string[] = [];
	for (let i = 0; i < count; i++) {
		const front = page.getByRole('group', { name: 'Front' });
		await expect(front).toBeVisible();
		fronts.push((await front.innerText()).trim());
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Easy, / }).click();
		await expect(page.getByRole('group', { name: 'Back' })).toHaveCount(0);
	}
	return fronts.sort();
}

test('sub-decks nest under their parent on home, fold away across reloads, and the parent studies them all', async ({ page, baseURL }, testInfo: TestInfo) => {
	const errors = await collectErrors(page, baseURL);
	for (const deck of [KOREAN, JAPANESE, DEEP]) await ownDeckWithCard(page, deck.name, deck);

	await page.goto('/');
	// Each row shows its own last name; its link is called by the whole name.
	await expect(deckLink(page, KOREAN.name)).toHaveText('Korean');
	await expect(deckLink(page, JAPANESE.name)).toHaveText('Japanese');
	await expect(deckLink(page, DEEP.name)).toHaveText('Polite Forms');
	// The parent row counts its whole tree: three new cards.
	const parentRow = page.getByRole('listitem').filter({ has: toggle(page, 'Languages') });
	await expect(parentRow.getByText('3 new')).toBeVisible();
	const left = async (name: string) => (await deckLink(page, name).boundingBox())!.x;
	expect(await left(KOREAN.name)).toBeGreaterThan(await left('Languages'));
	expect(await left(DEEP.name)).toBeGreaterThan(await left(KOREAN.name));

	// A narrow phone: the deepest name keeps room, and nothing pans sideways.
	await page.setViewportSize({ width: 320, height: 640 });
	expect((await deckLink(page, DEEP.name).boundingBox())!.width).toBeGreaterThan(60);
	await expectFits(page, 'home at 320 px');
	const tap = (await toggle(page, 'Languages').boundingBox())!;
	expect(Math.min(tap.width, tap.height)).toBeGreaterThanOrEqual(44);

	// Folded, from the keyboard on a desktop, with a tap on a phone; the fold outlives a reload.
	await expect(toggle(page, 'Languages')).toHaveAttribute('aria-expanded', 'true');
	if (testInfo.project.name === 'phone') await toggle(page, 'Languages').click();
	else {
		await toggle(page, 'Languages').focus();
		await page.keyboard.press('Enter');
	}
	await expect(toggle(page, 'Languages')).toHaveAttribute('aria-expanded', 'false');
	await expect(deckLink(page, KOREAN.name)).toHaveCount(0);
	await page.reload();
	await expect(toggle(page, 'Languages')).toHaveAttribute('aria-expanded', 'false');
	await expect(deckLink(page, JAPANESE.name)).toHaveCount(0);
	await toggle(page, 'Languages').click();
	await expect(deckLink(page, JAPANESE.name)).toBeVisible();
	await page.reload();
	await expect(deckLink(page, JAPANESE.name)).toBeVisible();

	// Studying the parent studies every deck under it.
	await page.getByRole('link', { name: 'Study Languages', exact: true }).click();
	await expect(page).toHaveURL(/\/study\/tree%3ALanguages$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Languages' })).toBeVisible();
	expect(await answerEasy(page, 3)).toEqual([KOREAN.front, DEEP.front, JAPANESE.front].sort());
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();

	// Home: nothing left in the tree today.
	await page.goto('/');
	await expect(parentRow.getByText('0 new')).toBeVisible();
	expect(errors).toEqual([]);
});

test('a parent deck’s page lists its sub-decks and studies them with it', async ({ page }) => {
	await ownDeckWithCard(page, 'Languages', { front: 'language', back: 'Sprache' });
	await ownDeckWithCard(page, KOREAN.name, KOREAN);
	await page.goto('/');
	await deckLink(page, 'Languages').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Languages' })).toBeVisible();
	const subdecks = page.getByRole('region', { name: 'Sub-decks' });
	await expect(subdecks.getByRole('link', { name: KOREAN.name })).toHaveText('Korean');
	// Its statistics: alone from its own link (its one card), with its sub-decks from theirs (both decks' cards).
	const totalCards = page.getByRole('region', { name: 'Cards by state' }).getByRole('row', { name: /^Total/ }).getByRole('cell');
	await page.getByRole('link', { name: 'Statistics', exact: true }).click();
	await expect(totalCards).toHaveText('1');
	await page.goBack();
	await subdecks.getByRole('link', { name: 'Statistics with its sub-decks' }).click();
	await expect(page).toHaveURL(`/stats?deck=${encodeURIComponent('tree:Languages')}`);
	await expect(totalCards).toHaveText('2');
	await page.goBack();
	await subdecks.getByRole('link', { name: 'Study with its sub-decks' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Languages' })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Cards left' }).getByRole('listitem').first()).toHaveText('New 2');
});

test('a parent without a deck of its own has a page: its sub-decks, today’s counts of its tree, and studying them together', async ({ page, baseURL }) => {
	// Two decks made through the app, then the page's every link and a session: longer than one page's test.
	test.setTimeout(60_000);
	const errors = await collectErrors(page, baseURL);
	await ownDeckWithCard(page, 'A::B', { front: 'bee', back: 'B' });
	await ownDeckWithCard(page, 'A::C', { front: 'sea', back: 'C' });
	await page.goto('/');
	await deckLink(page, 'A').click();
	await expect(page).toHaveURL(`/deck/${encodeURIComponent('tree:A')}`);
	await expect(page.getByRole('heading', { level: 1, name: 'A' })).toBeVisible();
	await expect(page).toHaveTitle('A · Recall');
	await expect(page.getByText('2 cards', { exact: true })).toBeVisible();
	await expect(page.getByText('A parent deck: its cards are in the decks under it.')).toBeVisible();
	const subdecks = page.getByRole('region', { name: 'Sub-decks' });
	await expect(subdecks.getByRole('link', { name: 'A::B', exact: true })).toHaveText('B');
	await expect(subdecks.getByRole('link', { name: 'A::C', exact: true })).toHaveText('C');
	await expect(subdecks.getByText('2 new · 0 due')).toBeVisible();
	// What only a deck has is not here: each deck under it has its own page for it.
	for (const name of ['Rename', 'Delete deck']) await expect(page.getByRole('button', { name })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Add cards' })).toHaveCount(0);
	await expect(page.getByText('Export', { exact: true })).toHaveCount(0);
	await expectFits(page, 'a parent’s page');

	// A sub-deck's own page, and back.
	await subdecks.getByRole('link', { name: 'A::B', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'A::B' })).toBeVisible();
	await page.goBack();
	// Its cards in the browser, and its statistics with the decks under it.
	await page.getByRole('link', { name: 'Browse its cards' }).click();
	await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('deck:"A"');
	await expect(page.getByText('2 cards', { exact: true })).toBeVisible();
	await page.goBack();
	await subdecks.getByRole('link', { name: 'Statistics with its sub-decks' }).click();
	await expect(page).toHaveURL(`/stats?deck=${encodeURIComponent('tree:A')}`);
	await expect(page.getByRole('region', { name: 'Cards by state' }).getByRole('row', { name: /^Total/ }).getByRole('cell')).toHaveText('2');
	await page.goBack();

	// Study with its sub-decks: both decks' cards in one session.
	await subdecks.getByRole('link', { name: 'Study with its sub-decks' }).click();
	await expect(page).toHaveURL(/\/study\/tree%3AA$/);
	await expect(page.getByRole('heading', { level: 1, name: 'A' })).toBeVisible();
	expect(await answerEasy(page, 2)).toEqual(['bee', 'sea']);
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();

	// The page counts what is left, and leads back to the decks as a deck's page does.
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: 'A' })).toBeVisible();
	await expect(subdecks.getByText('0 new · 0 due')).toBeVisible();
	await page.getByRole('link', { name: 'Back to your decks' }).click();
	await expect(deckLink(page, 'A')).toBeVisible();
	expect(errors).toEqual([]);
});

test('a deck’s page leads to the page of a sub-deck without a deck, which leads on; a tree’s page of a deck is the deck’s own', async ({ page }) => {
	test.setTimeout(60_000);
	await ownDeckWithCard(page, 'Music', { front: 'C major', back: 'no sharps' });
	await ownDeckWithCard(page, 'Music::Theory::Chords', { front: 'triad', back: 'three notes' });
	await page.goto('/');
	await deckLink(page, 'Music').click();
	await expect(page.getByRole('heading', { level: 1, name: 'Music' })).toBeVisible();
	await page.getByRole('region', { name: 'Sub-decks' }).getByRole('link', { name: 'Music::Theory', exact: true }).click();
	await expect(page).toHaveURL(`/deck/${encodeURIComponent('tree:Music::Theory')}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Music::Theory' })).toBeVisible();
	await expect(page.getByText('1 card', { exact: true })).toBeVisible();
	await page.getByRole('region', { name: 'Sub-decks' }).getByRole('link', { name: 'Music::Theory::Chords', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Music::Theory::Chords' })).toBeVisible();

	// Music has a deck: its tree's address shows the deck's own page; a path with no deck under it is not found.
	await page.goto(`/deck/${encodeURIComponent('tree:Music')}`);
	await expect(page.getByRole('button', { name: 'Rename' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Music' })).toBeVisible();
	await page.goto(`/deck/${encodeURIComponent('tree:Art')}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('a parent’s page is in Korean too', async ({ page }) => {
	await ownDeckWithCard(page, '언어::한국어', { front: '사과', back: 'apple' });
	await page.goto(`/deck/${encodeURIComponent('tree:언어')}`);
	await expect(page.getByRole('heading', { level: 1, name: '언어' })).toBeVisible();
	await switchLanguageInAnotherTab(page, '한국어');
	await expect(page.getByText('상위 덱입니다. 카드는 모두 아래 하위 덱에 있습니다.')).toBeVisible();
	await expect(page.getByText('카드 1장', { exact: true })).toBeVisible();
	const subdecks = page.getByRole('region', { name: '하위 덱' });
	await expect(subdecks.getByRole('link', { name: '언어::한국어', exact: true })).toHaveText('한국어');
	await expect(subdecks.getByRole('link', { name: '하위 덱과 함께 학습' })).toBeVisible();
	await expect(page.getByRole('link', { name: '이 덱의 카드 찾기' })).toBeVisible();
	await expect(page.getByRole('link', { name: '덱 목록으로 돌아가기' })).toBeVisible();
});
