import { describe, expect, it } from 'vitest';
import { LINE_BREAK } from '../../../src/lib/notes/inline';
import { normalizeNoteText } from '../../../src/lib/notes/parse';

describe('normalizeNoteText', () => {
	it('turns CRLF and CR into LF and drops a byte order mark', () => {
		expect(normalizeNoteText('\ufeffa\r\nb\rc\n')).toBe('a\nb\nc\n');
	});

	it('removes HTML line breaks at the ends of lines and keeps one between words as a mark, without changing line numbers', () => {
		const text = 'one <br/>\n<br/>\ntwo</br>\nthree<br>four\n<BR />\n<br>five<br><br/>six <br>';
		const normalized = normalizeNoteText(text);
		expect(normalized).toBe(`one\n\ntwo\nthree ${LINE_BREAK} four\n\n five ${LINE_BREAK}  ${LINE_BREAK} six`);
		expect(normalized.split('\n')).toHaveLength(text.split('\n').length);
	});

	it('leaves code blocks alone', () => {
		const text = '```html\n<br/>\n```\nafter<br/>';
		expect(normalizeNoteText(text)).toBe('```html\n<br/>\n```\nafter');
	});

	it('removes Obsidian comments, on one line or over several, and block ids, without changing line numbers', () => {
		const text = '## DNS %%시험 전에 다시%%\n- 재귀 질의: 끝까지 대신 찾음 ^dns-1\n%%\n초안\n메모 %%- 반복 질의: 참조만 줌\n- 지수: x ^2';
		const normalized = normalizeNoteText(text);
		expect(normalized).toBe('## DNS\n- 재귀 질의: 끝까지 대신 찾음\n\n\n- 반복 질의: 참조만 줌\n- 지수: x ^2');
		expect(normalized.split('\n')).toHaveLength(text.split('\n').length);
		// In code, `%%` and `^id` are what the code says.
		expect(normalizeNoteText('```\nprintf("%%d") ^a1\n```')).toBe('```\nprintf("%%d") ^a1\n```');
	});
});
