import { describe, expect, it } from 'vitest';
import type { AnkiCard } from '../../../../src/lib/io/anki/collection';
import { importedSchedule, scheduleContext } from '../../../../src/lib/io/anki/schedule';
import { studyDay } from '../../../../src/lib/srs/day';
import { CREATED, DAY_OPTIONS, DAY_ZERO, NOW, TODAY } from './sample';

const context = scheduleContext({ created: CREATED, schedulerVersion: 2, now: NOW, dayOptions: DAY_OPTIONS });
const HOUR = 3_600_000;

function card(fields: Partial<AnkiCard>): AnkiCard {
	return { id: 1, note: 1, deck: 1, ord: 0, mod: NOW / 1000, type: 1, queue: 1, due: 0, ivl: 0, factor: 2300, reps: 3, lapses: 0, originalDue: 0, originalDeck: 0, ...fields };
}

describe('importedSchedule: when a card in learning is due', () => {
	it('on the day its step ends (Anki’s due is then a time), today at the latest', () => {
		const state = { repetitions: 0, easiness: 2.3, interval: 0, extraReview: false };
		const threeDaysAgo = NOW - 3 * 24 * HOUR;
		expect(importedSchedule(card({ due: threeDaysAgo / 1000 }), context)).toEqual({ state, dueDay: TODAY - 3 });
		expect(importedSchedule(card({ type: 3, due: threeDaysAgo / 1000 }), context)).toEqual({ state, dueDay: TODAY - 3 });
		// Later today, or tomorrow: Recall has no later step than today.
		for (const due of [NOW + HOUR, NOW + 24 * HOUR]) expect(importedSchedule(card({ due: due / 1000 }), context)).toEqual({ state, dueDay: TODAY });
		// A step of a day or more (the day-learning queue): a day number.
		expect(importedSchedule(card({ queue: 3, due: TODAY - DAY_ZERO - 2 }), context)).toEqual({ state, dueDay: TODAY - 2 });
		expect(importedSchedule(card({ queue: 3, due: TODAY - DAY_ZERO + 2 }), context)).toEqual({ state, dueDay: TODAY });
	});

	it('a review card in the learning queue (the old scheduler relearning it) is due on the day of its time, not day 0 + a time', () => {
		const at = NOW - 2 * 24 * HOUR;
		expect(importedSchedule(card({ type: 2, queue: 1, ivl: 3, due: at / 1000 }), context)).toEqual({
			state: { repetitions: 3, easiness: 2.3, interval: 3, extraReview: false },
			dueDay: studyDay(at, DAY_OPTIONS)
		});
	});
});
