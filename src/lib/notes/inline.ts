/**
 * Inline Markdown (markdown-it's inline tokens) as *lines of marked text*.
 *
 * People write one fact per line, even inside one Markdown paragraph, so the
 * generator reads a paragraph line by line. Each line is a string in which
 * formatting is kept as private-use marker characters: the rules can then
 * match "bold term, colon, definition" with plain regular expressions, and the
 * sides are written out as clean Markdown (or plain text) at the end.
 */
import type { Token } from 'markdown-it';
import { audioTypeOf } from '../io/media-types';
import { MAX_IMAGE_WIDTH } from './image-width';
import { withoutTrailingBlanks } from './text';

export const STRONG_OPEN = '\ue000';
export const STRONG_CLOSE = '\ue001';
export const EM_OPEN = '\ue002';
export const EM_CLOSE = '\ue003';
export const CODE_OPEN = '\ue004';
export const CODE_CLOSE = '\ue005';
export const MARK_OPEN = '\ue006';
export const MARK_CLOSE = '\ue007';
export const LINK_OPEN = '\ue008';
export const LINK_MID = '\ue009';
export const LINK_CLOSE = '\ue00a';
export const DEL_OPEN = '\ue00b';
export const DEL_CLOSE = '\ue00c';
/**
 * An HTML line break between the words of a line (`**리전**: AWS 지역<br>복수 데이터 센터`), put in by parse.ts:
 * a line break on the card, a space wherever text is compared or asked by (ids, terms), as it was before breaks were kept.
 * Not among the formatting markers, which every rule skips over.
 */
export const LINE_BREAK = '\ue00e';

/** The text with its LINE_BREAKs as the one space they were before breaks were kept: for code, and where a line must stay one. */
export function breaksAsSpaces(text: string): string {
	return text.includes(LINE_BREAK) ? text.replace(/[ \t]*\ue00e[ \t]*/g, ' ') : text;
}

const ANY_MARKER = /[\ue000-\ue00c]/g;
const CLOSER: Record<string, string> = {
	[STRONG_OPEN]: STRONG_CLOSE,
	[EM_OPEN]: EM_CLOSE,
	[MARK_OPEN]: MARK_CLOSE,
	[DEL_OPEN]: DEL_CLOSE
};

export interface MarkedLine {
	/** The line's text with formatting as marker characters. */
	text: string;
	/** 1-based line of the note. */
	line: number;
}

export interface FoundImage {
	src: string;
	alt: string;
	/** Obsidian's size after a bar (`|300`, `|300x200`): its width. */
	width?: number;
	line: number;
}

/** A sound file the note embeds (`![[word.m4a]]`, `![](word.mp3)`, `<audio src="word.mp3">`): played on the card, as `[sound:…]`. */
export interface FoundSound {
	/** The file as the note names it, percent-encoded as an image's src is. */
	src: string;
	line: number;
	/**
	 * Where it stood in its line's marked text (MarkedLine.text, or a table cell's): a sound before a term's separator
	 * plays with the question. Unknown for raw HTML read apart from its line's text.
	 */
	at?: number;
	/** In a table: the column of its cell, 0 for the first. */
	cell?: number;
}

/** An Obsidian tag ending a line (`#todo`, `#cs/network`): a letter first, so `#1` is a number. */
export interface FoundTag {
	tag: string;
	line: number;
	/** The line held only tags: they tag what the line is in, not a card of its own. */
	alone: boolean;
}

/** `![[other note]]`: Obsidian shows another note's content there, which a card of this note cannot. */
export interface FoundEmbed {
	target: string;
	line: number;
}

/** What a paragraph's text holds besides its lines. */
export interface InlineFinds {
	images: FoundImage[];
	sounds: FoundSound[];
	tags: FoundTag[];
	embeds: FoundEmbed[];
}

export function noFinds(): InlineFinds {
	return { images: [], sounds: [], tags: [], embeds: [] };
}

