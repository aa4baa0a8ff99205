import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/deck-format';
import { cardId } from '../../../src/lib/notes/ids';
import { matchCards } from '../../../src/lib/notes/match';
import { generate } from './helpers';

const shown = (list: readonly Card[]) => list.map((card) => ({ rule: card.rule, path: card.path, front: card.front, back: card.back }));

describe('the material under a note’s title', () => {
	it('makes a card of a list right under the lone H1, the title asking', () => {
		const { deck, report } = generate('# 블랙박스 테스트 기법\n\n- 동등 분할\n- 경계값 분석\n- 결정 테이블\n');
		expect(deck.name).toBe('블랙박스 테스트 기법');
		expect(shown(deck.cards)).toEqual([{ rule: 'list', path: [], front: '블랙박스 테스트 기법', back: '- 동등 분할\n- 경계값 분석\n- 결정 테이블' }]);
		expect(report.coverage).toEqual({ covered: 3, total: 3 });
		expect(report.warnings).toEqual([]);
	});

	it('makes a steps card of numbered steps, and a passage card of short prose, under the title', () => {
		expect(shown(generate('# 형상 관리 절차\n\n1. 형상 식별\n2. 형상 통제\n3. 형상 감사\n').deck.cards)).toEqual([
			{ rule: 'steps', path: [], front: '형상 관리 절차: 단계를 순서대로', back: '1. 형상 식별\n2. 형상 통제\n3. 형상 감사' }
		]);
		expect(shown(generate('# Osmosis\n\nWater moves across a membrane toward the side with more solute.\n').deck.cards)).toEqual([
			{ rule: 'section', path: [], front: 'Osmosis', back: 'Water moves across a membrane toward the side with more solute.' }
		]);
	});

	it('asks numbered lines by the line that introduces them, not as steps, keeping the steps card’s id', () => {
		const note = (leadIn: string) => `## Deadlock\n${leadIn}\n\n1. Mutual exclusion\n2. Hold and wait\n3. No preemption\n4. Circular wait\n`;
		const [conditions] = generate(note('Four Coffman conditions:')).deck.cards;
		expect([conditions?.rule, conditions?.front]).toEqual(['steps', 'Deadlock: Four Coffman conditions']);
		const [steps] = generate(note('They arise together.')).deck.cards;
		expect(steps?.front).toBe('Deadlock: the steps in order');
		expect(conditions?.id).toBe(steps?.id);
		// A lead-in that names nothing, or a sentence of prose, leaves the steps wording.
		expect(generate(note('Example:')).deck.cards[0]?.front).toBe('Deadlock: the steps in order');
		expect(generate('## 교착 상태\n발생 조건:\n1. 상호 배제\n2. 점유 대기\n3. 비선점\n').deck.cards[0]?.front).toBe('교착 상태: 발생 조건');
	});

	it('keeps the cards under the title off any heading path, so their ids stay those they had', () => {
		const { deck } = generate('# 단어\n\n- apple: 사과\n- 과일 이름은 영어로 외운다\n\n## 동사\n\n- go: 가다\n');
		const apple = deck.cards.find((card) => card.front === 'apple');
		expect(apple?.path).toEqual([]);
		expect(apple?.id).toBe(cardId('단어', [], 'basic apple'));
		expect(deck.cards.find((card) => card.front === 'go')?.path).toEqual(['동사']);
		expect(deck.cards.find((card) => card.front === '단어')?.back).toBe('- apple: 사과\n- 과일 이름은 영어로 외운다');
	});

	it('makes no card of prose under the title when headings follow: an introduction (a teacher, a date) is nothing to recall', () => {
		const note = '# 운영체제 3주차\n\n교수님: 김교수, 2024-03-12\n\n## 스케줄링\n\n- FCFS: 먼저 온 순서\n- SJF: 짧은 작업 먼저\n';
		expect(generate(note).deck.cards.map((card) => card.front)).toEqual(['FCFS', 'SJF']);
		// A list there is still its title's card.
		expect(generate(note.replace('교수님: 김교수, 2024-03-12', '- 교재 3장\n- 과제 2번')).deck.cards.map((card) => card.front)).toEqual(['운영체제 3주차', 'FCFS', 'SJF']);
	});

	it('makes no card of the title alone, nor of material before it', () => {
		const { deck } = generate('# 네트워크\n\n## OSI\n\n- 7계층\n- 참조 모델\n');
		expect(deck.cards.map((card) => card.front)).toEqual(['OSI']);
	});
});

