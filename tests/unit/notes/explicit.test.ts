import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/deck-format';
import { cards, generate } from './helpers';

const find = (list: Card[], front: string) => list.find((card) => card.front === front);

describe('explicit syntax', () => {
	it('question::answer makes one basic card', () => {
		const list = cards('## Geography\n\nCapital of France::Paris\n');
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ kind: 'basic', rule: 'qa', front: 'Capital of France', back: 'Paris', path: ['Geography'] });
	});

	it('a:::b makes two cards, one each way', () => {
		const list = cards('## Words\n\n사과:::apple\n');
		expect(list.map((card) => [card.rule, card.front, card.back])).toEqual([
			['qa', '사과', 'apple'],
			['qa-reversed', 'apple', '사과']
		]);
		expect(new Set(list.map((card) => card.id)).size).toBe(2);
	});

	it('works in list items and keeps the author’s formatting', () => {
		const list = cards('## HTTP\n\n- What does **404** mean?::Not *found*\n- 200::OK\n');
		expect(list.map((card) => card.front)).toEqual(['What does **404** mean?', '200']);
		expect(find(list, '200')?.back).toBe('OK');
		expect(list[0]?.back).toBe('Not *found*');
	});

	it('does not read :: inside inline code as a marker', () => {
		const list = cards('## C++\n\n- `std::vector` is a growable array\n');
		expect(list.some((card) => card.rule === 'qa')).toBe(false);
	});

	it('a line holding only ? splits a multi-line card', () => {
		const list = cards('## Biology\n\nWhat are the stages\nof mitosis?\n?\nProphase, metaphase,\nanaphase, telophase\n');
		expect(list).toHaveLength(1);
		expect(list[0]?.rule).toBe('multiline');
		expect(list[0]?.front).toBe('What are the stages\\\nof mitosis?');
		expect(list[0]?.back).toBe('Prophase, metaphase,\\\nanaphase, telophase');
	});

	it('?? makes the multi-line card both ways, and a list can be the answer', () => {
		const list = cards('## Lists\n\nThe primary colours\n??\n- red\n- yellow\n- blue\n');
		expect(list.map((card) => card.rule)).toEqual(['multiline', 'multiline-reversed']);
		expect(list[0]?.back).toBe('- red\n- yellow\n- blue');
		expect(list[1]?.front).toBe('- red\n- yellow\n- blue');
	});

	it('==text== makes a cloze card per highlight', () => {
		const list = cards('## Physics\n\nLight travels at ==300,000 km/s== in a ==vacuum==.\n');
		expect(list.map((card) => [card.kind, card.front, card.back])).toEqual([
			['cloze', 'Light travels at [...] in a vacuum.', 'Light travels at ==300,000 km/s== in a vacuum.'],
			['cloze', 'Light travels at 300,000 km/s in a [...].', 'Light travels at 300,000 km/s in a ==vacuum==.']
		]);
	});

	it("Bear's ::highlight:: is a highlight, not a question and its answer", () => {
		const list = cards('## Ser vs estar\n\nUse ::ser:: for permanent traits and ::estar:: for states.\n');
		expect(list.map((card) => [card.kind, card.front, card.back])).toEqual([
			['cloze', 'Use [...] for permanent traits and estar for states.', 'Use ==ser== for permanent traits and estar for states.'],
			['cloze', 'Use ser for permanent traits and [...] for states.', 'Use ser for permanent traits and ==estar== for states.']
		]);
		// `::` of a question and its answer, and of Anki's clozes, are what they were.
		expect(cards('capital of France::Paris').map((card) => [card.front, card.back])).toEqual([['capital of France', 'Paris']]);
		expect(cards('capital of France :: Paris').map((card) => [card.front, card.back])).toEqual([['capital of France', 'Paris']]);
		expect(cards('{{c1::Seoul::city}} is the capital').map((card) => card.front)).toEqual(['[city] is the capital']);
	});

	it('{{c1::text::hint}} makes Anki clozes, several deletions with one number make one card', () => {
		const list = cards('## Anki\n\n{{c1::Seoul}} is the capital of {{c2::Korea::country}}, on the {{c1::Han}} river.\n');
		expect(list).toHaveLength(2);
		expect(list[0]).toMatchObject({ kind: 'cloze', rule: 'cloze', front: '[...] is the capital of Korea, on the [...] river.', back: '==Seoul== is the capital of Korea, on the ==Han== river.' });
		expect(list[1]).toMatchObject({ front: 'Seoul is the capital of [country], on the Han river.', back: 'Seoul is the capital of ==Korea==, on the Han river.' });
	});

	it('{{c1::text}} makes a card for the first deletion of a line too (a lone one, or one of several numbers)', () => {
		expect(cards('## Anki\n\nx {{c1::bold}} y\n').map((card) => card.front)).toEqual(['x [...] y']);
		const list = cards('## Anki\n\nThe {{c1::capital}} of France is {{c2::Paris}}.\n\nLine one with {{c1::a}}.\nLine two with {{c1::b}} too.\n');
		expect(list.map((card) => card.front)).toEqual([
			'The [...] of France is Paris.',
			'The capital of France is [...].',
			'Line one with [...].',
			'Line two with [...] too.'
		]);
	});

	it('wins inside its block: an explicit list makes no automatic cards', () => {
		const list = cards('## Terms\n\n- **RAM**: memory\n- CPU::processor\n');
		expect(list.map((card) => card.rule)).toEqual(['qa']);
		// A highlight beside `::` is one more explicit line of that list, whose other items still make nothing.
		const mixed = cards('## Terms\n\n- **RAM**: ==volatile== memory\n- CPU::processor\n- **SSD**: solid state drive\n');
		expect(mixed.map((card) => card.rule)).toEqual(['cloze', 'qa']);
	});

	it('a highlight inside a definition keeps the definition card, stressing a word of its answer', () => {
		const plain = cards('## 전송 계층\n\n- TCP: 연결형 프로토콜\n- UDP: 비연결형 프로토콜\n- QUIC: UDP 위의 암호화된 전송\n');
		const highlighted = cards('## 전송 계층\n\n- TCP: ==연결형== 프로토콜\n- UDP: 비연결형 프로토콜\n- QUIC: UDP 위의 암호화된 전송\n');
		expect(highlighted.map((card) => [card.rule, card.front, card.back])).toEqual([
			['definition', 'TCP', '==연결형== 프로토콜'],
			['definition', 'UDP', '비연결형 프로토콜'],
			['definition', 'QUIC', 'UDP 위의 암호화된 전송']
		]);
		// The same cards as before the highlight, ids and all, so their review history stays with them.
		expect(highlighted.map((card) => card.id)).toEqual(plain.map((card) => card.id));
		expect(highlighted.slice(1)).toEqual(plain.slice(1));
		// A bold term's line, alone or in a paragraph, the same; a highlighted term asks as the term does.
		expect(cards('## Networks\n\n**TCP**: a ==connection-oriented== protocol\n').map((card) => [card.rule, card.front, card.back])).toEqual([['definition', 'TCP', 'a ==connection-oriented== protocol']]);
		expect(cards('## 네트워크\n\n- ==TCP==: 연결형 프로토콜\n').map((card) => [card.rule, card.front, card.back])).toEqual([['definition', 'TCP', '연결형 프로토콜']]);
	});

	it('a highlight in a line that is no definition is its cloze, beside the definitions around it', () => {
		const list = cards('## Networks\n\n- TCP guarantees ==ordered delivery== of bytes\n- **UDP**: a connectionless protocol\n');
		expect(list.map((card) => [card.rule, card.front])).toEqual([
			['list', 'Networks'],
			['cloze', 'TCP guarantees [...] of bytes'],
			['definition', 'UDP']
		]);
		// A line under a definition, on its back, is its own cloze as well.
		const under = cards('## 네트워크\n\n**TCP**: 연결형 프로토콜\n- ==3-way handshake==로 연결을 맺음\n');
		expect(under.map((card) => [card.rule, card.front])).toEqual([
			['definition', 'TCP'],
			['cloze', '[...]로 연결을 맺음']
		]);
	});

	it('a highlight in a paragraph of definitions keeps its line’s definition card', () => {
		const plain = cards('## Vocabulary\n\nabandon - to leave behind for good\nundermine - to weaken gradually\nsubtle - hard to notice\n');
		const highlighted = cards('## Vocabulary\n\nabandon - to leave ==behind== for good\nundermine - to weaken gradually\nsubtle - hard to notice\n');
		expect(highlighted.map((card) => [card.rule, card.front, card.back])).toEqual([
			['definition', 'abandon', 'to leave ==behind== for good'],
			['definition', 'undermine', 'to weaken gradually'],
			['definition', 'subtle', 'hard to notice']
		]);
		expect(highlighted.map((card) => card.id)).toEqual(plain.map((card) => card.id));
	});

	it("Bear's ::highlight:: in a definition keeps its card too", () => {
		const list = cards('## Cells\n\n- Mitosis: ::cell division:: into two cells\n- Meiosis: division into four gametes\n');
		expect(list.map((card) => [card.rule, card.front, card.back])).toEqual([
			['definition', 'Mitosis', '==cell division== into two cells'],
			['definition', 'Meiosis', 'division into four gametes']
		]);
	});

	it('an item highlighted on any of its lines makes its clozes, unless it is a definition, whose card shows the highlight', () => {
		const list = cards('## Memory\n\n- **Stack**: local variables\n  freed in ==LIFO== order\n- **Heap**: dynamic allocation\n');
		expect(list.map((card) => [card.rule, card.front, card.back])).toEqual([
			['definition', 'Stack', 'local variables\\\nfreed in ==LIFO== order'],
			['definition', 'Heap', 'dynamic allocation']
		]);
		const points = cards('## Memory\n\n- Stack frames hold local variables\n  freed in ==LIFO== order\n- **Heap**: dynamic allocation\n');
		expect(points.map((card) => [card.rule, card.front])).toEqual([
			['list', 'Memory'],
			['cloze', 'freed in [...] order'],
			['definition', 'Heap']
		]);
	});

	it('a list card over a list with a highlight is the one made without it', () => {
		// Definitions alone need no card over them: a highlighted one among them changes nothing.
		const definitions = cards('## Protocols\n\n- TCP: ==connection-oriented== protocol\n- UDP: connectionless protocol\n');
		expect(definitions.map((card) => card.rule)).toEqual(['definition', 'definition']);
		// Points of prose keep their heading's card, the highlighted one on it as a highlight, as the seed's `탄생 배경` keeps its code spans.
		const points = cards('## 탄생 배경\n\n- 아마존닷컴은 ==전자상거래== 웹사이트로 급속하게 성장\n- 성장에 따라 막대한 인프라가 필요해짐\n- 내부적으로 자체 클라우드 인프라를 구축\n');
		expect(points.map((card) => [card.rule, card.front])).toEqual([
			['list', '탄생 배경'],
			['cloze', '아마존닷컴은 [...] 웹사이트로 급속하게 성장']
		]);
		expect(points[0]?.back).toBe('- 아마존닷컴은 ==전자상거래== 웹사이트로 급속하게 성장\n- 성장에 따라 막대한 인프라가 필요해짐\n- 내부적으로 자체 클라우드 인프라를 구축');
		// Numbered steps keep their steps card.
		const steps = cards('## Deploy\n\n1. Build the image\n2. Push it to the ==registry==\n3. Roll out the release\n');
		expect(steps.map((card) => [card.rule, card.front])).toEqual([
			['steps', 'Deploy: the steps in order'],
			['cloze', 'Push it to the [...]']
		]);
	});

	it('adding a highlight changes the id of no other card, under a term it explains too', () => {
		// Highlights in definitions change no card's id: each is still its definition's card.
		const defined = [
			'## 정의\n\n**TCP**: ==연결형== 프로토콜\n- 3-way handshake: 연결 수립 과정\n- 흐름 제어: 수신자의 속도에 맞춤\n',
			'## Sorting\n\n- Quick sort\n  - 시간복잡도: 평균 ==O(n log n)==\n  - 공간복잡도: O(log n)\n- Merge sort\n  - 시간복잡도: O(n log n)\n',
			'## 보안\n\n- 대칭키: 암호화와 복호화에 ==같은 키==를 사용\n  - 예: AES, DES\n- 공개키: 공개키와 개인키 쌍을 사용\n'
		];
		for (const note of defined) expect(cards(note).map((card) => card.id), note).toEqual(cards(note.replace(/==/g, '')).map((card) => card.id));
		const notes = [
			'## 정의\n\n**TCP**: 연결형 프로토콜\n- ==3-way handshake==로 연결을 맺음\n- 흐름 제어: 수신자의 속도에 맞춤\n',
			'## Sorting\n\n- Quick sort\n  - 평균적으로 ==O(n log n)==에 정렬된다\n  - 공간복잡도: O(log n)\n- Merge sort\n  - 시간복잡도: O(n log n)\n',
			'## 보안\n\n- 대칭키: 암호화와 복호화에 같은 키를 사용\n  - 예: ==AES==, DES\n- 공개키: 공개키와 개인키 쌍을 사용\n'
		];
		for (const note of notes) {
			const highlighted = cards(note);
			const plainIds = cards(note.replace(/==/g, '')).map((card) => card.id);
			const others = highlighted.filter((card) => card.rule !== 'cloze').map((card) => card.id);
			// Only the highlighted line's own card, if it had one, gives way to its cloze.
			expect(plainIds.filter((id) => !others.includes(id)).length, note).toBeLessThanOrEqual(1);
			expect(highlighted.some((card) => card.rule === 'cloze'), note).toBe(true);
			expect(others.every((id) => plainIds.includes(id)), note).toBe(true);
		}
	});

	it('mixes with unmarked content in other blocks of the same note', () => {
		const list = cards('## Cloud\n\n- **Region**: a geographic area\n- **Zone**: a data centre group\n\nWhat is IaaS?::Infrastructure as a service\n\n## Steps\n\n1. Plan\n2. Build\n3. Ship\n');
		const rules = list.map((card) => card.rule).sort();
		// The list of definitions makes no card of its own: each item has its card.
		expect(rules).toEqual(['definition', 'definition', 'qa', 'steps']);
		expect(find(list, 'Region')?.back).toBe('a geographic area');
		expect(find(list, 'Steps: the steps in order')?.back).toBe('1. Plan\n2. Build\n3. Ship');
	});

	it('front matter sets the deck, its tags, and explicit-only mode', () => {
		const note = '---\ndeck: Cloud 101\ntags: [aws, cloud]\ncards: explicit\n---\n## Terms\n\n- **Region**: an area\n\nIaaS::infrastructure\n';
		const { deck, report } = generate(note);
		expect(deck.name).toBe('Cloud 101');
		expect(deck.id).toBe('cloud-101');
		expect(deck.tags).toEqual(['aws', 'cloud']);
		expect(deck.cards.map((card) => card.rule)).toEqual(['qa']);
		expect(deck.cards[0]?.tags).toEqual(['aws', 'cloud']);
		expect(deck.cards[0]?.source.line).toBe(10);
		expect(report.warnings).toEqual([]);
	});

	it('never gives a deck an id the app’s URLs reserve', () => {
		expect(generate('## A\n\nq::a\n', 'all.md').deck.id).toBe('all-deck');
		expect(generate('## A\n\nq::a\n', 'All.md').deck.id).toBe('all-deck');
	});

	it('names the deck after a lone H1, which is left out of the heading paths', () => {
		const { deck } = generate('# Networking\n\n## Layers\n\n- L3: network\n- L4: transport\n');
		expect(deck.name).toBe('Networking');
		expect(deck.cards.find((card) => card.front === 'L3')?.path).toEqual(['Layers']);
	});
});

