import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { chooseFiles, file } from './import-files';
import { collectErrors, PIXEL } from './page-errors';
import { brokenWords } from './page-fits';

/** From a deck's page: studies its `count` new cards, each answered Easy, to the end of the day's session. */
async function studyAllEasy(page: Page, count: number): Promise<void> {
	await page.getByRole('link', { name: 'Study this deck' }).click();
	for (let answered = 0; answered < count; answered++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Easy/ }).click();
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
}

/** What the home page lists, as "name: counts", so a test can compare it before and after. */
async function homeDecks(page: Page): Promise<string[]> {
	await page.goto('/');
	await expect(page.getByRole('link', { name: /^Study AWS 기초$/ })).toBeVisible();
	return page.locator('.decks li').allInnerTexts();
}

test('a CSV table: columns confirmed, preview, import, and the deck is there to study', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	const csv = 'Front,Back,Tags\n리전,"데이터 센터의 묶음, 지리적으로 떨어진 곳",aws\nEC2,가상 서버,aws compute\nS3,객체 스토리지,aws\n';
	await chooseFiles(page, [file('AWS 용어.csv', csv, 'text/csv')]);

	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
	await expect(page.getByLabel('Deck name')).toHaveValue('AWS 용어');
	await expect(page.getByRole('cell', { name: '데이터 센터의 묶음, 지리적으로 떨어진 곳' })).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	const row = page.getByRole('row', { name: /AWS 용어/ });
	await expect(row.getByRole('cell').nth(0)).toHaveText('3');
	await page.getByRole('button', { name: 'Import', exact: true }).click();

	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	await page.getByRole('link', { name: /AWS 용어: 3 cards/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'AWS 용어' })).toBeVisible();
	await expect(page.getByText('가상 서버')).toBeVisible();

	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Study AWS 용어' })).toBeVisible();
	await page.getByRole('link', { name: 'Study AWS 용어' }).click();
	await expect(page.getByText(/리전|EC2|S3/).first()).toBeVisible();
	expect(errors).toEqual([]);
});

test('the preview writes its counts as the rest of the app writes numbers: 1,200, not 1200', async ({ page }) => {
	const rows = Array.from({ length: 1200 }, (_, index) => `word ${index},뜻 ${index}`).join('\n');
	await chooseFiles(page, [file('vocabulary.csv', `Front,Back\n${rows}\n`, 'text/csv')]);
	await page.getByRole('button', { name: 'Continue' }).click();

	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await expect(page.getByRole('row', { name: /vocabulary/ }).getByRole('cell')).toHaveText(['1,200', '0', '0']);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('link', { name: 'vocabulary: 1,200 cards' })).toBeVisible();
});

