import { describe, expect, it } from 'vitest';
import { cards, generate } from './helpers';

describe('a Notion export', () => {
	it("makes no cards of the page's properties under its title", () => {
		const note = '# Operating Systems\n\nCreated: September 3, 2024 10:12 AM\nTags: CS, Exam\nStatus: In progress\n\n## Deadlock\n**Banker\'s algorithm**: avoids deadlock\n';
		const result = generate(note);
		expect(result.deck.cards.map((card) => card.front)).toEqual(["Banker's algorithm"]);
		expect(result.report.uncovered).toEqual([]);
		// Korean Notion, and a page edited since.
		const korean = '# 운영체제\n\n생성 일시: 2024년 9월 3일 오전 10:12\n최종 편집 일시: 2024년 9월 5일 오후 3:30\n태그: CS\n\n**교착 상태**: 서로의 자원을 기다리며 멈춘 상태\n';
		expect(cards(korean).map((card) => card.front)).toEqual(['교착 상태']);
	});

	it('still reads definitions under a title that are not a page record', () => {
		// No date of making or editing: a glossary right under the title.
		expect(cards('# HTTP\n\nStatus: the code of a response\nMethod: what the request asks\n').map((card) => card.front)).toEqual(['Status', 'Method']);
		// Properties only open a page: the same lines further down are material.
		const later = cards('# Log\n\n## Versions\nCreated: September 3, 2024\nUpdated: September 5, 2024\n');
		expect(later.map((card) => card.front)).toEqual(['Created', 'Updated']);
	});
});
