import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { ownDeckWithCard } from './own-deck';
import { PIXEL } from './page-errors';
import { leaveStudy } from './leave-study';

// The offline app is what these tests are about: let its service worker run.
test.use({ serviceWorkers: 'allow' });

const STUDY_URL = `/study/${encodeURIComponent('aws-기초')}`;
// The seed deck's first day: 22 cards, 7 of them held back as siblings of a list card the same day shows.
const SEED_FIRST_DAY_NEW = 15;

/** Other sites' images, as the service worker fetches them: a pixel while online. */
async function serveRemoteImages(context: BrowserContext, baseURL: string): Promise<void> {
	const origin = new URL(baseURL).origin;
	await context.route((url) => url.origin !== origin, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
}

async function waitUntilOffline(page: Page): Promise<void> {
	await expect(page.getByRole('status').filter({ hasText: 'Recall is ready to work offline.' })).toBeVisible({ timeout: 15_000 });
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after the first visit the whole app opens and works with no network, and keeps every answer', async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'studying offline on a phone is the case this covers; one project is enough');
	await serveRemoteImages(context, baseURL as string);
	await page.goto('/');
	await waitUntilOffline(page);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('link', { name: 'Study AWS 기초' })).toBeVisible();

	// Every page, from a deep link too.
	await page.getByRole('link', { name: 'AWS 기초', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'AWS 기초' })).toBeVisible();
	await expect(page.getByRole('article').first()).toBeVisible();
	await page.getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goto(STUDY_URL);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();

	for (let answered = 1; answered <= 3; answered++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good/ }).click();
		await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(answered));
		await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	}
	await page.reload();
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
	await expect(page.getByText(`3 / ${SEED_FIRST_DAY_NEW}`, { exact: true })).toBeVisible();
});

/** None of `controls` lies under `notice`. */
async function expectNotUnder(notice: Locator, controls: Locator): Promise<void> {
	const noticeBox = await notice.boundingBox();
	expect(noticeBox).not.toBeNull();
	for (const control of await controls.all()) {
		const box = await control.boundingBox();
		expect(box, await control.innerText()).not.toBeNull();
		if (box === null || noticeBox === null) return;
		const apart =
			box.x + box.width <= noticeBox.x ||
			noticeBox.x + noticeBox.width <= box.x ||
			box.y + box.height <= noticeBox.y ||
			noticeBox.y + noticeBox.height <= box.y;
		expect(apart, `the notice covers ${await control.innerText()}`).toBe(true);
	}
}

test('the offline-ready notice covers neither the study page’s way out nor the answer buttons, and the way out and the navigation work while it shows', async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a phone screen is where the notice has the least room; one project is enough');
	await serveRemoteImages(context, baseURL as string);
	await page.goto(STUDY_URL);
	const notice = page.getByRole('status').filter({ hasText: 'Recall is ready to work offline.' });
	await expect(notice).toBeVisible({ timeout: 15_000 });

	// One row, its text beside its button: it covers as little of the card as it can.
	expect((await notice.boundingBox())?.height).toBeLessThanOrEqual(80);
	const navigation = page.getByRole('navigation');
	const expectUncovered = (controls: Locator) => expectNotUnder(notice, controls);
	// The study page's own way out, where a phone's study page has no app header.
	await expectUncovered(leaveStudy(page));
	await expectUncovered(page.getByRole('button', { name: 'Show answer' }));
	await page.getByRole('button', { name: 'Show answer' }).click();
	await expectUncovered(page.getByRole('button', { name: /^(Again|Hard|Good|Easy)/ }));

	await expect(notice).toBeVisible();
	await leaveStudy(page).click();
	await expect(page).toHaveURL('/');
	await expect(notice).toBeVisible();
	await expectUncovered(navigation.getByRole('link'));
	await navigation.getByRole('link', { name: 'Browse' }).click();
	await expect(page).toHaveURL('/browse');
	await expect(page.getByRole('heading', { level: 1, name: 'Browse cards' })).toBeVisible();
});

test('on a short screen (zoomed to 200%) the offline-ready notice leaves the card’s front, the way back and Show answer uncovered', async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the notice’s place is the same in both projects; one is enough');
	await serveRemoteImages(context, baseURL as string);
	await page.setViewportSize({ width: 640, height: 400 });
	await page.goto(STUDY_URL);
	const notice = page.getByRole('status').filter({ hasText: 'Recall is ready to work offline.' });
	await expect(notice).toBeVisible({ timeout: 15_000 });
	await expectNotUnder(notice, page.getByRole('group', { name: 'Front' }));
	// The app's header steps aside for the card on a short screen (+layout.svelte): the page's own bar leads away.
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expectNotUnder(notice, leaveStudy(page));
	await expectNotUnder(notice, page.getByRole('button', { name: 'Show answer' }));
});

