import { describe, expect, it } from 'vitest';
import '../../../src/lib/i18n/messages-import';
import { countMessage } from '../../../src/lib/i18n/format';
import { reviewLines } from '../../../src/routes/import/review-lines';

/** The lines as the page says them in `locale`. */
const said = (locale: 'en' | 'ko', reviews: { answers: number; schedules: number }) => reviewLines(reviews).map((line) => countMessage(locale, line.key, line.count));

describe('reviewLines', () => {
	it('counts an Anki package’s answers only, and the cards it gives a schedule apart', () => {
		// Five cards answered once each in Anki: five answers and five schedules, not "10 new entries".
		expect(said('en', { answers: 5, schedules: 5 })).toEqual([
			'Review history: 5 new answers',
			'Schedules from the file, not answers: 5 cards'
		]);
		expect(said('ko', { answers: 5, schedules: 5 })).toEqual(['학습 기록: 새 답 5건', '답이 아닌, 파일에서 가져오는 일정: 카드 5장']);
		expect(said('en', { answers: 1, schedules: 0 })).toEqual(['Review history: 1 new answer']);
		expect(said('en', { answers: 0, schedules: 1 })).toEqual(['Schedules from the file, not answers: 1 card']);
	});

	it('says nothing of a file that adds nothing to the log', () => {
		expect(reviewLines({ answers: 0, schedules: 0 })).toEqual([]);
	});
});
