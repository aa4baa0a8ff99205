import { describe, expect, it } from 'vitest';
import { importNoticeText } from '../../../src/lib/i18n/notices';
import { delimitedToBundle, parseDelimited } from '../../../src/lib/io/delimited';
import { say } from '../../../src/lib/io/notices';
import { tableNotices } from '../../../src/lib/io/notices/table';
import { refusal } from '../io/refusal';
import { itSaysEverySample, type Samples } from './notice-samples';

const samples: Samples<typeof tableNotices> = {
	'table-too-large': [{ megabytes: 61.5, limitMegabytes: 50 }],
	'table-empty-file': [],
	'table-only-header-lines': [],
	'table-only-header-row': [],
	'table-single-field': [{ delimiter: ';' }],
	'table-bad-delimiter': [{ delimiter: '"' }],
	'table-mapping-out-of-range': [{ columns: 3 }],
	'table-same-columns': [],
	'table-no-cards': [{ rows: 12 }],
	'table-comment-line': [{ line: 4 }],
	'table-unknown-header': [{ line: 2, key: 'if matches' }],
	'table-unknown-separator': [{ line: 3, separator: 'nonsense' }],
	'table-html-not-boolean': [{ line: 5, value: 'maybe' }],
	'table-column-not-number': [{ line: 6, key: 'tags column', value: 'zero' }],
	'table-unclosed-quote': [{ line: 7 }],
	'table-long-quote': [{ from: 8, to: 71 }],
	'table-short-rows': [{ lines: [2, 9, 31], more: 0, columns: 3 }],
	'table-long-rows': [{ lines: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], more: 14, columns: 2 }],
	'table-note-types-ignored': [],
	'table-html-detected': [],
	'table-rows-without-sides': [{ lines: [4], more: 0 }],
	'table-export-images-left-out': [{ count: 3 }],
	'table-repeated-fronts': [{ lines: [11, 12], more: 0 }]
};

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('table notices', () => {
	itSaysEverySample(tableNotices, samples);

	it('Korean sizes keep one decimal, as the English', () => {
		const notice = say('table-too-large', { megabytes: 50.04, limitMegabytes: 50 });
		expect(notice.message).toMatch(/^This file is 50\.0 MB;/);
		expect(importNoticeText('ko', notice)).toMatch(/^이 파일은 50\.0 MB입니다/);
	});

	it('an empty file is refused in Korean', () => {
		const error = refusal(() => parseDelimited(utf8(' \n\n')));
		expect(error.notice.code).toBe('table-empty-file');
		expect(importNoticeText('ko', error.notice)).toBe('파일이 비어 있습니다.');
	});

	it('a file of one column names its delimiter in Korean', () => {
		const error = refusal(() => parseDelimited(utf8('apple\nbanana\ncherry\n')));
		expect(error.notice).toMatchObject({ code: 'table-single-field', values: { delimiter: ',' } });
		expect(importNoticeText('ko', error.notice)).toMatch(/^이 파일의 모든 줄이 필드 하나뿐입니다\(구분자: 쉼표\(,\)\)/);
	});

	it('a file of header lines only, and rows without a back, in Korean', () => {
		expect(refusal(() => parseDelimited(utf8('#separator:tab\n#html:false\n'))).notice.code).toBe('table-only-header-lines');
		const table = parseDelimited(utf8('a,\nb,\nc,\n'));
		const error = refusal(() => delimitedToBundle(table, { front: 0, back: 1 }, { deckName: 'D', fileName: 'd.csv' }));
		expect(error.notice).toMatchObject({ code: 'table-no-cards', values: { rows: 3 } });
		expect(importNoticeText('ko', error.notice)).toContain('3행');
	});

	it('header-line and ragged-row warnings carry their lines into Korean', () => {
		const table = parseDelimited(utf8('# a comment\n#tags column:zero\ncat,animal,pet\ndog,animal\nfish,animal,pet\n'));
		expect(table.warnings.map((warning) => warning.code)).toEqual(['table-comment-line', 'table-column-not-number', 'table-short-rows']);
		expect(table.warnings.map((warning) => importNoticeText('ko', warning))).toEqual([
			'1번째 줄은 #으로 시작해서 주석으로 읽었습니다.',
			'2번째 줄: “#tags column:zero”의 값이 열 번호(1, 2, 3, …)가 아니어서 무시했습니다.',
			'4번째 줄: 필드가 열 3개보다 적어서 모자란 칸은 비워 두었습니다.'
		]);
		const bundle = delimitedToBundle(parseDelimited(utf8('a,1\na,2\nb,\n')), { front: 0, back: 1 }, { deckName: 'D', fileName: 'd.csv' });
		expect(bundle.warnings.map((warning) => importNoticeText('ko', warning))).toEqual([
			'3번째 줄: 앞면이나 뒷면이 없어서 건너뛰었습니다.',
			'2번째 줄: 같은 덱에 앞면이 같은 행이 위에 있습니다. 두 카드를 모두 둡니다.'
		]);
	});

	it('warnings cross to the page as plain data', () => {
		const table = parseDelimited(utf8('x,y\n"open,1\n'));
		expect(structuredClone(table.warnings)).toEqual(table.warnings);
	});
});
