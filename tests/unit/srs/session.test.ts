import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CardSchedule } from '../../../src/lib/srs/card-schedule';
import { NEW_CARD, sm2, type Grade, type Sm2State } from '../../../src/lib/srs/sm2';
import { ALL_DECKS } from '../../../src/lib/srs/deck-tree';
import { DEFAULT_LIMITS, type QueueLimits } from '../../../src/lib/srs/queue-limits';
import {
	REPEAT_GAP,
	afterAnswer,
	afterAnswerHolding,
	currentEntry,
	entryAfterHead,
	isSessionCurrent,
	reconcileSession,
	sessionCounts,
	startSession,
	topUpSession,
	undoAnswer,
	undoAnswerHolding,
	type QueueEntry,
	type PerDeckLimits,
	type QueueKind,
	type Session,
	type StartOptions,
	type StudiedToday
} from '../../../src/lib/srs/session';

const TODAY = 20_417; // 2025-11-25
const NOW = Date.UTC(2025, 10, 25, 12);
const NOTHING_STUDIED: StudiedToday = { newCards: 0, reviews: 0 };
/** Past due: a card learned a while ago with a 6-day interval. */
const LEARNED: Sm2State = { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false };
const FAILED: Sm2State = { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false };
/** Graded 3: awaiting its same-day repeat. */
const GRADED_3: Sm2State = { repetitions: 1, easiness: 2.36, interval: 1, extraReview: true };

function newCard(id: string, order: number, extra: Partial<CardSchedule> = {}): CardSchedule {
	return { id, deck: 'aws', state: NEW_CARD, order, suspended: false, retired: false, ...extra };
}

function reviewCard(id: string, dueDay: number, extra: Partial<CardSchedule> = {}): CardSchedule {
	return newCard(id, 0, { state: LEARNED, dueDay, ...extra });
}

function learningCard(id: string, dueDay: number, state: Sm2State = FAILED, extra: Partial<CardSchedule> = {}): CardSchedule {
	return newCard(id, 0, { state, dueDay, ...extra });
}

/** startSession with today's defaults; `limits` may name only the limits that differ from DEFAULT_LIMITS. */
function start(cards: readonly CardSchedule[], options: Partial<Omit<StartOptions, 'limits'>> & { limits?: Partial<QueueLimits> } = {}): Session {
	return startSession(cards, {
		today: TODAY,
		scope: ALL_DECKS,
		studiedToday: NOTHING_STUDIED,
		now: NOW,
		...options,
		limits: { ...DEFAULT_LIMITS, ...options.limits }
	});
}

const ids = (session: Session): string[] => session.entries.map((entry) => entry.id);
const kinds = (session: Session): string => session.entries.map((entry) => entry.kind[0]?.toUpperCase()).join('');

function manyNewCards(count: number): CardSchedule[] {
	return Array.from({ length: count }, (_, i) => newCard(`n${String(i).padStart(2, '0')}`, i));
}

function session(entries: QueueEntry[], answered = 0): Session {
	return { version: 1, day: TODAY, scope: ALL_DECKS, entries, answered, startedAt: NOW };
}

function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object') {
		for (const child of Object.values(value)) deepFreeze(child);
		Object.freeze(value);
	}
	return value;
}

/** A card is in the queue at most once. */
function expectNoDuplicates(s: Session): void {
	expect(new Set(ids(s)).size).toBe(s.entries.length);
}

// Plain objects, as sessions read back from storage are: toStrictEqual tells a null prototype apart.
const plain = { noNullPrototype: true };
const kindArb = fc.constantFrom<QueueKind>('new', 'learning', 'review');
const sessionArb: fc.Arbitrary<Session> = fc.record({
	version: fc.constant(1 as const),
	day: fc.integer({ min: 0, max: 40_000 }),
	scope: fc.constantFrom(ALL_DECKS, 'aws'),
	entries: fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), kind: kindArb }, plain), {
		selector: (entry) => entry.id,
		minLength: 1,
		maxLength: 12
	}),
	answered: fc.nat({ max: 500 }),
	startedAt: fc.nat()
}, plain);
const stateArb: fc.Arbitrary<Sm2State> = fc.record({
	repetitions: fc.nat({ max: 20 }),
	easiness: fc.integer({ min: 1300, max: 3500 }).map((milli) => milli / 1000),
	interval: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 })),
	extraReview: fc.boolean()
}, plain);

// Most cards stay available, so the queue has something in it.
const oneInFour = fc.nat({ max: 3 }).map((n) => n === 0);
/** A random collection of cards in every condition: new, learning, due, not due, suspended, buried, retired, two decks. */
const cardsArb: fc.Arbitrary<CardSchedule[]> = fc.uniqueArray(
	fc.record({
		id: fc.string({ minLength: 1, maxLength: 3 }),
		deck: fc.constantFrom('aws', 'korean'),
		state: stateArb,
		dueDay: fc.option(fc.integer({ min: TODAY - 30, max: TODAY + 5 }), { nil: undefined }),
		order: fc.nat({ max: 50 }),
		suspended: oneInFour,
		buriedUntil: fc.option(fc.integer({ min: TODAY - 2, max: TODAY + 2 }), { nil: undefined }),
		retired: oneInFour
	}, plain),
	{ selector: (card) => card.id, maxLength: 40 }
);

describe('startSession: which cards', () => {
	it('takes only the cards of its deck, or of every deck for ALL_DECKS', () => {
		const cards = [newCard('a1', 0), newCard('k1', 0, { deck: 'korean' }), reviewCard('a2', TODAY), reviewCard('k2', TODAY, { deck: 'korean' })];
		expect(ids(start(cards, { scope: 'aws' })).sort()).toEqual(['a1', 'a2']);
		expect(ids(start(cards, { scope: 'korean' })).sort()).toEqual(['k1', 'k2']);
		expect(ids(start(cards, { scope: ALL_DECKS })).sort()).toEqual(['a1', 'a2', 'k1', 'k2']);
		expect(ids(start(cards, { scope: 'nothing' }))).toEqual([]);
	});

	it('leaves out suspended, retired and buried cards, and cards not due yet', () => {
		const cards = [
			reviewCard('due', TODAY),
			reviewCard('suspended', TODAY, { suspended: true }),
			reviewCard('retired', TODAY, { retired: true }),
			newCard('suspended-new', 0, { suspended: true }),
			learningCard('retired-learning', TODAY, FAILED, { retired: true }),
			reviewCard('buried', TODAY, { buriedUntil: TODAY + 1 }),
			reviewCard('unburied', TODAY, { buriedUntil: TODAY }),
			reviewCard('tomorrow', TODAY + 1),
			learningCard('learning-tomorrow', TODAY + 1)
		];
		expect(ids(start(cards)).sort()).toEqual(['due', 'unburied']);
	});

	it('queues a card once even when the caller passes it twice', () => {
		const s = start([reviewCard('a', TODAY), reviewCard('a', TODAY - 3), newCard('n', 0), newCard('n', 1)]);
		expect(ids(s)).toEqual(['a', 'n']);
	});

	it('starts a fresh session: version 1, the day, the scope, nothing answered, the start time', () => {
		const s = start([newCard('n', 0)], { scope: 'aws' });
		expect(s).toStrictEqual({ version: 1, day: TODAY, scope: 'aws', entries: [{ id: 'n', kind: 'new' }], answered: 0, startedAt: NOW });
		expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
	});

	it('has the documented defaults', () => {
		expect(DEFAULT_LIMITS).toEqual({ newPerDay: 20, reviewsPerDay: 200, newOrder: 'note', buryNewSiblings: true, buryReviewSiblings: true });
		expect(ALL_DECKS).toBe('*');
		expect(REPEAT_GAP).toBe(3);
	});
});

