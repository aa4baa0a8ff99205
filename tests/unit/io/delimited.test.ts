import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/io/bundle';
import { refuse } from '../../../src/lib/io/notices';
import { csvCardId, deckToDelimited, delimitedToBundle, MAX_DELIMITED_BYTES, parseDelimited } from '../../../src/lib/io/delimited';
import { lineList, listLines } from '../../../src/lib/io/notices/table';
import type { Card } from '../../../src/lib/notes/deck-format';
import { deckSchema } from '../../../src/lib/notes/deck-format';
import { cardSideExportHtml } from '../../../src/lib/render/markdown';
import { packageMediaNames } from '../../../src/lib/io/anki/note-fields';

/** The export worker's renderer. */
const renderSide = cardSideExportHtml;

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
function utf16(text: string, bigEndian: boolean): Uint8Array {
	const bytes = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (bigEndian) bytes.push(code >> 8, code & 0xff);
		else bytes.push(code & 0xff, code >> 8);
	}
	return new Uint8Array(bytes);
}

const parse = (text: string, options = {}) => parseDelimited(utf8(text), options);
function cards(text: string, deckName = 'Words') {
	const table = parse(text);
	return delimitedToBundle(table, table.suggested, { deckName, fileName: 'words.csv' });
}
const sides = (card: Card) => [card.front, card.back];

describe('decoding', () => {
	const text = '앞면,뒷면\n사과,apple\n';
	const expected = [['사과', 'apple']];
	it('reads UTF-8 with and without a byte order mark', () => {
		expect(parse(text).rows).toEqual(expected);
		const table = parseDelimited(withBom(text));
		expect(table.rows).toEqual(expected);
		expect(table.columns).toEqual(['앞면', '뒷면']);
	});

	it('reads UTF-16 little- and big-endian with a byte order mark', () => {
		expect(parseDelimited(utf16(text, false)).rows).toEqual(expected);
		expect(parseDelimited(utf16(text, true)).rows).toEqual(expected);
		expect(parseDelimited(utf16('Hello\tworld', true)).rows).toEqual([['Hello', 'world']]);
	});

	it('reads EUC-KR (Korean Excel) with a warning', () => {
		// "사과,apple" in EUC-KR.
		const table = parseDelimited(new Uint8Array([0xbb, 0xe7, 0xb0, 0xfa, 0x2c, 0x61, 0x70, 0x70, 0x6c, 0x65]));
		expect(table.rows).toEqual([['사과', 'apple']]);
		expect(table.warnings.map((warning) => warning.message).join(' ')).toMatch(/EUC-KR/);
	});

	it('refuses an empty file, binary garbage and invalid text with clear messages', () => {
		expect(() => parseDelimited(new Uint8Array())).toThrow(refuse('table-empty-file'));
		expect(() => parse(' \n\r\n\t\n')).toThrow('The file is empty.');
		const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
		expect(() => parseDelimited(garbage)).toThrow(/not a text file/);
		expect(() => parseDelimited(new Uint8Array([0x41, 0x2c, 0xff, 0xfe, 0xfd, 0x42]))).toThrow(/not UTF-8 text/);
	});

	it('refuses a file over 50 MB before reading it', () => {
		const huge = new Uint8Array(MAX_DELIMITED_BYTES + 1);
		expect(() => parseDelimited(huge)).toThrow(/50\.0 MB.*up to 50 MB/);
		expect(() => parseDelimited(huge)).toThrow(ImportError);
	});

	// Its speed is no assertion here (benchmarks measure speed); a parser gone quadratic would outlast the test's timeout.
	it('reads a large file, every row', () => {
		const rows = Array.from({ length: 100_000 }, (_, i) => `word ${i},"meaning ${i}, with a comma",tag${i % 7}`);
		const bytes = utf8(`front,back,tags\n${rows.join('\n')}\n`);
		const table = parseDelimited(bytes);
		const bundle = delimitedToBundle(table, table.suggested, { deckName: 'Big', fileName: 'big.csv' });
		expect(bundle.decks[0]!.cards).toHaveLength(100_000);
		expect(bundle.decks[0]!.cards[99_999]).toMatchObject({ front: 'word 99999', back: 'meaning 99999, with a comma', tags: ['tag4'] });
	});
});

