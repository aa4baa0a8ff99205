/**
 * Anki's card templates, rendered to the HTML of one side of a card: field
 * replacements with filters, conditional sections, {{FrontSide}} and cloze
 * deletions, read the way Anki reads them (rslib/src/template.rs, cloze.rs).
 * The output is the fields' own HTML put together: it is sanitized when shown,
 * never here, and nothing here adds script or event handlers.
 */
import { escapeHtml } from '../html-text';

export type TemplateNode =
	| { type: 'text'; text: string }
	| { type: 'field'; name: string; filters: string[] }
	| { type: 'section'; name: string; negated: boolean; children: TemplateNode[] };

export type Side = 'question' | 'answer';

export interface RenderContext {
	/** The note's fields by name, as HTML. */
	fields: ReadonlyMap<string, string>;
	/** Tags, Type, Deck, Subdeck, Card, CardFlag: Anki's special fields. */
	specials: ReadonlyMap<string, string>;
	/** The card's cloze number (ord + 1) for cloze note types, 0 otherwise. */
	clozeOrdinal: number;
	/** Field names the template asks for that the note does not have. */
	missingFields: Set<string>;
	/** Set when the card's own cloze deletion was rendered. */
	clozeFound?: boolean;
}

const HANDLEBAR = /\{\{(.*?)\}\}/gs;

/** Parses a template. Unbalanced sections are tolerated: a stray close is dropped, an open one closes at the end. */
export function parseTemplate(source: string): TemplateNode[] {
	const root: TemplateNode[] = [];
	const stack: { name: string; children: TemplateNode[] }[] = [{ name: '', children: root }];
	const current = () => (stack[stack.length - 1] as { children: TemplateNode[] }).children;
	let last = 0;
	for (const match of source.matchAll(HANDLEBAR)) {
		if (match.index > last) current().push({ type: 'text', text: source.slice(last, match.index) });
		last = match.index + match[0].length;
		const inner = (match[1] as string).trim();
		const sigil = inner[0];
		// A comment, or a change of delimiters (`{{=<% %>=}}`, which Recall does not follow): nothing to show.
		if (sigil === '!' || (sigil === '=' && inner.endsWith('='))) continue;
		if (sigil === '#' || sigil === '^') {
			const section: TemplateNode = { type: 'section', name: inner.slice(1).trim(), negated: sigil === '^', children: [] };
			current().push(section);
			stack.push({ name: section.name, children: section.children });
		} else if (sigil === '/') {
			const name = inner.slice(1).trim();
			const at = stack.findLastIndex((open, index) => index > 0 && open.name === name);
			if (at > 0) stack.length = at;
		} else if (inner !== '') {
			const parts = inner.split(':');
			const name = (parts.pop() as string).trim();
			// Filters apply from the one nearest the field outwards, as in Anki.
			current().push({ type: 'field', name, filters: parts.map((filter) => filter.trim()).reverse() });
		}
	}
	if (last < source.length) current().push({ type: 'text', text: source.slice(last) });
	return root;
}

/** Anki's test for a field that counts as empty in `{{#Field}}`: only whitespace, `<br>` and empty divs. */
export function isFieldEmpty(html: string): boolean {
	return /^(?:[\s\u00a0]|&nbsp;|<\/?(?:br|div)\s*\/?>)*$/i.test(html);
}

export function stripHtml(html: string): string {
	return html.replace(/<!--.*?-->/gs, '').replace(/<[^>]*>/g, '');
}

// ---------------------------------------------------------------- cloze

type ClozeNode = string | Cloze;

interface Cloze {
	ordinal: number;
	children: ClozeNode[];
	hint?: string;
	/** The text that opened it, given back when it is never closed. */
	opening: string;
}

/** Deeper nesting than Anki allows (10) is read as text. */
const MAX_CLOZE_NESTING = 10;
const CLOZE_TOKEN = /\{\{c(\d+)::|\}\}/g;

function parseCloze(text: string): ClozeNode[] {
	const output: ClozeNode[] = [];
	const open: Cloze[] = [];
	const push = (node: ClozeNode) => (open.length > 0 ? (open[open.length - 1] as Cloze).children : output).push(node);
	const pushText = (piece: string) => {
		if (piece === '') return;
		const cloze = open[open.length - 1];
		if (cloze && cloze.hint === undefined) {
			const split = piece.indexOf('::');
			if (split >= 0) {
				cloze.hint = piece.slice(split + 2);
				piece = piece.slice(0, split);
			}
		}
		push(piece);
	};
	let last = 0;
	for (const match of text.matchAll(CLOZE_TOKEN)) {
		pushText(text.slice(last, match.index));
		last = match.index + match[0].length;
		if (match[1] !== undefined) {
			if (open.length < MAX_CLOZE_NESTING) open.push({ ordinal: Number(match[1]), children: [], opening: match[0] });
			else push(match[0]);
		} else {
			const cloze = open.pop();
			if (cloze) push(cloze);
			else push(match[0]);
		}
	}
	pushText(text.slice(last));
	// An unclosed deletion is text, as it was typed.
	while (open.length > 0) {
		const cloze = open.pop() as Cloze;
		const flat: ClozeNode[] = [cloze.opening, ...cloze.children];
		if (cloze.hint !== undefined) flat.push(`::${cloze.hint}`);
		for (const node of flat) push(node);
	}
	return output;
}

function renderClozeNodes(nodes: readonly ClozeNode[], ordinal: number, side: Side, context: { found: boolean }): string {
	let html = '';
	for (const node of nodes) {
		if (typeof node === 'string') {
			html += node;
		} else if (node.ordinal !== ordinal) {
			html += renderClozeNodes(node.children, ordinal, side, context);
		} else {
			context.found = true;
			html +=
				side === 'question'
					? `<span class="cloze-blank">[${node.hint === undefined || node.hint.trim() === '' ? '...' : node.hint}]</span>`
					: `<mark>${renderClozeNodes(node.children, ordinal, side, context)}</mark>`;
		}
	}
	return html;
}

