/**
 * The note as sections of blocks. A section starts at a heading or at a bold
 * label alone on its line (`❄️ **EC2**`) and holds the paragraphs, lists,
 * code and tables up to the next one. Paragraphs and list items are kept as
 * marked lines (see inline.ts), because people write one fact per line.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { phrasingToLines, STRONG_CLOSE, STRONG_OPEN, stripMarkers, toMarkdown, type FoundImage, type MarkedLine } from './inline';
import { cleanTitle, hasWords, startsWithArrow, stripEmoji } from './text';

export interface LinesBlock {
	type: 'lines';
	lines: MarkedLine[];
	/** Lines of the note this block spans (images included). */
	start: number;
	end: number;
}

export interface ListItemModel {
	lines: MarkedLine[];
	/** Nested lists, code and further paragraphs inside the item. */
	children: Block[];
	start: number;
	end: number;
}

export interface ListBlock {
	type: 'list';
	ordered: boolean;
	startNumber: number;
	items: ListItemModel[];
	start: number;
	end: number;
}

export interface CodeBlock {
	type: 'code';
	lang: string;
	value: string;
	start: number;
	end: number;
}

export interface TableBlock {
	type: 'table';
	markdown: string;
	start: number;
	end: number;
}

export type Block = LinesBlock | ListBlock | CodeBlock | TableBlock;

export interface SectionTitle {
	text: string;
	line: number;
	kind: 'heading' | 'label';
}

export interface Section {
	title?: SectionTitle;
	/** The cleaned headings above the section (for a label: including its heading). */
	path: string[];
	blocks: Block[];
}

export interface NoteStructure {
	sections: Section[];
	images: FoundImage[];
	/** The lone H1 when the note has one: the note's own title. */
	title?: string;
	warnings: { line?: number; message: string }[];
}

/** Lists nested deeper than this are flattened: no note needs more, and recursion must stay bounded. */
export const MAX_NESTING = 32;

function lineOf(node: { position?: { start: { line: number } } }): number {
	return node.position?.start.line ?? 1;
}

function endOf(node: { position?: { end: { line: number } } }, fallback: number): number {
	return node.position?.end.line ?? fallback;
}

function headingText(children: readonly PhrasingContent[], images: FoundImage[]): string {
	const lines = phrasingToLines(children, images, 1);
	return cleanTitle(lines.map((line) => stripMarkers(line.text)).join(' '));
}

/**
 * A paragraph that is only bold text (with emoji around it) is a label over
 * what follows: `❄️ **출시 서비스**`. One that starts with an arrow is a
 * caption or conclusion of what came before, not a new label.
 */
function labelOf(line: MarkedLine | undefined): string | undefined {
	if (!line) return undefined;
	const text = line.text.trim();
	if (startsWithArrow(stripMarkers(text))) return undefined;
	const match = new RegExp(`^([^\\ue000-\\ue00c]*)${STRONG_OPEN}([^\\ue000-\\ue00c]+)${STRONG_CLOSE}([^\\ue000-\\ue00c]*)$`).exec(text);
	if (!match) return undefined;
	const [, before = '', label = '', after = ''] = match;
	// Only decoration may stand outside the bold: emoji, spaces, a colon.
	if (hasWords(before) || hasWords(after.replace(/[:：]/g, ''))) return undefined;
	const title = cleanTitle(label.replace(/[:：]\s*$/, ''));
	return title.length > 0 && title.length <= 80 && hasWords(title) ? title : undefined;
}