test('the column-mapping step: fields side by side, not over each other, and the preview table keeps its words whole', async ({ page }, testInfo) => {
	const csv = [
		'front,back,tags',
		'"a long sentence in the front that goes on and on, taking the room of the row","back with ""quotes""",misc',
		'"https://example.com/a/very/long/unbroken/address/without/any/spaces",short,"korean greeting"',
		''
	].join('\n');
	await chooseFiles(page, [file('layout.csv', csv, 'text/csv')]);
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();

	const selects = ['Delimiter', 'Front', 'Back', 'Tags'].map((name) => page.getByRole('combobox', { name }));
	const checkboxes = ['First row is a header', 'Fields are HTML'].map((name) => page.getByRole('checkbox', { name }).locator('xpath=ancestor::label[1]'));
	const controls = [page.getByLabel('Deck name'), ...selects, ...checkboxes];
	const screenWidth = await page.evaluate(() => document.documentElement.clientWidth);
	const boxes = [];
	for (const control of controls) {
		const box = await control.boundingBox();
		expect(box).not.toBeNull();
		if (box === null) return;
		expect(box.x + box.width).toBeLessThanOrEqual(screenWidth);
		boxes.push(box);
		// What the learner typed or chose is plain text, unlike the bold label above it.
		expect(Number(await control.evaluate((element) => getComputedStyle(element).fontWeight))).toBeLessThan(600);
	}
	for (const [index, a] of boxes.entries()) {
		for (const b of boxes.slice(index + 1)) {
			const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
			expect(apart, `${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(true);
		}
	}

	// The four selects are one height, and the checkboxes have a row of their own (side by side where there is room),
	// none beside a select.
	const selectBoxes = boxes.slice(1, 1 + selects.length);
	const checkBoxes = boxes.slice(1 + selects.length);
	for (const box of selectBoxes) expect(box.height, 'a select’s height').toBeCloseTo(selectBoxes[0]!.height, 0);
	if (testInfo.project.name === 'desktop') expect(checkBoxes[0]!.y, 'the two checkboxes on one row').toBeCloseTo(checkBoxes[1]!.y, 0);
	for (const check of checkBoxes) {
		for (const select of selectBoxes) {
			const rowsApart = check.y + check.height <= select.y || select.y + select.height <= check.y;
			expect(rowsApart, `a checkbox at ${JSON.stringify(check)} beside a select at ${JSON.stringify(select)}`).toBe(true);
		}
	}

	// A word split over two lines has a box on each. The address is the one string allowed to break.
	const table = page.locator('section table');
	await expect(table).toBeVisible();
	expect(await brokenWords(table, (word) => word.startsWith('https://'))).toEqual([]);
	// …and breaks, rather than pushing the other columns out of sight.
	expect(await table.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(screenWidth);
});

test('a tab-separated .txt with a comment line and a short row is a table, not a note', async ({ page }) => {
	await chooseFiles(page, [file('anki words.txt', '# exported words\n食べる\tto eat\n飲む\tto drink\n遊ぶ\n', 'text/plain')]);
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
	await expect(page.getByRole('combobox', { name: 'Delimiter' })).toHaveValue('\t');
	await expect(page.getByRole('cell', { name: 'to drink' })).toBeVisible();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await expect(page.getByRole('row', { name: /anki words/ }).getByRole('cell').nth(0)).toHaveText('2');
});

test('a comma-separated .txt, UTF-8 or UTF-16, is a table with the Comma delimiter, not a note that makes no card', async ({ page }) => {
	const utf16be = Buffer.from([0xfe, 0xff, ...Array.from('Hello, world\n안녕, 세계\n').flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
	for (const chosen of [file('hello.txt', 'Hello, world\n안녕, 세계\n', 'text/plain'), file('hello16.txt', utf16be, 'text/plain')]) {
		await chooseFiles(page, [chosen]);
		await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
		await expect(page.getByRole('combobox', { name: 'Delimiter' })).toHaveValue(',');
		await expect(page.getByRole('cell', { name: '안녕' })).toBeVisible();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
		await expect(page.getByRole('row', { name: /hello/ }).getByRole('cell').nth(0)).toHaveText('2');
		await page.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.getByText('Choose files')).toBeVisible();
	}
});

test('a note’s table makes a card per row, its code stays on its section’s card, and what made no card is a warning', async ({ page }) => {
	const note = '# 한국어\n\n## 숫자\n\n| 한자어 | 고유어 |\n|---|---|\n| 일 | 하나 |\n| 이 | 둘 |\n\n## 비음화\n\n```\n국물 → [궁물]\n```\n\n## 외톨이\n\n| 하나 |\n|---|\n| 혼자 |\n';
	await chooseFiles(page, [file('korean.md', note, 'text/markdown')]);
	await expect(page.getByText('korean.md → 한국어: 3 cards (table row 2, section 1), 3 of the 4 items of the note’s text on a card')).toBeVisible();
	await expect(page.getByRole('list', { name: 'Warnings' })).toContainText('table row "혼자" is on no card');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /한국어: 3 cards/ }).click();
	await expect(page.getByRole('article')).toHaveCount(3);
	await expect(page.getByRole('article').filter({ hasText: '비음화' }).locator('pre code')).toHaveText('국물 → [궁물]');
});

test('a note’s preview names the kinds of card it makes, and the done screen opens its study session first', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	const note = '# 네트워크 기초\n\n## 계층\n\n- **물리 계층**: 비트 전송\n- **데이터링크 계층**: 프레임 전송\n\n## 프로토콜\n\n**TCP**: 연결형\n**UDP**: 비연결형\n\n## 장비\n\n- 라우터\n- 스위치\n- 허브\n';
	await chooseFiles(page, [file('network.md', note, 'text/markdown')]);
	const report = page.getByRole('listitem').filter({ hasText: 'network.md →' });
	await expect(report).toHaveText('network.md → 네트워크 기초: 5 cards (definition 4, list 1), every item of the note’s text on a card');
	await expect(report.locator('span[lang="ko"]')).toHaveText('네트워크 기초');
	await page.getByRole('button', { name: 'Import', exact: true }).click();

	await expect(page.getByRole('heading', { name: 'Imported' })).toBeFocused();
	const study = page.getByRole('link', { name: 'Study 네트워크 기초' });
	await expect(study.locator('span[lang="ko"]')).toHaveText('네트워크 기초');
	// The deck's page is still offered, after its session.
	const links = page.locator('.done a');
	await expect(links).toHaveText(['Study 네트워크 기초', '네트워크 기초: 5 cards']);
	await page.keyboard.press('Tab');
	await expect(study).toBeFocused();
	const ring = await study.evaluate((link) => getComputedStyle(link).outlineStyle);
	expect(ring).toBe('solid');

	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/study\/[^/]+$/);
	await expect(page.getByRole('group', { name: 'Front' })).toContainText('물리 계층');
	expect(errors).toEqual([]);
});

test('several notes imported: each deck’s session is offered beside its name, and none for a deck with nothing to study today', async ({ page }) => {
	const notes = [file('a.md', '# 동사\n\n**가다**: to go\n**오다**: to come\n', 'text/markdown'), file('b.md', '# Nouns\n\n**집**: house\n', 'text/markdown')];
	await chooseFiles(page, notes);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	await expect(page.locator('.done li').nth(0).getByRole('link')).toHaveText(['동사: 2 cards', 'Study 동사']);
	await expect(page.locator('.done li').nth(1).getByRole('link')).toHaveText(['Nouns: 1 card', 'Study Nouns']);

	// Nouns studied to the end of today's session: imported again with 동사, only 동사 has something to study today.
	await page.getByRole('link', { name: 'Study Nouns' }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Easy/ }).click();
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await chooseFiles(page, notes);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'No changes' })).toBeVisible();
	// Once 동사's session is offered, today's counts are read.
	await expect(page.locator('.done li').nth(0).getByRole('link')).toHaveText(['동사: 2 cards', 'Study 동사']);
	await expect(page.locator('.done li').nth(1).getByRole('link')).toHaveText(['Nouns: 1 card']);
});

test('a note with only its title over a list makes the title’s card', async ({ page }) => {
	await chooseFiles(page, [file('day1.md', '# 영어 단어 1일차\n\n- apple\n- banana\n', 'text/markdown')]);
	await expect(page.getByText('day1.md → 영어 단어 1일차: 1 card')).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /영어 단어 1일차: 1 card/ }).click();
	await expect(page.getByRole('article').filter({ hasText: '영어 단어 1일차' })).toContainText('banana');
});

test('the Columns step reads the table as the learner chooses: delimiter, header row and HTML', async ({ page }) => {
	// Semicolons between the columns, commas in every answer: detection takes the comma.
	const csv = 'Word;Meaning, roughly\napple;사과, 능금\nkiwi;<b>키위</b>, 참다래\n';
	await chooseFiles(page, [file('fruit words.csv', csv, 'text/csv')]);
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
	const delimiter = page.getByRole('combobox', { name: 'Delimiter' });
	const header = page.getByRole('checkbox', { name: 'First row is a header' });
	const html = page.getByRole('checkbox', { name: 'Fields are HTML' });
	await expect(delimiter).toHaveValue(',');
	await expect(header).not.toBeChecked();
	await expect(html).toBeChecked();
	await expect(page.getByRole('cell', { name: 'apple;사과', exact: true })).toBeVisible();

	await delimiter.selectOption({ label: 'Semicolon ( ; )' });
	await expect(page.getByRole('columnheader', { name: 'Meaning, roughly' })).toBeVisible();
	await expect(page.getByRole('cell', { name: '사과, 능금', exact: true })).toBeVisible();
	await expect(header).toBeChecked();
	await expect(page.getByText('(2 rows)')).toBeVisible();

	// The header row read as a card, and back.
	await header.uncheck();
	await expect(page.getByRole('cell', { name: 'Meaning, roughly', exact: true })).toBeVisible();
	await expect(page.getByText('(3 rows)')).toBeVisible();
	await header.check();
	await expect(page.getByText('(2 rows)')).toBeVisible();

	// A delimiter that reads a single column says so, and Continue waits for another.
	await delimiter.selectOption({ label: 'Pipe ( | )' });
	await expect(page.getByRole('alert')).toContainText('The file cannot be read this way: Every line of this file is a single field');
	await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled();
	await delimiter.selectOption({ label: 'Semicolon ( ; )' });
	await expect(page.getByRole('alert')).toHaveCount(0);

	// Plain text: the tags show as written.
	await html.uncheck();
	await expect(page.getByRole('button', { name: 'Continue' })).toBeEnabled();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /fruit words: 2 cards/ }).click();
	await expect(page.getByText('사과, 능금')).toBeVisible();
	await expect(page.getByText('<b>키위</b>, 참다래')).toBeVisible();
});

test('each step takes the focus to its heading, and the keyboard carries on from there', async ({ page }) => {
	await chooseFiles(page, [file('keys.csv', 'front,back\napple,사과\npear,배\n', 'text/csv')]);
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Deck name')).toBeFocused();

	await page.getByRole('button', { name: 'Continue' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeFocused();

	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeFocused();
	// The Study link comes once today's counts are read, a moment after the heading (done-decks.ts).
	await expect(page.getByRole('link', { name: 'Study keys' })).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Study keys' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'keys: 2 cards' })).toBeFocused();

	// Starting over, the file picker has the focus, and its button shows it.
	await page.getByRole('button', { name: 'Import more' }).focus();
	await page.keyboard.press('Enter');
	const picker = page.locator('input[type="file"]');
	await expect(picker).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Tab');
	await expect(picker).toBeFocused();
	const ring = await page.getByText('Choose files').evaluate((button) => {
		const style = getComputedStyle(button);
		return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor, accent: getComputedStyle(document.documentElement).getPropertyValue('--accent') };
	});
	expect(ring.style).toBe('solid');
	expect(ring.width).toBeGreaterThanOrEqual(2);
	const hex = ring.accent.trim();
	expect(ring.colour).toBe(`rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`);
});

test('a file dropped anywhere on the page is taken, never opened by the browser in place of the app', async ({ page }) => {
	await page.goto('/import');
	await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
	const files = await page.evaluateHandle(() => {
		const transfer = new DataTransfer();
		transfer.items.add(new File(['front,back\napple,사과\n'], 'dropped.csv', { type: 'text/csv' }));
		return transfer;
	});
	/** Whether the page cancelled the browser's own handling (opening the file) of a drag event on its heading. */
	const cancelled = (type: 'dragover' | 'drop') =>
		page.evaluate(([transfer, type]) => {
			const event = new DragEvent(type, { dataTransfer: transfer as DataTransfer, bubbles: true, cancelable: true });
			document.querySelector('h1')?.dispatchEvent(event);
			return event.defaultPrevented;
		}, [files, type] as const);

	expect(await cancelled('dragover')).toBe(true);
	expect(await cancelled('drop')).toBe(true);
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
	await expect(page.getByLabel('Deck name')).toHaveValue('dropped');
	// Another file dropped while this one is being imported is refused, and the app stays.
	expect(await cancelled('drop')).toBe(true);
	await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
});

test('importing the same file twice changes nothing the second time', async ({ page }) => {
	const csv = 'front\tback\napple\t사과\npear\t배\n';
	for (const round of [1, 2]) {
		await chooseFiles(page, [file('fruit.tsv', csv, 'text/tab-separated-values')]);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
		if (round === 2) await expect(page.getByText('Everything in this file is already here')).toBeVisible();
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByRole('link', { name: /fruit: 2 cards/ })).toBeVisible();
		// The summary says what happened: the second time, nothing.
		await expect(page.getByRole('heading', { level: 2 })).toHaveText(round === 1 ? 'Imported' : 'No changes');
		await expect(page.getByText('Nothing to import: these cards are already here')).toHaveCount(round === 1 ? 0 : 1);
	}
	await page.goto('/');
	await expect(page.locator('.decks li').filter({ hasText: 'fruit' })).toContainText('2 cards');
});

test('several notes imported again: the preview and the summary speak of these files, not this file', async ({ page }) => {
	const notes = [file('Cells.md', '# Cells\n\n- **Nucleus**: holds the DNA\n', 'text/markdown'), file('세포 호흡.md', '# 세포 호흡\n\n- **해당과정**: 포도당 분해\n', 'text/markdown')];
	for (const round of [1, 2]) {
		await chooseFiles(page, notes);
		await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
		await expect(page.getByText('Everything in these files is already here: importing them changes nothing.')).toHaveCount(round === 1 ? 0 : 1);
		await page.getByRole('button', { name: 'Import', exact: true }).click();
		await expect(page.getByRole('heading', { level: 2 })).toHaveText(round === 1 ? 'Imported' : 'No changes');
	}
	await expect(page.getByText('Nothing to import: these cards are already here, as the files have them. Nothing was changed.')).toBeVisible();
	await expect(page.getByText(/this file|the file has/)).toHaveCount(0);
});

/** Sets the daily limit of new cards in Settings, then saves a backup of everything there: the file, to import. */
async function newCardsPerDayThenBackup(page: Page, newPerDay: string) {
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill(newPerDay);
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	const backupSection = page.getByRole('region', { name: 'Backup' });
	const [download] = await Promise.all([page.waitForEvent('download'), backupSection.getByRole('button', { name: 'Back up everything' }).click()]);
	return file(download.suggestedFilename(), await readFile(await download.path()), 'application/gzip');
}

test('a backup of everything imported back onto its own device changes nothing, settings and all', async ({ page }) => {
	const backup = await newCardsPerDayThenBackup(page, '7');

	await chooseFiles(page, [backup]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await expect(page.getByText('Everything in this file is already here')).toBeVisible();
	await expect(page.getByText('This backup holds settings')).toHaveCount(0);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText('No changes');

	// Settings changed since the backup are the later change: the older backup leaves them as they are.
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('9');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await chooseFiles(page, [backup]);
	await expect(page.getByText('Everything in this file is already here')).toBeVisible();
	await expect(page.getByText('This backup holds settings')).toHaveCount(0);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText('No changes');
	await page.goto('/settings');
	await expect(page.getByLabel('New cards per day')).toHaveValue('9');
});

test('a backup from another device brings the settings it changed later, and keeps those changed here later', async ({ page, browser, baseURL }) => {
	// The other device changes its daily limit, then backs up.
	const other = await browser.newContext({ baseURL, serviceWorkers: 'block' });
	const backup = await newCardsPerDayThenBackup(await other.newPage(), '7');
	await other.close();

	// This device changed its review limit after that: it keeps it, and takes the other's new card limit.
	await page.goto('/settings');
	await page.getByLabel('Reviews per day').fill('150');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await chooseFiles(page, [backup]);
	await expect(page.getByText('This backup holds settings changed after yours here: they will replace yours.')).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText('Imported');
	await page.goto('/settings');
	await expect(page.getByLabel('New cards per day')).toHaveValue('7');
	await expect(page.getByLabel('Reviews per day')).toHaveValue('150');
});

/** Today's answers on the statistics page. */
async function answersToday(page: Page): Promise<string | null> {
	await page.goto('/stats');
	const today = page.getByRole('region', { name: 'Today' });
	const answers = today.locator('div').filter({ has: page.getByRole('term').filter({ hasText: /^Answers$/ }) }).getByRole('definition');
	await expect(answers).toBeVisible();
	return answers.textContent();
}

const EXPORT_FORMATS = ['Table (.csv)', 'Anki package (.apkg)'];

/** Exports the deck at `deckUrl` in `format` and imports the file back: the preview must say it changes nothing. */
async function exportAndImportUnchanged(page: Page, deckUrl: string, format: string, importedLink: RegExp): Promise<void> {
	await page.goto(deckUrl);
	await page.getByText('Export', { exact: true }).click();
	await page.getByLabel('Format').selectOption({ label: format });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download' }).click();
	const exported = await download;
	const bytes = await readFile((await exported.path()) as string);

	await chooseFiles(page, [file(exported.suggestedFilename(), bytes)]);
	if (/\.(csv|tsv)\)$/.test(format)) await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await expect(page.getByText('Everything in this file is already here')).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('link', { name: importedLink })).toBeVisible();
}

test('a deck exported as a table for spreadsheets: a byte order mark, a header row, the cards and their deck, a name that says so, and it imports back unchanged', async ({ page }) => {
	await chooseFiles(page, [file('vocab.csv', 'front,back,tags\napple,사과,fruit\n"banana, ripe",바나나,fruit\n', 'text/csv')]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /vocab: 2 cards/ }).click();
	await page.getByText('Export', { exact: true }).click();
	await page.getByLabel('Format').selectOption({ label: 'Table for spreadsheets (.csv)' });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download' }).click();
	const exported = await download;
	expect(exported.suggestedFilename()).toMatch(/^vocab \(for spreadsheets\) \d{4}-\d{2}-\d{2}\.csv$/);
	const text = (await readFile((await exported.path()) as string)).toString('utf8');
	expect(text).toBe('\ufeffFront,Back,Tags,Deck\napple,사과,fruit,vocab\n"banana, ripe",바나나,fruit,vocab\n');
	await exportAndImportUnchanged(page, '/deck/vocab', 'Table for spreadsheets (.csv)', /vocab: 2 cards/);
	await page.goto('/');
	await expect(page.locator('.decks li').filter({ hasText: 'vocab' })).toHaveCount(1);
});

test('a note’s deck exported as a table for Anki: its cards as they show (HTML, highlights, one Cloze note per sentence), images named and said to be left out, and it imports back unchanged', async ({ page }) => {
	const note = '# Grammar\n\n- **Cell**: the *unit* of life ![red cell](images/red.png)\n\n저는 ==학생==이에요, 그리고 ==학교==에 가요.\n';
	await chooseFiles(page, [file('grammar.md', note, 'text/markdown'), file('red.png', PIXEL, 'image/png')]);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Grammar: 3 cards/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Grammar' })).toBeVisible();
	const deckUrl = new URL(page.url()).pathname;
	await page.getByText('Export', { exact: true }).click();
	await page.getByLabel('Format').selectOption({ label: 'Table (.csv)' });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download' }).click();
	const text = (await readFile((await (await download).path()) as string)).toString('utf8');
	expect(text.split('\n').slice(0, 3)).toEqual(['#separator:comma', '#html:true', '#notetype column:1']);
	expect(text).toContain('Basic,<p>Cell</p>,"<p>the unit of life</p><div><img src=""grammar_images_red.png"" alt=""red cell""></div>",');
	expect(text).toContain('Cloze,"<p>저는 {{c1::학생}}이에요, 그리고 {{c2::학교}}에 가요.</p>",,');
	await expect(page.getByText('The file is made, with these notes:')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'card has images' })).toHaveText(['1 card has images: a table holds only their file names, not the images. To take the images along, export the deck as “Anki package (.apkg)”.']);
	await exportAndImportUnchanged(page, deckUrl, 'Table (.csv)', /Grammar: 3 cards/);
});

test('a studied deck exported as CSV or as an Anki package imports back unchanged: its cards still cite their file, no answer counts twice', async ({ page }) => {
	const csv = 'front,back,tags\napple,사과,fruit\n"banana, ripe",바나나,fruit\n"multi\nline front","back with ""quotes""",misc\n';
	await chooseFiles(page, [file('vocab.csv', csv, 'text/csv')]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('link', { name: /vocab: 3 cards/ })).toBeVisible();

	// Studied first: Again on the first card, which comes back after the others, Good and Easy on them, then Good.
	await page.goto('/deck/vocab');
	await page.getByRole('link', { name: 'Study this deck' }).click();
	for (const grade of ['Again', 'Good', 'Easy', 'Good']) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: new RegExp(`^${grade}, `) }).click();
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	expect(await answersToday(page)).toBe('4');

	for (const format of [...EXPORT_FORMATS, 'Table, tab-separated (.tsv)']) await exportAndImportUnchanged(page, '/deck/vocab', format, /vocab: 3 cards/);
	await page.goto('/deck/vocab');
	await expect(page.locator('.source')).toHaveText([/vocab\.csv · line 2$/, /vocab\.csv · line 3$/, /vocab\.csv · line 4$/]);
	expect(await answersToday(page)).toBe('4');
});

test('a table goes into a deck one has, chosen under its deck name: a row with the front of one of its cards updates that card', async ({ page }) => {
	await chooseFiles(page, [file('vocab.csv', 'Front,Back\napple,사과\npear,배\n', 'text/csv')]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('link', { name: /vocab: 2 cards/ })).toBeVisible();

	await page.goto('/import');
	await chooseFiles(page, [file('more words.csv', 'Front,Back\napple,사과 (과일)\nplum,자두\n', 'text/csv')]);
	const name = page.getByLabel('Deck name');
	await expect(name).toHaveValue('more words');
	// The field offers the decks one has, and says what choosing one does.
	await expect(page.locator('#import-deck-names option[value="vocab"]')).toHaveCount(1);
	await expect(name).toHaveAccessibleDescription(/choose a deck you have: a row whose front is a card of that deck updates the card/);
	await name.fill('vocab');
	await page.getByRole('button', { name: 'Continue' }).click();
	const row = page.getByRole('row', { name: /vocab/ });
	await expect(row.getByRole('cell').nth(0)).toHaveText('1');
	await expect(row.getByRole('cell').nth(1)).toHaveText('1');
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /^vocab: / }).click();
	await expect(page.locator('ol.cards article')).toHaveCount(3);
	await expect(page.locator('ol.cards')).toContainText('사과 (과일)');
});

test('a deck imported from an Anki package, studied, exported as CSV (for Anki or for spreadsheets) or as an Anki package imports back unchanged into the same deck', async ({ page }) => {
	const apkg = await readFile(new URL('../fixtures/anki/apkg-export-media.apkg', import.meta.url));
	await chooseFiles(page, [file('apkg-export-media.apkg', apkg)]);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /deck-name: 3 cards/ }).click();
	// The package's deck: its id is not its name's.
	const deckUrl = '/deck/anki-deck-name';
	await expect(page).toHaveURL(deckUrl);
	// A package has no lines: its cards are placed by their notes, on the deck page and in card info.
	await expect(page.locator('.source')).toHaveText(new Array(3).fill(/apkg-export-media\.apkg · note \d+$/));
	await page.getByRole('link', { name: 'Card info: card 1' }).click();
	await expect(page.locator('dt:has-text("Source") + dd')).toHaveText(/^apkg-export-media\.apkg, note \d+ · /);
	await page.goto(deckUrl);
	await studyAllEasy(page, 3);
	expect(await answersToday(page)).toBe('3');

	// The CSV names the deck (`#deck:deck-name`), whose id is the package's (`anki-deck-name`): the rows are its cards.
	for (const format of [...EXPORT_FORMATS, 'Table for spreadsheets (.csv)']) await exportAndImportUnchanged(page, deckUrl, format, /deck-name: 3 cards/);
	await page.goto('/');
	await expect(page.locator('.decks li').filter({ hasText: 'deck-name' })).toHaveCount(1);
	expect(await answersToday(page)).toBe('3');
});

test('an Anki package of a studied deck, imported on another device: the preview counts its answers, not its rows', async ({ page, browser }) => {
	await chooseFiles(page, [file('apkg-export-media.apkg', await readFile(new URL('../fixtures/anki/apkg-export-media.apkg', import.meta.url)))]);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /deck-name: 3 cards/ }).click();
	await studyAllEasy(page, 3);
	await page.goto('/deck/anki-deck-name');
	await page.getByText('Export', { exact: true }).click();
	await page.getByLabel('Format').selectOption({ label: 'Anki package (.apkg)' });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download' }).click();
	const exported = await download;
	const bytes = await readFile((await exported.path()) as string);

	// Another device: a store of its own.
	const context = await browser.newContext();
	const other = await context.newPage();
	await chooseFiles(other, [file(exported.suggestedFilename(), bytes)]);
	await expect(other.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	// Answers are what the line counts; each card's schedule in the package is the one its answer gives, so no schedule comes apart.
	await expect(other.getByText(/^Review history:/)).toHaveText('Review history: 3 new answers');
	await expect(other.getByText(/^Schedules from the file/)).toHaveCount(0);
	await context.close();
});

test('the built-in AWS deck, studied, exported as CSV or as an Anki package imports back unchanged: no copies, its cards still its note’s Markdown', async ({ page }) => {
	const deckUrl = `/deck/${encodeURIComponent('aws-기초')}`;
	await page.goto(deckUrl);
	await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toBeVisible();
	await page.getByRole('link', { name: 'Study this deck' }).click();
	for (const grade of ['Good', 'Easy']) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: new RegExp(`^${grade}, `) }).click();
	}
	// Both answers stored before the page is left.
	await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '2');
	expect(await answersToday(page)).toBe('2');
	await page.goto(deckUrl);
	const cards = page.locator('ol.cards');
	await expect(cards.locator('article')).toHaveCount(22);
	const shown = await cards.innerHTML();

	for (const format of EXPORT_FORMATS) await exportAndImportUnchanged(page, deckUrl, format, /AWS 기초: 22 cards/);
	await page.goto(deckUrl);
	await expect(cards.locator('article')).toHaveCount(22);
	expect(await cards.innerHTML()).toBe(shown);
	expect(await answersToday(page)).toBe('2');
});

