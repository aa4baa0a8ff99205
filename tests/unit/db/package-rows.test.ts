import { describe, expect, it } from 'vitest';
import { rowsToAdd, SAME_ANSWER_MS, withoutCopies } from '../../../src/lib/db/package-rows';
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

describe('withoutCopies: a card’s log with the package copies of its own answers taken out', () => {
	/** A package's copy of an answer, as the reader names it, `shift` ms later (the export's nudge). */
	const copy = (row: AnswerRow, shift = 0): AnswerRow => ({ ...row, id: `c-review-${Math.round(row.reviewedAt) + shift}`, reviewedAt: Math.round(row.reviewedAt) + shift, grade: row.grade < 3 ? 1 : row.grade });

	it('keeps Recall’s rows and drops their copies, and a package state row the rest folds to; another answer of the package stays', () => {
		const own = [answer('a1', T + 0.4, 4), answer('a2', T + 60_000, 2)];
		const fromAnki = answer('c-review-999', T + 120_000, 4);
		const schedule = { state: { repetitions: 1, easiness: 2.5, interval: 1, extraReview: false }, dueDay: DAY + 1 };
		own[0]!.after = schedule;
		const state = stateRow({ id: 'anki-import-c-5', card: 'c', deck: 'd', reviewedAt: T + 30_000, day: DAY, after: schedule });
		expect(ids(withoutCopies([...own, copy(own[0]!, 1), copy(own[1]!), fromAnki, state]))).toEqual(['a1', 'a2', 'c-review-999']);
	});

	it('ends as rowsToAdd does when the package comes second, whichever comes first (random logs)', () => {
		let seed = 7;
		const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
		for (let trial = 0; trial < 200; trial++) {
			const own: AnswerRow[] = [];
			let at = T;
			for (let index = 0; index < 1 + Math.floor(random() * 6); index++) {
				// Some answers share a millisecond, as the export's nudge has it.
				at += random() < 0.3 ? 0 : Math.floor(random() * 90_000_000);
				own.push(answer(`a${index}`, at + random(), Math.floor(random() * 6) as Grade));
			}
			const taken = new Set<number>();
			const copies = own.map((row) => {
				let time = Math.round(row.reviewedAt);
				while (taken.has(time)) time++;
				taken.add(time);
				return copy(row, time - Math.round(row.reviewedAt));
			});
			const packageFirst = withoutCopies([...copies, ...own]);
			const backupFirst = [...own, ...rowsToAdd(copies, own, none)];
			expect(ids(packageFirst).sort()).toEqual(ids(backupFirst).sort());
			expect(ids(packageFirst).sort()).toEqual(ids(own).sort());
		}
	});
});
