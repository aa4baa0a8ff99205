import { describe, expect, it } from 'vitest';
import { Queue } from '../../../src/lib/db/constants';
import type { CardRecord, ReviewRecord } from '../../../src/lib/db/schema';
import type { StatsData } from '../../../src/lib/db/stats';
import { reviewCalendar } from '../../../src/lib/stats/calendar';
import { tallyDays } from '../../../src/lib/stats/tally';
import { NEW_CARD, type Sm2State } from '../../../src/lib/srs/sm2';
import {
	barGeometry,
	calendarSummary,
	easeBucketLabel,
	easeSummary,
	forecastBars,
	forecastSummary,
	formatPercent,
	intervalBucketLabel,
	intervalsSummary,
	placeCalendar,
	statsPath,
	statsView
} from '../../../src/routes/stats/stats-view';
import { answer, answersOf, reviewWithInterval, stateRow, TODAY } from '../stats/log';

const state = (interval: number, easiness = 2.5, extraReview = false): Sm2State => ({ repetitions: interval > 0 ? 3 : 0, easiness, interval, extraReview });
const card = (id: string, fields: Partial<CardRecord>): CardRecord => ({ id, queue: Queue.scheduled, state: NEW_CARD, ...fields }) as CardRecord;

/**
 * The known log: studied today (3 answers to 2 cards, one Again), yesterday and
 * the day before (a run of 3), 10 days ago, and four days in a row 500 days ago
 * (the longest streak, before the year); 5 days ago only a state row.
 */
const rows: ReviewRecord[] = [
	answer(TODAY, 1, { card: 'a', kind: 'new', durationMs: 4000 }),
	answer(TODAY, 4, { card: 'b', kind: 'review', durationMs: 6000, before: state(6) }),
	answer(TODAY, 4, { card: 'a', kind: 'learning', durationMs: 90_000 }),
	reviewWithInterval(TODAY - 1, 30, 5, 'c'),
	reviewWithInterval(TODAY - 1, 30, 2, 'd'),
	reviewWithInterval(TODAY - 2, 3, 4, 'b'),
	reviewWithInterval(TODAY - 10, 1, 3, 'b'),
	stateRow(TODAY - 5, 'e'),
	...answersOf('f', [4, 4, 4, 4], TODAY - 503)
];

const cards: CardRecord[] = [
	card('n1', { queue: Queue.new }),
	card('n2', { queue: Queue.new, buriedUntil: TODAY + 1 }),
	card('a', { state: state(1), dueDay: TODAY + 1 }),
	card('b', { state: state(15, 2.6), dueDay: TODAY + 15 }),
	card('c', { state: state(80, 2.7), dueDay: TODAY + 80 }),
	card('d', { state: state(0, 2.2), dueDay: TODAY }),
	card('e', { state: state(30, 2.5), dueDay: TODAY - 3 }),
	card('s', { queue: Queue.suspended, state: state(40), dueDay: TODAY + 2 }),
	card('r', { queue: Queue.retired, state: state(10), dueDay: TODAY + 2 })
];

/** What src/lib/db/stats.ts would have read for this log. */
function dataOf(log: readonly ReviewRecord[]): StatsData {
	const windowRows = log.filter((row) => row.day > TODAY - 365 && row.day <= TODAY);
	const earlier = tallyDays(log.filter((row) => row.day <= TODAY - 365)).filter((day) => day.answers > 0);
	return {
		cards,
		todayRows: log.filter((row) => row.day === TODAY),
		days: tallyDays(windowRows).filter((day) => day.answers > 0),
		earlierStudyDays: earlier.map((day) => day.day)
	};
}

