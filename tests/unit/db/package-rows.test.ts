import { describe, expect, it } from 'vitest';
import { rowsToAdd, SAME_ANSWER_MS } from '../../../src/lib/db/package-rows';
import type { AnswerRow, ReviewRow, StateRow } from '../../../src/lib/srs/history';
import { NEW_CARD, type Grade } from '../../../src/lib/srs/sm2';
import { stateRow } from './helpers';

const T = Date.parse('2026-11-02T12:00:00+09:00');
const DAY = 20_759;

function answer(id: string, reviewedAt: number, grade: Grade): AnswerRow {
	return { id, card: 'c', deck: 'd', reviewedAt, day: DAY, grade, durationMs: 1000, kind: 'review', before: { state: NEW_CARD }, after: { state: NEW_CARD } };
}

const ids = (rows: readonly ReviewRow[]) => rows.map((row) => row.id);
const none = () => false;

describe('rowsToAdd: an Anki package’s rows against a card’s stored log', () => {
	it('leaves out an answer the log has with the same button, at its time or up to SAME_ANSWER_MS later', () => {
		const stored = [answer('s1', T, 4), answer('s2', T + 60_000, 1)];
		const incoming = [answer('p1', T + SAME_ANSWER_MS, 4), answer('p2', T + 60_000, 1)];
		expect(rowsToAdd(incoming, stored, none)).toEqual([]);
	});

	it('adds an answer with another button, one earlier than the stored answer, or one more than SAME_ANSWER_MS later', () => {
		const stored = [answer('s1', T, 4), answer('s2', T + 60_000, 4), answer('s3', T + 120_000, 4)];
		const incoming = [answer('p1', T, 5), answer('p2', T + 59_999, 4), answer('p3', T + 120_000 + SAME_ANSWER_MS + 1, 4)];
		expect(ids(rowsToAdd(incoming, stored, none))).toEqual(['p1', 'p2', 'p3']);
	});

	it('takes grades 0, 1 and 2 as one button (Again), as the export writes them', () => {
		const stored = [answer('s0', T, 0), answer('s2', T + 60_000, 2)];
		expect(rowsToAdd([answer('p0', T, 1), answer('p2', T + 60_000, 1)], stored, none)).toEqual([]);
		expect(ids(rowsToAdd([answer('p3', T, 3)], stored, none))).toEqual(['p3']);
	});

	it('pairs each stored answer with one copy at most, in time order', () => {
		// Three answers in two milliseconds: the export moved the later ones up to T + 2 and T + 3.
		const stored = [answer('s1', T, 4), answer('s2', T + 1, 4)];
		const incoming = [answer('p1', T, 4), answer('p2', T + 2, 4), answer('p3', T + 3, 4)];
		expect(ids(rowsToAdd(incoming, stored, none))).toEqual(['p3']);
	});

	it('does not pair with a stored row the package brings by its own id', () => {
		const stored = [answer('anki', T, 4)];
		expect(ids(rowsToAdd([answer('p1', T + 1, 4)], stored, (id) => id === 'anki'))).toEqual(['p1']);
	});

	it('leaves out a state row that sets the interval, ease and due day the card’s rows before it give', () => {
		const learnt = { state: { repetitions: 3, easiness: 2.36, interval: 15, extraReview: false }, dueDay: DAY + 15 };
		const stored: ReviewRow[] = [stateRow({ id: 's', card: 'c', deck: 'd', reviewedAt: T, day: DAY, after: learnt })];
		// Anki's columns carry no run of successes: the reader's guess at it is no news.
		const same: StateRow = stateRow({ id: 'p', card: 'c', deck: 'd', reviewedAt: T + 5000, day: DAY, after: { ...learnt, state: { ...learnt.state, repetitions: 2 } } });
		expect(rowsToAdd([same], stored, none)).toEqual([]);
		for (const after of [
			{ ...learnt, dueDay: DAY + 16 },
			{ ...learnt, state: { ...learnt.state, interval: 16 } },
			{ ...learnt, state: { ...learnt.state, easiness: 2.5 } },
			{ state: NEW_CARD }
		]) {
			expect(ids(rowsToAdd([{ ...same, after }], stored, none))).toEqual(['p']);
		}
	});

	it('folds a state row against the rows before it only, the package’s answers added among them', () => {
		// The package's answer comes before its state row: without it the card is new, with it it is not.
		const good = answer('p1', T, 4);
		good.after = { state: { repetitions: 1, easiness: 2.5, interval: 1, extraReview: false }, dueDay: DAY + 1 };
		const set = stateRow({ id: 'p2', card: 'c', deck: 'd', reviewedAt: T + 1, day: DAY, after: { state: { repetitions: 1, easiness: 2.5, interval: 1, extraReview: false }, dueDay: DAY + 1 } });
		expect(ids(rowsToAdd([good, set], [], none))).toEqual(['p1']);
		// A stored answer after the package's state row does not make it news.
		const later = answer('s1', T + 86_400_000, 5);
		expect(ids(rowsToAdd([good, set], [later], none))).toEqual(['p1']);
	});
});
