import { expect, type Page } from '@playwright/test';

/**
 * Makes a deck of one's own named `name` with one card, through New deck and Add cards, as a learner would,
 * and leaves the page on Add cards with the card added.
 */
export async function ownDeckWithCard(page: Page, name: string, card: { front: string; back: string; tags?: string }): Promise<void> {
	await page.goto('/new-deck');
	await page.getByLabel('Deck name').fill(name);
	await page.getByRole('button', { name: 'Create deck' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Add cards to ${name}` })).toBeVisible();
	await page.getByRole('textbox', { name: 'Front' }).fill(card.front);
	await page.getByRole('textbox', { name: 'Back' }).fill(card.back);
	if (card.tags !== undefined) await page.getByLabel('Tags').fill(card.tags);
	await page.getByRole('button', { name: 'Add 1 card' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();
}

/** The same, then opens the card's info page from its deck. */
export async function ownCardInfo(page: Page, name: string, card: { front: string; back: string; tags?: string }): Promise<void> {
	await ownDeckWithCard(page, name, card);
	await page.getByRole('link', { name: 'Back to the deck' }).click();
	await page.getByRole('link', { name: 'Card info: card 1', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeVisible();
}
