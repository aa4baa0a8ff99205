/** The store's name and queue numbers, apart from schema.ts so that the Dexie-free reader (quick-read.ts) can use them. */

export const DB_NAME = 'recall';

/**
 * Where a card stands, as an indexable number (IndexedDB cannot index
 * booleans): queue ranges make "due in this deck today" and "new cards in
 * order" index reads instead of scans.
 */
export const Queue = {
	new: 0,
	scheduled: 1,
	suspended: -1,
	retired: -2
} as const;
export type QueueValue = (typeof Queue)[keyof typeof Queue];
