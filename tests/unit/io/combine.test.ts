import { describe, expect, it } from 'vitest';
import { emptyBundle, type ImportBundle } from '../../../src/lib/io/bundle';
import { combineBundles } from '../../../src/lib/io/combine';
import { importNoticeText } from '../../../src/lib/i18n/notices';
import { say } from '../../../src/lib/io/notices';
import type { Card } from '../../../src/lib/notes/deck-format';
import { deckFrom } from '../db/helpers';

/** An Anki package's bundle of `decks` (id: the cards' fronts and backs), as the package reader makes them. */
function pkg(name: string, decks: Record<string, [string, string][]>, extra: Partial<ImportBundle> = {}): ImportBundle {
	const template = deckFrom('# T\n\n- **a**: b\n').cards[0] as Card;
	return {
		...emptyBundle('apkg', name),
		decks: Object.entries(decks).map(([id, cards]) => ({ id, name: id, tags: [], cards: cards.map(([front, back]) => ({ ...template, id: `anki-${front}`, deck: id, front, back })) })),
		...extra
	};
}

const contents = (bundle: ImportBundle) => bundle.decks.map((deck) => [deck.id, deck.cards.map((card) => `${card.front}=${card.back}`)]);

describe('several Anki packages as one bundle', () => {
	it('keep each deck and card; a deck in both is one deck with the cards of both', () => {
		const combined = combineBundles([pkg('a.apkg', { 'anki-default': [['x', '1']], 'anki-a': [['y', '2']] }), pkg('b.apkg', { 'anki-default': [['z', '3']] })]);
		expect(combined.name).toBe('a.apkg, b.apkg');
		expect(contents(combined)).toEqual([
			['anki-default', ['x=1', 'z=3']],
			['anki-a', ['y=2']]
		]);
	});

	it('a card in two files is the later file’s, in the later file’s deck, keeping its place', () => {
		const combined = combineBundles([
			pkg('old.apkg', { 'anki-a': [['x', 'old'], ['y', '2']] }, { progress: { 'anki-x': { suspended: true, updatedAt: 1 } }, editedSinceExport: { 'anki-x': false } }),
			pkg('new.apkg', { 'anki-a': [['x', 'new']], 'anki-b': [['y', 'moved']] }, { progress: { 'anki-x': { suspended: false, updatedAt: 2 } }, editedSinceExport: { 'anki-x': true } })
		]);
		expect(contents(combined)).toEqual([
			['anki-a', ['x=new']],
			['anki-b', ['y=moved']]
		]);
		expect(combined.progress['anki-x']).toEqual({ suspended: false, updatedAt: 2 });
		expect(combined.editedSinceExport).toEqual({ 'anki-x': true });
	});

	it('join the review rows and media (the later file of a name), and say each file’s warnings after its name', () => {
		const png = (byte: number) => ({ name: 'p.png', type: 'image/png', bytes: new Uint8Array([byte]) });
		const combined = combineBundles([
			pkg('a.apkg', {}, { media: [png(1)], warnings: [say('anki-sounds', { count: 2 })] }),
			pkg('b.apkg', {}, { media: [png(2)], warnings: [] })
		]);
		expect(combined.media).toEqual([png(2)]);
		expect(combined.warnings.map((warning) => importNoticeText('en', warning))).toEqual(['“a.apkg”: 2 sounds left out: Recall does not play audio.']);
		expect(importNoticeText('ko', combined.warnings[0]!)).toMatch(/^“a\.apkg”: /);
	});

	it('leave one bundle as it is, and refuse bundles of other sources', () => {
		const one = pkg('a.apkg', { 'anki-a': [['x', '1']] });
		expect(combineBundles([one])).toBe(one);
		expect(() => combineBundles([one, { ...emptyBundle('csv', 'b.csv') }])).toThrow(/cannot be combined/);
	});
});
