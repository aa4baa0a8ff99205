/**
 * The note as sections of blocks. A section starts at a heading or at a bold
 * label alone on its line (`❄️ **EC2**`, or `흐름 제어:` over a bulleted
 * list) and holds the paragraphs, lists, code and tables up to the next one.
 * Paragraphs and list items are kept as marked lines (see inline.ts),
 * because people write one fact per line.
 * An Obsidian callout with a title (`> [!tip] 제목`) is a section of its own,
 * its body the material; the section around it goes on after it.
 */
import type { Token } from 'markdown-it';
import {
	asBold,
	breaksAsSpaces,
	CODE_CLOSE,
	CODE_OPEN,
	imagesInHtml,
	soundsInHtml,
	inlineToLines,
	LINE_BREAK,
	noFinds,
	STRONG_CLOSE,
	STRONG_OPEN,
	stripMarkers,
	titleWithCode,
	toMarkdown,
	toPlain,
	type FoundEmbed,
	type FoundImage,
	type FoundSound,
	type FoundTag,
	type InlineFinds,
	type MarkedLine
} from './inline';
import { parseInlineText } from './parse';
import { namesPoints } from './facts';
import { answerOf, asksAlone } from './questions';
import { areReferences, isLinkLine, isReferenceLine, mayNameReferences } from './references';
import { isColonLabel, isPlainLabel, NOT_TERMS, readsAsClause } from './terms';
import { cleanTitle, DESCRIPTION_LINE, hasWords, startsWithArrow, stripDecoration, stripEmoji } from './text';
import { sayNote, type NoteWarning } from './warnings';

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

export interface TableRow {
	/** Each cell's text, marked (see inline.ts). */
	cells: string[];
	line: number;
}

export interface TableBlock {
	type: 'table';
	markdown: string;
	/** The header row (a pipe table always has one), then the body rows. */
	header: TableRow;
	rows: TableRow[];
	start: number;
	end: number;
}

export type Block = LinesBlock | ListBlock | CodeBlock | TableBlock;

export interface SectionTitle {
	text: string;
	/** The title as a card's front shows it when it holds code (`` `useState` 훅 ``; titleWithCode); its text stays its id's. */
	front?: string;
	line: number;
	/** `note`: the note's lone H1, over the material before its first other heading. */
	kind: 'heading' | 'label' | 'note';
}

export interface Section {
	title?: SectionTitle;
	/** The cleaned headings above the section (for a label: including its heading). */
	path: string[];
	/** Obsidian tags of its heading and the headings above, and of its lines of tags alone. */
	tags: string[];
	blocks: Block[];
}

/** An Obsidian callout (`> [!note] …`), to say so when it ends up on no card. */
export interface Callout {
	/** Its title, or else the start of its text. */
	text: string;
	start: number;
	end: number;
}

export interface NoteStructure {
	sections: Section[];
	images: FoundImage[];
	/** Sound files embedded: each played on the card an image on its line would be on. */
	sounds: FoundSound[];
	/** The lone H1 when the note has one: the note's own title. */
	title?: string;
	/** Tags of the whole note: on its title, or on lines of tags alone before its first heading. */
	tags: string[];
	/** Tags ending a line of material: they go on the cards that hold that line. */
	lineTags: FoundTag[];
	/** `![[other note]]`, left out. */
	embeds: FoundEmbed[];
	callouts: Callout[];
	warnings: NoteWarning[];
}

/**
 * Code blocks that Obsidian runs rather than shows: a Mermaid diagram's source, a Dataview or Tasks query, an embedded
 * search. Their text is no study material, so they are on no card and in no report of what no card holds.
 */
const QUERY_OR_DIAGRAM = /^(?:mermaid|dataview|dataviewjs|tasks|query)$/i;

/** Lists nested deeper than this are flattened: no note needs more, and recursion must stay bounded. */
export const MAX_NESTING = 16;

/** 1-based first and last line of a block token (markdown-it's map is 0-based and end-exclusive). */
function span(token: Token | undefined, fallback = 1): { start: number; end: number } {
	const map = token?.map;
	return map ? { start: map[0] + 1, end: Math.max(map[0] + 1, map[1]) } : { start: fallback, end: fallback };
}

/** The index of the token that closes the one at `open` (same nesting level). */
function closing(tokens: readonly Token[], open: number): number {
	const { level } = tokens[open] as Token;
	const type = (tokens[open] as Token).type.replace(/_open$/, '_close');
	for (let i = open + 1; i < tokens.length; i++) {
		const token = tokens[i] as Token;
		if (token.type === type && token.level === level) return i;
	}
	return tokens.length - 1;
}

/**
 * A paragraph that is only bold text (with emoji around it) is a label over
 * what follows: `❄️ **출시 서비스**`. One that starts with an arrow is a
 * caption or conclusion of what came before, not a new label.
 */
/** `■ 정규화`: a box drawn before a few words, as exam summaries head their parts, is a label as a bold line is. */
const BOXED_LABEL = /^[■□◆◇▣]\s*(\S.{0,39})$/u;

/** Bold words, code spans among them too (`` **`git rebase`** ``), alone on their line but for decoration. */
const BOLD_LINE = new RegExp(`^([^\\ue000-\\ue00c]*)${STRONG_OPEN}((?:[^\\ue000-\\ue00c]|${CODE_OPEN}[^${CODE_CLOSE}]*${CODE_CLOSE})+)${STRONG_CLOSE}([^\\ue000-\\ue00c]*)$`, 'u');

