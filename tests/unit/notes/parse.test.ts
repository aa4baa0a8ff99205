import { describe, expect, it } from 'vitest';
import { normalizeNoteText } from '../../../src/lib/notes/parse';

describe('normalizeNoteText', () => {
	it('turns CRLF and CR into LF and drops a byte order mark', () => {
		expect(normalizeNoteText('\ufeffa\r\nb\rc\n')).toBe('a\nb\nc\n');
	});

	it('removes HTML line breaks without changing line numbers', () => {
		const text = 'one <br/>\n<br/>\ntwo</br>\nthree<br>four\n<BR />';
		const normalized = normalizeNoteText(text);
		expect(normalized).toBe('one\n\ntwo\nthree four\n');
		expect(normalized.split('\n')).toHaveLength(text.split('\n').length);
	});

	it('leaves code blocks alone', () => {
		const text = '```html\n<br/>\n```\nafter<br/>';
		expect(normalizeNoteText(text)).toBe('```html\n<br/>\n```\nafter');
	});
});
