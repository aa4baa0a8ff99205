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