describe('prose too long for one card', () => {
	const words = (start: string, count: number) => `${start} ${Array.from({ length: count }, (_, i) => `word${i}`).join(' ')}.`;
	const first = words('Paging splits memory into frames', 60);
	const second = words('Segmentation splits it by meaning', 60);
	const third = words('Thrashing happens when the working sets', 60);

	it('makes a card of each paragraph, asked by its first words under the heading', () => {
		const { deck, report } = generate(`# OS\n\n## Memory\n\n${first}\n\n${second}\n\n${third}\n`);
		expect(first.length + second.length + third.length).toBeGreaterThan(600);
		expect(shown(deck.cards)).toEqual([
			{ rule: 'section', path: ['Memory'], front: 'Paging splits memory into…', back: first },
			{ rule: 'section', path: ['Memory'], front: 'Segmentation splits it by…', back: second },
			{ rule: 'section', path: ['Memory'], front: 'Thrashing happens when the…', back: third }
		]);
		expect(report.coverage).toEqual({ covered: 3, total: 3 });
		expect(report.warnings).toEqual([]);
	});

	it('keeps each paragraph’s id when another is inserted or removed', () => {
		const before = generate(`## Memory\n\n${first}\n\n${third}\n`).deck.cards;
		const after = generate(`## Memory\n\n${first}\n\n${second}\n\n${third}\n`).deck.cards;
		expect(before).toHaveLength(2);
		expect(after.map((card) => card.id)).toEqual(expect.arrayContaining(before.map((card) => card.id)));
	});

	it('puts code, and a paragraph too short to ask by, with the paragraph before them', () => {
		const { deck } = generate(`## Memory\n\n${first}\n\nExam favourite\n\n\`\`\`\nFIFO 1 2 3\n\`\`\`\n\n${second}\n`);
		expect(deck.cards.map((card) => card.back)).toEqual([`${first}\n\nExam favourite\n\n\`\`\`\nFIFO 1 2 3\n\`\`\``, second]);
	});

	it('warns about a paragraph still too long, and counts it in the report', () => {
		const long = words('페이지 교체 알고리즘은 물리 메모리에 빈 프레임이 없을 때', 150);
		const { deck, report } = generate(`# 운영체제\n\n## 페이지 교체\n${long}\n\n## 세그먼트\n세그먼트는 논리적 단위로 메모리를 나눈다.\n`);
		expect(deck.cards.map((card) => card.front)).toEqual(['세그먼트']);
		expect(report.coverage).toEqual({ covered: 1, total: 2 });
		expect(report.uncovered).toEqual([{ line: 4, kind: 'passage', text: long }]);
		expect(report.warnings.map(({ line, message }) => ({ line, message }))).toEqual([
			{
				line: 4,
				message: 'the paragraph "페이지 교체 알고리즘은 물리…" under "페이지 교체" is on no card: it is longer than 600 characters (blank lines between its parts make a card of each)'
			}
		]);
	});

	it('keeps a short passage whole, and a long list on one card', () => {
		const items = Array.from({ length: 30 }, (_, i) => `- point number ${i} of the long list`).join('\n');
		expect(shown(generate(`## Points\n\n${items}\n`).deck.cards).map((card) => card.rule)).toEqual(['list']);
		expect(shown(generate('## Short\n\nOne paragraph.\n\nAnother one.\n').deck.cards)).toEqual([
			{ rule: 'section', path: [], front: 'Short', back: 'One paragraph.\n\nAnother one.' }
		]);
	});
});

