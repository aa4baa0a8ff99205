/**
 * The deck page's options form: each limit either follows the global setting
 * or is the deck's own, typed as text; reading the form checks the numbers.
 */
import { LIMIT_BOUNDS, normalizeDeckOptions, type DeckOptions } from '$lib/db/deck-options';
import type { QueueLimits } from '$lib/srs/session';

export type OrderChoice = 'global' | QueueLimits['newOrder'];

export interface OptionsFormValues {
	/** True: the deck has its own limit of new cards per day, `newPerDay`. */
	ownNew: boolean;
	newPerDay: string;
	ownReviews: boolean;
	reviewsPerDay: string;
	order: OrderChoice;
}

/** The form for a deck's stored options; a limit that follows the global setting shows the global value. */
export function formValues(stored: unknown, global: QueueLimits): OptionsFormValues {
	const options = normalizeDeckOptions(stored);
	return {
		ownNew: options.newPerDay !== undefined,
		newPerDay: String(options.newPerDay ?? global.newPerDay),
		ownReviews: options.reviewsPerDay !== undefined,
		reviewsPerDay: String(options.reviewsPerDay ?? global.reviewsPerDay),
		order: options.newOrder ?? 'global'
	};
}

export type OptionsFormResult = { ok: true; options: DeckOptions } | { ok: false; field: 'newPerDay' | 'reviewsPerDay'; max: number };

function whole(text: string, max: number): number | undefined {
	const trimmed = text.trim();
	if (!/^\d+$/.test(trimmed)) return undefined;
	const value = Number(trimmed);
	return value <= max ? value : undefined;
}

/** The options the form says, or the first field that is not a whole number in range. */
export function readOptionsForm(values: OptionsFormValues): OptionsFormResult {
	const options: DeckOptions = {};
	if (values.ownNew) {
		const value = whole(values.newPerDay, LIMIT_BOUNDS.newPerDay.max);
		if (value === undefined) return { ok: false, field: 'newPerDay', max: LIMIT_BOUNDS.newPerDay.max };
		options.newPerDay = value;
	}
	if (values.ownReviews) {
		const value = whole(values.reviewsPerDay, LIMIT_BOUNDS.reviewsPerDay.max);
		if (value === undefined) return { ok: false, field: 'reviewsPerDay', max: LIMIT_BOUNDS.reviewsPerDay.max };
		options.reviewsPerDay = value;
	}
	if (values.order !== 'global') options.newOrder = values.order;
	return { ok: true, options };
}
