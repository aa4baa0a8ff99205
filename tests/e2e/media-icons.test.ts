import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseFiles, file } from './import-files';
import { sineWav } from './sine-wav';

/**
 * A word whose term plays a recording (on the front), whose answer plays one not chosen with the note ("Sound not
 * available") and shows a picture not chosen either (its placeholder): each of the three draws an icon.
 */
const NOTE = '# 영단어\n\n- **abandon** ![[abandon.wav]]: 버리다 ![[gone.wav]] ![[map.png|지도]]\n- **subtle**: 미묘한\n';

async function importNote(page: Page): Promise<void> {
	await chooseFiles(page, [file('영단어.md', NOTE, 'text/markdown'), file('abandon.wav', Buffer.from(sineWav(0.1)), 'audio/wav')]);
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible({ timeout: 15_000 });
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 15_000 });
}

/**
 * What is drawn of the icon in `owner`: whether it is an SVG hidden from screen readers, its size against the
 * text's, its stroke against the text's colour, and that colour's contrast with the nearest background under it.
 */
function iconOf(owner: Locator) {
	return owner.evaluate((element) => {
		const svg = element.querySelector('svg');
		const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
		const luminance = (colour: string) => {
			const [r = 0, g = 0, b = 0] = channels(colour).map((value) => value / 255);
			const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
			return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
		};
		let backdrop: Element | null = element;
		let background = 'rgba(0, 0, 0, 0)';
		for (; backdrop !== null; backdrop = backdrop.parentElement) {
			background = getComputedStyle(backdrop).backgroundColor;
			if ((channels(background)[3] ?? 1) > 0) break;
		}
		if (svg === null) return { svg: false };
		const style = getComputedStyle(svg);
		const [light, dark] = [luminance(style.stroke), luminance(background)].sort((a, b) => b - a) as [number, number];
		return {
			svg: svg.namespaceURI === 'http://www.w3.org/2000/svg',
			hidden: svg.getAttribute('aria-hidden'),
			size: Math.round((svg.getBoundingClientRect().height / parseFloat(getComputedStyle(element).fontSize)) * 100) / 100,
			strokeIsText: style.stroke === getComputedStyle(element).color,
			contrast: Math.round(((light + 0.05) / (dark + 0.05)) * 10) / 10
		};
	});
}

/** An icon as it should be: an SVG hidden from screen readers, about the size of the text, in the text's colour, which stands out from its background (3:1, WCAG's least for graphics). */
async function expectIcon(owner: Locator): Promise<void> {
	const icon = await iconOf(owner);
	expect(icon).toMatchObject({ svg: true, hidden: 'true', strokeIsText: true });
	expect(icon.size).toBeGreaterThanOrEqual(1);
	expect(icon.size).toBeLessThanOrEqual(1.3);
	expect(icon.contrast).toBeGreaterThanOrEqual(3);
}

for (const colorScheme of ['light', 'dark'] as const) {
	test(`a sound’s play button, a sound not on this device and a picture not on it draw SVG icons, not emoji, named as before (${colorScheme})`, async ({ page }, testInfo) => {
		test.setTimeout(60_000);
		await page.emulateMedia({ colorScheme });
		await importNote(page);
		await page.goto('/');
		await page.getByRole('link', { name: '영단어', exact: true }).click();
		await page.getByRole('link', { name: 'Study this deck' }).click();
		const showAnswer = page.getByRole('button', { name: 'Show answer' });
		await expect(showAnswer).toBeVisible();

		const play = page.getByRole('group', { name: 'Front' }).getByRole('button', { name: 'Play sound: abandon.wav' });
		await expect(play).toBeVisible();
		await expect(play).toHaveText('Play sound');
		await expectIcon(play);

		await showAnswer.click();
		const back = page.getByRole('group', { name: 'Back' });
		const missing = back.getByText('Sound not available: gone.wav', { exact: true });
		await expect(missing).toBeVisible();
		await expectIcon(missing);
		const picture = back.getByRole('img', { name: '지도' });
		await expect(picture).toBeVisible();
		await expectIcon(picture);

		// No emoji anywhere on the card, which would be an empty box where no emoji font is installed.
		expect(await page.locator('main').innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
		await page.screenshot({ path: testInfo.outputPath(`media-icons-${colorScheme}.png`), fullPage: true });
	});
}
