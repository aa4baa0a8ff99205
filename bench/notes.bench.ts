import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDeck } from '../src/lib/notes/generate';
import type { Benchmark } from './harness';

const SEED = readFileSync(fileURLToPath(new URL('../decks/AWS-기초.md', import.meta.url)), 'utf8');

/** Other styles of notes, so the corpus is not one note's shape repeated. */
const ENGLISH = `## Operating systems {n}

A **process** is a program in execution; a **thread** is a unit of scheduling inside it.

- **PID**: the process identifier
- **PCB** - the process control block, kept by the kernel
- Zombie: a process that has exited but was not reaped
  - its parent must call \`wait()\`

### Booting
1. Firmware runs the power-on self test
2. The bootloader loads the kernel image
3. The kernel mounts the root file system
4. \`init\` starts the services

| signal | number | default |
|---|---|---|
| SIGTERM | 15 | terminate |
| SIGKILL | 9 | terminate, cannot be caught |

What does \`fork()\` return in the child?::0
Virtual memory:::a per-process view of memory backed by pages
The scheduler gives each thread a ==time slice== in turn; {{c1::round robin}} is the simplest policy.

Explain copy-on-write
?
Pages are shared after fork() until one side writes; then the page is copied.
`;

const OBSIDIAN = `---
deck: Biology {n}
tags: [bio, cells]
---
# Cells

## Organelles
- **Mitochondria**: make ATP by cellular respiration
- **Ribosome**: builds proteins from mRNA
- **Golgi apparatus**: packages proteins
> Remember: the nucleus holds the DNA.

## Mitosis
**Phases**
- prophase
- metaphase
- anaphase
- telophase
`;

function corpus(bytes: number): string {
	const parts: string[] = [];
	let size = 0;
	for (let n = 0; size < bytes; n++) {
		const note = [SEED, ENGLISH, OBSIDIAN][n % 3] as string;
		const text = note.replaceAll('{n}', String(n));
		parts.push(text);
		size += Buffer.byteLength(text);
	}
	return parts.join('\n\n');
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] as number;
}

export const benchmarks: Benchmark[] = [
	{
		name: 'generate the seed deck (median of 50)',
		unit: 'ms',
		target: { max: 50 },
		run() {
			for (let i = 0; i < 10; i++) generateDeck(SEED, { file: 'AWS-기초.md' });
			const times: number[] = [];
			for (let i = 0; i < 50; i++) {
				const start = performance.now();
				generateDeck(SEED, { file: 'AWS-기초.md' });
				times.push(performance.now() - start);
			}
			return median(times);
		}
	},
	{
		name: 'generator throughput on a 5 MB corpus of varied notes',
		unit: 'MB/s',
		target: { min: 1 },
		run() {
			const text = corpus(5 * 1024 * 1024);
			const megabytes = Buffer.byteLength(text) / (1024 * 1024);
			generateDeck(text.slice(0, 200_000), { file: 'warm-up.md' });
			const start = performance.now();
			const { deck } = generateDeck(text, { file: 'corpus.md' });
			const seconds = (performance.now() - start) / 1000;
			if (deck.cards.length < 1000) throw new Error(`the corpus made only ${deck.cards.length} cards`);
			return megabytes / seconds;
		}
	}
];
