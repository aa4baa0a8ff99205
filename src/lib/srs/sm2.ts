/**
 * The SuperMemo SM-2 algorithm (P. Wozniak, 1990), read the way the
 * open-spaced-repetition reference implementation reads it, with SuperMemo's
 * same-day repeat of cards graded 3.
 *
 * Pure: no DOM, no storage, no clock. Everything about *when* a card is due
 * lives in `day.ts`; this module only turns (state, grade) into the next state.
 */

/** SM-2's quality of response: 0 (blackout) to 5 (perfect recall). */
export type Grade = 0 | 1 | 2 | 3 | 4 | 5;

export interface Sm2State {
	/** n: successful repetitions in a row. */
	repetitions: number;
	/** EF, starts at 2.5, never below 1.3. */
	easiness: number;
	/** I in days; 0 for a new card or one just failed. */
	interval: number;
	/** Graded 3 today: comes back today until graded >= 4. */
	extraReview: boolean;
}

export const MIN_EASINESS = 1.3;
export const INITIAL_EASINESS = 2.5;
/** The lowest grade that counts as remembered. */
export const PASSING_GRADE = 3;

export const NEW_CARD: Sm2State = Object.freeze({
	repetitions: 0,
	easiness: INITIAL_EASINESS,
	interval: 0,
	extraReview: false
});

/**
 * EF is kept in integer thousandths while computing. SM-2's changes are
 * multiples of 0.02, and in binary floating point 2.5 + 0.1 * 5 is
 * 3.0000000000000004, so `ceil(50 * EF)` would give 151 where SM-2 means 150.
 * Thousandths (not hundredths) so that an ease imported from Anki, whose factor
 * is stored in permille, survives unrounded.
 */
const EF_SCALE = 1000;
const MIN_EF_MILLI = Math.round(MIN_EASINESS * EF_SCALE);

export function isGrade(value: unknown): value is Grade {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5;
}

/** EF' - EF in thousandths: 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02). */
function easinessDeltaMilli(grade: Grade): number {
	const miss = 5 - grade;
	return 100 - miss * (80 + miss * 20);
}

function toMilli(easiness: number): number {
	return Math.round(easiness * EF_SCALE);
}

function assertValidState(state: Sm2State): void {
	const { repetitions, easiness, interval } = state;
	if (!Number.isInteger(repetitions) || repetitions < 0) {
		throw new RangeError(`SM-2: repetitions must be a whole number >= 0, got ${repetitions}`);
	}
	if (!Number.isFinite(easiness) || toMilli(easiness) < MIN_EF_MILLI) {
		throw new RangeError(`SM-2: easiness must be a number >= ${MIN_EASINESS}, got ${easiness}`);
	}
	if (!Number.isInteger(interval) || interval < 0) {
		throw new RangeError(`SM-2: interval must be a whole number of days >= 0, got ${interval}`);
	}
}

/** The state after answering a card in state `prev` with `grade`. */
export function sm2(prev: Sm2State, grade: Grade): Sm2State {
	if (!isGrade(grade)) {
		throw new RangeError(`SM-2: grade must be a whole number from 0 to 5, got ${String(grade)}`);
	}
	assertValidState(prev);

	// A same-day repeat of a card graded 3: it only has to be recalled well
	// once more today, and never moves EF or the interval.
	if (prev.extraReview) {
		return grade >= 4 ? { ...prev, extraReview: false } : { ...prev };
	}

	if (grade < PASSING_GRADE) {
		return {
			repetitions: 0,
			easiness: prev.easiness,
			interval: 0,
			extraReview: false
		};
	}

	const efMilli = Math.max(MIN_EF_MILLI, toMilli(prev.easiness) + easinessDeltaMilli(grade));
	let interval: number;
	if (prev.repetitions === 0) interval = 1;
	else if (prev.repetitions === 1) interval = 6;
	// ceil(I * EF) in integers: exact for any interval a person will ever see.
	else interval = Math.ceil((prev.interval * efMilli) / EF_SCALE);

	return {
		repetitions: prev.repetitions + 1,
		easiness: efMilli / EF_SCALE,
		interval,
		extraReview: grade === PASSING_GRADE
	};
}

/** Folds `sm2` over grades in the order they were given, from `start`. */
export function replay(grades: Iterable<Grade>, start: Sm2State = NEW_CARD): Sm2State {
	let state = start;
	for (const grade of grades) state = sm2(state, grade);
	return state;
}