test('on a 320 px phone the offline-ready notice leaves nothing out of reach, and comes after the skip link', async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a phone screen is where the notice has the least room; one project is enough');
	await serveRemoteImages(context, baseURL as string);
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/');
	const notice = page.getByRole('status').filter({ hasText: 'Recall is ready to work offline.' });
	await expect(notice).toBeVisible({ timeout: 15_000 });
	// The skip link comes first, the notice's button after it.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(notice.getByRole('button', { name: 'OK' })).toBeFocused();
	// It sits over a deck's Study button; scrolled to the end, nothing is under it, down to the page's last line.
	await expect(page.getByRole('main').getByRole('link', { name: 'AWS 기초', exact: true })).toBeVisible();
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
	await expectNotUnder(notice, page.getByText('Cards are scheduled with SuperMemo’s SM-2 algorithm.'));
	await expectNotUnder(notice, page.getByRole('main').getByRole('link', { name: 'New deck' }));
});

test('the manifest is complete, and Chromium finds the app installable', async ({ baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'installability does not depend on the viewport; one project is enough');
	const manifest = await (await fetch(new URL('/manifest.webmanifest', baseURL))).json();
	expect(manifest).toMatchObject({ name: expect.any(String), short_name: 'Recall', start_url: '/', scope: '/', display: 'standalone' });
	for (const icon of manifest.icons as { src: string; sizes: string }[]) {
		const response = await fetch(new URL(icon.src, baseURL));
		expect(response.headers.get('content-type'), icon.src).toBe('image/png');
	}
	expect((manifest.icons as { purpose: string }[]).some((icon) => icon.purpose === 'maskable')).toBe(true);
	// Shared and opened files land on the import page (Web Share Target, File Handling).
	expect(manifest.share_target).toMatchObject({ action: '/import/share', method: 'POST', enctype: 'multipart/form-data' });
	expect(manifest.share_target.params.files[0].accept).toContain('.apkg');
	expect(manifest.file_handlers[0]).toMatchObject({ action: '/import' });

	// Installability is judged in a profile of its own: Chromium never offers to install from an incognito one.
	const profile = mkdtempSync(join(tmpdir(), 'recall-install-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(baseURL as string);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test("the built-in deck shows its images offline from the first visit; the image of a card of one's own shows offline once seen online, its alt text before", async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'the image caches do not depend on the viewport; one project is enough');
	await serveRemoteImages(context, baseURL as string);
	// The first visit is the home page alone: no card of the built-in deck is ever shown online.
	await page.goto('/');
	await waitUntilOffline(page);
	const loaded = (image: Locator) => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0);

	// Offline for real: nothing but the service worker's caches answers now.
	await context.unrouteAll();
	await context.setOffline(true);
	await page.goto(`/deck/${encodeURIComponent('aws-기초')}`);
	const regionMap = page.locator('img[src*="7451729d"]');
	await regionMap.scrollIntoViewIfNeeded();
	await expect.poll(() => loaded(regionMap)).toBe(true);
	const steps = page.getByRole('article').filter({ hasText: 'AWS 사용 예시' });
	await steps.scrollIntoViewIfNeeded();
	const stepShot = steps.locator('img[src*="bc954eb3"]');
	await expect(stepShot).toHaveCount(1);
	await expect.poll(() => loaded(stepShot)).toBe(true);

	// A card of one's own, written offline: its image was never seen, so its alt text stands in for it.
	const card = { front: '리전 지도', back: '![서울 리전](https://images.example.com/seoul.png)' };
	await ownDeckWithCard(page, '내 지도', card);
	await page.getByRole('link', { name: 'Back to the deck' }).click();
	await expect(page.getByRole('img', { name: '서울 리전' }).filter({ hasText: '서울 리전' })).toBeVisible();
	await expect(page.locator('img[src*="seoul.png"]')).toHaveCount(0);

	// Seen once online, it shows offline too.
	await context.setOffline(false);
	await serveRemoteImages(context, baseURL as string);
	await page.reload();
	const seoul = page.locator('img[src*="seoul.png"]');
	await expect.poll(() => loaded(seoul)).toBe(true);
	await context.unrouteAll();
	await context.setOffline(true);
	await page.reload();
	await expect.poll(() => loaded(seoul)).toBe(true);
});

test('a new version shows an update prompt; Later keeps the session going, Update reloads into it with the data intact', async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'updates do not depend on the viewport; one project is enough');
	await serveRemoteImages(context, baseURL as string);
	await page.goto(STUDY_URL);
	await waitUntilOffline(page);
	const answerGood = async (answered: number) => {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good/ }).click();
		await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(answered));
		await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	};
	await answerGood(1);

	// A new version is deployed (for this browser only: see scripts/serve.mjs --test-switches).
	const fetched: string[] = [];
	context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
	await context.addCookies([{ name: 'recall-test-sw-version', value: 'v2', url: baseURL as string }]);
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	const prompt = page.getByRole('alertdialog', { name: 'Update available.' });
	await expect(prompt).toBeVisible({ timeout: 15_000 });
	// The new version fetched the files without hashed names; the hashed ones came from the old cache.
	expect(fetched).toContain('/');
	expect(fetched.filter((path) => path.startsWith('/_app/immutable/'))).toEqual([]);

	// Drawn as the app's other buttons are: Update filled with the accent, Later outlined in it, both bold.
	const look = (name: string) =>
		prompt.getByRole('button', { name }).evaluate((button) => {
			const style = getComputedStyle(button);
			return { weight: Number(style.fontWeight), text: style.color, border: style.borderTopColor, fill: style.backgroundColor };
		});
	const [update, later] = [await look('Update'), await look('Later')];
	expect(update.fill).toBe(later.border);
	expect(later.text).toBe(later.border);
	expect(Math.min(update.weight, later.weight)).toBeGreaterThanOrEqual(600);
	await prompt.getByRole('button', { name: 'Later' }).click();
	await expect(prompt).toBeHidden();
	await answerGood(2);

	// The waiting version asks again on the next load; accepting reloads into it.
	await page.reload();
	await expect(prompt).toBeVisible({ timeout: 15_000 });
	const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
	const reloaded = page.waitForEvent('load');
	await prompt.getByRole('button', { name: 'Update' }).click();
	await reloaded;
	await expect(prompt).toBeHidden();
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(before);
	const active = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting === null);
	expect(active).toBe(true);
	// The old version's cache is gone; the new one holds the app.
	const appCaches = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('recall-app-')));
	expect(appCaches).toHaveLength(1);
	expect(appCaches[0]).toMatch(/-v2$/);
	await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
	await answerGood(3);
});