/** The title, with its code spans for the front (SectionTitle.front) when it holds any and they say the same. */
function withFront(marked: string, text: string): { text: string; front?: string } {
	const code = titleWithCode(marked);
	const front = code === undefined ? undefined : cleanTitle(code);
	return front !== undefined && toPlain(front) === text ? { text, front } : { text };
}

function labelOf(line: MarkedLine | undefined): { text: string; front?: string } | undefined {
	if (!line) return undefined;
	const text = line.text.trim();
	if (startsWithArrow(stripMarkers(text))) return undefined;
	const boxed = BOXED_LABEL.exec(stripMarkers(text))?.[1];
	if (boxed !== undefined && !/[:：.!?。]/.test(boxed)) {
		const title = cleanTitle(boxed);
		return hasWords(title) ? { text: title } : undefined;
	}
	const match = BOLD_LINE.exec(asBold(text));
	if (!match) return undefined;
	const [, before = '', label = '', after = ''] = match;
	// Only decoration may stand outside the bold: emoji, spaces, a colon.
	if (hasWords(before) || hasWords(after.replace(/[:：]/g, ''))) return undefined;
	const marked = label.replace(/[:：]\s*$/, '');
	const title = cleanTitle(toPlain(marked));
	return title.length > 0 && title.length <= 80 && hasWords(title) ? withFront(marked, title) : undefined;
}

/** How many items the list that opens at `open` has (its own, not its sub-items). */
function itemCount(tokens: readonly Token[], open: number): number {
	const { level } = tokens[open] as Token;
	const close = closing(tokens, open);
	let count = 0;
	for (let i = open + 1; i < close; i++) if ((tokens[i] as Token).type === 'list_item_open' && (tokens[i] as Token).level === level + 1) count++;
	return count;
}

/** Words that lead on to what follows rather than name it: `ex)`, `(예시)`, `※ 참고`, `즉`, `정리하면`, `아래 참고`. */
const LEAD_ON = /^(?:cf|vs|즉|단|또한|그리고|따라서|그러므로|예컨대|예를 들면)$|(?:하면|보면|같이|처럼|참고)$/iu;

/** Whether a line without its colon leads on to the list under it (LEAD_ON, or a word that is no term: `ex)`, `※ 주의`). */
function leadsOn(label: string): boolean {
	const core = label.replace(/^※\s*/u, '').replace(/^\((.*)\)$/u, '$1').replace(/\)$/u, '').trim();
	return LEAD_ON.test(core) || NOT_TERMS.has(core.toLowerCase().replace(/\.$/u, ''));
}

/** A plain label's title; `asks` when it is a question, which its list answers. */
interface PlainLabel {
	text: string;
	front?: string;
	asks?: boolean;
}

/**
 * `흐름 제어:`, a paragraph of one short line ending in a colon, over the bulleted list at token `next`: a label as its
 * bold form (`**흐름 제어**`) is, with the same title, so rewriting one as the other keeps its cards. Without the colon
 * (`태아의 권리능력`, `탄력성 결정 요인`), the list right under it, with no blank line between, shows it heads the list
 * as the colon would. A clause ending in a colon ("The three types are as follows:", "종류는 다음과 같다:") introduces
 * its list as prose does, and a line over numbered lines says what they are (see leadInOf in extract.ts): neither is a
 * label.
 */
function plainLabelOver(lines: readonly MarkedLine[], tokens: readonly Token[], next: number): PlainLabel | undefined {
	const [line] = lines;
	const list = tokens[next];
	const ordered = list?.type === 'ordered_list_open';
	if (lines.length !== 1 || !line || !(list?.type === 'bullet_list_open' || ordered)) return undefined;
	// `Why constructor injection?` over the reasons: the list answers it, as sub-items answer a list item's question.
	if (!ordered && asksAlone(line)) return { ...withFront(line.text, stripEmoji(toPlain(line.text)).replace(/\s+/g, ' ').trim()), asks: true };
	const plain = toPlain(line.text);
	// A line holding a separator is a term and its definition (`**총수입**: P × Q`) over sub-items of its own.
	const underIt = span(list).start === line.line + 1 && !/[:：=→]|\s[-–—]\s/u.test(plain);
	const colon = /[:：]$/.test(plain);
	if (!(colon || underIt) || startsWithArrow(plain)) return undefined;
	const label = cleanTitle(stripDecoration(plain).replace(/[:：]$/, ''));
	if (!colon && leadsOn(label)) return undefined;
	// Over numbered lines, only a line naming points or kinds (`Three ways to inject:`, `요건`) heads them as a label:
	// one naming steps, or naming nothing, says what the section's steps card asks.
	if (ordered && !namesPoints(label)) return undefined;
	// Its colon makes it a label as bold would (isColonLabel); without, it must read as one.
	const named = colon && !ordered ? isColonLabel(label) : isPlainLabel(label, itemCount(tokens, next)) && !readsAsClause(label);
	return named ? { text: label } : undefined;
}

/**
 * A Notion page's properties, which its Markdown export writes as lines under the page's title
 * (`Created: September 3, 2024 10:12 AM`, `Tags: CS, Exam`), and Obsidian's Dataview fields (`Created:: 2024-03-01`):
 * the page's record, not its material. Told by a line of when the page was made or edited, with a date; the lines
 * around it are the other properties.
 */
const PROPERTY_LINE = /^([^:：]{1,30})(::|[:：])\s*(.*)$/u;
const TIMESTAMP_PROPERTY = /^(?:created|last edited|last modified|edited|updated|modified|date)(?: time| by| at| on)?$|^(?:생성|최종 편집|마지막 편집|수정|편집)\s*(?:일시|일|시간|날짜)$/iu;
const DATE_VALUE =
	/^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}\.?|\d{4}년 \d{1,2}월 \d{1,2}일)(?:\s|$)/iu;
