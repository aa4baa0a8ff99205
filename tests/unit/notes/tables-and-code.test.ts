import { describe, expect, it } from 'vitest';
import { cards, generate } from './helpers';

const sides = (text: string) => generate(text).deck.cards.map((card) => ({ rule: card.rule, path: card.path, front: card.front, back: card.back }));

describe('tables and code blocks in a note', () => {
	it('makes a card of each row of a two-column table: the first column asks, the second answers', () => {
		const note = '# T\n\n## 숫자\n\n| 한자어 | 고유어 |\n|---|---|\n| 일 | 하나 |\n| 이 | **둘** |\n';
		const { deck, report } = generate(note);
		expect(sides(note)).toEqual([
			{ rule: 'table', path: ['숫자'], front: '일', back: '하나' },
			{ rule: 'table', path: ['숫자'], front: '이', back: '둘' }
		]);
		expect(deck.cards.map((card) => card.source.line)).toEqual([7, 8]);
		expect(report.coverage).toEqual({ covered: 2, total: 2 });
	});

	it('answers a row of a wider table with its other cells, each after its column header, leaving out empty ones', () => {
		const note = '## 동사\n\n| 기본형 | 현재 | 과거 |\n|---|---|---|\n| 가다 | 가요 | 갔어요 |\n| 먹다 | | 먹었어요 |\n';
		expect(sides(note)).toEqual([
			{ rule: 'table', path: ['동사'], front: '가다', back: '현재: 가요\\\n과거: 갔어요' },
			{ rule: 'table', path: ['동사'], front: '먹다', back: '과거: 먹었어요' }
		]);
	});

	it('asks a number alone in the first column with its column’s header, the card keeping its id', () => {
		const table = (header: string) => `## OSI model\n| ${header} | Name |\n|---|---|\n| 7 | Application |\n| 4 | Transport |\n`;
		const named = cards(table('Layer'));
		expect(named.map((card) => [card.front, card.back])).toEqual([
			['Layer 7', 'Application'],
			['Layer 4', 'Transport']
		]);
		const unnamed = cards(table('#'));
		expect(unnamed.map((card) => card.front)).toEqual(['7', '4']);
		expect(named.map((card) => card.id)).toEqual(unnamed.map((card) => card.id));
	});

	it('asks a table of sample questions by its question column, whatever its order, a row’s number on neither side', () => {
		// A question and its answer: the row's card as any two-column table's, id and all.
		const korean = '## 기출 문제\n| 문제 | 정답 |\n|---|---|\n| TCP는 몇 번의 핸드셰이크로 연결하는가? | 3번 |\n| HTTP의 기본 포트는? | 80 |\n';
		expect(sides(korean).map(({ front, back }) => [front, back])).toEqual([
			['TCP는 몇 번의 핸드셰이크로 연결하는가?', '3번'],
			['HTTP의 기본 포트는?', '80']
		]);
		// Numbered rows: the number neither asks (it asked "1", the question on the back beside its answer) nor answers.
		const english = '## Sample questions\n| # | Question | Answer |\n|---|---|---|\n| 1 | What port does HTTPS use? | 443 |\n| 2 | Which layer does IP belong to? | Network layer |\n';
		expect(sides(english).map(({ front, back }) => [front, back])).toEqual([
			['What port does HTTPS use?', '443'],
			['Which layer does IP belong to?', 'Network layer']
		]);
		// The answer first: it is still the answer, never the front.
		expect(cards('## Exam\n| Answer | Question |\n|---|---|\n| 443 | What port does HTTPS use? |\n').map((card) => [card.front, card.back])).toEqual([['What port does HTTPS use?', '443']]);
		const unnumbered = cards('## Sample questions\n| Question | Answer |\n|---|---|\n| What port does HTTPS use? | 443 |\n');
		expect(cards(english)[0]?.id).toBe(unnumbered[0]?.id);
	});

	it('shows a sample question’s choices on its front and its explanation after its answer', () => {
		const note = '## 기출\n| 번호 | 문제 | 보기 | 정답 | 해설 |\n|---|---|---|---|---|\n| 1 | HTTP 기본 포트는? | ① 21 ② 80 ③ 443 | ② | 443은 HTTPS |\n| 2 | DNS가 쓰는 포트는? | ① 53 ② 25 | ① | |\n';
		expect(sides(note).map(({ front, back }) => [front, back])).toEqual([
			['HTTP 기본 포트는?\\\n① 21 ② 80 ③ 443', '②\\\n해설: 443은 HTTPS'],
			['DNS가 쓰는 포트는?\\\n① 53 ② 25', '①']
		]);
		expect(generate(note).report.coverage).toEqual({ covered: 2, total: 2 });
	});

	it('reads other tables as before: the first column asks, a header naming no question nothing changes', () => {
		// Kinds compared, a number column that counts something, a table with an empty header.
		expect(cards('## 비교\n| 구분 | TCP | UDP |\n|---|---|---|\n| 연결 | 연결형 | 비연결형 |\n').map((card) => [card.front, card.back])).toEqual([['연결', 'TCP: 연결형\\\nUDP: 비연결형']]);
		expect(cards('## 시간표\n| 교시 | 월 | 화 |\n|---|---|---|\n| 1 | 수학 | 영어 |\n').map((card) => [card.front, card.back])).toEqual([['교시 1', '월: 수학\\\n화: 영어']]);
		expect(cards('## Layout\n| | |\n|---|---|\n| a | b |\n').map((card) => [card.front, card.back])).toEqual([['a', 'b']]);
		// One column has nothing to answer with: its rows are on no card, and the report says so.
		const single = generate('## Fruit\n| Item |\n|---|\n| apples |\n| pears |\n');
		expect(single.deck.cards).toEqual([]);
		expect(single.report.uncovered.map((item) => item.text)).toEqual(['apples', 'pears']);
	});

	it('keeps a code block on the back of its section’s card, as code', () => {
		const note = '# T\n\n## 비음화\n\n```\n국물 → [궁물]\n먹는 → [멍는]\n```\n';
		const { report } = generate(note);
		expect(sides(note)).toEqual([{ rule: 'section', path: [], front: '비음화', back: '```\n국물 → [궁물]\n먹는 → [멍는]\n```' }]);
		expect(report.coverage).toEqual({ covered: 1, total: 1 });
	});

	it('gives code beside definitions a section card of its own, with the code only', () => {
		const cards = sides('## SQL\n\n**SELECT**: reads rows\n\n```sql\nSELECT * FROM t;\n```\n');
		expect(cards).toEqual([
			{ rule: 'section', path: [], front: 'SQL', back: '```sql\nSELECT * FROM t;\n```' },
			{ rule: 'definition', path: ['SQL'], front: 'SELECT', back: 'reads rows' }
		]);
	});

	it('keeps a long code block whole: the length limit is for prose', () => {
		const code = Array.from({ length: 40 }, (_, i) => `const value${i} = compute(${i});`).join('\n');
		const cards = sides(`## Setup\n\n\`\`\`js\n${code}\n\`\`\`\n`);
		expect(cards).toHaveLength(1);
		expect(cards[0]?.back).toContain('const value39 = compute(39);');
	});

	it('counts a table row or code block on no card in the report and warns about it', () => {
		const { deck, report } = generate('```\nno heading above me\n```\n\n## 외톨이\n\n| 하나 |\n|---|\n| 혼자 |\n\n- 목록\n- 항목\n');
		expect(deck.cards.map((card) => card.front)).toEqual(['외톨이']);
		expect(report.coverage).toEqual({ covered: 2, total: 4 });
		expect(report.uncovered).toEqual([
			{ line: 1, kind: 'code', text: 'no heading above me' },
			{ line: 9, kind: 'table-row', text: '혼자' }
		]);
		expect(report.warnings.map(({ line, message }) => ({ line, message }))).toEqual([
			{ line: 1, message: 'code block "no heading above me" is on no card' },
			{ line: 9, message: 'table row "혼자" is on no card' }
		]);
	});

	it('says only the first few of a long table left out, and how many more', () => {
		const rows = Array.from({ length: 25 }, (_, i) => `| 행 ${i} |`).join('\n');
		const { report } = generate(`## 표\n\n| 머리 |\n|---|\n${rows}\n`);
		expect(report.uncovered).toHaveLength(25);
		const onNoCard = report.warnings.filter((warning) => warning.code !== 'note-no-cards');
		expect(onNoCard).toHaveLength(21);
		expect(onNoCard.at(-1)?.message).toBe('5 more table rows and code blocks are on no card');
	});

	it('makes no table cards from a note that asks for explicit cards only, and reports its rows', () => {
		const { deck, report } = generate('---\ncards: explicit\n---\n## 숫자\n\n| 한자어 | 고유어 |\n|---|---|\n| 일 | 하나 |\n\nq::a\n');
		expect(deck.cards.map((card) => card.rule)).toEqual(['qa']);
		expect(report.uncovered.map((item) => item.kind)).toEqual(['table-row']);
	});
});

