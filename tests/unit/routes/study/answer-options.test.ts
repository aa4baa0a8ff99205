import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { studyDay } from '../../../../src/lib/srs/day';
import { NEW_CARD, sm2, type Grade, type Sm2State } from '../../../../src/lib/srs/sm2';
import { answerOptions, gradeForKey, gradeLabel, gradesFor, summaryGrades } from '../../../../src/routes/study/[scope]/answer-options';

const DAY_OPTIONS = { timeZone: 'Asia/Seoul', dayStartHour: 4 };
const AT = Date.parse('2026-11-25T12:00:00+09:00');
const TODAY = studyDay(AT, DAY_OPTIONS);
/** Learned twice: the next good answer multiplies the interval by EF. */
const REVIEWED: Sm2State = { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false };

const summary = (options: ReturnType<typeof answerOptions>) => options.map(({ grade, key, label, interval }) => ({ grade, key, label, interval }));

describe('answerOptions, four buttons', () => {
	it('for a new card: Again comes back today, Hard today and then tomorrow, Good and Easy tomorrow', () => {
		expect(summary(answerOptions(NEW_CARD, 'four', AT, DAY_OPTIONS, TODAY, 'en'))).toEqual([
			{ grade: 1, key: '1', label: 'Again', interval: 'today' },
			// A 3 is a pass, but SM-2 repeats it the same day until it is graded 4 or 5: both are said.
			{ grade: 3, key: '2', label: 'Hard', interval: 'today\u00a0· 1d' },
			{ grade: 4, key: '3', label: 'Good', interval: '1d' },
			{ grade: 5, key: '4', label: 'Easy', interval: '1d' }
		]);
	});

	it('for a reviewed card: the intervals SM-2 gives (6 × 2.5 = 15, 6 × 2.6 = 15.6 → 16)', () => {
		const options = answerOptions(REVIEWED, 'four', AT, DAY_OPTIONS, TODAY, 'en');
		expect(options.map((option) => [option.label, option.days, option.interval])).toEqual([
			['Again', 0, 'today'],
			// EF 2.36 after a 3: ceil(6 × 2.36) = 15, once today's repeat is done.
			['Hard', 0, 'today\u00a0· 15d'],
			['Good', 15, '15d'],
			['Easy', 16, '16d']
		]);
		expect(options.map((option) => option.name)).toEqual(['Again, today', 'Hard, today, then 15d', 'Good, 15d', 'Easy, 16d']);
	});

	it('for a card learned once, the second interval is six days', () => {
		const once = sm2(NEW_CARD, 4);
		expect(answerOptions(once, 'four', AT, DAY_OPTIONS, TODAY, 'en').map((option) => option.interval)).toEqual(['today', 'today\u00a0· 6d', '6d', '6d']);
	});

	it('writes long intervals in months and years', () => {
		const mature: Sm2State = { repetitions: 5, easiness: 2.5, interval: 150, extraReview: false };
		const options = answerOptions(mature, 'four', AT, DAY_OPTIONS, TODAY, 'en');
		// ceil(150 × 2.36) = 354 days.
		expect(options.map((option) => option.interval)).toEqual(['today', 'today\u00a0· 11.6mo', '1y', '1.1y']);
		const months: Sm2State = { repetitions: 3, easiness: 2.5, interval: 40, extraReview: false };
		expect(answerOptions(months, 'four', AT, DAY_OPTIONS, TODAY, 'en')[2]?.interval).toBe('3.3mo');
	});

	it('a card awaiting its same-day repeat after a 3 keeps the interval the 3 gave (ceil(6 × 2.36) = 15): graded 4 or 5 it is due then, below 4 it repeats today first', () => {
		const graded3 = sm2(REVIEWED, 3);
		expect(graded3.extraReview).toBe(true);
		expect(answerOptions(graded3, 'four', AT, DAY_OPTIONS, TODAY, 'en').map((option) => option.interval)).toEqual(['today\u00a0· 15d', 'today\u00a0· 15d', '15d', '15d']);
	});

	it('counts study days: at 2:00, before the day starts at 4:00, a new card graded Good is due the study day after yesterday’s', () => {
		const lateNight = Date.parse('2026-11-26T02:00:00+09:00');
		const today = studyDay(lateNight, DAY_OPTIONS);
		expect(today).toBe(TODAY);
		expect(answerOptions(NEW_CARD, 'four', lateNight, DAY_OPTIONS, today, 'en')[2]).toMatchObject({ days: 1, interval: '1d' });
	});

	it('speaks Korean', () => {
		expect(answerOptions(NEW_CARD, 'four', AT, DAY_OPTIONS, TODAY, 'ko').map((option) => option.name)).toEqual([
			'다시, 오늘',
			'어려움, 오늘 다시, 그다음 1일',
			'좋음, 1일',
			'쉬움, 1일'
		]);
	});

	it('every button’s days are what answering would schedule', () => {
		const state = fc.record({
			repetitions: fc.integer({ min: 0, max: 12 }),
			easiness: fc.integer({ min: 1300, max: 3500 }).map((milli) => milli / 1000),
			interval: fc.integer({ min: 0, max: 2000 }),
			extraReview: fc.boolean()
		});
		fc.assert(
			fc.property(state, fc.constantFrom<'four' | 'six'>('four', 'six'), (card, mode) => {
				for (const option of answerOptions(card, mode, AT, DAY_OPTIONS, TODAY, 'en')) {
					const next = sm2(card, option.grade);
					const expected = next.interval > 0 && !next.extraReview ? next.interval : 0;
					expect(option.days).toBe(expected);
				}
			})
		);
	});
});