test('Update reloads into the new version in the tab the app was first installed from, never reloaded since', async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'updates do not depend on the viewport; one project is enough');
	await serveRemoteImages(context, baseURL as string);
	// A first visit: the page registered the service worker with none controlling it.
	await page.goto('/');
	await waitUntilOffline(page);

	await context.addCookies([{ name: 'recall-test-sw-version', value: 'v2', url: baseURL as string }]);
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	const prompt = page.getByRole('alertdialog', { name: 'Update available.' });
	await expect(prompt).toBeVisible({ timeout: 15_000 });
	const reloaded = page.waitForEvent('load');
	await prompt.getByRole('button', { name: 'Update' }).click();
	await reloaded;
	const appCaches = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('recall-app-')));
	expect(appCaches).toEqual([expect.stringMatching(/-v2$/)]);
	await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
});

test('Update on a page with unsaved text: staying keeps the text and asks for the reload again, which then finishes the update', async ({ page, context, baseURL }, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'updates do not depend on the viewport; one project is enough');
	await serveRemoteImages(context, baseURL as string);
	await page.goto('/');
	await waitUntilOffline(page);
	await ownDeckWithCard(page, 'Mid-update', { front: 'Capital of Korea', back: 'Seoul' });
	const front = page.getByRole('textbox', { name: 'Front' });
	await front.fill('Capital of Japan');

	await context.addCookies([{ name: 'recall-test-sw-version', value: 'v2', url: baseURL as string }]);
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	const prompt = page.getByRole('alertdialog', { name: 'Update available.' });
	await expect(prompt).toBeVisible({ timeout: 15_000 });
	// The browser asks before dropping the unsaved text; the person stays.
	const stayed = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
	await prompt.getByRole('button', { name: 'Update' }).click();
	expect(await stayed).toBe('beforeunload');
	const again = page.getByRole('alertdialog', { name: 'Reload to finish the update.' });
	await expect(again).toBeVisible();
	await expect(front).toHaveValue('Capital of Japan');

	// Asked again, the person leaves: the page reloads into the new version.
	const left = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.accept().then(() => resolve(dialog.type()))));
	const reloaded = page.waitForEvent('load');
	await again.getByRole('button', { name: 'Reload' }).click();
	expect(await left).toBe('beforeunload');
	await reloaded;
	await expect(page.getByRole('heading', { level: 1, name: 'Add cards to Mid-update' })).toBeVisible();
	await expect(again).toBeHidden();
	await expect(prompt).toBeHidden();
	const appCaches = await page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('recall-app-')));
	expect(appCaches).toEqual([expect.stringMatching(/-v2$/)]);
});
