import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Card } from '../../../../src/lib/notes/deck-format';
import { foldRows } from '../../../../src/lib/srs/history';
import type { Grade } from '../../../../src/lib/srs/sm2';
import { BASIC_MODEL_ID, CLOZE_MODEL_ID } from '../../../../src/lib/io/anki/export-collection';
import { exportGuid } from '../../../../src/lib/io/anki/export';
import { ankiDeckName, cleanField } from '../../../../src/lib/io/anki/export-fields';

import { LogWriter, SEOUL, exportAndOpen, fieldsOf, makeBundle, makeCard, makeDeck, renderSide } from './export-helpers';

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 });
/** Words that make a clean deletion: no markup, no spaces at the ends. */
const plainWord = fc.stringMatching(/^[A-Za-z가-힣0-9][A-Za-z가-힣0-9 ]{0,10}[A-Za-z가-힣0-9]$/);

const cardArbitrary = fc.oneof(
	fc.record({ kind: fc.constant('basic' as const), front: text, back: text, tags: fc.array(text, { maxLength: 3 }) }),
	fc.record({ kind: fc.constant('cloze' as const), before: fc.string({ maxLength: 12 }), answer: plainWord, after: fc.string({ maxLength: 12 }), tags: fc.constant([]) })
);

const bundleArbitrary = fc.record({
	decks: fc.array(
		fc.record({
			name: fc.constantFrom('AWS', 'AWS::EC2', '리전', 'aws', 'Notes :: Sub', 'Default'),
			cards: fc.array(fc.record({ card: cardArbitrary, grades: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 6 }) }), { maxLength: 6 })
		}),
		{ minLength: 1, maxLength: 4 }
	)
});

describe('writeAnkiPackage: any bundle', () => {
	it('exports one note and one card per Recall card, with its fields, deck and schedule', async () => {
		await fc.assert(
			fc.asyncProperty(bundleArbitrary, async ({ decks: drafts }) => {
				const log = new LogWriter(SEOUL);
				let count = 0;
				const decks = drafts.map((draft, deckIndex) => {
					const deckId = `deck${deckIndex}`;
					const cards = draft.cards.map(({ card, grades }): Card => {
						const id = `card${++count}`;
						grades.forEach((grade, index) =>
							log.answer(id, Date.parse('2026-10-01T09:00:00+09:00') + index * 3 * 86_400_000 + count, grade as Grade, index === 0 ? 'new' : 'review')
						);
						return card.kind === 'basic'
							? makeCard(id, deckId, card.front, card.back, { tags: card.tags })
							: makeCard(id, deckId, `${card.before}[...]${card.after}`, `${card.before}==${card.answer}==${card.after}`, { kind: 'cloze', rule: 'emphasis' });
					});
					return makeDeck(deckId, draft.name, cards);
				});
				const opened = await exportAndOpen(makeBundle(decks, log.rows));
				const all = decks.flatMap((deck) => deck.cards.map((card) => ({ deck, card })));
				expect(opened.notes).toHaveLength(all.length);
				expect(opened.cards).toHaveLength(all.length);
				expect(opened.revlog).toHaveLength(log.rows.length);

				for (const { deck, card } of all) {
					const note = opened.notes.find((row) => row.guid === exportGuid(card.id));
					expect(note).toBeDefined();
					const row = opened.cards.find((candidate) => candidate.nid === note!.id)!;
					const deckName = opened.decks[String(row.did)]!.name;
					expect(deckName.toLowerCase().startsWith(ankiDeckName(deck.name).toLowerCase())).toBe(true);
					const fields = fieldsOf(note!);
					if (note!.mid === CLOZE_MODEL_ID) {
						expect(fields).toHaveLength(2);
						expect(fields[0]!.match(/\{\{c1::/g)).toHaveLength(1);
					} else {
						expect(note!.mid).toBe(BASIC_MODEL_ID);
						expect(fields).toEqual([cleanField(renderSide(card, 'front')), cleanField(renderSide(card, 'back'))]);
					}
					const schedule = foldRows(log.rows.filter((logRow) => logRow.card === card.id));
					expect(row.reps).toBe(log.rows.filter((logRow) => logRow.card === card.id).length);
					if (schedule.dueDay === undefined) expect(row.type).toBe(0);
					else if (schedule.state.interval > 0) {
						expect(row).toMatchObject({ type: 2, ivl: schedule.state.interval, factor: Math.round(schedule.state.easiness * 1000) });
					} else expect([1, 3]).toContain(row.type);
				}
				// A clean deletion always makes a Cloze note.
				const clozeCards = all.filter(({ card }) => card.kind === 'cloze' && !/[=`\\[\]{}:<>&*_~]/.test(card.back.replace(/==/g, '')));
				for (const { card } of clozeCards) {
					expect(opened.notes.find((row) => row.guid === exportGuid(card.id))?.mid).toBe(CLOZE_MODEL_ID);
				}
			}),
			{ numRuns: 40 }
		);
	}, 60_000);
});
