/** Blocks written out as the clean Markdown of a card side. */
import type { Block, ListBlock, ListItemModel } from './blocks';
import { escapeLineStart, toMarkdown, toPlain, type MarkdownOptions, type MarkedLine } from './inline';
import { isTerm } from './terms';
import { DESCRIPTION_LINE, withoutTrailingBlanks } from './text';

/** A line as describedTermsAsLines joins it: `described` once a term's first description is on it. */
type DescribedLine = MarkedLine & { described?: true };

/**
 * A definition list's term and its first description (`Osmosis` over `: movement of water`) as one line, `Osmosis:
 * movement of water`, as a term before its colon is written; a further description is a line of its own without
 * its mark. Not a card of the term's (extract.ts reads it as a definition), but a list or section card holding it.
 * A line that is no term (a sentence) keeps its description under it, as written.
 */
function describedTermsAsLines(lines: readonly MarkedLine[]): readonly MarkedLine[] {
	if (!lines.some((line) => DESCRIPTION_LINE.test(line.text))) return lines;
	const joined: DescribedLine[] = [];
	for (const line of lines) {
		const description = DESCRIPTION_LINE.exec(line.text);
		const term = joined.at(-1);
		if (!description || !term || (!term.described && !isTerm(toPlain(term.text).replace(/[:：]$/u, '')))) joined.push(line);
		else if (term.described) joined.push({ ...line, text: line.text.slice(description[0].length) });
		else joined[joined.length - 1] = { ...term, text: `${withoutTrailingBlanks(term.text).replace(/[:：]$/u, '')}: ${line.text.slice(description[0].length)}`, described: true };
	}
	return joined;
}

/** Lines of one paragraph or item, each kept on its own line with a hard break (as the breaks inside a line are). */
export function linesToMarkdown(lines: readonly MarkedLine[], options: MarkdownOptions = {}, indent = ''): string {
	return describedTermsAsLines(lines)
		.map((line) => escapeLineStart(toMarkdown(line.text, options)).replaceAll('\n', `\n${indent}`))
		.filter(Boolean)
		.join(`\\\n${indent}`);
}

/** A task item's box (`- [x] 과제`, written out escaped) as the box it is, ☑ or ☐, not as brackets. */
function withTaskBox(head: string): string {
	return head.replace(/^\\\[([ xX])\\\]\s/, (_, mark: string) => (mark === ' ' ? '☐ ' : '☑ '));
}

function itemToMarkdown(item: ListItemModel, marker: string, options: MarkdownOptions): string {
	const indent = ' '.repeat(marker.length + 1);
	const head = withTaskBox(linesToMarkdown(item.lines, options, indent));
	const children = item.children
		.map((child) => blocksToMarkdown([child], options))
		.filter(Boolean)
		.map((text) => text.replace(/^(?=.)/gm, indent));
	return [`${marker} ${head}`.trimEnd(), ...children].join('\n');
}

export function listToMarkdown(list: ListBlock, options: MarkdownOptions = {}): string {
	return list.items
		.map((item, index) => itemToMarkdown(item, list.ordered ? `${list.startNumber + index}.` : '-', options))
		.join('\n');
}

function fence(code: string): string {
	const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
	return '`'.repeat(longest + 1);
}

export function blocksToMarkdown(blocks: readonly Block[], options: MarkdownOptions = {}): string {
	return blocks
		.map((block) => {
			switch (block.type) {
				case 'lines':
					return linesToMarkdown(block.lines, options);
				case 'list':
					return listToMarkdown(block, options);
				case 'code': {
					const marks = fence(block.value);
					return `${marks}${block.lang}\n${block.value}\n${marks}`;
				}
				case 'table':
					return block.markdown;
			}
		})
		.filter(Boolean)
		.join('\n\n');
}
