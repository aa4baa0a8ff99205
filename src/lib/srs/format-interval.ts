/**
 * Short interval labels for the answer buttons: "today", "6d", "3.2mo", "1.3y".
 * Months and years are the calendar's averages (365 / 12 and 365 days), as in
 * Anki, so "1mo" follows "30d" and "12mo" comes just before "1y".
 */
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';

const DAYS_PER_YEAR = 365;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

const UNITS: Record<Locale, { today: string; day: string; month: string; year: string }> = {
	en: { today: 'today', day: 'd', month: 'mo', year: 'y' },
	ko: { today: '오늘', day: '일', month: '개월', year: '년' }
};

/** One decimal, without a trailing ".0": 3.19 → "3.2", 2.96 → "3". */
function oneDecimal(value: number): string {
	return String(Math.round(value * 10) / 10);
}

export function formatInterval(days: number, locale: Locale = DEFAULT_LOCALE): string {
	if (!Number.isFinite(days) || days < 0) {
		throw new RangeError(`formatInterval: days must be a number >= 0, got ${days}`);
	}
	const units = UNITS[locale];
	const wholeDays = Math.round(days);
	if (wholeDays < 1) return units.today;
	if (wholeDays < DAYS_PER_MONTH) return `${wholeDays}${units.day}`;
	if (wholeDays < DAYS_PER_YEAR) return `${oneDecimal(wholeDays / DAYS_PER_MONTH)}${units.month}`;
	return `${oneDecimal(wholeDays / DAYS_PER_YEAR)}${units.year}`;
}
