import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/deck-format';
import { matchCards } from '../../../src/lib/notes/match';
import { cards, generate } from './helpers';

/** `front → back` of the cards a rule made, in note order. */
function made(list: readonly Card[], rule: Card['rule'] = 'definition'): string[] {
	return list.filter((card) => card.rule === rule).map((card) => `${card.front} → ${card.back}`);
}

describe('definition lines in the common vocabulary styles', () => {
	it('reads a list of `term - definition`, `term = definition`, dashes, arrows and full-width colons', () => {
		const note = `# 단어

## 동사
- abandon - 버리다, 포기하다
- acquire – 얻다
- Osmosis — diffusion of water
- undermine = 약화시키다
- 포도：grape
- 배： pear
- enhance: 향상시키다
- 증발 → 액체가 기체로 변함
`;
		expect(made(cards(note))).toEqual([
			'abandon → 버리다, 포기하다',
			'acquire → 얻다',
			'Osmosis → diffusion of water',
			'undermine → 약화시키다',
			'포도 → grape',
			'배 → pear',
			'enhance → 향상시키다',
			'증발 → 액체가 기체로 변함'
		]);
		expect(cards(note).find((card) => card.front === 'abandon')?.path).toEqual(['동사']);
	});

	it('reads a line break after a term as its colon: `전체 반응식<br/>C6H12O6 …`, `**삼투**<br/>…`, as notes copied from a page write them', () => {
		const note = `# 세포 호흡

## 해당과정
- 장소: 세포질
- 전체 반응식<br/>C6H12O6 + 6O2 → 6CO2 + 6H2O
- 결과 <br> ATP 2개, NADH 2개 생성
- 오늘 수업 정리<br/>다음 주 퀴즈 있음
- 포도당이 분해되어 피루브산이 된다.<br/>산소가 필요 없다
- candid - honest and direct<br>e.g. a candid answer

## 삼투
**삼투**<br/>반투막을 통해 물이 이동하는 현상
`;
		expect(made(cards(note))).toEqual([
			'장소 → 세포질',
			'전체 반응식 → C6H12O6 + 6O2 → 6CO2 + 6H2O',
			'결과 → ATP 2개, NADH 2개 생성',
			// A definition before the break keeps its term; what follows the break goes on its answer.
			'candid → honest and direct\\\ne.g. a candid answer',
			'삼투 → 반투막을 통해 물이 이동하는 현상'
		]);
	});

	it('reads a term or label in bold and italic as one in bold: `***TCP***: …`, `***핵심 개념***<br/>…`, `***시험 포인트***`', () => {
		const note = '## 전송 계층\n\n***TCP***: 연결형 프로토콜\n\n_**UDP**_: 비연결형\n\n***핵심 개념***<br/>포트로 프로세스를 구분한다\n\n***시험 포인트***\n- 3-way handshake\n- 흐름 제어\n';
		expect(cards(note).map((card) => `${card.rule} ${card.path.join(' > ')} / ${card.front} → ${card.back}`)).toEqual([
			'definition 전송 계층 / TCP → 연결형 프로토콜',
			'definition 전송 계층 / UDP → 비연결형',
			'definition 전송 계층 / 핵심 개념 → 포트로 프로세스를 구분한다',
			'list 전송 계층 / 시험 포인트 → - 3-way handshake\n- 흐름 제어'
		]);
		expect(cards(note)[0]?.id).toBe(cards('## 전송 계층\n\n**TCP**: 연결형 프로토콜\n')[0]?.id);
	});

	it('reads a paragraph of one line that is a plain term, a line break and its definition as that definition', () => {
		const note = '## 시장균형\n\n균형가격<br/>수요량과 공급량이 일치하는 가격\n\n- 초과공급: 가격이 균형가격보다 높음\n- 초과수요: 가격이 균형가격보다 낮음\n';
		const list = cards(note);
		expect(made(list)).toEqual(['균형가격 → 수요량과 공급량이 일치하는 가격', '초과공급 → 가격이 균형가격보다 높음', '초과수요 → 가격이 균형가격보다 낮음']);
		expect(list).toHaveLength(3);
		// The card of the term as a list item writes it.
		expect(list[0]?.id).toBe(cards('## 시장균형\n\n- 균형가격: 수요량과 공급량이 일치하는 가격\n- 초과공급: 가격이 균형가격보다 높음\n')[0]?.id);
		// A sentence or a remark before the break names nothing: the heading's passage.
		for (const line of ['毎朝7時に起きます。<br/>매일 아침 7시에 일어납니다.', '오늘 수업 정리<br/>탄력성까지 나감', 'This is important<br/>for the exam']) {
			expect(cards(`## 정리\n\n${line}\n`).map((card) => `${card.rule} ${card.front}`), line).toEqual(['section 정리']);
		}
	});

	it('reads emoji after a bold term, before its colon or break, as decoration of the term', () => {
		// Each the card of the term written without its emoji, history and all.
		for (const [decorated, plain] of [
			['**핵심 개념** ✨<br/>세포는 생명의 기본 단위', '**핵심 개념**: 세포는 생명의 기본 단위'],
			['**세포설** ⭐️: 모든 생물은 세포로 이루어짐', '**세포설**: 모든 생물은 세포로 이루어짐'],
			['- **리보솜** 🔥 - 단백질 합성', '- **리보솜** - 단백질 합성']
		] as const) {
			const [card] = cards(`## 세포\n\n${decorated}\n`);
			expect([card?.rule, card?.id], decorated).toEqual(['definition', cards(`## 세포\n\n${plain}\n`)[0]?.id]);
		}
		// Emoji before words that follow with no separator make no definition.
		expect(cards('## 세포\n\n**세포설** ✨ 모든 생물은 세포로 이루어짐\n').map((card) => card.rule)).toEqual(['section']);
	});

	it('takes a year in a history list for a term', () => {
		const note = `## 건국과 체제 정비
- 1392년: 이성계가 조선 건국
- 1398년: 1차 왕자의 난
- 1400년 - 2차 왕자의 난, 태종 즉위
`;
		expect(made(cards(note))).toEqual(['1392년 → 이성계가 조선 건국', '1398년 → 1차 왕자의 난', '1400년 → 2차 왕자의 난, 태종 즉위']);
	});

	it('reads no term into a class’s business (교수님:, 과제:) (QA)', () => {
		expect(made(cards('## 공지\n- 교수님: 다음 시간 퀴즈\n- 과제: 3장 연습문제\n- 스택: LIFO\n'))).toEqual(['스택 → LIFO']);
	});

	it('reads no term into a note on how much a fact matters (High-yield:, 시험 포인트:)', () => {
		const list = cards('## Beta blockers\n- **Propranolol**: non-selective\n- High-yield: they mask hypoglycaemia\n\n> **Key point:** never stop them abruptly\n\n시험 포인트: 부작용 암기\n');
		expect(list.filter((card) => card.rule === 'definition').map((card) => card.front)).toEqual(['Propranolol']);
		expect(list.find((card) => card.rule === 'list')?.back).toContain('High-yield: they mask hypoglycaemia');
	});

	it('takes a bare year, or a code, for a term; not a small number', () => {
		const note = '## 연표\n- 918: 왕건, 고려 건국\n- 936 - 후삼국 통일\n- 1170: 무신정변\n\n## Codes\n- 404: Not Found\n- 7: seven\n';
		expect(made(cards(note))).toEqual(['918 → 왕건, 고려 건국', '936 → 후삼국 통일', '1170 → 무신정변', '404 → Not Found']);
		// A range is still no definition.
		expect(made(cards('## 조선\n- 1392 - 1910 조선 왕조\n- 태조 - 이성계\n- 태종 - 이방원\n'))).toEqual(['태조 → 이성계', '태종 → 이방원']);
	});

	it('reads no remark of the day for a term among real definitions (QA)', () => {
		const note = `## 용어
- 스택 - 후입선출 자료구조
- 큐 - 선입선출 자료구조
- 이건 꼭 외우자 - 시험에 나옴
- 오늘 수업 끝 - 수고했어요
- 다음 주는 휴강 = 보강 없음
- 교수님이 강조함 → 중간고사 출제
- Today we covered recursion - it is hard at first.
- Also - see chapter 3
`;
		expect(made(cards(note))).toEqual(['스택 → 후입선출 자료구조', '큐 → 선입선출 자료구조']);
		const paragraph = '## 메모\n\n오늘 외운 단어는 총 2개 - 내일 또 복습하자.\n어제 배운 건 잊어버림 - 다시 보기\n';
		expect(made(cards(paragraph))).toEqual([]);
	});

	it('puts a definition in a sub-item under the item above it, so that two sorts’ “시간복잡도” are told apart (QA)', () => {
		const note = '## 정렬\n1. 버블 정렬\n   - 시간복잡도 = O(n^2)\n   - 안정 정렬\n2. 퀵 정렬\n   - 시간복잡도 = O(n log n)\n   - 불안정 정렬\n';
		const made = cards(note).filter((card) => card.front === '시간복잡도');
		expect(made.map((card) => [card.path, card.back])).toEqual([
			[['정렬', '버블 정렬'], 'O(n^2)'],
			[['정렬', '퀵 정렬'], 'O(n log n)']
		]);
		expect(new Set(made.map((card) => card.id)).size).toBe(2);
		// Under a bold label item, and under a defined term, alike.
		const labelled = cards('## 과학\n- **과학 기구**\n  - 측우기: 강우량 측정\n  - 혼천의: 천체 관측\n- 그래프: 정점과 간선\n  - DFS: 깊이 우선\n');
		expect(labelled.filter((card) => card.rule === 'definition').map((card) => `${card.path.join(' > ')} / ${card.front}`)).toEqual([
			'과학 > 과학 기구 / 측우기',
			'과학 > 과학 기구 / 혼천의',
			'과학 / 그래프',
			'과학 > 그래프 / DFS'
		]);
	});

	it('puts a definition in a single sub-item under the item above it too', () => {
		const note = '## 정렬\n1. Quick sort\n   - 시간복잡도: O(n log n)\n2. Merge sort\n   - 시간복잡도: O(n log n)\n3. Heap sort\n   - 공간복잡도: O(1)\n';
		expect(cards(note).filter((card) => card.rule === 'definition').map((card) => `${card.path.join(' > ')} / ${card.front}`)).toEqual([
			'정렬 > Quick sort / 시간복잡도',
			'정렬 > Merge sort / 시간복잡도',
			'정렬 > Heap sort / 공간복잡도'
		]);
		// An item that says something over its one sub-item names nothing: a step and its detail.
		const step = cards('## 배포\n1. 서버를 시작한다\n   - 포트: 8080\n2. 로그를 본다\n3. 끝낸다\n');
		expect(step.filter((card) => card.rule === 'definition').map((card) => card.path)).toEqual([['배포']]);
	});

	it('puts a definition in a list that explains the term above it under that term, and hands it its history', () => {
		const note = '## 서비스\n**EC2**: 가상 서버\n- 장점: 빠름\n- **단점**\n  - 비쌈\n  - 관리 필요\n\n**S3**: 객체 저장소\n- 장점: 쌈\n';
		const list = cards(note);
		expect(list.filter((card) => ['장점', '단점'].includes(card.front)).map((card) => [card.front, card.back, card.path])).toEqual([
			['장점', '빠름', ['서비스', 'EC2']],
			['단점', '- 비쌈\n- 관리 필요', ['서비스', 'EC2']],
			['장점', '쌈', ['서비스', 'S3']]
		]);
		// Made before, under the heading alone: a new import moves each card's history to its place under the term.
		const before = list.map((card) => ({ ...card, id: `old ${card.id}`, path: card.path.slice(0, 1) }));
		const moved = matchCards(before, list);
		for (const card of list.filter((card) => card.path.length === 2)) expect(moved.find((match) => match.to === card.id)?.from).toBe(`old ${card.id}`);
	});

	it('keeps the card of the one word left in a word list (its history with it)', () => {
		const before = cards('## 단어\n- abandon - 버리다\n- acquire - 얻다\n');
		const after = cards('## 단어\n- abandon - 버리다\n');
		expect(made(after)).toEqual(['abandon → 버리다']);
		expect(after.find((card) => card.front === 'abandon')?.id).toBe(before.find((card) => card.front === 'abandon')?.id);
		// Beside one item of prose too.
		expect(made(cards('## 단어\n- abandon - 버리다\n- 내일 시험 범위 확인\n'))).toEqual(['abandon → 버리다']);
	});

	it('reads the plain separators only in a list of definitions, not in a single aside', () => {
		const prose = '## 회의\n\n- 배포 일정 확정 - 다음 주 화요일\n- 테스트는 더 필요함\n- 리뷰 완료\n';
		expect(made(cards(prose))).toEqual([]);
		// A bold term is a term wherever it is.
		expect(made(cards('## 회의\n\n- **배포** - 다음 주 화요일\n- 테스트는 더 필요함\n'))).toEqual(['배포 → 다음 주 화요일']);
	});

	it('makes no card of dates, ranges, formulas, flows, times, URLs or asides in a list of definitions', () => {
		const note = `## 메모
- abandon - 버리다
- acquire - 얻다
- 시험일 2023-01-01
- x-y 좌표
- a=b 이면 참
- 3 - 5 명
- x = 3 + 4
- F = ma
- SYN → SYN+ACK → ACK
- 10:00 - 11:00 강의
- 공식 문서 - https://docs.aws.amazon.com
- Note: 시험 범위 - 3장
- ex) 서울 리전 - 가장 가까움
- It works well - mostly
- 오늘은 비가 많이 왔다 - 그래서 쉬었다
- 전송 속도에 한계가 있음 - 인터넷이 느림
- \`a - b\` 는 뺄셈
- 가격은 $5 - $10 사이
`;
		expect(made(cards(note))).toEqual(['abandon → 버리다', 'acquire → 얻다']);
	});

	it('reads a paragraph of definition lines, bold or not, as one card per line', () => {
		const note = `## Adjectives
ambiguous: 애매모호한
**arbitrary**: 임의의, 제멋대로인
**meticulous** - 꼼꼼한
subtle = 미묘한
inevitable - 피할 수 없는
`;
		const list = cards(note);
		expect(made(list)).toEqual(['ambiguous → 애매모호한', 'arbitrary → 임의의, 제멋대로인', 'meticulous → 꼼꼼한', 'subtle → 미묘한', 'inevitable → 피할 수 없는']);
		// Every line has its card: no card of the whole paragraph over them.
		expect(list.filter((card) => card.rule === 'section')).toEqual([]);
		expect(generate(note).report.coverage).toEqual({ covered: 5, total: 5 });
	});

	it('reads a term written as a link as its text, with the id of the term unlinked, as a wiki link is read', () => {
		const plain = cards('## Protocols\n- TCP: 연결형 프로토콜\n- UDP: 비연결형 프로토콜\n');
		const linked = cards('## Protocols\n- [TCP](https://en.wikipedia.org/wiki/TCP): 연결형 프로토콜\n- [[UDP]]: 비연결형 프로토콜\n');
		expect(made(linked)).toEqual(['TCP → 연결형 프로토콜', 'UDP → 비연결형 프로토콜']);
		expect(linked.map((card) => card.id)).toEqual(plain.map((card) => card.id));
		// Linking a studied term hands its card nothing to pair: the card is the same.
		expect(matchCards(plain, linked)).toEqual([]);
		// In a paragraph of such lines too, and bold.
		const paragraph = cards('## 웹\n[HTTP](https://developer.mozilla.org/ko/docs/Web/HTTP): 웹의 프로토콜\n**[HTTPS](https://example.com/https)**: TLS로 암호화한 HTTP\n');
		expect(made(paragraph)).toEqual(['HTTP → 웹의 프로토콜', 'HTTPS → TLS로 암호화한 HTTP']);
	});

	it('reads no term of a link to a resource: a list of references stays the list it was', () => {
		const references = '## Resources\n- [Docs](https://svelte.dev/docs): official documentation\n- [Svelte tutorial](https://svelte.dev/tutorial): interactive lessons\n- [공식 문서](https://react.dev): 리액트 문서\n- [정리 블로그](https://example.com): 잘 정리된 글\n';
		// Under a title of references it is where to read more: on no card, and not counted as left out (references.ts).
		expect(cards(references)).toEqual([]);
		expect(generate(references).report.uncovered).toEqual([]);
		expect(cards(references.replace('## Resources', '## Svelte')).map((card) => `${card.rule} ${card.front}`)).toEqual(['list Svelte']);
		// Nor of a link among words, or of a link whose text is its address.
		expect(made(cards('## A\n- see [the manual](https://man7.org): for the rest\n- [https://example.com](https://example.com): the site\n'))).toEqual([]);
	});

	it('reads a definition list, a term over its `: description` line (Pandoc, Joplin)', () => {
		const note = '## Glossary\nAntigen\n: A molecule recognised by the immune system.\n\n**Epitope**\n: The part of an antigen that an antibody binds.\n: Also called a determinant.\n';
		const result = generate(note);
		expect(result.deck.cards.map((card) => [card.front, card.back, card.source.line])).toEqual([
			['Antigen', 'A molecule recognised by the immune system.', 2],
			['Epitope', 'The part of an antigen that an antibody binds.\\\nAlso called a determinant.', 5]
		]);
		expect(result.report.uncovered).toEqual([]);
		// A line of prose before a colon line is no term.
		expect(cards('## A\nThe results were mixed, as expected.\n: see the appendix\n').map((card) => card.rule)).toEqual(['section']);
	});

	it('reads a definition list’s term written as a link by its text, with the unlinked term’s id, and a code term as code', () => {
		const plain = cards('## Glossary\nAntigen\n: A molecule recognised by the immune system.\n\nEpitope\n: The part of an antigen that an antibody binds.\n');
		const linked = cards('## Glossary\n[Antigen](https://en.wikipedia.org/wiki/Antigen)\n: A molecule recognised by the immune system.\n\n[[Epitope]]\n: The part of an antigen that an antibody binds.\n');
		expect(made(linked)).toEqual(['Antigen → A molecule recognised by the immune system.', 'Epitope → The part of an antigen that an antibody binds.']);
		expect(linked.map((card) => card.id)).toEqual(plain.map((card) => card.id));
		const code = cards('## Commands\n`git rebase`\n: Replays commits on top of another base.\n');
		expect(code.map((card) => [card.rule, card.front])).toEqual([['definition', '`git rebase`']]);
		// A link to a resource, or a link among words, is still no term.
		expect(made(cards('## Resources\n[Docs](https://svelte.dev/docs)\n: official documentation\n'))).toEqual([]);
		expect(made(cards('## A\nsee [the manual](https://man7.org)\n: for the rest\n'))).toEqual([]);
	});

	it('reads a line opening with `~ ` as going on with the line above (Korean: until, about), not as a description', () => {
		const note = '## 일정\n\n방학 기간\n~ 2월 말까지\n\n수강 신청\n~ 3월 5일\n';
		const list = cards(note);
		expect(list.filter((card) => card.rule === 'definition')).toEqual([]);
		expect(list.map((card) => [card.rule, card.front])).toEqual([['section', '일정']]);
		expect(list[0]?.back).toContain('방학 기간\\\n~ 2월 말까지');
		// Under a short term too, and in a section of definitions: the `~` line stays on the list, no card of its own.
		expect(made(cards('## 일정\n\n- **TCP**: 연결형\n- **UDP**: 비연결형\n\n방학 기간\n~ 2월 말까지\n'))).toEqual(['TCP → 연결형', 'UDP → 비연결형']);
		// `: ` is still a description.
		expect(made(cards('## 일정\n\n방학 기간\n: 2월 말까지\n'))).toEqual(['방학 기간 → 2월 말까지']);
	});

	it('keeps a bold definition’s continuation lines on its card', () => {
		const note = '## 개념\n\n**리전**: AWS 서비스가 운영되는 지역\nex) 미국 버지니아 리전, 서울 리전 등\n**가용 영역**: 리전 안의 데이터 센터 묶음\n';
		expect(made(cards(note))).toEqual(['리전 → AWS 서비스가 운영되는 지역\\\nex) 미국 버지니아 리전, 서울 리전 등', '가용 영역 → 리전 안의 데이터 센터 묶음']);
		// In a paragraph of definitions, a line that is not one still goes with the definition above it.
		expect(made(cards('## 단어\n\nsubtle = 미묘한\n(뉘앙스가 섬세하다)\ninevitable - 피할 수 없는\n'))).toEqual(['subtle → 미묘한\\\n(뉘앙스가 섬세하다)', 'inevitable → 피할 수 없는']);
	});

	it('reads no definition into prose lines that happen to hold a dash or an equals sign', () => {
		const note = `## 회고
The meeting went well - we decided to ship on Friday after the review.
Nobody objected, and the release notes are drafted.
It was 3 - 5 people.

## 수학
a = b 이면 b = a 이다.
`;
		expect(made(cards(note))).toEqual([]);
		// One plain line in a paragraph is prose, whatever its separator.
		expect(made(cards('## 메모\n\n배포 일정 - 다음 주 화요일\n'))).toEqual([]);
	});

	it('takes a code span for a term, as programming notes name functions and commands, shown as code', () => {
		const note = '## Useful functions\n- `enumerate(it)`: yields `(index, item)` pairs\n- `zip(a, b)`: pairs up items\n- `git add` - stages changes\n- `any()` / `all()`: truth tests\n';
		const definitions = cards(note).filter((card) => card.rule === 'definition');
		expect(definitions.map((card) => [card.front, card.back])).toEqual([
			['`enumerate(it)`', 'yields `(index, item)` pairs'],
			['`zip(a, b)`', 'pairs up items'],
			['`git add`', 'stages changes']
		]);
		// Words with code among them are no term: the line's spans stay clozes, as before.
		expect(cards('## A\n- Run `npm ci` first: it installs exactly the lock file\n').map((card) => card.rule)).toEqual(['list', 'emphasis']);
	});

	it('blanks no code of a definition: its card asks the term and answers with the rest, one card for the fact', () => {
		const list = cards('## Useful functions\n- `enumerate(it)`: yields `(index, item)` pairs\n- `zip(a, b)`: pairs up items\n\n`git add` - stages changes\n`git commit` - records them\n');
		expect(list.map((card) => `${card.rule} ${card.front}`)).toEqual(['definition `enumerate(it)`', 'definition `zip(a, b)`', 'definition `git add`', 'definition `git commit`']);
		// The code of the definition's answer, on its line or the lines after it on its back, is no cloze either.
		const spring = cards('## DI\n\n**@Autowired**: 의존성 자동 주입.\n`@Component`가 붙은 빈을 찾아 넣어준다.\n\n빈 등록은 `@Bean` 메서드로도 한다.\n');
		expect(spring.map((card) => `${card.rule} ${card.front}`)).toEqual(['definition @Autowired', 'emphasis 빈 등록은 [...] 메서드로도 한다.']);
	});

	it('reads a paragraph of one line that opens on a code term and a separator as its definition, one card', () => {
		const list = cards('## Spring Boot\n\n`@SpringBootApplication` = `@Configuration` + `@EnableAutoConfiguration` + `@ComponentScan`\n');
		expect(list.map((card) => `${card.rule} ${card.front} → ${card.back}`)).toEqual([
			'definition `@SpringBootApplication` → `@Configuration` + `@EnableAutoConfiguration` + `@ComponentScan`'
		]);
		expect(cards('## Git\n\n`git add` - stages changes\n').map((card) => `${card.rule} ${card.front}`)).toEqual(['definition `git add`']);
		// Plain words before a dash are still prose on a line of their own.
		expect(cards('## Git\n\nIt works - mostly, and `git add` stages it.\n').map((card) => card.rule)).toEqual(['emphasis']);
	});

	it('takes a code span ending in a dot or a question mark for a term: code is no sentence (regression check)', () => {
		// `git add .` was no term: its line went onto the back of `git init`, and no card asked it.
		const note = '## 기본\n`git init`: 저장소 생성\n`git add .`: 변경사항 스테이징\n`git commit -m "msg"`: 커밋\n';
		expect(made(cards(note))).toEqual(['`git init` → 저장소 생성', '`git add .` → 변경사항 스테이징', '`git commit -m "msg"` → 커밋']);
		expect(made(cards('## Regex\n- `a?`: zero or one a\n- `.`: any character\n'))).toEqual(['`a?` → zero or one a', '`.` → any character']);
		// Plain words so ended are still a sentence, no term.
		expect(made(cards('## A\n- It works.: mostly\n- zip: pairs up items\n'))).toEqual(['zip → pairs up items']);
	});
});

