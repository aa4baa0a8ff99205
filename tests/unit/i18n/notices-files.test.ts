import { describe, expect, it } from 'vitest';
import { importNoticeText } from '../../../src/lib/i18n/notices';
import { ImportError } from '../../../src/lib/io/bundle';
import { ACCEPTED_EXTENSIONS } from '../../../src/lib/io/detect';
import { say } from '../../../src/lib/io/notices';
import { fileNotices } from '../../../src/lib/io/notices/files';
import { mergeNotices } from '../../../src/lib/io/notices/merge';
import { readImportFiles } from '../../../src/lib/io/read-import';
import { gzip } from '../../../src/lib/io/gzip';
import { itSaysEverySample, type Samples } from './notice-samples';

const MB = 1024 * 1024;

describe('file notices in both languages', () => {
	const samples: Samples<typeof fileNotices> = {
		'file-none-chosen': [],
		'file-empty': [{ name: '노트.md' }],
		'file-too-large': [{ name: 'big.apkg', bytes: 250 * MB, maxBytes: 200 * MB }],
		'file-not-package': [{ name: 'deck.apkg' }],
		'file-not-collection': [{ name: 'collection.anki2' }],
		'file-not-zip': [{ name: 'notes.zip' }],
		'file-unknown-kind': [{ name: 'photo.heic', extensions: ['.apkg', '.csv'] }],
		'file-images-without-note': [{ names: ['빨강.png', 'leaf.jpg'] }],
		'file-several-not-notes': [{ names: ['words.csv', 'backup.json'] }],
		'file-not-gzip': [{ name: 'backup.json.gz' }],
		'file-backup-not-utf8': [{ name: 'backup.json' }],
		'file-gzip-too-large': [{ name: 'bomb.json.gz', maxBytes: 512 * MB }],
		'file-gzip-damaged': [{ name: 'backup.json.gz', reason: 'invalid block type' }],
		'file-gzip-cut-short': [{ name: 'backup.json.gz' }],
		'file-refused': [{ name: 'truncated.apkg', reason: say('zip-damaged', { reason: 'unexpected EOF' }) }],
		'file-warning': [{ name: 'music.apkg', warning: say('anki-videos', { count: 2 }) }],
		'file-none-readable': [{ refusals: [say('file-not-package', { name: 'a.apkg' }), say('file-refused', { name: 'b.anki2', reason: say('anki-not-sqlite') })] }],
		'file-left-out': [{ refusal: say('file-no-cards', { name: 'media.apkg', problems: [] }) }],
		'file-no-cards': [{ name: 'media.apkg', problems: [say('anki-videos', { count: 2 })] }],
		'zip-not-zip': [],
		'zip-damaged': [{ reason: 'unexpected EOF' }],
		'zip-too-large': [{ maxBytes: 512 * MB, maxEntries: 20000 }]
	};
	// Sizes in bytes are said in megabytes.
	itSaysEverySample(fileNotices, samples, new Set(['bytes', 'maxBytes']));
});

describe('merge notices in both languages', () => {
	itSaysEverySample(mergeNotices, {
		'merge-orphan-reviews': [{ count: 12 }],
		'merge-table-front-ambiguous': [{ count: 2 }],
		'merge-note-cards-kept': [{ count: 5 }],
		'merge-cloze-cards-kept': [{ count: 2 }],
		'merge-newer-edit-kept': [{ count: 3 }],
		'merge-unknown-setting': [{ key: 'theme' }],
		'merge-export-image-missing': [{ src: 'Coracobrachialis.JPG' }],
		'merge-export-sound-missing': [{ name: 'word.mp3' }],
		'merge-export-cards-without-deck': [{ count: 3 }]
	});
});

/** What `files` are refused with, as the import page would show it in Korean. */
async function refusal(files: { name: string; bytes: Uint8Array }[]): Promise<ImportError> {
	const error = await readImportFiles(files, { loadSql: () => Promise.reject(new Error('no SQLite needed')) }).catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(ImportError);
	return error as ImportError;
}

describe('real refusals, in Korean', () => {
	it('an empty file', async () => {
		const error = await refusal([{ name: '단어장.csv', bytes: new Uint8Array() }]);
		expect(error.notice.code).toBe('file-empty');
		expect(importNoticeText('ko', error.notice)).toBe('“단어장.csv” 파일이 비어 있습니다.');
	});

	it('a file of a kind Recall does not read names the kinds it does', async () => {
		const error = await refusal([{ name: 'photo.heic', bytes: new Uint8Array([1, 2, 3]) }]);
		expect(error.notice.code).toBe('file-unknown-kind');
		const korean = importNoticeText('ko', error.notice);
		expect(korean).toContain('photo.heic');
		for (const extension of ACCEPTED_EXTENSIONS) expect(korean).toContain(extension);
	});

	it('a gzip file cut short', async () => {
		const whole = gzip(new TextEncoder().encode('{"format":"recall-backup"}'.repeat(100)));
		const error = await refusal([{ name: 'backup.json.gz', bytes: whole.subarray(0, whole.length - 6) }]);
		expect(error.notice.code).toMatch(/^file-gzip-(cut-short|damaged)$/);
		expect(importNoticeText('ko', error.notice)).toMatch(/^“backup\.json\.gz” 파일은 (끝이 잘린|손상된) gzip 파일입니다/);
	});
});
