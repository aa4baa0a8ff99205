import { describe, expect, it } from 'vitest';
import { focusAfter } from '../../../src/routes/import/step-focus';

describe('focusAfter', () => {
	it('takes the focus to the heading of a step that appears', () => {
		expect(focusAfter('working', 'mapping')).toBe('heading');
		expect(focusAfter('working', 'preview')).toBe('heading');
		expect(focusAfter('working', 'done')).toBe('heading');
	});

	it('takes it to the heading of the step that reads or saves the files, which says which they are', () => {
		expect(focusAfter('choose', 'working')).toBe('heading');
		expect(focusAfter('failed', 'working')).toBe('heading');
		expect(focusAfter('mapping', 'working')).toBe('heading');
		expect(focusAfter('preview', 'working')).toBe('heading');
	});

	it('takes it back to the file picker when the page starts over', () => {
		expect(focusAfter('mapping', 'choose')).toBe('picker');
		expect(focusAfter('done', 'choose')).toBe('picker');
		expect(focusAfter('working', 'failed')).toBe('picker');
	});

	it('leaves it where it is when the page opens and within a step (the reading step going on to saving, say)', () => {
		expect(focusAfter(undefined, 'choose')).toBeUndefined();
		expect(focusAfter('working', 'working')).toBeUndefined();
		expect(focusAfter('mapping', 'mapping')).toBeUndefined();
	});
});
