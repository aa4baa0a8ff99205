import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/deck-format';
import { generate } from './helpers';

const shown = (list: readonly Card[]) => list.map((card) => ({ rule: card.rule, path: card.path, front: card.front, back: card.back }));

describe('numbered facts, which are no steps', () => {
	const made = (note: string) => generate(note).deck.cards.map((card) => `${card.rule} ${card.front}`);

	it('makes a list card, not a steps card, of numbered points under a label that names them', () => {
		const note = '## 세포\n\n**시험 포인트**\n1. 세포막은 인지질 이중층이다\n2. 미토콘드리아는 ATP를 생성한다\n3. 리보솜은 단백질을 합성한다\n';
		const { deck } = generate(note);
		expect(shown(deck.cards)).toEqual([
			{ rule: 'list', path: ['세포'], front: '시험 포인트', back: '1. 세포막은 인지질 이중층이다\n2. 미토콘드리아는 ATP를 생성한다\n3. 리보솜은 단백질을 합성한다' }
		]);
		// Points that are definitions each have their card: none over them.
		expect(made('## 약리\n\n**시험 포인트**\n1. β차단제: 저혈당 증상을 가림\n2. ACE 억제제: 마른기침\n3. 이뇨제: 저칼륨혈증\n')).toEqual(['definition β차단제', 'definition ACE 억제제', 'definition 이뇨제']);
		expect(made('## Cardiology key facts\n1. Digoxin: narrow therapeutic index\n2. Amiodarone: thyroid problems\n3. Warfarin: check the INR\n')).not.toContain('steps Cardiology key facts: the steps in order');
	});

	it('reads lines that each state a fact about a topic of their own as facts, under any title', () => {
		expect(made('## 조선 전기\n1. 태조는 한양으로 천도했다\n2. 태종은 6조 직계제를 실시했다\n3. 세종은 훈민정음을 창제했다\n')).toEqual(['list 조선 전기']);
		expect(made('## Organelles\n1. Mitochondria are the site of respiration\n2. Ribosomes are where proteins are made\n3. The nucleus is the home of the DNA\n')).toEqual(['list Organelles']);
	});

	it('keeps the steps of a procedure: named so, with actors taking turns, told in the passive, or without topics', () => {
		expect(made('## 로그인 과정\n1. 사용자는 ID를 입력한다\n2. 서버는 토큰을 발급한다\n3. 브라우저는 토큰을 저장한다\n')).toEqual(['steps 로그인 과정: 단계를 순서대로']);
		expect(made('## 광합성\n일어나는 순서:\n1. 엽록소는 빛을 흡수한다\n2. 물은 분해된다\n3. 포도당은 합성된다\n')[0]).toBe('steps 광합성: 일어나는 순서');
		expect(made('## 3-way handshake\n1. 클라이언트는 SYN을 보낸다\n2. 서버는 SYN+ACK로 응답한다\n3. 클라이언트는 ACK를 보낸다\n')).toEqual(['steps 3-way handshake: 단계를 순서대로']);
		expect(made('## Booting\n1. The firmware is loaded from ROM\n2. The bootloader is started\n3. The kernel is loaded\n')).toEqual(['steps Booting: the steps in order']);
		expect(made('## 설치\n1. 사용하는 포트를 확인한다\n2. 방화벽을 연다\n3. 서버를 시작한다\n')).toEqual(['steps 설치: 단계를 순서대로']);
		expect(made('## 세포 분열\n1. 세포는 커진다\n2. 핵은 나뉜다\n3. 세포질 → 둘로 나뉨\n')).toEqual(['steps 세포 분열: 단계를 순서대로']);
		// Terms and their definitions are steps only under a title naming a procedure; a term asked twice is a procedure's check.
		expect(made('## 세포 분열 과정\n1. **전기**<br/>염색체가 응축된다\n2. **중기**<br/>염색체가 적도판에 늘어선다\n3. **후기**<br/>염색분체가 양극으로 이동한다\n')[0]).toBe('steps 세포 분열 과정: 단계를 순서대로');
		expect(made('## Deploy\n1. Check: the config\n2. Edit: a value\n3. Check: the log\n')[0]).toBe('steps Deploy: the steps in order');
	});

	it('reads numbered terms with their definitions as a glossary: definition cards, no steps card', () => {
		expect(made('## 네트워크 용어\n1. 대역폭: 단위 시간당 전송할 수 있는 데이터의 양\n2. 지연 시간: 패킷이 목적지까지 가는 데 걸리는 시간\n3. 처리량: 실제로 전송된 데이터의 양\n')).toEqual([
			'definition 대역폭',
			'definition 지연 시간',
			'definition 처리량'
		]);
		expect(made('## Key terms\n1. **Latency** – the time a packet takes to arrive\n2. **Throughput** – the data delivered per second\n3. **Jitter** – the variation in latency\n')).toEqual([
			'definition Latency',
			'definition Throughput',
			'definition Jitter'
		]);
		expect(made('## 자료구조\n1. 스택 - 후입선출 구조\n2. 큐 - 선입선출 구조\n3. 덱 - 양쪽에서 넣고 빼는 구조\n')).toEqual(['definition 스택', 'definition 큐', 'definition 덱']);
		// Under a title or a line that names a procedure they are its steps, each term a step's name.
		expect(made('## 배포 순서\n1. 빌드: 소스를 컴파일한다\n2. 테스트: 단위 테스트를 돌린다\n3. 배포: 서버에 올린다\n')[0]).toBe('steps 배포 순서: 단계를 순서대로');
		expect(made('## Release\nHow to deploy:\n1. Build: compile the sources\n2. Test: run the unit tests\n3. Deploy: upload to the server\n')[0]).toBe('steps Release: How to deploy');
	});

	it('reads a timeline, lines that each open with a year, as facts: the years give the order', () => {
		expect(made('## 조선\n1. 1392년 조선 건국\n2. 1446년 훈민정음 반포\n3. 1592년 임진왜란\n')).toEqual(['list 조선']);
		expect(made('## England\n1. 1066 Norman conquest\n2. 1215 Magna Carta signed\n3. 1485 the Tudors\n')).toEqual(['list England']);
		// A year in one step is no timeline.
		expect(made('## 설치\n1. 2024 버전을 받는다\n2. 압축을 푼다\n3. 실행한다\n')).toEqual(['steps 설치: 단계를 순서대로']);
	});

	it('reads numbered kinds, factors and requirements as facts', () => {
		expect(made('## 공급곡선 이동 요인\n1. 투입물 가격\n2. 기술\n3. 판매자의 수\n')).toEqual(['list 공급곡선 이동 요인']);
		expect(made('## Types of joins\n1. Inner join\n2. Left outer join\n3. Full outer join\n')).toEqual(['list Types of joins']);
		expect(made('## 피성년후견인 요건\n1. 정신적 제약\n2. 사무 처리 능력의 지속적 결여\n3. 가정법원의 심판\n')).toEqual(['list 피성년후견인 요건']);
		expect(made('## Contract requirements\n1. Offer\n2. Acceptance\n3. Consideration\n')).toEqual(['list Contract requirements']);
	});

	it('lets the line right over the numbered lines speak before the heading, with or without its colon', () => {
		// `순서` in the heading would make steps of them; the points under it are none, and the line naming them is
		// their label, as over a bulleted list.
		expect(made('## 안정성 순서\n치환기가 많을수록 안정\n\n시험포인트\n1. 마르코브니코프 구분\n2. syn/anti 첨가 구분\n3. 재배열 생성물 예측\n')).toEqual([
			'section 안정성 순서',
			'list 시험포인트'
		]);
		expect(made('## 피성년후견인\n요건:\n1. 정신적 제약\n2. 사무 처리 능력의 지속적 결여\n3. 가정법원의 심판\n')).toEqual(['list 요건']);
		// A short line right over numbered steps names them as `배포 순서:` does; with a blank line between, it is a paragraph.
		expect(made('## 배포\n배포 순서\n1. 빌드한다\n2. 푸시한다\n3. 재시작한다\n')).toEqual(['steps 배포: 배포 순서']);
		expect(made('## 배포\n배포 순서\n\n1. 빌드한다\n2. 푸시한다\n3. 재시작한다\n')).toEqual(['steps 배포: 단계를 순서대로']);
		expect(made('## 배포\n오늘 한 것\n1. 빌드한다\n2. 푸시한다\n3. 재시작한다\n')).toEqual(['steps 배포: 단계를 순서대로']);
	});

	it('reads rules of how one form becomes another, with a worked example, as no steps, whatever the heading', () => {
		expect(made('## ます형 만들기\n1. う段 → い段 + ます (書く → 書きます)\n2. る 떼고 + ます (食べる → 食べます)\n3. する → します, 来る → 来ます\n')).toEqual(['list ます형 만들기']);
		expect(made('## ます형 만들기\n1. 1그룹: う段 → い段 + ます (書く → 書きます)\n2. 2그룹: る 떼고 + ます (食べる → 食べます)\n3. 3그룹: する → します, 来る → 来ます\n')).toEqual([
			'definition 1그룹',
			'definition 2그룹',
			'definition 3그룹'
		]);
		expect(made('## Plurals\n1. -y → -ies (study → studies)\n2. -f → -ves (leaf → leaves)\n3. -s → -ses (bus → buses)\n')).toEqual(['definition -y', 'definition -f', 'definition -s']);
		// A flow's stages, with what each turns into, are steps.
		expect(made('## 세포 호흡\n1. 해당과정 (포도당 → 피루브산)\n2. 피루브산 산화 (피루브산 → 아세틸 CoA)\n3. TCA 회로 → 전자전달계 (NADH → ATP)\n')).toEqual(['steps 세포 호흡: 단계를 순서대로']);
	});

	it('reads algorithms compared by their complexity, and kinds even of procedures, as no steps', () => {
		// Each line's definition has its card; no steps card over them.
		expect(made('## 정렬 알고리즘\n1. 버블 정렬: O(n²)\n2. 퀵 정렬: 평균 O(n log n), 최악 O(n²)\n3. 병합 정렬: O(n log n)\n')).toEqual([
			'definition 버블 정렬',
			'definition 퀵 정렬',
			'definition 병합 정렬'
		]);
		expect(made('## Sorting\n1. Bubble sort - O(n^2)\n2. Merge sort - O(n log n)\n3. Heap sort - O(n log n)\n')).not.toContain('steps Sorting: the steps in order');
		expect(made('## 정렬 알고리즘 종류\n1. 버블 정렬\n2. 퀵 정렬\n3. 병합 정렬\n')).toEqual(['list 정렬 알고리즘 종류']);
		// The steps of one algorithm stay steps.
		expect(made('## 다익스트라 알고리즘\n1. 시작 노드의 거리를 0으로 둔다\n2. 가장 가까운 노드를 고른다\n3. 이웃의 거리를 갱신한다\n')).toEqual(['steps 다익스트라 알고리즘: 단계를 순서대로']);
	});
});
