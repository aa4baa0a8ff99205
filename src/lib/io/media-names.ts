/**
 * Names of media files, and how a card or a note refers to them: what is a
 * file's name rather than a URL, the spellings a name written in HTML or
 * Markdown may stand for, and how a name written in a note finds a file whose
 * name differs from it only in case. Pure: the exports, the missing-image
 * warnings, the store's lookups and the notes import all ask here.
 */
import { groupBy } from './group-by';

/** A URL (https:, data:, blob:, //host), a path from the site's root, an anchor or a query: never a file a card carries. */
const NOT_A_FILE = /^(?:[a-z][a-z0-9+.-]*:|[/\\#?])/i;

/** Whether `src` names a media file (a stored name or a relative path), not a URL. */
export function isMediaName(src: string): boolean {
	return src.trim() !== '' && !NOT_A_FILE.test(src);
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references a src attribute may hold. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name.startsWith('#')) {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

function safeDecodeUri(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/**
 * The names of files that `src`, as card HTML or Markdown writes it, may mean,
 * as written first: with its character references decoded, then percent-decoded
 * (`my%20map.png` is `my map.png`, as Anki writes names and as markdown-it
 * encodes them), each also in Unicode's NFC. `%zz.png`, not valid
 * percent-encoding, is only itself.
 */
export function referenceCandidates(src: string): string[] {
	const decoded = decodeEntities(src);
	const candidates = [src, decoded, safeDecodeUri(decoded)];
	return [...new Set(candidates.flatMap((name) => [name, name.normalize('NFC')]))];
}

/**
 * A name written in a note or card as people read it, for messages: markdown-it
 * percent-encodes a link (`img/%ED%95%9C.png` is `img/한.png`). Each run of
 * percent-encoding is decoded on its own, so a malformed one (`100%.png`,
 * `%zz`) stays as written and does not keep the rest encoded.
 */
export function readableName(src: string): string {
	return src.replace(/(?:%[0-9a-f]{2})+/gi, safeDecodeUri);
}

/** A name as a file system that ignores case compares it (and Unicode's composed and decomposed forms alike). */
export function foldName(name: string): string {
	return name.normalize('NFC').toLowerCase();
}

export type NameMatch<T> = { found: T } | { ambiguous: true } | undefined;

/**
 * The one item that passes the first of `tests` that any item passes, tried in
 * order (the strictest first); several items passing it are ambiguous: none is
 * guessed, and no later test is tried.
 */
export function matchFirst<T>(items: readonly T[], tests: readonly ((item: T) => boolean)[]): NameMatch<T> {
	for (const test of tests) {
		const passing = items.filter(test);
		if (passing.length > 1) return { ambiguous: true };
		if (passing.length === 1) return { found: passing[0] as T };
	}
	return undefined;
}

/**
 * A lookup among many names, for many lookups (an Anki package's thousands of
 * media): a name itself; else the one name that differs from it only in case
 * (`Diagram.PNG` finds `diagram.png`: most learners' files come from a system
 * that ignores case); several alike are ambiguous.
 */
export function nameLookup(names: Iterable<string>): (name: string) => NameMatch<string> {
	const exact = new Set(names);
	const alike = groupBy(exact, foldName);
	return (name) => {
		if (exact.has(name)) return { found: name };
		const list = alike.get(foldName(name)) ?? [];
		if (list.length > 1) return { ambiguous: true };
		return list.length === 1 ? { found: list[0] as string } : undefined;
	};
}
