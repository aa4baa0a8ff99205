/**
 * The names of a zip archive's entries as an unzip tool shows them. fflate
 * reads a name without the UTF-8 flag (general purpose bit 11) as Latin-1, but
 * Info-ZIP's `zip` (the Linux and macOS default) writes UTF-8 names without
 * that flag: Korean names came out as `í\x95\x9c…`. Here, as modern unzip
 * tools do: the flag, else Info-ZIP's Unicode Path extra field (0x7075) when
 * its checksum matches the name, else the bytes as UTF-8 when they are valid
 * UTF-8, else CP949 for an archive made on a Korean Windows (below), else CP437
 * (what the zip specification says such names are).
 *
 * Windows' own "Compress to zip" and most Windows tools write names in the
 * system's OEM code page, unflagged: CP949 on a Korean Windows. Nothing in the
 * archive says so, and any bytes read as CP437, so the archive is read as
 * Korean only when its names are made of KS X 1001 pairs (both bytes
 * 0xA1–0xFE), with Hangul among them. CP437 names almost never look like
 * that: there those bytes are box drawing, Greek and maths signs, and its
 * accented letters stand alone. Names with one of the 8,822 rare syllables
 * only CP949's extension has (똠, 햏) are left as CP437, as they were.
 */

const UTF8_FLAG = 0x800;
const UNICODE_PATH = 0x7075;

// The upper half of code page 437; its lower half is ASCII.
const CP437_HIGH =
	'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
	crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	let crc = 0xffffffff;
	for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function utf8OrUndefined(bytes: Uint8Array): string | undefined {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

/** Whether every byte over 0x7f pairs up as a KS X 1001 character (both bytes 0xA1–0xFE). */
function isKsText(bytes: Uint8Array): boolean {
	for (let at = 0; at < bytes.length; at++) {
		const lead = bytes[at] as number;
		if (lead < 0x80) continue;
		const trail = bytes[at + 1] ?? 0;
		if (lead < 0xa1 || lead > 0xfe || trail < 0xa1 || trail > 0xfe) return false;
		at++;
	}
	return true;
}

/** Whether a KS X 1001 name has a Hangul syllable (lead byte 0xB0–0xC8). */
function hasKsHangul(bytes: Uint8Array): boolean {
	for (let at = 0; at < bytes.length; at++) {
		const lead = bytes[at] as number;
		if (lead < 0x80) continue;
		if (lead >= 0xb0 && lead <= 0xc8) return true;
		at++;
	}
	return false;
}

function cp437(bytes: Uint8Array): string {
	let text = '';
	for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
	return text;
}

/** The UTF-8 name of an Info-ZIP Unicode Path field that belongs to `raw` (its CRC-32 says so). */
function unicodePath(view: DataView, extra: number, extraEnd: number, raw: Uint8Array): string | undefined {
	for (let at = extra; at + 4 <= extraEnd; ) {
		const id = view.getUint16(at, true);
		const size = view.getUint16(at + 2, true);
		const data = at + 4;
		if (data + size > extraEnd) return undefined;
		if (id === UNICODE_PATH && size >= 5 && view.getUint8(data) === 1 && view.getUint32(data + 1, true) === crc32(raw)) {
			return utf8OrUndefined(new Uint8Array(view.buffer, view.byteOffset + data + 5, size - 5));
		}
		at = data + size;
	}
	return undefined;
}

/** An entry's name from its directory record's bytes, or its raw bytes when only the archive's code page can say. */
function decodeEntryName(raw: Uint8Array, flags: number, unicode?: string): string | Uint8Array {
	if (flags & UTF8_FLAG) return new TextDecoder().decode(raw);
	return unicode ?? utf8OrUndefined(raw) ?? raw;
}

/** The names in the archive's legacy code page: CP949 when they read as Korean (see the top), else CP437. */
function decodeLegacyNames(names: readonly (string | Uint8Array)[]): string[] {
	const legacy = names.filter((name): name is Uint8Array => typeof name !== 'string');
	const korean = legacy.every(isKsText) && legacy.some(hasKsHangul);
	// KS X 1001 reads the same in every engine's `euc-kr` decoder (Chromium's is Windows' CP949; Node's ICU one lacks CP949's extension).
	const decoder = korean ? new TextDecoder('euc-kr') : undefined;
	return names.map((name) => (typeof name === 'string' ? name : decoder ? decoder.decode(name) : cp437(name)));
}

/**
 * Every entry's name, in the order of the archive's central directory (the
 * order fflate reads it in), or undefined when the directory cannot be read
 * (fflate then says what is wrong with the archive).
 */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let end = bytes.length - 22;
	while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) {
		if (bytes.length - end > 65557) return undefined;
		end--;
	}
	if (end < 0) return undefined;
	let count = view.getUint16(end + 10, true);
	let at = view.getUint32(end + 16, true);
	if (end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
		const zip64 = view.getUint32(end - 12, true);
		if (zip64 + 56 <= bytes.length && view.getUint32(zip64, true) === 0x06064b50) {
			count = view.getUint32(zip64 + 32, true);
			at = view.getUint32(zip64 + 48, true);
		}
	}
	const names: (string | Uint8Array)[] = [];
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
		const flags = view.getUint16(at + 8, true);
		const nameLength = view.getUint16(at + 28, true);
		const extraLength = view.getUint16(at + 30, true);
		const commentLength = view.getUint16(at + 32, true);
		const extra = at + 46 + nameLength;
		if (extra + extraLength > bytes.length) return undefined;
		const raw = bytes.subarray(at + 46, extra);
		names.push(decodeEntryName(raw, flags, flags & UTF8_FLAG ? undefined : unicodePath(view, extra, extra + extraLength, raw)));
		at = extra + extraLength + commentLength;
	}
	return decodeLegacyNames(names);
}
