/**
 * Where a card stands, as an indexable number (IndexedDB cannot index
 * booleans): queue ranges make "due in this deck today" and "new cards in
 * order" index reads instead of scans. Part of the pure layer: the store
 * indexes it, and statistics and search read it.
 */
export const Queue = {
	new: 0,
	scheduled: 1,
	suspended: -1,
	retired: -2
} as const;
export type QueueValue = (typeof Queue)[keyof typeof Queue];