describe('startSession: learning cards', () => {
	it('puts failed cards and cards awaiting their same-day repeat first, as learning', () => {
		const cards = [
			reviewCard('review', TODAY - 1),
			newCard('new', 0),
			learningCard('failed', TODAY),
			learningCard('graded-3', TODAY, GRADED_3)
		];
		const s = start(cards);
		expect(s.entries.slice(0, 2)).toEqual([
			{ id: 'failed', kind: 'learning' },
			{ id: 'graded-3', kind: 'learning' }
		]);
		expect(kinds(s)).toBe('LLRN');
	});

	it('does not limit them, and they do not use up the review limit', () => {
		const cards = [learningCard('l1', TODAY), learningCard('l2', TODAY - 2, GRADED_3), learningCard('l3', TODAY), reviewCard('r', TODAY)];
		const none = start(cards, { limits: { newPerDay: 0, reviewsPerDay: 0 }, studiedToday: { newCards: 50, reviews: 500 } });
		expect(ids(none)).toEqual(['l2', 'l1', 'l3']);
		expect(kinds(start(cards, { limits: { reviewsPerDay: 1 } }))).toBe('LLLR');
	});

	it('takes a card failed yesterday and never repeated as learning today', () => {
		expect(start([learningCard('left-over', TODAY - 1)]).entries).toEqual([{ id: 'left-over', kind: 'learning' }]);
	});
});

describe('startSession: limits', () => {
	const reviews = Array.from({ length: 6 }, (_, i) => reviewCard(`r${i}`, TODAY - 10 + i));
	const news = manyNewCards(6);
	const countsWith = (limits: Partial<QueueLimits>, studiedToday: StudiedToday = NOTHING_STUDIED) =>
		sessionCounts(start([...reviews, ...news], { limits, studiedToday }));

	it('takes at most reviewsPerDay reviews, the most overdue', () => {
		const s = start(reviews, { limits: { reviewsPerDay: 4 } });
		expect(ids(s)).toEqual(['r0', 'r1', 'r2', 'r3']);
	});

	it('takes at most newPerDay new cards, the first in note order', () => {
		const s = start(news, { limits: { newPerDay: 2 } });
		expect(ids(s)).toEqual(['n00', 'n01']);
	});

	it('counts what was studied earlier today against the limits', () => {
		expect(countsWith({ newPerDay: 5, reviewsPerDay: 4 }, { newCards: 2, reviews: 1 })).toEqual({ new: 3, learning: 0, review: 3 });
		expect(countsWith({ newPerDay: 5, reviewsPerDay: 4 }, { newCards: 4, reviews: 3 })).toEqual({ new: 1, learning: 0, review: 1 });
	});

	it('takes none when a limit is used up, or more than used up', () => {
		expect(countsWith({ newPerDay: 5, reviewsPerDay: 4 }, { newCards: 5, reviews: 4 })).toEqual({ new: 0, learning: 0, review: 0 });
		expect(countsWith({ newPerDay: 5, reviewsPerDay: 4 }, { newCards: 9, reviews: 40 })).toEqual({ new: 0, learning: 0, review: 0 });
		expect(countsWith({ newPerDay: 0, reviewsPerDay: 4 })).toEqual({ new: 0, learning: 0, review: 4 });
	});

	it('takes all there are when the limit is higher', () => {
		expect(countsWith({})).toEqual({ new: 6, learning: 0, review: 6 });
		expect(countsWith({ newPerDay: Number.POSITIVE_INFINITY, reviewsPerDay: Number.POSITIVE_INFINITY })).toEqual({ new: 6, learning: 0, review: 6 });
	});

	it('treats negative and NaN limits and counts as 0', () => {
		expect(countsWith({ newPerDay: -3, reviewsPerDay: -1 })).toEqual({ new: 0, learning: 0, review: 0 });
		expect(countsWith({ newPerDay: Number.NaN, reviewsPerDay: 2 })).toEqual({ new: 0, learning: 0, review: 2 });
		expect(countsWith({ newPerDay: 3, reviewsPerDay: 2 }, { newCards: -4, reviews: Number.NaN })).toEqual({ new: 3, learning: 0, review: 2 });
		expect(countsWith({ newPerDay: 2.9, reviewsPerDay: 1.5 })).toEqual({ new: 2, learning: 0, review: 1 });
	});

	it('rejects a day that is not a whole number, and a time that is not finite', () => {
		expect(() => start(news, { today: Number.NaN })).toThrow(RangeError);
		expect(() => start(news, { today: Number.POSITIVE_INFINITY })).toThrow(RangeError);
		expect(() => start(news, { today: TODAY + 0.5 })).toThrow(RangeError);
		expect(() => start(news, { now: Number.NaN })).toThrow(RangeError);
	});
});

describe('startSession: order', () => {
	it('shows the most overdue reviews first, ties by note order, then by id', () => {
		const cards = [
			reviewCard('today', TODAY),
			reviewCard('b-five-days', TODAY - 5, { order: 3 }),
			reviewCard('yesterday', TODAY - 1),
			reviewCard('a-five-days', TODAY - 5, { order: 3 }),
			reviewCard('z-five-days-first', TODAY - 5, { order: 1 }),
			reviewCard('a-month', TODAY - 30, { order: 99 })
		];
		expect(ids(start(cards))).toEqual(['a-month', 'z-five-days-first', 'a-five-days', 'b-five-days', 'yesterday', 'today']);
	});

	it('introduces new cards in note order, ties by id, whatever order they came in', () => {
		const cards = [newCard('c', 2), newCard('b', 0), newCard('z', 1), newCard('a', 0)];
		expect(ids(start(cards))).toEqual(['a', 'b', 'z', 'c']);
		expect(ids(start([...cards].reverse()))).toEqual(['a', 'b', 'z', 'c']);
	});

	describe('random new order', () => {
		const cards = manyNewCards(30);
		const random = (seed: number | undefined, today = TODAY, input = cards) =>
			ids(start(input, { today, seed, limits: { newOrder: 'random', newPerDay: 100 } }));

		it('is a permutation of the new cards, and not note order', () => {
			const order = random(7);
			expect([...order].sort()).toEqual(ids(start(cards, { limits: { newPerDay: 100 } })));
			expect(order).not.toEqual(cards.map((card) => card.id));
		});

		it('is the same for the same seed and differs for another seed', () => {
			expect(random(7)).toEqual(random(7));
			expect(random(7)).not.toEqual(random(8));
			expect(random(1)).not.toEqual(random(2));
		});

		it('is seeded by the day by default: the same all day, another the next day', () => {
			expect(random(undefined)).toEqual(random(undefined));
			expect(random(undefined)).toEqual(random(TODAY));
			expect(random(undefined, TODAY + 1)).not.toEqual(random(undefined, TODAY));
		});

		it('does not depend on the order the cards came in', () => {
			expect(random(42, TODAY, [...cards].reverse())).toEqual(random(42));
		});

		it('takes the limit from the shuffled cards', () => {
			const limited = ids(start(cards, { seed: 42, limits: { newOrder: 'random', newPerDay: 5 } }));
			expect(limited).toEqual(random(42).slice(0, 5));
		});
	});
});

