/**
 * The Markdown reading of card sides, without a DOM: markdown-it with the
 * CJK-friendly emphasis rules (the notes generator reads notes the same way)
 * and table alignment as the `align` attribute (no inline styles anywhere).
 * A single line break is kept (`breaks`): people type a card on two lines to
 * read it on two, and Obsidian shows notes' single breaks the same way.
 * card-html.ts sanitizes its output for the screen; exports (which run in a
 * worker, with no DOM) use `markdownToExportHtml`, whose output is safe by
 * construction: raw HTML is escaped and markdown-it's own link check drops
 * javascript:, vbscript:, file: and non-image data: URLs.
 */
import MarkdownIt, { type MarkdownIt as MarkdownRenderer } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import type { Card } from '../notes/deck-format';

export function createCardMarkdown(maxNesting: number): MarkdownRenderer {
	const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, maxNesting }).use(cjkFriendly);
	md.core.ruler.push('table_align', (state) => {
		for (const token of state.tokens) {
			if (token.type !== 'th_open' && token.type !== 'td_open') continue;
			const align = /text-align:\s*(left|right|center)/.exec(String(token.attrGet('style') ?? ''))?.[1];
			token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
			if (align) token.attrSet('align', align);
		}
	});
	return md;
}

let exportRenderer: MarkdownRenderer | undefined;

/** A Markdown side as HTML for another app (an Anki package, a table for Anki): no DOM needed, nothing active let through; `==highlights==` as `<mark>`, as the study screen shows them. */
export function markdownToExportHtml(markdown: string): string {
	exportRenderer ??= createCardMarkdown(100);
	return highlightMarks(exportRenderer.render(markdown).trim());
}

/** A highlight may span these (card-html.ts has the same list); any other element ends it. */
const PHRASING_TAGS = new Set(['strong', 'em', 'del', 's', 'code', 'a', 'img', 'mark', 'span', 'sup', 'sub']);
const VOID_TAGS = new Set(['br', 'img', 'hr']);
/** Their text is literal: `==` in it is what the author typed. */
const LITERAL_TAGS = new Set(['code', 'pre']);

interface Delimiter {
	/** The index of the text token, and of the `==` in it. */
	token: number;
	offset: number;
}

/**
 * `==text==` as `<mark>text</mark>` in markdown-it's HTML, by the study screen's rules
 * (card-html.ts, which works on the DOM): exactly two `=`, an opening one followed by
 * content and a closing one preceded by it, both among the children of one element, across
 * inline markup but not across a block or a line break, never inside code. markdown-it
 * escapes raw HTML, so every `<` of its output starts a tag.
 */
function highlightMarks(html: string): string {
	if (!html.includes('==')) return html;
	const tokens = html.split(/(<[^>]*>)/);
	const isTag = (index: number) => index % 2 === 1;
	const tagName = (token: string) => /^<\/?([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase() ?? '';
	const startsContent = (index: number): boolean => {
		const token = tokens[index];
		if (token === undefined) return false;
		if (isTag(index)) return !token.startsWith('</') && tagName(token) !== 'br';
		return token === '' ? startsContent(index + 1) : !/\s/.test(token[0]!);
	};
	const endsContent = (index: number): boolean => {
		const token = tokens[index];
		if (token === undefined) return false;
		if (isTag(index)) return token.startsWith('</') || (tagName(token) !== 'br' && VOID_TAGS.has(tagName(token)));
		return token === '' ? endsContent(index - 1) : !/\s/.test(token[token.length - 1]!);
	};
	// One opener per open element; a literal element's text is skipped.
	const frames: { opener: Delimiter | null; literal: boolean }[] = [{ opener: null, literal: false }];
	const pairs: [Delimiter, Delimiter][] = [];
	tokens.forEach((token, index) => {
		const frame = frames[frames.length - 1]!;
		if (isTag(index)) {
			const name = tagName(token);
			if (!PHRASING_TAGS.has(name)) frame.opener = null;
			if (token.startsWith('</')) {
				if (frames.length > 1) frames.pop();
			} else if (!VOID_TAGS.has(name) && !token.endsWith('/>')) {
				frames.push({ opener: null, literal: frame.literal || LITERAL_TAGS.has(name) });
			}
			return;
		}
		if (frame.literal) return;
		for (const match of token.matchAll(/=+/g)) {
			if (match[0].length !== 2) continue;
			const offset = match.index;
			const before = token[offset - 1];
			const after = token[offset + 2];
			const canOpen = after === undefined ? startsContent(index + 1) : !/\s/.test(after);
			const canClose = before === undefined ? endsContent(index - 1) : !/\s/.test(before);
			if (frame.opener !== null && canClose) {
				pairs.push([frame.opener, { token: index, offset }]);
				frame.opener = null;
			} else if (canOpen) {
				frame.opener = { token: index, offset };
			}
		}
	});
	// Last delimiter first, so that the offsets of the earlier ones stay valid.
	const delimiters = pairs.flatMap(([open, close]) => [{ ...open, text: '<mark>' }, { ...close, text: '</mark>' }]);
	delimiters.sort((a, b) => b.token - a.token || b.offset - a.offset);
	for (const { token, offset, text } of delimiters) {
		const value = tokens[token]!;
		tokens[token] = value.slice(0, offset) + text + value.slice(offset + 2);
	}
	return tokens.join('');
}

/** A card's side as the exports give it to Anki: a Markdown side rendered, an HTML side (imported from Anki or a table) as it was imported. */
export function cardSideExportHtml(card: Pick<Card, 'front' | 'back' | 'format'>, side: 'front' | 'back'): string {
	return card.format === 'html' ? card[side] : markdownToExportHtml(card[side]);
}