describe('two definitions on one line', () => {
	it('parts `IPv4: 32bit / IPv6: 128bit` into a card each, so that one does not show the other’s answer', () => {
		const note = '## 네트워크\n- IPv4: 32bit / IPv6: 128bit\n- 장점: 빠름 / 단점: 비쌈\n- 경로: /usr/bin / 설정: /etc\n\n**TCP:** 연결형 / **UDP**: 비연결형\n';
		expect(made(cards(note))).toEqual(['IPv4 → 32bit', 'IPv6 → 128bit', '장점 → 빠름', '단점 → 비쌈', '경로 → /usr/bin', '설정 → /etc', 'TCP → 연결형', 'UDP → 비연결형']);
		// The first keeps its card's id.
		expect(cards(note).find((card) => card.front === 'IPv4')?.id).toBe(cards('## 네트워크\n- IPv4: 32bit\n')[0]?.id);
		// A sound in either term plays with that term's question.
		expect(cards('## 네트워크\n- IPv4 ![[v4.mp3]]: 32bit / IPv6 ![[v6.mp3]]: 128bit\n').map((card) => `${card.front} → ${card.back}`)).toEqual(['IPv4\n\n[sound:v4.mp3] → 32bit', 'IPv6\n\n[sound:v6.mp3] → 128bit']);
		// A slash with no term and colon after it is part of the answer.
		expect(made(cards('## A\n- TCP/UDP: 전송 계층 / 포트 번호 사용\n- 속도: 100 Mbps / 1 Gbps\n'))).toEqual(['TCP/UDP → 전송 계층 / 포트 번호 사용', '속도 → 100 Mbps / 1 Gbps']);
	});
});

