import { expect, test, type Page } from '@playwright/test';
import { buildPackage, type CollectionSpec } from '../unit/io/anki/helpers';
import { sineWav } from './sine-wav';

// Offline study is part of what this covers: let the app's service worker run.
test.use({ serviceWorkers: 'allow' });

/** Two listening notes: the first plays tone.wav on its front (its back plays it again), the second a sound the package lacks. */
function listeningDeck(): CollectionSpec {
	return {
		schema: 11,
		crt: 0,
		notetypes: [{ id: 1, name: 'Basic', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' }] }],
		decks: [{ id: 1, name: 'Listening' }],
		notes: [
			{ id: 1, guid: 'tone', mid: 1, fields: ['Which note? [sound:tone.wav]', 'A (440 Hz) [sound:tone.wav]'] },
			{ id: 2, guid: 'gone', mid: 1, fields: ['And this one? [sound:gone.mp3]', 'Nobody knows'] }
		],
		cards: [
			{ id: 1, nid: 1, did: 1, ord: 0, mod: 0, type: 0, queue: 0, due: 1 },
			{ id: 2, nid: 2, did: 1, ord: 0, mod: 0, type: 0, queue: 0, due: 2 }
		]
	};
}

const player = (page: Page) => page.locator('audio[data-card-sound-player]');
const isPlaying = (page: Page) => player(page).evaluate((audio: HTMLAudioElement) => !audio.paused && audio.src.startsWith('blob:'));
const hasPlayed = (page: Page) => player(page).evaluate((audio: HTMLAudioElement) => audio.currentTime > 0 || !audio.paused);

/** Imports the listening deck through the Import page; `beforeImport` looks at the preview first. */
async function importListening(page: Page, beforeImport: () => Promise<void> = async () => {}, toneSeconds = 0.6): Promise<void> {
	const apkg = await buildPackage({ collection: listeningDeck(), media: { 'tone.wav': sineWav(toneSeconds) } });
	await page.getByRole('link', { name: 'Import', exact: true }).click();
	await page.locator('input[type="file"]').setInputFiles({ name: 'listening.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from(apkg) });
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible({ timeout: 15_000 });
	await beforeImport();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 15_000 });
}

/** Opens the listening deck's session from Home: the first card's front, and its sound's play button, returned. */
async function studyListening(page: Page) {
	await page.goto('/');
	await page.getByRole('link', { name: 'Listening', exact: true }).click();
	await page.getByRole('link', { name: 'Study this deck' }).click();
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	const play = page.getByRole('group', { name: 'Front' }).getByRole('button', { name: 'Play sound: tone.wav' });
	await expect(play).toBeVisible();
	return play;
}

test('an Anki package’s sound: imported, played on showing the card, by its button and by R, offline, and stopped by the answer', async ({ page, context }) => {
	test.setTimeout(90_000);
	await page.goto('/');
	await expect(page.getByRole('status').filter({ hasText: 'Recall is ready to work offline.' })).toBeVisible({ timeout: 15_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await page.getByRole('button', { name: 'OK' }).click();

	// The sound the package does not carry is named, as a missing image is.
	await importListening(page, () => expect(page.getByText('1 sound the cards play is not in the file (gone.mp3)')).toBeVisible());

	// Offline from here: the sound comes from this device's store.
	await context.setOffline(true);
	const play = await studyListening(page);
	// The front's sound plays on its own as the card is shown, and ends.
	await expect.poll(() => isPlaying(page)).toBe(true);
	await expect.poll(() => player(page).evaluate((audio: HTMLAudioElement) => audio.ended), { timeout: 5_000 }).toBe(true);

	// The button plays it again: the audio advances.
	await play.click();
	await expect.poll(() => player(page).evaluate((audio: HTMLAudioElement) => audio.currentTime > 0 && !audio.ended)).toBe(true);
	// The click played the sound; it did not show the answer.
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await expect.poll(() => player(page).evaluate((audio: HTMLAudioElement) => audio.ended), { timeout: 5_000 }).toBe(true);

	// Show answer: the back plays only sounds of its own, and this one is the front's again.
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expect(page.getByRole('group', { name: 'Back' }).getByRole('button', { name: 'Play sound: tone.wav' })).toBeVisible();
	await page.waitForTimeout(300);
	expect(await isPlaying(page)).toBe(false);

	// R replays what the screen shows; an answer stops it.
	await page.keyboard.press('r');
	await expect.poll(() => isPlaying(page)).toBe(true);
	await page.getByRole('button', { name: /^Good/ }).click();
	// Stopped at once, well before the 0.6 s tone would end by itself.
	await expect.poll(() => player(page).evaluate((audio: HTMLAudioElement) => audio.paused && !audio.ended), { timeout: 300 }).toBe(true);

	// A sound the package did not carry says so, offline too, and offers no button.
	await expect(page.getByText('Sound not available: gone.mp3')).toBeVisible();
	await expect(page.getByRole('button', { name: /Play sound/ })).toHaveCount(0);
});

test('with "Play sounds automatically" off, a card’s sound waits for its button', async ({ page }) => {
	await page.goto('/settings');
	await page.getByRole('group', { name: 'Play sounds automatically' }).getByRole('radio', { name: /^Off/ }).check();
	await expect(page.getByRole('group', { name: 'Play sounds automatically' }).getByRole('radio', { name: /^Off/ })).toBeChecked();

	await importListening(page);
	const play = await studyListening(page);
	await page.waitForTimeout(500);
	// Nothing has played: the page has no player yet.
	expect(await page.locator('audio[data-card-sound-player]').count()).toBe(0);
	await play.click();
	await expect.poll(() => hasPlayed(page)).toBe(true);
});

test('a sound played in a preview stops when the preview shows other text, though the page stays', async ({ page }) => {
	await page.goto('/');
	await importListening(page, undefined, 4);
	await page.goto('/');
	await page.getByRole('link', { name: 'Listening', exact: true }).click();
	await page.getByRole('link', { name: 'Card info: card 1', exact: true }).click();
	const preview = page.getByRole('region', { name: 'Preview' });
	await preview.getByRole('group', { name: 'Front' }).getByRole('button', { name: 'Play sound: tone.wav' }).click();
	await expect.poll(() => isPlaying(page)).toBe(true);
	// The learner takes the sound out of the front: the preview's front is another text, and its sound stops.
	await page.getByRole('textbox', { name: 'Front' }).fill('Which note?');
	await expect(preview.getByRole('button', { name: 'Play sound: tone.wav' })).toHaveCount(1);
	await expect.poll(() => player(page).evaluate((audio: HTMLAudioElement) => audio.paused && !audio.ended), { timeout: 1_000 }).toBe(true);
});
