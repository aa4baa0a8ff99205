import { expect, type Locator, type Page } from '@playwright/test';

/** The page is no wider than the screen: nothing on it makes it pan sideways. */
export async function expectFits(page: Page, where: string): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `${where}: the page is wider than the screen`).toBeLessThanOrEqual(0);
}

/** The words of `scope`'s text that a line break splits (a word split over two lines has a box on each). */
export async function brokenWords(scope: Locator, allowed: (word: string) => boolean = () => false): Promise<string[]> {
	const broken = await scope.evaluateAll((elements) => {
		const found: string[] = [];
		for (const element of elements) {
			const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
				for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
					const range = document.createRange();
					range.setStart(node, word.index);
					range.setEnd(node, word.index + word[0].length);
					if (range.getClientRects().length > 1) found.push(word[0]);
				}
			}
		}
		return found;
	});
	return broken.filter((word) => !allowed(word));
}

/** Records the page's layout shifts from its first paint on; call before it loads, then read them with `layoutShifts`. */
export async function watchLayoutShifts(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const shifts: string[] = [];
		(window as unknown as { layoutShifts: string[] }).layoutShifts = shifts;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
				// A shift right after a tap or a key is the page answering it, not jumping by itself.
				if (entry.hadRecentInput) continue;
				const moved = (entry.sources ?? []).map(({ node }) => (node instanceof Element ? `${node.localName}${node.id ? `#${node.id}` : ''}.${[...node.classList].filter((name) => !name.startsWith('svelte-')).join('.')}` : '?'));
				shifts.push(`${entry.value.toFixed(4)}: ${moved.join(', ')}`);
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
}

/** The layout shifts seen since the page loaded (see `watchLayoutShifts`), one line each: how much, and what moved. */
export function layoutShifts(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts);
}

/** Waits for two frames to be drawn, after which the shifts of the last one have been reported. */
export async function afterNextFrames(page: Page): Promise<void> {
	await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
}

/** How many lines the text of the element takes: the distinct tops of its text's boxes. */
export function textLines(element: Locator): Promise<number> {
	return element.evaluate((node) => {
		const range = document.createRange();
		range.selectNodeContents(node);
		const tops: number[] = [];
		for (const rect of range.getClientRects()) {
			if (rect.width > 0 && !tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
		}
		return tops.length;
	});
}

/** What of the element's children reaches past its edges, by the child's text (empty when all fit inside it). */
export function overflowingChildren(element: Locator): Promise<string[]> {
	return element.evaluate((node) => {
		const box = node.getBoundingClientRect();
		return [...node.querySelectorAll('*')]
			.filter((child) => {
				const rect = child.getBoundingClientRect();
				return rect.width > 0 && (rect.left < box.left - 0.5 || rect.right > box.right + 0.5 || rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5);
			})
			.map((child) => child.textContent ?? '');
	});
}
