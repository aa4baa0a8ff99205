import { describe, expect, it } from 'vitest';
import { planClozeEdit, type ClozeSibling } from '../../../src/lib/notes/cloze-edit';
import { draftManualCards, type ManualCard } from '../../../src/lib/notes/manual';

function cardsOf(text: string): ManualCard[] {
	const draft = draftManualCards('cloze', text, '');
	if (!draft.ok) throw new Error(`no cards: ${text}`);
	return draft.cards;
}

const live = (id: string, slot: string): ClozeSibling => ({ id, slot, retired: false, deleted: false });

describe('planClozeEdit', () => {
	it('gives each card of the new text to the sibling of its slot, whatever its words', () => {
		const cards = cardsOf('저는 {{c1::대학생::직업}}이에요. 한국어를 {{c2::공부해요}}.');
		const plan = planClozeEdit([live('b', 'c2'), live('a', 'c1')], cards);
		expect(plan.update).toEqual([
			{ id: 'a', card: cards[0], revive: false },
			{ id: 'b', card: cards[1], revive: false }
		]);
		expect(plan.update[1]?.card.back).toContain('대학생');
		expect(plan).toMatchObject({ add: [], retire: [] });
	});

	it('retires the card of a deletion gone from the text and adds one for a new number', () => {
		const cards = cardsOf('{{c1::Seoul}} is the capital of {{c3::Korea}}.');
		const plan = planClozeEdit([live('a', 'c1'), live('b', 'c2')], cards);
		expect(plan.update.map(({ id }) => id)).toEqual(['a']);
		expect(plan.retire).toEqual(['b']);
		expect(plan.add).toEqual([cards[1]]);
		expect(plan.add[0]?.slot).toBe('c3');
	});

	it('brings back a card retired by an earlier edit when its number returns; a deleted card stays deleted and is not made again', () => {
		const cards = cardsOf('{{c1::Seoul}} is the capital of {{c2::Korea}}, in {{c3::Asia}}.');
		const plan = planClozeEdit(
			[live('a', 'c1'), { id: 'b', slot: 'c2', retired: true, deleted: false }, { id: 'c', slot: 'c3', retired: true, deleted: true }],
			cards
		);
		expect(plan.update).toEqual([
			{ id: 'a', card: cards[0], revive: false },
			{ id: 'b', card: cards[1], revive: true }
		]);
		expect(plan).toMatchObject({ add: [], retire: [] });
	});

	it('retires nothing twice: a retired sibling whose number is still gone stays as it is', () => {
		const plan = planClozeEdit([live('a', 'c1'), { id: 'b', slot: 'c2', retired: true, deleted: false }], cardsOf('{{c1::x}} y z w'));
		expect(plan.retire).toEqual([]);
	});
});
