/**
 * A note's text to Markdown tokens with line positions, and its front matter.
 *
 * markdown-it (CommonMark + GFM tables and strikethrough) with the CJK-friendly
 * emphasis rules: plain CommonMark leaves `**EC2(Elastic Compute Cloud)**는`
 * unbolded because of the Hangul right after the closing `**`. markdown-it
 * rather than micromark/mdast because it parses about ten times faster here
 * (micromark measured 0.6-0.9 MB/s, and slows down quadratically on long
 * notes), and line positions are all the generator needs.
 */
import MarkdownIt, { type MarkdownIt as MarkdownParser, type Token } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { parse as parseYaml } from 'yaml';
import { breaksAsSpaces, LINE_BREAK } from './inline';
import { texMath } from './math';
import { withoutTrailingBlanks } from './text';
import { sayNote, type NoteWarning } from './warnings';

export interface FrontMatter {
	deck?: string;
	tags: string[];
	cards: 'auto' | 'explicit';
}

export interface ParsedNote {
	tokens: Token[];
	frontMatter: FrontMatter;
	warnings: NoteWarning[];
}

/**
 * markdown-it reads nesting deeper than this as text: it bounds every walk over
 * the tokens. (blocks.ts flattens lists well before it: MAX_NESTING there.)
 */
export const PARSER_MAX_NESTING = 40;

let parser: MarkdownParser | undefined;

function markdownParser(): MarkdownParser {
	parser ??= new MarkdownIt('default', { html: true, linkify: false, maxNesting: PARSER_MAX_NESTING }).use(cjkFriendly).use(texMath);
	return parser;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
// Line breaks written as HTML: <br>, <br/>, <br />, and the common typo </br>.
const HTML_BREAK = /<\/?br\s*\/?>/gi;

/** Obsidian's block id ending a line (`… ^a1b2c3`), what `[[note#^a1b2c3]]` links to: never shown. */
const BLOCK_ID = /\s\^(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9-]+$/;

/**
 * An Obsidian comment (`%%…%%`, over several lines too) blanked, as Obsidian hides it: returns the line's text left
 * and whether a comment is still open at its end.
 */
function withoutComments(line: string, open: boolean): { text: string; open: boolean } {
	if (!open && !line.includes('%%')) return { text: line, open };
	let text = '';
	let inside = open;
	for (const [index, part] of line.split('%%').entries()) {
		if (index > 0) inside = !inside;
		if (!inside) text += part;
	}
	return { text: withoutTrailingBlanks(text), open: inside };
}

/**
 * A line's HTML line breaks: one between words is the author breaking the line, kept as LINE_BREAK (spaces around
 * it, so the rules read the line as they read it with a space there); one at either end of the line breaks nothing
 * the line's end does not, and goes.
 */
function withLineBreaks(line: string): string {
	const parts = line.split(HTML_BREAK);
	if (parts.length === 1) return line;
	const hasText = parts.map((part) => part.trim() !== '');
	const first = hasText.indexOf(true);
	const last = hasText.lastIndexOf(true);
	const joined = parts.map((part, index) => (index === 0 ? part : `${index > first && index <= last ? ` ${LINE_BREAK} ` : ' '}${part}`)).join('');
	return withoutTrailingBlanks(joined);
}

/** A table of contents asked for by a line of its own (Typora's `[TOC]`, `[[toc]]`, GitLab's `[[_TOC_]]`, `${toc}`): no text of the note's. */
const TOC_LINE = /^\s*(?:\[toc\]|\[\[_?toc_?\]\]|\$\{toc\})\s*$/i;

/** A footnote's definition opening its line (`[^1]: Also used for migraine.`), as Obsidian, Typora and GitHub write it. */
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:/;
/** A footnote's reference (`beta blocker[^1]`), with the blanks before it. */
const FOOTNOTE_REFERENCE = /[ \t]*\[\^([^\]\s]+)\]/g;
/** A line that continues the footnote above it: indented, as Markdown's footnote extensions read them. */
const FOOTNOTE_CONTINUATION = /^(?: {4}|\t)\s*\S/;

/**
 * Footnotes are a note's asides and sources, shown under it: no card's question or answer. Their definitions (and
 * their indented lines) become blank lines, and the references to them go. Only a label the note defines is a
 * reference, so a regular expression's `[^0-9]` in the text stays as written; and a definition is a footnote's when
 * the note cites its label or the label is a number: a regex cheat sheet's `[^abc]: a, b, c 를 제외한 문자`, cited
 * nowhere, is a line of the note. `prose`: the lines outside fenced code.
 */
