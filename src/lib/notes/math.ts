/**
 * TeX math in notes, `$…$` and `$$…$$`, read as the text it is: Markdown read inside it ate its `*` as emphasis
 * (`$z^*$` became `$z^$`) and its `\\` as an escape (a matrix's row break became `\`). A card shows the TeX as written
 * (the cards render no math), so the rules only keep it whole: `math_inline` tokens in a line, and `math_block` for
 * `$$` lines over several lines. Pandoc's rules tell math from money: no space inside either dollar, and no digit
 * right after the closing one (`$5 - $10` is no math).
 */
import type { MarkdownIt as MarkdownParser } from 'markdown-it';

type InlineRule = Parameters<MarkdownParser['inline']['ruler']['before']>[2];
type BlockRule = Parameters<MarkdownParser['block']['ruler']['before']>[2];

/** Bounds on the search for a closing dollar, so that a note of unclosed dollars stays linear. */
const MAX_INLINE_MATH = 2000;
const MAX_BLOCK_MATH_LINES = 200;

const isBlank = (char: string | undefined) => char === undefined || char === ' ' || char === '\t' || char === '\n';

/**
 * Where the math that the dollar at `start` opens ends (past its closing dollars), or -1 where it opens none. The one
 * reading of math in a line: the Markdown rule below, and the definitions that must not read a formula's `=` or `-` as
 * their separator (extract.ts).
 */
export function mathSpanEnd(src: string, start: number): number {
	if (src[start] !== '$') return -1;
	const marks = src[start + 1] === '$' ? '$$' : '$';
	const from = start + marks.length;
	if (isBlank(src[from])) return -1;
	let end = from;
	for (;;) {
		end = src.indexOf(marks, end);
		if (end < 0 || end - start > MAX_INLINE_MATH) return -1;
		if (src[end - 1] !== '\\') break;
		end += 1;
	}
	const inside = src.slice(from, end);
	if (inside === '' || inside.includes('\n') || isBlank(src[end - 1])) return -1;
	if (marks === '$' && /\d/.test(src[end + 1] ?? '')) return -1;
	return end + marks.length;
}

/** The text with each math span in it blanked out, its length kept, read from left to right as Markdown reads it. */
export function blankMath(text: string): string {
	let blanked = '';
	let kept = 0;
	for (let dollar = text.indexOf('$'); dollar >= 0; ) {
		const end = mathSpanEnd(text, dollar);
		if (end < 0) {
			dollar = text.indexOf('$', dollar + 1);
			continue;
		}
		blanked += text.slice(kept, dollar) + ' '.repeat(end - dollar);
		kept = end;
		dollar = text.indexOf('$', end);
	}
	return blanked + text.slice(kept);
}

const mathInline: InlineRule = (state, silent) => {
	const end = mathSpanEnd(state.src, state.pos);
	if (end < 0) return false;
	if (!silent) {
		const token = state.push('math_inline', 'math', 0);
		token.content = state.src.slice(state.pos, end);
		token.markup = state.src[state.pos + 1] === '$' ? '$$' : '$';
	}
	state.pos = end;
	return true;
};

/** `$$` opening a line, its math over the lines up to the one that ends in `$$`. */
const mathBlock: BlockRule = (state, startLine, endLine, silent) => {
	if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
	const lineText = (line: number) => state.src.slice((state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0), state.eMarks[line]).trim();
	const first = lineText(startLine);
	if (!first.startsWith('$$')) return false;
	let last = startLine;
	// `$$x$$` alone on its line is one line of math; else look for the closing `$$`.
	if (!(first.length > 4 && first.endsWith('$$'))) {
		last = -1;
		for (let line = startLine + 1; line < endLine && line <= startLine + MAX_BLOCK_MATH_LINES; line++) {
			if (lineText(line).endsWith('$$')) {
				last = line;
				break;
			}
		}
		if (last < 0) return false;
	}
	if (silent) return true;
	const token = state.push('math_block', 'math', 0);
	token.block = true;
	token.content = state.getLines(startLine, last + 1, state.blkIndent, false);
	token.map = [startLine, last + 1];
	token.markup = '$$';
	state.line = last + 1;
	return true;
};

export function texMath(md: MarkdownParser): void {
	md.inline.ruler.before('escape', 'math_inline', mathInline);
	md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
