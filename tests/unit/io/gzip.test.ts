import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/io/bundle';
import { gunzip, gzip, isGzip } from '../../../src/lib/io/gzip';

const text = (value: string) => new TextEncoder().encode(value);

describe('gzip', () => {
	it('compresses a backup’s repetitive JSON to a fraction, with no date in the header, and back', () => {
		const rows = Array.from({ length: 5_000 }, (_, i) => ({ id: `r${i}`, card: `c${i % 500}`, grade: 4, before: { state: { repetitions: 1, easiness: 2.5, interval: 1 } } }));
		const json = text(JSON.stringify({ format: 'recall-backup', version: 1, reviews: rows }));
		const packed = gzip(json);
		expect(isGzip(packed)).toBe(true);
		expect(packed.length).toBeLessThan(json.length / 8);
		// MTIME, bytes 4-7 of the header: zero, so the same backup makes the same file whenever it is made.
		expect([...packed.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
		expect(gzip(json)).toEqual(packed);
		expect(gunzipSync(packed)).toEqual(json);
		expect(gunzip(packed, 'b.json.gz')).toEqual(json);
	});

	it('expands across the pieces it is fed in (a file over a megabyte)', () => {
		const big = new Uint8Array(3 * 1024 * 1024 + 17);
		let state = 7;
		for (let i = 0; i < big.length; i++) {
			state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
			big[i] = state >>> 24;
		}
		const packed = gzip(big);
		expect(packed.length).toBeGreaterThan(1024 * 1024);
		const expanded = gunzip(packed, 'noise.gz');
		// Compared as bytes: toEqual walks 3 million elements one by one, seconds on a busy machine.
		expect(expanded.length).toBe(big.length);
		expect(Buffer.compare(expanded, big)).toBe(0);
	});

	it('refuses to expand past its limit, counting as it inflates', () => {
		const bomb = gzip(new Uint8Array(4 * 1024 * 1024));
		expect(bomb.length).toBeLessThan(10_000);
		expect(() => gunzip(bomb, 'bomb.json.gz', 1024 * 1024)).toThrow(ImportError);
		expect(() => gunzip(bomb, 'bomb.json.gz', 1024 * 1024)).toThrow(/“bomb.json.gz” expands to more than 1 MB/);
	});

	it('names a damaged or cut-short file', () => {
		const packed = gzip(text('hello '.repeat(10_000)));
		expect(() => gunzip(packed.subarray(0, packed.length - 20), 'short.gz')).toThrow(/“short.gz” is a gzip file cut short|damaged gzip/);
		expect(() => gunzip(packed.subarray(0, packed.length - 3), 'short.gz')).toThrow(/“short.gz” is a gzip file cut short/);
		expect(isGzip(text('{"format":'))).toBe(false);
	});
});
