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
		const notice = say('file-empty', { name: 'a.csv' });
		expect(notice).toEqual({ code: 'file-empty', values: { name: 'a.csv' }, message: '“a.csv” is empty.' });
		expect(importNoticeText('en', notice)).toBe('“a.csv” is empty.');
		expect(importNoticeText('ko', notice)).toBe('“a.csv” 파일이 비어 있습니다.');
	});

	it('survives structured clone, as it crosses from the worker to the page', () => {
		const notice = say('notes-note-warning', { path: 'a.md', line: 3, warning: { code: 'note-empty', values: undefined, message: 'the note is empty' } });
		expect(structuredClone(notice)).toEqual(notice);
	});
});