describe('the sentences a cloze of a long line shows', () => {
	it('keeps a sentence going after an abbreviation, and the sentences between two marked ones', () => {
		const fronts = (note: string) => cards(note).filter((card) => card.kind === 'cloze').map((card) => card.front);
		// `e.g.` ended a sentence: the example's cloze lost "Arguments can have default values", all it asks by.
		expect(fronts('## Functions\n\nA function is defined with `def`. Arguments can have default values, e.g. `f(x=1)`. See PEP 8.\n')).toEqual([
			'A function is defined with [...]. Arguments can have default values, e.g. `f(x=1)`.',
			'A function is defined with `def`. Arguments can have default values, e.g. [...].'
		]);
		expect(fronts('## 메모\n\n==미토콘드리아==는 세포 호흡을 한다. 내막은 주름져 있다. 그 주름을 ==크리스타==라 한다. 끝.\n')).toEqual([
			'[...]는 세포 호흡을 한다. 내막은 주름져 있다. 그 주름을 크리스타라 한다.',
			'미토콘드리아는 세포 호흡을 한다. 내막은 주름져 있다. 그 주름을 [...]라 한다.'
		]);
		// A sentence with no mark before or after the marked ones still goes.
		expect(fronts('## A\n\nFirst things first. The `main` function runs first. Then the rest.\n')).toEqual(['The [...] function runs first.']);
	});
});