describe('startSession: new cards spread among the reviews', () => {
	const reviews = (count: number) => Array.from({ length: count }, (_, i) => reviewCard(`r${String(i).padStart(2, '0')}`, TODAY - 100 + i));

	it('puts a new card at every third position with 10 reviews and 5 new (positions 2, 5, 8, 11, 14)', () => {
		const s = start([...reviews(10), ...manyNewCards(5)]);
		expect(kinds(s)).toBe('RRNRRNRRNRRNRRN');
		expect(ids(s)).toEqual(['r00', 'r01', 'n00', 'r02', 'r03', 'n01', 'r04', 'r05', 'n02', 'r06', 'r07', 'n03', 'r08', 'r09', 'n04']);
	});

	it('pins small cases', () => {
		expect(kinds(start([...reviews(3), ...manyNewCards(2)]))).toBe('RRNRN');
		expect(kinds(start([...reviews(1), ...manyNewCards(3)]))).toBe('RNNN');
		expect(kinds(start([...reviews(4), ...manyNewCards(1)]))).toBe('RRRRN');
		expect(kinds(start([...reviews(2), ...manyNewCards(2)]))).toBe('RNRN');
	});

	it('shows only new cards when nothing is due, and only reviews when there is nothing new', () => {
		expect(kinds(start(manyNewCards(4)))).toBe('NNNN');
		expect(kinds(start(reviews(4)))).toBe('RRRR');
		expect(start([]).entries).toEqual([]);
	});

	it('puts learning cards before the spread', () => {
		const s = start([...reviews(2), ...manyNewCards(1), learningCard('l', TODAY)]);
		expect(kinds(s)).toBe('LRRN');
	});

	it('spreads after the limits: only the new cards that are taken are spread', () => {
		expect(kinds(start([...reviews(6), ...manyNewCards(10)], { limits: { newPerDay: 2 } }))).toBe('RRRNRRRN');
	});

	it('for any numbers, the first p of the reviews and new cards hold floor(p * N / T) new cards', () => {
		fc.assert(
			fc.property(fc.nat({ max: 40 }), fc.nat({ max: 40 }), fc.nat({ max: 5 }), (reviewCount, newCount, learningCount) => {
				const learning = Array.from({ length: learningCount }, (_, i) => learningCard(`l${i}`, TODAY));
				const s = start([...reviews(reviewCount), ...manyNewCards(newCount), ...learning], { limits: { newPerDay: 100 } });
				const rest = s.entries.slice(learningCount);
				expect(s.entries.slice(0, learningCount).every((entry) => entry.kind === 'learning')).toBe(true);
				const total = reviewCount + newCount;
				expect(rest).toHaveLength(total);
				let newSoFar = 0;
				for (let p = 0; p <= total; p++) {
					expect(newSoFar).toBe(Math.floor((p * newCount) / total || 0));
					if (p < total && rest[p]?.kind === 'new') newSoFar++;
				}
				// Each kind keeps its own order.
				expect(rest.filter((entry) => entry.kind === 'review').map((entry) => entry.id)).toEqual(reviews(reviewCount).map((card) => card.id));
				expect(rest.filter((entry) => entry.kind === 'new').map((entry) => entry.id)).toEqual(manyNewCards(newCount).map((card) => card.id));
			})
		);
	});
});

describe('startSession: properties over random cards', () => {
	it('queues each eligible card at most once, learning first, within the limits, in order', () => {
		fc.assert(
			fc.property(
				cardsArb,
				fc.constantFrom(ALL_DECKS, 'aws'),
				fc.integer({ min: -2, max: 15 }),
				fc.integer({ min: -2, max: 15 }),
				fc.nat({ max: 10 }),
				fc.nat({ max: 10 }),
				fc.constantFrom<QueueLimits['newOrder']>('note', 'random'),
				(cards, scope, newPerDay, reviewsPerDay, newStudied, reviewsStudied, newOrder) => {
					const s = start(cards, {
						scope,
						limits: { newPerDay, reviewsPerDay, newOrder },
						studiedToday: { newCards: newStudied, reviews: reviewsStudied }
					});
					expectNoDuplicates(s);
					const byId = new Map(cards.map((card) => [card.id, card]));
					const eligible = cards.filter(
						(card) =>
							(scope === ALL_DECKS || card.deck === scope) &&
							!card.suspended &&
							!card.retired &&
							(card.buriedUntil === undefined || card.buriedUntil <= TODAY)
					);
					const isLearning = (card: CardSchedule) =>
						card.dueDay !== undefined && card.dueDay <= TODAY && (card.state.interval === 0 || card.state.extraReview);
					const learning = eligible.filter(isLearning);
					const due = eligible.filter((card) => card.dueDay !== undefined && card.dueDay <= TODAY && !isLearning(card));
					const fresh = eligible.filter((card) => card.dueDay === undefined);

					const counts = sessionCounts(s);
					expect(counts.learning).toBe(learning.length);
					expect(counts.review).toBe(Math.min(due.length, Math.max(0, Math.max(0, reviewsPerDay) - reviewsStudied)));
					expect(counts.new).toBe(Math.min(fresh.length, Math.max(0, Math.max(0, newPerDay) - newStudied)));
					expect(s.entries.slice(0, learning.length).every((entry) => entry.kind === 'learning')).toBe(true);

					for (const entry of s.entries) {
						const card = byId.get(entry.id);
						expect(card).toBeDefined();
						if (!card) continue;
						expect(eligible).toContain(card);
						expect(entry.kind).toBe(card.dueDay === undefined ? 'new' : isLearning(card) ? 'learning' : 'review');
					}
					const reviewDays = s.entries.filter((entry) => entry.kind === 'review').map((entry) => byId.get(entry.id)?.dueDay ?? 0);
					expect(reviewDays).toEqual([...reviewDays].sort((a, b) => a - b));
					// The reviews left out are never more overdue than the ones taken.
					const lastTaken = reviewDays.at(-1);
					if (lastTaken !== undefined) {
						const left = due.filter((card) => !s.entries.some((entry) => entry.id === card.id));
						for (const card of left) expect(card.dueDay).toBeGreaterThanOrEqual(lastTaken);
					}
				}
			)
		);
	});
});

describe('currentEntry and sessionCounts', () => {
	it('shows the head, and nothing when the session is over', () => {
		expect(currentEntry(session([{ id: 'a', kind: 'review' }, { id: 'b', kind: 'new' }]))).toEqual({ id: 'a', kind: 'review' });
		expect(currentEntry(session([]))).toBeUndefined();
	});

	it('counts what is left by kind', () => {
		const s = start([learningCard('l', TODAY), reviewCard('r1', TODAY), reviewCard('r2', TODAY - 1), ...manyNewCards(3)]);
		expect(sessionCounts(s)).toEqual({ new: 3, learning: 1, review: 2 });
		const afterOne = afterAnswer(s, 'l', sm2(FAILED, 5));
		expect(sessionCounts(afterOne)).toEqual({ new: 3, learning: 0, review: 2 });
		const failedReview = afterAnswer(afterOne, 'r2', sm2(LEARNED, 1));
		expect(sessionCounts(failedReview)).toEqual({ new: 3, learning: 1, review: 1 });
		expect(sessionCounts(session([]))).toEqual({ new: 0, learning: 0, review: 0 });
	});
});

