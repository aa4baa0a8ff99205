/**
 * The hash an Anki package needs, synchronous and dependency-free (Web Crypto
 * is asynchronous): SHA-1 for a note's field checksum, as Anki computes it.
 */

const utf8 = new TextEncoder();

/** The message padded to whole 64-byte blocks, its bit length at the end (big-endian). */
function padded(bytes: Uint8Array): DataView {
	const length = Math.ceil((bytes.length + 9) / 64) * 64;
	const block = new Uint8Array(length);
	block.set(bytes);
	block[bytes.length] = 0x80;
	const view = new DataView(block.buffer);
	const bits = bytes.length * 8;
	view.setUint32(length - 8, Math.floor(bits / 2 ** 32));
	view.setUint32(length - 4, bits >>> 0);
	return view;
}

function rotl(value: number, by: number): number {
	return (value << by) | (value >>> (32 - by));
}

function digestBytes(state: Uint32Array): Uint8Array {
	const out = new Uint8Array(state.length * 4);
	const view = new DataView(out.buffer);
	state.forEach((word, index) => view.setUint32(index * 4, word));
	return out;
}

export function sha1(bytes: Uint8Array): Uint8Array {
	const message = padded(bytes);
	const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
	const w = new Uint32Array(80);
	for (let offset = 0; offset < message.byteLength; offset += 64) {
		for (let t = 0; t < 16; t++) w[t] = message.getUint32(offset + t * 4);
		for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1);
		let [a, b, c, d, e] = [state[0]!, state[1]!, state[2]!, state[3]!, state[4]!];
		for (let t = 0; t < 80; t++) {
			let f: number;
			let k: number;
			if (t < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999];
			else if (t < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1];
			else if (t < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc];
			else [f, k] = [b ^ c ^ d, 0xca62c1d6];
			const next = (rotl(a, 5) + f + e + k + w[t]!) | 0;
			[e, d, c, b, a] = [d, c, rotl(b, 30), a, next];
		}
		[a, b, c, d, e].forEach((word, index) => (state[index] = state[index]! + word));
	}
	return digestBytes(state);
}

/** Anki's note checksum: the first 4 bytes of the SHA-1 of the (already stripped) first field, big-endian. */
export function fieldChecksum(stripped: string): number {
	const digest = sha1(utf8.encode(stripped));
	return new DataView(digest.buffer).getUint32(0);
}