test('an export says what it could not carry: an Anki package without an image the note names', async ({ page }) => {
	await chooseFiles(page, [file('Pics.md', '# Pics\n\n- **cat**: a small animal ![cat](cat.png)\n', 'text/markdown')]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Pics: 1 card/ }).click();
	await page.getByText('Export', { exact: true }).click();
	await page.getByLabel('Format').selectOption({ label: 'Anki package (.apkg)' });
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download' }).click();
	await download;
	await expect(page.getByText('The file is made, with these notes:')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'cat.png' })).toHaveText('The image "cat.png" is not among the exported files; Anki will not find it.');
});

test('an export says what it could not carry: an image an imported card shows in its HTML that is not on this device', async ({ page }) => {
	// As Anki writes a deck whose pictures were left behind: the card names the file in its HTML, not in an image list.
	const csv = '#separator:comma\n#html:true\n#deck:Muscles\nWhich muscle? <img src="Coracobrachialis.JPG" />,<b>Coracobrachialis</b>\n';
	await chooseFiles(page, [file('muscles.csv', csv, 'text/csv')]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Muscles: 1 card/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Muscles' })).toBeVisible();
	const said = {
		'Table (.csv)': 'The image "Coracobrachialis.JPG" is not on this device; the file names it, without the image.',
		'Anki package (.apkg)': 'The image "Coracobrachialis.JPG" is not among the exported files; Anki will not find it.'
	};
	for (const [format, text] of Object.entries(said)) {
		await page.getByText('Export', { exact: true }).click();
		await page.getByLabel('Format').selectOption({ label: format });
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Download' }).click();
		await download;
		await expect(page.getByText('The file is made, with these notes:')).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: 'Coracobrachialis.JPG' })).toHaveText(text);
		// A table holds no image file: it says so, and which export does.
		await expect(page.getByRole('listitem').filter({ hasText: 'card has images' })).toHaveCount(format === 'Table (.csv)' ? 1 : 0);
		await page.reload();
	}
});

