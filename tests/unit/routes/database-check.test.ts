import { describe, expect, it } from 'vitest';
import '../../../src/lib/i18n/messages-import';
import type { Locale } from '../../../src/lib/i18n/locale';
import { checkLineText, describeCheck, offersCopyRemoval, type CheckLine } from '../../../src/routes/settings/database-check';

const said = (lines: CheckLine[], locale: Locale = 'en') => lines.map((line) => checkLineText(locale, line));

describe('describeCheck', () => {
	it('says no problems were found, and how much was checked', () => {
		expect(said(describeCheck({ cards: 50_000, rows: 1_000_000, fixedCards: 0, fixedDays: 0, orphanRows: 0, futureRows: 0, copies: 0, copiesRemoved: false }))).toEqual(['No problems found: 50,000 cards and 1,000,000 reviews checked.']);
	});

	it('counts one card and one review in the singular, each on its own', () => {
		const one = { cards: 1, rows: 1, fixedCards: 0, fixedDays: 0, orphanRows: 0, futureRows: 0, copies: 0, copiesRemoved: false };
		expect(said(describeCheck(one))).toEqual(['No problems found: 1 card and 1 review checked.']);
		expect(said(describeCheck({ ...one, rows: 0, fixedCards: 1 }))[0]).toBe('1 card and 0 reviews checked.');
		expect(said(describeCheck({ ...one, cards: 2 }), 'ko')).toEqual(['문제가 없습니다. 카드 2장과 복습 1건을 점검했습니다.']);
	});

	it('says what was fixed and kept, each only when there is some', () => {
		expect(said(describeCheck({ cards: 5, rows: 12, fixedCards: 1, fixedDays: 0, orphanRows: 3, futureRows: 0, copies: 0, copiesRemoved: false }))).toEqual([
			'5 cards and 12 reviews checked.',
			'The schedule of 1 card was fixed.',
			'3 reviews belong to cards no longer on this device: they were kept, and still count in the statistics.'
		]);
		expect(said(describeCheck({ cards: 5, rows: 12, fixedCards: 2, fixedDays: 1, orphanRows: 0, futureRows: 0, copies: 0, copiesRemoved: false }), 'ko')).toEqual([
			'카드 5장과 복습 12건을 점검했습니다.',
			'카드 2장의 일정을 고쳤습니다.',
			'통계의 1일치 집계를 고쳤습니다.'
		]);
	});

	it('says how many reviews are dated after today (a clock that ran ahead), and that they were kept', () => {
		const ahead = { cards: 5, rows: 12, fixedCards: 0, fixedDays: 0, orphanRows: 0, futureRows: 3, copies: 0, copiesRemoved: false };
		expect(said(describeCheck(ahead))).toEqual([
			'5 cards and 12 reviews checked.',
			'3 reviews are dated after today: they were given on a device whose clock was ahead. They were kept, and their cards are scheduled from those dates.'
		]);
		expect(said(describeCheck({ ...ahead, futureRows: 1 }), 'ko')[1]).toBe('복습 1건의 날짜가 오늘 이후입니다. 시계가 앞서 있던 기기에서 한 복습입니다. 그대로 두었고, 카드의 일정은 그 날짜부터 계산됩니다.');
	});

	it('says how many answers are stored twice and offers to take the copies out; once taken out, says so and offers nothing', () => {
		const found = { cards: 5, rows: 12, fixedCards: 0, fixedDays: 0, orphanRows: 0, futureRows: 0, copies: 4, copiesRemoved: false };
		expect(said(describeCheck(found))).toEqual([
			'5 cards and 12 reviews checked.',
			'4 answers are stored twice: once as given here and once as an Anki package’s copy of them. The statistics count them twice, and the schedules are worked out as if they were given twice.'
		]);
		expect(offersCopyRemoval(found)).toBe(true);
		const removed = { ...found, fixedCards: 2, copiesRemoved: true };
		expect(said(describeCheck(removed), 'ko')).toEqual(['카드 5장과 복습 12건을 점검했습니다.', '카드 2장의 일정을 고쳤습니다.', '두 번 저장된 답 4건의 사본을 지우고, 카드의 일정을 다시 계산했습니다.']);
		expect(offersCopyRemoval(removed)).toBe(false);
		expect(offersCopyRemoval({ ...found, copies: 0 })).toBe(false);
	});
});
