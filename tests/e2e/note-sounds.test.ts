import { expect, test, type Page } from '@playwright/test';
import { notesToBundle } from '../../src/lib/io/markdown-notes';
import { chooseFiles, file } from './import-files';
import { sineWav } from './sine-wav';

// Offline study is part of what this covers: let the app's service worker run.
test.use({ serviceWorkers: 'allow' });

/** An Obsidian vocabulary note whose first word has a recording embedded. */
const NOTE = '# 영단어\n\n- **abandon**: 버리다 ![[abandon.wav]]\n- **subtle**: 미묘한\n';
const noteFile = () => file('영단어.md', NOTE, 'text/markdown');
const wavFile = () => file('abandon.wav', Buffer.from(sineWav(0.6)), 'audio/wav');

const player = (page: Page) => page.locator('audio[data-card-sound-player]');
const isPlaying = (page: Page) => player(page).evaluate((audio: HTMLAudioElement) => !audio.paused && audio.src.startsWith('blob:'));

async function importChosen(page: Page, files: ReturnType<typeof file>[]): Promise<void> {
	await chooseFiles(page, files);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible({ timeout: 15_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 15_000 });
}

/** Opens the deck's session from Home and shows the first card's answer. */
async function answerOfFirstCard(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('link', { name: '영단어', exact: true }).click();
	await page.getByRole('link', { name: 'Study this deck' }).click();
	// The deck's page shows its cards' fronts too: the study screen is the one with Show answer.
	const showAnswer = page.getByRole('button', { name: 'Show answer' });
	await expect(showAnswer).toBeVisible();
	await expect(page.getByRole('group', { name: 'Front' })).toContainText('abandon');
	await showAnswer.click();
}

test('a note’s embedded recording, chosen with the note on the Import page, plays with the answer offline', async ({ page, context }) => {
	test.setTimeout(90_000);
	await page.goto('/');
	await expect(page.getByRole('status').filter({ hasText: 'Recall is ready to work offline.' })).toBeVisible({ timeout: 15_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await page.getByRole('button', { name: 'OK' }).click();

	await importChosen(page, [noteFile(), wavFile()]);

	// Offline from here: the sound comes from this device's store.
	await context.setOffline(true);
	await answerOfFirstCard(page);
	await expect(page.getByRole('group', { name: 'Back' }).getByRole('button', { name: 'Play sound: abandon.wav' })).toBeVisible();
	// The answer's own sound plays as it is shown, from the stored file.
	await expect.poll(() => isPlaying(page)).toBe(true);
	await expect(page.getByText(/Sound not available/)).toHaveCount(0);
});

test('a sound stored by an import in another tab plays on the card already open, without a reload', async ({ page, context }) => {
	test.setTimeout(90_000);
	// The deck's cards first, without the recording: as a deck file carries them, naming the sound the note stores.
	const { bundle } = notesToBundle([
		{ name: '영단어.md', bytes: new TextEncoder().encode(NOTE) },
		{ name: 'abandon.wav', bytes: sineWav(0.1) }
	]);
	const deckFile = JSON.stringify({ format: 'recall-deck', version: 1, decks: bundle.decks });
	await importChosen(page, [file('영단어.json', deckFile, 'application/json')]);
	await answerOfFirstCard(page);
	await expect(page.getByText('Sound not available: abandon.wav')).toBeVisible();

	// Another tab imports the note with its recording.
	const other = await context.newPage();
	await importChosen(other, [noteFile(), wavFile()]);
	await other.close();

	await expect(page.getByRole('group', { name: 'Back' }).getByRole('button', { name: 'Play sound: abandon.wav' })).toBeVisible();
	await expect(page.getByText(/Sound not available/)).toHaveCount(0);
});

test('a note’s recording in a word’s term plays as its question shows, and not again with the answer', async ({ page }) => {
	test.setTimeout(90_000);
	// Every start of a sound, counted: the answer must not start the question's again.
	await page.addInitScript(() => {
		const play = HTMLMediaElement.prototype.play;
		(window as unknown as { soundStarts: number }).soundStarts = 0;
		HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
			(window as unknown as { soundStarts: number }).soundStarts += 1;
			return play.call(this);
		};
	});
	const starts = () => page.evaluate(() => (window as unknown as { soundStarts: number }).soundStarts);
	await page.goto('/');
	await importChosen(page, [file('듣기.md', '# 듣기\n\n- **listen** ![[listen.wav]]: 듣다\n- **hear** - 들리다\n', 'text/markdown'), file('listen.wav', Buffer.from(sineWav(0.4)), 'audio/wav')]);

	await page.goto('/');
	await page.getByRole('link', { name: '듣기', exact: true }).click();
	await page.getByRole('link', { name: 'Study this deck' }).click();
	// The study page, not the deck page it leaves, whose cards have a Front each.
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const front = page.getByRole('group', { name: 'Front' });
	await expect(front).toContainText('listen');
	await expect(front.getByRole('button', { name: 'Play sound: listen.wav' })).toBeVisible();
	// The question's sound plays on its own as the card shows, before any answer. Counted by its start, not seen
	// playing: on a loaded machine the 0.4 s tone can end before a poll looks.
	await expect.poll(starts).toBe(1);
	expect(await player(page).evaluate((audio: HTMLAudioElement) => audio.src.startsWith('blob:'))).toBe(true);
	await expect.poll(() => isPlaying(page)).toBe(false);

	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('group', { name: 'Back' })).toContainText('듣다');
	await expect(page.getByRole('group', { name: 'Back' }).getByRole('button', { name: /Play sound/ })).toHaveCount(0);
	await page.waitForTimeout(500);
	expect(await starts()).toBe(1);
	await expect(page.getByText(/Sound not available/)).toHaveCount(0);
});
