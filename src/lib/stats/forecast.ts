/**
 * The forecast: how many cards fall due on each coming study day, from the
 * cards' due days (the log is not needed).
 *
 * - Only scheduled cards count (learning cards too: they are due today). New,
 *   suspended and retired cards are left out.
 * - Overdue cards count on today, and are also given apart (`overdue`).
 * - A buried card counts on its due day: burying hides it for a day, it does
 *   not reschedule it.
 * - Daily for `days` days from today (30 by default: today and the 29 days
 *   after), weekly for `weeks` weeks from today (52 by default: week 0 is today
 *   and the 6 days after); what falls due after the weeks is `later`.
 */
import { Queue } from '../srs/card-queue';
import { assertStudyDay, assertWindow } from './days';

export interface ForecastCard {
	/** A `Queue` value. */
	queue: number;
	dueDay?: number;
}

export interface ForecastOptions {
	days?: number;
	weeks?: number;
}

export interface Forecast {
	/** `daily[i]`: cards due on study day today + i; daily[0] includes the overdue. */
	daily: number[];
	/** `weekly[w]`: cards due on today + 7w to today + 7w + 6; weekly[0] includes the overdue. */
	weekly: number[];
	/** Cards due before today (counted on today). */
	overdue: number;
	/** Cards due after the last week. */
	later: number;
	/** Scheduled cards: the sum of `weekly` and `later`. */
	total: number;
}

export const FORECAST_DAYS = 30;
export const FORECAST_WEEKS = 52;
const MAX_WEEKS = 52 * 100;

export function forecast(cards: readonly ForecastCard[], today: number, options: ForecastOptions = {}): Forecast {
	assertStudyDay(today, 'forecast');
	const days = options.days ?? FORECAST_DAYS;
	const weeks = options.weeks ?? FORECAST_WEEKS;
	assertWindow(days, MAX_WEEKS * 7, 'forecast');
	assertWindow(weeks, MAX_WEEKS, 'forecast');
	const daily = new Array<number>(days).fill(0);
	const weekly = new Array<number>(weeks).fill(0);
	let overdue = 0;
	let later = 0;
	let total = 0;
	for (let i = 0; i < cards.length; i++) {
		const card = cards[i]!;
		if (card.queue !== Queue.scheduled || card.dueDay === undefined) continue;
		total++;
		let ahead = card.dueDay - today;
		if (ahead < 0) {
			overdue++;
			ahead = 0;
		}
		if (ahead < days) daily[ahead]!++;
		const week = Math.floor(ahead / 7);
		if (week < weeks) weekly[week]!++;
		else later++;
	}
	return { daily, weekly, overdue, later, total };
}
