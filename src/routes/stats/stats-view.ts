/**
 * The statistics page's view: the figures of src/lib/stats computed from what
 * src/lib/db/stats.ts read, the heatmap laid out in week columns, bar chart
 * geometry, and the one-line summaries and labels the charts carry for screen
 * readers, in the page's language. Pure: the page renders it.
 */
import '$lib/i18n/messages-stats';
import type { StatsData } from '$lib/db/stats';
import { countMessage, formatMessage } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import { reviewCalendarOfDays, weekdayOf, type HeatmapCell, type ReviewCalendar } from '$lib/stats/calendar';
import { cardCounts, type Bucket, type CardCounts } from '$lib/stats/card-counts';
import { forecast, type Forecast } from '$lib/stats/forecast';
import { retentionOfDays, type RetentionWindow } from '$lib/stats/retention';
import { cardStage } from '$lib/stats/stage';
import { dayStats, type DayStats } from '$lib/stats/today';
import { ALL_DECKS } from '$lib/srs/deck-tree';

const MS_PER_DAY = 86_400_000;

/** The statistics page of a scope: `/stats` for every deck, `/stats?deck=<id>` for one. */
export function statsPath(scope: string): string {
	return scope === ALL_DECKS ? '/stats' : `/stats?deck=${encodeURIComponent(scope)}`;
}

export interface PlacedCell extends HeatmapCell {
	/** The week column, 0 the oldest. */
	column: number;
	/** The day of the week: 0 Sunday to 6 Saturday. */
	row: number;
}

export interface CalendarView extends Omit<ReviewCalendar, 'cells'> {
	cells: PlacedCell[];
	/** Week columns. */
	columns: number;
	/** A label per month, over the column of its first day. */
	months: { column: number; day: number }[];
	/** The days with answers, newest first: the heatmap's table. */
	studied: HeatmapCell[];
}

export interface StatsView {
	today: number;
	calendar: CalendarView;
	day: DayStats;
	forecast: Forecast;
	retention: RetentionWindow[];
	counts: CardCounts;
	/** The average EF of the cards in review (learning, young, mature); null without any. */
	averageEase: number | null;
	/** Cards in review: learning, young and mature. */
	inReview: number;
}

/** The heatmap's cells in week columns (Sunday on top), and where each month begins. */
export function placeCalendar(calendar: ReviewCalendar): CalendarView {
	const first = calendar.cells[0];
	const offset = first === undefined ? 0 : weekdayOf(first.day);
	const cells = calendar.cells.map((cell, index) => ({ ...cell, column: Math.floor((index + offset) / 7), row: (index + offset) % 7 }));
	const months: CalendarView['months'] = [];
	for (const cell of cells) {
		// A month is labelled over the column holding its first day (and the window's first column if it starts mid-month).
		if (new Date(cell.day * MS_PER_DAY).getUTCDate() === 1 || cell === cells[0]) {
			if (months.at(-1)?.column === cell.column) months.pop();
			months.push({ column: cell.column, day: cell.day });
		}
	}
	// A label squeezed into the first column before the next month's is dropped.
	if (months.length > 1 && months[1]!.column - months[0]!.column < 3) months.shift();
	const columns = cells.length === 0 ? 0 : cells.at(-1)!.column + 1;
	// So is a month begun in the last column: its name ("Dec", "12월") needs two columns, and the chart ends there.
	if (months.length > 0 && columns - months.at(-1)!.column < 2) months.pop();
	return {
		...calendar,
		cells,
		columns,
		months,
		studied: calendar.cells.filter((cell) => cell.answers > 0).reverse()
	};
}

export function statsView(data: StatsData, today: number): StatsView {
	const tallies = [...data.earlierStudyDays.map((day) => ({ day, answers: 1 })), ...data.days];
	let easeSum = 0;
	let inReview = 0;
	for (const card of data.cards) {
		const stage = cardStage(card);
		if (stage !== 'learning' && stage !== 'young' && stage !== 'mature') continue;
		inReview++;
		easeSum += card.state.easiness;
	}
	return {
		today,
		calendar: placeCalendar(reviewCalendarOfDays(tallies, today)),
		day: dayStats(data.todayRows, today),
		forecast: forecast(data.cards, today),
		retention: retentionOfDays(data.days, today),
		counts: cardCounts(data.cards, today),
		averageEase: inReview > 0 ? easeSum / inReview : null,
		inReview
	};
}

/** A study day as a date: "Nov 27, 2026", "2026. 11. 27.". */
export function formatDay(day: number, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' }).format(day * MS_PER_DAY);
}

/** A short month name for the heatmap: "Nov", "11월". */
export function formatMonth(day: number, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short' }).format(day * MS_PER_DAY);
}

/** A short date for chart axes: "11/27". */
export function formatShortDay(day: number, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'numeric', day: 'numeric' }).format(day * MS_PER_DAY);
}