test('a built-in deck’s own note imported on a first visit is that deck: nothing new, and it stays built-in', async ({ page }) => {
	const note = await readFile(new URL('../../decks/AWS-기초.md', import.meta.url));
	await chooseFiles(page, [file('AWS-기초.md', note, 'text/markdown')]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	const row = page.getByRole('row', { name: /AWS 기초/ });
	await expect(row.getByRole('cell')).toHaveText(['0', '0', '22']);
	await expect(page.getByText('Everything in this file is already here')).toBeVisible();
});

test('bad files get a clear message and change nothing', async ({ page }) => {
	const before = await homeDecks(page);
	const cases: [ReturnType<typeof file>, RegExp][] = [
		[file('empty.apkg', ''), /“empty.apkg” is empty/],
		[file('random.apkg', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), /not an Anki package/],
		[file('other.json', JSON.stringify({ format: 'something-else', version: 1 }), 'application/json'), /not a Recall/i],
		[file('future.json', JSON.stringify({ format: 'recall-backup', version: 99 }), 'application/json'), /version 99/],
		[file('broken.zip', Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3])), /damaged|incomplete/],
		[file('photo.heic', Buffer.from([0x89, 0x50, 0x4e, 0x47])), /cannot read/],
		[file('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'), /“photo.png” goes with a note: Recall imports images and sounds only with the Markdown notes that show or play them/],
		// A file that makes no card (a deck file of an empty deck; an Anki package of videos only) has nothing to preview.
		[
			file('empty.json', JSON.stringify({ format: 'recall-backup', version: 1, exportedAt: 1795651200000, app: 'Recall', decks: [{ id: 'empty', name: 'Empty', tags: [], cards: [] }], progress: {}, reviews: [], media: [] }), 'application/json'),
			/No cards could be made from “empty.json”/
		],
		// A note that makes no card says what makes cards.
		[file('musings.md', 'Some thoughts with no heading above them.\n', 'text/markdown'), /No cards could be made from this note\. Cards are made from definitions/],
		// Every refusal names the file, those of the readers that see only bytes too.
		[file('random.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))), /“random.csv”: This file is not a text file/],
		[file('truncated.apkg', (await readFile(new URL('../fixtures/anki/apkg-export-media.apkg', import.meta.url))).subarray(0, 3000)), /“truncated.apkg”: The zip archive is damaged/]
	];
	for (const [bad, message] of cases) {
		await chooseFiles(page, [bad]);
		await expect(page.getByRole('alert')).toContainText('Nothing was imported');
		await expect(page.getByRole('alert')).toContainText(message);
		await expect(page.getByText('Choose another file')).toBeVisible();
	}
	expect(await homeDecks(page)).toEqual(before);
});

test('a note chosen with its pictures shows them on its deck page; an SVG runs nothing; the note alone again changes nothing', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	const note = '# Biology\n\n- **Cell**: the unit of life ![red cell](images/red.png)\n- **Root**: takes up water ![root diagram](./root.svg)\n';
	const hostileSvg =
		'<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" onload="window.__xss = \'onload\'"><script>window.__xss = \'script\'</script><rect width="20" height="10" fill="green"/></svg>';
	// The picker offers images beside the notes.
	await page.goto('/import');
	const accept = (await page.locator('input[type="file"]').getAttribute('accept'))?.split(',');
	expect(accept).toEqual(expect.arrayContaining(['.md', '.zip', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg', '.avif']));
	await chooseFiles(page, [file('biology.md', note, 'text/markdown'), file('red.png', PIXEL, 'image/png'), file('root.svg', hostileSvg, 'image/svg+xml')]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Biology/ }).getByRole('cell')).toHaveText(['2', '0', '0']);
	await expect(page.getByText('Images and other media: 2')).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Biology: 2 cards/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Biology' })).toBeVisible();

	for (const alt of ['red cell', 'root diagram']) {
		const image = page.getByRole('img', { name: alt, exact: true });
		await expect(image).toBeVisible();
		await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
		expect(await image.getAttribute('src')).toMatch(/^blob:/);
	}
	// The SVG's own URL (what "Open image in new tab" opens) is the sanitized copy: no script, no handler.
	const svgText = await page.getByRole('img', { name: 'root diagram', exact: true }).evaluate(async (element: HTMLImageElement) => (await fetch(element.src)).text());
	expect(svgText).toContain('<rect');
	expect(svgText).not.toMatch(/script|onload|__xss/i);
	expect(await page.evaluate(() => (window as { __xss?: string }).__xss)).toBeUndefined();

	// The note alone, edited elsewhere: its images are on the device, so its cards keep them.
	await chooseFiles(page, [file('biology.md', note, 'text/markdown')]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Biology/ }).getByRole('cell')).toHaveText(['0', '0', '2']);
	await expect(page.getByText('Everything in this file is already here: importing it changes nothing.')).toBeVisible();
	await expect(page.getByText('not among the imported files')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('cancelling at the preview changes nothing', async ({ page }) => {
	const before = await homeDecks(page);
	await chooseFiles(page, [file('words.csv', 'a,b\nc,d\n', 'text/csv')]);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByText('Choose files')).toBeVisible();
	expect(await homeDecks(page)).toEqual(before);
});

/** A Recall deck file of `count` cards: large enough that storing it takes a while. */
function bigDeckFile(count: number): Buffer {
	const cards = Array.from({ length: count }, (_, index) => ({
		id: `big:${index}`,
		deck: 'big',
		kind: 'basic',
		rule: 'imported',
		front: `Question ${index}: ${'질문 '.repeat(20)}`,
		back: `Answer ${index}: ${'답 '.repeat(40)}`,
		path: ['Big deck'],
		tags: ['big'],
		images: [],
		source: { file: 'big.json', line: index + 1 }
	}));
	return Buffer.from(JSON.stringify({ format: 'recall-deck', version: 1, decks: [{ id: 'big', name: 'Big', tags: [], cards }] }));
}

test('a page closed in the middle of storing a large import leaves the data exactly as before', async ({ page, context }, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'closing a tab does not depend on the viewport; one project is enough');
	test.setTimeout(90_000);
	const before = await homeDecks(page);
	await chooseFiles(page, [file('big.json', bigDeckFile(60_000), 'application/json')]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByText('Saving…')).toBeVisible();
	// Part of it is written (a chunk of 5,000 cards has landed), the rest not yet: the page goes now.
	const progress = page.getByRole('progressbar', { name: 'Import' });
	await expect(page.getByText(/[\d,]+ of 60,000 cards and reviews saved/)).toBeVisible({ timeout: 30_000 });
	expect(Number(await progress.getAttribute('value'))).toBeLessThan(60_000);
	await page.close();

	const reopened = await context.newPage();
	// IndexedDB aborts the closed page's transaction once it has worked through the writes already asked of it, and
	// the reopened app's first read waits for that: seconds in the test browser's in-memory store (Chromium 150).
	await reopened.goto('/');
	await expect(reopened.getByRole('link', { name: /^Study AWS 기초$/ })).toBeVisible({ timeout: 30_000 });
	expect(await homeDecks(reopened)).toEqual(before);
	await expect(reopened.getByRole('link', { name: 'Big', exact: true })).toHaveCount(0);
});

