/**
 * Follows a read of the store in every tab (Dexie's liveQuery), and keeps
 * following after the read fails. A live query whose read fails has no record
 * of what it read: failing on its first read, it never runs again, and a page
 * that showed the store would go on showing it as it was until reloaded. Here
 * a failed read is followed afresh after a wait, longer each time the store
 * keeps failing, so that the page catches up once the store works again.
 */
import { liveQuery } from 'dexie';

/** The first wait after a failed read, and the longest: a store failing for long is asked again twice a minute. */
export const FOLLOW_RETRY_MS = { first: 1_000, longest: 30_000 };

/**
 * Calls `next` with what `read` gives, at once and after each change to what it read (in any tab).
 * `failed` hears each failed read; following goes on after it. Returns the stop.
 */
export function followLive<T>(read: () => Promise<T>, next: (value: T) => void, failed: (error: unknown) => void): () => void {
	let subscription: { unsubscribe(): void } | undefined;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let wait = FOLLOW_RETRY_MS.first;
	let stopped = false;

	function follow(): void {
		retry = undefined;
		subscription = liveQuery(read).subscribe({
			next: (value) => {
				wait = FOLLOW_RETRY_MS.first;
				next(value);
			},
			error: (error: unknown) => {
				failed(error);
				subscription?.unsubscribe();
				subscription = undefined;
				if (stopped || retry !== undefined) return;
				retry = setTimeout(follow, wait);
				wait = Math.min(wait * 2, FOLLOW_RETRY_MS.longest);
			}
		});
	}

	follow();
	return () => {
		stopped = true;
		clearTimeout(retry);
		subscription?.unsubscribe();
	};
}
