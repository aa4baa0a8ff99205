import { describe, expect, it } from 'vitest';
import { focusAfter } from '../../../src/routes/import/step-focus';

describe('focusAfter', () => {
	it('takes the focus to the heading of a step that appears', () => {
		expect(focusAfter('working', 'mapping')).toBe('heading');
		expect(focusAfter('working', 'preview')).toBe('heading');
		expect(focusAfter('working', 'done')).toBe('heading');
	});

	it('takes it back to the file picker when the page starts over', () => {
		expect(focusAfter('mapping', 'choose')).toBe('picker');
		expect(focusAfter('done', 'choose')).toBe('picker');
		expect(focusAfter('working', 'failed')).toBe('picker');
	});

	it('leaves it where it is when the page opens, while the file is read, and within a step', () => {
		expect(focusAfter(undefined, 'choose')).toBeUndefined();
		expect(focusAfter('choose', 'working')).toBeUndefined();
		expect(focusAfter('mapping', 'mapping')).toBeUndefined();
	});
});
