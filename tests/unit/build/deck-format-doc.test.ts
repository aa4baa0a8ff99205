import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../../src/lib/notes/deck-format';

// The spec's example is what people copy: it must stay a valid deck file.
describe('docs/deck-format.md', () => {
	it('has an example that the reader accepts', () => {
		const spec = readFileSync('docs/deck-format.md', 'utf8');
		const example = /```json\n([\s\S]*?)\n```/.exec(spec)?.[1];
		expect(example).toBeDefined();
		expect(parseDeckFile(JSON.parse(example ?? '')).decks.length).toBeGreaterThan(0);
	});
});