describe('afterAnswer', () => {
	const five = session(['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, kind: 'review' as const })), 4);

	it('takes the card off the head and counts the answer', () => {
		const next = afterAnswer(five, 'a', sm2(LEARNED, 4));
		expect(ids(next)).toEqual(['b', 'c', 'd', 'e']);
		expect(next.answered).toBe(5);
		expect(next).toMatchObject({ version: 1, day: TODAY, scope: ALL_DECKS, startedAt: NOW });
	});

	it(`brings a failed card back as learning after ${REPEAT_GAP} other cards`, () => {
		const next = afterAnswer(five, 'a', sm2(LEARNED, 1));
		expect(next.entries).toEqual([
			{ id: 'b', kind: 'review' },
			{ id: 'c', kind: 'review' },
			{ id: 'd', kind: 'review' },
			{ id: 'a', kind: 'learning' },
			{ id: 'e', kind: 'review' }
		]);
	});

	it('brings a card graded 3 back the same way, until it is graded 4', () => {
		const graded3 = sm2(LEARNED, 3);
		expect(ids(afterAnswer(five, 'a', graded3))).toEqual(['b', 'c', 'd', 'a', 'e']);
		expect(ids(afterAnswer(five, 'a', sm2(graded3, 3)))).toEqual(['b', 'c', 'd', 'a', 'e']);
		expect(ids(afterAnswer(five, 'a', sm2(graded3, 4)))).toEqual(['b', 'c', 'd', 'e']);
	});

	it('brings it back last when fewer cards are left, and at once when it is the only one', () => {
		const three = session([{ id: 'a', kind: 'new' }, { id: 'b', kind: 'review' }, { id: 'c', kind: 'review' }]);
		expect(ids(afterAnswer(three, 'a', FAILED))).toEqual(['b', 'c', 'a']);
		const four = session([{ id: 'a', kind: 'new' }, ...three.entries.slice(1), { id: 'd', kind: 'new' }]);
		expect(ids(afterAnswer(four, 'a', FAILED))).toEqual(['b', 'c', 'd', 'a']);
		const alone = afterAnswer(session([{ id: 'a', kind: 'new' }]), 'a', FAILED);
		expect(alone.entries).toEqual([{ id: 'a', kind: 'learning' }]);
		expect(currentEntry(alone)).toEqual({ id: 'a', kind: 'learning' });
	});

	it('throws when the card answered is not the one shown', () => {
		expect(() => afterAnswer(five, 'b', FAILED)).toThrow(/b was answered, but a is shown/);
		expect(() => afterAnswer(five, 'nope', LEARNED)).toThrow(Error);
		expect(() => afterAnswer(session([]), 'a', LEARNED)).toThrow(/no card is shown/);
	});

	it('keeps every card in the queue at most once, over any answers', () => {
		fc.assert(
			fc.property(sessionArb, fc.array(stateArb, { maxLength: 30 }), (s, states) => {
				let current = s;
				for (const state of states) {
					const head = currentEntry(current);
					if (!head) break;
					const next = afterAnswer(current, head.id, state);
					expectNoDuplicates(next);
					expect(next.answered).toBe(current.answered + 1);
					expect(next.entries.length).toBe(current.entries.length - (state.interval === 0 || state.extraReview ? 0 : 1));
					current = next;
				}
			})
		);
	});
});

describe('undoAnswer', () => {
	it('shows the card again as it was, without its pending repeat', () => {
		const s = session([{ id: 'a', kind: 'new' }, { id: 'b', kind: 'review' }, { id: 'c', kind: 'review' }, { id: 'd', kind: 'review' }, { id: 'e', kind: 'new' }], 2);
		const failed = afterAnswer(s, 'a', FAILED);
		expect(ids(failed)).toEqual(['b', 'c', 'd', 'a', 'e']);
		expect(undoAnswer(failed, 'a', 'new')).toStrictEqual(s);
		const passed = afterAnswer(s, 'a', LEARNED);
		expect(undoAnswer(passed, 'a', 'new')).toStrictEqual(s);
	});

	it('restores a card that came back at once when it was alone', () => {
		const s = session([{ id: 'a', kind: 'learning' }], 9);
		const again = afterAnswer(s, 'a', FAILED);
		expect(undoAnswer(again, 'a', 'learning')).toStrictEqual(s);
	});

	it('never counts below 0 answers', () => {
		expect(undoAnswer(session([]), 'a', 'review')).toStrictEqual(session([{ id: 'a', kind: 'review' }], 0));
	});

	it('rejects a kind that is not a queue kind', () => {
		expect(() => undoAnswer(session([]), 'a', 'old' as QueueKind)).toThrow(RangeError);
	});

	it('is the reverse of afterAnswer for any session and any state', () => {
		fc.assert(
			fc.property(sessionArb, stateArb, (s, state) => {
				const head = currentEntry(s);
				if (!head) throw new Error('the arbitrary makes sessions with a card shown');
				expect(undoAnswer(afterAnswer(s, head.id, state), head.id, head.kind)).toStrictEqual(s);
			})
		);
	});

	it('restores every older session when undone as many times as answered', () => {
		fc.assert(
			fc.property(sessionArb, fc.array(stateArb, { maxLength: 25 }), (s, states) => {
				const history: { before: Session; answered: QueueEntry }[] = [];
				let current = s;
				for (const state of states) {
					const head = currentEntry(current);
					if (!head) break;
					history.push({ before: current, answered: head });
					current = afterAnswer(current, head.id, state);
				}
				for (const { before, answered } of history.reverse()) {
					current = undoAnswer(current, answered.id, answered.kind);
					expect(current).toStrictEqual(before);
				}
				expect(current).toStrictEqual(s);
			})
		);
	});
});

describe('a whole session, answered with sm2 until the queue is empty', () => {
	/** Answers the queue with each card's grades in turn; returns what was shown and the final states. */
	function study(cards: readonly CardSchedule[], gradesById: Record<string, Grade[]>) {
		const states = new Map(cards.map((card) => [card.id, card.state]));
		const next = new Map(Object.entries(gradesById).map(([id, grades]) => [id, [...grades]]));
		let s = start(cards);
		const shown: string[] = [];
		for (let step = 0; step < 100 && currentEntry(s); step++) {
			const head = currentEntry(s) as QueueEntry;
			shown.push(`${head.id}:${head.kind}`);
			const grade = next.get(head.id)?.shift();
			if (grade === undefined) throw new Error(`${head.id} was shown more often than graded`);
			const state = sm2(states.get(head.id) ?? NEW_CARD, grade);
			states.set(head.id, state);
			s = afterAnswer(s, head.id, state);
		}
		return { shown, states, session: s, left: [...next].filter(([, grades]) => grades.length > 0) };
	}

	it('brings back a card graded 1 and a card graded 3 until graded 4, then ends', () => {
		const cards = [reviewCard('A', TODAY - 2), reviewCard('B', TODAY), newCard('C', 0), newCard('D', 1)];
		expect(ids(start(cards))).toEqual(['A', 'C', 'B', 'D']);
		const { shown, states, session: done, left } = study(cards, { A: [1, 4], B: [5], C: [3, 3, 4], D: [4] });
		expect(shown).toEqual(['A:review', 'C:new', 'B:review', 'D:new', 'A:learning', 'C:learning', 'C:learning']);
		expect(done.entries).toEqual([]);
		expect(done.answered).toBe(7);
		expect(left).toEqual([]);
		expect(states.get('A')).toEqual({ repetitions: 1, easiness: 2.5, interval: 1, extraReview: false });
		expect(states.get('C')).toEqual({ repetitions: 1, easiness: 2.36, interval: 1, extraReview: false });
	});

	it('keeps failing cards coming back until they are remembered', () => {
		const { shown, session: done } = study([newCard('X', 0), newCard('Y', 1)], { X: [0, 1, 2, 5], Y: [5] });
		expect(shown).toEqual(['X:new', 'Y:new', 'X:learning', 'X:learning', 'X:learning']);
		expect(done.entries).toEqual([]);
	});

	it('for any grades, ends with every card answered as often as graded and none needing a repeat', () => {
		const ids5 = ['a', 'b', 'c', 'd', 'e'];
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.constantFrom<Grade>(0, 1, 2, 3), { maxLength: 4 }), { minLength: 5, maxLength: 5 }),
				fc.array(fc.constantFrom<Grade>(4, 5), { minLength: 5, maxLength: 5 }),
				(misses, passes) => {
					const cards = ids5.map((id, i) => (i % 2 === 0 ? newCard(id, i) : reviewCard(id, TODAY - i)));
					const gradesById = Object.fromEntries(ids5.map((id, i) => [id, [...(misses[i] ?? []), passes[i] ?? 5]]));
					const { shown, states, session: done, left } = study(cards, gradesById);
					expect(done.entries).toEqual([]);
					expect(left).toEqual([]);
					expect(done.answered).toBe(shown.length);
					for (const state of states.values()) expect(state.interval === 0 || state.extraReview).toBe(false);
				}
			)
		);
	});
});