/** A date as Notion writes it out (`April 2, 2024`, `2024년 4월 2일`), not as one is typed (`2024-04-02`). */
const WRITTEN_DATE = /^(?:[a-z]+\.? \d{1,2}, \d{4}|\d{4}년)/iu;

/**
 * Whether a property says when the page was made or edited. A bare `Date:` typed over a lecture's definitions
 * (`Date: 2024-04-02`) is the day of the lecture, and the lines under it its material: a date property is the page's
 * record only as Notion writes it out or as a Dataview field.
 */
function isTimestamp([, name = '', separator, value = '']: RegExpExecArray): boolean {
	const key = name.trim().toLowerCase();
	const date = value.trim();
	if (!TIMESTAMP_PROPERTY.test(key) || !DATE_VALUE.test(date)) return false;
	return key !== 'date' || separator === '::' || WRITTEN_DATE.test(date);
}

/**
 * The names Notion gives a database's properties (in English and Korean), and those study databases add: a line of
 * one of them is a property whatever its value (a select's option, a person, a page's text).
 */
const PROPERTY_NAME =
	/^(?:tags?|status|type|category|class|course|subject|lecture|week|semester|professor|instructor|teacher|author|(?:created|last edited|edited) by|owner|person|people|assignee|assign|priority|area|project|source|url|link|files(?: & media)?|reviewed|done|progress|select|multi-select|checkbox|number|email|phone|formula|relation|rollup|property)$|^(?:태그|상태|유형|분류|카테고리|과목|강의|수업|주차|학기|교수|담당자|작성자|생성자|최종 편집자|사람|우선순위|영역|프로젝트|출처|링크|파일과 미디어|복습|완료|진행 상황|선택|다중 선택|체크박스|숫자|이메일|전화번호|수식|관계형|롤업|속성)$/iu;
/** A value of a typed property, besides a date, as Notion writes it: a link, an e-mail address, a checkbox, a number. */
const TYPED_VALUE = /^(?:https?:\/\/|www\.)\S+$|^[^\s@]+@[^\s@]+\.[a-z]{2,}$|^(?:yes|no|예|아니요|아니오)$|^[-+]?\d[\d,]*(?:\.\d+)?\s*%?$/iu;
/** A relation: the related page's Markdown file in the export (`Networks (../Courses/Networks%2012ab.md)`). */
const PAGE_FILE = /\.md\)?$/iu;

/**
 * Whether a line is a property as Notion's export or Dataview writes one: a Dataview field, a property of a name
 * Notion gives, or a value of a typed property. A term over its definition (`TCP: 연결형`) is none of these.
 */
function isProperty(property: RegExpExecArray, line: MarkedLine): boolean {
	const [, name = '', separator, value = ''] = property;
	// The value as read (a link's text), where `value` has a link's address run on after its text.
	const shown = PROPERTY_LINE.exec(toPlain(line.text))?.[3]?.trim() ?? '';
	return separator === '::' || isTimestamp(property) || PROPERTY_NAME.test(name.trim()) || DATE_VALUE.test(shown) || TYPED_VALUE.test(shown) || PAGE_FILE.test(value.trim());
}

/**
 * A paragraph that opens the note is its page's properties when one of its lines says when the page was made or
 * edited and every line is a property: a date over definitions in one paragraph is the day of the lecture, and the
 * definitions its material.
 */
function isPageProperties(lines: readonly MarkedLine[]): boolean {
	const properties = lines.map((line) => PROPERTY_LINE.exec(stripMarkers(line.text).trim()));
	if (properties.length === 0 || !properties.every((property, index) => property && isProperty(property, lines[index] as MarkedLine))) return false;
	return properties.some((property) => property !== null && isTimestamp(property));
}

/** `> [!warning] 시험 포인트`: the type of an Obsidian callout (`-` or `+` after it when it folds), then its title. */
const CALLOUT_MARK = /^\s*\[![\w-]+\][+-]?\s*/;

interface CalloutParts {
	/** Its first line without the `[!type]` mark: the title, maybe empty. */
	title: MarkedLine;
	body: Block[];
}

/** A quote's blocks read as a callout, when its first line starts with the `[!type]` mark. */
function calloutParts(blocks: readonly Block[]): CalloutParts | undefined {
	const [first, ...rest] = blocks;
	const head = first?.type === 'lines' ? first.lines[0] : undefined;
	const mark = head && head.line === first?.start ? CALLOUT_MARK.exec(head.text) : null;
	if (!first || first.type !== 'lines' || !head || !mark) return undefined;
	const title = { ...head, text: head.text.slice(mark[0].length) };
	const body: Block[] = first.end > first.start ? [{ ...first, lines: first.lines.slice(1), start: first.start + 1 }, ...rest] : rest;
	return { title, body };
}

/**
 * Raw HTML's comments, scripts and styles blanked, its line breaks kept; one left open runs to the end, as in a
 * browser. Searched for by hand: a lazy regular expression from each of thousands of unclosed `<!--` searched to the end.
 */
