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
		// Obsidian's Dataview fields opening a note are its record too, not questions and answers.
		const dataview = '# Cell biology\nCreated:: 2024-03-01\nSource:: [[Alberts ch.1]]\nStatus:: #review\n\n## Membranes\n- **Phospholipid**: amphipathic lipid\n';
		expect(cards(dataview).map((card) => card.front)).toEqual(['Phospholipid']);
	});

	it('still reads definitions under a title that are not a page record', () => {
		// No date of making or editing: a glossary right under the title.
		expect(cards('# HTTP\n\nStatus: the code of a response\nMethod: what the request asks\n').map((card) => card.front)).toEqual(['Status', 'Method']);
		// Properties only open a page: the same lines further down are material.
		const later = cards('# Log\n\n## Versions\nCreated: September 3, 2024\nUpdated: September 5, 2024\n');
		expect(later.map((card) => card.front)).toEqual(['Created', 'Updated']);
		// A lecture's date typed under the title is no page record: the definitions under it are the material (regression check).
		const lecture = '# Computer Networks - Week 5\nDate: 2024-04-02\nTCP: connection-oriented, reliable transport\nUDP: connectionless, fast transport\n';
		expect(cards(lecture).map((card) => card.front)).toEqual(['Date', 'TCP', 'UDP']);
		// A "Date" property as Notion writes it, or as a Dataview field, still is.
		expect(cards('# Week 5\n\nDate: April 2, 2024\nClass: Networks\n\n## TCP\n**TCP**: reliable\n').map((card) => card.front)).toEqual(['TCP']);
		expect(cards('# Week 5\nDate:: 2024-04-02\nClass:: Networks\n\n## TCP\n**TCP**: reliable\n').map((card) => card.front)).toEqual(['TCP']);
	});

	it('reads the definitions under a date of making or editing in their paragraph: only properties make a page record', () => {
		const lecture = '# Biology 101 - Week 3\nDate: September 12, 2024\nMitosis: division into two identical cells\nMeiosis: division into four gametes\n';
		expect(cards(lecture).map((card) => [card.front, card.back])).toEqual([
			['Date', 'September 12, 2024'],
			['Mitosis', 'division into two identical cells'],
			['Meiosis', 'division into four gametes']
		]);
		const updated = cards('# Routing\n\nUpdated: May 1, 2024 4:05 PM\nRouter: forwards packets between networks\nSwitch: forwards frames inside one\n');
		expect(updated.map((card) => card.front)).toEqual(['Updated', 'Router', 'Switch']);
		const korean = cards('# 경제학 원론\n생성 일시: 2024년 3월 5일 오전 9:00\n수요: 주어진 가격에서 사려는 양\n공급: 주어진 가격에서 팔려는 양\n');
		expect(korean.map((card) => card.front)).toEqual(['생성 일시', '수요', '공급']);
	});

	it('still reads as properties the typed values Notion exports: a link, a checkbox, a number, a page it relates to', () => {
		const note = [
			'# Transport layer',
			'',
			'Created: March 4, 2024 2:30 PM',
			'Materials: https://example.edu/cs340/week3.pdf',
			'Reviewed: No',
			'Week: 3',
			'Course: [Computer Networks](../Courses/Computer%20Networks%2012ab34cd.md)',
			'Created by: Minji Kim',
			'',
			'## TCP',
			'**TCP**: reliable byte stream',
			''
		].join('\n');
		expect(cards(note).map((card) => card.front)).toEqual(['TCP']);
		expect(cards('# 정규화\n\n생성 일시: 2024년 9월 3일 오전 10:12\n과목: 데이터베이스\n작성자: 김민지\n복습: 예\n\n**1NF**: 원자값\n').map((card) => card.front)).toEqual(['1NF']);
	});
});