const IMG_TAG = /<img\b[^<>]*>/gi;
const IMG_SRC = /\bsrc\s*=\s*["']?([^"'\s>]+)/i;
const IMG_ALT = /\balt\s*=\s*["']([^"']*)["']/i;

/** The images of raw HTML: its <img> tags are all a card keeps of it. */
export function imagesInHtml(html: string, line: number): FoundImage[] {
	const images: FoundImage[] = [];
	for (const [tag] of html.matchAll(IMG_TAG)) {
		const src = IMG_SRC.exec(tag)?.[1];
		if (src) images.push({ src, alt: IMG_ALT.exec(tag)?.[1]?.trim() ?? '', line });
	}
	return images;
}

const AUDIO_TAG = /<(?:audio|source)\b[^<>]*>/gi;

/** The sounds of raw HTML: `<audio src>`, or an `<audio>`'s `<source src>`, of a sound file. */
export function soundsInHtml(html: string, line: number): FoundSound[] {
	const sounds: FoundSound[] = [];
	for (const [tag] of html.matchAll(AUDIO_TAG)) {
		const src = IMG_SRC.exec(tag)?.[1];
		if (src && isSoundSrc(src)) sounds.push({ src, line });
	}
	return sounds;
}

/** Whether a src names a sound file by its extension, its query or anchor aside. */
function isSoundSrc(src: string): boolean {
	return audioTypeOf(src.replace(/[?#].*$/, '')) !== undefined;
}

/**
 * Where a sound stood in text waiting to be read (inlineToLines), taken out before the text is a line's: an image's
 * or raw HTML's, found as its token came, and an Obsidian embed's, found as the text is read.
 */
const TOKEN_SOUND = '\ue00f';
const EMBEDDED_SOUND = '\ue010';
const SOUND_MARK = /[\ue00f\ue010]/g;

class LineBuilder {
	private lines: MarkedLine[] = [];
	private text = '';
	/** Formatting open at this point, reopened on the next line after a break. */
	private open: string[] = [];

	constructor(private line: number) {}

	append(text: string): void {
		this.text += text;
	}

	openMarker(marker: string): void {
		this.text += marker;
		this.open.push(marker);
	}

	closeMarker(marker: string): void {
		if (this.open.length === 0) return;
		this.text += marker;
		this.open.pop();
	}

	newline(): void {
		const closers = [...this.open].reverse().map((marker) => CLOSER[marker] ?? '');
		this.lines.push({ text: this.text + closers.join(''), line: this.line });
		this.text = this.open.join('');
		this.line++;
	}

	get currentLine(): number {
		return this.line;
	}

	/** How far the current line's text goes. */
	get column(): number {
		return this.text.length;
	}

	/** Every line, also the ones left empty (a line of tags alone). */
	finish(): MarkedLine[] {
		this.lines.push({ text: this.text, line: this.line });
		return this.lines;
	}
}

/** A word that is an Obsidian tag: a letter first (`#1` is a number), not a colour (`#fff`). */
const TAG = /^#([\p{L}_][\p{L}\p{N}_/-]*)$/u;
const COLOUR = /^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * The line without the tags that end it, and those tags in the order written. Only whole words
 * count (`C#` is no tag), and only at the end: `#` within a sentence may be anything.
 */
function takeTrailingTags(text: string): { text: string; tags: string[] } {
	const tags: string[] = [];
	const isSpace = (at: number) => /\s/.test(text[at] as string);
	let end = text.length;
	// Word by word from the end, by index: a long line costs one pass.
	for (;;) {
		while (end > 0 && isSpace(end - 1)) end--;
		let start = end;
		while (start > 0 && !isSpace(start - 1)) start--;
		const tag = TAG.exec(text.slice(start, end))?.[1];
		if (!tag || COLOUR.test(tag)) break;
		tags.push(tag);
		end = start;
	}
	return { text: tags.length > 0 ? text.slice(0, end) : text, tags: tags.reverse() };
}

/**
 * The Obsidian Tasks plugin's fields, each the whole rest of the line from its emoji: a due, scheduled, start, done,
 * created or cancelled date (`📅 2026-12-01`), a priority (`⏫`), a recurrence (`🔁 every week`), an id, what the
 * task waits on and what becomes of it when done. They are the plugin's bookkeeping, not what the task says.
 */
// Tested on a field with its trailing blanks taken off: a blank run before `$` would make the recurrence's `[^…]*` backtrack.
const TASK_FIELD = /^(?:[📅⏳🛫✅➕❌]\ufe0f?\s*\d{4}-\d{2}-\d{2}|[⏫🔼🔽🔺⏬]\ufe0f?|🔁\ufe0f?\s*every\b[^\ue000-\ue010]*|🆔\s*[\w-]+|⛔\ufe0f?\s*[\w-]+(?:\s*,\s*[\w-]+)*|🏁\s*(?:delete|keep))$/iu;
const TASK_EMOJI = ['📅', '⏳', '🛫', '✅', '➕', '❌', '⏫', '🔼', '🔽', '🔺', '⏬', '🔁', '🆔', '⛔', '🏁'];

/** A task has a field of each kind at most: a line of more is no task's, and is not searched on and on. */
const MAX_TASK_FIELDS = 12;

/**
 * A task item's line (`[ ] …`, `[x] …`, and Obsidian's other boxes such as `[/]`): the plugin writes its fields on
 * tasks alone. Elsewhere the same emoji are words: `금리 인상 → 환율 🔼` says the rate goes up.
 */
const TASK_LINE = /^\s*\\?\[[ xX/\-]\\?\]\s/;

/** A task's line without the Tasks fields that end it (TASK_FIELD), taken off from the last, each after a space. */
function withoutTaskFields(text: string): string {
	if (!TASK_LINE.test(text)) return text;
	let end = text.length;
	for (let taken = 0; taken < MAX_TASK_FIELDS; taken++) {
		const at = Math.max(...TASK_EMOJI.map((emoji) => text.lastIndexOf(emoji, end - 1)));
		if (at <= 0 || !/\s/.test(text[at - 1] as string) || !TASK_FIELD.test(text.slice(at, end).trimEnd())) break;
		end = at;
	}
	return end === text.length ? text : withoutTrailingBlanks(text.slice(0, end));
}

// The image types the notes import takes (io/media-types.ts).
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|ico)$/i;
// With a space before it: what is left of the line closes up.
const EMBED = / ?!\[\[([^[\]\n]+?)\]\]/g;
const WIKILINK = /\[\[([^[\]\n]+?)\]\]/g;
/** Obsidian's `|300` or `|300x200` after an embedded image (or ending a Markdown image's alt text) is its size, not its alt text. */
const IMAGE_SIZE = /^(\d+)(?:x\d+)?$/;

/** An image's alt text and the width Obsidian's size syntax gives it (`|300`, `|300x200`): none beyond MAX_IMAGE_WIDTH, or of 0. */
function sizedImage(alt: string, size: string): { alt: string; width?: number } {
	const width = Number(IMAGE_SIZE.exec(size.trim())?.[1] ?? 0);
	return width >= 1 && width <= MAX_IMAGE_WIDTH ? { alt, width } : { alt };
}

/** A Markdown image's alt text, `cell|300` or `|300`, as its alt text and width (sizedImage). */
function sizedAlt(alt: string): { alt: string; width?: number } {
	const bar = alt.lastIndexOf('|');
	if (bar < 0 || !IMAGE_SIZE.test(alt.slice(bar + 1).trim())) return { alt };
	return sizedImage(alt.slice(0, bar).trim(), alt.slice(bar + 1));
}

/** `target|alias` as Obsidian writes both links and embeds. */
function splitLink(inner: string): { target: string; alias: string } {
	const bar = inner.indexOf('|');
	return bar < 0 ? { target: inner.trim(), alias: '' } : { target: inner.slice(0, bar).trim(), alias: inner.slice(bar + 1).trim() };
}

/** What Obsidian shows for `[[note#heading]]`: "note > heading"; a block reference (`#^id`) shows its note. */
function linkText(target: string): string {
	const [note = '', ...rest] = target.split('#');
	const heading = rest.join('#').trim();
	if (!heading || heading.startsWith('^')) return note.trim();
	return note.trim() ? `${note.trim()} > ${heading}` : heading;
}

/**
 * For each embed in the text, whether it stands inside a sentence: words before it, and after it (past the embeds
 * right after it) more than spaces. `y ![[note]]` ends its line with the embed; `See also ![[note]] and …` does not.
 */
function embedsInSentence(text: string): boolean[] {
	const embeds = [...text.matchAll(EMBED)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
	const within: boolean[] = [];
	let wordsBefore = false;
	let from = 0;
	for (const { start, end } of embeds) {
		wordsBefore ||= /[\p{L}\p{N}]/u.test(text.slice(from, start));
		within.push(wordsBefore);
		from = end;
	}
	// Right to left: what follows an embed is the text up to the next one, or else what follows that one.
	let textAfter = false;
	for (let index = embeds.length - 1; index >= 0; index--) {
		const gap = text.slice((embeds[index] as { end: number }).end, embeds[index + 1]?.start ?? text.length);
		textAfter = gap.trim() !== '' || (index + 1 < embeds.length && textAfter);
		within[index] &&= textAfter;
	}
	return within;
}

/**
 * Obsidian's links in a line's text: `[[note|alias]]` is its alias, `[[note]]` the note's name;
 * `![[image.png]]` is an image as `![](image.png)` is, `![[word.m4a]]` a sound, `![[other note]]` is left out,
 * unless words around it make it part of a sentence ("See also ![[Note#Heading]] and …"): there it reads as its
 * link would, so the sentence keeps what it names.
 */
function readWikilinks(text: string, finds: InlineFinds, line: number, embeddedSounds: FoundSound[]): string {
	if (!text.includes('[[')) return text;
	const inSentence = embedsInSentence(text);
	let embed = 0;
	return text
		.replace(EMBED, (_, inner: string) => {
			const within = inSentence[embed++] === true;
			const { target, alias } = splitLink(inner);
			const file = target.split('#')[0]?.trim() ?? '';
			if (IMAGE_FILE.test(file)) finds.images.push({ src: encodeURI(file), ...(IMAGE_SIZE.test(alias) ? sizedImage('', alias) : { alt: alias }), line });
			else if (audioTypeOf(file) !== undefined) {
				embeddedSounds.push({ src: encodeURI(file), line });
				return EMBEDDED_SOUND;
			} else if (within) return ` [[${inner}]]`;
			else finds.embeds.push({ target, line });
			return '';
		})
		.replace(WIKILINK, (whole: string, inner: string) => {
			const { target, alias } = splitLink(inner);
			return alias || linkText(target) || whole;
		});
}

/**
 * Bear's highlight, `::text::`, between words or at a line's ends: not `q::a` (the text before the first `::` is its
 * question, and one of a word, `std::vector`, has no space before it) nor `{{c1::text::hint}}`.
 */
const BEAR_HIGHLIGHT = /(?<=^|[\s([{"'“‘])::(?=[^\s:])([^:\n]{1,400}?)(?<=[^\s:])::(?=$|[\s.,;:!?)\]}"'”’])/g;

/** `==text==` (and Bear's `::text::`) is not CommonMark: it arrives as plain text and is marked here. */
function markHighlights(text: string): string {
	const marked = text.replace(/(?<!=)==(?!=)([^=\n]+?)(?<!=)==(?!=)/g, `${MARK_OPEN}$1${MARK_CLOSE}`);
	return marked.includes('::') ? marked.replace(BEAR_HIGHLIGHT, `${MARK_OPEN}$1${MARK_CLOSE}`) : marked;
}

function clean(text: string): string {
	return text.replace(ANY_MARKER, '').replace(SOUND_MARK, '');
}

const PAIRED: Record<string, [string, string]> = {
	strong_open: [STRONG_OPEN, ''],
	strong_close: ['', STRONG_CLOSE],
	em_open: [EM_OPEN, ''],
	em_close: ['', EM_CLOSE],
	s_open: [DEL_OPEN, ''],
	s_close: ['', DEL_CLOSE]
};

/**
 * Splits a paragraph's inline tokens into marked lines, starting at the
 * paragraph's first line. Images, sounds, embeds and the tags that end a line are
 * collected in `finds`, not kept in the text.
 */
export function inlineToLines(tokens: readonly Token[], finds: InlineFinds, startLine: number): MarkedLine[] {
	const { images, sounds } = finds;
	const out = new LineBuilder(startLine);
	/** The sounds of the tokens in `pending`, in the order their TOKEN_SOUND stand there. */
	const tokenSounds: FoundSound[] = [];
	const hrefs: string[] = [];
	let inLink = false;
	/** Inside an inline <script> or <style>: its text is no card material. */
	let skipping: RegExp | undefined;
	// Text is buffered so that `==` split across text tokens still pairs up.
	let pending = '';
	const flush = () => {
		if (!pending) return;
		const embeddedSounds: FoundSound[] = [];
		const text = markHighlights(readWikilinks(pending, finds, out.currentLine, embeddedSounds));
		const next = { token: 0, embedded: 0 };
		let from = 0;
		for (const mark of text.matchAll(SOUND_MARK)) {
			out.append(text.slice(from, mark.index));
			const sound = mark[0] === TOKEN_SOUND ? tokenSounds[next.token++] : embeddedSounds[next.embedded++];
			if (sound) sounds.push({ ...sound, at: out.column });
			from = mark.index + 1;
		}
		out.append(text.slice(from));
		// A mark a link's target swallowed (`[[a ![](x.mp3)|b]]`): its sound still plays, wherever it stood.
		sounds.push(...tokenSounds.slice(next.token), ...embeddedSounds.slice(next.embedded));
		tokenSounds.length = 0;
		pending = '';
	};
	for (const token of tokens) {
		if (skipping) {
			if (token.type === 'html_inline' && skipping.test(token.content)) skipping = undefined;
			continue;
		}
		switch (token.type) {
			case 'text':
			case 'text_special':
				pending += clean(token.content);
				break;
			case 'softbreak':
			case 'hardbreak':
				if (inLink) pending += ' ';
				else {
					flush();
					out.newline();
				}
				break;
			case 'math_inline':
				// TeX as written (math.ts): no highlight, link or tag is read inside it.
				flush();
				out.append(breaksAsSpaces(clean(token.content)));
				break;
			case 'code_inline':
				flush();
				out.append(CODE_OPEN + breaksAsSpaces(clean(token.content)).replace(/\s+/g, ' ') + CODE_CLOSE);
				break;
			case 'link_open':
				flush();
				out.append(LINK_OPEN);
				inLink = true;
				hrefs.push(clean(String(token.attrGet('href') ?? '')));
				break;
			case 'link_close':
				flush();
				out.append(LINK_MID + (hrefs.pop() ?? '') + LINK_CLOSE);
				inLink = false;
				break;
			case 'image': {
				const src = String(token.attrGet('src') ?? '');
				if (src && isSoundSrc(src)) {
					tokenSounds.push({ src, line: out.currentLine });
					pending += TOKEN_SOUND;
				} else if (src) images.push({ src, ...sizedAlt(breaksAsSpaces(token.content).trim()), line: out.currentLine });
				break;
			}
			case 'html_inline':
				// Raw HTML is never kept on a card; an <img> tag still counts as an image, an <audio> as a sound.
				images.push(...imagesInHtml(token.content, out.currentLine));
				for (const sound of soundsInHtml(token.content, out.currentLine)) {
					tokenSounds.push(sound);
					pending += TOKEN_SOUND;
				}
				if (/^<script\b/i.test(token.content)) skipping = /^<\/script\s*>/i;
				else if (/^<style\b/i.test(token.content)) skipping = /^<\/style\s*>/i;
				break;
			default: {
				const marker = PAIRED[token.type];
				if (!marker) break;
				flush();
				if (marker[0]) out.openMarker(marker[0]);
				else out.closeMarker(marker[1]);
			}
		}
	}
	flush();
	const lines: MarkedLine[] = [];
	for (const line of out.finish()) {
		// Tags may come before a task's fields or after them.
		const { text: tagless, tags } = takeTrailingTags(withoutTaskFields(line.text));
		const text = withoutTaskFields(tagless);
		const alone = stripMarkers(text).trim() === '';
		for (const tag of tags) finds.tags.push({ tag, line: line.line, alone });
		if (!alone) lines.push({ ...line, text });
	}
	return lines;
}

export function stripMarkers(text: string): string {
	return text.replace(ANY_MARKER, '').replaceAll(LINE_BREAK, ' ');
}

/**
 * The text with emphasis right around or inside bold (`***TCP***`, `_**TCP**_`, `**_TCP_**`) dropped: the bold's own
 * stress, so the term or label reads as bold alone does.
 */
export function asBold(marked: string): string {
	return marked.replace(/\ue002\ue000|\ue000\ue002/gu, STRONG_OPEN).replace(/\ue003\ue001|\ue001\ue003/gu, STRONG_CLOSE);
}

/**
 * A title as its card's front shows it: plain text (toPlain) but for its code spans (`` `useEffect` 훅 ``), or
 * undefined when it holds none, for then the plain text is its front.
 */
export function titleWithCode(marked: string): string | undefined {
	if (!marked.includes(CODE_OPEN)) return undefined;
	const parts = marked.split(new RegExp(`(${CODE_OPEN}[^${CODE_CLOSE}]*${CODE_CLOSE})`, 'u'));
	// toPlain trims: the spaces between a code span and the words around it are put back.
	const kept = parts.map((part) => (part.startsWith(CODE_OPEN) ? part : `${/^\s/u.test(part) ? ' ' : ''}${toPlain(part)}${/\s$/u.test(part) ? ' ' : ''}`));
	return kept.join('').replace(/\s+/g, ' ').trim();
}

/** Plain text: formatting dropped, links as their text. */
export function toPlain(marked: string): string {
	return marked
		.replace(new RegExp(`${LINK_MID}[^${LINK_CLOSE}]*${LINK_CLOSE}`, 'g'), '')
		.replace(ANY_MARKER, '')
		.replaceAll(LINE_BREAK, ' ')
		.replace(/[ \t]+/g, ' ')
		.trim();
}

/** A line that would start a heading, quote, list or rule if written as it is. */
export function escapeLineStart(markdown: string): string {
	return markdown.replace(/^(\s*)([#>+-]|\d{1,9}[.)])(?=\s|$)/, (_, space: string, marker: string) => {
		const escaped = /^\d/.test(marker) ? marker.replace(/([.)])$/, '\\$1') : `\\${marker}`;
		return space + escaped;
	});
}

/** Characters that would start Markdown syntax if written out as they are. */
function escapeText(text: string): string {
	return text
		.replace(/[\\`*_[\]<>|]/g, '\\$&')
		.replace(/==/g, '\\=\\=')
		.replace(/~~/g, '\\~\\~')
		.replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

function codeSpan(code: string): string {
	const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
	const fence = '`'.repeat(longest + 1);
	const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${code}${pad}${fence}`;
}

export interface MarkdownOptions {
	/** Keep bold and italics (explicit cards keep what their author wrote). */
	keepEmphasis?: boolean;
}

/**
 * Clean Markdown of one marked line: text escaped, code spans kept, `==mark==`
 * kept, links kept, bold and italics dropped unless asked for; its LINE_BREAKs
 * are hard breaks (`\` and a newline, the only newlines it writes).
 */
export function toMarkdown(marked: string, options: MarkdownOptions = {}): string {
	let out = '';
	let index = 0;
	const text = withoutTrailingBlanks(marked);
	while (index < text.length) {
		const char = text[index] as string;
		if (char === CODE_OPEN) {
			const end = text.indexOf(CODE_CLOSE, index + 1);
			const code = text.slice(index + 1, end < 0 ? undefined : end);
			out += codeSpan(code);
			index = end < 0 ? text.length : end + 1;
		} else if (char === LINK_OPEN) {
			const mid = text.indexOf(LINK_MID, index + 1);
			const end = mid < 0 ? -1 : text.indexOf(LINK_CLOSE, mid + 1);
			if (mid < 0 || end < 0) {
				index++;
				continue;
			}
			const label = toMarkdown(text.slice(index + 1, mid), options);
			const url = text.slice(mid + 1, end).replace(/[()\s]/g, encodeURIComponent);
			out += label ? `[${label}](${url})` : '';
			index = end + 1;
		} else if (char === STRONG_OPEN || char === STRONG_CLOSE) {
			if (options.keepEmphasis) out += '**';
			index++;
		} else if (char === EM_OPEN || char === EM_CLOSE) {
			if (options.keepEmphasis) out += '*';
			index++;
		} else if (char === MARK_OPEN || char === MARK_CLOSE) {
			out += '==';
			index++;
		} else if (char === DEL_OPEN || char === DEL_CLOSE) {
			out += '~~';
			index++;
		} else if (char === LINE_BREAK) {
			out += '\n';
			index++;
		} else {
			let end = index;
			while (end < text.length && !/[\ue000-\ue00c\ue00e]/.test(text[end] as string)) end++;
			out += escapeText(text.slice(index, end));
			index = end;
		}
	}
	if (!out.includes('\n')) return out.trim();
	// Breaks at either end, or one after another, break nothing more.
	const parts = out
		.split('\n')
		.map((part) => part.trim())
		.filter(Boolean);
	return parts.map((part, index) => (index === 0 ? part : escapeLineStart(part))).join('\\\n');
}
