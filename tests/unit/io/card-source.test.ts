import { describe, expect, it } from 'vitest';
import '../../../src/lib/i18n/messages-cards';
import { sourcePlace } from '../../../src/lib/io/card-source';
import { formatMessage } from '../../../src/lib/i18n/format';

describe('sourcePlace', () => {
	it('places an Anki package’s card by its note, and a note’s or a table’s by its line', () => {
		for (const file of ['Japanese.apkg', 'collection.COLPKG', 'collection.anki2', 'collection.anki21', 'collection.anki21b', 'Anki package']) expect(sourcePlace(file), file).toBe('note');
		for (const file of ['AWS-기초.md', 'vocab.csv', 'words.tsv', 'apkg notes.md', 'Recall backup.json']) expect(sourcePlace(file), file).toBe('line');
	});

	it('says a package’s number as its note’s place in English and Korean, never as a line', () => {
		expect(formatMessage('en', 'cardInfoNote', { file: 'Japanese.apkg', line: 907 })).toBe('Japanese.apkg, note 907');
		expect(formatMessage('ko', 'cardInfoNote', { file: 'Japanese.apkg', line: 907 })).toBe('Japanese.apkg, 907번째 노트');
		expect(formatMessage('en', 'cardNote', { line: 907 })).toBe('note 907');
		expect(formatMessage('ko', 'cardNote', { line: 907 })).toBe('907번째 노트');
		for (const locale of ['en', 'ko'] as const) expect(formatMessage(locale, 'cardInfoNote', { file: 'x.apkg', line: 1 })).not.toMatch(/line|행/);
	});
});