describe('rules with a worked example', () => {
	it('reads a rule over what a form becomes as its definition: the example in parentheses is no further step of a flow', () => {
		const note = '## て형 만들기\n- く → いて (書く → 書いて)\n- ぐ → いで (泳ぐ → 泳いで)\n- む・ぶ・ぬ → んで (読む → 読んで)\n';
		expect(made(cards(note))).toEqual(['く → いて (書く → 書いて)', 'ぐ → いで (泳ぐ → 泳いで)', 'む・ぶ・ぬ → んで (読む → 読んで)']);
		// An arrow in parentheses alone has no term before it; a flow outside them is still none.
		expect(made(cards('## ます형\n- る 떼고 + ます (食べる → 食べます)\n- する → します → しました\n- くる → きます\n'))).toEqual([]);
	});
});

describe('flows between two', () => {
	it('makes no term of who sends what to whom (`클라이언트 → 서버: SYN`): its list or steps card asks it in order', () => {
		const steps = cards('## 3-way handshake\n1. 클라이언트 → 서버: SYN\n2. 서버 → 클라이언트: SYN + ACK\n3. 클라이언트 → 서버: ACK\n');
		expect(steps.map((card) => `${card.rule} ${card.front}`)).toEqual(['steps 3-way handshake: 단계를 순서대로']);
		const bullets = cards('## 3-way handshake\n- **클라이언트 → 서버**: SYN\n- 서버 -> 클라이언트: SYN + ACK\n- 클라이언트 ⇒ 서버: ACK\n');
		expect(bullets.map((card) => `${card.rule} ${card.front}`)).toEqual(['list 3-way handshake']);
		// A term defined by an arrow keeps its card; so does a colon after an arrow's definition that is no flow's message.
		expect(made(cards('## 상태 변화\n- 증발 → 액체가 기체로 변함\n- 응결 → 기체가 액체로 변함\n- 비고: 온도가 중요\n'))).toEqual(['증발 → 액체가 기체로 변함', '응결 → 기체가 액체로 변함', '비고 → 온도가 중요']);
	});
});