describe('a plain label over sub-items', () => {
	it('makes a card of a short label item over its sub-items, as a bold one does, beside the heading’s card', () => {
		const note = '## 스레드\n\n- 스레드끼리 힙을 공유한다\n- 장점\n  - 응답성 향상\n  - 자원 공유\n- 단점:\n  - 동기화 문제\n';
		expect(shown(generate(note).deck.cards)).toEqual([
			{ rule: 'list', path: [], front: '스레드', back: '- 스레드끼리 힙을 공유한다\n- 장점\n  - 응답성 향상\n  - 자원 공유\n- 단점:\n  - 동기화 문제' },
			{ rule: 'list', path: ['스레드'], front: '장점', back: '- 응답성 향상\n- 자원 공유' },
			{ rule: 'list', path: ['스레드'], front: '단점', back: '- 동기화 문제' }
		]);
	});

	it('gives the same id to a label bold or plain, and keeps a bold label’s card as it was', () => {
		const plain = generate('## Databases\n\n- SQL\n  - tables\n  - joins\n').deck.cards.find((card) => card.front === 'SQL');
		const bold = generate('## Databases\n\n- **SQL**\n  - tables\n  - joins\n').deck.cards.find((card) => card.front === 'SQL');
		expect(bold?.id).toBe(cardId('note', ['Databases'], 'basic SQL'));
		expect(plain?.id).toBe(bold?.id);
	});

	it('puts a label under the label or term of the item above it, so that two “장점” are told apart', () => {
		const note = '## 비교\n\n- 프로세스\n  - 장점\n    - 안정성\n    - 격리\n- 스레드\n  - 장점\n    - 가벼움\n    - 공유\n';
		const labels = generate(note).deck.cards.filter((card) => card.front === '장점');
		expect(labels.map((card) => card.path)).toEqual([
			['비교', '프로세스'],
			['비교', '스레드']
		]);
		expect(new Set(labels.map((card) => card.id)).size).toBe(2);
		expect(generate(note).report.warnings).toEqual([]);
	});

	it('makes no card of a sentence, a point made finer, a date, a range, a link or a definition over sub-items', () => {
		for (const item of ['스레드는 힙을 공유한다', 'Threads share the heap.', '2023-01-01', '3 - 5', 'https://example.com', '예시']) {
			const { deck } = generate(`## 노트\n\n- ${item}\n  - 첫째 내용\n  - 둘째 내용\n`);
			expect(deck.cards.map((card) => card.front), item).toEqual(['노트']);
		}
		// Words over a single sub-item: an outline, not a label.
		expect(generate('## 노트\n\n- 실행 중인 프로그램\n  - 메모리에 올라간 상태\n').deck.cards.map((card) => card.front)).toEqual(['노트']);
		// A definition over sub-items stays the definition it was.
		const cards = generate('## 큐\n\n- 활용: BFS\n  - 프린터 대기열\n  - 버퍼\n- FIFO 구조\n').deck.cards;
		expect(shown(cards).find((card) => card.front === '활용')).toEqual({ rule: 'definition', path: ['큐'], front: '활용', back: 'BFS\n\n- 프린터 대기열\n- 버퍼' });
	});

	it('makes no card of a label over definitions only, but keeps one over steps', () => {
		const definitions = generate('## 해시\n\n- 충돌 해결법\n  - 체이닝: 연결 리스트로 저장\n  - 개방 주소법: 빈 칸을 찾아 저장\n- 해시 함수는 빨라야 한다\n').deck.cards;
		expect(definitions.map((card) => `${card.rule} ${card.front}`)).toEqual(['list 해시', 'definition 체이닝', 'definition 개방 주소법']);
		const steps = generate('## 개발\n\n- 절차\n  1. 분석: 요구사항 정리\n  2. 설계: 구조 결정\n  3. 구현: 코드 작성\n- 도구는 자유\n').deck.cards;
		expect(steps.find((card) => card.front === '절차')?.back).toBe('1. 분석: 요구사항 정리\n2. 설계: 구조 결정\n3. 구현: 코드 작성');
	});
});

