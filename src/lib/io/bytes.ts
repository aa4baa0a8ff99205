/** The pieces a streaming decompressor gave, as one array (the piece itself when there is one). */
export function joinPieces(pieces: readonly Uint8Array[]): Uint8Array {
	if (pieces.length === 1) return pieces[0] as Uint8Array;
	let total = 0;
	for (const piece of pieces) total += piece.length;
	const out = new Uint8Array(total);
	let at = 0;
	for (const piece of pieces) {
		out.set(piece, at);
		at += piece.length;
	}
	return out;
}