describe('Korean “X란?” lines', () => {
	it('makes a definition card of `X란? answer`, bold or plain, in a paragraph or a list, with the id `X: answer` has', () => {
		const note = `## HTTP 상태 코드
- 2xx: 성공
- 4xx: 클라이언트 오류

**HTTPS**란? HTTP에 SSL/TLS 암호화를 더한 프로토콜. 기본 포트 443

## 용어

**TLS란?** 전송 계층 보안
트랜잭션이란 더 이상 쪼갤 수 없는 작업 단위이다.
**캐시란 무엇인가?** 자주 쓰는 데이터를 가까이 두는 곳

- 인덱스(이)란 검색을 빠르게 하는 자료구조
- API이란? 프로그램 사이의 약속
- 넓이란? 평면의 크기
`;
		const list = cards(note);
		expect(made(list)).toEqual([
			'2xx → 성공',
			'4xx → 클라이언트 오류',
			'HTTPS → HTTP에 SSL/TLS 암호화를 더한 프로토콜. 기본 포트 443',
			'TLS → 전송 계층 보안',
			'트랜잭션 → 더 이상 쪼갤 수 없는 작업 단위이다.',
			'캐시 → 자주 쓰는 데이터를 가까이 두는 곳',
			'인덱스 → 검색을 빠르게 하는 자료구조',
			'API → 프로그램 사이의 약속',
			'넓이 → 평면의 크기'
		]);
		// Its own card, no longer the end of the status codes' list card.
		expect(list.some((card) => card.rule === 'list')).toBe(false);
		const https = list.find((card) => card.front === 'HTTPS');
		expect(https?.id).toBe(cards('## HTTP 상태 코드\n\n**HTTPS**: HTTP에 SSL/TLS 암호화를 더한 프로토콜. 기본 포트 443\n')[0]?.id);
	});

	it('reads no definition into prose with 란 in it (QA)', () => {
		const note = `## 메모

이란 국가는 중동에 있다.

중동의 이란 국가는 석유가 많다.

캐시란 무엇인가?

가상 메모리란 무엇일까 생각해 보자

오늘 배운 내용이란 결국 복습이 중요하다는 것

캐시란 개념은 중요하다.

즉, 스레드란 프로세스 내의 실행 단위이다.

공부하란 말이야.

시험 범위에 포함된 가장 중요한 개념이란 바로 교착 상태이다.
`;
		expect(cards(note).map((card) => card.rule)).toEqual(['section']);
	});

	it('reads a word’s own 란 as no particle: a noun, an adjective or a verb ending so (QA)', () => {
		const prose = '## 메모\n\n모자란 칸은 비워 두었습니다.\n\n파란 하늘이 좋다.\n\n임진왜란 때 이순신이 활약했다.\n\n병자호란 이후 청에 인질로 감\n\n잘 자란 나무\n';
		expect(cards(prose).map((card) => card.rule)).toEqual(['section']);
		// Plain `X란` defines when it asks or answers as a definition does; bold, `(이)란` or `이란` always.
		const note = '## 용어\n\n**임진왜란**이란? 1592년 일본의 침략\n\n캐시란 자주 쓰는 데이터를 가까이 두는 것\n\n프로세스란 실행 중인 프로그램을 말한다.\n\n힘이란 물체의 운동 상태를 바꾸는 원인이다.\n\n계란이란? 닭의 알\n';
		expect(made(cards(note))).toEqual(['임진왜란 → 1592년 일본의 침략', '캐시 → 자주 쓰는 데이터를 가까이 두는 것', '프로세스 → 실행 중인 프로그램을 말한다.', '힘 → 물체의 운동 상태를 바꾸는 원인이다.', '계란 → 닭의 알']);
	});
});

