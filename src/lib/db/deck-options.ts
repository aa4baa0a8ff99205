/**
 * A deck's own options: new cards per day, reviews per day and the order of
 * new cards, each either absent (the global setting applies) or the deck's
 * override. Stored on the deck record (`DeckRecord.options`): no index needs
 * them, so the schema is unchanged.
 *
 * Pure and Dexie-free: the study session, the home page's Dexie-free counts
 * (quick-read.ts) and the deck page all apply them through `limitsForDeck`.
 */
import type { QueueLimits } from '../srs/session';

export interface DeckOptions {
	newPerDay?: number;
	reviewsPerDay?: number;
	newOrder?: QueueLimits['newOrder'];
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
	return options;
}

export function hasOverrides(options: DeckOptions | undefined): boolean {
	return options !== undefined && (options.newPerDay !== undefined || options.reviewsPerDay !== undefined || options.newOrder !== undefined);
}

/** The limits a deck studies with: each of its overrides, the global setting for the rest. */
export function limitsForDeck(global: QueueLimits, options: unknown): QueueLimits {
	const own = normalizeDeckOptions(options);
	return {
		newPerDay: own.newPerDay ?? global.newPerDay,
		reviewsPerDay: own.reviewsPerDay ?? global.reviewsPerDay,
		newOrder: own.newOrder ?? global.newOrder
	};
}