test('a Markdown note imported, studied, edited and imported again keeps its cards’ progress', async ({ page }) => {
	const note = (apple: string) => `# Fruits\n\n- **apple**: ${apple}\n- **pear**: 배\n- **grape**: 포도\n`;
	await chooseFiles(page, [file('fruits.md', note('사과'), 'text/markdown')]);
	await expect(page.getByRole('heading', { name: 'Notes' })).toBeVisible();
	await expect(page.getByText(/fruits\.md → Fruits: 3 cards/)).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Fruits: 3 cards/ }).click();
	await studyAllEasy(page, 3);

	await chooseFiles(page, [file('fruits.md', note('사과 (빨간 과일)'), 'text/markdown')]);
	const row = page.getByRole('row', { name: /Fruits/ });
	await expect(row.getByRole('cell')).toHaveText(['0', '1', '2']);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Fruits: 3 cards/ }).click();
	await expect(page.getByText('빨간 과일')).toBeVisible();
	await expect(page.getByRole('article')).toHaveCount(3);
	for (const article of await page.getByRole('article').all()) await expect(article).toContainText(/interval 1d/);
});

test('a note edited again: the preview names the cards it retires (the studied one first), and a card that only moved is unchanged', async ({ page }) => {
	const words = ['apple', 'pear', 'grape', 'plum', 'fig', 'lime', 'kiwi'];
	const note = (lines: string[]) => `# Fruits\n\n${lines.map((word) => `- **${word}**: ${word} in Korean`).join('\n')}\n`;
	await chooseFiles(page, [file('fruits.md', note(words), 'text/markdown')]);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Fruits: 7 cards/ }).click();
	// The first card studied is apple's.
	await page.getByRole('link', { name: 'Study this deck' }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Easy/ }).click();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await page.goBack();
	await expect(page.getByRole('article').filter({ hasText: 'apple' })).toContainText(/interval \d+d/);

	// A new card above the rest moves them all down a line; six go, apple (studied) among them.
	await chooseFiles(page, [file('fruits.md', note(['melon', 'kiwi']), 'text/markdown')]);
	await expect(page.getByRole('row', { name: /Fruits/ }).getByRole('cell')).toHaveText(['1', '0', '1']);
	await expect(page.getByText('Fruits: 6 cards are gone from the note and will be retired (their review history is kept).')).toBeVisible();
	const named = page.getByRole('list').filter({ hasText: 'and 1 more' });
	await expect(named.getByRole('listitem')).toHaveText(['apple (studied)', 'pear', 'grape', 'plum', 'fig', 'and 1 more']);
});