describe('isSessionCurrent', () => {
	const s = start([newCard('a', 0)], { scope: 'aws' });

	it('resumes the same study day and scope', () => {
		expect(isSessionCurrent(s, TODAY, 'aws')).toBe(true);
		expect(isSessionCurrent(JSON.parse(JSON.stringify(s)) as Session, TODAY, 'aws')).toBe(true);
	});

	it('starts afresh on the next study day, for another scope, another version, or nothing stored', () => {
		expect(isSessionCurrent(s, TODAY + 1, 'aws')).toBe(false);
		expect(isSessionCurrent(s, TODAY - 1, 'aws')).toBe(false);
		expect(isSessionCurrent(s, TODAY, ALL_DECKS)).toBe(false);
		expect(isSessionCurrent(s, TODAY, 'korean')).toBe(false);
		expect(isSessionCurrent({ ...s, version: 2 } as unknown as Session, TODAY, 'aws')).toBe(false);
		expect(isSessionCurrent(undefined, TODAY, 'aws')).toBe(false);
		expect(isSessionCurrent(null as unknown as Session, TODAY, 'aws')).toBe(false);
	});

	it('on a day rollover, a fresh session carries over what was left to learn', () => {
		// Day 1: A is failed and the session is left before its repeat; B is passed.
		const day1Cards = [reviewCard('A', TODAY), newCard('B', 0), newCard('C', 1)];
		let s1 = start(day1Cards, { limits: { newPerDay: 1 } });
		expect(ids(s1)).toEqual(['A', 'B']);
		s1 = afterAnswer(s1, 'A', sm2(LEARNED, 1));
		s1 = afterAnswer(s1, 'B', sm2(NEW_CARD, 4));
		expect(ids(s1)).toEqual(['A']);

		const tomorrow = TODAY + 1;
		expect(isSessionCurrent(s1, tomorrow, ALL_DECKS)).toBe(false);
		const day2Cards = [
			learningCard('A', TODAY, sm2(LEARNED, 1)),
			reviewCard('B', tomorrow, { state: sm2(NEW_CARD, 4) }),
			newCard('C', 1)
		];
		const s2 = start(day2Cards, { today: tomorrow, limits: { newPerDay: 1 } });
		expect(s2.entries).toEqual([
			{ id: 'A', kind: 'learning' },
			{ id: 'B', kind: 'review' },
			{ id: 'C', kind: 'new' }
		]);
		expect(s2).toMatchObject({ day: tomorrow, answered: 0 });
		expect(isSessionCurrent(s2, tomorrow, ALL_DECKS)).toBe(true);
	});
});