describe('delimiter detection', () => {
	it('finds tab, comma, semicolon and pipe', () => {
		expect(parse('a\tb\nc\td\n').delimiter).toBe('\t');
		expect(parse('a,b\nc,d\n').delimiter).toBe(',');
		expect(parse('a;b\nc;d\n').delimiter).toBe(';');
		expect(parse('a|b\nc|d\n').delimiter).toBe('|');
	});

	it('picks the delimiter that splits rows most consistently', () => {
		// Commas in the answers, tabs between the columns.
		const tsv = 'cat\ta small animal, furry\ndog\tloyal, barks, runs\nfish\tswims\n';
		expect(parse(tsv).delimiter).toBe('\t');
		// Semicolons in a few answers of a comma-separated file.
		const csv = 'one,first; also alone\ntwo,second\nthree,third\n';
		expect(parse(csv).delimiter).toBe(',');
		// Semicolons between columns, commas in some answers.
		expect(parse('Pi;3,14159\nE;2.718\nPhi;1.618\n').delimiter).toBe(';');
	});

	it('ignores delimiters inside quotes', () => {
		const table = parse('"a, b, c";x\n"d, e";y\n"f";z\n');
		expect(table.delimiter).toBe(';');
		expect(table.rows).toEqual([
			['a, b, c', 'x'],
			['d, e', 'y'],
			['f', 'z']
		]);
	});

	it('takes an explicit delimiter over detection', () => {
		expect(parse('a,b;c\n', { delimiter: ';' }).rows).toEqual([['a,b', 'c']]);
		expect(() => parse('a,b\n', { delimiter: '""' })).toThrow(ImportError);
	});

	it('reads a semicolon table whose answers hold commas as the learner chooses, header row included', () => {
		// Every row splits in two at its comma as well as at its semicolon: the tie goes to the comma.
		const text = 'Word;Meaning, roughly\napple;사과, 능금\npear;배, 서양배\n';
		expect(parse(text)).toMatchObject({ delimiter: ',', hasHeader: false, columns: ['Column 1', 'Column 2'] });
		// Chosen in the Columns step: the header is detected again for the new split.
		expect(parse(text, { delimiter: ';' })).toMatchObject({
			delimiter: ';',
			hasHeader: true,
			columns: ['Word', 'Meaning, roughly'],
			rows: [
				['apple', '사과, 능금'],
				['pear', '배, 서양배']
			],
			suggested: { front: 0, back: 1 }
		});
		// A choice overrides the file's own #separator: line too.
		expect(parse('#separator:comma\na;b,c\n', { delimiter: ';' }).rows).toEqual([['a', 'b,c']]);
	});

	it('refuses a file of one column', () => {
		expect(() => parse('apple\nbanana\ncherry\n')).toThrow(/single field.*two columns/);
	});
});

describe('quoting', () => {
	it('reads RFC 4180 quotes: delimiters, doubled quotes and line breaks inside', () => {
		const table = parse('"say ""hi""","one, two"\r\n"line 1\r\nline 2",plain\r\n"",empty front\r\n');
		expect(table.rows).toEqual([
			['say "hi"', 'one, two'],
			['line 1\r\nline 2', 'plain'],
			['', 'empty front']
		]);
		expect(table.lineNumbers).toEqual([1, 2, 4]);
	});

	it('keeps text after a closing quote, and a quote inside an unquoted field', () => {
		expect(parse('"a" b,c\nd"e,f\n').rows).toEqual([
			['a b', 'c'],
			['d"e', 'f']
		]);
	});

	it('reads a quote that never closes as a plain character, with a warning', () => {
		const table = parse('a,b\n"c,d\ne,f\n');
		expect(table.rows).toEqual([
			['a', 'b'],
			['"c', 'd'],
			['e', 'f']
		]);
		expect(table.warnings.map((warning) => warning.message)).toContain('Line 2 opens a quote (") that never closes; it was read as a plain character.');
	});

	it('warns about a quoted field spanning many lines', () => {
		const lines = Array.from({ length: 60 }, (_, i) => `q${i},a${i}`);
		const table = parse(`"stray,x\n${lines.join('\n')}\nend",y\n`);
		expect(table.warnings.map((warning) => warning.message).join(' ')).toMatch(/quoted field runs from line 1 to line 62/);
	});

	it('skips blank lines and rows of empty fields', () => {
		const table = parse('a,b\n\n,\n\r\nc,d\n');
		expect(table.rows).toEqual([
			['a', 'b'],
			['c', 'd']
		]);
		expect(table.lineNumbers).toEqual([1, 5]);
	});
});

