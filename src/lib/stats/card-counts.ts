/**
 * Cards by stage (see stage.ts) and the distributions of intervals and of EF.
 *
 * - Every card is counted once, in its stage; buried cards in their
 *   underlying stage, and also in `buried` (which overlaps the others).
 * - The distributions cover the cards being studied: learning, young and
 *   mature (not new, suspended or retired cards, whose state does not drive
 *   any queue). The interval distribution leaves out interval 0 (failed cards
 *   relearning today); the EF one includes every studied card.
 * - Interval buckets, in days, bounds included: 1, 2, 3-6, 7-13, 14-20, 21-59,
 *   60-179, 180-364, 365+ (young below 21, mature from 21, as the stages).
 * - EF buckets of 0.1 from 1.3: [1.3, 1.4), [1.4, 1.5), ... [2.9, 3.0), then
 *   3.0 and above. EF is compared in thousandths, as sm2 computes it, so 2.5
 *   falls in [2.5, 2.6) however it was stored.
 */
import { INITIAL_EASINESS, MIN_EASINESS, type Sm2State } from '../srs/sm2';
import { assertStudyDay } from './days';
import { cardStage, isBuried, type CardStage } from './stage';

export interface CountedCard {
	/** A `Queue` value. */
	queue: number;
	state: Sm2State;
	buriedUntil?: number;
}

/** A bucket of a distribution: `min` included; `max` included for intervals, excluded for EF; null: no upper bound. */
export interface Bucket {
	min: number;
	max: number | null;
	cards: number;
}

export interface CardCounts extends Record<CardStage, number> {
	total: number;
	/** Buried today (also counted in their stage). */
	buried: number;
	intervals: Bucket[];
	ease: Bucket[];
}

/** The lower bound of each interval bucket; each bucket ends the day before the next begins. */
export const INTERVAL_BUCKET_STARTS: readonly number[] = [1, 2, 3, 7, 14, 21, 60, 180, 365];
const EASE_STEP_MILLI = 100;
const MIN_EASE_MILLI = Math.round(MIN_EASINESS * 1000);
/** The first EF of the open bucket: 3.0 and above. */
const TOP_EASE_MILLI = 3000;
const EASE_BUCKETS = (TOP_EASE_MILLI - MIN_EASE_MILLI) / EASE_STEP_MILLI + 1;

/** The bucket index of a day count of 1 or more: a lookup table up to the last bound. */
const LAST_BOUND = INTERVAL_BUCKET_STARTS[INTERVAL_BUCKET_STARTS.length - 1]!;
const intervalBucketOf = new Uint8Array(LAST_BOUND);
for (let b = 0, days = 1; days < LAST_BOUND; days++) {
	if (days >= INTERVAL_BUCKET_STARTS[b + 1]!) b++;
	intervalBucketOf[days] = b;
}

function easeBucket(easiness: number): number {
	const milli = Math.round((Number.isFinite(easiness) ? easiness : INITIAL_EASINESS) * 1000);
	const index = Math.floor((milli - MIN_EASE_MILLI) / EASE_STEP_MILLI);
	return index < 0 ? 0 : index >= EASE_BUCKETS ? EASE_BUCKETS - 1 : index;
}

export function cardCounts(cards: readonly CountedCard[], today: number): CardCounts {
	assertStudyDay(today, 'card counts');
	const stages: Record<CardStage, number> = { new: 0, learning: 0, young: 0, mature: 0, suspended: 0, retired: 0 };
	const intervals = new Int32Array(INTERVAL_BUCKET_STARTS.length);
	const ease = new Int32Array(EASE_BUCKETS);
	let buried = 0;
	for (let i = 0; i < cards.length; i++) {
		const card = cards[i]!;
		const stage = cardStage(card);
		stages[stage]++;
		if (isBuried(card, today)) buried++;
		if (stage !== 'learning' && stage !== 'young' && stage !== 'mature') continue;
		ease[easeBucket(card.state.easiness)]!++;
		const interval = card.state.interval;
		if (interval >= LAST_BOUND) intervals[INTERVAL_BUCKET_STARTS.length - 1]!++;
		else if (interval >= 1) intervals[intervalBucketOf[Math.floor(interval)]!]!++;
	}
	return {
		...stages,
		total: cards.length,
		buried,
		intervals: INTERVAL_BUCKET_STARTS.map((min, b) => ({ min, max: b + 1 < INTERVAL_BUCKET_STARTS.length ? INTERVAL_BUCKET_STARTS[b + 1]! - 1 : null, cards: intervals[b]! })),
		ease: Array.from(ease, (cards, b) => ({
			min: (MIN_EASE_MILLI + b * EASE_STEP_MILLI) / 1000,
			max: b + 1 < EASE_BUCKETS ? (MIN_EASE_MILLI + (b + 1) * EASE_STEP_MILLI) / 1000 : null,
			cards
		}))
	};
}
