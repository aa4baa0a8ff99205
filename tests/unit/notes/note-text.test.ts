import { describe, expect, it } from 'vitest';
import { noteText } from '../../../src/lib/notes/note-text';

describe('noteText', () => {
	it('gives a generated card’s text in the note’s own syntax', () => {
		expect(noteText({ kind: 'basic', front: 'Q', back: 'A' })).toBe('Q\n?\nA');
		expect(noteText({ kind: 'cloze', front: '[...] b', back: '==a== b' })).toBe('==a== b');
	});
});
