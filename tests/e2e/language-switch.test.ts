import { expect, test, type Page } from '@playwright/test';
import { showBulkActions } from './browse-actions';
import { ownDeckWithCard } from './own-deck';
import { collectErrors } from './page-errors';
import { switchLanguageInAnotherTab } from './switch-language';

// What a page says after an action stays on screen until the next one, and the learner may switch the
// language meanwhile. The language is set on the Settings page, and leaving this page would clear what it
// says: it is switched from a second tab, which this one follows as it would any change to the settings.

const DECK_NAME = 'AWS 기초';
const DECK_URL = `/deck/${encodeURIComponent('aws-기초')}`;

/** A deck of one's own with one basic card; it can be edited on its card page. */
/** A deck of one's own with one card, left on its Add cards page. */
const ownDeck = (page: Page, name: string) => ownDeckWithCard(page, name, { front: 'Capital of Korea', back: 'Seoul' });

test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'rewording a message does not depend on the viewport; one project is enough');
});

test('the new-deck page’s problem follows a language switch', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto('/new-deck');
	await page.getByRole('button', { name: 'Create deck' }).click();
	await expect(page.getByRole('alert')).toHaveText('Give the deck a name.');
	await switchLanguageInAnotherTab(page, '한국어');
	await expect(page.getByRole('alert')).toHaveText('덱 이름을 정하세요.');
	await page.getByLabel('덱 이름').fill(DECK_NAME);
	await page.getByRole('button', { name: '덱 만들기' }).click();
	await expect(page.getByRole('alert')).toHaveText(`“${DECK_NAME}” 덱이 이미 있습니다. 다른 이름을 고르세요.`);
	await switchLanguageInAnotherTab(page, 'English');
	await expect(page.getByRole('alert')).toHaveText(`There is already a deck named “${DECK_NAME}”. Choose another name.`);
	expect(errors).toEqual([]);
});

