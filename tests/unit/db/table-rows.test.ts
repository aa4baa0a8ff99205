import { describe, expect, it } from 'vitest';
import { cardsOfRows, rowDiffers } from '../../../src/lib/db/table-rows';
import { deckToDelimited, delimitedToBundle, parseDelimited } from '../../../src/lib/io/delimited';
import { cardSideExportHtml } from '../../../src/lib/render/markdown';
import { Queue, type CardRecord } from '../../../src/lib/db/schema';
import { textToHtml } from '../../../src/lib/io/html-text';
import type { Card } from '../../../src/lib/notes/deck-format';
import { NEW_CARD } from '../../../src/lib/srs/sm2';

/** A stored card of deck d, Markdown unless told. */
function stored(id: string, front: string, back: string, fields: Partial<CardRecord> = {}): CardRecord {
	return { id, deck: 'd', kind: 'basic', rule: 'qa', front, back, path: [], tags: [], images: [], source: { file: 'd.md', line: 1 }, state: { ...NEW_CARD }, order: 0, queue: Queue.new, createdAt: 0, updatedAt: 0, ...fields };
}

/** A row of a plain-text table, as the reader makes its card. */
function row(id: string, front: string, back: string, deck = 'd'): Card {
	return { id, deck, kind: 'basic', rule: 'imported', front: textToHtml(front), back: textToHtml(back), format: 'html', path: [], tags: [], images: [], source: { file: 'd.csv', line: 1 } };
}

const none = () => false;
const paired = (result: ReturnType<typeof cardsOfRows>) => Object.fromEntries([...result.cards].map(([rowId, card]) => [rowId, card.id]));

describe('cardsOfRows: which stored card a table’s row is, by its front', () => {
	it('compares fronts as the table reads a card’s row: a Markdown card’s text, an HTML card’s text, white space collapsed', () => {
		const cards = [stored('md:1', 'What is **S3**?', 'Storage'), stored('csv:2', 'a &amp; <b>b</b>', 'c', { format: 'html' })];
		const result = cardsOfRows([row('r1', 'What is **S3**?', 'Storage'), row('r2', 'a  &\nb', 'changed'), row('r3', 'other', 'x'), row('r4', 'What is **S3**?', 'x', 'e')], cards, none);
		expect(paired(result)).toEqual({ r1: 'md:1', r2: 'csv:2' });
		expect(result.ambiguous).toBe(0);
	});

	it('pairs one card with one row, the row with its back first; never a retired, deleted or taken card', () => {
		const cards = [stored('a', 'F', 'b'), stored('gone', 'G', 'g', { queue: Queue.retired }), stored('deleted', 'H', 'h', { queue: Queue.retired, deletedAt: 1 }), stored('taken', 'T', 't')];
		const result = cardsOfRows([row('r1', 'F', 'x'), row('r2', 'F', 'b'), row('r3', 'G', 'g'), row('r4', 'H', 'h'), row('r5', 'T', 't')], cards, (id) => id === 'taken');
		expect(paired(result)).toEqual({ r2: 'a' });
	});

	it('where several cards share a front, the row is the one with its back too, in any order of rows; a row no card answers so is ambiguous', () => {
		const cards = [stored('one', 'F', 'one'), stored('two', 'F', 'two'), stored('twin1', 'T', 'same', { order: 1 }), stored('twin2', 'T', 'same', { order: 2 })];
		const rows = [row('r1', 'F', 'two'), row('r2', 'F', 'one (edited)'), row('r3', 'F', 'one'), row('r4', 'T', 'same')];
		for (const order of [rows, [...rows].reverse()]) {
			const result = cardsOfRows(order, cards, none);
			// Twins read alike: a row of theirs is the first of them; only the edited row is no card's.
			expect(paired(result)).toEqual({ r1: 'two', r3: 'one', r4: 'twin1' });
			expect(result.ambiguous).toBe(1);
		}
	});

	it('pairs a deck’s cards with the same front and back with their rows in the deck’s order, one each; a row more is ambiguous', () => {
		const cards = [stored('second', '사과', 'apple', { order: 2 }), stored('first', '사과', 'apple', { order: 1 })];
		const result = cardsOfRows([row('r1', '사과', 'apple'), row('r2', '사과', 'apple'), row('r3', '사과', 'apple')], cards, none);
		expect(paired(result)).toEqual({ r1: 'first', r2: 'second' });
		expect(result.ambiguous).toBe(1);
	});

	it('finds a Markdown card by its rendered row, as the table for Anki writes it, and by its text, as tables were written before', () => {
		const cards = [stored('md:1', 'What is **S3**?', 'a ==store==')];
		const rendered: Card = { ...row('r1', '', ''), front: '<p>What is <strong>S3</strong>?</p>', back: '<p>a <mark>store</mark></p>' };
		expect(paired(cardsOfRows([rendered], cards, none))).toEqual({ r1: 'md:1' });
		expect(paired(cardsOfRows([row('r2', 'What is **S3**?', 'a ==store==')], cards, none))).toEqual({ r2: 'md:1' });
	});

	it('finds a card that plays a note’s sounds by its row, as the table for Anki names the files now and as it named them before', () => {
		const cards = [stored('md:1', 'abandon\n\n[sound:영단어/audio/abandon.mp3]', '버리다'), stored('md:2', 'subtle', '미묘한\n\n[sound:영단어/subtle.mp3]', { order: 1 })];
		const bundle = { source: 'csv' as const, name: 'f', decks: [{ id: 'd', name: 'D', tags: [], cards }], progress: {}, reviews: [], media: [], warnings: [] };
		const written = deckToDelimited(bundle, 'd', ',', { renderSide: cardSideExportHtml });
		expect(written).toContain('[sound:abandon.mp3]');
		const before = written.replace('[sound:abandon.mp3]', '[sound:영단어/audio/abandon.mp3]').replace('[sound:subtle.mp3]', '[sound:영단어/subtle.mp3]');
		for (const text of [written, before]) {
			const table = parseDelimited(new TextEncoder().encode(text));
			const rows = delimitedToBundle(table, table.suggested, { deckName: 'D', fileName: 'd.csv' }).decks[0]?.cards ?? [];
			expect(paired(cardsOfRows(rows, cards, none))).toEqual({ [rows[0]!.id]: 'md:1', [rows[1]!.id]: 'md:2' });
			// Read back, a row changes nothing of its card: the card keeps the sound it stores.
			expect(rows.map((card, index) => rowDiffers(card, cards[index]!))).toEqual([false, false]);
		}
	});
});