function withoutHiddenHtml(html: string): string {
	if (!/<(?:!--|script\b|style\b)/i.test(html)) return html;
	const lower = html.toLowerCase();
	const opener = /<(?:!--|script\b|style\b)/g;
	let out = '';
	let at = 0;
	for (;;) {
		opener.lastIndex = at;
		const start = opener.exec(lower)?.index;
		if (start === undefined) return out + html.slice(at);
		const closer = lower.startsWith('<!--', start) ? '-->' : lower.startsWith('<script', start) ? '</script' : '</style';
		const close = lower.indexOf(closer, start + 4);
		const end = close < 0 ? html.length : closer === '-->' ? close + 3 : Math.max(close, lower.indexOf('>', close) + 1);
		out += html.slice(at, start) + html.slice(start, end).replace(/[^\n]/g, '');
		at = end;
	}
}

/** The text between raw HTML's tags, white space collapsed. */
function htmlText(html: string): string {
	return (
		withoutHiddenHtml(html)
			// `[^<>]`, not `[^>]`: from each of thousands of unclosed `<` the search would run to the end.
			.replace(/<[^<>]*>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/** Raw HTML's text as one plain line, its Markdown read (`<summary>**DNS** 질의</summary>`). */
function htmlPlainText(html: string): string {
	const text = htmlText(html);
	return text ? toPlain(inlineToLines(parseInlineText(text), noFinds(), 1).map((line) => line.text).join(' ')) : '';
}

const lineCount = (text: string) => text.split('\n').length - 1;

/** A toggle (`<details><summary>…</summary>…</details>`), as Notion exports its toggles and GitHub notes fold answers. */
// Bounded, as a hostile note's thousands of unclosed tags must not make each search run to its end.
const DETAILS_OPEN = /<details\b[^>]{0,200}>/i;
const DETAILS_CLOSE = /<\/details\s{0,20}>/i;
const SUMMARY = /<summary\b[^>]{0,200}>([\s\S]{0,2000}?)<\/summary\s{0,20}>/i;
/**
 * A summary that only names the fold's button (`<summary>접기/펼치기</summary>` over a solution's code, as Korean TIL
 * notes copy it; "Click to expand"): it asks nothing, so the toggle is no section of its own and what it folds is the
 * material of the section around it, as without a summary.
 */
const FOLD_LABEL =
	/^(?:(?:click|tap)(?: here)?(?: to)? )?(?:expand|collapse|show|hide|open|view|see|toggle|fold|unfold)?(?: (?:more|all|details|code|source(?: code)?|answer|solution|hint|spoiler))?$|^(?:details|code|source(?: code)?|answer|solution|hint|spoiler|more)$|^(?:(?:코드|소스|소스 ?코드|정답|답|해답|풀이|힌트|내용|전체)(?: ?보기)?|(?:접기|펼치기|열기|닫기|보기|더 ?보기|펼쳐 ?보기)(?: ?[/|] ?(?:접기|펼치기|열기|닫기))?|(?:클릭|눌러서?)(?:해서|하여|하면)? ?(?:펼치기|보기|열기))$/iu;

function isFoldLabel(title: string): boolean {
	const words = stripEmoji(title).toLowerCase().replace(/[^\p{L}\p{N}/| ]+/gu, ' ').replace(/\s+/g, ' ').trim();
	return words !== '' && FOLD_LABEL.test(words);
}

/** Toggles one after another within one block of HTML read as toggles; after as many, the rest is its text. */
const MAX_TOGGLES_IN_BLOCK = 100;

function hasText(block: Block): boolean {
	return block.type !== 'lines' || block.lines.length > 0;
}

/** A callout where a section cannot start (inside a list item or quote): its title a line over its body. */
function calloutAsMaterial(callout: CalloutParts): Block[] {
	const { title } = callout;
	if (!hasWords(stripMarkers(title.text))) return callout.body;
	return [{ type: 'lines', lines: [title], start: title.line, end: title.line }, ...callout.body];
}

/** A table's rows of marked cell text, the header row first. */
function tableRows(tokens: readonly Token[], finds: InlineFinds): TableRow[] {
	const rows: TableRow[] = [];
	for (const token of tokens) {
		if (token.type === 'tr_open') rows.push({ cells: [], line: span(token).start });
		else if (token.type === 'inline') {
			const row = rows.at(-1);
			const found = finds.sounds.length;
			// A cell's inline token has no lines of its own (markdown-it maps the row): what it holds is on its row's.
			const lines = inlineToLines(token.children ?? [], finds, row?.line ?? span(token).start);
			for (const sound of finds.sounds.slice(found)) sound.cell = row?.cells.length;
			row?.cells.push(lines.map((line) => line.text).join(' '));
		}
	}
	return rows;
}

function tableMarkdown(tokens: readonly Token[], rows: readonly TableRow[]): string {
	const align = tokens
		.slice(0, tokens.findIndex((token) => token.type === 'tr_close'))
		.filter((token) => token.type === 'th_open' || token.type === 'td_open')
		.map((token) => {
			const style = String(token.attrGet('style') ?? '');
			return /center/.test(style) ? ':-:' : /right/.test(style) ? '--:' : /left/.test(style) ? ':--' : '---';
		});
	const width = Math.max(1, ...rows.map((row) => row.cells.length));
	const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
	// A row is one line of Markdown: a break in a cell is a space there (the cell's own card keeps it).
	const [head = [], ...rest] = rows.map((row) => row.cells.map((cell) => toMarkdown(breaksAsSpaces(cell))));
	const rule = pad([]).map((_, i) => align[i] ?? '---');
	return [pad(head), rule, ...rest.map(pad)].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** A list (`blocks`, as block() reads one) of references only under `title` (references.ts), its items without sub-items. */
function listOfReferences(title: string, blocks: readonly Block[]): boolean {
	const [list] = blocks;
	if (blocks.length !== 1 || list?.type !== 'list' || !mayNameReferences(title)) return false;
	return list.items.every((item) => item.children.length === 0) && areReferences(title, list.items.flatMap((item) => item.lines));
}

/**
 * A list item of references: `- See also: [[Rollback]]`, or `4. 참고` over links, as notes end numbered steps with. Not a
 * step, nor a card of links.
 */
function isReferenceItem(item: ListItemModel): boolean {
	const [first] = item.lines;
	if (!first || item.lines.length !== 1) return false;
	if (item.children.length === 0) return isReferenceLine(first);
	return listOfReferences(toPlain(first.text), item.children);
}

/** What reading a toggle leaves: the index after it, and the rest of the HTML block its end was in. */
interface ToggleFound {
	next: number;
	more?: { html: string; line: number; index: number };
}

class StructureBuilder {
	sections: Section[] = [];
	finds = noFinds();
	noteTags: string[] = [];
	lineTags: FoundTag[] = [];
	callouts: Callout[] = [];
	warnings: NoteStructure['warnings'] = [];
	private headings: { depth: number; text: string; tags: string[] }[] = [];
	private current: Section = { path: [], tags: [], blocks: [] };
	/** Callout sections inside the current one: they follow it in the list, as it goes on after them. */
	private asides: Section[] = [];
	/** The plain label whose list was the last material: notes after it go with it (see plainLabel). */
	private underPlainLabel: Section | undefined;
	private flattenedWarned = false;

	constructor(
		private readonly tokens: readonly Token[],
		private readonly noteTitleAt: number | undefined
	) {}

	private startSection(title: SectionTitle | undefined, path: string[], tags = this.headingTags()): void {
		this.underPlainLabel = undefined;
		this.sections.push(this.current, ...this.asides);
		this.asides = [];
		this.current = { title, path, tags, blocks: [] };
	}

	private headingPath(): string[] {
		return this.headings.map((heading) => heading.text).filter(Boolean);
	}

	private headingTags(): string[] {
		return this.headings.flatMap((heading) => heading.tags);
	}

	/**
	 * The tags read since the last call: a line of tags alone, or its title's, tag a section (before any
	 * heading but the note's title, the whole note); a tag ending a line of material, the cards that hold the line.
	 */
	private takeTags(section: Section): void {
		for (const found of this.finds.tags) {
			if (!found.alone && found.line !== section.title?.line) this.lineTags.push(found);
			// Before any heading but the note's title (which heads its material, kind 'note'): the whole note's.
			else if ((!section.title || section.title.kind === 'note') && section.path.length === 0) this.noteTags.push(found.tag);
			else section.tags.push(found.tag);
		}
		this.finds.tags = [];
	}

	/** The lines of the inline token at `index` (a paragraph's or heading's content). */
	private inlineLines(index: number, finds = this.finds): MarkedLine[] {
		const token = this.tokens[index];
		if (token?.type !== 'inline') return [];
		return inlineToLines(token.children ?? [], finds, span(token).start);
	}

	/** A heading's text and its tags (`## DNS #todo`). */
	/**
	 * A heading's title, and what follows a line break between its words (`### 삼투<br/>반투막을 통해 …`, as notes copied
	 * from a slide write a term over its definition): the first line of its material, which the title asks.
	 */
	private heading(open: number): { text: string; front?: string; tags: string[]; after?: MarkedLine } {
		const finds = noFinds();
		let lines = this.inlineLines(open + 1, finds);
		let after: MarkedLine | undefined;
		const [first] = lines;
		const at = first?.text.indexOf(LINE_BREAK) ?? -1;
		if (first && lines.length === 1 && at >= 0 && hasWords(stripMarkers(first.text.slice(0, at))) && hasWords(stripMarkers(first.text.slice(at + 1)))) {
			lines = [{ ...first, text: first.text.slice(0, at).trimEnd() }];
			after = { ...first, text: first.text.slice(at + 1).trimStart() };
		}
		const text = cleanTitle(lines.map((line) => stripMarkers(line.text)).join(' '));
		this.finds.images.push(...finds.images);
		this.finds.sounds.push(...finds.sounds);
		this.finds.embeds.push(...finds.embeds);
		return { ...withFront(lines.map((line) => line.text).join(' '), text), tags: finds.tags.map((found) => found.tag), ...(after ? { after } : {}) };
	}

	private warnFlattened(line: number): void {
		if (this.flattenedWarned) return;
		this.warnings.push({ line, ...sayNote('note-lists-flattened', { levels: MAX_NESTING }) });
		this.flattenedWarned = true;
	}

	/** Every line of every paragraph between `from` and `to`, without recursion. */
	private flatten(from: number, to: number): MarkedLine[] {
		const lines: MarkedLine[] = [];
		for (let i = from; i < to; i++) if (this.tokens[i]?.type === 'inline') lines.push(...this.inlineLines(i));
		return lines;
	}

	private list(open: number, close: number, depth: number): ListBlock {
		const token = this.tokens[open] as Token;
		const { start, end } = span(token);
		const items: ListItemModel[] = [];
		let afterReferences = false;
		for (let i = open + 1; i < close; i++) {
			if (this.tokens[i]?.type !== 'list_item_open') continue;
			const itemClose = closing(this.tokens, i);
			const item = this.item(i, itemClose, depth);
			// The links right after `- See also: …` are its references too; the first item that is no link ends them (a
			// step or a point after a reference in the middle of a list is kept).
			const references: boolean = isReferenceItem(item) || (afterReferences && item.children.length === 0 && item.lines.every((line) => isLinkLine(line.text)));
			if (!references) items.push(item);
			afterReferences = references;
			i = itemClose;
		}
		return { type: 'list', ordered: token.type === 'ordered_list_open', startNumber: Number(token.attrGet('start') ?? 1) || 1, items, start, end };
	}

	private item(open: number, close: number, depth: number): ListItemModel {
		const { start, end } = span(this.tokens[open]);
		const model: ListItemModel = { lines: [], children: [], start, end };
		let i = open + 1;
		if (this.tokens[i]?.type === 'paragraph_open') {
			model.lines = this.inlineLines(i + 1);
			i = closing(this.tokens, i) + 1;
		}
		while (i < close) {
			const [blocks, next] = this.block(i, depth + 1);
			model.children.push(...blocks);
			i = next;
		}
		return model;
	}

	/** The blocks of the token at `index` inside a list item or quote, and the index after it. */
	private block(index: number, depth: number): [Block[], number] {
		const token = this.tokens[index] as Token;
		const { start, end } = span(token);
		switch (token.type) {
			case 'paragraph_open':
			case 'heading_open': {
				const lines = this.inlineLines(index + 1);
				// `See also: [[Rollback]]` is where to read more, on no card (references.ts).
				const kept = lines.some(isReferenceLine) ? lines.filter((line) => !isReferenceLine(line)) : lines;
				return [kept.length === 0 && lines.length > 0 ? [] : [{ type: 'lines', lines: kept, start, end }], closing(this.tokens, index) + 1];
			}
			case 'bullet_list_open':
			case 'ordered_list_open': {
				const close = closing(this.tokens, index);
				if (depth >= MAX_NESTING) {
					this.warnFlattened(start);
					return [[{ type: 'lines', lines: this.flatten(index, close), start, end }], close + 1];
				}
				const list = this.list(index, close, depth);
				return [list.items.length > 0 ? [list] : [], close + 1];
			}
			case 'blockquote_open': {
				const [blocks, next] = this.quote(index, depth);
				const callout = calloutParts(blocks);
				return [callout ? calloutAsMaterial(callout) : blocks, next];
			}
			case 'fence':
				if (QUERY_OR_DIAGRAM.test(token.info.trim().split(/\s+/)[0] ?? '')) return [[], index + 1];
			// falls through
			case 'code_block':
				// Code says what it says: an HTML break in an indented block is the space it was before breaks were kept.
				return [[{ type: 'code', lang: token.info.trim().split(/\s+/)[0] ?? '', value: breaksAsSpaces(token.content.replace(/\n$/, '')), start, end }], index + 1];
			case 'math_block':
				// `$$` math over several lines (math.ts): its lines as written, unread as Markdown.
				return [[{ type: 'lines', lines: token.content.replace(/\n$/, '').split('\n').map((text, offset) => ({ text: stripMarkers(text).trim(), line: start + offset })), start, end }], index + 1];
			case 'table_open': {
				const close = closing(this.tokens, index);
				const tokens = this.tokens.slice(index, close);
				const [header = { cells: [], line: start }, ...rows] = tableRows(tokens, this.finds);
				return [[{ type: 'table', markdown: tableMarkdown(tokens, [header, ...rows]), header, rows, start, end }], close + 1];
			}
			case 'html_block': {
				// Raw HTML never reaches a card: its images and its text do.
				return [[{ type: 'lines', lines: this.htmlLines(token.content, start)?.lines ?? [], start, end }], index + 1];
			}
			default:
				return [[], index + 1];
		}
	}

	/** The blocks of a quote's content, and the index after it. */
	private quote(open: number, depth: number): [Block[], number] {
		const close = closing(this.tokens, open);
		const blocks: Block[] = [];
		for (let i = open + 1; i < close; ) {
			const [inner, next] = this.block(i, depth + 1);
			blocks.push(...inner);
			i = next;
		}
		return [blocks, close + 1];
	}

	/**
	 * A callout with a title over some text is a section, like a bold label, but the section around
	 * it goes on after it. Without a title, or without text under it, it is the material of that section.
	 */
	private callout(open: number): number {
		const [blocks, next] = this.quote(open, 0);
		const callout = calloutParts(blocks);
		if (!callout) {
			this.current.blocks.push(...blocks);
			return next;
		}
		const { start, end } = span(this.tokens[open]);
		const title = cleanTitle(stripMarkers(callout.title.text));
		const text = title || callout.body.flatMap((block) => (block.type === 'lines' ? block.lines.map((line) => stripMarkers(line.text)) : [])).join(' ');
		this.callouts.push({ text, start, end });
		if (!hasWords(title) || !callout.body.some(hasText)) {
			this.current.blocks.push(...calloutAsMaterial(callout));
			return next;
		}
		const section: Section = { title: { text: title, line: start, kind: 'label' }, path: this.headingPath(), tags: this.headingTags(), blocks: callout.body };
		this.takeTags(section);
		this.asides.push(section);
		return next;
	}

	/**
	 * A toggle is a section of its own, its summary the title and what it folds the material, as a callout with a
	 * title is: `<summary>What is a process?</summary>` over its answer asks that question. Returns the index after
	 * the toggle's last token (or after the last of the toggles that follow it in that token).
	 */
	private toggles(index: number): number {
		const token = this.tokens[index] as Token;
		let found: ToggleFound = this.toggle(index, token.content.trimStart(), span(token).start);
		for (let count = 1; found.more; count++) {
			const { html, line, index: at } = found.more;
			const open = count < MAX_TOGGLES_IN_BLOCK ? DETAILS_OPEN.exec(html) : null;
			const text = this.htmlLines(open ? html.slice(0, open.index) : html, line);
			if (text) this.current.blocks.push(text);
			if (!open) break;
			found = this.toggle(at, html.slice(open.index), line + lineCount(html.slice(0, open.index)));
		}
		return found.next;
	}

	/** One toggle: `html` is the HTML block at `index` from its `<details>` on, starting at line `line`. */
	private toggle(index: number, html: string, line: number): ToggleFound {
		const summary = SUMMARY.exec(html);
		const before = html.slice(0, summary?.index ?? 0);
		// Anything but white space and tags between `<details>` and `<summary>`: no toggle this reads.
		if (!summary || htmlText(before) !== '') {
			const text = this.htmlLines(html, line);
			if (text) this.current.blocks.push(text);
			return { next: index + 1 };
		}
		const title = cleanTitle(htmlPlainText(summary[1] ?? ''));
		const titleLine = line + lineCount(before);
		const body: Block[] = [];
		const addHtml = (text: string, first: number) => {
			const block = this.htmlLines(text, first);
			if (block) body.push(block);
		};
		// What follows the toggle's end in the block that ends it is the material around it, or more toggles.
		let more: ToggleFound['more'];
		const closeIn = (text: string, first: number, at: number): boolean => {
			const close = DETAILS_CLOSE.exec(text);
			if (!close) return false;
			const end = close.index + close[0].length;
			addHtml(text.slice(0, close.index), first);
			more = { html: text.slice(end), line: first + lineCount(text.slice(0, end)), index: at };
			return true;
		};
		const folded = html.slice(summary.index + summary[0].length);
		const foldedLine = titleLine + lineCount(summary[0]);
		let next = index + 1;
		if (!closeIn(folded, foldedLine, index)) {
			addHtml(folded, foldedLine);
			while (next < this.tokens.length) {
				const token = this.tokens[next] as Token;
				// A heading ends a toggle left open.
				if (token.type === 'heading_open') break;
				if (token.type === 'html_block' && closeIn(token.content, span(token).start, next)) {
					next++;
					break;
				}
				const [blocks, following] = this.block(next, 1);
				body.push(...blocks);
				next = following;
			}
		}
		const asks = hasWords(title) && !isFoldLabel(title);
		if (asks && body.some(hasText)) {
			const section: Section = { title: { text: title, line: titleLine, kind: 'label' }, path: this.headingPath(), tags: this.headingTags(), blocks: body };
			this.takeTags(section);
			this.asides.push(section);
		} else {
			if (asks) this.current.blocks.push({ type: 'lines', lines: [{ text: title, line: titleLine }], start: titleLine, end: titleLine });
			this.current.blocks.push(...body);
		}
		return { next, more };
	}

	/**
	 * The lines of raw HTML that starts at line `first`: the Markdown between its tags read (Notion writes `**bold**`
	 * inside its `<aside>`), a line of the note to a line, those without text left out. Its images are found, each on
	 * its line, as each part of the HTML is read once.
	 */
	private htmlLines(html: string, first: number): LinesBlock | undefined {
		const lines = withoutHiddenHtml(html)
			.split('\n')
			.flatMap((text, offset) => {
				this.finds.images.push(...imagesInHtml(text, first + offset));
				this.finds.sounds.push(...soundsInHtml(text, first + offset));
				const plain = text.replace(/<[^<>]*>/g, ' ').trim();
				return plain ? inlineToLines(parseInlineText(plain), this.finds, first + offset) : [];
			})
			.filter((line) => hasWords(stripMarkers(line.text)));
		const [head, last] = [lines[0], lines.at(-1)];
		return head && last ? { type: 'lines', lines, start: head.line, end: last.line } : undefined;
	}

	/** Nothing of the note read yet but its title. */
	private atNoteStart(): boolean {
		const { title } = this.current;
		return (!title || title.kind === 'note') && this.current.blocks.length === 0 && this.sections.every((section) => section.blocks.length === 0 && !section.title);
	}

	/** One top-level token: headings and labels start sections, the rest is their material. */
	private topLevel(index: number): number {
		const token = this.tokens[index] as Token;
		if (token.type === 'heading_open') {
			const close = closing(this.tokens, index);
			if (index === this.noteTitleAt) {
				// The note's title heads the material under it as any heading would, but is no heading of a path: the deck's name says it.
				const { text } = this.heading(index);
				this.startSection(text ? { text, line: span(token).start, kind: 'note' } : undefined, []);
				return close + 1;
			}
			const depth = Number(token.tag.slice(1));
			const { text, front, tags, after } = this.heading(index);
			while (this.headings.length > 0 && (this.headings.at(-1) as { depth: number }).depth >= depth) this.headings.pop();
			const path = this.headingPath();
			const inherited = this.headingTags();
			this.headings.push({ depth, text, tags });
			this.startSection(text ? { text, ...(front === undefined ? {} : { front }), line: span(token).start, kind: 'heading' } : undefined, path, [...inherited, ...tags]);
			if (after) this.current.blocks.push({ type: 'lines', lines: [after], start: after.line, end: after.line });
			return close + 1;
		}
		if (token.type === 'blockquote_open') return this.callout(index);
		if (token.type === 'html_block' && /^\s*<details\b/i.test(token.content)) return this.toggles(index);
		if (token.type === 'hr') {
			this.startSection(undefined, this.headingPath());
			return index + 1;
		}
		if (token.type === 'paragraph_open') {
			const lines = this.inlineLines(index + 1, noFinds());
			if (this.atNoteStart() && isPageProperties(lines)) return closing(this.tokens, index) + 1;
			// `**Q: ...**` over its `A: ...` line is a question, not a label; `**term**` over its `: description`, a term.
			const asked = lines[1] && (answerOf(lines[1]) || DESCRIPTION_LINE.test(lines[1].text));
			const label = asked ? undefined : labelOf(lines[0]);
			const plainLabel = asked || label ? undefined : plainLabelOver(lines, this.tokens, closing(this.tokens, index) + 1);
			if (plainLabel) return this.plainLabel(plainLabel, index);
			if (label) {
				const { start, end } = span(token);
				this.inlineLines(index + 1); // its images
				this.startSection({ ...label, line: start, kind: 'label' }, this.headingPath());
				// "**Label**" with its material on the very next lines, no blank line between.
				if (end > start) this.current.blocks.push({ type: 'lines', lines: lines.slice(1), start: start + 1, end });
				return closing(this.tokens, index) + 1;
			}
		}
		const references = this.referencesAt(index);
		if (references !== undefined) return references;
		const target = this.materialSection(index);
		const [blocks, next] = this.block(index, 0);
		target.blocks.push(...blocks);
		return next;
	}

	/**
	 * A plain label (`발생 조건:`, `태아의 권리능력`) heads the list under it and the notes after it, but it is a line of
	 * the section, not a heading: a bold term after it (`**총수입**: P × Q`) starts something else, and the section
	 * around it goes on there, as after a callout. Returns the index after the list.
	 */
	private plainLabel({ asks, ...label }: PlainLabel, index: number): number {
		const { start } = span(this.tokens[index]);
		this.inlineLines(index + 1); // its images
		const [blocks, next] = this.block(closing(this.tokens, index) + 1, 0);
		// `See also:` over links: on no card, and what follows is the section's again.
		if (listOfReferences(label.text, blocks)) return next;
		// Under a bold label (`**EC2**` over `장점` and `단점`), that label is its context as a heading's is; not after a
		// bold label's own list (`**특징**` over its points, then `장점:`), which it follows as another label would.
		const heads = this.current.title?.kind === 'label' && !this.current.blocks.some((block) => block.type === 'list');
		const over = heads && this.current.title ? [this.current.title.text] : [];
		const section: Section = { title: { ...label, line: start, kind: 'label' }, path: [...this.headingPath(), ...over], tags: this.headingTags(), blocks };
		this.asides.push(section);
		// A question is answered by its list: what follows (the code showing it, say) is the heading's again.
		this.underPlainLabel = asks ? undefined : section;
		return next;
	}

	/**
	 * A list right under a heading or bold label of references (`## 참고`, `**See also**`) that holds only references:
	 * on no card. Returns the index after it, or undefined for any other material, which is then read as such.
	 */
	private referencesAt(index: number): number | undefined {
		const token = this.tokens[index] as Token;
		const title = this.current.title;
		if (this.underPlainLabel || !title || !/^(?:bullet|ordered)_list_open$/.test(token.type) || !mayNameReferences(title.text)) return undefined;
		// Read aside, so that what it holds is found (its images, its tags) only when it is read as material after all.
		const finds = this.finds;
		this.finds = noFinds();
		const [blocks, next] = this.block(index, 0);
		this.finds = finds;
		return listOfReferences(title.text, blocks) ? next : undefined;
	}

	/** The section the material at `index` goes to: the plain label's over it, until a bold term or anything but material. */
	private materialSection(index: number): Section {
		const token = this.tokens[index] as Token;
		if (this.underPlainLabel && token.type === 'paragraph_open' && !(this.tokens[index + 1]?.children ?? []).some((child, at, all) => child.type === 'strong_open' && all.slice(0, at).every((before) => before.type === 'text' && !hasWords(before.content)))) {
			return this.underPlainLabel;
		}
		if (this.underPlainLabel && token.type !== 'paragraph_open') return this.underPlainLabel;
		this.underPlainLabel = undefined;
		return this.current;
	}

	build(): Omit<NoteStructure, 'title'> {
		for (let i = 0; i < this.tokens.length; ) {
			i = this.topLevel(i);
			this.takeTags(this.underPlainLabel ?? this.current);
		}
		this.sections.push(this.current, ...this.asides);
		return {
			sections: this.sections.filter((section) => section.title || section.blocks.length > 0),
			images: this.finds.images,
			sounds: this.finds.sounds,
			tags: this.noteTags,
			lineTags: this.lineTags,
			embeds: this.finds.embeds,
			callouts: this.callouts,
			warnings: this.warnings
		};
	}
}

export function readStructure(tokens: readonly Token[]): NoteStructure {
	// A lone H1 that opens the note is its title, not a section of it.
	const headings = tokens.map((token, index) => ({ token, index })).filter(({ token }) => token.type === 'heading_open' && token.level === 0);
	const h1s = headings.filter(({ token }) => token.tag === 'h1');
	const lone = h1s.length === 1 && headings[0] === h1s[0] ? h1s[0] : undefined;
	const builder = new StructureBuilder(tokens, lone?.index);
	const titleFinds = noFinds();
	const title = lone ? stripEmoji(cleanTitle(inlineToLines(tokens[lone.index + 1]?.children ?? [], titleFinds, 1).map((line) => stripMarkers(line.text)).join(' '))) : undefined;
	const structure = builder.build();
	// `# 네트워크 #cs`: the title's tags are the note's.
	return { ...structure, tags: [...titleFinds.tags.map((found) => found.tag), ...structure.tags], title: title || undefined };
}
