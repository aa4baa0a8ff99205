import { describe, expect, it } from 'vitest';
import { generateDeck } from '../../../src/lib/notes/generate';
import { cardsByKind, noteReportSummary } from '../../../src/routes/import/note-reports';

const NETWORK_NOTE = [
	'# 네트워크 기초',
	'',
	'## 계층',
	'',
	'- **물리 계층**: 비트 전송',
	'- **데이터링크 계층**: 프레임 전송',
	'',
	'## 프로토콜',
	'',
	'**TCP**: 연결형',
	'**UDP**: 비연결형',
	'',
	'## 장비',
	'',
	'- 라우터',
	'- 스위치',
	'- 허브',
	'',
	'## 주소',
	'',
	'- IP 주소',
	'- MAC 주소',
	''
].join('\n');

describe('what the import preview says a Markdown note makes', () => {
	it('names only the kinds of card the note made, with their counts: no table rows or code blocks for a note without them', () => {
		const { report } = generateDeck(NETWORK_NOTE, { file: '네트워크.md' });
		expect(cardsByKind(report)).toEqual([
			{ rule: 'definition', count: 4 },
			{ rule: 'list', count: 2 }
		]);
		const korean = noteReportSummary('ko', report);
		expect(korean).toBe('카드 6장 (정의 4장, 목록 2장), 노트 본문의 모든 항목이 카드에 들어감');
		expect(korean).not.toMatch(/표의 행|코드 블록/);
		expect(noteReportSummary('en', report)).toBe('6 cards (definition 4, list 2), every item of the note’s text on a card');
	});

	it('names a table’s rows when the note has a table, and says how much of the note is on no card', () => {
		const note = '# 한국어\n\n## 숫자\n\n| 한자어 | 고유어 |\n|---|---|\n| 일 | 하나 |\n| 이 | 둘 |\n\n## 외톨이\n\n| 하나 |\n|---|\n| 혼자 |\n';
		const { report } = generateDeck(note, { file: 'korean.md' });
		expect(noteReportSummary('en', report)).toBe('2 cards (table row 2), 2 of the 3 items of the note’s text on a card');
		expect(noteReportSummary('ko', report)).toBe('카드 2장 (표의 행 2장), 노트 본문의 항목 3개 중 2개가 카드에 들어감');
	});

	it('puts the kind with the most cards first, and says no kinds and no coverage for a note that made nothing to read', () => {
		expect(cardsByKind({ cardsByRule: { definition: 1, cloze: 3, list: 1 } })).toEqual([
			{ rule: 'cloze', count: 3 },
			{ rule: 'definition', count: 1 },
			{ rule: 'list', count: 1 }
		]);
		expect(noteReportSummary('en', { cards: 0, cardsByRule: {}, coverage: { covered: 0, total: 0 } })).toBe('0 cards');
	});
});