describe('header detection', () => {
	it('knows common column names, in English and Korean', () => {
		expect(parse('Front,Back,Tags\na,b,t\n')).toMatchObject({ hasHeader: true, columns: ['Front', 'Back', 'Tags'], suggested: { front: 0, back: 1, tags: 2 } });
		expect(parse('Question;Answer\na;b\n')).toMatchObject({ hasHeader: true, rows: [['a', 'b']] });
		expect(parse('태그\t앞면\t뒷면\nx\t사과\tapple\n')).toMatchObject({ hasHeader: true, suggested: { front: 1, back: 2, tags: 0 } });
		expect(parse('단어,뜻,예문\n사과,apple,사과를 먹다\n').suggested).toEqual({ front: 0, back: 1 });
	});

	it('sees a row of text over a column of numbers as a header', () => {
		expect(parse('Element,Atomic number\nHydrogen,1\nHelium,2\nLithium,3\n').hasHeader).toBe(true);
	});

	it('takes a first row of cards as cards', () => {
		const table = parse('apple,사과\nbanana,바나나\n');
		expect(table).toMatchObject({ hasHeader: false, columns: ['Column 1', 'Column 2'], suggested: { front: 0, back: 1 } });
		expect(table.rows).toHaveLength(2);
		expect(parse('1,one\n2,two\n3,three\n').hasHeader).toBe(false);
	});

	it('suggests an unnamed column after the back as tags when it looks like tags, as Anki does', () => {
		expect(parse('foo\tbar\tbaz qux\nfoo2\tbar2\t\n').suggested).toEqual({ front: 0, back: 1, tags: 2 });
		expect(parse('cat,고양이,"A cat sleeps."\ndog,개,The dog barks.\n').suggested).toEqual({ front: 0, back: 1 });
		expect(parse('cat,고양이,\ndog,개,\n').suggested).toEqual({ front: 0, back: 1 });
	});

	it('can be overridden', () => {
		expect(parse('apple,사과\nbanana,바나나\n', { hasHeader: true }).columns).toEqual(['apple', '사과']);
		expect(parse('Front,Back\na,b\n', { hasHeader: false }).rows).toHaveLength(2);
		expect(() => parse('Front,Back\n')).toThrow('The file has no rows of cards, only a header.');
		expect(() => parse('apple,사과\n', { hasHeader: true })).toThrow('The file has no rows of cards, only a header.');
	});
});

describe("Anki's header lines", () => {
	it('honours separator, html, tags column, columns, deck and tags', () => {
		const text = [
			'#separator:Semicolon',
			'#html:true',
			'#tags:shared other',
			'#deck:Korean::Food',
			'#columns:Word;Meaning;Labels',
			'#tags column:3',
			'사과;<b>apple</b>;fruit red',
			'물;water;'
		].join('\n');
		const table = parse(text);
		expect(table).toMatchObject({
			delimiter: ';',
			html: true,
			hasHeader: false,
			columns: ['Word', 'Meaning', 'Labels'],
			deckName: 'Korean::Food',
			tags: ['shared', 'other'],
			suggested: { front: 0, back: 1, tags: 2 },
			lineNumbers: [7, 8]
		});
		expect(table.warnings.map((warning) => warning.message)).toEqual([]);
		const bundle = delimitedToBundle(table, table.suggested, { deckName: '', fileName: 'food.txt' });
		expect(bundle.decks[0]!.name).toBe('Korean::Food');
		expect(bundle.decks[0]!.cards.map((card) => [card.front, card.back, card.tags])).toEqual([
			['사과', '<b>apple</b>', ['shared', 'other', 'fruit', 'red']],
			['물', 'water', ['shared', 'other']]
		]);
	});

	it('reads separators by name or as a character, and a first line of tags', () => {
		expect(parse('#separator:tab\na,b\tc\n').rows).toEqual([['a,b', 'c']]);
		expect(parse('#separator:Pipe\na|b\n').delimiter).toBe('|');
		expect(parse('#separator:space\na b\n').rows).toEqual([['a', 'b']]);
		expect(parse('#separator:%\na%b\n').rows).toEqual([['a', 'b']]);
		expect(parse('tags:x y\n#separator:comma\na,b\n').tags).toEqual(['x', 'y']);
	});

	it('takes deck, guid and note type columns out of the front and back', () => {
		const text = '#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\nG1\tBasic\tLang::Korean\t사과\tapple\tfood\nG2\tBasic (and reversed card)\t\t물\twater\t\n';
		const table = parse(text);
		expect(table.columns).toEqual(['GUID', 'Note type', 'Deck', 'Column 4', 'Column 5', 'Tags']);
		expect(table.columnKinds).toEqual(['guid', 'notetype', 'deck', 'numbered', 'numbered', 'tags']);
		expect(table.suggested).toEqual({ front: 3, back: 4, tags: 5, deck: 2 });
		// Basic is the note type every row is read as; another's rows are read so too, as said.
		expect(table.warnings.map((warning) => warning.message)).toEqual(['Note types other than Basic and Cloze are not used: their rows become cards with a front and a back.']);
		const bundle = delimitedToBundle(table, table.suggested, { deckName: 'Inbox', fileName: 'export.txt' });
		expect(bundle.decks.map((deck) => [deck.name, deck.cards.map((card) => card.front)])).toEqual([
			['Lang::Korean', ['사과']],
			['Inbox', ['물']]
		]);
	});

	it('tidies every deck name as the app tidies one: the header’s, the one typed, a deck column’s', () => {
		const names = (text: string, deckName: string) => {
			const table = parse(text);
			return { header: table.deckName, decks: delimitedToBundle(table, table.suggested, { deckName, fileName: 'w.txt' }).decks.map((deck) => deck.name) };
		};
		expect(names('#deck:한국어::\na,b\n', '')).toEqual({ header: '한국어', decks: ['한국어'] });
		// A header with no part left names no deck: the name typed, else the file's, is the deck.
		expect(names('#deck: :: \na,b\n', '')).toEqual({ header: undefined, decks: ['w'] });
		expect(names('a,b\n', 'A:: ::B')).toEqual({ header: undefined, decks: ['A::B'] });
		expect(names('a,b\n', '::')).toEqual({ header: undefined, decks: ['w'] });
		const rows = '#separator:tab\n#deck column:1\n Lang :: Korean ::\t사과\tapple\n::\t물\twater\n';
		expect(names(rows, 'Inbox').decks).toEqual(['Lang::Korean', 'Inbox']);
	});

	it('warns about unknown headers, bad values and comments, and reads on', () => {
		const table = parse('# a comment\n#if matches:update current\n#separator:nonsense\n#html:maybe\n#tags column:zero\na,b\n');
		expect(table.rows).toEqual([['a', 'b']]);
		expect(table.warnings.map((warning) => warning.message)).toEqual([
			'Line 1 starts with # and was read as a comment.',
			'Line 2: the header "#if matches:" is not one Recall uses; it was ignored.',
			'Line 3: the separator "nonsense" is not one Recall knows; the delimiter was detected instead.',
			'Line 4: "#html:maybe" is neither true nor false; it was ignored.',
			'Line 5: "#tags column:zero" does not name a column (1, 2, 3, ...); it was ignored.'
		]);
	});

	it('refuses a file of header lines only', () => {
		expect(() => parse('#separator:tab\n#html:false\n')).toThrow('The file has no rows, only header lines.');
	});
});

