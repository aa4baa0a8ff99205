import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../src/lib/io/backup';
import { foldRows } from '../../../src/lib/srs/history';

// The backup example of the spec is what people copy: it must stay a valid backup.
describe('docs/deck-format.md, Backups', () => {
	it('has an example that parseBackup accepts as a full backup, its rows folding to what they say', () => {
		const spec = readFileSync('docs/deck-format.md', 'utf8');
		const section = spec.slice(spec.indexOf('## Backups'));
		const example = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
		expect(example).toBeDefined();
		const bundle = parseBackup(example ?? '');
		expect(bundle.source).toBe('backup');
		expect(bundle.decks[0]?.cards).toHaveLength(1);
		expect(foldRows(bundle.reviews)).toEqual(bundle.reviews.at(-1)?.after);
	});
});
