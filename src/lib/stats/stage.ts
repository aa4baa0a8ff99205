/**
 * Where a stored card stands, for statistics and search: one classification so
 * that the card counts, `is:` searches and the charts always agree.
 *
 * Pure: reads the card's queue number (src/lib/srs/card-queue.ts) and its
 * SM-2 state.
 */
import { Queue } from '../srs/card-queue';
import { needsRepeatToday } from '../srs/card-schedule';
import type { Sm2State } from '../srs/sm2';

/** A card whose interval is at least this many days is mature (as in Anki); below it, young. */
export const MATURE_INTERVAL = 21;

/**
 * - new: never answered (or reset);
 * - learning: answered but due again the same day (failed: interval 0, or graded 3 and awaiting its repeat);
 * - young / mature: scheduled with an interval below / at least MATURE_INTERVAL days;
 * - suspended, retired: out of every queue, whatever their state.
 *
 * Buried cards keep their underlying stage: burying only hides a card until tomorrow.
 */
export type CardStage = 'new' | 'learning' | 'young' | 'mature' | 'suspended' | 'retired';

export interface StagedCard {
	/** A `Queue` value. */
	queue: number;
	state: Sm2State;
}

export function cardStage(card: StagedCard): CardStage {
	switch (card.queue) {
		case Queue.new:
			return 'new';
		case Queue.suspended:
			return 'suspended';
		case Queue.retired:
			return 'retired';
	}
	if (needsRepeatToday(card.state)) return 'learning';
	return card.state.interval < MATURE_INTERVAL ? 'young' : 'mature';
}

/**
 * Buried on `today`: a new or scheduled card hidden from the queues until a
 * later study day. A suspended or retired card is never buried: that says more.
 */
export function isBuried(card: { queue: number; buriedUntil?: number }, today: number): boolean {
	return (card.queue === Queue.new || card.queue === Queue.scheduled) && card.buriedUntil !== undefined && card.buriedUntil > today;
}
