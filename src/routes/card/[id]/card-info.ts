/** What the card info page shows of a card and its log rows, in words. */
import type { GradeButtons } from '$lib/db';
import { DB_NAME } from '$lib/db/constants';
import { changeMayTouch, type StoreChange } from '$lib/db/quick-read';
import type { Locale } from '$lib/i18n/locale';
import type { MessageKey } from '$lib/i18n/messages';
import type { ReviewRow } from '$lib/srs/history';
import { formatInterval } from '$lib/srs/format-interval';
import { FOUR_BUTTON_GRADES, gradeLabel } from '../../study/[scope]/answer-options';
import { cardState, describeCardState, formatStudyDay } from '../../deck/[id]/card-state';
import type { CardRecord } from '$lib/db';

type Translate = {
	t(key: MessageKey): string;
	format(key: MessageKey, values: Record<string, string | number>): string;
	locale: Locale;
};

export interface HistoryLine {
	id: string;
	date: string;
	/**
	 * The grade as the learner's answer buttons name it: "Good" with four buttons, "4 · Correct, after hesitation"
	 * with six (and for grades 0 and 2, which four buttons never give); "Reset" / "Imported" for a state row.
	 */
	grade: string;
	interval: string;
	ef: string;
	/** Empty for a state row. */
	time: string;
	kind: 'answer' | 'reset' | 'import';
}

/**
 * The log rows as the history table shows them, newest first as Anki's card info does: a card reviewed for years
 * has its latest answers, the ones a learner looks up, at the top. `rows` come oldest first, as the log reads them.
 * Grades are named for `buttons`.
 */
export function historyLines(rows: readonly ReviewRow[], buttons: GradeButtons, i18n: Translate): HistoryLine[] {
	// Spelled out rather than `dateStyle: 'medium'`, which Korean writes '2026. 11. 27.' beside the Due line's '2026년 11월 27일'.
	const date = new Intl.DateTimeFormat(i18n.locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
	const seconds = new Intl.NumberFormat(i18n.locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 });
	const ef = new Intl.NumberFormat(i18n.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return [...rows].reverse().map((row) => {
		const common = {
			id: row.id,
			date: date.format(row.reviewedAt),
			interval: formatInterval(row.after.state.interval, i18n.locale),
			ef: ef.format(row.after.state.easiness)
		};
		if (row.kind === 'set') {
			return { ...common, grade: i18n.t(row.reason === 'reset' ? 'historyReset' : 'historyImported'), time: '', kind: row.reason };
		}
		const label = gradeLabel(row.grade, buttons, i18n.locale);
		const named = buttons === 'four' && FOUR_BUTTON_GRADES.includes(row.grade);
		return { ...common, grade: named ? label : i18n.format('historyGradeValue', { grade: row.grade, label }), time: seconds.format(row.durationMs / 1000), kind: 'answer' };
	});
}

/**
 * Whether a write, in this tab or another, may have changed what the page shows of card `id`: the card, or its
 * log rows. Answers and edits of other cards do not; an import or a restore that names every record does.
 */
export function changeConcernsCard(change: StoreChange, id: string, name = DB_NAME): boolean {
	return changeMayTouch(change, 'cards', '', id, id, name) || changeMayTouch(change, 'reviews', '[card+reviewedAt]', [id], [id, []], name);
}

/**
 * The Due line of Scheduling: the day the card's schedule says, and when the card is out of the queues
 * (suspended, buried, retired) or late, that too: "Dec 8, 2026 (Suspended)", "Dec 8 (overdue)", not a past date bare.
 */
export function dueText(card: Pick<CardRecord, 'queue' | 'dueDay' | 'state' | 'buriedUntil'>, today: number, i18n: Translate): string {
	if (card.dueDay === undefined) return i18n.t('cardInfoNotScheduled');
	const state = cardState(card, today);
	const date = formatStudyDay(card.dueDay, today, i18n.locale);
	switch (state.kind) {
		case 'suspended':
		case 'retired':
		case 'buried':
			return i18n.format('cardInfoDueHeld', { date, state: describeCardState(state, today, i18n) });
		case 'due-today':
			return i18n.t('cardInfoDueToday');
		case 'overdue':
			return i18n.format('cardInfoDueLate', { date });
		default:
			return date;
	}
}
