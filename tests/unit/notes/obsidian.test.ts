import { describe, expect, it } from 'vitest';
import { deckFileSchema } from '../../../src/lib/notes/deck-format';
import { cards, generate, sides } from './helpers';

/** Each card as front → back with its context. */
const shown = (text: string) => cards(text).map((card) => ({ front: card.front, back: card.back, path: card.path }));

const messages = (text: string) => generate(text).report.warnings.map((warning) => [warning.line, warning.message]);

// The QA pass's note, as an Obsidian user writes one.
const NETWORK_NOTE = `---
tags: [network, cs]
---
# 네트워크 기초

#cs #network

> [!note] 요약
> OSI 7계층은 통신을 7단계로 나눈 참조 모델이다.

## OSI 7계층
- 물리 계층: 비트 전송, [[케이블]]과 허브
- 데이터 링크 계층: 프레임, MAC 주소, [[스위치|L2 스위치]]

## TCP vs UDP
TCP는 ==연결 지향==이며 신뢰성을 보장한다.

> [!warning] 시험 포인트
> 3-way handshake 순서: SYN → SYN+ACK → ACK

## DNS #todo
DNS는 도메인 이름을 IP 주소로 바꿔준다. 자세한 건 [[DNS 동작 과정]] 참고.
- 재귀 질의: 로컬 DNS가 대신 끝까지 찾아줌
`;

describe('Obsidian callouts', () => {
	it('reads a callout with a title as that label over its body, never showing the [!type] mark', () => {
		const made = cards(NETWORK_NOTE);
		expect(made.find((card) => card.front === '시험 포인트')).toMatchObject({ rule: 'section', back: '3-way handshake 순서: SYN → SYN+ACK → ACK', path: ['TCP vs UDP'] });
		expect(sides(made).join('\n')).not.toContain('[!');
	});

	it('does not make the callout the answer of the section it follows', () => {
		const made = cards(NETWORK_NOTE);
		// The section's own material is a cloze: with the callout a card of its own, the heading asks nothing.
		expect(made.filter((card) => card.path.length === 0 && card.front === 'TCP vs UDP')).toEqual([]);
		expect(made.filter((card) => card.path[0] === 'TCP vs UDP').map((card) => card.rule)).toEqual(['cloze', 'section']);
	});

	it('makes a card of a callout right under the note’s title', () => {
		expect(shown(NETWORK_NOTE)[0]).toEqual({ front: '요약', back: 'OSI 7계층은 통신을 7단계로 나눈 참조 모델이다.', path: [] });
	});

	it('reads each kind of callout, folding ones too, over a list or a paragraph', () => {
		const note = [
			'## 스레드',
			'> [!example] 예시',
			'> - 웹 서버의 요청 처리',
			'> - 게임의 렌더링',
			'',
			'> [!faq]- 스레드와 프로세스의 차이는?',
			'> 스레드는 프로세스의 메모리를 공유한다.',
			'',
			'> [!QUESTION]+ 컨텍스트 스위칭이 더 싼 쪽은?',
			'> 스레드',
			''
		].join('\n');
		expect(shown(note)).toEqual([
			{ front: '예시', back: '- 웹 서버의 요청 처리\n- 게임의 렌더링', path: ['스레드'] },
			{ front: '스레드와 프로세스의 차이는?', back: '스레드는 프로세스의 메모리를 공유한다.', path: ['스레드'] },
			{ front: '컨텍스트 스위칭이 더 싼 쪽은?', back: '스레드', path: ['스레드'] }
		]);
	});

	it('puts an untitled callout’s body in the section around it, and that section goes on after a titled one', () => {
		const note = ['## 캐시', '캐시는 자주 쓰는 데이터를 가까이 둔다.', '', '> [!tip] 외우는 법', '> 가까울수록 빠르다', '', '> [!note]', '> 적중률이 성능을 정한다.', '', '지역성을 이용한다.', ''].join('\n');
		expect(shown(note)).toEqual([
			{ front: '캐시', back: '캐시는 자주 쓰는 데이터를 가까이 둔다.\n\n적중률이 성능을 정한다.\n\n지역성을 이용한다.', path: [] },
			{ front: '외우는 법', back: '가까울수록 빠르다', path: ['캐시'] }
		]);
	});

	it('keeps a callout of a title alone as a line of its section', () => {
		expect(shown('## 주의\n\n- 백업 먼저\n\n> [!warning] 운영 DB에서 실행하지 말 것\n')).toEqual([
			{ front: '주의', back: '- 백업 먼저\n\n운영 DB에서 실행하지 말 것', path: [] }
		]);
	});

	it('drops the mark of a callout inside a list item, keeping its title as a line', () => {
		expect(shown('## 정리\n\n- 항목\n  > [!tip] 팁\n  > 본문\n- 둘째\n')[0]?.back).toBe('- 항목\n  팁\n  본문\n- 둘째');
	});

	it('says so when a callout ends up on no card', () => {
		// Before any heading, in a note with no title to head it.
		const note = '> [!abstract]\n> 제목 없는 요약\n\n## 본문\n\n- 하나\n- 둘\n';
		expect(messages(note)).toEqual([[1, 'callout "제목 없는 요약" is on no card']]);
		// Under the note's title, with headings after it: an introduction, on no card either.
		expect(messages(`# 노트\n\n${note}`)).toEqual([[3, 'callout "제목 없는 요약" is on no card']]);
		expect(messages(NETWORK_NOTE)).toEqual([]);
	});

	it('leaves a plain quote, and a quote that only starts with a bracket, as it was', () => {
		expect(shown('## 인용\n\n> 배움에는 끝이 없다\n\n> [참고] 교과서 3장\n')).toEqual([{ front: '인용', back: '배움에는 끝이 없다\n\n\\[참고\\] 교과서 3장', path: [] }]);
	});

	it('keeps an image after a callout on its own section’s card, not the callout’s', () => {
		const note = '## 메모리\n\n**페이지**: 고정 크기 블록\n\n> [!tip] 팁\n> 크기는 4KB\n\n![그림](page.png)\n';
		const made = cards(note);
		expect(made.map((card) => [card.front, card.images.map((image) => image.src)])).toEqual([
			['페이지', ['page.png']],
			['팁', []]
		]);
	});
});

