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

	it('a card in two files is the version Anki changed later, in its deck, whichever file was chosen first', () => {
		const old = pkg(
			'old.apkg',
			{ 'anki-a': [['x', 'old'], ['y', '2'], ['z', 'newer here']] },
			{ progress: { 'anki-x': { suspended: true, updatedAt: 1 }, 'anki-y': { suspended: false, updatedAt: 1 }, 'anki-z': { suspended: true, updatedAt: 3 } }, editedSinceExport: { 'anki-x': false, 'anki-z': true } }
		);
		const fresh = pkg(
			'new.apkg',
			{ 'anki-a': [['x', 'new'], ['z', 'older there']], 'anki-b': [['y', 'moved']] },
			{ progress: { 'anki-x': { suspended: false, updatedAt: 2 }, 'anki-y': { suspended: false, updatedAt: 2 }, 'anki-z': { suspended: false, updatedAt: 2 } }, editedSinceExport: { 'anki-x': true, 'anki-z': false } }
		);
		for (const combined of [combineBundles([old, fresh]), combineBundles([fresh, old])]) {
			expect(contents(combined)).toEqual([
				['anki-a', ['x=new', 'z=newer here']],
				['anki-b', ['y=moved']]
			]);
			expect(combined.progress).toEqual({ 'anki-x': { suspended: false, updatedAt: 2 }, 'anki-y': { suspended: false, updatedAt: 2 }, 'anki-z': { suspended: true, updatedAt: 3 } });
			expect(combined.editedSinceExport).toEqual({ 'anki-x': true, 'anki-z': true });
		}
		expect({ ...combineBundles([old, fresh]), name: '' }).toEqual({ ...combineBundles([fresh, old]), name: '' });
		// Without clocks (a tie), still one answer in either order.
		const [a, b] = [pkg('a.apkg', { 'anki-a': [['x', '1']] }), pkg('b.apkg', { 'anki-a': [['x', '2']] })];
		expect(contents(combineBundles([a, b]))).toEqual(contents(combineBundles([b, a])));
	});

	it('date a card by the earliest making time any file gives, in either order', () => {
		const a = pkg('a.apkg', { 'anki-a': [['x', '1'], ['y', '2']] }, { createdAt: { 'anki-x': 2000, 'anki-y': 7 } });
		const b = pkg('b.apkg', { 'anki-a': [['x', '1']] }, { createdAt: { 'anki-x': 1000 } });
		for (const order of [[a, b], [b, a]]) expect(combineBundles(order).createdAt).toEqual({ 'anki-x': 1000, 'anki-y': 7 });
		expect(combineBundles([pkg('c.apkg', {}), pkg('d.apkg', {})]).createdAt).toBeUndefined();
	});

	it('keep each review row once, the same row whichever file was chosen first', () => {
		const row = (id: string, grade: 1 | 4, before: number) => ({ id, card: 'anki-x', deck: 'anki-a', reviewedAt: 1000, day: 1, before: { state: { repetitions: before, easiness: 2.5, interval: 0, extraReview: false } }, after: { state: { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false } }, grade, durationMs: 1, kind: 'review' as const });
		const a = pkg('a.apkg', { 'anki-a': [['x', '1']] }, { reviews: [row('r1', 1, 0), row('r2', 4, 0)] });
		const b = pkg('b.apkg', { 'anki-a': [['x', '1']] }, { reviews: [row('r1', 1, 2), row('r3', 4, 0)] });
		const [ab, ba] = [combineBundles([a, b]), combineBundles([b, a])];
		expect(ab.reviews.map((review) => review.id).sort()).toEqual(['r1', 'r2', 'r3']);
		expect(ba.reviews).toEqual(ab.reviews);
	});

	it('join the review rows and media (the later file of a name), and say each file’s warnings after its name', () => {
		const png = (byte: number) => ({ name: 'p.png', type: 'image/png', bytes: new Uint8Array([byte]) });
		const combined = combineBundles([
			pkg('a.apkg', {}, { media: [png(1)], warnings: [say('anki-videos', { count: 2 })] }),
			pkg('b.apkg', {}, { media: [png(2)], warnings: [] })
		]);
		expect(combined.media).toEqual([png(2)]);
		expect(combined.warnings.map((warning) => importNoticeText('en', warning))).toEqual(['“a.apkg”: 2 [sound:] files left out: they are not sound (a video, say). Recall plays mp3, ogg, opus, wav, m4a, aac, flac and webm sounds.']);
		expect(importNoticeText('ko', combined.warnings[0]!)).toMatch(/^“a\.apkg”: /);
	});

	it('leave one bundle as it is, and refuse bundles of other sources', () => {
		const one = pkg('a.apkg', { 'anki-a': [['x', '1']] });
		expect(combineBundles([one])).toBe(one);
		expect(() => combineBundles([one, { ...emptyBundle('csv', 'b.csv') }])).toThrow(/cannot be combined/);
	});
});
