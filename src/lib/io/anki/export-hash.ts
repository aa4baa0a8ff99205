/**
 * The two hashes an Anki package needs, synchronous and dependency-free (Web
 * Crypto is asynchronous): SHA-1 for a note's field checksum, as Anki computes
 * it, and SHA-256 for note guids, as genanki derives them.
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

const SHA256_K = new Uint32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
	0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
	0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
	0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);

export function sha256(bytes: Uint8Array): Uint8Array {
	const message = padded(bytes);
	const state = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
	const w = new Uint32Array(64);
	const rotr = (value: number, by: number) => (value >>> by) | (value << (32 - by));
	for (let offset = 0; offset < message.byteLength; offset += 64) {
		for (let t = 0; t < 16; t++) w[t] = message.getUint32(offset + t * 4);
		for (let t = 16; t < 64; t++) {
			const x = w[t - 15]!;
			const y = w[t - 2]!;
			const s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
			const s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
			w[t] = w[t - 16]! + s0 + w[t - 7]! + s1;
		}
		let [a, b, c, d, e, f, g, h] = [state[0]!, state[1]!, state[2]!, state[3]!, state[4]!, state[5]!, state[6]!, state[7]!];
		for (let t = 0; t < 64; t++) {
			const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[t]! + w[t]!) | 0;
			const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
			[h, g, f, e, d, c, b, a] = [g, f, e, (d + t1) | 0, c, b, a, (t1 + t2) | 0];
		}
		[a, b, c, d, e, f, g, h].forEach((word, index) => (state[index] = state[index]! + word));
	}
	return digestBytes(state);
}

/** Anki's base91 alphabet (and genanki's). */
const BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/**
 * A note guid from a stable key, as genanki's `guid_for(key)` makes it: the
 * first 8 bytes of the key's SHA-256 as a 64-bit number, written in base91
 * (at most 10 characters, like the random guids Anki makes).
 */
export function guidFor(key: string): string {
	let value = 0n;
	for (const byte of sha256(utf8.encode(key)).subarray(0, 8)) value = (value << 8n) | BigInt(byte);
	let out = '';
	while (value > 0n) {
		out = BASE91[Number(value % 91n)] + out;
		value /= 91n;
	}
	return out;
}

/** Anki's note checksum: the first 4 bytes of the SHA-1 of the (already stripped) first field, big-endian. */
export function fieldChecksum(stripped: string): number {
	const digest = sha1(utf8.encode(stripped));
	return new DataView(digest.buffer).getUint32(0);
}
