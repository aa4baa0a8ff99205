import type { Page } from '@playwright/test';

/** The study page's way back, which a phone shows where the app's header steps aside for the card. */
export const leaveStudy = (page: Page) => page.getByRole('link', { name: 'Leave this session for your decks' });

/** A phone's study page has no app header (600px wide or less, or 500px high: +layout.svelte), only its own ← to the decks. */
const headerHidden = (page: Page) => {
	const size = page.viewportSize();
	return size !== null && (size.width <= 600 || size.height <= 500);
};

/** From the study page to the home page, as a person there goes: a phone's ←, a wider screen's Home in the header. */
export async function homeFromStudy(page: Page): Promise<void> {
	if (headerHidden(page)) await leaveStudy(page).click();
	else await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
}

/** From the study page to where the app's header is: on a phone, the decks; a wider screen has it beside the card. */
export async function toHeaderFromStudy(page: Page): Promise<void> {
	if (headerHidden(page)) await leaveStudy(page).click();
}