describe('code in a title or label', () => {
	const fronts = (note: string) => cards(note).map((card) => `${card.rule} ${card.path.join(' > ')} / ${card.front}`);
	const idOf = (note: string, word: string) => cards(note).find((card) => card.front.includes(word))?.id;

	it('keeps a heading’s, a label’s and a label item’s code as code on the front, with the ids of the plain words', () => {
		expect(fronts('## `useState` 훅\n- 상태를 만든다\n- 배열을 반환한다\n')).toEqual(['list  / `useState` 훅']);
		expect(fronts('## React\n\n- `useEffect` 훅\n  - 렌더 후 실행\n  - 정리 함수 반환\n')).toContain('list React / `useEffect` 훅');
		expect(fronts('## React\n\n- **`useMemo`**\n  - 값을 기억\n  - 의존성 배열\n')).toContain('list React / `useMemo`');
		expect(fronts('## Git\n\n**`git rebase`**\n- 커밋을 옮긴다\n- 히스토리를 정리한다\n')).toEqual(['list Git / `git rebase`']);
		expect(fronts('## 배포\n\n1. `npm ci`로 설치\n2. `npm run build`\n3. 업로드\n')[0]).toBe('steps  / 배포: 단계를 순서대로');
		expect(fronts('## `make` 순서\n\n1. 설정\n2. 빌드\n3. 설치\n')[0]).toBe('steps  / `make` 순서: 단계를 순서대로');
		// The code is the front's only: the card is the one its plain words make.
		expect(idOf('## `useState` 훅\n- 상태를 만든다\n- 배열을 반환한다\n', 'useState')).toBe(idOf('## useState 훅\n- 상태를 만든다\n- 배열을 반환한다\n', 'useState'));
		expect(idOf('## React\n\n- `useEffect` 훅\n  - 렌더 후 실행\n  - 정리 함수 반환\n', 'useEffect')).toBe(idOf('## React\n\n- useEffect 훅\n  - 렌더 후 실행\n  - 정리 함수 반환\n', 'useEffect'));
	});

	it('reads a bold term holding code as a term, its code on the front and no cloze of it', () => {
		const list = cards('## Git\n\n**`git rebase`**: 커밋을 다른 베이스 위로 옮김\n**`git stash` 명령**: 작업을 잠시 치워 둠\n');
		expect(list.map((card) => `${card.rule} ${card.front} → ${card.back}`)).toEqual([
			'definition `git rebase` → 커밋을 다른 베이스 위로 옮김',
			'definition `git stash` 명령 → 작업을 잠시 치워 둠'
		]);
		expect(list[0]?.id).toBe(cards('## Git\n\n**git rebase**: 커밋을 다른 베이스 위로 옮김\n')[0]?.id);
	});
});

describe('code in a question', () => {
	it('is what the question asks about: no cloze blanks it, while the answer’s code still makes its own', () => {
		const made = (note: string) => cards(note).map((card) => `${card.rule} ${card.front}`);
		expect(made('## Spring\nWhat does `@Transactional` do? Wraps the method in a transaction.\n')).toEqual(['qa What does `@Transactional` do?']);
		expect(made('## Spring\nQ: What does `@Transactional` do?\nA: Wraps the method in a transaction.\n')).toEqual(['qa What does `@Transactional` do?']);
		expect(made('## Spring\nWhat does `@Transactional` do? Rolls back on a `RuntimeException`.\n')).toEqual([
			'qa What does `@Transactional` do?',
			'emphasis Rolls back on a [...].'
		]);
	});
});