describe('statsView: a known log', () => {
	const view = statsView(dataOf(rows), TODAY);

	it('the calendar: study days, answers, streaks (the longest before the year)', () => {
		expect(view.calendar).toMatchObject({ studyDays: 4, answers: 7, currentStreak: 3, longestStreak: 4 });
		const { cells: _cells, ...fromRows } = reviewCalendar(rows, TODAY);
		expect(view.calendar).toMatchObject(fromRows);
		expect(view.calendar.studied.map((cell) => [cell.day, cell.answers])).toEqual([
			[TODAY, 3],
			[TODAY - 1, 2],
			[TODAY - 2, 1],
			[TODAY - 10, 1]
		]);
	});

	it('today: cards, answers, time (each answer capped at a minute), grades and the again-rate', () => {
		expect(view.day).toMatchObject({ cards: 2, answers: 3, timeMs: 4000 + 6000 + 60_000, again: 1, againRate: 1 / 3 });
		expect(view.day.grades).toEqual({ 0: 0, 1: 1, 2: 0, 3: 0, 4: 2, 5: 0 });
	});

	it('the forecast: overdue counted today, each scheduled card on its day', () => {
		expect(view.forecast.overdue).toBe(1);
		expect(view.forecast.daily.slice(0, 3)).toEqual([2, 1, 0]); // d and e today, a tomorrow
		expect(view.forecast.daily[15]).toBe(1);
		expect(view.forecast.total).toBe(5);
		expect(view.forecast.weekly[11]).toBe(1); // c, in 80 days
	});

	it('retention of review answers: young and mature', () => {
		const [week, month, year] = view.retention;
		// 7 days: today b (young, passed), yesterday c (mature, passed), d (mature, failed), the day before b (young, passed).
		expect(week).toMatchObject({ young: { passed: 2, answers: 2 }, mature: { passed: 1, answers: 2 }, all: { passed: 3, answers: 4 } });
		expect(month!.all).toEqual({ passed: 4, answers: 5, rate: 0.8 });
		expect(year!.young.rate).toBe(1);
	});

	it('card counts, and the average EF of the cards in review', () => {
		expect(view.counts).toMatchObject({ total: 9, new: 2, learning: 1, young: 2, mature: 2, suspended: 1, retired: 1, buried: 1 });
		expect(view.inReview).toBe(5);
		expect(view.averageEase).toBeCloseTo((2.5 + 2.6 + 2.7 + 2.2 + 2.5) / 5, 10);
	});

	it('summaries in English and Korean', () => {
		expect(calendarSummary(view.calendar, 'en')).toBe('Last 365 days: 7 answers on 4 study days.');
		expect(calendarSummary(view.calendar, 'ko')).toBe('최근 365일: 학습한 날 4일, 답 7번.');
		// The learning card of interval 0 has an EF but no interval yet: the two counts differ, and each says what it counts.
		expect(intervalsSummary(view.counts, 'en')).toBe('4 cards with an interval of a day or more; the most have 1d (1).');
		expect(easeSummary(view, 'en')).toBe('5 cards being studied (learning or in review); average EF 2.50.');
		expect(easeSummary(view, 'ko')).toBe('학습 중이거나 복습 중: 카드 5장. 평균 EF 2.50.');
	});
});

describe('placeCalendar', () => {
	it('lays the year out in week columns, Sunday on top, the last column ending today', () => {
		// TODAY (2025-11-25) is a Tuesday, as is the first day of the year before it.
		const calendar = placeCalendar(reviewCalendar([], TODAY));
		expect(calendar.columns).toBe(53);
		expect(calendar.cells[0]).toMatchObject({ day: TODAY - 364, column: 0, row: 2 });
		expect(calendar.cells.at(-1)).toMatchObject({ day: TODAY, column: 52, row: 2 });
		expect(calendar.cells.find((cell) => cell.day === TODAY - 2)).toMatchObject({ column: 52, row: 0 });
		expect(calendar.cells.find((cell) => cell.day === TODAY - 3)).toMatchObject({ column: 51, row: 6 });
	});

	it('labels each month over the column of its first day', () => {
		const calendar = placeCalendar(reviewCalendar([], TODAY));
		const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
		// The year starts on 2024-11-26: too close to December for a label of its own.
		expect(calendar.months.map((month) => iso(month.day))).toEqual([
			'2024-12-01', '2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01',
			'2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01'
		]);
		expect(calendar.months[0]!.column).toBe(1);
	});

	it('labels a month begun in the last column only once it has a second one, where its name has room', () => {
		const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
		// 2025-12-01 is a Monday: on Tuesday, December 2, the last column holds two of December's days.
		const december2 = Date.UTC(2025, 11, 2) / 86_400_000;
		const inLastColumn = placeCalendar(reviewCalendar([], december2));
		expect(inLastColumn.cells.find((cell) => iso(cell.day) === '2025-12-01')).toMatchObject({ column: inLastColumn.columns - 1 });
		expect(inLastColumn.months.map((month) => iso(month.day)).at(-1)).toBe('2025-11-01');
		const nextWeek = placeCalendar(reviewCalendar([], december2 + 7));
		expect(nextWeek.months.at(-1)).toMatchObject({ day: Date.UTC(2025, 11, 1) / 86_400_000, column: nextWeek.columns - 2 });
	});
});