export function formatPercent(rate: number, locale: Locale): string {
	// One decimal always, as Anki's retention table writes it: a column of '89%' and '89.3%' does not line up to read.
	return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** "Last 365 days: 12 answers on 3 study days." */
export function calendarSummary(calendar: CalendarView, locale: Locale): string {
	return formatMessage(locale, 'statsCalendarSummary', {
		answers: countMessage(locale, 'statsAnswers', calendar.answers),
		days: countMessage(locale, 'statsStudyDays', calendar.studyDays)
	});
}

export type ForecastMode = 'days' | 'weeks';

export interface ForecastBar {
	/** The first study day of the bar. */
	day: number;
	due: number;
	/** "Nov 27", or "Week of Nov 27". */
	label: string;
	/** The axis label: "11/27". */
	short: string;
}

export function forecastBars(figures: Forecast, mode: ForecastMode, today: number, locale: Locale): ForecastBar[] {
	const values = mode === 'days' ? figures.daily : figures.weekly;
	const step = mode === 'days' ? 1 : 7;
	return values.map((due, index) => {
		const day = today + index * step;
		const date = formatDay(day, locale);
		return { day, due, label: mode === 'days' ? date : formatMessage(locale, 'statsWeekOf', { date }), short: formatShortDay(day, locale) };
	});
}

/** "Due in the next 30 days: 123, most on Nov 27, 2026 (20)." */
export function forecastSummary(bars: readonly ForecastBar[], mode: ForecastMode, locale: Locale): string {
	let busiest: ForecastBar | undefined;
	let total = 0;
	for (const bar of bars) {
		total += bar.due;
		if (bar.due > (busiest?.due ?? 0)) busiest = bar;
	}
	if (busiest === undefined) return formatMessage(locale, mode === 'days' ? 'statsForecastNoneDays' : 'statsForecastNoneWeeks', {});
	return formatMessage(locale, mode === 'days' ? 'statsForecastSummaryDays' : 'statsForecastSummaryWeeks', {
		total,
		date: formatDay(busiest.day, locale),
		count: busiest.due
	});
}

/** "1d", "3–6d", "1y+" ("1일", "3–6일", "1년 이상"). */
export function intervalBucketLabel(bucket: Bucket, locale: Locale): string {
	if (bucket.max === null) return formatMessage(locale, 'statsIntervalYears', {});
	if (bucket.max === bucket.min) return formatMessage(locale, 'statsIntervalDay', { min: bucket.min });
	return formatMessage(locale, 'statsIntervalDays', { min: bucket.min, max: bucket.max });
}

/** "1.3", "2.5", "3.0+". */
export function easeBucketLabel(bucket: Bucket): string {
	return bucket.max === null ? `${bucket.min.toFixed(1)}+` : bucket.min.toFixed(1);
}

/** The bucket with the most cards (the first of equals), or undefined when all are empty. */
export function fullestBucket(buckets: readonly Bucket[]): Bucket | undefined {
	let fullest: Bucket | undefined;
	for (const bucket of buckets) if (bucket.cards > (fullest?.cards ?? 0)) fullest = bucket;
	return fullest;
}

export function intervalsSummary(counts: CardCounts, locale: Locale): string {
	const fullest = fullestBucket(counts.intervals);
	const inIntervals = counts.intervals.reduce((sum, bucket) => sum + bucket.cards, 0);
	if (fullest === undefined) return formatMessage(locale, 'statsNothingInReview', {});
	return formatMessage(locale, 'statsIntervalsSummary', {
		count: countMessage(locale, 'cards', inIntervals),
		bucket: intervalBucketLabel(fullest, locale),
		most: fullest.cards
	});
}

export function easeSummary(view: Pick<StatsView, 'averageEase' | 'inReview'>, locale: Locale): string {
	if (view.averageEase === null) return formatMessage(locale, 'statsNothingInReview', {});
	return formatMessage(locale, 'statsEaseSummary', {
		count: countMessage(locale, 'cards', view.inReview),
		average: view.averageEase.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
	});
}

export interface BarGeometry {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Bars for `values` in a chart `width` × `height` (SVG units), side by side
 * with `gap` between them, heights in proportion to the largest value (a
 * value above 0 is at least one unit tall, so that it shows).
 */
export function barGeometry(values: readonly number[], width: number, height: number, gap = 1): { bars: BarGeometry[]; max: number } {
	const max = Math.max(0, ...values);
	const slot = values.length > 0 ? width / values.length : 0;
	const bars = values.map((value, index) => {
		const barHeight = max > 0 && value > 0 ? Math.max(1, (value / max) * height) : 0;
		return { x: index * slot + gap / 2, y: height - barHeight, width: Math.max(0.5, slot - gap), height: barHeight };
	});
	return { bars, max };
}
