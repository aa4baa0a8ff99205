/**
 * The stamp of a change that merges settle by last writer wins (a card's `statusAt` and `contentAt`, a deck's
 * `nameAt`), made at `now`: at least a millisecond past the stamp it replaces (`previous`). A clock set back
 * since the last change (an NTP fix, a wrong clock corrected) would otherwise date this change before that one,
 * and an older backup imported next would undo it. A record without that stamp yet takes `now`.
 */
export function stampAfter(previous: number | undefined, now: number): number {
	return previous === undefined ? now : Math.max(now, previous + 1);
}