describe('a list whose every item is a definition', () => {
	it('makes no card of its own: each item has its card', () => {
		const { deck, report } = generate('# OS\n\n## 프로세스\n- 프로세스: 실행 중인 프로그램\n  - 독립된 메모리 공간\n- PCB: 프로세스 정보를 저장하는 자료구조\n');
		expect(shown(deck.cards)).toEqual([
			// The term is its heading's subject: its context is not its heading again.
			{ rule: 'definition', path: [], front: '프로세스', back: '실행 중인 프로그램\n\n- 독립된 메모리 공간' },
			{ rule: 'definition', path: ['프로세스'], front: 'PCB', back: '프로세스 정보를 저장하는 자료구조' }
		]);
		expect(report.coverage).toEqual({ covered: 3, total: 3 });
	});

	it('keeps the list’s card when an item is no definition, or prose beside the list has no other card', () => {
		const mixed = generate('## 프로세스\n- 프로세스: 실행 중인 프로그램\n- 상태는 다섯 가지\n').deck.cards;
		expect(mixed.map((card) => card.front)).toEqual(['프로세스', '프로세스']);
		// As the built-in deck's 출시 서비스: a conclusion follows the definitions.
		const concluded = generate('❄️ **출시 서비스**\n- S3: 객체 기반 스토리지 서비스\n- EC2: 가상머신 제공\n\n➡️ AWS는 초기에 인프라 서비스를 제공했다.\n').deck.cards;
		expect(concluded.map((card) => `${card.rule} ${card.front}`)).toEqual(['list 출시 서비스', 'definition S3', 'definition EC2']);
	});

	it('keeps the list’s card, with the picture, when a picture of its own stands beside the list', () => {
		const cards = generate('## 세포 소기관\n\n![세포 구조](cell.png)\n\n- 리보솜: 단백질 합성\n- 골지체: 단백질 가공\n').deck.cards;
		expect(cards.map((card) => `${card.rule} ${card.front} ${card.images.map((image) => image.src).join(' ')}`.trim())).toEqual([
			'list 세포 소기관 cell.png',
			'definition 리보솜',
			'definition 골지체'
		]);
	});

	it('keeps steps, whose order is to learn, and code beside the definitions', () => {
		const steps = generate('## 개발 절차\n\n1. 분석: 요구사항 정리\n2. 설계: 구조 결정\n3. 구현: 코드 작성\n').deck.cards;
		expect(steps.map((card) => card.rule)).toEqual(['steps', 'definition', 'definition', 'definition']);
		const code = generate('## SQL\n\n- SELECT: reads rows\n- DELETE: removes rows\n\n```sql\nSELECT * FROM t;\n```\n').deck.cards;
		expect(shown(code)[0]).toEqual({ rule: 'section', path: [], front: 'SQL', back: '```sql\nSELECT * FROM t;\n```' });
		expect(code).toHaveLength(3);
	});
});

describe('exam summaries drawn with symbols', () => {
	it('reads `■ part` as a label over its lines, and `▶` as a bullet (정보처리기사 style)', () => {
		const note = '# DB 요약\n■ 정규화\n▶ 1NF: 원자값\n▶ 2NF: 부분 함수 종속 제거\n\n■ ACID\n- 원자성 : 모두 반영\n- 일관성 : 일관된 상태\n## 키\n- 후보키: 유일성+최소성\n- 기본키: 대표\n';
		expect(generate(note).deck.cards.map((card) => `${card.path.join(' > ')} / ${card.front} → ${card.back}`)).toEqual([
			'정규화 / 1NF → 원자값',
			'정규화 / 2NF → 부분 함수 종속 제거',
			'ACID / 원자성 → 모두 반영',
			'ACID / 일관성 → 일관된 상태',
			'키 / 후보키 → 유일성+최소성',
			'키 / 기본키 → 대표'
		]);
		// A box before a sentence or a definition is no label.
		const memo = generate('## 메모\n\n■ 시험은 다음 주입니다.\n\n■ 범위: 3장\n').deck.cards;
		expect(memo.map((card) => [card.path, card.front])).toEqual([[[], '메모']]);
	});
});

describe('a label item over sub-items and code', () => {
	it('makes its card with the code, as its steps and code are what it heads (QA)', () => {
		const note = '## 정렬\n- 퀵 정렬\n  - 피벗 선택\n  - 분할\n  ```python\n  def quick(a): pass\n  ```\n- 힙 정렬\n  - 힙 구성\n  - 정렬\n';
		const quick = generate(note).deck.cards.find((card) => card.front === '퀵 정렬');
		expect(quick?.back).toContain('- 피벗 선택');
		expect(quick?.back).toContain('def quick(a): pass');
	});
});

