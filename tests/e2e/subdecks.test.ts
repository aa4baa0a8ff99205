import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { ownDeckWithCard } from './own-deck';
import { expectFits } from './page-fits';
import { collectErrors } from './page-errors';

// Decks named as Anki names sub-decks. "Languages" has no deck of its own: it is there through its sub-decks.
const KOREAN = { name: 'Languages::Korean', front: '사과', back: 'apple' };
const JAPANESE = { name: 'Languages::Japanese', front: 'りんご', back: 'ringo' };
const DEEP = { name: 'Languages::Korean::Verbs::Irregular::Past::Polite Forms', front: '갔어요', back: 'went' };

const toggle = (page: Page, name: string) => page.getByRole('button', { name: `Sub-decks of ${name}`, exact: true });
const deckLink = (page: Page, name: string) => page.getByRole('link', { name, exact: true });

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
	const fronts: string[] = [];
	for (let i = 0; i < 3; i++) {
		const front = page.getByRole('group', { name: 'Front' });
		await expect(front).toBeVisible();
		fronts.push((await front.innerText()).trim());
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Easy, / }).click();
		await expect(page.getByRole('group', { name: 'Back' })).toHaveCount(0);
	}
	expect(fronts.sort()).toEqual([KOREAN.front, DEEP.front, JAPANESE.front].sort());
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
