/**
 * zstd decompression (fzstd) that refuses to grow past a byte budget: Anki's
 * latest packages compress the collection and every media file, and a small
 * frame may claim or produce gigabytes.
 */
import { Decompress } from 'fzstd';
import { joinPieces } from '../bytes';

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd] as const;

export function isZstd(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && MAGIC.every((byte, i) => bytes[i] === byte);
}

/** Thrown when the output would pass the budget. */
export class ZstdTooLargeError extends Error {
	override name = 'ZstdTooLargeError';
}

function littleEndian(bytes: Uint8Array, at: number, length: number): number {
	let value = 0;
	for (let i = length - 1; i >= 0; i--) value = value * 256 + (bytes[at + i] ?? 0);
	return value;
}

/**
 * What the first frame's header says it needs: its window (the buffer the
 * decoder allocates up front) or, for a single-segment frame, its content size.
 */
function declaredFrameSize(bytes: Uint8Array): number {
	const descriptor = bytes[4] ?? 0;
	const singleSegment = (descriptor >> 5) & 1;
	const contentSizeFlag = descriptor >> 6;
	const dictionaryFlag = descriptor & 3;
	let at = 5;
	let window = 0;
	if (!singleSegment) {
		const windowDescriptor = bytes[at++] ?? 0;
		const base = 2 ** (10 + (windowDescriptor >> 3));
		window = base + (base / 8) * (windowDescriptor & 7);
	}
	at += dictionaryFlag === 3 ? 4 : dictionaryFlag;
	const sizeBytes = contentSizeFlag === 0 ? singleSegment : 2 ** contentSizeFlag;
	const contentSize = sizeBytes === 0 ? 0 : littleEndian(bytes, at, sizeBytes) + (sizeBytes === 2 ? 256 : 0);
	return Math.max(window, contentSize);
}

/**
 * The decompressed bytes. Throws ZstdTooLargeError past `maxBytes`, and
 * fzstd's own error for damaged data.
 */
export function zstdDecompress(bytes: Uint8Array, maxBytes: number): Uint8Array {
	if (declaredFrameSize(bytes) > maxBytes) throw new ZstdTooLargeError();
	const chunks: Uint8Array[] = [];
	let total = 0;
	const stream = new Decompress((chunk) => {
		total += chunk.length;
		if (total > maxBytes) throw new ZstdTooLargeError();
		chunks.push(chunk);
	});
	stream.push(bytes, true);
	return joinPieces(chunks);
}
