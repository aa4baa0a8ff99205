import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FOLLOW_RETRY_MS, followLive } from '../../../src/lib/db/live-follow';
import { RecallDatabase } from '../../../src/lib/db/schema';
import { freshDatabase } from './helpers';

let db: RecallDatabase;
const stops: (() => void)[] = [];

afterEach(async () => {
	for (const stop of stops.splice(0)) stop();
	vi.useRealTimers();
	vi.restoreAllMocks();
	await db?.delete();
});

/** Follows the number of decks; `refusals` reads fail first. Gives what was heard and the failures. */
function followDeckCount(refusals: number): { heard: number[]; failures: unknown[] } {
	const heard: number[] = [];
	const failures: unknown[] = [];
	let left = refusals;
	const read = () => (left-- > 0 ? Promise.reject(new DOMException('The disk is full', 'QuotaExceededError')) : db.decks.count());
	stops.push(followLive(read, (count) => heard.push(count), (error) => failures.push(error)));
	return { heard, failures };
}

const deck = (id: string) => ({ id, name: id, origin: 'manual' as const, tags: [], retired: false, createdAt: 0, updatedAt: 0 });

describe('followLive', () => {
	it('gives the read at once and after each change, in another connection (tab) too', async () => {
		db = freshDatabase();
		const { heard, failures } = followDeckCount(0);
		await vi.waitFor(() => expect(heard).toEqual([0]));
		const other = new RecallDatabase(db.name);
		await other.decks.put(deck('a'));
		await vi.waitFor(() => expect(heard).toEqual([0, 1]));
		other.close();
		expect(failures).toEqual([]);
	});

	it('follows again after its first read failed, waiting longer each time the store keeps failing', async () => {
		// The waits asked for are noted and not waited: what is tested is how long they are, not how long a test takes.
		const waits: number[] = [];
		const setTimeoutAsItIs = globalThis.setTimeout;
		vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
			if ((ms ?? 0) > 0) waits.push(ms!);
			return setTimeoutAsItIs(callback, 0);
		}) as typeof setTimeout);
		db = freshDatabase();
		const { heard, failures } = followDeckCount(3);
		await vi.waitFor(() => expect(heard).toEqual([0]));
		expect(failures).toHaveLength(3);
		expect(waits).toEqual([FOLLOW_RETRY_MS.first, 2 * FOLLOW_RETRY_MS.first, 4 * FOLLOW_RETRY_MS.first]);
		vi.restoreAllMocks();
		// Following again: a change is heard without any wait.
		await db.decks.put(deck('a'));
		await vi.waitFor(() => expect(heard).toEqual([0, 1]));
		expect(failures).toHaveLength(3);
	});

	it('stops for good when stopped, a retry waiting included', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		db = freshDatabase();
		const { heard, failures } = followDeckCount(1);
		await vi.advanceTimersByTimeAsync(0);
		await vi.waitFor(() => expect(failures).toHaveLength(1));
		// The retry is waiting; stopping drops it.
		expect(vi.getTimerCount()).toBe(1);
		stops.pop()!();
		expect(vi.getTimerCount()).toBe(0);
		await vi.advanceTimersByTimeAsync(FOLLOW_RETRY_MS.longest);
		expect(heard).toEqual([]);
		expect(failures).toHaveLength(1);
	});
});
