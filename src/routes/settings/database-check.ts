/** What the Settings page says after a database check (db/repair.ts): plain data, so that it is tested without a page. */
import type { CheckReport } from '$lib/db/repair';
import { countMessage, formatMessage, type CountedMessage } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';

/** What was checked (two counts, each with its own plural: "1 card and 12 reviews"), or one counted finding. */
export type CheckLine = { checked: 'checkNothing' | 'checkChecked'; cards: number; rows: number } | { counted: CountedMessage; count: number };

/** The report as lines: what was checked, then what was fixed and kept; "no problems" when nothing was. */
export function describeCheck(report: CheckReport): CheckLine[] {
	const counts = { cards: report.cards, rows: report.rows };
	if (report.fixedCards === 0 && report.fixedDays === 0 && report.orphanRows === 0 && report.futureRows === 0 && report.copies === 0) return [{ checked: 'checkNothing', ...counts }];
	const lines: CheckLine[] = [{ checked: 'checkChecked', ...counts }];
	if (report.fixedCards > 0) lines.push({ counted: 'checkFixedCards', count: report.fixedCards });
	if (report.fixedDays > 0) lines.push({ counted: 'checkFixedDays', count: report.fixedDays });
	if (report.orphanRows > 0) lines.push({ counted: 'checkOrphans', count: report.orphanRows });
	if (report.futureRows > 0) lines.push({ counted: 'checkFuture', count: report.futureRows });
	if (report.copies > 0) lines.push({ counted: report.copiesRemoved ? 'checkCopiesRemoved' : 'checkCopies', count: report.copies });
	return lines;
}

/** Whether the learner is offered to take out answers stored twice: found, and not taken out yet. */
export function offersCopyRemoval(report: CheckReport): boolean {
	return report.copies > 0 && !report.copiesRemoved;
}

/** A line of the report in `locale`'s words. */
export function checkLineText(locale: Locale, line: CheckLine): string {
	if ('counted' in line) return countMessage(locale, line.counted, line.count);
	return formatMessage(locale, line.checked, { cards: countMessage(locale, 'checkCards', line.cards), rows: countMessage(locale, 'checkReviews', line.rows) });
}