describe('answerOptions, six buttons', () => {
	it('shows SM-2’s six grades with their meanings, keyed by the grade', () => {
		expect(summary(answerOptions(NEW_CARD, 'six', AT, DAY_OPTIONS, TODAY, 'en'))).toEqual([
			{ grade: 0, key: '0', label: 'Blackout', interval: 'today' },
			{ grade: 1, key: '1', label: 'Wrong, remembered on seeing', interval: 'today' },
			{ grade: 2, key: '2', label: 'Wrong, seemed easy', interval: 'today' },
			{ grade: 3, key: '3', label: 'Correct, with difficulty', interval: 'today\u00a0· 1d' },
			{ grade: 4, key: '4', label: 'Correct, after hesitation', interval: '1d' },
			{ grade: 5, key: '5', label: 'Perfect', interval: '1d' }
		]);
		expect(answerOptions(REVIEWED, 'six', AT, DAY_OPTIONS, TODAY, 'en').map((option) => option.name)).toEqual([
			'0 Blackout, today',
			'1 Wrong, remembered on seeing, today',
			'2 Wrong, seemed easy, today',
			'3 Correct, with difficulty, today, then 15d',
			'4 Correct, after hesitation, 15d',
			'5 Perfect, 16d'
		]);
	});

	it('speaks Korean', () => {
		const options = answerOptions(REVIEWED, 'six', AT, DAY_OPTIONS, TODAY, 'ko');
		expect(options.map((option) => option.label)).toEqual([
			'완전히 잊음',
			'틀림, 보고 나서 기억남',
			'틀림, 쉬워 보였음',
			'맞음, 어렵게 기억함',
			'맞음, 망설인 끝에',
			'완벽함'
		]);
		expect(options[4]?.name).toBe('4 맞음, 망설인 끝에, 15일');
	});
});

describe('keys and names', () => {
	it('maps 1-4 to the four buttons and 0-5 to the six grades', () => {
		expect(['1', '2', '3', '4', '5', '0'].map((key) => gradeForKey(key, 'four'))).toEqual([1, 3, 4, 5, undefined, undefined]);
		expect(['0', '1', '2', '3', '4', '5', '6'].map((key) => gradeForKey(key, 'six'))).toEqual([0, 1, 2, 3, 4, 5, undefined]);
		expect(gradeForKey('a', 'four')).toBeUndefined();
		expect(gradeForKey('11', 'six')).toBeUndefined();
	});

	it('names grades the four buttons never give by their meaning', () => {
		expect(([0, 1, 2, 3, 4, 5] as Grade[]).map((grade) => gradeLabel(grade, 'four', 'en'))).toEqual([
			'Blackout',
			'Again',
			'Wrong, seemed easy',
			'Hard',
			'Good',
			'Easy'
		]);
		expect(gradeLabel(4, 'six', 'ko')).toBe('맞음, 망설인 끝에');
		expect(gradesFor('four')).toEqual([1, 3, 4, 5]);
	});
});

describe('summaryGrades', () => {
	const none = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };

	it('lists the mode’s grades, given or not', () => {
		expect(summaryGrades(none, 'four')).toEqual([1, 3, 4, 5]);
		expect(summaryGrades(none, 'six')).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('adds a grade the mode has no button for when it was given today', () => {
		expect(summaryGrades({ ...none, 0: 2, 4: 1 }, 'four')).toEqual([0, 1, 3, 4, 5]);
	});
});