describe('a plain label line over a list', () => {
	const bold = '## 전송 계층\n\n**흐름 제어**\n- 수신자가 처리할 수 있는 만큼만 보냄\n- 슬라이딩 윈도우\n\n**혼잡 제어**\n- 송신 속도 조절\n- 느린 시작\n';
	const plain = bold.replace('**흐름 제어**', '흐름 제어:').replace('**혼잡 제어**', '혼잡 제어：');

	it('is a label as its bold form is: the same cards, the same ids, so rewriting one as the other retires no card', () => {
		const before = generate(bold).deck.cards;
		const after = generate(plain).deck.cards;
		expect(shown(after)).toEqual([
			{ rule: 'list', path: ['전송 계층'], front: '흐름 제어', back: '- 수신자가 처리할 수 있는 만큼만 보냄\n- 슬라이딩 윈도우' },
			{ rule: 'list', path: ['전송 계층'], front: '혼잡 제어', back: '- 송신 속도 조절\n- 느린 시작' }
		]);
		expect(after.map((card) => card.id)).toEqual(before.map((card) => card.id));
		expect(after[0]?.id).toBe(cardId('note', ['전송 계층'], 'basic 흐름 제어'));
		// Nothing vanished, so nothing needs pairing to keep its history.
		expect(matchCards(before, after)).toEqual([]);
		// With a blank line before the list, and drawn decoration before the words, as the bold label may have.
		const spaced = generate('## 컴퓨팅\n\n❄️ EC2 인스턴스 유형:\n\n- 범용\n- 메모리 최적화\n').deck.cards;
		expect(spaced.map((card) => card.id)).toEqual(generate('## 컴퓨팅\n\n❄️ **EC2 인스턴스 유형**\n\n- 범용\n- 메모리 최적화\n').deck.cards.map((card) => card.id));
		expect(shown(spaced)).toEqual([{ rule: 'list', path: ['컴퓨팅'], front: 'EC2 인스턴스 유형', back: '- 범용\n- 메모리 최적화' }]);
	});

	it('leaves a clause ending in a colon where it was: in the heading’s card', () => {
		for (const line of [
			'The three types are as follows:',
			'There are several kinds of joins:',
			'Things you should know:',
			'For example:',
			'정렬 알고리즘은 다음과 같이 나눌 수 있다:',
			'종류는 다음과 같다:',
			'오늘 배운 탐색 방법:'
		]) {
			const cards = generate(`## 정리\n\n${line}\n- 첫째 항목\n- 둘째 항목\n`).deck.cards;
			expect(shown(cards), line).toEqual([{ rule: 'list', path: [], front: '정리', back: `${line}\n\n- 첫째 항목\n- 둘째 항목` }]);
		}
		// A line with more after its colon, or a paragraph of more than the one line, is no label.
		expect(generate('## 큐\n\n활용: BFS\n- 프린터 대기열\n- 버퍼\n').deck.cards.map((card) => card.front)).toEqual(['큐']);
		expect(generate('## 큐\n\n큐는 FIFO 구조다.\n활용:\n- 프린터 대기열\n- 버퍼\n').deck.cards.map((card) => card.front)).toEqual(['큐']);
	});

	it('is a label wherever the bold form is one: over one item, and words that are no term before a definition', () => {
		for (const label of ['Example', '참고', 'Key points', '시험 포인트', 'Summary', "Newton's first law", 'Disadvantages of TCP']) {
			const colon = generate(`## 정리\n\n${label}:\n- 첫째 항목\n`).deck.cards;
			const bold = generate(`## 정리\n\n**${label}**\n- 첫째 항목\n`).deck.cards;
			expect(shown(colon), label).toEqual([{ rule: 'list', path: ['정리'], front: label, back: '- 첫째 항목' }]);
			expect(colon.map((card) => card.id), label).toEqual(bold.map((card) => card.id));
		}
		// Two labels of several words one after the other: each its own card (the second was the first one's notes).
		const both = generate('## TCP\n\nAdvantages of TCP:\n- reliable delivery\n- ordered\n\nDisadvantages of TCP:\n- slower\n').deck.cards;
		expect(shown(both)).toEqual([
			{ rule: 'list', path: ['TCP'], front: 'Advantages of TCP', back: '- reliable delivery\n- ordered' },
			{ rule: 'list', path: ['TCP'], front: 'Disadvantages of TCP', back: '- slower' }
		]);
	});

	it('after a bold label’s own list, follows it as another label, not in its context', () => {
		const note = '## TCP\n\n**특징**\n- 연결형 프로토콜\n- 신뢰성 보장\n\n장점:\n- 데이터 손실 없음\n- 순서 보장\n';
		const plain = generate(note).deck.cards;
		const bold = generate(note.replace('장점:', '**장점**')).deck.cards;
		expect(plain.map((card) => [card.path.join(' > '), card.front])).toEqual([
			['TCP', '특징'],
			['TCP', '장점']
		]);
		expect(plain.map((card) => card.id)).toEqual(bold.map((card) => card.id));
	});

	it('over numbered lines stays the line that says what they are, on the heading’s steps card', () => {
		const [card] = generate('## 교착 상태\n발생 조건:\n- 상호 배제\n- 점유 대기\n').deck.cards;
		expect([card?.path, card?.front]).toEqual([['교착 상태'], '발생 조건']);
		const [steps] = generate('## 교착 상태\n발생 조건:\n1. 상호 배제\n2. 점유 대기\n3. 비선점\n').deck.cards;
		expect([steps?.path, steps?.front]).toEqual([[], '교착 상태: 발생 조건']);
	});
});

