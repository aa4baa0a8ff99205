import { expect, test, type Page } from '@playwright/test';
import { liveRegionsHolding } from './live-regions';
import { ownCardInfo } from './own-deck';
import { collectErrors } from './page-errors';

/** Answers the next dialog: `true` accepts (leaves), `false` dismisses (stays); resolves to its message. */
function answerDialog(page: Page, accept: boolean): Promise<string> {
	return new Promise((resolve) => {
		page.once('dialog', (dialog) => {
			resolve(`${dialog.type()}: ${dialog.message()}`);
			void (accept ? dialog.accept() : dialog.dismiss());
		});
	});
}

const QUESTION = 'confirm: Leave this page? What you have written here is not saved.';

test('a card written and not added, or an edit not saved, is not left behind without a question', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/new-deck');
	await page.getByLabel('Deck name').fill('Unsaved');
	await page.getByRole('button', { name: 'Create deck' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Add cards to Unsaved' })).toBeVisible();

	// Written, not added: leaving asks; staying keeps the text.
	await page.getByRole('textbox', { name: 'Front' }).fill('Capital of Korea');
	let asked = answerDialog(page, false);
	await page.getByRole('link', { name: 'Back to the deck' }).click();
	expect(await asked).toBe(QUESTION);
	await expect(page.getByRole('heading', { level: 1, name: 'Add cards to Unsaved' })).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Front' })).toHaveValue('Capital of Korea');
	// Added: nothing is left unsaved, and leaving asks nothing (a question would hold the page here).
	await page.getByRole('textbox', { name: 'Back' }).fill('Seoul');
	await page.getByRole('button', { name: 'Add 1 card' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to the deck' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Unsaved' })).toBeVisible();

	// An edit on the card's page, the same way; leaving anyway drops it.
	await page.getByRole('link', { name: 'Card info: card 1' }).click();
	const edit = page.getByRole('region', { name: 'Edit' });
	await edit.getByRole('textbox', { name: 'Back' }).fill('Seoul, on the Han');
	asked = answerDialog(page, false);
	await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
	expect(await asked).toBe(QUESTION);
	await expect(edit.getByRole('textbox', { name: 'Back' })).toHaveValue('Seoul, on the Han');
	asked = answerDialog(page, true);
	await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
	expect(await asked).toBe(QUESTION);
	await expect(page.getByRole('heading', { level: 2, name: 'Decks' })).toBeVisible();
	await page.goBack();
	await expect(page.getByRole('region', { name: 'Edit' }).getByRole('textbox', { name: 'Back' })).toHaveValue('Seoul');
	expect(errors).toEqual([]);
});

test('removing the leech tag keeps an edit not yet saved, and the keyboard goes on from what it did', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await ownCardInfo(page, 'Leeches', { front: 'Capital of Burkina Faso', back: 'Ouagadougou', tags: 'capitals leech' });

	const edit = page.getByRole('region', { name: 'Edit' });
	await expect(edit.getByRole('textbox', { name: 'Tags' })).toHaveValue('capitals leech');
	await edit.getByRole('textbox', { name: 'Back' }).fill('Ouagadougou (Wagadugu)');
	await page.getByRole('button', { name: 'Remove the leech tag' }).click();
	const said = page.getByText('The leech tag is removed.');
	await expect(said).toBeVisible();
	// The card was never suspended (a tag written by hand): nothing to say about unsuspending it.
	await expect(said).toHaveText('The leech tag is removed.');
	await expect(said).toBeFocused();
	// Heard once, where the keyboard is: as a live region as well, it was read again as it took focus.
	expect(await liveRegionsHolding(page, 'The leech tag is removed.')).toBe(0);
	// The typed answer stays, unsaved; the tag is gone from the form as from the card.
	await expect(edit.getByRole('textbox', { name: 'Back' })).toHaveValue('Ouagadougou (Wagadugu)');
	await expect(edit.getByRole('textbox', { name: 'Tags' })).toHaveValue('capitals');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(edit.getByRole('status')).toHaveText('Saved.');
	await page.reload();
	await expect(edit.getByRole('textbox', { name: 'Back' })).toHaveValue('Ouagadougou (Wagadugu)');
	await expect(edit.getByRole('textbox', { name: 'Tags' })).toHaveValue('capitals');
	expect(errors).toEqual([]);
});

test('a card’s page open in two tabs: an edit saved in one shows in the other, whose save keeps it', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await ownCardInfo(page, 'Two tabs', { front: 'orig Q', back: 'orig A' });
	const here = page.getByRole('region', { name: 'Edit' });
	await here.getByRole('textbox', { name: 'Back' }).fill('A typed here');

	const other = await page.context().newPage();
	await other.goto(page.url());
	const there = other.getByRole('region', { name: 'Edit' });
	await there.getByRole('textbox', { name: 'Front' }).fill('B edited Q');
	await there.getByRole('button', { name: 'Save changes' }).click();
	await expect(there.getByRole('status')).toHaveText('Saved.');
	await other.close();

	// The other tab's front shows here, in the card and in the form; what was typed here stays.
	await expect(page.getByRole('region', { name: 'Content' })).toContainText('B edited Q');
	await expect(here.getByRole('textbox', { name: 'Front' })).toHaveValue('B edited Q');
	await expect(here.getByRole('textbox', { name: 'Back' })).toHaveValue('A typed here');
	await here.getByRole('button', { name: 'Save changes' }).click();
	await expect(here.getByRole('status')).toHaveText('Saved.');
	await page.reload();
	await expect(here.getByRole('textbox', { name: 'Front' })).toHaveValue('B edited Q');
	await expect(here.getByRole('textbox', { name: 'Back' })).toHaveValue('A typed here');
	expect(errors).toEqual([]);
});