describe('Q: and A: lines', () => {
	it('makes a question → answer card of consecutive Q/A lines, in the common spellings', () => {
		const note = `## 생물
Q: What organelle makes ATP?
A: The mitochondrion

Q. 세포벽이 있는 생물은?
A. 식물, 균류, 세균

Q) 광합성이 일어나는 곳은?
A) 엽록체

질문: 핵의 역할은?
답: 유전 정보 저장
`;
		const list = cards(note);
		expect(made(list, 'qa')).toEqual([
			'What organelle makes ATP? → The mitochondrion',
			'세포벽이 있는 생물은? → 식물, 균류, 세균',
			'광합성이 일어나는 곳은? → 엽록체',
			'핵의 역할은? → 유전 정보 저장'
		]);
		expect(list.find((card) => card.rule === 'qa')?.path).toEqual(['생물']);
		// The pairs are the section's cards: no passage card repeats them.
		expect(list.filter((card) => card.rule === 'section')).toEqual([]);
	});

	it('reads Q/A list items, with the answer’s sub-items, and lines after a question or an answer', () => {
		const note = `## 복습
- Q: 스레드의 장점은?
- A: 두 가지
  - 응답성 향상
  - 자원 공유
- Q1. 프로세스란?
  - A1. 실행 중인 프로그램

Q: 교착 상태의
네 가지 조건은?
A: 상호 배제, 점유 대기,
비선점, 순환 대기
`;
		expect(made(cards(note), 'qa')).toEqual([
			'스레드의 장점은? → 두 가지\n\n- 응답성 향상\n- 자원 공유',
			'프로세스란? → 실행 중인 프로그램',
			'교착 상태의\\\n네 가지 조건은? → 상호 배제, 점유 대기,\\\n비선점, 순환 대기'
		]);
	});

	it('keeps a question item’s sub-items (a hint) on its front, and pairs it with the answer item after them (QA)', () => {
		expect(cards('## 자료구조\n\n- Q: 큐의 특징은?\n  - 힌트: 줄서기\n- A: FIFO\n').map((card) => [card.rule, card.front, card.back])).toEqual([
			['qa', '큐의 특징은?\n\n- 힌트: 줄서기', 'FIFO']
		]);
	});

	it('makes no card of a list of questions and answers over them: each pair has its own (QA)', () => {
		expect(cards('## 자료구조\n\n- Q: 스택은?\n- A: LIFO\n- Q: 큐는?\n- A: FIFO\n').map((card) => `${card.rule} ${card.front}`)).toEqual(['qa 스택은?', 'qa 큐는?']);
	});

	it('keeps a multiple-choice question’s choices on its front, its answer the line after them (QA)', () => {
		const note = '## 자료구조\n\nQ1. 다음 중 LIFO 구조는?\nA. 스택\nB. 큐\nC. 트리\n정답: A\n';
		expect(made(cards(note), 'qa')).toEqual(['다음 중 LIFO 구조는?\\\nA. 스택\\\nB. 큐\\\nC. 트리 → A']);
		// An `A.` with no `B.` after it is still the answer.
		expect(made(cards('## 자료구조\n\nQ. LIFO 구조는?\nA. 스택\n'), 'qa')).toEqual(['LIFO 구조는? → 스택']);
	});

	it('asks a list item that ends in a question mark, its sub-items the answer; numbered ones are no steps', () => {
		const note = '## Review questions\n1. What cells produce antibodies?\n   - Plasma cells\n   - (differentiated B cells)\n2. Which MHC class presents to CD8+ T cells?\n   - MHC class I\n3. 1차 면역 반응에서 처음 만들어지는 항체는？\n   - IgM\n';
		expect(cards(note).map((card) => [card.rule, card.front, card.back, card.path])).toEqual([
			['qa', 'What cells produce antibodies?', '- Plasma cells\n- (differentiated B cells)', ['Review questions']],
			['qa', 'Which MHC class presents to CD8+ T cells?', '- MHC class I', ['Review questions']],
			['qa', '1차 면역 반응에서 처음 만들어지는 항체는？', '- IgM', ['Review questions']]
		]);
		// A question with nothing under it asks nothing: the list is a list.
		expect(cards('## Open questions\n- Why is the sky blue?\n- Why is grass green?\n').map((card) => card.rule)).toEqual(['list']);
		// The answer's own definitions are part of it, no cards of their own.
		expect(cards('## Q\n- Which layers are there?\n  - TCP: reliable\n  - UDP: fast\n').map((card) => card.front)).toEqual(['Which layers are there?']);
	});

	it('keeps the card of a flow that is no turn of an exchange (`HTTP → HTTPS: 보안 강화`)', () => {
		expect(made(cards('## 프로토콜\n- HTTP → HTTPS: 보안 강화\n- HTTP/1.1 → HTTP/2: 멀티플렉싱\n'))).toEqual(['HTTP → HTTPS → 보안 강화', 'HTTP/1.1 → HTTP/2 → 멀티플렉싱']);
		expect(made(cards('## 보안\n\n**HTTP → HTTPS**: 암호화 추가\n'))).toEqual(['HTTP → HTTPS → 암호화 추가']);
		// Flows one way, a chain of versions, take no turns.
		expect(made(cards('## HTTP 발전\n- HTTP/1.0 → HTTP/1.1: Keep-Alive\n- HTTP/1.1 → HTTP/2: 멀티플렉싱\n- HTTP/2 → HTTP/3: QUIC 기반\n'))).toHaveLength(3);
		// Sides that send in one line and receive in another take turns, bold or not, numbered or not, in a paragraph too.
		const turns = cards('## TLS\n\n클라이언트 → 서버: ClientHello\n서버 → 클라이언트: ServerHello\nHTTP → HTTPS: 보안 강화\n');
		expect(turns.map((card) => `${card.rule} ${card.front}`)).toEqual(['section TLS', 'definition HTTP → HTTPS']);
	});

	it('keeps a definition whose item goes on to ask a question: the question is part of its back (regression check)', () => {
		const note = '## 전송 계층\n- **TCP**: 연결형 프로토콜\n  왜 느릴까?\n  - 3-way handshake와 재전송 때문\n- **UDP**: 비연결형 프로토콜\n';
		expect(made(cards(note))).toEqual(['TCP → 연결형 프로토콜\\\n왜 느릴까?\n\n- 3-way handshake와 재전송 때문', 'UDP → 비연결형 프로토콜']);
		expect(made(cards(note), 'qa')).toEqual([]);
	});

	it('asks no question of a step that ends in a question mark: numbered steps are steps (regression check)', () => {
		const note = '## 배포 순서\n1. 테스트 통과 확인\n2. 빌드가 성공했는가?\n   - 실패하면 로그 확인\n3. 스테이징에 배포\n4. 운영 배포\n';
		expect(cards(note).map((card) => [card.rule, card.front])).toEqual([['steps', '배포 순서: 단계를 순서대로']]);
		// A bulleted question over its answer is still asked.
		expect(made(cards('## 체크\n- 빌드가 성공했는가?\n  - 로그를 본다\n- 배포\n'), 'qa')).toEqual(['빌드가 성공했는가? → - 로그를 본다']);
	});

	it('reads a bold question over its answer as a question, not a label', () => {
		const list = cards('## 복습\n\n**Q: What is ATP?**\nA: energy\n\n**Q1.** 프로세스란?\nA1. 실행 중인 프로그램\n');
		expect(made(list, 'qa')).toEqual(['**What is ATP?** → energy', '프로세스란? → 실행 중인 프로그램']);
		expect(list.every((card) => card.path.join() === '복습')).toBe(true);
	});

	it('keeps Q and A from being read as terms, and a question with no answer is no card', () => {
		const list = cards('## 메모\n\n- Q: 아직 모르는 것\n- 다른 항목\n\nQ: 답이 없는 질문\n그냥 메모\n');
		expect(list.filter((card) => card.rule === 'qa' || card.rule === 'definition')).toEqual([]);
	});

	it('asks the same card as `question::answer`, so rewriting one as the other keeps its id', () => {
		const [qa] = cards('## 생물\n\nQ: What organelle makes ATP?\nA: The mitochondrion\n');
		const [explicit] = cards('## 생물\n\nWhat organelle makes ATP?::The mitochondrion\n');
		expect(qa?.id).toBe(explicit?.id);
	});
});