describe('a plain line right over a list, with no colon', () => {
	const elasticity =
		'## 탄력성\n**수요의 가격탄력성** = 수요량 변화율 / 가격 변화율\n\n탄력성 결정 요인\n- 대체재가 있으면 탄력적\n- 기간이 길수록 탄력적\n\n판례처럼 덧붙인 한 줄\n\n**총수입(TR)**: P × Q\n- 비탄력적일 때 가격 인상 → 총수입 증가\n- 탄력적일 때 가격 인상 → 총수입 감소\n';

	it('heads the list as a label, and a bold term after it is the heading’s again', () => {
		const list = generate(elasticity).deck.cards;
		expect(shown(list.filter((card) => card.rule === 'list'))).toEqual([
			{ rule: 'list', path: ['탄력성'], front: '탄력성 결정 요인', back: '- 대체재가 있으면 탄력적\n- 기간이 길수록 탄력적\n\n판례처럼 덧붙인 한 줄' }
		]);
		expect(list.filter((card) => card.rule === 'definition').map((card) => [card.path.join(' > '), card.front])).toEqual([
			['탄력성', '수요의 가격탄력성'],
			['탄력성', '총수입(TR)'],
			['탄력성 > 총수입(TR)', '비탄력적일 때 가격 인상'],
			['탄력성 > 총수입(TR)', '탄력적일 때 가격 인상']
		]);
		// Written with its colon, it is the same label with the same cards.
		expect(generate(elasticity.replace('탄력성 결정 요인\n', '탄력성 결정 요인:\n')).deck.cards.map((card) => card.id)).toEqual(list.map((card) => card.id));
	});

	it('puts the sub-items of a label item under the label line over them', () => {
		const fetus = generate('## 권리능력\n**권리능력**: 권리와 의무의 주체가 될 수 있는 지위\n\n태아의 권리능력\n- 원칙: 권리능력 없음\n- 예외\n  - 상속\n  - 유증\n').deck.cards;
		expect(fetus.find((card) => card.front === '원칙')?.path).toEqual(['권리능력', '태아의 권리능력']);
	});

	it('under a bold label, has that label in its context, with or without its colon', () => {
		const note = '## 컴퓨팅\n\n**EC2**\n\n장점\n- 빠른 확장\n- 다양한 유형\n\n단점:\n- 비용 관리\n- 패치 책임\n';
		expect(generate(note).deck.cards.map((card) => [card.path.join(' > '), card.front])).toEqual([
			['컴퓨팅 > EC2', '장점'],
			['컴퓨팅 > EC2', '단점']
		]);
	});

	it('is no label with a blank line before the list, nor a clause, nor a term with its definition', () => {
		for (const line of ['탄력성 결정 요인\n', 'We covered these\n', '오늘 배운 것\n', '총수입: P × Q\n', '수요의 법칙 - 가격이 오르면 수요량 감소\n', 'ex)\n', '(예시)\n', '※ 주의\n', 'cf)\n', '즉\n', '정리하면\n', '아래 참고\n']) {
			const cards = generate(`## 정리\n\n${line}- 첫째 항목\n- 둘째 항목\n`.replace('탄력성 결정 요인\n', '탄력성 결정 요인\n\n')).deck.cards;
			expect(cards.filter((card) => card.rule === 'list').map((card) => card.front), line).toEqual(['정리']);
		}
	});
});

