import { expect, type Page } from '@playwright/test';

/** A file the test hands to the file picker, as a person would choose it. */
export function file(name: string, content: string | Buffer, mimeType = 'application/octet-stream') {
	return { name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content };
}

/** Opens the import page and chooses `files` in its picker. */
export async function chooseFiles(page: Page, files: ReturnType<typeof file>[]): Promise<void> {
	await page.goto('/import');
	await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
	await page.locator('input[type="file"]').setInputFiles(files);
}

/**
 * Holds the page's requests of `type` to the import worker until `release` is called, as a large file
 * would keep the page waiting on them. Call it before the page loads.
 */
export async function holdWorkerRequests(page: Page, type: string): Promise<{ release: () => Promise<void> }> {
	await page.addInitScript((held: string) => {
		const waiting: (() => void)[] = [];
		const post = Worker.prototype.postMessage;
		// The import page posts its requests alone, without transfers.
		Worker.prototype.postMessage = function (this: Worker, message: unknown) {
			if ((message as { type?: string }).type !== held) return post.call(this, message);
			waiting.push(() => post.call(this, message));
		};
		(window as unknown as { releaseHeld: () => void }).releaseHeld = () => waiting.splice(0).forEach((send) => send());
	}, type);
	return { release: () => page.evaluate(() => (window as unknown as { releaseHeld: () => void }).releaseHeld()) };
}
