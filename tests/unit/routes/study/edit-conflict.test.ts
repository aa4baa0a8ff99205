import { describe, expect, it } from 'vitest';
import { editConflict } from '../../../../src/routes/study/[scope]/edit-conflict';

const opened = { front: 'Capital of Frnace', back: 'Paris', tags: ['geo'], clozeSource: undefined, lastReview: undefined, deletedAt: undefined };

describe('editConflict', () => {
	it('is nothing while the card is as the form opened on it, or changed only in what the form does not edit', () => {
		expect(editConflict(opened, opened)).toBeUndefined();
		expect(editConflict(opened, { ...opened, tags: ['geo'] })).toBeUndefined();
	});

	it('says the card was answered elsewhere when only its last review changed', () => {
		expect(editConflict(opened, { ...opened, lastReview: 'review-1' })).toBe('answered');
	});

	it('says the card was changed elsewhere when its text, tags or cloze text changed, answered or not', () => {
		expect(editConflict(opened, { ...opened, front: 'Capital of France' })).toBe('changed');
		expect(editConflict(opened, { ...opened, back: 'Paris!' })).toBe('changed');
		expect(editConflict(opened, { ...opened, tags: ['geo', 'europe'] })).toBe('changed');
		expect(editConflict(opened, { ...opened, back: 'Paris!', lastReview: 'review-1' })).toBe('changed');
		const cloze = { ...opened, clozeSource: { id: 'paris', text: '{{c1::Paris}} is the capital', slot: 'c1' } };
		expect(editConflict(cloze, { ...cloze, clozeSource: { ...cloze.clozeSource, text: '{{c1::Paris}} is the capital of France' } })).toBe('changed');
	});

	it('says the card was deleted when it is marked deleted or gone, whatever else changed', () => {
		expect(editConflict(opened, { ...opened, deletedAt: 1, front: 'x' })).toBe('deleted');
		expect(editConflict(opened, undefined)).toBe('deleted');
	});
});