describe('a question alone on its line over a bulleted list', () => {
	it('asks the question, the list its answer, with or without a blank line between', () => {
		const note = '## DI\n**DI**: dependencies are given to an object\n\nWhy constructor injection?\n- dependencies can be final\n- easy to unit test\n\n## 캐시\n캐시를 쓰는 이유는?\n\n- 속도\n- 부하 감소\n';
		expect(shown(generate(note).deck.cards.filter((card) => card.rule === 'list'))).toEqual([
			{ rule: 'list', path: ['DI'], front: 'Why constructor injection?', back: '- dependencies can be final\n- easy to unit test' },
			{ rule: 'list', path: ['캐시'], front: '캐시를 쓰는 이유는?', back: '- 속도\n- 부하 감소' }
		]);
		// Its code stays code on the front.
		expect(generate('## Tx\nWhat does `@Transactional` do?\n- wraps the method in a transaction\n- rolls back on failure\n').deck.cards.map((card) => card.front)).toEqual(['What does `@Transactional` do?']);
	});

	it('is answered by its list alone: the code and prose after it are the heading’s, as a colon label’s are its own', () => {
		const note = '## DI\n**DI**: dependencies are given to an object\n\nWhy constructor injection?\n- dependencies can be final\n- easy to unit test\n\n```java\nclass A { A(B b) {} }\n```\n\nSpring calls the constructor itself.\n';
		expect(shown(generate(note).deck.cards)).toEqual([
			{ rule: 'section', path: [], front: 'DI', back: '```java\nclass A { A(B b) {} }\n```\n\nSpring calls the constructor itself.' },
			{ rule: 'definition', path: ['DI'], front: 'DI', back: 'dependencies are given to an object' },
			{ rule: 'list', path: ['DI'], front: 'Why constructor injection?', back: '- dependencies can be final\n- easy to unit test' }
		]);
		const labelled = generate('## DI\n**DI**: dependencies are given to an object\n\nConstructor injection:\n- dependencies can be final\n- easy to unit test\n\n```java\nclass A { A(B b) {} }\n```\n').deck.cards;
		expect(labelled.map((card) => `${card.rule} ${card.front}`)).toEqual(['definition DI', 'list Constructor injection']);
	});

	it('leaves a question put to the reader, a remark, and prose asking in the heading’s card', () => {
		for (const line of ['What do you think?', '오늘은 뭘 배웠을까?', 'Why? Because it is simpler. Really?']) {
			const cards = generate(`## 정리\n${line}\n- 첫째 항목\n- 둘째 항목\n`).deck.cards;
			expect(cards.map((card) => card.front), line).toEqual(['정리']);
		}
	});
});

describe('a plain line naming points or kinds over numbered lines', () => {
	it('is their label, as over a bulleted list: the heading’s material before it keeps its own card', () => {
		const note = '## IoC and DI\n**DI**: dependencies are given to an object\n\nThree ways to inject:\n1. Constructor injection\n2. Setter injection\n3. Field injection\n';
		expect(shown(generate(note).deck.cards)).toEqual([
			{ rule: 'definition', path: ['IoC and DI'], front: 'DI', back: 'dependencies are given to an object' },
			{ rule: 'list', path: ['IoC and DI'], front: 'Three ways to inject', back: '1. Constructor injection\n2. Setter injection\n3. Field injection' }
		]);
		// A line naming steps, or naming neither, says what the heading's steps card asks.
		expect(generate('## 배포\n배포 순서:\n1. 빌드한다\n2. 푸시한다\n3. 재시작한다\n').deck.cards.map((card) => [card.path, card.front])).toEqual([[[], '배포: 배포 순서']]);
	});
});

