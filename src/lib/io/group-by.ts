/** Items by a key, in their order: Map.groupBy, which Node 20 lacks. Used by the importers and the store's merge. */
export function groupBy<K, V>(items: Iterable<V>, key: (item: V) => K): Map<K, V[]> {
	const groups = new Map<K, V[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}
