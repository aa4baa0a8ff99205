/**
 * Leeches, as Anki has them: a card forgotten again and again takes more of
 * the learner's time than it gives back, so when a lapse brings its count to
 * the threshold, the card is tagged `leech` and (by default) suspended, and
 * again every half threshold (rounded up) of lapses after that, as long as it
 * keeps being forgotten. Anki's rule:
 * `lapses >= threshold && (lapses - threshold) % ceil(threshold / 2) == 0`.
 *
 * Lapses are counted as stats/lapses.ts `isLapse` counts them (db/card-state.ts
 * `foldCard`): the rule is asked only after an answer that is a lapse.
 */

/** The tag a leech gets: Anki's own, so that it means the same in both apps. */
export const LEECH_TAG = 'leech';

/** What happens to a card that becomes a leech: suspended and tagged, or only tagged. */
export type LeechAction = 'suspend' | 'tag';

export const DEFAULT_LEECH_THRESHOLD = 8;
export const DEFAULT_LEECH_ACTION: LeechAction = 'suspend';
/** The thresholds a learner may set, in lapses (Anki's options allow the same). */
export const LEECH_THRESHOLD_BOUNDS = { min: 1, max: 99 } as const;

/** Whether a card whose lapse count has just become `lapses` (by a lapse) is a leech at `threshold`. */
export function isLeech(lapses: number, threshold: number): boolean {
	if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`isLeech: not a threshold: ${threshold}`);
	return lapses >= threshold && (lapses - threshold) % Math.ceil(threshold / 2) === 0;
}

/** Whether the tags hold the leech tag (tags compare without case, as search does). */
export function hasLeechTag(tags: readonly string[]): boolean {
	return tags.some((tag) => tag.toLowerCase() === LEECH_TAG);
}

/** The tags with the leech tag added, once, after the others. */
export function withLeechTag(tags: readonly string[]): string[] {
	return hasLeechTag(tags) ? [...tags] : [...tags, LEECH_TAG];
}
