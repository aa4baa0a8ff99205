/** Where a card of the deck page stands, in a word or two. */
import { Queue, type CardRecord } from '$lib/db';
import { formatInterval } from '$lib/srs/format-interval';
import type { Locale } from '$lib/i18n/locale';
import type { MessageKey } from '$lib/i18n/messages';
import '$lib/i18n/messages-cards';

export type CardState =
	| { kind: 'new' }
	| { kind: 'due-today'; interval: number }
	| { kind: 'overdue'; dueDay: number; interval: number }
	| { kind: 'due'; dueDay: number; interval: number }
	| { kind: 'suspended' }
	| { kind: 'buried'; until: number }
	| { kind: 'retired' };

export function cardState(card: Pick<CardRecord, 'queue' | 'dueDay' | 'state' | 'buriedUntil'>, today: number): CardState {
	// Retired, suspended and buried cards are out of every queue: when they would be due says nothing (today).
	if (card.queue === Queue.retired) return { kind: 'retired' };
	if (card.queue === Queue.suspended) return { kind: 'suspended' };
	if (card.buriedUntil !== undefined && card.buriedUntil > today) return { kind: 'buried', until: card.buriedUntil };
	if (card.dueDay === undefined) return { kind: 'new' };
	const interval = card.state.interval;
	if (card.dueDay === today) return { kind: 'due-today', interval };
	if (card.dueDay < today) return { kind: 'overdue', dueDay: card.dueDay, interval };
	return { kind: 'due', dueDay: card.dueDay, interval };
}

const MS_PER_DAY = 86_400_000;

/** The formatters of formatStudyDay, by locale and whether the year is written: making one costs more than formatting many dates. */
const studyDayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Nov 27", or "Nov 27, 2027" when not this year: a study day as a calendar date. */
export function formatStudyDay(day: number, today: number, locale: Locale): string {
	// A study day counts calendar days since 1970-01-01, so UTC midnight of it is that date.
	const sameYear = new Date(day * MS_PER_DAY).getUTCFullYear() === new Date(today * MS_PER_DAY).getUTCFullYear();
	const key = `${locale} ${sameYear}`;
	let format = studyDayFormats.get(key);
	if (format === undefined) {
		format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', year: sameYear ? undefined : 'numeric' });
		studyDayFormats.set(key, format);
	}
	return format.format(day * MS_PER_DAY);
}

type Translate = {
	t(key: MessageKey): string;
	format(key: MessageKey, values: Record<string, string | number>): string;
	locale: Locale;
};

/** The state as the deck page writes it: "New", "Due Nov 27 · interval 6d", "Buried until Nov 26", "Retired". */
export function describeCardState(state: CardState, today: number, i18n: Translate): string {
	switch (state.kind) {
		case 'new':
			return i18n.t('deckPageNew');
		case 'suspended':
			return i18n.t('deckPageSuspended');
		case 'buried':
			return i18n.format('deckPageBuried', { date: formatStudyDay(state.until, today, i18n.locale) });
		case 'retired':
			return i18n.t('deckPageRetiredBadge');
	}
	const when =
		state.kind === 'due-today'
			? i18n.t('deckPageDueToday')
			: i18n.format(state.kind === 'overdue' ? 'deckPageOverdue' : 'deckPageDue', { date: formatStudyDay(state.dueDay, today, i18n.locale) });
	// A card forgotten today has no interval yet: it is relearned today.
	if (state.interval < 1) return when;
	return `${when} · ${i18n.format('deckPageInterval', { interval: formatInterval(state.interval, i18n.locale) })}`;
}
