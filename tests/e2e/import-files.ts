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