describe('numbered steps under bullets', () => {
	const sending = '## 데이터 전송 과정\n- 송신 측은 위 계층부터 캡슐화\n- 수신 측은 그 반대\n\n1. 응용 계층: 데이터 생성\n2. 전송 계층: 세그먼트로 분할\n3. 네트워크 계층: IP 주소 부여\n';
	const layers = '1. 응용 계층: 데이터 생성\n2. 전송 계층: 세그먼트로 분할\n3. 네트워크 계층: IP 주소 부여';

	it('keeps the bullets over the steps off the steps card: they are the title’s list card', () => {
		const list = generate(sending).deck.cards;
		expect(shown(list.filter((card) => card.rule !== 'definition'))).toEqual([
			{ rule: 'list', path: [], front: '데이터 전송 과정', back: '- 송신 측은 위 계층부터 캡슐화\n- 수신 측은 그 반대' },
			{ rule: 'steps', path: [], front: '데이터 전송 과정: 단계를 순서대로', back: layers }
		]);
		// The steps card is the one the steps alone make, history and all.
		const alone = generate('## 데이터 전송 과정\n' + layers + '\n').deck.cards.find((card) => card.rule === 'steps');
		expect(list.find((card) => card.rule === 'steps')?.id).toBe(alone?.id);
		expect(generate(sending).report.coverage).toEqual({ covered: 5, total: 5 });
		// Numbered terms and their definitions under a title naming no procedure are a glossary: their cards, no steps.
		const osi = generate('## OSI 7계층\n- 네트워크 통신을 7개의 계층으로 나눈 모델\n- 각 계층은 독립적으로 동작\n\n1. 물리 계층: 전기 신호\n2. 데이터 링크 계층: MAC 주소\n3. 네트워크 계층: IP 주소\n').deck.cards;
		expect(osi.map((card) => `${card.rule} ${card.front}`)).toEqual(['list OSI 7계층', 'definition 물리 계층', 'definition 데이터 링크 계층', 'definition 네트워크 계층']);
	});

	it('makes no card of bullets over the steps that are definitions, and keeps a lead-in and what follows the steps with them', () => {
		const defined = generate('## 배포\n- 도구: Docker\n- 대상: 스테이징 서버\n\n1. 빌드한다\n2. 푸시한다\n3. 배포한다\n').deck.cards;
		expect(defined.map((card) => `${card.rule} ${card.front} → ${card.back}`)).toEqual([
			'steps 배포: 단계를 순서대로 → 1. 빌드한다\n2. 푸시한다\n3. 배포한다',
			'definition 도구 → Docker',
			'definition 대상 → 스테이징 서버'
		]);
		const led = generate('## 교착 상태\n- 프로세스들이 서로를 기다림\n- 아무도 진행하지 못함\n\n발생 조건:\n1. 상호 배제\n2. 점유 대기\n3. 비선점\n\n- 넷 다 성립해야 발생\n').deck.cards;
		expect(shown(led)).toEqual([
			{ rule: 'list', path: [], front: '교착 상태', back: '- 프로세스들이 서로를 기다림\n- 아무도 진행하지 못함' },
			{ rule: 'steps', path: [], front: '교착 상태: 발생 조건', back: '발생 조건:\n\n1. 상호 배제\n2. 점유 대기\n3. 비선점\n\n- 넷 다 성립해야 발생' }
		]);
	});
});

describe('a passage beside definitions', () => {
	it('holds the prose left over, not the definitions again, and keeps its id', () => {
		const note = '## 권리능력\n\n**권리능력**: 권리와 의무의 주체가 될 수 있는 지위\n**의사능력**: 자기 행위의 의미를 이해하는 능력\n\n권리능력과 달리 의사능력은 개인마다 다르게 판단한다.\n';
		const list = generate(note).deck.cards;
		expect(shown(list)).toEqual([
			{ rule: 'section', path: [], front: '권리능력', back: '권리능력과 달리 의사능력은 개인마다 다르게 판단한다.' },
			{ rule: 'definition', path: ['권리능력'], front: '권리능력', back: '권리와 의무의 주체가 될 수 있는 지위' },
			{ rule: 'definition', path: ['권리능력'], front: '의사능력', back: '자기 행위의 의미를 이해하는 능력' }
		]);
		expect(list[0]?.id).toBe(cardId('note', [], 'basic 권리능력'));
		// A line of prose before the definitions, in their paragraph, is the passage alone too.
		const mixed = generate('## 권리능력\n\n민법 제3조가 정한다.\n**권리능력**: 권리와 의무의 주체가 될 수 있는 지위\n').deck.cards;
		expect(shown(mixed)[0]).toEqual({ rule: 'section', path: [], front: '권리능력', back: '민법 제3조가 정한다.' });
	});
});

describe('a term that repeats its heading', () => {
	it('shows no heading that repeats its front, and keeps the id the whole path gives', () => {
		const list = generate('## 권리능력\n\n**권리능력**: 권리와 의무의 주체가 될 수 있는 지위\n**의사능력**: 자기 행위의 의미를 이해하는 능력\n').deck.cards;
		expect(list.map((card) => [card.path, card.front])).toEqual([
			[[], '권리능력'],
			[['권리능력'], '의사능력']
		]);
		expect(list[0]?.id).toBe(cardId('note', ['권리능력'], 'basic 권리능력'));
		// Under a heading above it, only the repeated heading goes.
		expect(generate('## 민법\n### 권리능력\n- 권리능력: 권리와 의무의 주체\n- 의사능력: 이해하는 능력\n').deck.cards[0]?.path).toEqual(['민법']);
	});

	it('keeps the heading when the heading’s own card asks the same under the shorter path', () => {
		const list = generate('## 권리능력\n\n**권리능력**: 권리와 의무의 주체가 될 수 있는 지위\n\n사람은 생존한 동안 그 주체가 된다.\n').deck.cards;
		expect(list.map((card) => `${card.rule} ${[...card.path, card.front].join(' > ')}`)).toEqual(['section 권리능력', 'definition 권리능력 > 권리능력']);
	});
});
