/**
 * Gzip for backups. A full backup is JSON whose keys repeat in every row, so
 * it shrinks about tenfold: a backup of 60,000 cards and 390,000 reviews is
 * some 170 MB of JSON, over what a phone shares easily and near what an import
 * reads at once (MAX_IMPORT_BYTES), and about 15 MB compressed. Any file the
 * import reads may come gzipped; it expands under the same limit as a zip
 * archive, counted as it inflates, so a small bomb never takes the memory.
 */
import { Gunzip, gzipSync } from 'fflate';
import { refuse } from './notices';
import { joinPieces } from './bytes';
import { MAX_UNZIPPED_BYTES } from './zip';

export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** Compressed at fflate's default level; no date or name in the header, so equal data gives equal files. */
export function gzip(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	return gzipSync(bytes, { mtime: 0 });
}

class TooLarge extends Error {}

/** Pieces fed to the inflater at a time, so that the limit is checked as the output grows. */
const INPUT_PIECE = 1 << 20;

/** The file's bytes expanded; an ImportError when damaged or larger than `maxBytes`. */
export function gunzip(bytes: Uint8Array, name: string, maxBytes = MAX_UNZIPPED_BYTES): Uint8Array {
	const pieces: Uint8Array[] = [];
	let size = 0;
	let ended = false;
	const inflater = new Gunzip();
	inflater.ondata = (data, final) => {
		size += data.length;
		if (size > maxBytes) throw new TooLarge();
		pieces.push(data);
		if (final) ended = true;
	};
	try {
		for (let from = 0; from < bytes.length; from += INPUT_PIECE) inflater.push(bytes.subarray(from, from + INPUT_PIECE), from + INPUT_PIECE >= bytes.length);
	} catch (error) {
		if (error instanceof TooLarge) throw refuse('file-gzip-too-large', { name, maxBytes });
		const reason = error instanceof Error ? error.message : String(error);
		throw refuse('file-gzip-damaged', { name, reason });
	}
	// The trailer's last field is the data's length (mod 2^32): a file cut short ends on other bytes.
	const trailer = bytes.length >= 18 ? new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 4, 4).getUint32(0, true) : -1;
	if (!ended || trailer !== size % 2 ** 32) throw refuse('file-gzip-cut-short', { name });
	return joinPieces(pieces);
}
