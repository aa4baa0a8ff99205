/**
 * Text work for an Anki export: cloze deletions from `==highlights==`, the
 * stripped sort field Anki checksums, media file names Anki accepts as they
 * are, tags, and field text Anki would not change on import.
 */
import { tidyDeckName } from '../../srs/deck-tree';

interface Span {
	/** Index of the opening `==`. */
	start: number;
	/** Index just past the closing `==`. */
	end: number;
}

const WHITESPACE = /\s/;

/** The end of a run of `char` starting at `index`. */
function runEnd(text: string, index: number, char: string): number {
	let end = index;
	while (text[end] === char) end++;
	return end;
}

/**
 * The `==highlight==` spans of a card side, read the way the app's renderer
 * reads them: exactly two `=`, not escaped, not inside a code span, an opening
 * one followed by text and a closing one preceded by it.
 */
export function highlightSpans(markdown: string): Span[] {
	const delimiters: number[] = [];
	let index = 0;
	while (index < markdown.length) {
		const char = markdown[index];
		if (char === '\\') {
			index += 2;
		} else if (char === '`') {
			const open = runEnd(markdown, index, '`');
			const width = open - index;
			let close = markdown.indexOf('`', open);
			while (close >= 0 && runEnd(markdown, close, '`') - close !== width) close = markdown.indexOf('`', runEnd(markdown, close, '`'));
			index = close >= 0 ? close + width : open;
		} else if (char === '=') {
			const end = runEnd(markdown, index, '=');
			if (end - index === 2) delimiters.push(index);
			index = end;
		} else {
			index++;
		}
	}
	const spans: Span[] = [];
	let opener: number | undefined;
	for (const at of delimiters) {
		const before = markdown[at - 1];
		const after = markdown[at + 2];
		if (opener !== undefined && before !== undefined && !WHITESPACE.test(before)) {
			spans.push({ start: opener, end: at + 2 });
			opener = undefined;
		} else if (after !== undefined && !WHITESPACE.test(after)) {
			opener = at;
		}
	}
	return spans;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The hints of a cloze card's blanks: its front is its back with each highlight
 * replaced by `[...]` or `[hint]` (escaped `\[hint\]` before a bracket or a
 * parenthesis). Undefined for a blank without a hint, or when the front does
 * not line up with the back.
 */
function blankHints(front: string, back: string, spans: readonly Span[]): (string | undefined)[] {
	let pattern = '^';
	let from = 0;
	for (const span of spans) {
		pattern += escapeRegExp(back.slice(from, span.start)) + '\\\\?\\[(.*?)\\\\?\\]';
		from = span.end;
	}
	pattern += escapeRegExp(back.slice(from)) + '$';
	const match = new RegExp(pattern, 's').exec(front);
	return spans.map((_, index) => {
		const hint = match?.[index + 1]?.trim();
		return hint === undefined || hint === '' || hint === '...' || hint === '…' ? undefined : hint;
	});
}

/**
 * A cloze card's text in Anki's syntax: its back with every highlight as a
 * deletion of cloze 1 (the highlights of one Recall card are one Anki card),
 * with the hint its front shows. Undefined when the back marks no deletion, or
 * when a deletion holds text that Anki's cloze syntax would misread.
 */
export function clozeText(front: string, back: string): string | undefined {
	const spans = highlightSpans(back);
	if (spans.length === 0 || /\{\{c\d+::/i.test(back)) return undefined;
	const hints = blankHints(front, back, spans);
	let out = '';
	let from = 0;
	for (const [index, span] of spans.entries()) {
		const text = back.slice(span.start + 2, span.end - 2);
		if (/\}\}|::|\{\{/.test(text)) return undefined;
		const hint = hints[index];
		const usableHint = hint !== undefined && !/\}\}|::|\{\{/.test(hint) ? `::${hint}` : '';
		out += `${back.slice(from, span.start)}{{c1::${text}${usableHint}}}`;
		from = span.end;
	}
	return out + back.slice(from);
}

/**
 * The same for a cloze card in HTML (imported from Anki): its back marks each
 * deletion with `<mark>`, as the importer renders Anki's clozes.
 */
export function htmlClozeText(back: string): string | undefined {
	let found = false;
	let unreadable = false;
	const text = back.replace(/<mark\b[^>]*>([\s\S]*?)<\/mark>/gi, (_, inner: string) => {
		found = true;
		if (/\}\}|::|\{\{|<mark\b/i.test(inner)) unreadable = true;
		return `{{c1::${inner}}}`;
	});
	return found && !unreadable && !/\{\{c\d+::/i.test(back) ? text : undefined;
}

/** How many cloze deletions (of any number) a field holds. */
export function countClozes(html: string): number {
	return html.match(/\{\{c\d+::/gi)?.length ?? 0;
}

// --- what Anki makes of a field ---------------------------------------------

/** Control characters Anki drops from fields (it keeps tab and newline); 0x1f would split the field. */
const FIELD_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A field as Anki stores it after import: without control characters, in NFC. */
export function cleanField(html: string): string {
	return html.replace(FIELD_CONTROL, '').normalize('NFC');
}

/** `<img src=...>` and the other media tags, as Anki's HTML_MEDIA_TAGS finds them. */
const MEDIA_TAG = /<\b(?:img|audio|video|object)\b(?:[^>"']|"[^"]*?"|'[^']*?')*?\b(?:src|data)\b=(?:"([^"]+?)"[^>]*>|'([^']+?)'[^>]*>|([^ >]+?)(?:\x20[^>]*>|>))/gis;
/** Comments, style and script elements, and any other tag, as Anki's HTML regex finds them. */
const HTML_TAG = /<!--.*?-->|<style.*?>.*?<\/style>|<script.*?>.*?<\/script>|<.*?>/gis;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] === '#') {
				const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
				return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
			}
			return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
		})
		.replaceAll('\u00a0', ' ');
}

/**
 * Anki's `strip_html_preserving_media_filenames`: media tags become their file
 * name between spaces, other markup goes, entities are decoded. `sfld` holds
 * this text of the sort field and `csum` is a checksum of it.
 */
export function stripHtmlPreservingMedia(html: string): string {
	const withNames = html.replace(MEDIA_TAG, (_, double?: string, single?: string, bare?: string) => ` ${double ?? single ?? bare ?? ''} `);
	return decodeEntities(withNames.replace(HTML_TAG, ''));
}

// --- media names and tags ------------------------------------------------------

/** Characters Anki removes from media file names. */
const MEDIA_NAME_DISALLOWED = /[[\]<>:"?*^|\u0000-\u001f\u007f]/g;
const WINDOWS_DEVICE_NAME = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\.|$)/i;
/** Anki truncates longer names (in UTF-8 bytes). */
const MAX_MEDIA_NAME_BYTES = 120;

function utf8Length(text: string): number {
	return new TextEncoder().encode(text).length;
}

/**
 * A media file name that Anki keeps as it is (so that the cards' references
 * still find it): NFC, no folders (`a/b.png` → `a_b.png`), none of the
 * characters Anki removes, no Windows device name, at most 120 bytes.
 */
export function ankiMediaName(name: string): string {
	let out = name
		.normalize('NFC')
		.replace(/[/\\]/g, '_')
		.replace(MEDIA_NAME_DISALLOWED, '')
		.replaceAll('\u00a0', ' ')
		.trim();
	out = out.replace(WINDOWS_DEVICE_NAME, '$1_$2');
	if (/[. ]$/.test(out)) out += '_';
	if (out === '' || out === '_') out = 'media';
	if (utf8Length(out) > MAX_MEDIA_NAME_BYTES) {
		const dot = out.lastIndexOf('.');
		const extension = dot > 0 && out.length - dot <= 10 ? out.slice(dot) : '';
		let stem = [...out.slice(0, out.length - extension.length)];
		while (stem.length > 0 && utf8Length(stem.join('') + extension) > MAX_MEDIA_NAME_BYTES) stem = stem.slice(0, -1);
		out = stem.join('') + extension;
	}
	return out;
}

/** `name` made unique among `taken` (compared without case, as on a Mac or Windows disk) with `-2`, `-3`… before the extension. */
export function uniqueName(name: string, taken: Set<string>): string {
	let candidate = name;
	const dot = name.lastIndexOf('.');
	const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
	for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${extension}`;
	taken.add(candidate.toLowerCase());
	return candidate;
}

/** A tag as Anki keeps it: no spaces (they separate tags), no control characters, NFC. */
export function ankiTag(tag: string): string {
	return tag.normalize('NFC').replace(FIELD_CONTROL, '').trim().replace(/\s+/g, '_');
}

/** `notes.tags`: space-separated, with a space before and after, as Anki writes them. */
export function notesTagsColumn(tags: readonly string[]): string {
	return tags.length === 0 ? '' : ` ${tags.join(' ')} `;
}

/** A deck name as Anki keeps it: NFC without control characters, tidied as the app tidies one (`tidyDeckName`). */
export function ankiDeckName(name: string): string {
	return tidyDeckName(name.normalize('NFC').replace(FIELD_CONTROL, ''));
}
