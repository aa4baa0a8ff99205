/**
 * What a benchmark file exports: `export const benchmarks: Benchmark[]`.
 * `scripts/bench.mjs` finds every `bench/*.bench.ts`, runs each benchmark in
 * turn, prints one line per figure and writes them all to bench/results.json.
 */
export interface Target {
	/** The figure must be at most this much (times, sizes). */
	max?: number;
	/** The figure must be at least this much (throughputs, scores). */
	min?: number;
}

export interface Benchmark {
	/** What is measured, as a person reads it: "sm2 grades per second". */
	name: string;
	unit: string;
	target?: Target;
	/** Measures once and returns the figure. */
	run: () => number | Promise<number>;
}

/** The best (highest) of `rounds` throughput measurements, after one warm-up round. */
export function bestThroughput(rounds: number, work: () => number): number {
	work(); // warm-up: let the JIT compile the hot path before anything is timed
	let best = 0;
	for (let round = 0; round < rounds; round++) {
		const start = performance.now();
		const units = work();
		const seconds = (performance.now() - start) / 1000;
		best = Math.max(best, units / seconds);
	}
	return best;
}

/** A small seeded PRNG (mulberry32), so every run measures the same input. */
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
