/**
 * The answer buttons of the study screen: which grades they give, what they
 * are called, which key presses them and the interval each would give.
 * Pure, so that what a button promises is tested against SM-2 itself.
 */
import type { GradeButtons } from '$lib/db/settings';
import { fillPlaceholders } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import { messages, type MessageKey } from '$lib/i18n/messages';
import '$lib/i18n/messages-study';
import { dueDay, type DayOptions } from '$lib/srs/day';
import { formatInterval } from '$lib/srs/format-interval';
import { sm2, type Grade, type Sm2State } from '$lib/srs/sm2';

/** Again / Hard / Good / Easy: a failure, and SM-2's three passing grades. */
export const FOUR_BUTTON_GRADES: readonly Grade[] = [1, 3, 4, 5];
export const SIX_BUTTON_GRADES: readonly Grade[] = [0, 1, 2, 3, 4, 5];

const FOUR_BUTTON_NAMES: Partial<Record<Grade, MessageKey>> = { 1: 'gradeAgain', 3: 'gradeHard', 4: 'gradeGood', 5: 'gradeEasy' };
const GRADE_MEANINGS: Record<Grade, MessageKey> = { 0: 'grade0', 1: 'grade1', 2: 'grade2', 3: 'grade3', 4: 'grade4', 5: 'grade5' };

export interface AnswerOption {
	grade: Grade;
	/** The key that presses the button: "1"-"4", or the grade itself with six buttons. */
	key: string;
	/** "Good", or SM-2's meaning of the grade with six buttons. */
	label: string;
	/** Study days until the card would be due: 0 when it comes back today. */
	days: number;
	/**
	 * The interval as the button shows it: "today", "1d", "6일"; "today · 14d" for a grade of 3 that keeps an
	 * interval but brings the card back today first (SM-2's same-day repeat), so Hard does not read as a reset.
	 */
	interval: string;
	/** The button's accessible name: "Good, 1d", "4 Correct, after hesitation, 1d", "Hard, today, then 14d". */
	name: string;
}

export function gradesFor(mode: GradeButtons): readonly Grade[] {
	return mode === 'six' ? SIX_BUTTON_GRADES : FOUR_BUTTON_GRADES;
}

/**
 * What a grade is called. Grades 0 and 2 have no four-button name (that mode
 * never gives them), so they are named by their meaning everywhere, which lets
 * a summary name every grade given whatever the mode is now.
 */
export function gradeLabel(grade: Grade, mode: GradeButtons, locale: Locale): string {
	const fourName = FOUR_BUTTON_NAMES[grade];
	return messages[locale][mode === 'four' && fourName !== undefined ? fourName : GRADE_MEANINGS[grade]];
}

/**
 * The grades a day's summary lists: every grade of the mode's buttons (a zero
 * says something too), and any other grade given today, from before the mode changed.
 */
export function summaryGrades(counts: Record<Grade, number>, mode: GradeButtons): Grade[] {
	const shown = new Set<Grade>(gradesFor(mode));
	for (const grade of SIX_BUTTON_GRADES) if (counts[grade] > 0) shown.add(grade);
	return [...shown].sort((a, b) => a - b);
}

/** The grade a key gives in this mode, or undefined. */
export function gradeForKey(key: string, mode: GradeButtons): Grade | undefined {
	if (!/^[0-9]$/.test(key)) return undefined;
	const digit = Number(key);
	if (mode === 'six') return gradesFor('six').find((grade) => grade === digit);
	return FOUR_BUTTON_GRADES[digit - 1];
}

/**
 * The buttons for a card in `state` shown at `reviewedAt` on study day `today`:
 * each with the interval its grade would give, counted in study days the way
 * the answer will count them, so a card that comes back today says "today".
 */
export function answerOptions(
	state: Sm2State,
	mode: GradeButtons,
	reviewedAt: number,
	dayOptions: DayOptions,
	today: number,
	locale: Locale
): AnswerOption[] {
	return gradesFor(mode).map((grade, index) => {
		const next = sm2(state, grade);
		const days = Math.max(0, dueDay(reviewedAt, next, dayOptions) - today);
		// The repeat today keeps the interval (it never moves it), so the card is then due that many days after today.
		const after = next.extraReview && next.interval > 0 ? formatInterval(next.interval, locale) : undefined;
		const interval = after === undefined ? formatInterval(days, locale) : fillPlaceholders(locale, messages[locale].intervalTodayThen, { interval: after });
		const spoken = after === undefined ? interval : fillPlaceholders(locale, messages[locale].intervalTodayThenSpoken, { interval: after });
		const label = gradeLabel(grade, mode, locale);
		const key = mode === 'six' ? String(grade) : String(index + 1);
		const name =
			mode === 'six'
				? fillPlaceholders(locale, messages[locale].gradeButtonNameSix, { grade: String(grade), label, interval: spoken })
				: fillPlaceholders(locale, messages[locale].gradeButtonName, { label, interval: spoken });
		return { grade, key, label, days, interval, name };
	});
}
