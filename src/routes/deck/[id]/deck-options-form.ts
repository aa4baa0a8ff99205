/**
 * The deck page's options form: each limit, and the leech threshold, either
 * follows the global setting or is the deck's own, typed as text; reading the
 * form checks the numbers.
 */
import { parseWholeNumber } from '$lib/i18n/whole-number';
import { LIMIT_BOUNDS, normalizeDeckOptions, type DeckOptions, type LeechOptions } from '$lib/srs/deck-options';
import { LEECH_THRESHOLD_BOUNDS, type LeechAction } from '$lib/srs/leech';
import type { QueueLimits } from '$lib/srs/queue-limits';

export type OrderChoice = 'global' | QueueLimits['newOrder'];
export type LeechActionChoice = 'global' | LeechAction;
/** New siblings, or due reviews that are siblings: as the global setting says, wait for another day, or come the same day. */
export type SiblingsChoice = 'global' | 'wait' | 'same-day';

export interface OptionsFormValues {
	/** True: the deck has its own limit of new cards per day, `newPerDay`. */
	ownNew: boolean;
	newPerDay: string;
	ownReviews: boolean;
	reviewsPerDay: string;
	order: OrderChoice;
	siblings: SiblingsChoice;
	reviewSiblings: SiblingsChoice;
	/** True: the deck has its own leech threshold, `leechThreshold`. */
	ownLeech: boolean;
	leechThreshold: string;
	leechAction: LeechActionChoice;
}

/** The number fields: each a deck's own value or the global setting. */
export type NumberField = 'newPerDay' | 'reviewsPerDay' | 'leechThreshold';

/** The whole numbers each number field takes. */
export const FIELD_BOUNDS: Record<NumberField, { min: number; max: number }> = { ...LIMIT_BOUNDS, leechThreshold: LEECH_THRESHOLD_BOUNDS };

const siblingsChoice = (wait: boolean | undefined): SiblingsChoice => (wait === undefined ? 'global' : wait ? 'wait' : 'same-day');

/** The form for a deck's stored options; a value that follows the global setting shows the global value. */
export function formValues(stored: unknown, global: QueueLimits & LeechOptions): OptionsFormValues {
	const options = normalizeDeckOptions(stored);
	return {
		ownNew: options.newPerDay !== undefined,
		newPerDay: String(options.newPerDay ?? global.newPerDay),
		ownReviews: options.reviewsPerDay !== undefined,
		reviewsPerDay: String(options.reviewsPerDay ?? global.reviewsPerDay),
		order: options.newOrder ?? 'global',
		siblings: siblingsChoice(options.buryNewSiblings),
		reviewSiblings: siblingsChoice(options.buryReviewSiblings),
		ownLeech: options.leechThreshold !== undefined,
		leechThreshold: String(options.leechThreshold ?? global.leechThreshold),
		leechAction: options.leechAction ?? 'global'
	};
}

export type OptionsFormResult = { ok: true; options: DeckOptions } | { ok: false; field: NumberField; min: number; max: number };

/** The options the form says, or the first field that is not a whole number in range. */
export function readOptionsForm(values: OptionsFormValues): OptionsFormResult {
	const options: DeckOptions = {};
	const own: [NumberField, boolean][] = [
		['newPerDay', values.ownNew],
		['reviewsPerDay', values.ownReviews],
		['leechThreshold', values.ownLeech]
	];
	for (const [field, isOwn] of own) {
		if (!isOwn) continue;
		const value = parseWholeNumber(values[field], FIELD_BOUNDS[field]);
		if (value === undefined) return { ok: false, field, ...FIELD_BOUNDS[field] };
		options[field] = value;
	}
	if (values.order !== 'global') options.newOrder = values.order;
	if (values.siblings !== 'global') options.buryNewSiblings = values.siblings === 'wait';
	if (values.reviewSiblings !== 'global') options.buryReviewSiblings = values.reviewSiblings === 'wait';
	if (values.leechAction !== 'global') options.leechAction = values.leechAction;
	return { ok: true, options };
}
