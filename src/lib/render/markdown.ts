/**
 * The Markdown reading of card sides, without a DOM: markdown-it with the
 * CJK-friendly emphasis rules (the notes generator reads notes the same way)
 * and table alignment as the `align` attribute (no inline styles anywhere).
 * card-html.ts sanitizes its output for the screen; exports (which run in a
 * worker, with no DOM) use `markdownToExportHtml`, whose output is safe by
 * construction: raw HTML is escaped and markdown-it's own link check drops
 * javascript:, vbscript:, file: and non-image data: URLs.
 */
import MarkdownIt, { type MarkdownIt as MarkdownRenderer } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

export function createCardMarkdown(maxNesting: number): MarkdownRenderer {
	const md = new MarkdownIt('default', { html: false, linkify: true, breaks: false, maxNesting }).use(cjkFriendly);
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

/** A Markdown side as HTML for another app (an Anki package): no DOM needed, nothing active let through. */
export function markdownToExportHtml(markdown: string): string {
	exportRenderer ??= createCardMarkdown(100);
	return exportRenderer.render(markdown).trim();
}
