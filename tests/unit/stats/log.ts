/** Log rows for the statistics tests: answers folded through sm2, so that each row's `before` and `after` are real. */
import type { AnswerRow, StateRow } from '../../../src/lib/srs/history';
import type { QueueKind } from '../../../src/lib/srs/session';
import { NEW_CARD, sm2, type Grade, type Sm2State } from '../../../src/lib/srs/sm2';

/** 2025-11-25, a Tuesday. */
export const TODAY = 20_417;

let nextId = 0;

export interface AnswerOptions {
	card?: string;
	kind?: QueueKind;
	durationMs?: number;
	/** The state before the answer: the after state is sm2's. */
	before?: Sm2State;
}

export function answer(day: number, grade: Grade, options: AnswerOptions = {}): AnswerRow {
	const before = options.before ?? NEW_CARD;
	const after = sm2(before, grade);
	return {
		id: `r${nextId++}`,
		card: options.card ?? 'card',
		deck: 'deck',
		reviewedAt: day * 86_400_000 + 43_200_000,
		day,
		grade,
		durationMs: options.durationMs ?? 5_000,
		kind: options.kind ?? 'review',
		before: { state: before },
		after: { state: after, dueDay: day + after.interval }
	};
}

/** An answer to a card whose interval before it was `interval` days. */
export function reviewWithInterval(day: number, interval: number, grade: Grade, card = 'card'): AnswerRow {
	return answer(day, grade, { card, before: { repetitions: 3, easiness: 2.5, interval, extraReview: false } });
}

export function stateRow(day: number, card = 'card', reason: StateRow['reason'] = 'import'): StateRow {
	const state: Sm2State = { repetitions: 4, easiness: 2.5, interval: 30, extraReview: false };
	return {
		id: `s${nextId++}`,
		card,
		deck: 'deck',
		reviewedAt: day * 86_400_000,
		day,
		kind: 'set',
		reason,
		before: { state: NEW_CARD },
		after: { state, dueDay: day + 30 }
	};
}

/** A card's answers with `grades`, one a day from `firstDay`, each from the state the one before left. */
export function answersOf(card: string, grades: readonly Grade[], firstDay: number): AnswerRow[] {
	let state: Sm2State = NEW_CARD;
	return grades.map((grade, index) => {
		const row = answer(firstDay + index, grade, { card, before: state });
		state = row.after.state;
		return row;
	});
}
