/**
 * Bytes of a note file to text, or a clear reason why they are not a note.
 * Pure (TextDecoder is in Node and every browser): the CLI, the build and the
 * phone's import all read notes through it.
 */
import { sayNote, type NoteNotice } from './warnings';

/** Larger notes are refused: nobody writes 32 MB of study notes by hand. */
export const MAX_NOTE_BYTES = 32 * 1024 * 1024;

export type DecodedNote =
	| { ok: true; text: string; warnings: NoteNotice[] }
	| { ok: false; error: NoteNotice };

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((byte, index) => bytes[index] === byte);
}

function decode(bytes: Uint8Array, encoding: string): string | undefined {
	try {
		return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return undefined;
	}
}

export function decodeNoteBytes(bytes: Uint8Array): DecodedNote {
	if (bytes.length > MAX_NOTE_BYTES) {
		// To the tenth shown, so every language shows the same number.
		const megabytes = Math.round((bytes.length / 1024 / 1024) * 10) / 10;
		return { ok: false, error: sayNote('note-too-large', { megabytes, limit: MAX_NOTE_BYTES / 1024 / 1024 }) };
	}
	return decodeTextBytes(bytes);
}

/**
 * Bytes of any text file (a note, a CSV file) to text, whatever its size: UTF-8
 * with or without a byte order mark, UTF-16 with one, or EUC-KR with Hangul in
 * it. The error's English completes a sentence that starts with the file's name.
 */
export function decodeTextBytes(bytes: Uint8Array): DecodedNote {
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		const text = decode(bytes, startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : 'utf-16be');
		return text === undefined
			? { ok: false, error: sayNote('note-not-utf16') }
			: { ok: true, text, warnings: [sayNote('note-read-as-utf16')] };
	}
	// NUL bytes never occur in a text note, and are the surest sign of a binary file.
	if (bytes.subarray(0, 8192).includes(0)) {
		return { ok: false, error: sayNote('note-binary') };
	}
	const utf8 = decode(bytes, 'utf-8');
	if (utf8 !== undefined) return { ok: true, text: utf8, warnings: [] };

	// Notes written on Korean Windows are often EUC-KR (CP949).
	const korean = decode(bytes, 'euc-kr');
	if (korean !== undefined && /[\uac00-\ud7a3]/.test(korean)) {
		return { ok: true, text: korean, warnings: [sayNote('note-read-as-euc-kr')] };
	}
	return { ok: false, error: sayNote('note-not-utf8') };
}
