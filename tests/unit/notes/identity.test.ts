import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/deck-format';
import { FRONT_SIMILARITY_THRESHOLD, matchCards, similarity } from '../../../src/lib/notes/match';
import { cards, SEED } from './helpers';

const NOTE = `## Storage

- **S3**: object storage
- **EBS**: block storage for EC2

## Compute

❄️ **EC2**
- virtual machines
- billed by the second

The \`t3.micro\` type is in the free tier.
`;

function idsByFront(list: Card[]): Map<string, string> {
	return new Map(list.map((card) => [`${card.rule} ${card.front}`, card.id]));
}

describe('card identity', () => {
	const original = cards(NOTE);
	const ids = idsByFront(original);

	it('keeps ids when an answer is edited', () => {
		const edited = cards(NOTE.replace('object storage', 'object storage with eleven nines of durability').replace('- billed by the second', '- billed per second, Linux only'));
		expect(idsByFront(edited)).toEqual(ids);
		expect(edited.find((card) => card.front === 'S3')?.back).toContain('eleven nines');
	});

	it('keeps ids when a section is added above', () => {
		const edited = cards(`## Networking\n\n- **VPC**: a private network\n\n${NOTE}`);
		for (const [key, id] of ids) expect(idsByFront(edited).get(key), key).toBe(id);
	});

	it('keeps ids when sections are reordered', () => {
		const [storage, compute] = NOTE.split('## Compute');
		const edited = cards(`## Compute${compute}\n${storage}`);
		expect(idsByFront(edited)).toEqual(ids);
	});

	it('keeps ids when line endings or heading numbers change', () => {
		expect(idsByFront(cards(NOTE.replace(/\n/g, '\r\n')))).toEqual(ids);
		expect(idsByFront(cards(NOTE.replace('## Storage', '## 1. Storage').replace('## Compute', '## 🚀 2. Compute')))).toEqual(ids);
	});

	it('changes the id when the question moves under another heading', () => {
		const moved = cards(NOTE.replace('- **EBS**: block storage for EC2\n', '').replace('- billed by the second', '- billed by the second\n\n- **EBS**: block storage for EC2'));
		const ebs = moved.find((card) => card.front === 'EBS');
		expect(ebs?.path).toEqual(['Compute', 'EC2']);
		expect(ebs?.id).not.toBe(ids.get('definition EBS'));
	});

	it('asks a question written twice with two answers once, with both, under the id it has when written once', () => {
		const both = cards('## 단어\n\n- bank: 은행\n- bank: 강둑\n- river: 강\n');
		expect(both.map((card) => `${card.front} → ${card.back}`)).toEqual(['bank → 은행\n\n강둑', 'river → 강']);
		const [bank] = both;
		// A second meaning written under a word, or taken away, or the two swapped: still the word's card and history.
		expect(cards('## 단어\n\n- bank: 은행\n- river: 강\n')[0]?.id).toBe(bank?.id);
		expect(cards('## 단어\n\n- bank: 강둑\n- bank: 은행\n- river: 강\n')[0]?.id).toBe(bank?.id);
		// A definition and a table row of one term under one heading are one card too; other headings' are their own.
		const mixed = cards('## 전송 계층\n\n**TCP**: 연결형\n\n| 이름 | 특징 |\n|---|---|\n| TCP | 느림 |\n\n## 다른 곳\n- TCP: 느림\n');
		expect(mixed.map((card) => `${card.path.join('/')} ${card.front} → ${card.back}`)).toEqual(['전송 계층 TCP → 연결형\n\n느림', '다른 곳 TCP → 느림']);
		// Stored before, as two cards told apart by their answers: one of them goes on as the word's card.
		const older = both.flatMap((card) => (card === bank ? ['은행', '강둑'].map((back, at) => ({ ...card, id: `${card.id}~${at}`, back })) : [card]));
		expect(matchCards(older, both).map(({ to }) => to)).toEqual([bank?.id]);
	});

	it('tells apart numbered steps asking the same by their number, keeping ids that do not depend on it', () => {
		const note = '## 배포\n1. 확인: 설정 파일\n2. 수정: 값 변경\n3. 확인: 로그\n';
		const list = cards(note);
		expect(list.map((card) => `${card.front} → ${card.back}`)).toEqual(['배포: 단계를 순서대로 → 1. 확인: 설정 파일\n2. 수정: 값 변경\n3. 확인: 로그', '확인 (1단계) → 설정 파일', '수정 → 값 변경', '확인 (3단계) → 로그']);
		expect(cards('## Deploy\n1. Check: the config\n2. Edit: a value\n3. Check: the log\n').map((card) => card.front)).toContain('Check (step 3)');
		// A step put in before them renumbers the fronts; each keeps its card.
		const renumbered = cards(note.replace('1. 확인', '1. 백업: 스냅샷\n2. 확인').replace('2. 수정', '3. 수정').replace('3. 확인', '4. 확인'));
		const idOf = (cardList: Card[], back: string) => cardList.find((card) => card.back === back)?.id;
		expect(renumbered.find((card) => card.back === '로그')?.front).toBe('확인 (4단계)');
		expect(idOf(renumbered, '로그')).toBe(idOf(list, '로그'));
		expect(idOf(renumbered, '설정 파일')).toBe(idOf(list, '설정 파일'));
	});

	it('keeps the seed deck’s ids when its notes get a new section and edited answers', () => {
		const before = cards(SEED);
		const edited = cards(`## 🚀 0. 들어가며\n- **IaaS**: 인프라를 서비스로 제공\n<br/>\n\n${SEED.replace('가상머신 제공', '가상 머신(VM) 제공')}`);
		const editedIds = new Set(edited.map((card) => card.id));
		for (const card of before) expect(editedIds.has(card.id), card.front).toBe(true);
	});
});