describe('Obsidian links and embeds', () => {
	it('shows a wikilink as its alias, or else as its note’s name', () => {
		const made = cards(NETWORK_NOTE);
		expect(made.find((card) => card.front === '물리 계층')?.back).toBe('비트 전송, 케이블과 허브');
		expect(made.find((card) => card.front === '데이터 링크 계층')?.back).toBe('프레임, MAC 주소, L2 스위치');
		expect(sides(made).join('\n')).not.toMatch(/\[\[|\\\[/);
	});

	it('shows a link to a heading as Obsidian does, and a block reference as its note', () => {
		expect(cards('## 링크\n\n- 라우터: [[네트워크#라우팅]] 참고\n- 위: [[#개요]] 참고\n- 블록: [[노트#^a1b2c3]] 참고\n').map((card) => card.back)).toEqual([
			'네트워크 \\> 라우팅 참고',
			'개요 참고',
			'노트 참고'
		]);
	});

	it('reads a wikilink in a table cell, where its bar is escaped', () => {
		expect(shown('| 장비 | 계층 |\n|---|---|\n| [[스위치\\|L2 스위치]] | 데이터 링크 |\n')).toEqual([{ front: 'L2 스위치', back: '데이터 링크', path: [] }]);
	});

	it('takes an embedded image as an image, as ![](file) is, its size its width, not alt text', () => {
		const made = cards('## 세포\n\n- 핵: 유전 정보 ![[cell.png|300]]\n- 막: 경계 ![[막 구조.jpg|세포막]]\n- 벽: 식물만 ![[wall.png|250x100]]\n');
		expect(made.flatMap((card) => card.images)).toEqual([
			{ src: 'cell.png', alt: '', width: 300 },
			{ src: encodeURI('막 구조.jpg'), alt: '세포막' },
			{ src: 'wall.png', alt: '', width: 250 }
		]);
		expect(sides(made).join('\n')).not.toContain('!');
		expect(made.find((card) => card.front === '핵')?.back).toBe('유전 정보');
	});

	it('reads the size ending a Markdown image’s alt text as Obsidian does, and no width out of bounds', () => {
		const made = cards('## 세포\n\n- 핵: 유전 정보 ![Nucleus|300](cell.png)\n- 막: 경계 ![|120x80](membrane.png)\n- 벽: 식물만 ![[wall.png|0]] ![[big.png|99999]] ![a|b](c.png)\n');
		expect(made.flatMap((card) => card.images)).toEqual([
			{ src: 'cell.png', alt: 'Nucleus', width: 300 },
			{ src: 'membrane.png', alt: '', width: 120 },
			{ src: 'c.png', alt: 'a|b' },
			{ src: 'wall.png', alt: '' },
			{ src: 'big.png', alt: '' }
		]);
		// The deck file takes what the generator gives.
		expect(() => deckFileSchema.parse({ format: 'recall-deck', version: 1, decks: [generate('## A\n\n- 핵: 유전 ![[cell.png|300]]\n').deck] })).not.toThrow();
	});

	it('leaves out an embedded note, with a warning', () => {
		const { deck, report } = generate('## DNS\n\n- 재귀 질의: 끝까지 찾아줌\n\n![[DNS 동작 과정]]\n');
		expect(sides(deck.cards).join('\n')).not.toContain('DNS 동작 과정');
		expect(report.warnings.map((warning) => [warning.line, warning.code])).toEqual([[5, 'note-embed-left-out']]);
	});

	it('reads an embedded note inside a sentence as its link, so the sentence names what it pointed at', () => {
		const { deck, report } = generate('## Deploy\n\n1. Build the app\n2. Upload it\n3. Restart the server\n\nSee also ![[Rollback#Steps]] and ![[Monitoring]].\n');
		expect(deck.cards.map((card) => card.back)).toEqual(['1. Build the app\n2. Upload it\n3. Restart the server\n\nSee also Rollback \\> Steps and Monitoring.']);
		expect(report.warnings).toEqual([]);
	});

	it('leaves brackets that are no wikilink, and code, as written', () => {
		const made = cards('## 배열\n\n- 중첩: a[[0]] 아닌 `arr[[i]]` 참고\n- 범위: [1, 2]\n');
		expect(made.find((card) => card.front === '중첩')?.back).toBe('a0 아닌 `arr[[i]]` 참고');
		expect(made.find((card) => card.front === '범위')?.back).toBe('\\[1, 2\\]');
	});
});

describe('Obsidian tags', () => {
	it('takes a heading’s tags off its title and puts them on the cards under it', () => {
		const made = cards(NETWORK_NOTE);
		const dns = made.filter((card) => card.front === 'DNS' || card.path[0] === 'DNS');
		expect(dns.map((card) => [card.front, card.path])).toEqual([
			['DNS', []],
			['재귀 질의', ['DNS']]
		]);
		expect(dns.map((card) => card.tags)).toEqual([
			['network', 'cs', 'todo'],
			['network', 'cs', 'todo']
		]);
		expect(made.find((card) => card.front === '물리 계층')?.tags).toEqual(['network', 'cs']);
	});

	it('tags every card with the note’s tags: its title’s and its lines of tags before the first heading', () => {
		const { deck } = generate('# 운영체제 #os\n\n#cs/기초\n\n## 프로세스\n\n- PCB: 프로세스 정보\n- 스레드: 실행 단위\n');
		expect(deck.name).toBe('운영체제');
		expect(deck.tags).toEqual(['os', 'cs/기초']);
		expect(deck.cards.map((card) => card.tags)).toEqual([
			['os', 'cs/기초'],
			['os', 'cs/기초']
		]);
	});

	it('puts the tags ending a line on the cards that hold that line, and subheadings inherit a heading’s', () => {
		const made = cards('## 동기화 #os\n\n### 도구\n\n- 세마포어: 정수 카운터 #시험\n- 뮤텍스: 잠금 하나\n');
		expect(made.map((card) => [card.front, card.back, card.tags])).toEqual([
			['세마포어', '정수 카운터', ['os', '시험']],
			['뮤텍스', '잠금 하나', ['os']]
		]);
	});

	it('does not take numbers, colours, C#, words inside a sentence, code or links for tags', () => {
		const note = '## 기호\n\n- 순위: #1\n- 색: #fff\n- 언어: C#\n- 태그: #중요 표시는 나중에\n- 코드: `#include`\n- 주소: https://example.com/#top\n- 날짜: 2023-01-01\n';
		const made = cards(note);
		expect(made.map((card) => card.back)).toEqual(['#1', '#fff', 'C#', '#중요 표시는 나중에', '`#include`', 'https://example.com/#top', '2023-01-01']);
		expect(made.flatMap((card) => card.tags)).toEqual([]);
	});

	it('leaves a note without Obsidian syntax as it was, tags from its front matter only', () => {
		const made = cards('---\ntags: [a]\n---\n## 단원\n\n- 하나: 첫째\n- 둘: 둘째\n');
		expect(made.map((card) => card.tags)).toEqual([['a'], ['a']]);
	});
});

describe('highlights next to Obsidian syntax', () => {
	it('still makes a cloze of ==text==, also around a wikilink', () => {
		expect(cards('## TCP\n\nTCP는 ==[[연결 지향|연결 지향형]]== 프로토콜이다.\n').map((card) => [card.front, card.back])).toEqual([
			['TCP는 [...] 프로토콜이다.', 'TCP는 ==연결 지향형== 프로토콜이다.']
		]);
	});
});

describe('footnotes (Obsidian, Typora, GitHub)', () => {
	const NOTE = `# Pharm

## Beta blockers
- **Propranolol**: non-selective beta blocker[^1]
- **Metoprolol**: beta-1 selective [^cardio]

They lower heart rate.[^2]

[^1]: Also used for migraine.
[^2]: See chapter 4,
    pages 10-12.
[^cardio]: Cardioselective.
`;

	it('make no cards, and their references leave the cards that cite them', () => {
		expect(cards(NOTE).map((card) => [card.front, card.back])).toEqual([
			['Beta blockers', '- Propranolol: non-selective beta blocker\n- Metoprolol: beta-1 selective\n\nThey lower heart rate.'],
			['Propranolol', 'non-selective beta blocker'],
			['Metoprolol', 'beta-1 selective']
		]);
	});

	it('keep the cards’ ids and line numbers: a footnote added to a studied line changes nothing of its card', () => {
		const plain = cards(NOTE.replace('[^1]', '').replace(' [^cardio]', '').replace('[^2]', ''));
		const cited = cards(NOTE);
		expect(cited.map((card) => [card.id, card.source.line])).toEqual(plain.map((card) => [card.id, card.source.line]));
	});

	it('only a label the note defines is a reference: a regular expression’s [^0-9] stays as written', () => {
		const note = '# Regex\n\n## Classes\n- **Negated class**: `[^0-9]` matches any non-digit\n- **Caret**: [^abc] is not a footnote here\n';
		const backs = new Map(cards(note).map((card) => [card.front, card.back]));
		expect(backs.get('Negated class')).toBe('`[^0-9]` matches any non-digit');
		expect(backs.get('Caret')).toBe('\\[^abc\\] is not a footnote here');
	});

	it('a `[^abc]:` line that nothing cites is a regular expression’s definition, not a footnote (regression check)', () => {
		const note = '# 정규표현식\n\n## 문자 클래스\n[abc]: a, b, c 중 하나\n[^abc]: a, b, c 를 제외한 문자\n[^0-9]: 숫자가 아닌 문자\n';
		expect(cards(note).map((card) => card.front)).toEqual(['\\[abc\\]', '\\[^abc\\]', '\\[^0-9\\]']);
		// A numbered footnote is one even when its reference has gone.
		expect(cards('# Pharm\n\n## Beta blockers\n- **Propranolol**: non-selective\n\n[^1]: Also used for migraine.\n').map((card) => card.front)).toEqual(['Propranolol']);
	});

	it('in fenced code are code', () => {
		const note = '# Code\n\n## Example\n\n```md\ntext[^1]\n[^1]: a footnote\n```\n';
		expect(cards(note).map((card) => card.back).join('\n')).toContain('[^1]: a footnote');
	});
});

describe('a table of contents line ([TOC], [[toc]], [[_TOC_]], ${toc})', () => {
	it('is no text of the note: no card, no warning of text on no card', () => {
		for (const toc of ['[TOC]', '[[toc]]', '[[_TOC_]]', '${toc}']) {
			const note = `# Notes\n\n## Terms\n\n${toc}\n\n- **apple**: 사과\n- **pear**: 배\n`;
			expect(cards(note).map((card) => card.front)).toEqual(['apple', 'pear']);
			expect(generate(note).report.warnings).toEqual([]);
		}
	});
});

describe('code blocks Obsidian runs: Mermaid diagrams, Dataview, Tasks and search queries', () => {
	it('are on no card: a sentence beside one is its heading’s answer alone', () => {
		const note = '## DNS\n\n```mermaid\ngraph LR\nBrowser --> Resolver\n```\n\nDNS turns names into addresses.\n\n## Open tasks\n\n```dataview\nTASK FROM #dns\n```\n\n```dataviewjs\ndv.list(dv.pages("#dns").file.name)\n```\n';
		expect(shown(note)).toEqual([{ front: 'DNS', back: 'DNS turns names into addresses.', path: [] }]);
		// Not left over either: the report has no code on no card to speak of.
		expect(generate(note).report.uncovered).toEqual([]);
		expect(generate(note).report.warnings).toEqual([]);
	});

	it('leave other code, and a block of code that only mentions mermaid, on its card', () => {
		expect(shown('## Flow\n\n```text\nmermaid\n```\n')).toEqual([{ front: 'Flow', back: '```text\nmermaid\n```', path: [] }]);
	});
});

describe('the Tasks plugin’s fields ending a task', () => {
	it('are left off the cards: dates, priority, recurrence, before or after the line’s tags', () => {
		const note = '## Exam prep\n\n- [ ] Review the Krebs cycle 📅 2026-12-01 ⏫\n- [x] Read chapter 3 ✅ 2026-11-01 #biology\n- [ ] Flashcards 🔁 every week 🛫 2026-11-20\n';
		const [card] = cards(note);
		expect(card?.back).toBe('- ☐ Review the Krebs cycle\n- ☑ Read chapter 3\n- ☐ Flashcards');
		expect(card?.tags).toContain('biology');
	});

	it('are read only as a line’s end, each after a space: an emoji in the sentence or a date alone stays', () => {
		const backs = cards('## Log\n\n- ✅ 2026-11-01 was the release\n- Released on 2026-11-01\n- Done✅ 2026-11-01\n').map((card) => card.back);
		expect(backs).toEqual(['- ✅ 2026-11-01 was the release\n- Released on 2026-11-01\n- Done✅ 2026-11-01']);
	});

	it('are read on task items only: elsewhere the same emoji are words of the note', () => {
		const backs = cards('## 금리\n\n- 금리 인상 → 환율 🔼\n- Go-live ✅ 2026-11-27\n').map((card) => card.back);
		expect(backs.join('\n')).toContain('환율 🔼');
		expect(backs.join('\n')).toContain('Go-live ✅ 2026-11-27');
	});
});