describe('ragged rows', () => {
	it('pads short rows and joins extra fields to the last column, naming the lines', () => {
		const table = parse('cat,animal,pet\ndog,animal\nrose,flower,plant,garden\nfish,animal,pet\noak,tree,wood\n');
		expect(table.rows).toEqual([
			['cat', 'animal', 'pet'],
			['dog', 'animal', ''],
			['rose', 'flower', 'plant,garden'],
			['fish', 'animal', 'pet'],
			['oak', 'tree', 'wood']
		]);
		expect(table.warnings.map((warning) => warning.message)).toEqual([
			'Line 2: fewer fields than the 3 columns; the missing ones are left empty.',
			'Line 3: more fields than the 3 columns; the extra ones were joined to the last column.'
		]);
	});

	it('says the short and the long rows in the order of their first lines', () => {
		const table = parse('cat,animal,pet\nrose,flower,plant,garden\ndog,animal\nfish,animal,pet\n');
		expect(table.warnings.map((warning) => warning.message)).toEqual([
			'Line 2: more fields than the 3 columns; the extra ones were joined to the last column.',
			'Line 3: fewer fields than the 3 columns; the missing ones are left empty.'
		]);
	});

	it('keeps unquoted commas of an answer in a two-column file', () => {
		const table = parse('word,meaning\nbank,the side of a river, or a place for money\nrun,to move fast\n');
		expect(table.rows[0]).toEqual(['bank', 'the side of a river, or a place for money']);
	});

	it('lists at most ten lines', () => {
		expect(listLines(lineList([4]))).toBe('line 4');
		expect(listLines(lineList([1, 2, 3]))).toBe('lines 1, 2 and 3');
		const thirteen = lineList(Array.from({ length: 13 }, (_, i) => i + 1));
		expect(thirteen).toEqual({ lines: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], more: 3 });
		expect(listLines(thirteen)).toBe('lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more');
	});
});

