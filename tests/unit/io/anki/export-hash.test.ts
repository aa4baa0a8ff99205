import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fieldChecksum, sha1 } from '../../../../src/lib/io/anki/export-hash';

describe('export hashes', () => {
	it('hashes like node:crypto at every padding boundary', () => {
		for (let length = 0; length <= 130; length++) {
			const bytes = Uint8Array.from({ length }, (_, index) => (index * 31 + 7) & 0xff);
			expect(Buffer.from(sha1(bytes)).toString('hex')).toBe(createHash('sha1').update(bytes).digest('hex'));
		}
	});

	it('checksums a field as Anki does: the first 4 bytes of its SHA-1, big-endian', () => {
		for (const text of ['', 'Question', '리전 이란?']) {
			expect(fieldChecksum(text)).toBe(parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16));
		}
	});
});
