import { describe, expect, it } from 'vitest';
import { draftManualCards } from '../../../src/lib/notes/manual';

describe('draftManualCards', () => {
	it('basic: one card; both ways: two, the second reversed', () => {
		expect(draftManualCards('basic', ' What is EC2? ', 'A virtual server')).toEqual({ ok: true, cards: [{ kind: 'basic', front: 'What is EC2?', back: 'A virtual server' }] });
		expect(draftManualCards('both', '犬', 'dog')).toEqual({
			ok: true,
			cards: [
				{ kind: 'basic', front: '犬', back: 'dog' },
				{ kind: 'basic', front: 'dog', back: '犬' }
			]
		});
	});

	it('cloze: the notes generator’s rules, {{c1::…}} one card per number and ==…== one per highlight', () => {
		expect(draftManualCards('cloze', '{{c1::Seoul}} is the capital of {{c2::Korea::country}}.', '')).toEqual({
			ok: true,
			cards: [
				{ kind: 'cloze', front: '[...] is the capital of Korea.', back: '==Seoul== is the capital of Korea.' },
				{ kind: 'cloze', front: 'Seoul is the capital of [country].', back: 'Seoul is the capital of ==Korea==.' }
			]
		});
		expect(draftManualCards('cloze', '서울은 ==대한민국==의 수도이다.', 'ignored')).toEqual({
			ok: true,
			cards: [{ kind: 'cloze', front: '서울은 [...]의 수도이다.', back: '서울은 ==대한민국==의 수도이다.' }]
		});
	});

	it('cloze: says when a line mixes {{c1::…}} with ==…==, whose highlight then makes no card', () => {
		const mixed = draftManualCards('cloze', '{{c1::Seoul}} is the capital of ==Korea==.', '');
		expect(mixed).toMatchObject({ ok: true, mixedCloze: true });
		expect(mixed.ok && mixed.cards).toHaveLength(1);
		// Each style on a line of its own makes its cards; `==` in code is code.
		expect(draftManualCards('cloze', '{{c1::Seoul}} is a capital.\n==Busan== is a port.', '')).toMatchObject({ ok: true, cards: [{}, {}] });
		expect(draftManualCards('cloze', '{{c1::Seoul}} is a capital.\n==Busan== is a port.', '')).not.toHaveProperty('mixedCloze');
		expect(draftManualCards('cloze', '{{c1::x}} compares with `a == b == c`', '')).not.toHaveProperty('mixedCloze');
	});

	it('says what is missing', () => {
		expect(draftManualCards('basic', '  ', 'x')).toEqual({ ok: false, problem: 'missing-front' });
		expect(draftManualCards('both', 'x', '')).toEqual({ ok: false, problem: 'missing-back' });
		expect(draftManualCards('cloze', 'nothing marked here', '')).toEqual({ ok: false, problem: 'no-cloze' });
		// A question::answer line is no cloze.
		expect(draftManualCards('cloze', 'q::a', '')).toEqual({ ok: false, problem: 'no-cloze' });
	});
});