function tableMarkdown(table: Table, images: FoundImage[]): string {
	const rows = table.children.map((row) =>
		row.children.map((cell) =>
			phrasingToLines(cell.children, images, lineOf(cell))
				.map((line) => toMarkdown(line.text))
				.join(' ')
		)
	);
	const width = Math.max(1, ...rows.map((row) => row.length));
	const pad = (row: string[]) => [...row, ...Array<string>(width - row.length).fill('')];
	const [head = [], ...body] = rows;
	const align = (table.align ?? []).slice(0, width);
	const ALIGN_RULE: Record<string, string> = { left: ':--', right: '--:', center: ':-:' };
	const rule = pad([]).map((_, i) => ALIGN_RULE[align[i] ?? ''] ?? '---');
	return [pad(head), rule, ...body.map(pad)].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

class StructureBuilder {
	sections: Section[] = [];
	images: FoundImage[] = [];
	warnings: NoteStructure['warnings'] = [];
	private headings: { depth: number; text: string }[] = [];
	private current: Section = { path: [], blocks: [] };
	private flattenedWarned = false;

	constructor(private readonly noteTitleLine: number | undefined) {}

	private startSection(title: SectionTitle | undefined, path: string[]): void {
		this.sections.push(this.current);
		this.current = { title, path, blocks: [] };
	}

	private headingPath(): string[] {
		return this.headings.map((heading) => heading.text).filter(Boolean);
	}

	private paragraphLines(paragraph: Paragraph): MarkedLine[] {
		return phrasingToLines(paragraph.children, this.images, lineOf(paragraph));
	}

	private listModel(list: List, depth: number): ListBlock {
		const start = lineOf(list);
		return {
			type: 'list',
			ordered: list.ordered === true,
			startNumber: list.start ?? 1,
			items: list.children.map((item) => this.itemModel(item, depth)),
			start,
			end: endOf(list, start)
		};
	}

	private itemModel(item: ListItem, depth: number): ListItemModel {
		const start = lineOf(item);
		const model: ListItemModel = { lines: [], children: [], start, end: endOf(item, start) };
		for (const child of item.children) {
			if (child.type === 'paragraph') {
				const lines = this.paragraphLines(child);
				if (model.children.length === 0) model.lines.push(...lines);
				else model.children.push({ type: 'lines', lines, start: lineOf(child), end: endOf(child, start) });
			} else if (child.type === 'list') {
				if (depth + 1 >= MAX_NESTING) {
					if (!this.flattenedWarned) {
						this.warnings.push({ line: lineOf(child), message: `lists nested more than ${MAX_NESTING} levels deep were flattened` });
						this.flattenedWarned = true;
					}
					model.lines.push(...this.flatten(child));
				} else {
					model.children.push(this.listModel(child, depth + 1));
				}
			} else {
				model.children.push(...this.contentBlocks(child, depth + 1));
			}
		}
		return model;
	}

	/** Every line of a list, however deep, without recursion. */
	private flatten(list: List): MarkedLine[] {
		const lines: MarkedLine[] = [];
		const stack: RootContent[] = [list];
		while (stack.length > 0) {
			const node = stack.pop() as RootContent;
			if (node.type === 'paragraph') lines.push(...this.paragraphLines(node));
			else if ('children' in node) stack.push(...[...(node.children as RootContent[])].reverse());
		}
		return lines;
	}

	/** Blocks inside a list item or a quote. */
	private contentBlocks(node: RootContent, depth: number): Block[] {
		const start = lineOf(node);
		switch (node.type) {
			case 'paragraph':
				return [{ type: 'lines', lines: this.paragraphLines(node), start, end: endOf(node, start) }];
			case 'list':
				return depth >= MAX_NESTING ? [{ type: 'lines', lines: this.flatten(node), start, end: endOf(node, start) }] : [this.listModel(node, depth)];
			case 'code':
				return [{ type: 'code', lang: node.lang ?? '', value: node.value, start, end: endOf(node, start) }];
			case 'table':
				return [{ type: 'table', markdown: tableMarkdown(node, this.images), start, end: endOf(node, start) }];
			case 'blockquote':
				return depth >= MAX_NESTING ? [] : node.children.flatMap((child) => this.contentBlocks(child, depth + 1));
			case 'html': {
				// Raw HTML never reaches a card: its images and its text do.
				phrasingToLines([{ type: 'html', value: node.value, position: node.position }], this.images, start);
				const text = node.value
					.replace(/<!--[\s\S]*?-->/g, ' ')
					.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
					.replace(/<[^>]*>/g, ' ')
					.replace(/\s+/g, ' ')
					.trim();
				return [{ type: 'lines', lines: text ? [{ text, line: start }] : [], start, end: endOf(node, start) }];
			}
			default:
				return [];
		}
	}

	add(node: RootContent): void {
		if (node.type === 'heading') {
			if (lineOf(node) === this.noteTitleLine) return;
			const text = headingText(node.children, this.images);
			while (this.headings.length > 0 && (this.headings.at(-1) as { depth: number }).depth >= node.depth) this.headings.pop();
			const path = this.headingPath();
			this.headings.push({ depth: node.depth, text });
			this.startSection(text ? { text, line: lineOf(node), kind: 'heading' } : undefined, path);
			return;
		}
		if (node.type === 'thematicBreak') {
			this.startSection(undefined, this.headingPath());
			return;
		}
		if (node.type === 'paragraph') {
			const lines = this.paragraphLines(node);
			const label = labelOf(lines[0]);
			if (label) {
				this.startSection({ text: label, line: lineOf(node), kind: 'label' }, this.headingPath());
				// "**Label**" with its material on the very next lines, no blank line between.
				const rest = lines.slice(1);
				const start = lineOf(node) + 1;
				const end = endOf(node, start);
				if (end >= start) this.current.blocks.push({ type: 'lines', lines: rest, start, end });
				return;
			}
		}
		this.current.blocks.push(...this.contentBlocks(node, 0));
	}

	finish(): NoteStructure {
		this.sections.push(this.current);
		return {
			sections: this.sections.filter((section) => section.title || section.blocks.length > 0),
			images: this.images,
			warnings: this.warnings
		};
	}
}

export function readStructure(tree: Root): NoteStructure {
	const headings = tree.children.filter((node) => node.type === 'heading');
	const h1s = headings.filter((node) => node.depth === 1);
	const lone = h1s.length === 1 && headings[0] === h1s[0] ? h1s[0] : undefined;
	const title = lone ? stripEmoji(headingText(lone.children, [])) : undefined;
	const builder = new StructureBuilder(lone ? lineOf(lone) : undefined);
	for (const node of tree.children) builder.add(node);
	return { ...builder.finish(), title: title || undefined };
}
