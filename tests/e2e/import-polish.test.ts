import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chooseFiles, file, holdWorkerRequests } from './import-files';
import { brokenWords, expectFits } from './page-fits';

test('the step that reads the files takes the focus on its heading, which names them, and its status says how far it is', async ({ page }) => {
	// The worker's script held back: the page stays on the reading step until the test lets it go.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/import-worker[^/]*\.js/, async (route) => {
		await held;
		await route.continue();
	});
	await chooseFiles(page, [file('held.csv', 'front,back\napple,사과\n', 'text/csv')]);
	const heading = page.getByRole('heading', { level: 2, name: 'Importing held.csv' });
	await expect(heading).toBeFocused();
	await expect(page.getByRole('status')).toContainText('Looking at the file…');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
	release();
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeFocused();
});

test('the Columns step shows the table’s warnings, and says them again as the table is read again', async ({ page }) => {
	await chooseFiles(page, [file('ragged.csv', 'front,back,tags\napple,사과\npear,배\nplum,자두,fruit\n', 'text/csv')]);
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
	const warnings = page.locator('.warnings');
	await expect(page.getByText('Warnings (1)')).toBeVisible();
	await expect(warnings).toHaveText('Lines 2 and 3: fewer fields than the 3 columns; the missing ones are left empty.');

	// Read without its header row, the first line is the one too long.
	await page.getByRole('checkbox', { name: 'First row is a header' }).uncheck();
	await expect(warnings).toHaveText('Lines 1 and 4: more fields than the 2 columns; the extra ones were joined to the last column.');
	await page.getByRole('checkbox', { name: 'First row is a header' }).check();
	await expect(warnings).toHaveText(/^Lines 2 and 3: fewer fields/);
});

test('a line break inside a quoted field shows in the Columns step, marked', async ({ page }) => {
	await chooseFiles(page, [file('lines.csv', 'front,back\n"first line\r\nsecond line",one line\n', 'text/csv')]);
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
	const twoLines = page.getByRole('cell', { name: /^first line/ });
	await expect(twoLines).toHaveText('first line↵(line break)second line');
	await expect(twoLines.getByText('↵')).toBeVisible();
	// The second line is below the first, not beside it.
	const lines = await twoLines.evaluate((cell) => {
		const range = document.createRange();
		range.selectNodeContents(cell);
		return new Set([...range.getClientRects()].filter((rect) => rect.width > 1).map((rect) => Math.round(rect.top))).size;
	});
	expect(lines).toBe(2);
});

test('a table read again with another choice says so, with the first read’s bar, until it is read; Continue waits for it', async ({ page }) => {
	// The page's requests to read the table again are held until the test lets them go, as a large table would hold them.
	const rereads = await holdWorkerRequests(page, 'reread');
	await chooseFiles(page, [file('words.csv', 'front,back\napple,사과\npear,배\n', 'text/csv')]);
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
	const status = page.getByRole('status').filter({ hasText: 'Reading the table again…' });
	await expect(status).toHaveCount(0);

	await page.getByRole('checkbox', { name: 'First row is a header' }).uncheck();
	await expect(status).toBeVisible();
	await expect(status.getByRole('progressbar', { name: 'Columns' })).toBeVisible();
	await expect(page.locator('.table-scroll')).toHaveAttribute('aria-busy', 'true');
	await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();

	await rereads.release();
	await expect(status).toHaveCount(0);
	await expect(page.getByRole('cell', { name: 'front', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
});

/** A Recall deck file of decks named `names`, a card each. */
function deckFile(names: string[]): Buffer {
	const decks = names.map((name, index) => ({
		id: `long-${index}`,
		name,
		tags: [],
		cards: [{ id: `long-${index}:1`, deck: `long-${index}`, kind: 'basic', rule: 'imported', front: `Question ${index}`, back: 'Answer', path: [name], tags: [], images: [], source: { file: 'long.json', line: 1 } }]
	}));
	return Buffer.from(JSON.stringify({ format: 'recall-deck', version: 1, decks }));
}

for (const width of [undefined, 320]) {
	test(`long deck names in the preview wrap between words, not inside them, and the page does not pan${width ? ` (${width} px)` : ''}`, async ({ page }) => {
		if (width) await page.setViewportSize({ width, height: 640 });
		const names = [
			'Pharmacology and therapeutics: antibiotics, antivirals and antifungals',
			'Medicine::Pharmacology::Antibiotics::Penicillins',
			'임상 약리학과 치료학의 기초 개념 정리 노트',
			'Grundlagen der Pharmakokinetik und Pharmakodynamik'
		];
		await chooseFiles(page, [file('long.json', deckFile(names), 'application/json')]);
		await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
		const table = page.locator('section table');
		for (const name of names) await expect(table.getByRole('rowheader', { name })).toBeVisible();
		expect(await brokenWords(table.getByRole('rowheader'))).toEqual([]);
		// A table wider than a narrow screen scrolls in its own box: the page itself does not pan.
		await expectFits(page, 'the preview');
	});
}

test('several Anki packages chosen at once are previewed and imported together; a table chosen with them is refused, saying what goes together', async ({ page }) => {
	const fixture = (name: string) => file(name, readFileSync(new URL(`../fixtures/anki/${name}`, import.meta.url)));
	await chooseFiles(page, [fixture('gov-vocab-schema11.apkg'), fixture('apkg-export-media.apkg'), file('words.csv', 'front,back\napple,사과\n', 'text/csv')]);
	await expect(page.getByRole('alert')).toContainText('“gov-vocab-schema11.apkg”, “apkg-export-media.apkg”, “words.csv” cannot be imported together');
	await expect(page.getByRole('alert')).toContainText('several Anki packages, can be chosen at once');

	await page.locator('input[type="file"]').setInputFiles([fixture('gov-vocab-schema11.apkg'), fixture('apkg-export-media.apkg')]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible({ timeout: 15_000 });
	await expect(page.getByRole('row', { name: /Gov Vocab/ }).getByRole('cell')).toHaveText(['484', '0', '0']);
	await expect(page.getByRole('row', { name: /deck-name/ }).getByRole('cell')).toHaveText(['3', '0', '0']);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 15_000 });
	await expect(page.getByRole('link', { name: 'Gov Vocab: 484 cards' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'deck-name: 3 cards' })).toBeVisible();
});

test('leaving the page while an import is being stored asks first; staying lets it be stored', async ({ page }) => {
	// The request to store is held until the test lets it go, as a large import keeps the page in that step.
	const store = await holdWorkerRequests(page, 'apply');
	await chooseFiles(page, [file('kept.csv', 'front,back\napple,사과\npear,배\n', 'text/csv')]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText('Saving…')).toBeVisible();

	const asked = page.waitForEvent('dialog');
	void page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
	const dialog = await asked;
	expect(dialog.message()).toBe('Leave this page? The import is being saved: leaving stops it, and none of it is stored.');
	await dialog.dismiss();
	await expect(page).toHaveURL('/import');

	await store.release();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	// Stored: leaving now asks nothing (a question would hold the page here).
	await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
	await expect(page.getByRole('link', { name: 'kept', exact: true })).toBeVisible();
});

test('the drop hint is offered where files can be dragged in, and left out on a touch phone, which keeps the file picker', async ({ page }, testInfo) => {
	await page.goto('/import');
	await expect(page.getByText('Choose files')).toBeVisible();
	const hint = page.getByText('or drop them here');
	if (testInfo.project.name === 'phone') await expect(hint).toBeHidden();
	else await expect(hint).toBeVisible();
});
