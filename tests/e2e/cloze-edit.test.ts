import { expect, test, type Page } from '@playwright/test';
import { buildPackage } from '../unit/io/anki/helpers';
import { chooseFiles, file } from './import-files';
import { collectErrors } from './page-errors';

const SENTENCE = '저는 {{c1::학생::직업}}이에요. 한국어를 {{c2::공부해요}}.';

async function addSentence(page: Page): Promise<void> {
	await page.goto('/new-deck');
	await page.getByLabel('Deck name').fill('Korean');
	await page.getByRole('button', { name: 'Create deck' }).click();
	await page.getByRole('radio', { name: 'Cloze' }).check();
	await page.getByLabel('Text').fill(SENTENCE);
	await page.getByRole('button', { name: 'Add 2 cards' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added 2 cards.' })).toBeVisible();
}

test('a cloze written in the app is edited as its text: the change reaches every card of the sentence', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await addSentence(page);

	await page.getByRole('link', { name: 'Back to the deck' }).click();
	await page.getByRole('link', { name: 'Card info: card 1', exact: true }).click();
	const edit = page.getByRole('region', { name: 'Edit' });
	// One field, the text as written: not the first card's blanked front and highlighted back.
	await expect(edit.getByRole('textbox', { name: 'Text' })).toHaveValue(SENTENCE);
	await expect(edit.getByRole('textbox', { name: 'Front' })).toHaveCount(0);
	await expect(edit.getByText('This text makes 2 cards: saving changes all of them')).toBeVisible();
	await edit.getByRole('textbox', { name: 'Text' }).fill(SENTENCE.replace('학생', '대학생'));
	await expect(edit.getByRole('article', { name: 'Card 2' }).getByRole('group', { name: 'Front' })).toHaveText('저는 대학생이에요. 한국어를 [...].');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(edit.getByRole('status')).toHaveText('Saved.');

	// Card 2 says 대학생 too, and is still card 2 of the deck.
	await page.getByRole('link', { name: 'Korean' }).first().click();
	await page.getByRole('link', { name: 'Card info: card 2', exact: true }).click();
	const content = page.getByRole('region', { name: 'Content' });
	await expect(content.getByRole('group', { name: 'Front' })).toHaveText('저는 대학생이에요. 한국어를 [...].');
	await expect(content.getByRole('group', { name: 'Back' })).toHaveText('저는 대학생이에요. 한국어를 공부해요.');
	await expect(content.getByRole('group', { name: 'Back' }).locator('mark')).toHaveText('공부해요');
	await expect(page.getByRole('region', { name: 'Edit' }).getByRole('textbox', { name: 'Text' })).toHaveValue(SENTENCE.replace('학생', '대학생'));

	// A number taken out of the text retires its card: the deck shows one card to study.
	await page.getByRole('region', { name: 'Edit' }).getByRole('textbox', { name: 'Text' }).fill('저는 {{c1::대학생}}이에요. 한국어를 공부해요.');
	await expect(page.getByText('This text makes 1 card: saving changes it')).toBeVisible();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('region', { name: 'Edit' }).getByRole('status')).toHaveText('Saved.');
	await expect(page.locator('dt:text-is("Status") + dd')).toHaveText('Retired');
	expect(errors).toEqual([]);
});

test('Edit card while studying a cloze of one’s own edits its text, and the next card of the sentence has the change', async ({ page, baseURL }, testInfo) => {
	const errors = await collectErrors(page, baseURL);
	// The sentence's two cards are siblings, and the second would wait for another day: let it come today, so that
	// the session's next card is the one whose text was edited under it.
	await page.goto('/settings');
	const siblings = page.getByRole('group', { name: /^New cards that show each other’s answers/ });
	await siblings.getByRole('radio', { name: 'All on the same day' }).check();
	await expect(siblings.getByRole('status')).toHaveText(/Saved/);
	await addSentence(page);
	await page.goto('/study/korean');
	const front = page.getByRole('group', { name: 'Front' });
	await expect(front).toHaveText('저는 [직업]이에요. 한국어를 공부해요.');
	if (testInfo.project.name === 'phone') {
		await page.getByRole('button', { name: 'More' }).click();
		await page.getByRole('button', { name: 'Edit card' }).click();
	} else {
		await page.keyboard.press('e');
	}
	const editor = page.getByRole('region', { name: 'Edit card' });
	const text = editor.getByRole('textbox', { name: 'Text' });
	await expect(text).toBeFocused();
	await expect(text).toHaveValue(SENTENCE);
	await text.fill(SENTENCE.replace('공부해요', '배워요'));
	await editor.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Card saved.')).toBeVisible();
	await expect(front).toHaveText('저는 [직업]이에요. 한국어를 배워요.');

	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Easy, / }).click();
	await expect(front).toHaveText('저는 학생이에요. 한국어를 [...].');
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('group', { name: 'Back' }).locator('mark')).toHaveText('배워요');
	expect(errors).toEqual([]);
});