function withoutFootnotes(lines: string[], prose: readonly number[]): void {
	const definitions: { label: string; lines: number[] }[] = [];
	const cited = new Set<string>();
	let definitionEnd = -1;
	for (const i of prose) {
		const line = lines[i] as string;
		const opening = FOOTNOTE_DEFINITION.exec(line);
		if (opening) {
			definitions.push({ label: opening[1] as string, lines: [i] });
			definitionEnd = i;
		} else if (i === definitionEnd + 1 && FOOTNOTE_CONTINUATION.test(line)) {
			definitions.at(-1)?.lines.push(i);
			definitionEnd = i;
		}
		if (line.includes('[^')) for (const [, label] of line.slice(opening?.[0].length ?? 0).matchAll(FOOTNOTE_REFERENCE)) cited.add(label as string);
	}
	const labels = new Set<string>();
	for (const { label, lines: at } of definitions) {
		if (!/^\d+$/.test(label) && !cited.has(label)) continue;
		labels.add(label);
		for (const i of at) lines[i] = '';
	}
	if (labels.size === 0) return;
	for (const i of prose) {
		const line = lines[i] as string;
		if (line.includes('[^')) lines[i] = line.replace(FOOTNOTE_REFERENCE, (reference, label: string) => (labels.has(label) ? '' : reference));
	}
}

/**
 * CRLF and lone CR to LF, HTML line breaks read (withLineBreaks), Obsidian comments, block ids, footnotes and table-of-contents
 * lines removed, outside fenced code.
 * Line numbers do not change: a line holding only `<br/>` (or a comment) becomes a blank line, which is what its
 * author used it for.
 */
export function normalizeNoteText(text: string): string {
	const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
	let fence: string | null = null;
	let comment = false;
	const prose: number[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (!fence && (comment || (lines[i] as string).includes('%%'))) {
			const read = withoutComments(lines[i] as string, comment);
			lines[i] = read.text;
			comment = read.open;
			if (comment) continue;
		}
		const line = lines[i] as string;
		const opener = FENCE.exec(line)?.[1];
		if (fence) {
			if (opener && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
			continue;
		}
		if (opener) {
			fence = opener;
			continue;
		}
		if (TOC_LINE.test(line)) {
			lines[i] = '';
			continue;
		}
		if (line.includes('<')) lines[i] = withLineBreaks(line);
		if ((lines[i] as string).includes('^')) lines[i] = (lines[i] as string).replace(BLOCK_ID, '');
		prose.push(i);
	}
	withoutFootnotes(lines, prose);
	return lines.join('\n');
}

function toTags(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
	return list
		.filter((tag): tag is string | number => typeof tag === 'string' || typeof tag === 'number')
		.map((tag) => String(tag).trim().replace(/^#/, ''))
		.filter(Boolean);
}

/** The front matter's fields, or undefined when the block is not YAML key: value lines. */
function readFrontMatter(yaml: string, warnings: ParsedNote['warnings']): FrontMatter | undefined {
	const result: FrontMatter = { tags: [], cards: 'auto' };
	let data: unknown;
	try {
		data = parseYaml(yaml, { maxAliasCount: 10 });
	} catch (error) {
		warnings.push({ line: 1, ...sayNote('note-front-matter-not-yaml', { reason: (error as Error).message.split('\n')[0] ?? '' }) });
		return undefined;
	}
	if (data === null || data === undefined) return result;
	if (typeof data !== 'object' || Array.isArray(data)) {
		warnings.push({ line: 1, ...sayNote('note-front-matter-not-fields') });
		return undefined;
	}
	const fields = data as Record<string, unknown>;
	if (typeof fields.deck === 'string' && fields.deck.trim()) result.deck = fields.deck.trim();
	else if (fields.deck !== undefined) warnings.push({ line: 1, ...sayNote('note-front-matter-deck-not-name') });
	result.tags = toTags(fields.tags);
	if (fields.cards === 'explicit' || fields.cards === 'auto') result.cards = fields.cards;
	else if (fields.cards !== undefined) {
		warnings.push({ line: 1, ...sayNote('note-front-matter-cards-unknown', { value: String(fields.cards) }) });
	}
	return result;
}

/** Front matter between a first line `---` and the next `---` (or `...`) line. */
function splitFrontMatter(text: string): { yaml?: string; body: string; unclosed: boolean } {
	if (!/^---[ \t]*(\n|$)/.test(text)) return { body: text, unclosed: false };
	const lines = text.split('\n');
	const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
	if (end < 0) return { body: text, unclosed: true };
	// Blank lines in its place keep every line number of the body.
	const body = [...Array<string>(end + 1).fill(''), ...lines.slice(end + 1)].join('\n');
	return { yaml: lines.slice(1, end).join('\n'), body, unclosed: false };
}

/** One line of Markdown's inline tokens: the text between raw HTML's tags, which an HTML block leaves unread. */
export function parseInlineText(text: string): Token[] {
	return markdownParser().parseInline(text, {})[0]?.children ?? [];
}

export function parseNote(text: string): ParsedNote {
	const warnings: ParsedNote['warnings'] = [];
	const normalized = normalizeNoteText(text);
	const split = splitFrontMatter(normalized);
	const { yaml, unclosed } = split;
	let body = split.body;
	let frontMatter: FrontMatter = { tags: [], cards: 'auto' };
	if (yaml !== undefined) {
		// Front matter is fields, not lines of a card: a break there is the space it was.
		const read = readFrontMatter(breaksAsSpaces(yaml), warnings);
		if (read) frontMatter = read;
		else body = normalized;
	}
	if (unclosed) {
		warnings.push({ line: 1, ...sayNote('note-front-matter-unclosed') });
	}
	return { tokens: markdownParser().parse(body, {}), frontMatter, warnings };
}