describe('a question answered by the code under it', () => {
	it('asks a `Q.` line with no answer line, the code block after it its answer, and no heading card repeats them', () => {
		const code = '```sql\nSELECT 학과, COUNT(*) FROM 학생\nGROUP BY 학과 HAVING COUNT(*) >= 3;\n```';
		const list = cards(`## 기출 문제 (2020년 1회)\n\nQ. 학과별 학생 수를 구하되 3명 이상인 학과만 출력하시오.\n\n${code}\n`);
		expect(list.map((card) => `${card.rule} ${card.front} → ${card.back}`)).toEqual([`qa 학과별 학생 수를 구하되 3명 이상인 학과만 출력하시오. → ${code}`]);
		expect(list[0]?.id).toBe(cards('## 기출 문제 (2020년 1회)\n\nQ. 학과별 학생 수를 구하되 3명 이상인 학과만 출력하시오.\nA. 모름\n')[0]?.id);
		// An answer's label alone may stand between them, on the question's paragraph or one of its own.
		for (const between of ['\n정답:\n\n', '\n\n정답:\n\n', '\n\nA.\n']) {
			const solved = cards(`## 문제 2\n\n문제: 80점 이상인 학생의 이름을 출력하시오.${between}${code}\n`);
			expect(solved.map((card) => `${card.rule} ${card.front} → ${card.back}`), between).toEqual([`qa 80점 이상인 학생의 이름을 출력하시오. → ${code}`]);
		}
		// Code under a plain line, or under a question its `A:` line answers, is the heading's as before.
		expect(cards(`## 기출\n\n학과별 학생 수를 구하는 쿼리\n\n${code}\n`).map((card) => card.rule)).toEqual(['section']);
		expect(cards(`## 기출\n\nQ: 학과별 학생 수는?\nA: GROUP BY로 센다\n\n${code}\n`).map((card) => `${card.rule} ${card.front}`)).toEqual(['section 기출', 'qa 학과별 학생 수는?']);
	});
});