test('the card page’s save and copy confirmations follow a language switch', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	await ownDeck(page, 'Mine');
	await page.getByRole('link', { name: 'Back to the deck' }).click();
	await page.getByRole('link', { name: 'Card info: card 1' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeVisible();

	const edit = page.getByRole('region', { name: 'Edit' });
	await edit.getByRole('textbox', { name: 'Front' }).fill('');
	await edit.getByRole('button', { name: 'Save changes' }).click();
	await expect(edit.getByRole('status')).toHaveText('A card needs a front and a back.');
	await switchLanguageInAnotherTab(page, '한국어');
	await expect(page.getByRole('region', { name: '편집' }).getByRole('status')).toHaveText('카드에는 앞면과 뒷면이 있어야 합니다.');

	await page.getByRole('region', { name: '편집' }).getByRole('textbox', { name: '앞면' }).fill('Capital of South Korea');
	await page.getByRole('button', { name: '변경 저장' }).click();
	await expect(page.getByRole('region', { name: '편집' }).getByRole('status')).toHaveText('저장했습니다.');
	await switchLanguageInAnotherTab(page, 'English');
	await expect(edit.getByRole('status')).toHaveText('Saved.');

	// A card made from a note is not edited here: its text is copied, to edit the note.
	// Opened with its query: typed into the box, the results of the whole list could still be what a click meets.
	await page.goto(`/browse?q=${encodeURIComponent(`deck:"${DECK_NAME}" 리전`)}`);
	const found = page.getByRole('list', { name: 'Cards found' });
	await found.getByRole('link', { name: '리전', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Card info' })).toBeVisible();
	await page.getByRole('button', { name: 'Copy text' }).click();
	await expect(edit.getByRole('status')).toHaveText('Copied. Paste it into the note.');
	await switchLanguageInAnotherTab(page, '한국어');
	await expect(page.getByRole('region', { name: '편집' }).getByRole('status')).toHaveText('복사했습니다. 노트에 붙여 넣으세요.');
	expect(errors).toEqual([]);
});

test('the deck options’ messages follow a language switch', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	await page.goto(DECK_URL);
	await page.getByText('Options', { exact: true }).click();
	const group = page.getByRole('group', { name: 'New cards per day' });
	await group.getByRole('checkbox', { name: /^Use the global setting/ }).uncheck();
	await group.getByLabel('For this deck').fill('many');
	await page.getByRole('button', { name: 'Save options' }).click();
	const status = page.getByRole('status').filter({ hasText: /whole number|정수|Saved|저장/ });
	await expect(status).toHaveText('New cards per day: enter a whole number from 0 to 9,999.');
	await switchLanguageInAnotherTab(page, '한국어');
	// The field's name is reworded too.
	await expect(status).toHaveText('하루 새 카드 수: 0부터 9,999까지의 정수를 입력하세요.');

	await page.getByRole('group', { name: '하루 새 카드 수' }).getByLabel('이 덱만').fill('7');
	await page.getByRole('button', { name: '옵션 저장' }).click();
	await expect(status).toHaveText('저장했습니다. 오늘 학습부터 새 옵션을 따릅니다.');
	await switchLanguageInAnotherTab(page, 'English');
	await expect(status).toHaveText('Saved. Today’s sessions follow the new options.');
	expect(errors).toEqual([]);
});

test('what Browse says after an action follows a language switch', async ({ page, baseURL }) => {
	const errors = await collectErrors(page, baseURL);
	// A deck cards could be moved to: the built-in deck's cards are made from a note, and stay.
	await ownDeck(page, 'Mine');
	await page.goto('/browse');
	await page.getByRole('searchbox', { name: 'Search' }).fill(`deck:"${DECK_NAME}" 리전`);
	const results = page.getByRole('list', { name: 'Cards found' });
	await expect(results.getByRole('listitem')).toHaveCount(5);
	await page.getByRole('checkbox', { name: 'Select: 리전' }).check();
	await page.getByRole('checkbox', { name: 'Select: 가용 영역(AZ, Availability Zone)' }).check();
	await showBulkActions(page);
	await page.getByRole('button', { name: 'Suspend', exact: true }).click();
	const notice = page.getByRole('status').filter({ hasText: /Suspended|보류/ });
	await expect(notice).toHaveText('Suspended 2 cards. Undo');
	await switchLanguageInAnotherTab(page, '한국어');
	await expect(notice).toHaveText('카드 2장을 보류했습니다. 되돌리기');

	await page.getByLabel('옮길 덱').selectOption({ label: 'Mine' });
	await page.getByRole('button', { name: '옮기기', exact: true }).click();
	const moved = page.getByRole('status').filter({ hasText: /Nothing changed|바뀐 것이 없습니다/ });
	await expect(moved).toHaveText('바뀐 것이 없습니다. 선택한 카드가 이미 그 상태입니다. 카드 2장은 노트에서 만들어져 덱에 그대로 남습니다. 덱은 노트가 정합니다.');
	await switchLanguageInAnotherTab(page, 'English');
	await expect(moved).toHaveText(
		'Nothing changed: the selected cards already were so. 2 cards are made from notes and stay in their decks: the notes decide.'
	);

	await page.getByRole('button', { name: 'Delete', exact: true }).click();
	await page.getByRole('dialog', { name: 'Delete 2 cards?' }).getByRole('button', { name: 'Delete' }).click();
	const deleted = page.getByRole('status').filter({ hasText: /Deleted|삭제/ });
	await expect(deleted).toHaveText('Deleted 2 cards. Undo');
	await switchLanguageInAnotherTab(page, '한국어');
	await expect(deleted).toHaveText('카드 2장을 삭제했습니다. 되돌리기');
	await page.getByRole('button', { name: '되돌리기' }).click();
	const restored = page.getByRole('status').filter({ hasText: /Brought back|되살렸습니다/ });
	await expect(restored).toHaveText('카드 2장을 되살렸습니다.');
	await switchLanguageInAnotherTab(page, 'English');
	await expect(restored).toHaveText('Brought back 2 cards.');
	expect(errors).toEqual([]);
});