test('an Anki Cloze note imported is edited as its text, as in Anki: saving makes its cards again, a new number a new card', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	const card = (id: number, ord: number) => ({ id, nid: 1, did: 2, ord, mod: 0, type: 0, queue: 0, due: id });
	const apkg = await buildPackage({
		collection: {
			schema: 11,
			crt: 1_700_000_000,
			notetypes: [{ id: 7, name: 'Cloze', cloze: true, fields: ['Text', 'Back Extra'], templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }] }],
			decks: [
				{ id: 1, name: 'Default' },
				{ id: 2, name: 'Geo' }
			],
			notes: [{ id: 1, guid: 'seoul', mid: 7, fields: ['<b>Seoul</b> is the capital of {{c1::Korea::country}}.', ''] }],
			cards: [card(11, 0)]
		}
	});
	await chooseFiles(page, [file('Geo.apkg', Buffer.from(apkg))]);
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /^Geo: 1 card/ }).click();
	await page.getByRole('link', { name: 'Card info: card 1', exact: true }).click();

	// The note's text as Anki keeps it (HTML), in one field: not the card's blanked front and highlighted back.
	const edit = page.getByRole('region', { name: 'Edit' });
	const text = edit.getByRole('textbox', { name: 'Text' });
	await expect(text).toHaveValue('<b>Seoul</b> is the capital of {{c1::Korea::country}}.');
	await expect(edit.getByRole('textbox', { name: 'Front' })).toHaveCount(0);
	await text.fill('<b>Seoul</b> is the capital of {{c1::Korea::country}}, in {{c2::Asia}}.');
	await expect(edit.getByText('This text makes 2 cards: saving changes all of them')).toBeVisible();
	await expect(edit.getByRole('article', { name: 'Card 2' }).getByRole('group', { name: 'Front' })).toHaveText('Seoul is the capital of Korea, in [...].');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(edit.getByRole('status')).toHaveText('Saved.');
	const content = page.getByRole('region', { name: 'Content' });
	await expect(content.getByRole('group', { name: 'Front' })).toHaveText('Seoul is the capital of [country], in Asia.');
	await expect(content.getByRole('group', { name: 'Front' }).locator('b')).toHaveText('Seoul');

	// The deck has the second card; a text without a deletion is refused, in words that fit HTML.
	await page.getByRole('link', { name: 'Geo' }).first().click();
	await page.getByRole('link', { name: 'Card info: card 2', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Content' }).getByRole('group', { name: 'Back' }).locator('mark')).toHaveText('Asia');
	await page.getByRole('region', { name: 'Edit' }).getByRole('textbox', { name: 'Text' }).fill('Seoul is ==in== Korea');
	await expect(page.getByRole('region', { name: 'Edit' }).getByText('Mark something to blank out: {{c1::…}} (this is an Anki note’s text, in HTML).')).toBeVisible();
	expect(errors).toEqual([]);
});

test('a cloze text of two lines makes cards that show both lines, on two lines, as an Anki note does', async ({ page }) => {
	await page.goto('/new-deck');
	await page.getByLabel('Deck name').fill('Lines');
	await page.getByRole('button', { name: 'Create deck' }).click();
	await page.getByRole('radio', { name: 'Cloze' }).check();
	await page.getByLabel('Text').fill('첫 {{c1::줄}}\n둘째 {{c2::줄이에요}}');
	const front = page.getByRole('article', { name: 'Card 1' }).getByRole('group', { name: 'Front' });
	await expect(front).toHaveText('첫 [...]\n둘째 줄이에요');
	await expect(front.locator('br')).toHaveCount(1);
	await page.getByRole('button', { name: 'Add 2 cards' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added 2 cards.' })).toBeVisible();
});