describe('a bold question answered on its line', () => {
	it('asks `**What is TCP?** answer` as `Q: What is TCP?` / `A: answer` does, id and all, in a paragraph or a list', () => {
		const note = '## Transport\n\n**What is TCP?** A connection-oriented protocol.\n**Why is UDP faster?** No handshake.\n\n- **What are ports?** Numbers that name a process.\n  - 16 bits\n';
		const list = cards(note);
		expect(made(list, 'qa')).toEqual(['What is TCP? → A connection-oriented protocol.', 'Why is UDP faster? → No handshake.', 'What are ports? → Numbers that name a process.\n\n- 16 bits']);
		expect(list.every((card) => card.rule === 'qa')).toBe(true);
		expect(list[0]?.id).toBe(cards('## Transport\n\nQ: What is TCP?\nA: A connection-oriented protocol.\n')[0]?.id);
		// A one-word question asks nothing; a bold question with no answer after it is no pair.
		expect(made(cards('## A\n\n**Why?** Because it is cheap.\n\n**Is it fast?**\n'), 'qa')).toEqual([]);
	});
});

describe('a plain question answered on its line', () => {
	it('asks `What is X? answer` as its bold form does, id and all, in a paragraph, a list, in Korean', () => {
		const note = '## Python\n\nWhat is a generator? A function that yields values lazily.\nIt saves memory.\nWhat is a decorator? A function that wraps another.\n\n- Why use `with`? It closes the file for you.\n';
		expect(made(cards(note), 'qa')).toEqual([
			'What is a generator? → A function that yields values lazily.\\\nIt saves memory.',
			'What is a decorator? → A function that wraps another.',
			'Why use `with`? → It closes the file for you.'
		]);
		expect(cards(note).find((card) => card.front === 'What is a decorator?')?.id).toBe(cards('## Python\n\n**What is a decorator?** A function that wraps another.\n')[0]?.id);
		expect(made(cards('## 전송 계층\n\n왜 UDP가 빠를까? 핸드셰이크가 없기 때문이다.\n'), 'qa')).toEqual(['왜 UDP가 빠를까? → 핸드셰이크가 없기 때문이다.']);
		expect(made(cards('## asyncio\n\nWhat is asyncio for? I/O-bound concurrency.\n'), 'qa')).toEqual(['What is asyncio for? → I/O-bound concurrency.']);
		// A question that names the reader is still one, unless it asks for an opinion.
		expect(made(cards('## 약리\n\nHow should you taper beta blockers? Slowly, over 1-2 weeks.\n'), 'qa')).toEqual(['How should you taper beta blockers? → Slowly, over 1-2 weeks.']);
	});

	it('leaves prose that asks as prose: no answer after it, a remark, a question to the reader, a step', () => {
		const prose = [
			'How does recursion work? Let’s see below.',
			'How does recursion work?',
			'Why does this matter? I am not sure yet.',
			'What do you think? Try it yourself.',
			'Is it fast? Is it slow?',
			'It is fast. Why? Nobody knows.',
			'오늘은 뭘 할까? 복습을 하자.',
			'이게 왜 될까? 잘 모르겠다.'
		];
		for (const line of prose) expect(made(cards(`## 메모\n\n${line}\n`), 'qa'), line).toEqual([]);
		// A numbered step that asks is a step.
		expect(made(cards('## 배포\n1. 테스트를 돌린다\n2. 빌드가 되는가? 안 되면 로그를 본다\n3. 배포한다\n'), 'qa')).toEqual([]);
		// A line that asks after an answer is no more of it.
		expect(made(cards('## A\n\nWhat is TCP? A reliable protocol.\nWhy is it slow? I am not sure.\n'), 'qa')).toEqual(['What is TCP? → A reliable protocol.']);
	});
});

