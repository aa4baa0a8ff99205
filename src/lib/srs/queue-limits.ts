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
}

export const DEFAULT_LIMITS: QueueLimits = Object.freeze({
	newPerDay: 20,
	reviewsPerDay: 200,
	newOrder: 'note'
});
