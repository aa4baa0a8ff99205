import { describe, expect, it } from 'vitest';
import { draftManualCards } from '../../../src/lib/notes/manual';

describe('draftManualCards', () => {
	it('basic: one card; both ways: two, the second reversed', () => {
		expect(draftManualCards('basic', ' What is EC2? ', 'A virtual server')).toEqual({ ok: true, cards: [{ kind: 'basic', front: 'What is EC2?', back: 'A virtual server' }] });
		expect(draftManualCards('both', '犬', 'dog')).toEqual({
			ok: true,
			cards: [
				{ kind: 'basic', front: '犬', back: 'dog' },
				{ kind: 'basic', front: 'dog', back: '犬', reverses: true }
			]
		});
	});

	it('cloze: the notes generator’s rules, {{c1::…}} one card per number and ==…== one per highlight', () => {
		expect(draftManualCards('cloze', '{{c1::Seoul}} is the capital of {{c2::Korea::country}}.', '')).toEqual({
			ok: true,
			cards: [
				{ kind: 'cloze', front: '[...] is the capital of Korea.', back: '==Seoul== is the capital of Korea.', slot: 'c1' },
				{ kind: 'cloze', front: 'Seoul is the capital of [country].', back: 'Seoul is the capital of ==Korea==.', slot: 'c2' }
			]
		});
		expect(draftManualCards('cloze', '서울은 ==대한민국==의 수도이다.', 'ignored')).toEqual({
			ok: true,
			cards: [{ kind: 'cloze', front: '서울은 [...]의 수도이다.', back: '서울은 ==대한민국==의 수도이다.', slot: 'h1' }]
		});
	});

	it('cloze: each card’s slot names it within the text, whatever its words: the deletion’s number, or the highlight’s place', () => {
		const slots = (text: string) => {
			const draft = draftManualCards('cloze', text, '');
			return draft.ok ? draft.cards.map((card) => card.slot) : [];
		};
		// Numbers as written, not as counted: c3 without c2 is still c3.
		expect(slots('{{c3::a}} and {{c1::b}} are {{c3::c}} words.')).toEqual(['c1', 'c3']);
		expect(slots('저는 {{c1::학생::직업}}이에요. 한국어를 {{c2::공부해요}}.')).toEqual(['c1', 'c2']);
		expect(slots('Seoul is ==big== and ==old==.')).toEqual(['h1', 'h2']);
		// One text is one note, as in Anki: c1 on another line is the same card, and it shows every line.
		expect(slots('{{c1::Seoul}} is a capital.\n\n{{c1::Busan}} is a port.')).toEqual(['c1']);
		expect(slots('Seoul is ==big==.\nBusan is ==old==.')).toEqual(['h1', 'h2']);
	});

	it('cloze: says when a line mixes {{c1::…}} with ==…==, whose highlight then makes no card', () => {
		const mixed = draftManualCards('cloze', '{{c1::Seoul}} is the capital of ==Korea==.', '');
		expect(mixed).toMatchObject({ ok: true, mixedCloze: true });
		expect(mixed.ok && mixed.cards).toHaveLength(1);
		// The text is one whole, as an Anki note's is: a highlight on another line is no card either; `==` in code is code.
		expect(draftManualCards('cloze', '{{c1::Seoul}} is a capital.\n==Busan== is a port.', '')).toMatchObject({ ok: true, cards: [{}], mixedCloze: true });
		expect(draftManualCards('cloze', '{{c1::x}} compares with `a == b == c`', '')).not.toHaveProperty('mixedCloze');
	});

	it('cloze: a text of several lines is one note: each card shows every line, its line breaks kept', () => {
		const draft = draftManualCards('cloze', '첫 {{c1::줄}}\n둘째 {{c2::줄이에요}}', '');
		expect(draft.ok && draft.cards.map(({ front, back }) => [front, back])).toEqual([
			['첫 [...]\n둘째 줄이에요', '첫 ==줄==\n둘째 줄이에요'],
			['첫 줄\n둘째 [...]', '첫 줄\n둘째 ==줄이에요==']
		]);
		expect(draftManualCards('cloze', 'a {{c1::b}}\r\n\r\nc {{c1::d}}', '')).toMatchObject({ ok: true, cards: [{ front: 'a [...]\n\nc [...]' }] });
	});

	it('cloze: a line’s list mark, quote, task box or heading mark stays as typed, the first line’s too', () => {
		const sides = (text: string) => {
			const draft = draftManualCards('cloze', text, '');
			return draft.ok ? draft.cards.map(({ front, back }) => [front, back]) : draft.problem;
		};
		expect(sides('- 서울은 {{c1::수도}}\n- 부산은 {{c2::항구}}')).toEqual([
			['- 서울은 [...]\n- 부산은 항구', '- 서울은 ==수도==\n- 부산은 항구'],
			['- 서울은 수도\n- 부산은 [...]', '- 서울은 수도\n- 부산은 ==항구==']
		]);
		expect(sides('1. 첫째 {{c1::단계}}\n2) 둘째')).toEqual([['1. 첫째 [...]\n2) 둘째', '1. 첫째 ==단계==\n2) 둘째']]);
		expect(sides('> 인용 {{c1::문장}}\n> 둘째 줄')).toEqual([['> 인용 [...]\n> 둘째 줄', '> 인용 ==문장==\n> 둘째 줄']]);
		expect(sides('- [ ] 할 {{c1::일}}')).toEqual([['- [ ] 할 [...]', '- [ ] 할 ==일==']]);
		expect(sides('### 제목의 {{c1::빈칸}}')).toEqual([['### 제목의 [...]', '### 제목의 ==빈칸==']]);
		// Marks only where a line starts: a dash inside a line is the line's own text.
		expect(sides('서울 - {{c1::수도}}')).toEqual([['서울 - [...]', '서울 - ==수도==']]);
	});

	it('says what is missing', () => {
		expect(draftManualCards('basic', '  ', 'x')).toEqual({ ok: false, problem: 'missing-front' });
		expect(draftManualCards('both', 'x', '')).toEqual({ ok: false, problem: 'missing-back' });
		expect(draftManualCards('cloze', 'nothing marked here', '')).toEqual({ ok: false, problem: 'no-cloze' });
		// A question::answer line is no cloze.
		expect(draftManualCards('cloze', 'q::a', '')).toEqual({ ok: false, problem: 'no-cloze' });
	});
});
