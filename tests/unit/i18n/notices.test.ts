import { describe, expect, it } from 'vitest';
import { importNoticeAreas, say } from '../../../src/lib/io/notices';
import { importNoticeText } from '../../../src/lib/i18n/notices';

describe('import notices', () => {
	it('no code is in two areas (spreading them into one catalog would hide one)', () => {
		const seen = new Map<string, string>();
		for (const [area, catalog] of Object.entries(importNoticeAreas)) {
			for (const code of Object.keys(catalog)) {
				expect(seen.get(code), `${code} is in ${seen.get(code)} and ${area}`).toBeUndefined();
				seen.set(code, area);
			}
		}
	});

	it('English is the sentence the notice was made with', () => {
		const notice = say('legacy', { text: 'A sentence.' });
		expect(notice).toEqual({ code: 'legacy', values: { text: 'A sentence.' }, message: 'A sentence.' });
		expect(importNoticeText('en', notice)).toBe('A sentence.');
	});

	it('survives structured clone, as it crosses from the worker to the page', () => {
		const notice = say('legacy', { text: 'x' });
		expect(structuredClone(notice)).toEqual(notice);
	});
});
