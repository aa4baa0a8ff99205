import type { Page } from '@playwright/test';

// The notes' images live on other sites, and the tests run offline: answer for those sites
// with a 1×1 PNG, so that a failed download is not mistaken for an error of the app.
export const PIXEL = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
	'base64'
);

/** Serves other sites' images as a pixel, and collects the page's errors for a test to assert none. */
export async function collectErrors(page: Page, baseURL: string | undefined): Promise<string[]> {
	await page.route(
		(url) => baseURL === undefined || url.origin !== new URL(baseURL).origin,
		(route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL })
	);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	return errors;
}