describe('cards', () => {
	it('makes valid basic cards, plain text escaped as HTML, never read as Markdown', () => {
		const bundle = cards('front,back\n**not bold** & a<b,"1. not a list\n# not a heading"\n');
		expect(bundle.source).toBe('csv');
		const deck = bundle.decks[0]!;
		expect(deckSchema.parse(deck)).toEqual(deck);
		expect(deck).toMatchObject({ id: 'words', name: 'Words' });
		expect(deck.cards[0]).toMatchObject({
			kind: 'basic',
			rule: 'imported',
			format: 'html',
			front: '**not bold** &amp; a&lt;b',
			back: '1. not a list<br># not a heading',
			source: { file: 'words.csv', line: 2 }
		});
	});

	it('reads HTML as HTML when the file holds it, or when told', () => {
		const detected = parse('a,<b>bold</b>\nc,d&nbsp;e\n');
		expect(detected.html).toBe(true);
		expect(detected.warnings.map((warning) => warning.message).join(' ')).toMatch(/untick “Fields are HTML” under Columns, or add the line #html:false/);
		expect(parse('a,<b>bold</b>\n', { html: false }).html).toBe(false);
		expect(parse('#html:false\na,<b>bold</b>\n').html).toBe(false);
		expect(parse('a,x < y\n').html).toBe(false);
	});

	it('keeps Korean text as it is', () => {
		const bundle = cards('앞면\t뒷면\t태그\n리전\tAWS 서비스가 운영되는 지역\t기초 용어\n가용 영역\t하나 이상의 데이터 센터\t기초\n', 'AWS 기초');
		expect(bundle.decks[0]!.id).toBe('aws-기초');
		expect(bundle.decks[0]!.cards.map((card) => [...sides(card), card.tags])).toEqual([
			['리전', 'AWS 서비스가 운영되는 지역', ['기초', '용어']],
			['가용 영역', '하나 이상의 데이터 센터', ['기초']]
		]);
	});

	it('gives ids from deck and front, so that re-importing updates', () => {
		const first = cards('a,1\nb,2\n').decks[0]!.cards;
		const edited = cards('new,0\nb,22\n a ,11\n').decks[0]!.cards;
		expect(edited.find((card) => card.front === 'a')!.id).toBe(first[0]!.id);
		expect(edited.find((card) => card.front === 'b')!.id).toBe(first[1]!.id);
		expect(first[0]!.id).toBe(csvCardId('words', 'a', false));
		// Another deck, another card; the same text as HTML or not, the same card.
		expect(cards('a,1\n', 'Other').decks[0]!.cards[0]!.id).not.toBe(first[0]!.id);
		expect(csvCardId('words', 'a &amp; b<br>c', true)).toBe(csvCardId('words', 'a & b\nc', false));
		// Case matters: Polish is not polish.
		expect(csvCardId('words', 'Polish', false)).not.toBe(csvCardId('words', 'polish', false));
	});

	it('keeps both of two rows with the same front, with a warning', () => {
		const bundle = cards('bank,river side\nbank,money place\nbank,to tilt\n');
		const ids = bundle.decks[0]!.cards.map((card) => card.id);
		expect(new Set(ids).size).toBe(3);
		expect(ids[1]).toBe(`${ids[0]}~2`);
		expect(bundle.warnings.map((warning) => warning.message)).toContain('Lines 2 and 3: the same front as a row above in the same deck; both cards are kept.');
	});

	it('skips rows without a front or a back, naming them', () => {
		const bundle = cards('a,1\n,2\nc,\n  ,  \nd,4\n');
		expect(bundle.decks[0]!.cards.map((card) => card.front)).toEqual(['a', 'd']);
		expect(bundle.warnings.map((warning) => warning.message)).toContain('Lines 2, 3 and 4: no front or no back; skipped.');
		expect(() => cards('a,\n,b\n')).toThrow(/No cards/);
	});

	it('names the deck after the file when no name is given', () => {
		const table = parse('a,b\n');
		expect(delimitedToBundle(table, table.suggested, { deckName: ' ', fileName: 'dir/my_words.csv' }).decks[0]!.name).toBe('my words');
	});

	it('refuses a mapping the table cannot satisfy', () => {
		const table = parse('a,b\n');
		const options = { deckName: 'x', fileName: 'x.csv' };
		expect(() => delimitedToBundle(table, { front: 0, back: 0 }, options)).toThrow(/different columns/);
		expect(() => delimitedToBundle(table, { front: 0, back: 2 }, options)).toThrow(/does not have/);
		expect(() => delimitedToBundle(table, { front: 0, back: 1, tags: -1 }, options)).toThrow(ImportError);
	});

	it('follows a changed mapping', () => {
		const table = parse('one,eins,un\ntwo,zwei,deux\n');
		const bundle = delimitedToBundle(table, { front: 2, back: 1 }, { deckName: 'Numbers', fileName: 'n.csv' });
		expect(bundle.decks[0]!.cards.map(sides)).toEqual([
			['un', 'eins'],
			['deux', 'zwei']
		]);
	});
});

describe('export', () => {
	const source = 'front,back,tags\n"a, with comma","line 1\nline 2",t1 t2\n# hash first,"say ""hi""",\n<tag> & more,x,\ntags: not a header,y,z\n';

	it('writes Anki header lines, or a header row for spreadsheets', () => {
		const bundle = cards(source);
		const anki = deckToDelimited(bundle, 'words', '\t', { renderSide });
		expect(anki.split('\n').slice(0, 8)).toEqual([
			'#separator:tab',
			'#html:true',
			'#notetype:Basic',
			'#deck:Words',
			// The deck it came from, for Recall's import to find it again; Anki passes over a key it does not know.
			'#recall deck id:words',
			'#columns:Front\tBack\tTags',
			'#tags column:3',
			'a, with comma\tline 1<br>line 2\tt1 t2'
		]);
		// Read back: the deck it came from, for the merge, while the file is imported into the deck it names.
		const table = parseDelimited(utf8(anki));
		expect({ deckName: table.deckName, deckId: table.deckId, warnings: table.warnings }).toEqual({ deckName: 'Words', deckId: 'words', warnings: [] });
		expect(delimitedToBundle(table, table.suggested, { deckName: '', fileName: 'w.txt' }).exportedFrom).toEqual({ words: 'words' });
		expect(delimitedToBundle(table, table.suggested, { deckName: 'Other', fileName: 'w.txt' }).exportedFrom).toBeUndefined();
		const plain = deckToDelimited(bundle, 'words', ',', { ankiHeaders: false, renderSide });
		// Text a person reads: a line break is one, HTML's escapes are their characters; the deck's name in a column of its own.
		expect(plain.split('\n').slice(0, 6)).toEqual(['\ufeffFront,Back,Tags,Deck', '"a, with comma","line 1', 'line 2",t1 t2,Words', '"# hash first","say ""hi""",,Words', '<tag> & more,x,,Words', '"tags: not a header",y,z,Words']);
		// Read back, the column is the rows' deck, as Anki's deck column is.
		const sheet = parseDelimited(utf8(plain));
		expect({ suggested: sheet.suggested, warnings: sheet.warnings }).toEqual({ suggested: { front: 0, back: 1, tags: 2, deck: 3 }, warnings: [] });
		expect(delimitedToBundle(sheet, sheet.suggested, { deckName: 'Words (for spreadsheets) 2026-12-01', fileName: 'w.csv' }).decks.map((deck) => [deck.id, deck.name])).toEqual([['words', 'Words']]);
	});

	it('round-trips: export, parse and import give the same cards', () => {
		const bundle = cards(source);
		const strip = (all: Card[]) => all.map(({ source: _source, ...card }) => card);
		for (const delimiter of [',', '\t'] as const) {
			for (const ankiHeaders of [true, false]) {
				const text = deckToDelimited(bundle, 'words', delimiter, { ankiHeaders, renderSide });
				const again = cards(text);
				expect(strip(again.decks[0]!.cards)).toEqual(strip(bundle.decks[0]!.cards));
			}
		}
	});

	const noteCard = (id: string, fields: Partial<Card>): Card => ({ id, deck: 'd', kind: 'basic', rule: 'definition', front: 'f', back: 'b', path: [], tags: [], images: [], source: { file: 'n.md', line: 1 }, ...fields });
	const deckOf = (...deckCards: Card[]) => ({ source: 'deck' as const, name: 'x', decks: [{ id: 'd', name: 'D', tags: [], cards: deckCards }], progress: {}, reviews: [], media: [], warnings: [] });
	const bold = noteCard('md:1', { front: '**S3**', back: 'a < b, the ==key==\n\n- one\n- two', tags: ['AWS basics'], images: [{ src: 'aws/s3.png', alt: 'a "bucket"' }] });
	const cloze = noteCard('md:2', { kind: 'cloze', rule: 'emphasis', front: '선생님께서 [...].', back: '선생님께서 ==오셨어요==.' });
	const hinted = noteCard('md:3', { kind: 'cloze', rule: 'emphasis', front: '저는 학생[이다].', back: '저는 학생==이에요==.', images: [{ src: 'me.png', alt: '' }] });
	const unreadable = noteCard('md:4', { kind: 'cloze', rule: 'emphasis', front: 'no [...] here', back: 'no blank here' });

	it('writes the cards as Anki shows them: rendered HTML, highlights as <mark>, images by file name, and each row’s note type', () => {
		const text = deckToDelimited(deckOf(bold, cloze, hinted, unreadable), 'd', ',', { renderSide });
		expect(text.split('\n').slice(0, 7)).toEqual([
			'#separator:comma',
			'#html:true',
			'#notetype column:1',
			'#deck:D',
			'#recall deck id:d',
			'#columns:Note type,Front,Back,Tags',
			'#tags column:4'
		]);
		expect(parse(text).rows).toEqual([
			['Basic', '<p><strong>S3</strong></p>', '<p>a &lt; b, the <mark>key</mark></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul><div><img src="aws_s3.png" alt="a &quot;bucket&quot;"></div>', 'AWS_basics'],
			// A cloze card is Anki's Cloze note, its highlights deletions, its front's hint theirs; its images in Back Extra.
			['Cloze', '<p>선생님께서 {{c1::오셨어요}}.</p>', '', ''],
			['Cloze', '<p>저는 학생{{c1::이에요::이다}}.</p>', '<div><img src="me.png" alt=""></div>', ''],
			// No deletion to read: a Basic note, as the Anki package writes it.
			['Basic', '<p>no [...] here</p>', '<p>no blank here</p>', '']
		]);
		expect(text).not.toMatch(/\*\*|==/);
		// An image of the text too is named as Anki keeps the file (as the Anki package names it); a URL stays one.
		const inline = noteCard('md:8', { back: '![map](maps/seoul.png) ![logo](https://example.com/a/b.png)' });
		expect(parse(deckToDelimited(deckOf(inline), 'd', ',', { renderSide })).rows[0]![1]).toBe('<p><img src="maps_seoul.png" alt="map"> <img src="https://example.com/a/b.png" alt="logo"></p>');
	});

	it('names each image file as the deck’s Anki package names it: two names alike but for case stay two, a name spelled otherwise is its file’s', () => {
		const file = (name: string) => ({ name, type: 'image/png', bytes: new Uint8Array([name.length]) });
		const upper = noteCard('md:9', { front: 'Seoul', back: 'the capital', images: [{ src: 'maps/Map.png', alt: 'Seoul' }] });
		const lower = noteCard('md:10', { front: 'Busan', back: 'a port', images: [{ src: 'maps/map.png', alt: 'Busan' }] });
		// markdown-it writes a Markdown image's path percent-encoded: it is still the stored `maps/my map.png`.
		const spelled = noteCard('md:11', { front: 'Daegu', back: '![inland](<maps/my map.png>)' });
		const bundle = { ...deckOf(upper, lower, spelled), media: [file('maps/Map.png'), file('maps/map.png'), file('maps/my map.png')] };
		const rows = parse(deckToDelimited(bundle, 'd', ',', { renderSide })).rows;
		const images = rows.map((row) => [...row.join(' ').matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]));
		expect(images).toEqual([['maps_Map.png'], ['maps_map-2.png'], ['maps_my map.png']]);
		// The names the package gives the files (anki/note-fields.ts).
		expect([...packageMediaNames(bundle.media.map((one) => one.name)).values()]).toEqual(['maps_Map.png', 'maps_map-2.png', 'maps_my map.png']);
	});

	it('writes the cloze cards of one sentence as one Cloze note, read back as those cards', () => {
		const first = noteCard('md:5', { kind: 'cloze', rule: 'emphasis', front: '저는 [...]이에요, 그리고 학교에 가요.', back: '저는 ==학생==이에요, 그리고 학교에 가요.', source: { file: 'n.md', line: 9 } });
		const second = { ...first, id: 'md:6', front: '저는 학생이에요, 그리고 [장소]에 가요.', back: '저는 학생이에요, 그리고 ==학교==에 가요.' };
		// Another line's sentence of the same words is another note.
		const elsewhere = { ...first, id: 'md:7', source: { file: 'n.md', line: 12 } };
		const text = deckToDelimited(deckOf(first, second, elsewhere), 'd', ',', { renderSide });
		expect(parse(text).rows).toEqual([
			['<p>저는 {{c1::학생}}이에요, 그리고 {{c2::학교::장소}}에 가요.</p>', '', ''],
			['<p>저는 {{c1::학생}}이에요, 그리고 학교에 가요.</p>', '', '']
		]);
		const alone = (card: Card) => cards(deckToDelimited(deckOf(card), 'd', ',', { renderSide })).decks[0]!.cards.map(sides);
		// Each card as its note alone would make it: the merge finds it by these sides.
		expect(cards(text).decks[0]!.cards.map(sides)).toEqual([...alone(first), ...alone(second), ...alone(elsewhere)]);
		// An Anki note's cards, imported one to a line, are one note again by their note's guid.
		const anki = (ord: number, back: string): Card => noteCard(`anki-G-${ord}`, { kind: 'cloze', rule: 'imported', format: 'html', front: 'x', back, source: { file: 'a.apkg', line: ord + 1 } });
		const again = deckToDelimited(deckOf(anki(0, '<mark>Seoul</mark> is in Korea'), anki(1, 'Seoul is in <mark>Korea</mark>')), 'd', ',', { renderSide });
		expect(parse(again).rows).toEqual([['{{c1::Seoul}} is in {{c2::Korea}}', '', '']]);
	});

	it('names one note type in the header when every row has it', () => {
		expect(deckToDelimited(deckOf(bold), 'd', '\t', { renderSide }).split('\n').slice(2, 7)).toEqual(['#notetype:Basic', '#deck:D', '#recall deck id:d', '#columns:Front\tBack\tTags', '#tags column:3']);
		const clozes = deckToDelimited(deckOf(cloze), 'd', '\t', { renderSide });
		expect(clozes.split('\n').slice(2, 8)).toEqual(['#notetype:Cloze', '#deck:D', '#recall deck id:d', '#columns:Text\tBack Extra\tTags', '#tags column:3', '<p>선생님께서 {{c1::오셨어요}}.</p>\t\t']);
	});

	it('reads a Cloze row back as the cloze card it was written from, each deletion number a card', () => {
		const back = cards(deckToDelimited(deckOf(bold, cloze, hinted), 'd', ',', { renderSide }));
		expect(back.warnings).toEqual([]);
		expect(back.decks[0]!.cards.map((card) => [card.kind, card.front, card.back])).toEqual([
			['basic', '<p><strong>S3</strong></p>', '<p>a &lt; b, the <mark>key</mark></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul><div><img src="aws_s3.png" alt="a &quot;bucket&quot;"></div>'],
			['cloze', '<p>선생님께서 [...].</p>', '<p>선생님께서 <mark>오셨어요</mark>.</p>'],
			['cloze', '<p>저는 학생[이다].</p>', '<p>저는 학생<mark>이에요</mark>.</p><div><img src="me.png" alt=""></div>']
		]);
		// Anki's own: two deletions, two cards; an empty Back Extra is no missing back.
		const anki = cards('#html:true\n#notetype:Cloze\n{{c1::Seoul}} is the capital of {{c2::Korea::country}},\n');
		expect(anki.decks[0]!.cards.map((card) => [card.kind, card.front, card.back])).toEqual([
			['cloze', '[...] is the capital of Korea', '<mark>Seoul</mark> is the capital of Korea'],
			['cloze', 'Seoul is the capital of [country]', 'Seoul is the capital of <mark>Korea</mark>']
		]);
		expect(new Set(anki.decks[0]!.cards.map((card) => card.id)).size).toBe(2);
	});

	it('writes text a person reads for spreadsheets: no Markdown or HTML markup, line breaks kept', () => {
		const text = deckToDelimited(deckOf(bold, cloze, noteCard('x', { format: 'html', front: 'a<br>b &amp; c', back: '<b>bold</b>' })), 'd', ',', { ankiHeaders: false, renderSide });
		expect(parse(text).rows).toEqual([
			['S3', 'a < b, the key\n• one\n• two', 'AWS_basics', 'D'],
			['선생님께서 [...].', '선생님께서 오셨어요.', '', 'D'],
			['a\nb & c', 'bold', '', 'D']
		]);
		expect(() => deckToDelimited(deckOf(bold), 'nope', ',', { renderSide })).toThrow(/no deck/);
	});

	it('property: any table of strings comes back field for field', () => {
		// Any text but NUL (which marks a file as binary).
		const other = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((char) => !char.includes('\0'));
		const field = fc.string({ unit: fc.oneof(fc.constantFrom(',', '\t', '"', '\n', '\r', '#', ' ', ';', '|', '<b>', '&amp;', '사'), other), maxLength: 12 });
		const tableArb = fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 15 });
		fc.assert(
			fc.property(tableArb, fc.constantFrom(',' as const, '\t' as const), (rows, delimiter) => {
				const kept = rows.filter(([front, back]) => front !== '' || back !== '');
				fc.pre(kept.length > 0);
				const deckCards: Card[] = kept.map(([front, back], index) => ({
					id: `c${index}`,
					deck: 'd',
					kind: 'basic',
					rule: 'imported',
					format: 'html',
					front,
					back,
					path: [],
					tags: [],
					images: [],
					source: { file: 'f', line: 1 }
				}));
				const bundle = { source: 'csv' as const, name: 'f', decks: [{ id: 'd', name: 'D', tags: [], cards: deckCards }], progress: {}, reviews: [], media: [], warnings: [] };
				const table = parseDelimited(utf8(deckToDelimited(bundle, 'd', delimiter, { renderSide })));
				expect(table.delimiter).toBe(delimiter);
				expect(table.rows).toEqual(kept.map(([front, back]) => [front, back, '']));
			}),
			{ numRuns: 300 }
		);
	});
});
