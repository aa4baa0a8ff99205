import { describe, expect, it } from 'vitest';
import { decodeNoteBytes, MAX_NOTE_BYTES } from '../../../src/lib/notes/decode';
import { MAX_NESTING } from '../../../src/lib/notes/blocks';
import { generate, SEED } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeNoteBytes', () => {
	it('reads UTF-8, with or without a byte order mark', () => {
		expect(decodeNoteBytes(encode('## 리전'))).toEqual({ ok: true, text: '## 리전', warnings: [] });
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('## 리전')]);
		expect(decodeNoteBytes(withBom)).toEqual({ ok: true, text: '## 리전', warnings: [] });
	});

	it('reads UTF-16 with a byte order mark', () => {
		const le = new Uint8Array([0xff, 0xfe, ...[...'a::b'].flatMap((char) => [char.charCodeAt(0), 0])]);
		expect(decodeNoteBytes(le)).toMatchObject({ ok: true, text: 'a::b' });
	});

	it('refuses binary bytes with a clear reason', () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		const result = decodeNoteBytes(png);
		expect(!result.ok && result.error.message).toBe('is not a text file (it contains binary data)');
	});

	it('refuses invalid UTF-8 that is not Korean legacy text either', () => {
		const result = decodeNoteBytes(new Uint8Array([0x41, 0xff, 0xfe, 0xfd, 0x42, 0xc3]));
		expect(!result.ok && result.error.message).toBe('is not UTF-8 text (save it as UTF-8 and try again)');
	});

	it('reads EUC-KR notes, with a warning', () => {
		// "리전" in EUC-KR.
		const result = decodeNoteBytes(new Uint8Array([0x23, 0x20, 0xb8, 0xae, 0xc0, 0xfc]));
		expect(result.ok && [result.text, result.warnings.map((warning) => warning.message)]).toEqual(['# 리전', ['read as EUC-KR (it is not valid UTF-8)']]);
	});

	it('refuses a file over the size limit without reading it as text', () => {
		const result = decodeNoteBytes(new Uint8Array(MAX_NOTE_BYTES + 1));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error.message).toBe('is too large for a note (32.0 MB; the limit is 32 MB)');
	});
});

describe('generateDeck on bad input', () => {
	it('warns about an empty note and makes no cards', () => {
		for (const text of ['', '   \n\n', '<br/>\n</br>']) {
			const { deck, report } = generate(text);
			expect(deck.cards).toEqual([]);
			expect(report.warnings.length).toBeGreaterThan(0);
		}
	});

	it('copes with text full of control characters and replacement characters', () => {
		const { deck } = generate('## \u0000\u0001 Title \ufffd\n\n- **term\ufffd**: def\u0007\n');
		expect(deck.cards.length).toBeGreaterThan(0);
	});

	it('reads an unclosed front matter as text, with a warning', () => {
		const { deck, report } = generate('---\ndeck: Broken\n\n## Heading\n\n- **term**: definition\n');
		expect(deck.name).not.toBe('Broken');
		expect(deck.cards.some((card) => card.front === 'term')).toBe(true);
		expect(report.warnings[0]?.message).toMatch(/never closed/);
	});

	it('reads front matter that is not YAML as text, with a warning', () => {
		const { deck, report } = generate('---\n# Title\n- a\n---\n## Heading\n\n- **term**: definition\n');
		expect(deck.cards.some((card) => card.front === 'term')).toBe(true);
		expect(report.warnings[0]?.message).toMatch(/read as text/);
	});

	it('flattens lists nested 1,000 levels deep, with a warning', () => {
		let note = '## Deep\n\n';
		for (let depth = 0; depth < 1000; depth++) note += `${'  '.repeat(depth)}- item ${depth}\n`;
		const { deck, report } = generate(note);
		expect(deck.cards).toHaveLength(1);
		expect(deck.cards[0]?.back).toContain('item 0');
		expect(report.warnings.map((warning) => warning.message).join('\n')).toMatch(new RegExp(`nested more than|item`));
		expect(MAX_NESTING).toBeLessThan(1000);
	});

	it('copes with 1,000 nested block quotes', () => {
		let note = '## Quotes\n\n';
		for (let depth = 1; depth <= 1000; depth++) note += `${'>'.repeat(depth)} quote ${depth}\n`;
		expect(() => generate(note)).not.toThrow();
	});

	it('generates a 10 MB note, repeating questions are reported once and not as errors', () => {
		const copies = Math.ceil((10 * 1024 * 1024) / new TextEncoder().encode(SEED).length);
		const { deck, report } = generate(SEED.repeat(copies));
		expect(deck.cards.length).toBeGreaterThan(copies * 10);
		expect(new Set(deck.cards.map((card) => card.id)).size).toBe(deck.cards.length);
		expect(report.warnings.length).toBeLessThanOrEqual(25);
		// About 3 s alone; a loaded machine may take several times that. Speed is the benchmark's business.
	}, 60_000);

	it('copes with pathological emphasis and brackets', () => {
		const note = `## X\n\n${'**'.repeat(20_000)}\n\n${'[('.repeat(20_000)}\n\n- ${'a:'.repeat(10_000)}\n\n${'`'.repeat(5_000)}\n\n${'=='.repeat(10_000)}`;
		expect(() => generate(note)).not.toThrow();
	});

	it('reads thousands of unclosed dollars of TeX math in time', () => {
		const started = performance.now();
		for (const note of [`$$\n${'x\\\\ y\n'.repeat(20_000)}`, '$a'.repeat(300_000), `$x${'\\$'.repeat(50)}`.repeat(10_000)]) {
			expect(() => generate(note)).not.toThrow();
		}
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	it('reads raw HTML of thousands of unclosed tags, and of toggles one after another, in time', () => {
		const started = performance.now();
		for (const note of [
			`<div>${'<summary x'.repeat(100_000)}`,
			`<details>${'<summary x'.repeat(100_000)}`,
			`<div>${'<!--'.repeat(100_000)}${'<script>'.repeat(100_000)}`,
			'<details><summary>a</summary>b</details>'.repeat(50_000),
			`${'<details><summary>x</summary>\n\n'.repeat(5_000)}${'</details>\n\n'.repeat(5_000)}`
		]) {
			expect(() => generate(note)).not.toThrow();
		}
		// Each took seconds to minutes when every unclosed `<` was searched to the end of the block.
		expect(performance.now() - started).toBeLessThan(5_000);
	});

	it('reads a plain label over a list of 20,000 items in time', () => {
		const started = performance.now();
		const note = `## 목록\n\n항목들:\n${Array.from({ length: 20_000 }, (_, index) => `- 항목 ${index}`).join('\n')}\n`;
		expect(generate(note).deck.cards.map((card) => card.front)).toEqual(['항목들']);
		// Counting the list's items once per item took 15 s.
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});