describe('forecast bars and summaries', () => {
	const figures = { daily: [2, 0, 5], weekly: [7, 1], overdue: 1, later: 0, total: 8 };

	it('daily and weekly bars with their dates', () => {
		expect(forecastBars(figures, 'days', TODAY, 'en').map((bar) => [bar.due, bar.label, bar.short])).toEqual([
			[2, 'Nov 25, 2025', '11/25'],
			[0, 'Nov 26, 2025', '11/26'],
			[5, 'Nov 27, 2025', '11/27']
		]);
		expect(forecastBars(figures, 'weeks', TODAY, 'en')[1]).toMatchObject({ day: TODAY + 7, label: 'Week of Dec 2, 2025' });
	});

	it('the summary names the total and the busiest day or week', () => {
		expect(forecastSummary(forecastBars(figures, 'days', TODAY, 'en'), 'days', 'en')).toBe('Due in the next 30 days: 7, most on Nov 27, 2025 (5).');
		expect(forecastSummary(forecastBars(figures, 'weeks', TODAY, 'en'), 'weeks', 'en')).toBe('Due in the next 52 weeks: 8, most in the week of Nov 25, 2025 (7).');
		expect(forecastSummary(forecastBars(figures, 'days', TODAY, 'ko'), 'days', 'ko')).toBe('앞으로 30일 동안 복습 예정: 7장, 가장 많은 날은 2025년 11월 27일 (5장).');
		expect(forecastSummary([], 'days', 'en')).toBe('Nothing is due in the next 30 days.');
	});
});

describe('labels and geometry', () => {
	it('interval and EF buckets', () => {
		expect(intervalBucketLabel({ min: 3, max: 6, cards: 0 }, 'en')).toBe('3–6d');
		expect(intervalBucketLabel({ min: 1, max: 1, cards: 0 }, 'ko')).toBe('1일');
		expect(intervalBucketLabel({ min: 365, max: null, cards: 0 }, 'ko')).toBe('1년 이상');
		expect(easeBucketLabel({ min: 2.5, max: 2.6, cards: 0 })).toBe('2.5');
		expect(easeBucketLabel({ min: 3, max: null, cards: 0 })).toBe('3.0+');
	});

	it('bars in proportion to the largest, a small value still visible, nothing for zero', () => {
		const { bars, max } = barGeometry([10, 0, 5, 0.01], 400, 100, 2);
		expect(max).toBe(10);
		expect(bars.map((bar) => bar.height)).toEqual([100, 0, 50, 1]);
		expect(bars.map((bar) => bar.y)).toEqual([0, 100, 50, 99]);
		expect(bars.map((bar) => [bar.x, bar.width])).toEqual([
			[1, 98],
			[101, 98],
			[201, 98],
			[301, 98]
		]);
		expect(barGeometry([0, 0], 100, 50).bars.every((bar) => bar.height === 0)).toBe(true);
	});

	it('the page of a scope', () => {
		expect(statsPath('*')).toBe('/stats');
		expect(statsPath('aws-기초')).toBe('/stats?deck=aws-%EA%B8%B0%EC%B4%88');
	});
});

describe('formatPercent', () => {
	it('writes one decimal always, so that a column of rates lines up', () => {
		expect([0.893, 0.89, 1, 0].map((rate) => formatPercent(rate, 'en'))).toEqual(['89.3%', '89.0%', '100.0%', '0.0%']);
		expect(formatPercent(0.5, 'ko')).toBe('50.0%');
	});
});
