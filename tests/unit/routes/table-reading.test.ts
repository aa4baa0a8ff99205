import { describe, expect, it } from 'vitest';
import '../../../src/lib/i18n/messages-import';
import type { TableSample } from '../../../src/lib/app/import-protocol';
import { formatMessage } from '../../../src/lib/i18n/format';
import type { Locale } from '../../../src/lib/i18n/locale';
import { delimiterChoices, delimiterLabel, mappingAfterReread, type Said } from '../../../src/routes/import/table-reading';

const said = ({ key, values }: Said, locale: Locale = 'en') => formatMessage(locale, key, values);

function table(columns: string[], suggested: TableSample['suggested']): TableSample {
	return { fileName: 'words.csv', columns, rows: [], rowCount: 0, suggested, warnings: [], delimiter: ',', hasHeader: false, html: false };
}

describe('the delimiters offered', () => {
	it('are the four detected ones, in English and Korean', () => {
		expect(delimiterChoices(',')).toEqual(['\t', ',', ';', '|']);
		expect(delimiterChoices('\t').map((delimiter) => said(delimiterLabel(delimiter)))).toEqual(['Tab', 'Comma ( , )', 'Semicolon ( ; )', 'Pipe ( | )']);
		expect(delimiterChoices('\t').map((delimiter) => said(delimiterLabel(delimiter), 'ko'))).toEqual(['탭', '쉼표 ( , )', '세미콜론 ( ; )', '세로 막대 ( | )']);
	});

	it('include the one a #separator: line named, when it is another', () => {
		expect(delimiterChoices(' ').map((delimiter) => said(delimiterLabel(delimiter)))).toEqual(['Tab', 'Comma ( , )', 'Semicolon ( ; )', 'Pipe ( | )', 'Space']);
		expect(said(delimiterLabel('~'))).toBe('“~”');
	});
});

describe('the mapping after the table is read again', () => {
	it('stays the learner’s while the columns are the same', () => {
		const before = table(['Column 1', 'Column 2', 'Column 3'], { front: 0, back: 1 });
		const after = table(['Column 1', 'Column 2', 'Column 3'], { front: 0, back: 1, tags: 2 });
		expect(mappingAfterReread(before, { front: 2, back: 0 }, after)).toEqual({ front: 2, back: 0 });
	});

	it('is what the new table suggests when its columns changed', () => {
		const before = table(['Column 1', 'Column 2'], { front: 0, back: 1 });
		const after = table(['Tags', 'Front', 'Back'], { front: 1, back: 2, tags: 0 });
		expect(mappingAfterReread(before, { front: 1, back: 0 }, after)).toEqual({ front: 1, back: 2, tags: 0 });
	});
});
