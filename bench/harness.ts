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

export { seededRandom } from '../src/lib/srs/random';
