/**
 * mulberry32: a tiny seeded PRNG. Good enough to shuffle cards and to make
 * benchmark input, and the same sequence in Node and every browser.
 */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/**
 * A card's place in the day's random order of new cards: a hash of the seed
 * (the study day) and the card's id, in [0, 2^32). Each card's place depends on
 * nothing else, so the order of the others stays when cards come or go, and the
 * store can pick a day's first cards of a large deck from their ids alone
 * (db/queue.ts), without reading every card.
 */
export function randomRank(seed: number, id: string): number {
	// FNV-1a over the id's UTF-16 code units, then mulberry32's finalizer with the seed mixed in.
	let hash = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
	let t = (hash ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return (t ^ (t >>> 14)) >>> 0;
}

/** The items in the day's random order (`randomRank`), ties (never in practice) by id; on a copy. */
export function inRandomOrder<T extends { id: string }>(items: readonly T[], seed: number): T[] {
	const ranks = new Map(items.map((item) => [item.id, randomRank(seed, item.id)]));
	return items.slice().sort((a, b) => (ranks.get(a.id) as number) - (ranks.get(b.id) as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