test('a note whose heading was renamed keeps the progress of the cards under it', async ({ page }) => {
	const note = (heading: string) => `# 동사 노트\n\n## 기본 동사\n\n### ${heading}\n\n**가다**: to go\n\n**오다**: to come\n`;
	await chooseFiles(page, [file('동사.md', note('이동'), 'text/markdown')]);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /동사 노트: 2 cards/ }).click();
	await studyAllEasy(page, 2);

	await chooseFiles(page, [file('동사.md', note('움직임'), 'text/markdown')]);
	// New, updated, unchanged: both cards are the ones studied, under their heading's new name.
	await expect(page.getByRole('row', { name: /동사 노트/ }).getByRole('cell')).toHaveText(['0', '2', '0']);
	await expect(page.getByText(/will be retired/)).toHaveCount(0);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /동사 노트: 2 cards/ }).click();
	await expect(page.getByText('움직임').first()).toBeVisible();
	await expect(page.getByRole('article')).toHaveCount(2);
	for (const article of await page.getByRole('article').all()) await expect(article).toContainText(/interval 1d/);
});

test('a note given a title (a deck of another name) keeps its cards’ progress under the new deck, and the old one goes', async ({ page }) => {
	const note = (title: string) => `${title}- **apple**: 사과\n- **pear**: 배\n`;
	await chooseFiles(page, [file('orchard.md', note(''), 'text/markdown')]);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /orchard: 2 cards/ }).click();
	await studyAllEasy(page, 2);

	await chooseFiles(page, [file('orchard.md', note('# Fruit trees\n\n'), 'text/markdown')]);
	await expect(page.getByText('The note of “orchard” now makes the deck “Fruit trees”: 2 of its cards keep their history there, and “orchard” will be retired.')).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Fruit trees: 2 cards/ }).click();
	await expect(page.getByRole('article')).toHaveCount(2);
	for (const article of await page.getByRole('article').all()) await expect(article).toContainText(/interval 1d/);
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Fruit trees', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'orchard', exact: true })).toHaveCount(0);
	// Its study page (a bookmark) says what became of it: retired, not deleted, and not an unknown page.
	await page.goto('/study/orchard');
	const retired = page.getByRole('region', { name: 'This deck is retired' });
	await expect(retired).toContainText('the note now makes a deck of another name');
	await expect(page.getByText('This deck was deleted')).toHaveCount(0);
	await expect(retired.getByRole('link', { name: 'Back to your decks' })).toBeVisible();
});

