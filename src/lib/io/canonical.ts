/**
 * A value as JSON with every object's keys in code point order: the same text for the same value on every
 * device, whatever order its fields were set in. Merges break a tie between two versions of a record by it,
 * so that the winner does not depend on which one was read first.
 */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_, item: unknown) =>
		item !== null && typeof item === 'object' && !Array.isArray(item) && !ArrayBuffer.isView(item)
			? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: item
	);
}
