import { describe, expect, it } from 'vitest';
import { readStructure, type TableBlock } from '../../../src/lib/notes/blocks';
import { parseNote } from '../../../src/lib/notes/parse';
import { cards, generate } from './helpers';

/** The same note with each HTML break read as a space, as it was before breaks were kept: ids must not differ. */
const spaced = (note: string) => note.replace(/<br\s*\/?>/gi, ' ');

describe('an HTML line break between the words of a line', () => {
	it('breaks the line on the card, and leaves the card its id', () => {
		const note = '## 기본\n**리전**: AWS 지역<br>복수 데이터 센터\n**가용 영역**: 리전 안의 데이터 센터 묶음<br/>\n';
		const list = cards(note);
		expect(list.map((card) => [card.front, card.back])).toEqual([
			['리전', 'AWS 지역\\\n복수 데이터 센터'],
			['가용 영역', '리전 안의 데이터 센터 묶음']
		]);
		expect(list.map((card) => card.id)).toEqual(cards(spaced(note)).map((card) => card.id));
	});

	it('breaks a list item inside its list, indented under its marker', () => {
		const note = '## EC2\n- **장점**\n  - 빠름: 몇 분 안에 뜸<br/>싸다\n  - 단점: 복잡함\n';
		const list = cards(note);
		const label = list.find((card) => card.front === '장점');
		expect(label?.back).toBe('- 빠름: 몇 분 안에 뜸\\\n  싸다\n- 단점: 복잡함');
		expect(list.find((card) => card.front === '빠름')?.back).toBe('몇 분 안에 뜸\\\n싸다');
		expect(list.map((card) => card.id).sort()).toEqual(cards(spaced(note)).map((card) => card.id).sort());
	});

	it('between `Q: question` and `A: answer` on one line makes the question card the two lines make, id and all', () => {
		const twoLines = '## 스택\n\nQ: 스택의 특징은?\nA: 후입선출(LIFO)\n\nQ: 대표 연산은?\nA: push와 pop\n';
		const oneLine = '## 스택\n\nQ: 스택의 특징은?<br>A: 후입선출(LIFO)\n\nQ: 대표 연산은?<br/>A: push와 pop\n';
		const list = cards(oneLine);
		expect(list.map((card) => [card.rule, card.front, card.back, card.id])).toEqual(cards(twoLines).map((card) => [card.rule, card.front, card.back, card.id]));
		expect(list.map((card) => card.front)).toEqual(['스택의 특징은?', '대표 연산은?']);
		// In a list item; a break before the answer label is the question's (a hint), one after it the answer's.
		const items = cards('## 큐\n\n- Q: 큐의 특징은?<br>힌트: 줄 서기<br>A: 선입선출<br>예: 프린터 대기열\n');
		expect(items.map((card) => [card.rule, card.front, card.back])).toEqual([['qa', '큐의 특징은?\\\n힌트: 줄 서기', '선입선출\\\n예: 프린터 대기열']]);
		// A line that only mentions an answer after its break is no pair.
		expect(cards('## 메모\n\nQ: 이건 질문?<br>아직 답 없음\n').some((card) => card.rule === 'qa')).toBe(false);
	});

	it('starts no list, heading or quote on the new line', () => {
		const [card] = cards('**Ports**: 80<br>- 443 for HTTPS<br># not a heading<br>> no quote');
		expect(card?.back).toBe('80\\\n\\- 443 for HTTPS\\\n\\# not a heading\\\n\\> no quote');
	});

	it('in a heading, parts its title from the first line of its material, which the title asks', () => {
		const note = '## 세포\n\n### 삼투<br/>반투막을 통해 물이 이동하는 현상\n\n### 확산<br/>농도 차이로 이동\n- 예: 향수 냄새\n';
		const made = cards(note);
		expect(made.map((card) => `${card.rule} ${card.path.join(' > ')} / ${card.front} → ${card.back}`)).toEqual([
			'section 세포 / 삼투 → 반투막을 통해 물이 이동하는 현상',
			'list 세포 / 확산 → 농도 차이로 이동\n\n- 예: 향수 냄새'
		]);
		// The cards the heading and its line make written apart, ids and all.
		expect(made.map((card) => card.id)).toEqual(cards(note.replace(/<br\/>/g, '\n')).map((card) => card.id));
		expect(generate(note).report.coverage).toEqual({ covered: 3, total: 3 });
		// A break at the end of a heading is no part of it.
		expect(cards('## 삼투<br/>\n반투막을 통해 물이 이동\n').map((card) => card.front)).toEqual(['삼투']);
	});

	it('breaks a table cell on its card, while the table stays one row a line', () => {
		const note = '| 용어 | 뜻 |\n|---|---|\n| 한계효용 | 추가 1단위의 효용<br>소비가 늘면 감소 |\n';
		const [card] = cards(note);
		expect(card?.back).toBe('추가 1단위의 효용\\\n소비가 늘면 감소');
		const table = readStructure(parseNote(note).tokens).sections[0]?.blocks[0] as TableBlock;
		expect(table.markdown.split('\n')).toHaveLength(3);
		expect(table.markdown).toContain('| 한계효용 | 추가 1단위의 효용 소비가 늘면 감소 |');
	});

	it('is a space in front matter', () => {
		const result = generate('---\ndeck: AWS<br>기초\ntags: [a<br>b]\n---\n**리전**: 지역\n');
		expect([result.deck.name, result.deck.tags]).toEqual(['AWS 기초', ['a b']]);
	});

	it('is a space in code and in an image description, and moves no line', () => {
		const result = generate('**ci**: a clean install<br>![lock<br>file](a.png)\n\n**x**: y\n');
		expect(result.deck.cards.map((card) => [card.back, card.source.line])).toEqual([
			['a clean install', 1],
			['y', 3]
		]);
		expect(result.deck.cards[0]?.images).toEqual([{ src: 'a.png', alt: 'lock file' }]);
		const [cloze] = cards('## Setup\nAlways run `npm<br>ci` in CI builds<br>for a clean install.');
		expect(cloze?.back).toBe('Always run ==npm ci== in CI builds\\\nfor a clean install.');
	});
});