test.describe('in Korean', () => {
	test.use({ locale: 'ko-KR' });

	test('a refused file and an import’s warnings are said in Korean', async ({ page, baseURL }) => {
		const errors = await collectErrors(page, baseURL);
		await page.goto('/import');
		await expect(page.getByRole('heading', { level: 1, name: '가져오기' })).toBeVisible();
		const picker = page.locator('input[type="file"]');

		await picker.setInputFiles([file('빈 파일.csv', '')]);
		await expect(page.getByRole('alert')).toHaveText('가져오지 못했습니다: “빈 파일.csv” 파일이 비어 있습니다.');

		await picker.setInputFiles([file('random.apkg', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))]);
		await expect(page.getByRole('alert')).toHaveText('가져오지 못했습니다: “random.apkg” 파일은 Anki 패키지가 아닙니다. zip 압축 파일이 아닙니다.');
		await picker.setInputFiles([file('random.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))]);
		await expect(page.getByRole('alert')).toContainText('가져오지 못했습니다: “random.csv”: 이 파일은 ');

		// Columns the file does not name are named in Korean too.
		await picker.setInputFiles([file('words.csv', 'apple,사과\npear,배\n', 'text/csv')]);
		await expect(page.getByRole('columnheader')).toHaveText(['열 1', '열 2']);
		await expect(page.getByRole('combobox', { name: '앞면' }).getByRole('option')).toHaveText(['열 1', '열 2']);
		await expect(page.getByRole('combobox', { name: '구분 문자' })).toHaveValue(',');
		await page.getByRole('button', { name: '취소' }).click();

		// Row 3 is short a field: the preview warns, naming the line, in Korean.
		await picker.setInputFiles([file('단어.csv', 'front,back,tags\n사과,apple,과일\n배,pear\n', 'text/csv')]);
		await page.getByRole('button', { name: '계속' }).click();
		await expect(page.getByRole('heading', { name: '가져오기 전에' })).toBeVisible();
		await expect(page.locator('.warnings')).toHaveText('3번째 줄: 필드가 열 3개보다 적어서 모자란 칸은 비워 두었습니다.');
		expect(errors).toEqual([]);
	});
});

test('a deck of one’s own, in Markdown, exported as CSV (for Anki or for spreadsheets) or as an Anki package imports back unchanged: still Markdown, no answer counts twice', async ({ page }) => {
	await page.goto('/new-deck');
	await page.getByLabel('Deck name').fill('Mine');
	await page.getByRole('button', { name: 'Create deck' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Add cards to Mine' })).toBeVisible();
	const cards = [
		['What does **bold** do?', 'It makes text *strong*:\n\n- like this'],
		['`S3` is', 'object storage']
	];
	for (const [front, back] of cards) {
		await page.getByLabel('Front').fill(front as string);
		await page.getByLabel('Back').fill(back as string);
		await page.getByRole('button', { name: 'Add 1 card' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Added 1 card.' })).toBeVisible();
	}
	await page.getByRole('link', { name: 'Study this deck' }).click();
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good, / }).click();
	// Stored before the page is left: leaving at once may take the answer's write with it.
	await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '1');
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	expect(await answersToday(page)).toBe('1');

	await page.goto('/deck/mine');
	const list = page.locator('ol.cards');
	await expect(list.locator('article')).toHaveCount(2);
	await expect(list.locator('strong').first()).toHaveText('bold');
	const shown = await list.innerHTML();
	for (const format of [...EXPORT_FORMATS, 'Table for spreadsheets (.csv)']) await exportAndImportUnchanged(page, '/deck/mine', format, /Mine: 2 cards/);
	await page.goto('/deck/mine');
	expect(await list.innerHTML()).toBe(shown);
	expect(await answersToday(page)).toBe('1');
});

