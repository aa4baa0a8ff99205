import { describe, expect, it } from 'vitest';
import { Queue } from '../../../src/lib/db/schema';
import { formatMessage } from '../../../src/lib/i18n/format';
import type { Locale } from '../../../src/lib/i18n/locale';
import { messages, type MessageKey } from '../../../src/lib/i18n/messages';
import { cardState, describeCardState, formatStudyDay } from '../../../src/routes/deck/[id]/card-state';
import { NEW_CARD } from '../../../src/lib/srs/sm2';
import { dueText } from '../../../src/routes/card/[id]/card-info';

/** 2026-11-25 as a study day. */
const TODAY = Date.UTC(2026, 10, 25) / 86_400_000;
const reviewed = (interval: number) => ({ ...NEW_CARD, repetitions: 2, interval });

function translator(locale: Locale) {
	return {
		locale,
		t: (key: MessageKey) => messages[locale][key],
		format: (key: MessageKey, values: Record<string, string | number>) => formatMessage(locale, key, values)
	};
}

describe('cardState', () => {
	it('tells new, due and overdue cards apart', () => {
		expect(cardState({ queue: Queue.new, state: NEW_CARD }, TODAY)).toEqual({ kind: 'new' });
		expect(cardState({ queue: Queue.scheduled, dueDay: TODAY, state: reviewed(0) }, TODAY)).toEqual({ kind: 'due-today', interval: 0 });
		expect(cardState({ queue: Queue.scheduled, dueDay: TODAY - 2, state: reviewed(6) }, TODAY)).toEqual({ kind: 'overdue', dueDay: TODAY - 2, interval: 6 });
		expect(cardState({ queue: Queue.scheduled, dueDay: TODAY + 6, state: reviewed(6) }, TODAY)).toEqual({ kind: 'due', dueDay: TODAY + 6, interval: 6 });
	});

	it('says suspended or retired rather than when the card would be due', () => {
		expect(cardState({ queue: Queue.suspended, dueDay: TODAY, state: reviewed(6) }, TODAY)).toEqual({ kind: 'suspended' });
		expect(cardState({ queue: Queue.retired, dueDay: TODAY + 3, state: reviewed(6) }, TODAY)).toEqual({ kind: 'retired' });
		expect(cardState({ queue: Queue.retired, state: NEW_CARD }, TODAY)).toEqual({ kind: 'retired' });
	});

	it('says buried until when, while the bury lasts', () => {
		expect(cardState({ queue: Queue.new, state: NEW_CARD, buriedUntil: TODAY + 1 }, TODAY)).toEqual({ kind: 'buried', until: TODAY + 1 });
		expect(cardState({ queue: Queue.scheduled, dueDay: TODAY, state: reviewed(0), buriedUntil: TODAY + 1 }, TODAY)).toEqual({ kind: 'buried', until: TODAY + 1 });
		expect(cardState({ queue: Queue.new, state: NEW_CARD, buriedUntil: TODAY }, TODAY)).toEqual({ kind: 'new' });
		expect(cardState({ queue: Queue.suspended, state: NEW_CARD, buriedUntil: TODAY + 1 }, TODAY)).toEqual({ kind: 'suspended' });
	});
});

describe('describeCardState', () => {
	it('writes the state in English', () => {
		const en = translator('en');
		expect(describeCardState({ kind: 'new' }, TODAY, en)).toBe('New');
		expect(describeCardState({ kind: 'retired' }, TODAY, en)).toBe('Retired');
		expect(describeCardState({ kind: 'suspended' }, TODAY, en)).toBe('Suspended');
		expect(describeCardState({ kind: 'buried', until: TODAY + 1 }, TODAY, en)).toBe('Buried until Nov 26');
		expect(describeCardState({ kind: 'due-today', interval: 0 }, TODAY, en)).toBe('Due today');
		expect(describeCardState({ kind: 'due-today', interval: 6 }, TODAY, en)).toBe('Due today · interval 6d');
		expect(describeCardState({ kind: 'due', dueDay: TODAY + 2, interval: 6 }, TODAY, en)).toBe('Due Nov 27 · interval 6d');
		expect(describeCardState({ kind: 'overdue', dueDay: TODAY - 25, interval: 17 }, TODAY, en)).toBe('Due since Oct 31 · interval 17d');
		expect(describeCardState({ kind: 'due', dueDay: TODAY + 150, interval: 150 }, TODAY, en)).toBe('Due Apr 24, 2027 · interval 4.9mo');
	});

	it('writes the state in Korean', () => {
		const ko = translator('ko');
		expect(describeCardState({ kind: 'new' }, TODAY, ko)).toBe('새 카드');
		expect(describeCardState({ kind: 'retired' }, TODAY, ko)).toBe('보관됨');
		expect(describeCardState({ kind: 'buried', until: TODAY + 1 }, TODAY, ko)).toBe('11월 26일까지 묻어 둠');
		expect(describeCardState({ kind: 'due', dueDay: TODAY + 2, interval: 6 }, TODAY, ko)).toBe('11월 27일 복습 · 간격 6일');
	});
});

describe('formatStudyDay', () => {
	it('writes the calendar date of a study day, with the year only when it is not this one', () => {
		expect(formatStudyDay(TODAY, TODAY, 'en')).toBe('Nov 25');
		expect(formatStudyDay(TODAY + 40, TODAY, 'en')).toBe('Jan 4, 2027');
		// The formatters are kept by locale and year or not: each date still gets its own.
		expect(formatStudyDay(TODAY + 2, TODAY, 'ko')).toBe('11월 27일');
		expect(formatStudyDay(TODAY + 41, TODAY, 'en')).toBe('Jan 5, 2027');
		expect(formatStudyDay(TODAY + 1, TODAY, 'en')).toBe('Nov 26');
	});
});

describe('dueText (Card info’s Due line)', () => {
	const en = translator('en');
	it('names the day, and says when the card is late or out of the queues rather than show a past date bare', () => {
		expect(dueText({ queue: Queue.new, state: NEW_CARD }, TODAY, en)).toBe('not scheduled');
		expect(dueText({ queue: Queue.scheduled, dueDay: TODAY + 6, state: reviewed(6) }, TODAY, en)).toBe('Dec 1');
		expect(dueText({ queue: Queue.scheduled, dueDay: TODAY, state: reviewed(6) }, TODAY, en)).toBe('Today');
		expect(dueText({ queue: Queue.scheduled, dueDay: TODAY - 79, state: reviewed(6) }, TODAY, en)).toBe('Sep 7 (overdue)');
		// A leech suspended two months ago: its old due day, said to be held.
		expect(dueText({ queue: Queue.suspended, dueDay: TODAY - 79, state: reviewed(0) }, TODAY, en)).toBe('Sep 7 (Suspended)');
		expect(dueText({ queue: Queue.retired, dueDay: TODAY + 6, state: reviewed(6) }, TODAY, en)).toBe('Dec 1 (Retired)');
		expect(dueText({ queue: Queue.scheduled, dueDay: TODAY, buriedUntil: TODAY + 1, state: reviewed(6) }, TODAY, en)).toBe('Nov 25 (Buried until Nov 26)');
		expect(dueText({ queue: Queue.suspended, dueDay: TODAY - 79, state: reviewed(0) }, TODAY, translator('ko'))).toBe('9월 7일 (보류됨)');
	});
});
