import { describe, expect, it } from 'vitest';
import '../../../src/lib/i18n/messages-import';
import type { TableSample } from '../../../src/lib/app/import-protocol';
import { parseDelimited } from '../../../src/lib/io/delimited';
import { cellLines, chosenMapping, columnTitle, delimiterChoices, delimiterLabel, mappingAfterReread } from '../../../src/routes/import/table-reading';

function table(columns: string[], suggested: TableSample['suggested']): TableSample {
	return { fileName: 'words.csv', columns, columnKinds: columns.map(() => 'named'), rows: [], rowCount: 0, suggested, warnings: [], delimiter: ',', hasHeader: false, html: false };
}

describe('the delimiters offered', () => {
	it('are the four detected ones, in English and Korean', () => {
		expect(delimiterChoices(',')).toEqual(['\t', ',', ';', '|']);
		expect(delimiterChoices('\t').map((delimiter) => delimiterLabel('en', delimiter))).toEqual(['Tab', 'Comma ( , )', 'Semicolon ( ; )', 'Pipe ( | )']);
		expect(delimiterChoices('\t').map((delimiter) => delimiterLabel('ko', delimiter))).toEqual(['탭', '쉼표 ( , )', '세미콜론 ( ; )', '세로 막대 ( | )']);
	});

	it('include the one a #separator: line named, when it is another', () => {
		expect(delimiterChoices(' ').map((delimiter) => delimiterLabel('en', delimiter))).toEqual(['Tab', 'Comma ( , )', 'Semicolon ( ; )', 'Pipe ( | )', 'Space']);
		expect(delimiterLabel('en', '~')).toBe('“~”');
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

describe('the mapping the Columns step’s choices make', () => {
	it('has tags and a deck column only where one is chosen (-1 is “(none)”)', () => {
		expect(chosenMapping(0, 1, -1, -1)).toEqual({ front: 0, back: 1 });
		expect(chosenMapping(1, 0, 2, 3)).toEqual({ front: 1, back: 0, tags: 2, deck: 3 });
		expect(chosenMapping(0, 1, -1, 0)).toEqual({ front: 0, back: 1, deck: 0 });
	});

	it('keeps the deck column of Recall’s table for spreadsheets, which the table suggests', () => {
		const sheet = parseDelimited(new TextEncoder().encode('\ufeffFront,Back,Tags,Deck\napple,사과,fruit,vocab\n'));
		const { front, back, tags = -1, deck = -1 } = sheet.suggested;
		expect(chosenMapping(front, back, tags, deck)).toEqual({ front: 0, back: 1, tags: 2, deck: 3 });
	});
});

describe('the columns’ names', () => {
	const titles = (text: string, locale: 'en' | 'ko') => {
		const table = parseDelimited(new TextEncoder().encode(text));
		return table.columns.map((_, index) => columnTitle(locale, table, index));
	};

	it('are made up in the page’s language when the file names none', () => {
		expect(titles('apple,사과\npear,배\n', 'en')).toEqual(['Column 1', 'Column 2']);
		expect(titles('apple,사과\npear,배\n', 'ko')).toEqual(['열 1', '열 2']);
		const anki = '#separator:tab\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\nG1\tBasic\tLang\t사과\tapple\tfood\n';
		expect(titles(anki, 'en')).toEqual(['GUID', 'Note type', 'Deck', 'Column 4', 'Column 5', 'Tags']);
		expect(titles(anki, 'ko')).toEqual(['GUID', '노트 유형', '덱', '열 4', '열 5', '태그']);
	});

	it('are the file’s own when it names them', () => {
		expect(titles('Front,Back\napple,사과\n', 'ko')).toEqual(['Front', 'Back']);
		expect(titles('#columns:Word,Meaning\n#tags column:3\napple,사과,food\n', 'ko')).toEqual(['Word', 'Meaning', '태그']);
	});
});

describe('a cell as the Columns step shows it', () => {
	it('is its lines: a quoted field’s line breaks, of any kind, are kept apart', () => {
		expect(cellLines('plain')).toEqual(['plain']);
		expect(cellLines('two\nlines')).toEqual(['two', 'lines']);
		expect(cellLines('dos\r\nmac\rend\n')).toEqual(['dos', 'mac', 'end', '']);
	});

	it('is cut after 80 characters, a line break counting as one', () => {
		const long = `${'a'.repeat(40)}\r\n${'b'.repeat(60)}`;
		expect(cellLines(long)).toEqual(['a'.repeat(40), `${'b'.repeat(39)}…`]);
		expect(cellLines('c'.repeat(80))).toEqual(['c'.repeat(80)]);
	});
});
