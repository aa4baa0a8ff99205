/**
 * Search patterns: text with `*` wildcards, compared case-insensitively.
 *
 * Text is compared in Unicode NFC and lower case, so a Hangul syllable matches
 * whether it was stored composed or as separate jamo (NFD, as macOS file names
 * and some copied text have it), and "AWS" matches "aws".
 */

/** A pattern as the query wrote it and as it is compared. */
export interface Pattern {
	/** As typed, `*` for each wildcard (for messages and display). */
	source: string;
	/** Normalised text between the wildcards: one part when there is no wildcard. */
	parts: string[];
}

const ASCII = /^[\x00-\x7f]*$/;

/** The form text is compared in: NFC, lower case. */
export function normalizeText(text: string): string {
	// ASCII is already NFC: skip the normalisation, which is most of the cost.
	return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFC').toLowerCase();
}

/** A pattern from its parts as typed, split at the wildcards. */
export function patternOf(typedParts: readonly string[]): Pattern {
	return { source: typedParts.join('*'), parts: typedParts.map(normalizeText) };
}

export function hasWildcard(pattern: Pattern): boolean {
	return pattern.parts.length > 1;
}

/** The pattern occurs somewhere in `text` (normalised). */
export function containsPattern(text: string, parts: readonly string[]): boolean {
	if (parts.length === 1) return text.includes(parts[0]!);
	// Each part at its first place after the one before: the leftmost match is never worse.
	let at = 0;
	for (const part of parts) {
		const found = text.indexOf(part, at);
		if (found < 0) return false;
		at = found + part.length;
	}
	return true;
}

/** The whole of `text` (normalised) matches the pattern. */
export function matchesPattern(text: string, parts: readonly string[]): boolean {
	const first = parts[0]!;
	if (parts.length === 1) return text === first;
	const last = parts[parts.length - 1]!;
	const end = text.length - last.length;
	if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
	let at = first.length;
	for (let i = 1; i < parts.length - 1; i++) {
		const part = parts[i]!;
		const found = text.indexOf(part, at);
		if (found < 0 || found + part.length > end) return false;
		at = found + part.length;
	}
	return true;
}

/** The parts of "the pattern, or anything under it": `pattern::*`, for Anki's nested deck and tag names. */
export function childParts(parts: readonly string[]): string[] {
	return [...parts.slice(0, -1), `${parts[parts.length - 1]!}::`, ''];
}