/** What matchCards pairs, as `old front → new front`, sorted. */
function pairedFronts(before: Card[], after: Card[]): string[] {
	return matchCards(before, after)
		.map((match) => `${before.find((card) => card.id === match.from)?.front} → ${after.find((card) => card.id === match.to)?.front}`)
		.sort();
}

describe('matchCards', () => {
	it('pairs a reworded question with its vanished original', () => {
		const before = cards('## Geography\n\nWhat is the capital of France?::Paris\n\nLargest ocean::Pacific\n');
		const after = cards('## Geography\n\nWhat is the capital city of France?::Paris\n\nLargest ocean::Pacific\n');
		const [old] = before;
		const [fresh] = after;
		expect(old?.id).not.toBe(fresh?.id);
		expect(matchCards(before, after)).toEqual([{ from: old?.id, to: fresh?.id, similarity: expect.any(Number) }]);
	});

	it('pairs a reworded Korean definition term with the same answer', () => {
		const before = cards('## 개념\n\n- **가용 영역**: 리전 내의 데이터 센터 묶음\n');
		const after = cards('## 개념\n\n- **가용 영역(AZ)**: 리전 내의 데이터 센터 묶음\n');
		const definition = (list: Card[]) => list.find((card) => card.rule === 'definition');
		const matches = matchCards(before, after);
		expect(matches).toHaveLength(1);
		expect(matches[0]?.from).toBe(definition(before)?.id);
		expect(matches[0]?.to).toBe(definition(after)?.id);
	});

	it('pairs a term spelled out, or cut back, around the same definition', () => {
		const before = cards('## 전송 계층\n\n- **TCP**: 연결형, 신뢰성 있는 전송\n- **UDP**: 비연결형, 빠른 전송\n');
		const after = cards('## 전송 계층\n\n- **TCP (Transmission Control Protocol)**: 연결형, 신뢰성 있는 전송\n- **UDP**: 비연결형, 빠른 전송\n');
		const tcp = (list: Card[]) => list.find((card) => card.front.startsWith('TCP'))!.id;
		expect(matchCards(before, after)).toEqual([{ from: tcp(before), to: tcp(after), similarity: expect.any(Number) }]);
		expect(matchCards(after, before)).toEqual([{ from: tcp(after), to: tcp(before), similarity: expect.any(Number) }]);
		// Words added to a term whose definition changed too, or a part of a word, are not enough.
		expect(matchCards(before, cards('## 전송 계층\n\n- **TCP (Transmission Control Protocol)**: 전송 계층 프로토콜\n- **UDP**: 비연결형, 빠른 전송\n'))).toEqual([]);
		expect(matchCards(cards('## A\n\n- **IP**: 주소\n'), cards('## A\n\n- **IPsec tunnel mode**: 주소\n'))).toEqual([]);
	});

	it('does not pair unrelated questions, or questions under another heading', () => {
		const before = cards('## A\n\nWhat is the capital of France?::Paris\n');
		expect(matchCards(before, cards('## A\n\nHow many legs does a spider have?::Eight\n'))).toEqual([]);
		expect(matchCards(before, cards('## B\n\nWhat is the capital city of France?::Paris\n'))).toEqual([]);
	});

	it('pairs one to one, best match first', () => {
		const before = cards('## Q\n\nWhat is the boiling point of water?::100 °C\n\nWhat is the freezing point of water?::0 °C\n');
		const after = cards('## Q\n\nWhat is the boiling point of pure water?::100 °C\n\nWhat is the freezing point of pure water?::0 °C\n');
		const matches = matchCards(before, after);
		expect(matches).toHaveLength(2);
		const pairs = matches.map((match) => [before.find((card) => card.id === match.from)?.back, after.find((card) => card.id === match.to)?.back]);
		expect(pairs).toEqual(expect.arrayContaining([['100 °C', '100 °C'], ['0 °C', '0 °C']]));
	});

	it('pairs the cards under a renamed heading, also at any depth, and a card moved to another heading', () => {
		const note = '# 동사 노트\n\n## 기본 동사\n\n### 이동\n\n**가다**: to go\n\n**오다**: to come\n\n## 형용사\n\n**크다**: to be big\n';
		const before = cards(note);
		const pairs = (after: Card[]) => pairedFronts(before, after);
		expect(pairs(cards(note.replace('### 이동', '### 이동 동사')))).toEqual(['가다 → 가다', '오다 → 오다']);
		expect(pairs(cards(note.replace('## 기본 동사', '## 자주 쓰는 동사')))).toEqual(['가다 → 가다', '오다 → 오다']);
		// Moved, unchanged, to another section.
		expect(pairs(cards(note.replace('**오다**: to come\n', '').replace('**크다**: to be big\n', '**크다**: to be big\n\n**오다**: to come\n')))).toEqual(['오다 → 오다']);
	});

	it('pairs a card reworded along with its heading’s rename when another card shows the rename', () => {
		const note = '## 문법\n\n### 이유를 나타내는 표현\n\n- **-아서/어서**: 이유, 명령문과 함께 쓰지 않음\n- **-(으)니까**: 이유, 명령문과 함께 쓸 수 있음\n- 둘 다 동사와 형용사에 붙는다\n';
		const before = cards(note);
		const after = cards(note.replace('### 이유를 나타내는 표현', '### 이유 표현').replace('**-(으)니까**', '**-(으)니까요**'));
		// The heading's own card (its list much the same) too.
		expect(pairedFronts(before, after)).toEqual(['-(으)니까 → -(으)니까요', '-아서/어서 → -아서/어서', '이유를 나타내는 표현 → 이유 표현'].sort());
		// Without a card that shows the rename, a reworded card under another heading is not paired (see the test above).
		expect(matchCards(cards('## A\n\nWhat is the capital of France?::Paris\n'), cards('## B\n\nWhat is the capital city of France?::Paris\n'))).toEqual([]);
	});

	it('pairs a heading’s own card when the heading is renamed to other words: its list or passage the same, or much the same under a rename its items show', () => {
		const note = '# 한국어 문법\n\n## 소개\n\n한국어는 교착어이며 조사와 어미가 발달했다.\n\n## 시제\n\n- 가다: to go\n- 오다: to come\n- 과거형은 -았/었-을 붙인다\n';
		const before = cards(note);
		const pairs = (after: Card[]) => pairedFronts(before, after);
		expect(pairs(cards(note.replace('## 소개', '## 개요').replace('## 시제', '## 때')))).toEqual(['가다 → 가다', '소개 → 개요', '시제 → 때', '오다 → 오다']);
		// The list grew as the heading was renamed: 가다 and 오다, unchanged, show the rename, and the list is much the same.
		expect(pairs(cards(note.replace('## 시제', '## 때').replace('- 오다: to come', '- 오다: to come\n- 보다: to see')))).toEqual(['가다 → 가다', '시제 → 때', '오다 → 오다']);
		// Without that, a heading's card whose list changed too is another card.
		expect(pairs(cards(note.replace('## 소개', '## 개요').replace('교착어이며', '교착어로서')))).toEqual([]);
	});

	it('pairs the cards of a heading holding a break, and of plain labels under a bold label, as the generator made them before', () => {
		// As the generator made them before a break parted a heading's title from its first line (bea40a8), and before a
		// plain label under a bold label had that label in its context (76f3e40): exported from those versions.
		const old = (id: string, rule: Card['rule'], path: string[], front: string, back: string) => ({ id, deck: 'note', kind: 'basic' as const, rule, path, front, back });
		const broken = cards('## 세포\n\n### 삼투<br/>반투막을 통해 물이 이동하는 현상\n\n- 농도가 낮은 쪽에서 높은 쪽으로\n- **삼투압**: 삼투를 막는 데 필요한 압력\n');
		const before = [
			old('old list', 'list', ['세포'], '삼투 반투막을 통해 물이 이동하는 현상', '- 농도가 낮은 쪽에서 높은 쪽으로\n- 삼투압: 삼투를 막는 데 필요한 압력'),
			old('old term', 'definition', ['세포', '삼투 반투막을 통해 물이 이동하는 현상'], '삼투압', '삼투를 막는 데 필요한 압력')
		];
		const id = (front: string) => broken.find((card) => card.front === front)?.id;
		expect(matchCards(before, broken).map(({ from, to }) => [from, to])).toEqual([
			['old term', id('삼투압')],
			['old list', id('삼투')]
		]);
		const labelled = cards('## 컴퓨팅\n\n**EC2**\n\n장점\n- 탄력적 확장\n- 종량제 요금\n\n단점:\n- 설정이 복잡함\n- 관리 부담\n');
		const unlabelled = [old('old pros', 'list', ['컴퓨팅'], '장점', '- 탄력적 확장\n- 종량제 요금'), old('old cons', 'list', ['컴퓨팅'], '단점', '- 설정이 복잡함\n- 관리 부담')];
		expect(labelled.map((card) => card.path)).toEqual([['컴퓨팅', 'EC2'], ['컴퓨팅', 'EC2']]);
		expect(matchCards(unlabelled, labelled).map(({ from, to }) => [from, to]).sort()).toEqual([
			['old cons', labelled[1]?.id],
			['old pros', labelled[0]?.id]
		]);
	});

	it('has nothing to do when no id vanished', () => {
		const list = cards('## A\n\nq::a\n');
		expect(matchCards(list, list)).toEqual([]);
	});

	it('measures similarity from 0 to 1', () => {
		expect(similarity('리전', '리전')).toBe(1);
		expect(similarity('abc', 'xyz')).toBe(0);
		expect(similarity('What is the capital of France?', 'What is the capital city of France?')).toBeGreaterThanOrEqual(FRONT_SIMILARITY_THRESHOLD);
	});
});