describe('a bold definition after a question’s answer', () => {
	it('makes its own card, no longer the end of the answer above it, after `A:` or a bold question alike', () => {
		const made = (note: string) => cards(note).map((card) => `${card.rule} ${card.front} → ${card.back}`);
		const expected = ['definition TCP → connection-oriented', 'qa What is UDP? → A connectionless protocol.\\\nNo handshake.', 'definition QUIC → UDP-based transport\\\nby Google'];
		expect(made('## Transport\n\n**TCP**: connection-oriented\n**What is UDP?** A connectionless protocol.\nNo handshake.\n**QUIC**: UDP-based transport\nby Google\n')).toEqual(expected);
		expect(made('## Transport\n\n**TCP**: connection-oriented\nQ: What is UDP?\nA: A connectionless protocol.\nNo handshake.\n**QUIC**: UDP-based transport\nby Google\n')).toEqual(expected);
		// A plain `label: text` line may be part of an answer, as before.
		expect(made('## A\n\nQ: Why is UDP fast?\nA: Two reasons.\nfirst: no handshake\n')).toEqual(['qa Why is UDP fast? → Two reasons.\\\nfirst: no handshake']);
	});
});

describe('task items', () => {
	const note = '## 할 일\n\n- [x] 과제 제출: 금요일까지\n- [ ] 발표 준비: 월요일\n';

	it('shows a task box in a list card as the box it is, not as brackets', () => {
		expect(cards('## 할 일\n- [x] 스택 복습\n- [ ] 힙 복습하기\n- [X] 큐\n').map((card) => card.back)).toEqual(['- ☑ 스택 복습\n- ☐ 힙 복습하기\n- ☑ 큐']);
	});

	it('leaves the task box out of the front', () => {
		expect(made(cards(note))).toEqual(['과제 제출 → 금요일까지', '발표 준비 → 월요일']);
	});

	it('keeps the card’s id when the box is ticked', () => {
		const ids = (list: Card[]) => list.filter((card) => card.rule === 'definition').map((card) => card.id);
		expect(ids(cards(note.replace('- [ ]', '- [x]')))).toEqual(ids(cards(note)));
	});
});

describe('identity of the new definition styles', () => {
	const definitionId = (list: Card[], front: string) => list.find((card) => card.rule === 'definition' && card.front === front)?.id;

	it('keeps the id when `**FCFS**: ...` becomes `FCFS - ...`, in a list and in a paragraph', () => {
		const list = '## 스케줄링\n\n- **FCFS**: 먼저 온 순서대로 처리\n- **SJF**: 짧은 작업 먼저\n';
		const paragraph = '## 스케줄링\n\n**FCFS**: 먼저 온 순서대로 처리\n**SJF**: 짧은 작업 먼저\n';
		for (const note of [list, paragraph]) {
			const id = definitionId(cards(note), 'FCFS');
			expect(id).toBeDefined();
			expect(definitionId(cards(note.replace('**FCFS**: ', 'FCFS - ')), 'FCFS')).toBe(id);
			expect(definitionId(cards(note.replace('**FCFS**: ', 'FCFS = ')), 'FCFS')).toBe(id);
		}
	});

	it('identifies a definition by its term, wherever its line is', () => {
		const note = '## 단어\n\nsubtle = 미묘한\ninevitable - 피할 수 없는\n';
		const moved = '## 단어\n\ninevitable - 피할 수 없는\nmeticulous - 꼼꼼한\nsubtle = 미묘하고 섬세한\n';
		for (const term of ['subtle', 'inevitable']) {
			expect(definitionId(cards(note), term)).toBeDefined();
			expect(definitionId(cards(moved), term)).toBe(definitionId(cards(note), term));
		}
	});

	it('pairs a task item’s card made before the box was left out of its front', () => {
		// What the generator made of `- [x] 과제 제출: 금요일까지` before.
		const [now] = cards('## 할 일\n\n- [x] 과제 제출: 금요일까지\n').filter((card) => card.rule === 'definition');
		const before: Card = { ...(now as Card), id: 'old', front: '\\[x\\] 과제 제출' };
		expect(matchCards([before], [now as Card])).toEqual([{ from: 'old', to: now?.id, similarity: expect.any(Number) }]);
	});
});

describe('articles of a statute', () => {
	it('asks an article by its number and title, its text the answer, and no passage card repeats them', () => {
		const note = '## 행위능력\n\n제4조(성년) 사람은 19세로 성년에 이르게 된다.\n제5조(미성년자의 능력) ① 미성년자가 법률행위를 함에는 법정대리인의 동의를 얻어야 한다.\n② 전항의 규정에 위반한 행위는 취소할 수 있다.\n';
		const list = cards(note);
		expect(list.map((card) => `${card.rule} ${card.front} → ${card.back}`)).toEqual([
			'definition 제4조(성년) → 사람은 19세로 성년에 이르게 된다.',
			'definition 제5조(미성년자의 능력) → ① 미성년자가 법률행위를 함에는 법정대리인의 동의를 얻어야 한다.\\\n② 전항의 규정에 위반한 행위는 취소할 수 있다.'
		]);
		// Bold, in a list, numbered `조의2`: the same card, and id, as the plain line.
		expect(made(cards('## 행위능력\n\n- **제4조(성년)** 사람은 19세로 성년에 이르게 된다.\n- 제15조의2(제한능력자) 미성년자, 피성년후견인\n'))).toEqual([
			'제4조(성년) → 사람은 19세로 성년에 이르게 된다.',
			'제15조의2(제한능력자) → 미성년자, 피성년후견인'
		]);
		expect(cards('## 행위능력\n\n**제4조(성년)** 사람은 19세로 성년에 이르게 된다.\n')[0]?.id).toBe(list[0]?.id);
	});

	it('reads no article in prose that cites one', () => {
		expect(cards('## 성년\n\n제4조(성년)에 따르면 사람은 19세로 성년에 이르게 된다.\n').map((card) => card.rule)).toEqual(['section']);
	});
});

describe('a definition list on a card over it', () => {
	it('shows a term and its description as one line, term: description, as the term’s own card reads it', () => {
		const note = '## Transport\n\n- Across membranes\n\t- Osmosis\n\t: movement of water\n\t- Diffusion\n\t: spreading out\n\t: needs no energy\n';
		expect(cards(note).map((card) => [card.rule, card.front, card.back])).toEqual([
			['list', 'Transport', '- Across membranes\n  - Osmosis: movement of water\n  - Diffusion: spreading out\\\n    needs no energy'],
			['definition', 'Osmosis', 'movement of water'],
			['definition', 'Diffusion', 'spreading out\\\nneeds no energy']
		]);
	});

	it('keeps a sentence’s `: …` line under it, as written', () => {
		expect(cards('## A\nThe results were mixed, as expected.\n: see the appendix\n').map((card) => card.back)).toEqual(['The results were mixed, as expected.\\\n: see the appendix']);
	});
});
