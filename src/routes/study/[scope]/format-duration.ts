/** Time spent studying, as the summary shows it: "45 s", "12 min", "1 h 5 min" ("45초", "12분", "1시간 5분"). */
import { formatMessage } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import '$lib/i18n/messages-study';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export function formatDuration(ms: number, locale: Locale): string {
	if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`formatDuration: not a duration: ${ms}`);
	// Under a minute, seconds; from there, whole minutes: the summary is a rough figure.
	if (ms < MINUTE - SECOND / 2) return formatMessage(locale, 'durationSeconds', { count: Math.round(ms / SECOND) });
	const minutes = Math.max(1, Math.round(ms / MINUTE));
	if (minutes < 60) return formatMessage(locale, 'durationMinutes', { count: minutes });
	return formatMessage(locale, 'durationHours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
