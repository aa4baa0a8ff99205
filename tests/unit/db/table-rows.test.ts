import { describe, expect, it } from 'vitest';
import { cardsOfRows } from '../../../src/lib/db/table-rows';
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

	it('where several cards share a front, the row is the one with its back too, in any order of rows; a row no single card answers is ambiguous', () => {
		const cards = [stored('one', 'F', 'one'), stored('two', 'F', 'two'), stored('twin1', 'T', 'same'), stored('twin2', 'T', 'same')];
		const rows = [row('r1', 'F', 'two'), row('r2', 'F', 'one (edited)'), row('r3', 'F', 'one'), row('r4', 'T', 'same')];
		for (const order of [rows, [...rows].reverse()]) {
			const result = cardsOfRows(order, cards, none);
			expect(paired(result)).toEqual({ r1: 'two', r3: 'one' });
			expect(result.ambiguous).toBe(2);
		}
	});
});
