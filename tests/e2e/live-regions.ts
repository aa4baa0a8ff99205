import type { Page } from '@playwright/test';

/**
 * How many live regions (a status, an alert, a log, an `aria-live` box) hold `text` now: a message in two is heard
 * twice, and one that takes focus as well is read there too.
 */
export function liveRegionsHolding(page: Page, text: string): Promise<number> {
	return page.evaluate(
		(said) =>
			[...document.querySelectorAll('[role=status], [role=alert], [role=log], [aria-live]:not([aria-live=off])')].filter((region) => (region.textContent ?? '').includes(said))
				.length,
		text
	);
}
