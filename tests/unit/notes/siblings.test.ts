import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/notes/deck-format';
import { parseDeckFile } from '../../../src/lib/notes/deck-format';
import { SiblingHold } from '../../../src/lib/srs/siblings';
import { generate, SEED, SEED_FILE } from './helpers';

/** Whether two cards are siblings: they share a key. */
function siblings(a: Card, b: Card): boolean {
	return (a.siblingKeys ?? []).some((key) => (b.siblingKeys ?? []).includes(key));
}

const byFront = (list: readonly Card[], front: string): Card => {
	const card = list.find((one) => one.front === front);
	if (!card) throw new Error(`no card ${front}: ${list.map((one) => one.front).join(' | ')}`);
	return card;
};

describe('sibling keys: cards that show each other’s answers', () => {
	const note = `# 네트워크

## 계층
- **전송 계층**
  - TCP: 연결 지향
  - UDP: 비연결
- 세션 계층: 연결 관리

## 문장
TCP는 ==연결 지향==이며 ==신뢰성==을 보장한다.

## 따로
- 라우터: 경로 결정
`;
	const { deck } = generate(note);
	const made = deck.cards;

	it('a list’s card and the cards of its items are siblings; the items are not each other’s', () => {
		const list = byFront(made, '전송 계층');
		const tcp = byFront(made, 'TCP');
		const udp = byFront(made, 'UDP');
		expect(list.rule).toBe('list');
		expect(siblings(list, tcp)).toBe(true);
		expect(siblings(list, udp)).toBe(true);
		expect(siblings(tcp, udp)).toBe(false);
	});

	it('the clozes of one sentence are siblings', () => {
		const clozes = made.filter((card) => card.kind === 'cloze');
		expect(clozes).toHaveLength(2);
		expect(siblings(clozes[0]!, clozes[1]!)).toBe(true);
	});

	it('a heading’s card over the whole list is a sibling of every card in it; a card that shares no line has no keys', () => {
		const heading = byFront(made, '계층');
		for (const front of ['전송 계층', 'TCP', 'UDP', '세션 계층']) expect(siblings(heading, byFront(made, front))).toBe(true);
		expect(siblings(byFront(made, '전송 계층'), byFront(made, '세션 계층'))).toBe(false);
		expect(byFront(made, '라우터').siblingKeys).toBeUndefined();
	});

	it('keys are the note file’s own: the same lines of two notes make no siblings', () => {
		const other = generate(note, 'other.md').deck.cards;
		expect(siblings(byFront(made, '전송 계층'), byFront(other, 'TCP'))).toBe(false);
		expect(generate(note).deck.cards.map((card) => card.siblingKeys)).toEqual(made.map((card) => card.siblingKeys));
	});

	it('name a line by its text, not its number: lines added above or a section moved keep every key', () => {
		const keysByFront = (cards: readonly Card[]) => new Map(cards.map((card) => [card.front, card.siblingKeys]));
		const before = keysByFront(made);
		const added = generate(note.replace('# 네트워크\n', '# 네트워크\n\n오늘 배운 것.\n\n')).deck.cards;
		const moved = generate(note.replace(/## 계층\n[^#]*/, '').replace('## 따로', '## 계층\n- **전송 계층**\n  - TCP: 연결 지향\n  - UDP: 비연결\n- 세션 계층: 연결 관리\n\n## 따로')).deck.cards;
		expect(keysByFront(added)).toEqual(before);
		expect(keysByFront(moved)).toEqual(before);
		// A line whose words change is another line: the cards that share it share a new key.
		const reworded = generate(note.replace('TCP: 연결 지향', 'TCP: 연결형')).deck.cards;
		expect(byFront(reworded, 'TCP').siblingKeys).not.toEqual(before.get('TCP'));
		expect(siblings(byFront(reworded, 'TCP'), byFront(reworded, '전송 계층'))).toBe(true);
	});

	it('the same line written twice in a note is two lines: their cards are not made siblings by it', () => {
		const twice = generate('## 오전\n- **복습**\n  - TCP: 연결 지향\n  - UDP: 비연결\n\n## 오후\n- **복습**\n  - TCP: 연결 지향\n  - IP: 주소\n').deck.cards;
		const [morning, afternoon] = twice.filter((card) => card.front === '복습');
		expect(morning && afternoon).toBeTruthy();
		expect(siblings(morning!, afternoon!)).toBe(false);
	});

	it('are valid deck-format fields, kept by a deck file', () => {
		const file = parseDeckFile(JSON.parse(JSON.stringify({ format: 'recall-deck', version: 1, decks: [deck] })));
		expect(file.decks[0]!.cards.map((card) => card.siblingKeys)).toEqual(made.map((card) => card.siblingKeys));
		expect(() => parseDeckFile({ format: 'recall-deck', version: 1, decks: [{ ...deck, cards: [{ ...made[0]!, siblingKeys: [''] }] }] })).toThrow();
	});

	it('the built-in deck: a day introduces the list cards and holds back the cards of their items', () => {
		const seed = generate(SEED, SEED_FILE).deck.cards;
		const hold = new SiblingHold();
		const first = seed.filter((card) => hold.admits(card.siblingKeys));
		const origin = byFront(seed, '탄생 배경: 아마존닷컴의 내부 운영');
		expect(first).toContain(origin);
		for (const card of seed.filter((one) => one !== origin && siblings(one, origin))) expect(first).not.toContain(card);
		expect(seed.filter((one) => siblings(one, origin)).length).toBeGreaterThan(1);
		// Most cards share nothing: a day still brings most of the deck's first cards.
		expect(first.length).toBeGreaterThan(seed.length / 2);
	});
});
