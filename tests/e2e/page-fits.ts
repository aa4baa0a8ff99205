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
