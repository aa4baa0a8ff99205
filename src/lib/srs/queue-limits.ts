/**
 * The daily limits a study session keeps (session.ts), and their defaults. A
 * module of their own: the home page counts within them, and loads this
 * rather than the session code.
 */

export interface QueueLimits {
	/** New cards introduced per study day. */
	newPerDay: number;
	/** Review cards answered per study day; learning cards never count. */
	reviewsPerDay: number;
	/** 'note': the order the cards have in their note; 'random': the day's random order over all of a deck's new cards (randomRank). */
	newOrder: 'note' | 'random';
	/** Whether a new card whose sibling was studied today or is queued waits for a later day (siblings.ts); absent: it does. */
	buryNewSiblings?: boolean;
	/**
	 * Whether a due review whose sibling was studied today, or is a learning card or a review queued ahead of
	 * it, waits for a later day (siblings.ts); absent: it does. Same-day learning repeats never wait.
	 */
	buryReviewSiblings?: boolean;
}

export const DEFAULT_LIMITS: QueueLimits = Object.freeze({
	newPerDay: 20,
	reviewsPerDay: 200,
	newOrder: 'note',
	buryNewSiblings: true,
	buryReviewSiblings: true
});

/** What a daily limit over all decks leaves of the new cards the decks would give today. */
export interface NewLimitHold {
	/** Today's limit over all decks (a "Study more" of that session raises it). */
	limit: number;
	/** New cards the limit still lets in today: fewer than the decks would give. */
	left: number;
}

/**
 * The all-decks session's own new-card limit holding back new cards its decks would give (`wanted`, each
 * deck within its own limit), as in Anki: undefined when it holds none back. It is why "Study all decks"
 * can show 0 new while a deck under it shows some: studying a deck alone counts against the limit over
 * all decks too, but only against that deck's own limit.
 */
export function newLimitHold(limit: number, studiedToday: number, wanted: number): NewLimitHold | undefined {
	const left = Math.max(0, limit - studiedToday);
	return left < wanted ? { limit, left } : undefined;
}
