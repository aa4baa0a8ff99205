/**
 * A deck's own options: new cards per day, reviews per day, the order of
 * new cards, and what makes a leech and what happens to it (srs/leech.ts),
 * each either absent (the global setting applies) or the deck's override.
 * Stored on the deck record (`DeckRecord.options`): no index needs them, so
 * the schema is unchanged.
 *
 * Pure and Dexie-free: the study session, the home page's Dexie-free counts
 * (quick-read.ts) and the deck page all apply them through `limitsForDeck`;
 * an answer that lapses reads the leech options through `leechOptionsForDeck`.
 */
import { LEECH_THRESHOLD_BOUNDS, type LeechAction } from './leech';
import type { QueueLimits } from './queue-limits';

export interface DeckOptions {
	newPerDay?: number;
	reviewsPerDay?: number;
	newOrder?: QueueLimits['newOrder'];
	/** Whether the deck's new siblings wait for another day (srs/siblings.ts). */
	buryNewSiblings?: boolean;
	/** Whether the deck's due reviews wait for another day when a sibling was studied today or comes before them. */
	buryReviewSiblings?: boolean;
	/** Lapses that make one of the deck's cards a leech. */
	leechThreshold?: number;
	leechAction?: LeechAction;
}

/** What a deck's leeches follow: its own options, the global settings for the rest. */
export interface LeechOptions {
	leechThreshold: number;
	leechAction: LeechAction;
}

/** The bounds the settings page uses too. */
export const LIMIT_BOUNDS = { newPerDay: { min: 0, max: 9999 }, reviewsPerDay: { min: 0, max: 99999 } } as const;

function wholeIn(value: unknown, bounds: { min: number; max: number }): number | undefined {
	return typeof value === 'number' && Number.isInteger(value) && value >= bounds.min && value <= bounds.max ? value : undefined;
}

/** Whatever is stored, as valid options: a field that is not a valid override is left out (the global setting applies). */
export function normalizeDeckOptions(value: unknown): DeckOptions {
	if (typeof value !== 'object' || value === null) return {};
	const raw = value as Record<string, unknown>;
	const options: DeckOptions = {};
	const newPerDay = wholeIn(raw.newPerDay, LIMIT_BOUNDS.newPerDay);
	const reviewsPerDay = wholeIn(raw.reviewsPerDay, LIMIT_BOUNDS.reviewsPerDay);
	if (newPerDay !== undefined) options.newPerDay = newPerDay;
	if (reviewsPerDay !== undefined) options.reviewsPerDay = reviewsPerDay;
	if (raw.newOrder === 'note' || raw.newOrder === 'random') options.newOrder = raw.newOrder;
	if (typeof raw.buryNewSiblings === 'boolean') options.buryNewSiblings = raw.buryNewSiblings;
	if (typeof raw.buryReviewSiblings === 'boolean') options.buryReviewSiblings = raw.buryReviewSiblings;
	const leechThreshold = wholeIn(raw.leechThreshold, LEECH_THRESHOLD_BOUNDS);
	if (leechThreshold !== undefined) options.leechThreshold = leechThreshold;
	if (raw.leechAction === 'suspend' || raw.leechAction === 'tag') options.leechAction = raw.leechAction;
	return options;
}

/** Whether the deck sets any option of its own. */
export function hasOverrides(options: DeckOptions | undefined): boolean {
	return options !== undefined && (hasLimitOverrides(options) || options.leechThreshold !== undefined || options.leechAction !== undefined);
}

/** Whether the deck sets its own limits, order of new cards or siblings rules: what a session over all decks has to keep apart. */
export function hasLimitOverrides(options: DeckOptions | undefined): boolean {
	return (
		options !== undefined &&
		(options.newPerDay !== undefined ||
			options.reviewsPerDay !== undefined ||
			options.newOrder !== undefined ||
			options.buryNewSiblings !== undefined ||
			options.buryReviewSiblings !== undefined)
	);
}

/** Whether two decks' options make the same sessions (limits, order and siblings; leech options do not change a queue). */
export function sameLimits(a: DeckOptions | undefined, b: DeckOptions | undefined): boolean {
	return (
		a?.newPerDay === b?.newPerDay &&
		a?.reviewsPerDay === b?.reviewsPerDay &&
		a?.newOrder === b?.newOrder &&
		a?.buryNewSiblings === b?.buryNewSiblings &&
		a?.buryReviewSiblings === b?.buryReviewSiblings
	);
}

/** The limits a deck studies with: each of its overrides, the global setting for the rest. */
export function limitsForDeck(global: QueueLimits, options: unknown): QueueLimits {
	const own = normalizeDeckOptions(options);
	const limits: QueueLimits = {
		newPerDay: own.newPerDay ?? global.newPerDay,
		reviewsPerDay: own.reviewsPerDay ?? global.reviewsPerDay,
		newOrder: own.newOrder ?? global.newOrder
	};
	const buryNewSiblings = own.buryNewSiblings ?? global.buryNewSiblings;
	if (buryNewSiblings !== undefined) limits.buryNewSiblings = buryNewSiblings;
	const buryReviewSiblings = own.buryReviewSiblings ?? global.buryReviewSiblings;
	if (buryReviewSiblings !== undefined) limits.buryReviewSiblings = buryReviewSiblings;
	return limits;
}

/** The leech options a deck's cards follow: each of its overrides, the global setting for the rest. */
export function leechOptionsForDeck(global: LeechOptions, options: unknown): LeechOptions {
	const own = normalizeDeckOptions(options);
	return { leechThreshold: own.leechThreshold ?? global.leechThreshold, leechAction: own.leechAction ?? global.leechAction };
}
