#!/usr/bin/env node
// Runs every bench/*.bench.ts (see bench/harness.ts), prints one line per
// figure and writes bench/results.json. `npm run bench -- sm2` runs only the
// files whose name contains "sm2". A benchmark that throws makes the run exit 1;
// a missed target does so only with `--strict` (figures vary between machines).
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const { values, positionals } = parseArgs({
	options: { strict: { type: 'boolean', default: false } },
	allowPositionals: true
});

const benchDir = resolve('bench');
const files = readdirSync(benchDir)
	.filter((name) => name.endsWith('.bench.ts'))
	.filter((name) => positionals.length === 0 || positionals.some((part) => name.includes(part)))
	.sort();

if (files.length === 0) {
	console.error(`bench: no bench/*.bench.ts file matches ${positionals.join(', ') || 'anything'}`);
	process.exit(1);
}

function formatNumber(value) {
	const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
	return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function verdict(value, target) {
	if (!target) return { met: null, text: '' };
	const parts = [];
	let met = true;
	if (target.max !== undefined) {
		parts.push(`<= ${formatNumber(target.max)}`);
		met &&= value <= target.max;
	}
	if (target.min !== undefined) {
		parts.push(`>= ${formatNumber(target.min)}`);
		met &&= value >= target.min;
	}
	return { met, text: ` (target ${parts.join(' and ')}: ${met ? 'met' : 'MISSED'})` };
}

const figures = [];
let errors = 0;
let missed = 0;
for (const file of files) {
	// Vite's module runner loads the TypeScript as the app's build would.
	const { module } = await runnerImport(join(benchDir, file), { configFile: false, logLevel: 'error' });
	for (const benchmark of module.benchmarks ?? []) {
		try {
			const value = await benchmark.run();
			const { met, text } = verdict(value, benchmark.target);
			if (met === false) missed++;
			figures.push({ file, name: benchmark.name, value, unit: benchmark.unit, target: benchmark.target ?? null, met });
			console.log(`${benchmark.name}: ${formatNumber(value)} ${benchmark.unit}${text}`);
		} catch (error) {
			errors++;
			figures.push({ file, name: benchmark.name, value: null, unit: benchmark.unit, error: String(error) });
			console.log(`${benchmark.name}: FAILED (${error instanceof Error ? error.message : String(error)})`);
		}
	}
}

const results = {
	date: new Date().toISOString(),
	node: process.version,
	cpu: cpus()[0]?.model ?? 'unknown',
	cores: cpus().length,
	figures
};
writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${figures.length} figures written to bench/results.json; ${missed} targets missed, ${errors} benchmarks failed`);
if (errors > 0 || (values.strict && missed > 0)) process.exit(1);
