import { zipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { chooseFiles, file } from './import-files';
import { collectErrors, PIXEL } from './page-errors';

const overview = (subject: string, method: string) => `# Overview\n\n- **${subject}**: the study of ${subject.toLowerCase()}\n- **Method**: ${method}\n`;
// An Obsidian vault zipped whole: two folders each hold an "Overview" note, as vaults often do.
const VAULT = zipSync({
	'Vault/Biology/Overview.md': new TextEncoder().encode(overview('Biology', 'observe living things')),
	'Vault/Biology/Cells.md': new TextEncoder().encode('# Cells\n\n- **Nucleus**: holds the DNA ![[nucleus.png|300]]\n'),
	'Vault/attachments/nucleus.png': new Uint8Array(PIXEL),
	'Vault/Chemistry/Overview.md': new TextEncoder().encode(overview('Chemistry', 'react substances'))
});

test('a vault zip with two notes titled alike imports them as sub-decks named by their folders, and again changes nothing', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	const vault = file('Vault.zip', Buffer.from(VAULT), 'application/zip');
	await chooseFiles(page, [vault]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await expect(page.getByText(/Biology\/Overview\.md → Biology::Overview: 2 cards/)).toBeVisible();
	await expect(page.getByText(/Chemistry\/Overview\.md → Chemistry::Overview: 2 cards/)).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText('Imported');

	await page.goto('/');
	// Each Overview is listed under its folder's name, by its own last name.
	await expect(page.getByRole('link', { name: 'Biology::Overview', exact: true })).toHaveText('Overview');
	await expect(page.getByRole('link', { name: 'Chemistry::Overview', exact: true })).toHaveText('Overview');
	await expect(page.getByRole('link', { name: 'Cells', exact: true })).toBeVisible();
	// Obsidian's size of an embedded image is its width on the card: a 1-pixel picture shown 300 pixels wide.
	await page.goto('/deck/cells');
	const picture = page.locator('img[data-card-image]');
	await expect(picture).toHaveAttribute('width', '300');
	await expect.poll(async () => (await picture.boundingBox())?.width).toBe(300);
	await page.goto('/');
	await page.getByRole('link', { name: 'Chemistry::Overview', exact: true }).click();
	await expect(page.getByText('react substances')).toBeVisible();
	await expect(page.getByText('observe living things')).toHaveCount(0);

	// The same vault again lands on the same decks and cards.
	await chooseFiles(page, [vault]);
	await expect(page.getByText('Everything in this file is already here: importing it changes nothing.')).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText('No changes');
	expect(errors).toEqual([]);
});