describe('topUpSession', () => {
	const limits = { ...DEFAULT_LIMITS, newPerDay: 2, reviewsPerDay: 2 };
	const cards = [reviewCard('r1', TODAY - 3), reviewCard('r2', TODAY - 2), reviewCard('r3', TODAY - 1), newCard('n1', 1), newCard('n2', 2), newCard('n3', 3)];
	const options = (studiedToday = NOTHING_STUDIED): StartOptions => ({ today: TODAY, scope: ALL_DECKS, limits, studiedToday, now: NOW });
	const buried = (all: readonly CardSchedule[], ...gone: string[]) => all.map((card) => (gone.includes(card.id) ? { ...card, buriedUntil: TODAY + 1 } : card));
	const without = (s: Session, ...gone: string[]) => ({ ...s, entries: s.entries.filter((entry) => !gone.includes(entry.id)) });

	it('fills what cards taken out leave of each kind, appended in the fresh queue’s order, the queue kept as it was', () => {
		const session = startSession(cards, options());
		expect(ids(session)).toEqual(['r1', 'n1', 'r2', 'n2']);
		expect(topUpSession(without(session, 'n1', 'r2'), buried(cards, 'n1', 'r2'), options()).entries).toEqual([
			{ id: 'r1', kind: 'review' },
			{ id: 'n2', kind: 'new' },
			{ id: 'r3', kind: 'review' },
			{ id: 'n3', kind: 'new' }
		]);
	});

	it('adds nothing the day’s limits have no room for, and returns the session itself when nothing is added', () => {
		const session = startSession(cards, options());
		const afterOne = { ...session, entries: session.entries.slice(1), answered: 1 };
		// r1 was answered Good: due in six days, and one review left of the day's two.
		const now = cards.map((card) => (card.id === 'r1' ? { ...card, dueDay: TODAY + 6 } : card));
		expect(topUpSession(afterOne, now, options({ newCards: 0, reviews: 1 }))).toBe(afterOne);
	});

	it('takes in every learning card it lacks: they are never limited', () => {
		const session = startSession(cards, options());
		const failed = learningCard('l1', TODAY);
		expect(ids(topUpSession(session, [...cards, failed], options()))).toEqual([...ids(session), 'l1']);
	});

	describe('over all decks, with a deck’s own limits', () => {
		const korean = (card: CardSchedule) => ({ ...card, deck: 'korean' });
		const perDeck = (own: Partial<QueueLimits>) => ({ limits: new Map([['aws', { ...DEFAULT_LIMITS, ...own }]]), studiedToday: new Map() });

		it('holds the deck to what is left of its new cards when a card comes in ahead of the ones it holds', () => {
			const all = [newCard('a1', 1), newCard('a2', 2), ...[newCard('k1', 1), newCard('k2', 2), newCard('k3', 3)].map(korean)];
			const opts: StartOptions = { ...options(), limits: { ...DEFAULT_LIMITS, newPerDay: 4 }, perDeck: perDeck({ newPerDay: 2 }) };
			const session = startSession(all, opts);
			expect(ids(session)).toEqual(['a1', 'k1', 'a2', 'k2']);
			// a0 is added before a1 in its note, and k1 is buried: the room is korean's, aws holds its two.
			const topped = topUpSession(without(session, 'k1'), [...buried(all, 'k1'), newCard('a0', 0)], opts);
			expect(ids(topped)).toEqual(['a1', 'a2', 'k2', 'k3']);
			// A fresh start would take a0 and leave a2: the top-up keeps what the session holds instead.
			expect(ids(startSession([...buried(all, 'k1'), newCard('a0', 0)], opts))).toEqual(['a0', 'a1', 'k2', 'k3']);
		});

		it('holds the deck to what is left of its reviews when a card of it turns out more overdue', () => {
			const all = [reviewCard('a1', TODAY - 2), reviewCard('a2', TODAY - 1), ...[reviewCard('k1', TODAY - 2), reviewCard('k2', TODAY - 1)].map(korean)];
			const opts: StartOptions = { ...options(), limits: { ...DEFAULT_LIMITS, reviewsPerDay: 2 }, perDeck: perDeck({ reviewsPerDay: 1 }) };
			const session = startSession(all, opts);
			expect(ids(session)).toEqual(['a1', 'k1']);
			const topped = topUpSession(without(session, 'k1'), [...buried(all, 'k1'), reviewCard('a0', TODAY - 9)], opts);
			expect(ids(topped)).toEqual(['a1', 'k2']);
		});

		it('counts what each deck studied earlier today along with what the session holds', () => {
			const all = [newCard('a1', 1), newCard('a2', 2), newCard('a3', 3), ...[newCard('k1', 1), newCard('k2', 2)].map(korean)];
			const opts: StartOptions = {
				...options({ newCards: 1, reviews: 0 }),
				limits: { ...DEFAULT_LIMITS, newPerDay: 10 },
				perDeck: { ...perDeck({ newPerDay: 3, newOrder: 'random' }), studiedToday: new Map([['aws', { newCards: 1, reviews: 0 }]]) }
			};
			const session = startSession(all, opts);
			expect(sessionCounts(session).new).toBe(4);
			// One of aws's held cards buried: one more of aws may come in, and only one.
			const aws = ids(session).filter((id) => id.startsWith('a'));
			const topped = topUpSession(without(session, aws[0]!), [...buried(all, aws[0]!), newCard('a4', 4)], opts);
			expect(ids(topped).filter((id) => id.startsWith('a'))).toHaveLength(2);
			expect(ids(topped).filter((id) => id.startsWith('k'))).toEqual(['k1', 'k2']);
		});
	});

	it('over random cards: stays within every limit, keeps the queue, and holds as many of each kind as a session started now', () => {
		// Cards that may all be studied today, in two decks, so that limits bind; each kept in the session, buried from it, or coming in after it started.
		const cardsWithFateArb = fc.uniqueArray(
			fc.record({
				card: fc.record({
					id: fc.string({ minLength: 1, maxLength: 3 }),
					deck: fc.constantFrom('aws', 'korean'),
					state: fc.constantFrom(LEARNED, FAILED, GRADED_3),
					dueDay: fc.option(fc.integer({ min: TODAY - 10, max: TODAY + 1 }), { nil: undefined, freq: 2 }),
					order: fc.nat({ max: 20 }),
					suspended: fc.constant(false),
					retired: fc.constant(false)
				}, plain),
				fate: fc.constantFrom('kept', 'kept', 'buried', 'comes in')
			}),
			{ selector: (drawn) => drawn.card.id, minLength: 8, maxLength: 30 }
		);
		const ownArb = fc.record({ newPerDay: fc.nat({ max: 6 }), reviewsPerDay: fc.nat({ max: 6 }), newOrder: fc.constantFrom<QueueLimits['newOrder']>('note', 'random') });
		fc.assert(
			fc.property(
				cardsWithFateArb,
				fc.constantFrom(ALL_DECKS, 'aws'),
				fc.record({ newPerDay: fc.nat({ max: 10 }), reviewsPerDay: fc.nat({ max: 10 }), newOrder: fc.constantFrom<QueueLimits['newOrder']>('note', 'random') }),
				fc.option(ownArb, { nil: undefined }),
				fc.nat({ max: 3 }),
				(drawn, scope, global, own, studiedHere) => {
					const all = drawn.map(({ card }) => card);
					const deckLimits = new Map(own ? [['aws', own]] : []);
					const studied = new Map([['aws', { newCards: studiedHere, reviews: studiedHere }]]);
					const opts: StartOptions = { today: TODAY, scope, limits: global, studiedToday: { newCards: studiedHere, reviews: studiedHere }, now: NOW, perDeck: { limits: deckLimits, studiedToday: studied } };
					const first = startSession(drawn.filter(({ fate }) => fate !== 'comes in').map(({ card }) => card), opts);
					const gone = drawn.filter(({ fate }) => fate === 'buried').map(({ card }) => card.id);
					const left = without(first, ...gone);
					const now = buried(all, ...gone);
					const topped = topUpSession(left, now, opts);

					expectNoDuplicates(topped);
					expect(topped.entries.slice(0, left.entries.length)).toEqual(left.entries);
					const byId = new Map(now.map((card) => [card.id, card]));
					const held = topped.entries.map((entry) => byId.get(entry.id)!);
					expect(held.every((card) => card.buriedUntil === undefined || card.buriedUntil <= TODAY)).toBe(true);
					const isNew = (card: CardSchedule) => card.dueDay === undefined;
					const isReview = (card: CardSchedule) => card.dueDay !== undefined && card.dueDay <= TODAY && card.state.interval !== 0 && !card.state.extraReview;
					const room = (limit: number) => Math.max(0, limit - studiedHere);
					expect(held.filter(isNew).length).toBeLessThanOrEqual(room(global.newPerDay));
					expect(held.filter(isReview).length).toBeLessThanOrEqual(room(global.reviewsPerDay));
					const aws = held.filter((card) => card.deck === 'aws');
					const awsLimits = scope === ALL_DECKS && own ? own : global;
					expect(aws.filter(isNew).length).toBeLessThanOrEqual(room(awsLimits.newPerDay));
					expect(aws.filter(isReview).length).toBeLessThanOrEqual(room(awsLimits.reviewsPerDay));
					// It fills what is left: as many of each kind as a session started now would hold.
					expect(sessionCounts(topped)).toEqual(sessionCounts(startSession(now, opts)));
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('reconcileSession', () => {
	const cards = [reviewCard('a', TODAY), reviewCard('b', TODAY - 1), newCard('c', 0), newCard('d', 1), learningCard('e', TODAY), newCard('f', 2)];
	const stored = start(cards);

	it('keeps a session whose cards are unchanged as it is', () => {
		expect(reconcileSession(stored, cards, TODAY)).toStrictEqual(stored);
	});

	it('drops the cards suspended, retired, buried or deleted since, and keeps the order', () => {
		expect(ids(stored)).toEqual(['e', 'b', 'c', 'a', 'd', 'f']);
		const changed = cards
			.filter((card) => card.id !== 'd')
			.map((card) => {
				if (card.id === 'b') return { ...card, suspended: true };
				if (card.id === 'e') return { ...card, retired: true };
				if (card.id === 'f') return { ...card, buriedUntil: TODAY + 1 };
				if (card.id === 'a') return { ...card, buriedUntil: TODAY };
				return card;
			});
		const reconciled = reconcileSession({ ...stored, answered: 3 }, changed, TODAY);
		expect(reconciled.entries).toEqual([
			{ id: 'c', kind: 'new' },
			{ id: 'a', kind: 'review' }
		]);
		expect(reconciled).toMatchObject({ version: 1, day: TODAY, scope: ALL_DECKS, answered: 3, startedAt: NOW });
	});

	it('drops a card answered while the session was not saved, and keeps one due again today', () => {
		const answered = cards.map((card) => {
			if (card.id === 'e') return { ...card, state: sm2(FAILED, 4), dueDay: TODAY + 1 };
			if (card.id === 'c') return { ...card, state: sm2(NEW_CARD, 1), dueDay: TODAY };
			return card;
		});
		expect(ids(reconcileSession(stored, answered, TODAY))).toEqual(['b', 'c', 'a', 'd', 'f']);
	});

	it('drops cards outside its scope and keeps only the first entry of a card', () => {
		const aws = { ...stored, scope: 'aws', entries: [...stored.entries, { id: 'c', kind: 'learning' as const }, { id: 'k', kind: 'new' as const }] };
		const reconciled = reconcileSession(aws, [...cards, newCard('k', 0, { deck: 'korean' })], TODAY);
		expect(ids(reconciled)).toEqual(['e', 'b', 'c', 'a', 'd', 'f']);
		expect(reconciled.entries[2]).toEqual({ id: 'c', kind: 'new' });
	});

	it('rejects a day that is not a whole number', () => {
		expect(() => reconcileSession(stored, cards, Number.NaN)).toThrow(RangeError);
	});

	it('for any cards, keeps a subsequence of the entries with each card at most once, all available', () => {
		fc.assert(
			fc.property(sessionArb, cardsArb, (s, someCards) => {
				const withDuplicates = { ...s, entries: [...s.entries, ...s.entries.slice(0, 3)] };
				const reconciled = reconcileSession(withDuplicates, someCards, TODAY);
				expectNoDuplicates(reconciled);
				let from = 0;
				for (const entry of reconciled.entries) {
					const at = withDuplicates.entries.indexOf(entry, from);
					expect(at).toBeGreaterThanOrEqual(from);
					from = at + 1;
					const card = someCards.find((c) => c.id === entry.id);
					expect(card).toBeDefined();
					expect(card?.suspended || card?.retired).toBe(false);
				}
			})
		);
	});
});

describe('immutability', () => {
	it('never changes the cards, options or sessions it is given', () => {
		const cards = deepFreeze([reviewCard('r', TODAY), learningCard('l', TODAY), ...manyNewCards(4), reviewCard('r2', TODAY - 3)]);
		const options = deepFreeze({ today: TODAY, scope: ALL_DECKS, limits: { ...DEFAULT_LIMITS, newOrder: 'random' as const }, studiedToday: { newCards: 1, reviews: 0 }, now: NOW });
		const snapshot = structuredClone({ cards, options });
		const s = deepFreeze(startSession(cards, options));
		const sCopy = structuredClone(s);

		const head = currentEntry(s) as QueueEntry;
		const failed = deepFreeze(afterAnswer(s, head.id, deepFreeze({ ...FAILED })));
		const failedCopy = structuredClone(failed);
		const undone = undoAnswer(failed, head.id, head.kind);
		const reconciled = reconcileSession(s, cards, TODAY);
		sessionCounts(s);
		isSessionCurrent(s, TODAY, ALL_DECKS);

		expect(failed).not.toBe(s);
		expect(undone).not.toBe(failed);
		expect(reconciled).not.toBe(s);
		expect(undone).toStrictEqual(s);
		expect(s).toStrictEqual(sCopy);
		expect(failed).toStrictEqual(failedCopy);
		expect({ cards, options }).toStrictEqual(snapshot);
	});

	it('returns sessions whose entries can be changed without touching the input', () => {
		const s = deepFreeze(session([{ id: 'a', kind: 'new' }, { id: 'b', kind: 'new' }]));
		const next = afterAnswer(s, 'a', LEARNED);
		next.entries.push({ id: 'z', kind: 'review' });
		expect(ids(s)).toEqual(['a', 'b']);
		const undone = undoAnswer(s, 'b', 'new');
		undone.entries.pop();
		expect(ids(s)).toEqual(['a', 'b']);
	});
});

describe('startSession and topUpSession: new siblings wait for another day', () => {
	// A list's card (L) and the cards of its two items (A, B): L holds both items' lines, A and B one each.
	const list = newCard('L', 1, { siblingKeys: ['f#2', 'f#3'] });
	const itemA = newCard('A', 2, { siblingKeys: ['f#2'] });
	const itemB = newCard('B', 3, { siblingKeys: ['f#3'] });
	const other = newCard('X', 4);
	const deck = [list, itemA, itemB, other];

	it('queues the first new card of a set of siblings, and the next cards that are no sibling of it in its place', () => {
		expect(ids(start(deck))).toEqual(['L', 'X']);
		// The held cards leave room within the limit: with a limit of 2, the second card is X, not A.
		expect(ids(start([...deck, newCard('Y', 5)], { limits: { newPerDay: 2 } }))).toEqual(['L', 'X']);
	});

	it('holds only the cards that share a key: two items of a list are no siblings of each other', () => {
		expect(ids(start([itemA, itemB, other]))).toEqual(['A', 'B', 'X']);
		// A first (L studied already, say): L waits, B does not.
		expect(ids(start([itemA, list, itemB].map((card, order) => ({ ...card, order }))))).toEqual(['A', 'B']);
	});

	it('holds the new siblings of a card studied earlier today, and of a review or learning card in the queue', () => {
		expect(ids(start([itemA, itemB, other], { siblingsStudiedToday: ['f#2'] }))).toEqual(['B', 'X']);
		const listDue = { ...list, state: LEARNED, dueDay: TODAY };
		expect(ids(start([listDue, itemA, itemB, other]))).toEqual(['L', 'X']);
		expect(kinds(start([listDue, itemA, itemB, other]))).toBe('RN');
		const listFailed = { ...list, state: FAILED, dueDay: TODAY };
		expect(ids(start([listFailed, itemA, itemB, other]))).toEqual(['L', 'X']);
	});

	it('does not hold back a review whose sibling is new: the reviews come before the new cards they would hold', () => {
		const aDue = { ...itemA, state: LEARNED, dueDay: TODAY - 1 };
		const bDue = { ...itemB, state: LEARNED, dueDay: TODAY - 1 };
		expect(ids(start([aDue, bDue, list, other])).sort()).toEqual(['A', 'B', 'X']);
	});

	it('a review left out by the review limit holds nothing', () => {
		const listDue = { ...list, state: LEARNED, dueDay: TODAY };
		expect(ids(start([listDue, itemA, itemB], { limits: { reviewsPerDay: 0 } }))).toEqual(['A', 'B']);
	});

	it('holds nothing when the setting is off', () => {
		expect(ids(start(deck, { limits: { buryNewSiblings: false }, siblingsStudiedToday: ['f#2'] }))).toEqual(['L', 'A', 'B', 'X']);
	});

	it('holds the siblings of the first card in the day’s random order, whichever that is', () => {
		const many = Array.from({ length: 12 }, (_, index) => newCard(`c${index}`, index, { siblingKeys: ['shared'] }));
		const session = start(many, { limits: { newOrder: 'random' } });
		expect(session.entries).toHaveLength(1);
		expect(ids(start(many, { limits: { newOrder: 'random', buryNewSiblings: false } }))[0]).toBe(ids(session)[0]);
	});

	it('topping up holds the siblings of the cards the session holds', () => {
		const session = start(deck, { limits: { newPerDay: 1 } });
		expect(ids(session)).toEqual(['L']);
		const options: StartOptions = { today: TODAY, scope: ALL_DECKS, limits: { ...DEFAULT_LIMITS, newPerDay: 3 }, studiedToday: NOTHING_STUDIED, now: NOW };
		expect(ids(topUpSession(session, deck, options))).toEqual(['L', 'X']);
	});
});

describe('startSession and topUpSession: due reviews wait for their siblings', () => {
	// Due: a list's card (L, the most overdue) and the cards of its two items (A, B); X is no sibling of theirs.
	const listDue = reviewCard('L', TODAY - 2, { siblingKeys: ['f#2', 'f#3'] });
	const aDue = reviewCard('A', TODAY - 1, { siblingKeys: ['f#2'] });
	const bDue = reviewCard('B', TODAY - 1, { siblingKeys: ['f#3'] });
	const xDue = reviewCard('X', TODAY);
	const due = [listDue, aDue, bDue, xDue];

	it('holds the reviews whose sibling is a review queued ahead of them, most overdue first', () => {
		expect(ids(start(due))).toEqual(['L', 'X']);
		expect(kinds(start(due))).toBe('RR');
		// A more overdue than the list: the list waits, and a held card holds nothing, so B comes.
		const aFirst = { ...aDue, dueDay: TODAY - 3 };
		expect(ids(start([listDue, aFirst, bDue, xDue]))).toEqual(['A', 'B', 'X']);
	});

	it('holds the reviews whose sibling was answered earlier today', () => {
		expect(ids(start([aDue, bDue, xDue], { siblingsStudiedToday: ['f#2'] }))).toEqual(['B', 'X']);
	});

	it('holds the reviews whose sibling is a learning card in the queue', () => {
		const listFailed = learningCard('L', TODAY, FAILED, { siblingKeys: ['f#2', 'f#3'] });
		expect(ids(start([listFailed, aDue, bDue, xDue]))).toEqual(['L', 'X']);
		expect(kinds(start([listFailed, aDue, bDue, xDue]))).toBe('LR');
	});

	it('never holds a learning card, whatever its siblings', () => {
		const aFailed = learningCard('A', TODAY, FAILED, { siblingKeys: ['f#2'] });
		const bRepeat = learningCard('B', TODAY, GRADED_3, { siblingKeys: ['f#3'] });
		const s = start([listDue, aFailed, bRepeat], { siblingsStudiedToday: ['f#2', 'f#3'] });
		// The list's review waits for its items' repeats; the repeats come though their sibling was answered today.
		expect(ids(s)).toEqual(['A', 'B']);
		expect(kinds(s)).toBe('LL');
	});

	it('lets the next due review take a held one’s place within the review limit', () => {
		const yDue = reviewCard('Y', TODAY);
		expect(ids(start([...due, yDue], { limits: { reviewsPerDay: 2 } }))).toEqual(['L', 'X']);
		expect(ids(start([...due, yDue], { limits: { reviewsPerDay: 3 } }))).toEqual(['L', 'X', 'Y']);
		expect(ids(start([...due, yDue], { limits: { reviewsPerDay: 2 }, studiedToday: { newCards: 0, reviews: 1 } }))).toEqual(['L']);
	});

	it('holds nothing with the setting off, and the new-card setting does not turn it off', () => {
		expect(ids(start(due, { limits: { buryReviewSiblings: false } }))).toEqual(['L', 'A', 'B', 'X']);
		expect(ids(start(due, { limits: { buryNewSiblings: false } }))).toEqual(['L', 'X']);
	});

	it('holds new cards by the reviews queued only, not by the reviews held', () => {
		const aFirst = { ...aDue, dueDay: TODAY - 3 };
		const newA = newCard('nA', 1, { siblingKeys: ['f#2'] });
		const newB = newCard('nB', 2, { siblingKeys: ['f#3'] });
		const newC = newCard('nC', 3, { siblingKeys: ['f#4'] });
		const shared = [{ ...listDue, siblingKeys: ['f#2', 'f#3', 'f#4'] }, { ...aFirst, siblingKeys: ['f#2'] }, newC];
		// A queued holds the list's review; the list held holds no new card of its lines: nC comes.
		expect(ids(start(shared))).toEqual(['A', 'nC']);
		// B queued: a new card of its line waits.
		expect(ids(start([aFirst, bDue, newA, newB, newC]))).toEqual(['A', 'B', 'nC']);
	});

	it('follows a deck’s own option in a session over all decks', () => {
		const inGcp = (card: CardSchedule): CardSchedule => ({ ...card, id: `g${card.id}`, deck: 'gcp', siblingKeys: card.siblingKeys?.map((key) => `g${key}`) });
		const both = [...due, ...due.map(inGcp)];
		const gcpOwn = (buryReviewSiblings: boolean): PerDeckLimits => ({ limits: new Map([['gcp', { ...DEFAULT_LIMITS, buryReviewSiblings }]]), studiedToday: new Map() });
		// The global setting holds aws's siblings, gcp's own option lets its siblings come.
		expect(ids(start(both, { perDeck: gcpOwn(false) })).sort()).toEqual(['L', 'X', 'gA', 'gB', 'gL', 'gX']);
		// And the other way round.
		expect(ids(start(both, { limits: { buryReviewSiblings: false }, perDeck: gcpOwn(true) })).sort()).toEqual(['A', 'B', 'L', 'X', 'gL', 'gX']);
		// A deck's own option counts in its own session only through the limits its caller passes.
		expect(ids(start(both, { scope: 'gcp', perDeck: gcpOwn(false) }))).toEqual(['gL', 'gX']);
	});

	it('brings a held review the next day, when no sibling of it is answered or queued ahead', () => {
		expect(ids(start(due))).toEqual(['L', 'X']);
		// L and X answered today (Good: due in days), A and B left as they were: still due.
		const answered = [{ ...listDue, dueDay: TODAY + 15 }, aDue, bDue, { ...xDue, dueDay: TODAY + 15 }];
		expect(ids(start(answered, { siblingsStudiedToday: ['f#2', 'f#3'] }))).toEqual([]);
		expect(ids(start(answered, { today: TODAY + 1 }))).toEqual(['A', 'B']);
	});

	it('topping up holds the reviews that are siblings of the cards the session holds', () => {
		const session = start(due, { limits: { reviewsPerDay: 1 } });
		expect(ids(session)).toEqual(['L']);
		const options: StartOptions = { today: TODAY, scope: ALL_DECKS, limits: DEFAULT_LIMITS, studiedToday: NOTHING_STUDIED, now: NOW };
		expect(ids(topUpSession(session, due, options))).toEqual(['L', 'X']);
	});
});

describe('an answer holds the reviews of its siblings still waiting in the session', () => {
	// Due: the reviews of a list's card (L) and of an unrelated card (X, more overdue); new: the cards of the list's
	// items (A, B), let in beside it (new siblings let in), and C, no sibling.
	const xDue = reviewCard('X', TODAY - 3);
	const listDue = reviewCard('L', TODAY - 2, { siblingKeys: ['f#2', 'f#3'] });
	const itemA = newCard('A', 2, { siblingKeys: ['f#2'] });
	const itemB = newCard('B', 3, { siblingKeys: ['f#3'] });
	const other = newCard('C', 4);
	const cards = [xDue, listDue, itemA, itemB, other];
	const sameDay = { buryNewSiblings: false, newPerDay: 2 };
	const keysOf = (session: Session) => session.entries.map((entry) => entry.siblingKeys);

	it('keeps the keys of a review only where another entry shares one and its deck holds review siblings', () => {
		const session = start(cards, { limits: sameDay });
		expect(ids(session)).toEqual(['X', 'A', 'L', 'B']);
		expect(keysOf(session)).toEqual([undefined, undefined, ['f#2', 'f#3'], undefined]);
		// New siblings held: A and B wait for L, and nothing needs keys.
		expect(keysOf(start(cards))).toEqual([undefined, undefined, undefined]);
		// Reviews let in, by the global setting or the deck's own option: nothing is held on an answer.
		expect(keysOf(start(cards, { limits: { ...sameDay, buryReviewSiblings: false } })).every((keys) => keys === undefined)).toBe(true);
		const awsOwn: PerDeckLimits = { limits: new Map([['aws', { ...DEFAULT_LIMITS, ...sameDay, buryReviewSiblings: false }]]), studiedToday: new Map() };
		expect(keysOf(start(cards, { limits: sameDay, perDeck: awsOwn })).every((keys) => keys === undefined)).toBe(true);
	});

	it('takes the sibling’s review out on the new card’s answer, before its repeat is placed, and says where it was', () => {
		const session = afterAnswer(start(cards, { limits: sameDay }), 'X', sm2(LEARNED, 4));
		expect(ids(session)).toEqual(['A', 'L', 'B']);
		const good = afterAnswerHolding(session, 'A', sm2(NEW_CARD, 4), ['f#2']);
		expect(ids(good.session)).toEqual(['B']);
		expect(good.held).toEqual([{ index: 1, entry: { id: 'L', kind: 'review', siblingKeys: ['f#2', 'f#3'] } }]);
		// Failed, A comes back after the entries left (B), not counting L, which left.
		const again = afterAnswerHolding(session, 'A', sm2(NEW_CARD, 1), ['f#2']);
		expect(ids(again.session)).toEqual(['B', 'A']);
		expect(kinds(again.session)).toBe('NL');
		// No key in common, or none at all: afterAnswer.
		expect(afterAnswerHolding(session, 'A', sm2(NEW_CARD, 4), ['f#9'])).toEqual({ session: afterAnswer(session, 'A', sm2(NEW_CARD, 4)), held: [] });
		expect(afterAnswerHolding(session, 'A', sm2(NEW_CARD, 4), []).held).toEqual([]);
	});

	it('never takes out a learning card, nor a review whose keys the session did not keep', () => {
		const session: Session = {
			...start([], {}),
			entries: [
				{ id: 'A', kind: 'new' },
				{ id: 'F', kind: 'learning', siblingKeys: ['f#2'] },
				{ id: 'P', kind: 'review' },
				{ id: 'L', kind: 'review', siblingKeys: ['f#2'] }
			]
		};
		expect(ids(afterAnswerHolding(session, 'A', sm2(NEW_CARD, 4), ['f#2']).session)).toEqual(['F', 'P']);
	});

	it('is taken back by undoAnswerHolding: the session exactly as it was', () => {
		const session = afterAnswer(start(cards, { limits: sameDay }), 'X', sm2(LEARNED, 4));
		for (const grade of [1, 3, 4] as const) {
			const { session: answered, held } = afterAnswerHolding(session, 'A', sm2(NEW_CARD, grade), ['f#2']);
			expect(undoAnswerHolding(answered, 'A', 'new', held)).toEqual(session);
		}
		// A review queued since in its place (another session's answer undone there) is not queued twice.
		const { session: answered, held } = afterAnswerHolding(session, 'A', sm2(NEW_CARD, 4), ['f#2']);
		const withL = { ...answered, entries: [...answered.entries, { id: 'L', kind: 'review' as const }] };
		expect(ids(undoAnswerHolding(withL, 'A', 'new', held))).toEqual(['A', 'B', 'L']);
	});

	it('names the card shown after the head’s answer: not a review that answer holds', () => {
		const session = afterAnswer(start(cards, { limits: sameDay }), 'X', sm2(LEARNED, 4));
		expect(entryAfterHead(session, ['f#2'])?.id).toBe('B');
		expect(entryAfterHead(session, [])?.id).toBe('L');
		expect(entryAfterHead({ ...session, entries: session.entries.slice(0, 2) }, ['f#2'])).toBeUndefined();
		expect(entryAfterHead({ ...session, entries: [] }, ['f#2'])).toBeUndefined();
	});

	it('topping up keeps the keys of a queued review that a new sibling let in beside it shares (Study more)', () => {
		const session = start(cards, { limits: { newPerDay: 2 } });
		expect(ids(session)).toEqual(['X', 'L', 'C']);
		expect(keysOf(session).every((keys) => keys === undefined)).toBe(true);
		const options: StartOptions = { today: TODAY, scope: ALL_DECKS, limits: { ...DEFAULT_LIMITS, ...sameDay, newPerDay: 3 }, studiedToday: NOTHING_STUDIED, now: NOW };
		const topped = topUpSession(session, cards, options);
		expect(ids(topped)).toEqual(['X', 'L', 'C', 'A', 'B']);
		expect(keysOf(topped)).toEqual([undefined, ['f#2', 'f#3'], undefined, undefined, undefined]);
	});
});
