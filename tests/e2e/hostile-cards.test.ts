import { expect, test } from '@playwright/test';

/**
 * Known XSS payloads as the sides of imported cards, in HTML (as Anki and other
 * apps store them) and in Markdown. Each would set window.__xss, open a dialog,
 * navigate or fetch from evil.example if anything of it ran.
 */
const PAYLOADS = [
	'<script>window.__xss = "script"</script>',
	'<img src="x" onerror="window.__xss = \'onerror\'">',
	'<svg onload="window.__xss = \'svg\'"><circle r="5"/></svg>',
	'<svg><script>window.__xss = "svg-script"</script></svg>',
	'<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=\'mathml\'">',
	'<a href="javascript:window.__xss=\'link\'">click me</a>',
	'<a href="JaVaScRiPt:alert(1)">mixed case link</a>',
	'<iframe src="javascript:parent.__xss=\'iframe\'"></iframe>',
	'<iframe srcdoc="<script>parent.__xss=\'srcdoc\'</script>"></iframe>',
	'<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">',
	'<div style="background-image: url(https://evil.example/css.png)">styled</div>',
	'<style>body { background: url(https://evil.example/style.png) }</style>',
	'<object data="javascript:window.__xss=\'object\'"></object>',
	'<embed src="https://evil.example/embed.swf">',
	'<form action="https://evil.example/form"><button>send</button></form>',
	'<details open ontoggle="window.__xss=\'details\'">x</details>',
	'<img src="https://evil.example/pixel.png" srcset="https://evil.example/a.png 1x">',
	'<base href="https://evil.example/">',
	'<input autofocus onfocus="window.__xss=\'focus\'">',
	'<a href="data:text/html,<script>alert(1)</script>">data link</a>'
];

function card(index: number, side: string, format: 'html' | 'markdown') {
	return {
		id: `hostile:${format}-${index}`,
		deck: 'hostile',
		kind: 'basic',
		rule: 'imported',
		front: `Payload ${format} ${index + 1}: ${side}`,
		back: side,
		...(format === 'html' && { format }),
		path: [],
		tags: [],
		images: [],
		source: { file: 'hostile.json', line: index + 1 }
	};
}

const DECK_FILE = JSON.stringify({
	format: 'recall-deck',
	version: 1,
	decks: [
		{
			id: 'hostile',
			name: 'Hostile',
			tags: [],
			cards: [...PAYLOADS.map((side, index) => card(index, side, 'html')), ...PAYLOADS.map((side, index) => card(index, side, 'markdown'))]
		}
	]
});

test('imported cards carrying XSS payloads render as harmless content in the deck page and the study screen', async ({ page }) => {
	const dialogs: string[] = [];
	const evilRequests: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	page.on('request', (request) => {
		if (new URL(request.url()).hostname.endsWith('evil.example')) evilRequests.push(request.url());
	});
	await page.route('https://evil.example/**', (route) => route.fulfill({ status: 204 }));

	await page.goto('/import');
	await page.locator('input[type="file"]').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(DECK_FILE) });
	await expect(page.getByRole('heading', { name: 'Before importing' })).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: /Hostile: 40 cards/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hostile' })).toBeVisible();
	await expect(page.getByRole('article')).toHaveCount(40);

	const inspect = () =>
		page.evaluate(() => {
			const sides = [...document.querySelectorAll('.card-side')];
			const elements = sides.flatMap((side) => [...side.querySelectorAll('*')]);
			return {
				xss: (window as { __xss?: unknown }).__xss ?? null,
				// An SVG only as the app's own icon of a placeholder or a sound (render/icons.ts), made after sanitizing.
				forbidden: elements
					.filter((element) => /^(script|iframe|object|embed|meta|base|style|form|input|svg|math|link)$/i.test(element.tagName))
					.filter((element) => !element.matches(':is(.image-placeholder, .card-sound, .card-sound-missing) > svg.icon'))
					.map((element) => element.tagName),
				handlers: elements.flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on') || name === 'style' || name === 'srcdoc')),
				unsafeLinks: elements.filter((element) => element instanceof HTMLAnchorElement && !/^(https?:|mailto:|#|$)/i.test(element.getAttribute('href') ?? '')).map((element) => element.getAttribute('href')),
				url: location.pathname
			};
		});
	const onDeckPage = await inspect();
	expect(onDeckPage).toEqual({ xss: null, forbidden: [], handlers: [], unsafeLinks: [], url: '/deck/hostile' });

	// The study screen renders each side again: a session through every card.
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('40');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
	await page.goto('/study/hostile');
	for (let shown = 0; shown < 40; shown++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		const state = await inspect();
		expect(state).toEqual({ xss: null, forbidden: [], handlers: [], unsafeLinks: [], url: '/study/hostile' });
		await page.getByRole('button', { name: /^Easy/ }).click();
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	expect(dialogs).toEqual([]);
	// A plain https image is content a card may show (notes link remote images); any other request to
	// evil.example would have come from CSS url(), srcset, embed, meta refresh, base or a form.
	expect(evilRequests.filter((url) => !url.endsWith('/pixel.png'))).toEqual([]);
});