describe('a toggle (<details> with a <summary>)', () => {
	it('asks its summary, its folded text and lists the answer, under the heading around it', () => {
		const note = [
			'## Processes',
			'<details>',
			'<summary>What is a process?</summary>',
			'',
			'A program in execution, with its own **address space**.',
			'',
			'</details>',
			'<details>',
			'<summary>Process states</summary>',
			'',
			'- New',
			'- Ready',
			'- Running',
			'</details>',
			'',
			'<details><summary>Context switch</summary>',
			'saves the registers',
			'loads the next process',
			'</details>',
			'Toggles end here.'
		].join('\n');
		const result = generate(note);
		expect(result.deck.cards.map((card) => [card.front, card.back, card.path, card.source.line])).toEqual([
			['Processes', 'Toggles end here.', [], 1],
			['What is a process?', 'A program in execution, with its own address space.', ['Processes'], 3],
			['Process states', '- New\n- Ready\n- Running', ['Processes'], 9],
			['Context switch', 'saves the registers\\\nloads the next process', ['Processes'], 16]
		]);
	});

	it('puts an image it folds on its card, once, and one between toggles on no other card', () => {
		const note = '## Cells\n<details><summary>Mitochondrion</summary>\n<img src="mito.png" alt="mito"> makes ATP\n</details><details><summary>Ribosome</summary>\nmakes proteins <img src="ribo.png">\n</details>\n';
		expect(cards(note).map((card) => [card.front, card.images.map((image) => image.src)])).toEqual([
			['Mitochondrion', ['mito.png']],
			['Ribosome', ['ribo.png']]
		]);
	});

	it('is read as before without a summary, or with nothing folded', () => {
		expect(cards('## A\n<details>\nJust some text\n</details>').map((card) => [card.front, card.back])).toEqual([['A', 'Just some text']]);
		expect(cards('## A\n<details><summary>Empty toggle</summary>\n</details>').map((card) => [card.front, card.back])).toEqual([['A', 'Empty toggle']]);
	});

	it('asks nothing of a summary that only names the fold (접기/펼치기, 코드 보기, Click to expand): the heading asks, as before (regression check)', () => {
		const fold = (summary: string) => `## 예제 코드\n<details>\n<summary>${summary}</summary>\n\n\`\`\`js\nlet count = 0;\n\`\`\`\n\n</details>\n`;
		const before = cards('## 예제 코드\n\n```js\nlet count = 0;\n```\n');
		for (const summary of ['접기/펼치기', '코드 보기', 'Click to expand', '👉 펼치기', 'Show code']) {
			expect(cards(fold(summary)).map((card) => [card.id, card.front, card.back, card.path]), summary).toEqual(before.map((card) => [card.id, card.front, card.back, card.path]));
		}
	});

	it('keeps what it folds a card of its own: a definition inside is asked under the summary', () => {
		const [card] = cards('<details>\n<summary>Scheduling</summary>\n\n**Round robin**: each process gets a time slice in turn\n\n</details>');
		expect([card?.front, card?.path]).toEqual(['Round robin', ['Scheduling']]);
	});
});

describe('Markdown inside raw HTML', () => {
	it('reads the Markdown between the tags of a Notion <aside>, a line to a line, without its comments or scripts', () => {
		const note = '## Scheduling\n\n<aside>\n💡 **Round robin** gives each process a *time slice* &amp; no more.\n<!-- draft -->\n<script>track()</script>Ready queue is FIFO.\n\n</aside>\n';
		expect(cards(note).map((card) => [card.front, card.back])).toEqual([
			['Scheduling', '💡 Round robin gives each process a time slice & no more.\\\nReady queue is FIFO.']
		]);
	});

	it('reads a definition in an HTML block as one, and a summary in Markdown as its words', () => {
		const list = cards('## DNS\n<div>\n**Resolver**: finds the address for a name\n</div>\n\n<details><summary>Why **port 53**?</summary>\nIANA assigned it.\n</details>\n');
		expect(list.map((card) => [card.front, card.back])).toEqual([
			['Resolver', 'finds the address for a name'],
			['Why port 53?', 'IANA assigned it.']
		]);
	});
});