/** The text of the card's own deletions, for `{{type:cloze:Field}}`. */
function activeClozeText(nodes: readonly ClozeNode[], ordinal: number): string[] {
	const texts: string[] = [];
	for (const node of nodes) {
		if (typeof node === 'string') continue;
		if (node.ordinal === ordinal) texts.push(renderClozeNodes(node.children, ordinal, 'answer', { found: false }));
		else texts.push(...activeClozeText(node.children, ordinal));
	}
	return texts;
}

/** One side of cloze number `ordinal` of a field: its deletion blanked (question) or highlighted (answer). */
export function renderCloze(text: string, ordinal: number, side: Side): { html: string; found: boolean } {
	const context = { found: false };
	const html = renderClozeNodes(parseCloze(text), ordinal, side, context);
	return { html, found: context.found };
}

/** The cloze numbers a field uses. */
export function clozeOrdinals(text: string): Set<number> {
	const ordinals = new Set<number>();
	for (const match of text.matchAll(/\{\{c(\d+)::/g)) ordinals.add(Number(match[1]));
	return ordinals;
}

// ---------------------------------------------------------------- filters

/** `漢字[かんじ]` readings, as Anki's furigana filters find them. */
const FURIGANA = / ?([^ >]+?)\[(.+?)\]/g;

function furigana(text: string, mode: 'furigana' | 'kanji' | 'kana'): string {
	return text.replace(FURIGANA, (whole, base: string, reading: string) => {
		if (reading.startsWith('sound:')) return whole;
		if (mode === 'kanji') return base;
		if (mode === 'kana') return reading;
		return `<ruby>${base}<rt>${reading}</rt></ruby>`;
	});
}

function applyFilter(filter: string, value: string, fieldName: string, side: Side, context: RenderContext): string {
	switch (filter) {
		case 'text':
			return stripHtml(value);
		case 'cloze': {
			const { html, found } = renderCloze(value, context.clozeOrdinal, side);
			if (found) context.clozeFound = true;
			return html;
		}
		case 'hint':
			// Anki's hint is a link that runs script; a details element needs none.
			return isFieldEmpty(value) ? '' : `<details><summary>${escapeHtml(fieldName)}</summary>${value}</details>`;
		case 'furigana':
		case 'kanji':
		case 'kana':
			return furigana(value, filter);
		case 'cloze-only':
			return activeClozeText(parseCloze(value), context.clozeOrdinal).join(', ');
		default:
			// Text to speech speaks the field, it does not show it; Recall has no speech.
			if (filter === 'tts' || filter.startsWith('tts ')) return '';
			// Filters of add-ons and ones Anki may add later: the field as it is.
			return value;
	}
}

function fieldValue(name: string, context: RenderContext): string | undefined {
	return context.fields.get(name) ?? context.specials.get(name);
}

function renderField(node: Extract<TemplateNode, { type: 'field' }>, side: Side, context: RenderContext, frontSide: string): string {
	if (node.name === 'FrontSide' && node.filters.length === 0) return side === 'answer' ? frontSide : '';
	let value = fieldValue(node.name, context);
	if (value === undefined) {
		context.missingFields.add(node.name);
		return '';
	}
	if (node.filters.includes('type')) {
		// Anki asks for the answer to be typed in; Recall shows the answer on the back.
		if (side === 'question') return '';
		if (node.filters.includes('cloze')) return activeClozeText(parseCloze(value), context.clozeOrdinal).join(', ');
		return value;
	}
	for (const filter of node.filters) value = applyFilter(filter, value, node.name, side, context);
	return value;
}

function renderNodes(nodes: readonly TemplateNode[], side: Side, context: RenderContext, frontSide: string): string {
	let html = '';
	for (const node of nodes) {
		if (node.type === 'text') {
			html += node.text;
		} else if (node.type === 'field') {
			html += renderField(node, side, context, frontSide);
		} else {
			const value = fieldValue(node.name, context);
			const empty = value === undefined || isFieldEmpty(value);
			if (empty === node.negated) html += renderNodes(node.children, side, context, frontSide);
		}
	}
	return html;
}

/** One side of a card: the question, or the answer with `frontSide` as its {{FrontSide}}. */
export function renderTemplate(nodes: readonly TemplateNode[], side: Side, context: RenderContext, frontSide = ''): string {
	return renderNodes(nodes, side, context, frontSide);
}

/**
 * The answer template without a leading {{FrontSide}}: Recall shows the back
 * under the front, so the question would show twice. Undefined when the
 * template does not start with it.
 */
export function answerWithoutFrontSide(nodes: readonly TemplateNode[]): TemplateNode[] | undefined {
	const first = nodes.findIndex((node) => node.type !== 'text' || node.text.trim() !== '');
	const node = nodes[first];
	if (node?.type !== 'field' || node.name !== 'FrontSide' || node.filters.length > 0) return undefined;
	return nodes.slice(first + 1);
}

/** `<hr id=answer>`: where Anki's answer side says the answer begins. */
const ANSWER_RULE = /<hr\b[^>]*\bid\s*=\s*["']?answer\b["']?[^>]*>/i;

/** What a rendered answer shows after its `<hr id=answer>`, or undefined when it has none. */
export function afterAnswerRule(html: string): string | undefined {
	const match = ANSWER_RULE.exec(html);
	return match ? html.slice(match.index + match[0].length) : undefined;
}
