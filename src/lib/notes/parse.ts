/**
 * A note's text to an mdast tree with positions, and its front matter.
 * CommonMark + GFM, with the CJK-friendly emphasis rules: plain CommonMark
 * leaves `**EC2(Elastic Compute Cloud)**는` unbolded because of the Hangul
 * right after the closing `**`.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
	deck?: string;
	tags: string[];
	cards: 'auto' | 'explicit';
}

export interface ParsedNote {
	tree: Root;
	frontMatter: FrontMatter;
	warnings: { line?: number; message: string }[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
// Line breaks written as HTML: <br>, <br/>, <br />, and the common typo </br>.
const HTML_BREAK = /<\/?br\s*\/?>/gi;

/**
 * CRLF and lone CR to LF, and HTML line breaks removed, outside fenced code.
 * Line numbers do not change: a line holding only `<br/>` becomes a blank
 * line, which is what its author used it for.
 */
export function normalizeNoteText(text: string): string {
	const lines = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n');
	let fence: string | null = null;
	for (let i = 0; i < lines.length; i++) {
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
		if (line.includes('<')) lines[i] = line.replace(HTML_BREAK, ' ').replace(/[ \t]+$/, '');
	}
	return lines.join('\n');
}

function toTags(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
	return list
		.filter((tag): tag is string | number => typeof tag === 'string' || typeof tag === 'number')
		.map((tag) => String(tag).trim().replace(/^#/, ''))
		.filter(Boolean);
}

function readFrontMatter(yaml: string, warnings: ParsedNote['warnings']): FrontMatter {
	const result: FrontMatter = { tags: [], cards: 'auto' };
	let data: unknown;
	try {
		data = parseYaml(yaml, { maxAliasCount: 10 });
	} catch (error) {
		warnings.push({ line: 1, message: `front matter is not valid YAML and was ignored (${(error as Error).message.split('\n')[0]})` });
		return result;
	}
	if (data === null || data === undefined) return result;
	if (typeof data !== 'object' || Array.isArray(data)) {
		warnings.push({ line: 1, message: 'front matter is not a set of "key: value" lines and was ignored' });
		return result;
	}
	const fields = data as Record<string, unknown>;
	if (typeof fields.deck === 'string' && fields.deck.trim()) result.deck = fields.deck.trim();
	else if (fields.deck !== undefined) warnings.push({ line: 1, message: 'front matter "deck" should be a name; it was ignored' });
	result.tags = toTags(fields.tags);
	if (fields.cards === 'explicit' || fields.cards === 'auto') result.cards = fields.cards;
	else if (fields.cards !== undefined) {
		warnings.push({ line: 1, message: `front matter "cards" should be "auto" or "explicit", not "${String(fields.cards)}"; using "auto"` });
	}
	return result;
}

export function parseNote(text: string): ParsedNote {
	const warnings: ParsedNote['warnings'] = [];
	const normalized = normalizeNoteText(text);
	const tree = fromMarkdown(normalized, {
		extensions: [gfm(), frontmatter(['yaml']), cjkFriendlyExtension()],
		mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])]
	});
	let frontMatter: FrontMatter = { tags: [], cards: 'auto' };
	const first = tree.children[0];
	if (first?.type === 'yaml') {
		frontMatter = readFrontMatter(first.value, warnings);
		tree.children.shift();
	} else if (/^---[ \t]*\n/.test(normalized)) {
		warnings.push({ line: 1, message: 'the note starts with "---" but its front matter is never closed with a "---" line; it was read as text' });
	}
	return { tree, frontMatter, warnings };
}
