/**
 * The rules that turn sections of a note into card drafts.
 *
 * Explicit syntax wins inside its block (`q::a`, `a:::b`, `?` / `??` cards,
 * `{{c1::cloze}}`); a highlight (`==cloze==`) only on its own line or list
 * item, for notes highlight to emphasise. Everything else is read as people
 * write notes: definition lines, a heading or bold label over a list,
 * numbered steps, and sentences with an emphasised span.
 */
import type { CardKind, CardRule } from './deck-format';
import type { Block, CodeBlock, LinesBlock, ListBlock, ListItemModel, Section, TableBlock } from './blocks';
import {
	asBold,
	CODE_CLOSE,
	CODE_OPEN,
	EM_CLOSE,
	EM_OPEN,
	LINK_CLOSE,
	LINK_MID,
	LINE_BREAK,
	LINK_OPEN,
	MARK_CLOSE,
	MARK_OPEN,
	STRONG_CLOSE,
	STRONG_OPEN,
	stripMarkers,
	titleWithCode,
	toMarkdown,
	toPlain,
	type MarkedLine
} from './inline';
import { answerOf, questionOf, questionsAndAnswers, type QuestionAnswer } from './questions';
import { blocksToMarkdown, linesToMarkdown, listToMarkdown } from './serialize';
import { definitionsReadAsFacts, givesComplexities, givesRewrites, readsAsFacts } from './facts';
import { DESCRIPTION_LINE, hasWords, stripDecoration, stripEmoji } from './text';
import { isPlainLabel, isTerm, KOREAN_REMARK_START, readsAsClause, NOT_TERMS, PARTICLE_INSIDE, PRONOUN, SENTENCE_START, STATEMENT_ENDING } from './terms';
import { sayNote, type NoteWarning } from './warnings';
import { blankMath } from './math';

/** A part of the note that a card's front is made of: a whole line, the start of a line, or a table row's cell. */
export interface FrontPart {
	line: number;
	/** Only the line's text up to here (MarkedLine.text): a term before its separator, a question before its `::`. */
	before?: number;
	/** Only this cell of the table row on the line. */
	cell?: number;
}

export interface Draft {
	kind: CardKind;
	rule: CardRule;
	front: string;
	back: string;
	path: string[];
	/** What identifies the card besides deck and path: its normalised front, or for cloze the deletion and sentence. */
	identity: string;
	line: number;
	/** Lines of the note whose material is on this card. */
	covers: number[];
	/** Which cloze of its line the card is: `c2` for Anki's deletion 2, `h1` for the first highlight. */
	slot?: string;
	/**
	 * Where in the note its front stands: a sound embedded there plays with the question (generate.ts). None on a
	 * cloze, whose sentence would say the words it hides, nor on a reversed card, which asks with the note's answer.
	 */
	asks?: FrontPart[];
	/** The number of the numbered list item it was made of (`3` of `3. 확인: 로그`), to tell apart steps asking the same. */
	step?: number;
}

/** What the note holds that should end up on some card; the report counts the ones that did not. */
export interface Candidate {
	line: number;
	kind: 'list-item' | 'definition' | 'table-row' | 'code' | 'passage';
	text: string;
}

export interface ExtractOptions {
	explicitOnly: boolean;
	language: 'en' | 'ko';
	/**
	 * The note has headings besides its title. Prose under the title is then an introduction (a date, a
	 * teacher's name, what the note is about) more often than something to recall: no passage card of it.
	 */
	hasHeadings: boolean;
}

export const WORDING = {
	en: { steps: (title: string) => `${title}: the steps in order`, step: (front: string, step: number) => `${front} (step ${step})` },
	ko: { steps: (title: string) => `${title}: 단계를 순서대로`, step: (front: string, step: number) => `${front} (${step}단계)` }
};

/** A blank in a cloze front, written out after escaping (see toMarkdown). */
const BLANK = '\ue00d';

/** Prose under a heading becomes a card only while it is short enough to recall; longer prose, a card per paragraph. */
const MAX_SECTION_PROSE = 600;
/** A paragraph's card asks with its first words: enough to tell it from the others, never most of it. */
const CUE_WORDS = 4;

// --- explicit syntax -------------------------------------------------------

/**
 * `{{c1::text::hint}}`. Text and hint are bounded: unbounded, an opening with no `}}` after it made the search run
 * to the end of the line from every opening, and a line of 30,000 openings (a broken or hostile note) took 30 s.
 */
const ANKI_CLOZE = /\{\{c(\d+)::([\s\S]{0,4000}?)(?:::([^{}]{0,400}?))?\}\}/g;

/** The line's text with code spans blanked out, so markers inside code are not syntax. */
function outsideCode(marked: string): string {
	return marked.replace(new RegExp(`${CODE_OPEN}[^${CODE_CLOSE}]*${CODE_CLOSE}`, 'g'), (code) => ' '.repeat(code.length));
}

function hasAnkiCloze(marked: string): boolean {
	// search(), not test(): test() on a global regex moves its lastIndex, and the
	// matchAll() that follows would start after the first deletion and miss it.
	return outsideCode(marked).search(ANKI_CLOZE) >= 0;
}

/** `q::a`, `a:::b`, Anki's clozes, a line of `?`: syntax that makes its whole paragraph or list explicit. */
function hasBlockMarker(line: MarkedLine): boolean {
	const text = outsideCode(line.text);
	return text.includes('::') || hasAnkiCloze(line.text) || /^\s*\?{1,2}\s*$/.test(stripMarkers(text));
}

/**
 * `==text==` or Bear's `::text::`. Notes highlight to emphasise as much as to ask, so a highlight is explicit for its
 * own line (or list item) alone: the others around it are read as they would be without it.
 */
function hasHighlight(line: MarkedLine): boolean {
	return outsideCode(line.text).includes(MARK_OPEN);
}

function blankFront(markdown: string): string {
	// `[...]` followed by "(" or "[" would be read as a link.
	return markdown.replace(new RegExp(`${BLANK}([^${BLANK}]*)${BLANK}(?=[([])?`, 'g'), (_, hint: string, offset: number, all: string) => {
		const next = all[offset + hint.length + 2];
		const text = hint ? `[${hint}]` : '[...]';
		return next === '(' || next === '[' ? `\\${text.slice(0, -1)}\\]` : text;
	});
}

function ankiClozeDrafts(line: MarkedLine, path: string[]): Draft[] {
	const numbers = new Set<string>();
	for (const match of line.text.matchAll(ANKI_CLOZE)) numbers.add(match[1] as string);
	return [...numbers].sort((a, b) => Number(a) - Number(b)).map((number) => {
		const deletions: string[] = [];
		const front = line.text.replace(ANKI_CLOZE, (_, n: string, text: string, hint?: string) => {
			if (n !== number) return text;
			deletions.push(toPlain(text));
			return `${BLANK}${hint?.trim() ?? ''}${BLANK}`;
		});
		const back = line.text.replace(ANKI_CLOZE, (_, n: string, text: string) => (n === number ? `${MARK_OPEN}${text}${MARK_CLOSE}` : text));
		return {
			kind: 'cloze',
			rule: 'cloze',
			front: blankFront(toMarkdown(front, { keepEmphasis: true })),
			back: toMarkdown(back, { keepEmphasis: true }),
			path,
			identity: `cloze ${deletions.join(' | ')} @ ${toPlain(back)}`,
			line: line.line,
			covers: [line.line],
			slot: `c${number}`
		};
	});
}

/** One cloze card per marked span of a line: `==text==` (explicit) or inline code (unmarked notes). */
function spanClozeDrafts(line: MarkedLine, path: string[], open: string, close: string, rule: CardRule): Draft[] {
	const sentence = sentenceAround(line.text, open);
	const spans = [...sentence.matchAll(new RegExp(`${open}([^${close}]*)${close}`, 'g'))];
	const drafts: Draft[] = [];
	for (const [spanIndex, span] of spans.entries()) {
		const answer = span[1] ?? '';
		const index = span.index ?? 0;
		// Other highlights are other cards' answers: plain text on this one.
		const unmark = (text: string) => (open === MARK_OPEN ? text.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '') : text);
		const before = unmark(sentence.slice(0, index));
		const after = unmark(sentence.slice(index + span[0].length));
		// A span that is the whole line leaves nothing to recall it from.
		const context = toPlain(before + after);
		if (!hasWords(answer) || context.replace(/[\p{P}\p{S}\s]/gu, '').length < 4) continue;
		drafts.push({
			kind: 'cloze',
			rule,
			front: blankFront(toMarkdown(`${before}${BLANK}${BLANK}${after}`, { keepEmphasis: rule === 'cloze' })),
			back: toMarkdown(`${before}${MARK_OPEN}${answer}${MARK_CLOSE}${after}`, { keepEmphasis: rule === 'cloze' }),
			path,
			identity: `cloze ${toPlain(answer)} @ ${toPlain(before + answer + after)}`,
			line: line.line,
			covers: [line.line],
			slot: `h${spanIndex + 1}`
		});
	}
	return drafts;
}

/** A sentence's end: not the dot of an abbreviation (`e.g.`, `vs.`), which a sentence goes on after. */
const SENTENCE_END = /(?<=[.!?。]|다\.)(?<!(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|ex|approx|Fig|No|Dr|Mr|Mrs|Ms|St)\.)\s+(?=\S)/iu;

/**
 * The sentences of a long line from the first that holds a marked span to the last, so a cloze stays short; never
 * those two without a sentence between them, which may be what makes the blank answerable.
 */
function sentenceAround(text: string, open: string): string {
	const sentences = text.split(new RegExp(SENTENCE_END.source, 'giu'));
	if (sentences.length <= 1) return text;
	const first = sentences.findIndex((sentence) => sentence.includes(open));
	const last = sentences.findLastIndex((sentence) => sentence.includes(open));
	return first < 0 ? text : sentences.slice(first, last + 1).join(' ');
}

/** `question::answer` and `a:::b` (both directions). */
function qaDrafts(line: MarkedLine, path: string[]): Draft[] {
	const masked = outsideCode(line.text);
	const triple = masked.indexOf(':::');
	const double = masked.indexOf('::');
	const at = triple >= 0 && triple <= double ? triple : double;
	if (at < 0) return [];
	const width = at === triple ? 3 : 2;
	const question = stripDecoration(line.text.slice(0, at)).trim();
	const answer = line.text.slice(at + width).trim();
	if (!hasWords(toPlain(question)) || !hasWords(toPlain(answer))) return [];
	const front = toMarkdown(question, { keepEmphasis: true });
	const back = toMarkdown(answer, { keepEmphasis: true });
	const forward: Draft = { kind: 'basic', rule: 'qa', front, back, path, identity: toPlain(question), line: line.line, covers: [line.line], asks: [{ line: line.line, before: at }] };
	if (width === 2) return [forward];
	return [forward, { ...forward, rule: 'qa-reversed', front: back, back: front, identity: `reversed ${toPlain(answer)}`, asks: [] }];
}

// --- unmarked notes --------------------------------------------------------

interface Definition {
	term: string;
	definition: string;
	/** The term as the front shows it, when that is not its plain text: a code span stays code. */
	front?: string;
	/** One of two on a line (definitionsOnLine): the length of the line's whole definition text, and where this one's starts in it. */
	onLine?: { whole: number; at: number };
}

/** A term that is one code span and nothing else (`` `enumerate(it)`: … ``): the name of a function, command or key. */
const CODE_TERM = new RegExp(`^${CODE_OPEN}([^${CODE_CLOSE}]+)${CODE_CLOSE}$`);

/** A term that is one link and nothing else, bold or not (`[TCP](https://…)`): its text. */
const LINK_TERM = new RegExp(`^[${STRONG_OPEN}${EM_OPEN}]*${LINK_OPEN}([^\\ue000-\\ue00c]+)${LINK_MID}[^${LINK_CLOSE}]*${LINK_CLOSE}[${STRONG_CLOSE}${EM_CLOSE}]*$`);

/**
 * Link texts that name a page to read rather than a thing to know (`[Docs](…): official documentation`,
 * `[정리 블로그](…): …`): a list of references, whose lines are no definitions.
 */
const RESOURCE =
	/(?:^|\s)(?:docs?|documentation|tutorials?|guide|blog|videos?|slides|youtube|github|repo|repository|website|homepage|wiki|wikipedia|cheat ?sheet|mdn|discord|slack|forum|community|reddit|podcast|newsletter|playground)$|(?:문서|블로그|영상|강의|자료|슬라이드|논문|깃허브|홈페이지|위키|위키백과|튜토리얼|가이드|책|커뮤니티|포럼)$/iu;

/**
 * The term before a separator, when it is plain text, one code span or one link: not words with code or a link among
 * them. A link's term is its text, as a wiki link's is, so linking a term keeps its card; a link to a resource is none.
 */
function termBeforeSeparator(raw: string): { term: string; front?: string } | undefined {
	const code = CODE_TERM.exec(raw.trim());
	if (code) return { term: (code[1] as string).trim(), front: raw.trim() };
	const link = LINK_TERM.exec(raw.trim());
	if (link) return RESOURCE.test(toPlain(link[1] as string)) ? undefined : { term: toPlain(link[1] as string) };
	return /[\ue004\ue008]/.test(raw) ? undefined : { term: toPlain(raw) };
}

/**
 * How freely a line is read as a definition. `bold`: only a bold term
 * (`**term**: definition`, `**term** - definition`), as any line of prose may
 * hold one. `colon`: also `term: definition` with a short plain term, as list
 * items do. `separator`: also `term - definition`, `term = definition` and
 * `term → definition`, which prose uses for other things, so only among other
 * definitions: a vocabulary list or a paragraph of such lines.
 */
type DefinitionStyle = 'bold' | 'colon' | 'separator';

/** A plain term's separator: a dash, `=` or `→` with spaces around it. */
const SEPARATOR = /\s([-–—=→])\s/u;
/** Before a dash, a longer run of words is a clause of prose more often than a term. */
const MAX_SEPARATED_TERM_WORDS = 5;
const URL_ONLY = /^(?:https?:\/\/|www\.)\S*$/i;
/** "ex) 서울 리전 - ...": an example or an aside, not a term. */
const ASIDE_PREFIX = /^(?:ex|e\.g|eg|cf|예|참고)\s*[.):]|^[※*]/i;

/** `- [x] 과제 제출: 금요일까지`: the task box is not part of the term. */
function withoutTaskBox(text: string): string {
	return text.replace(/^\[[ xX]\]\s+/, '');
}

/** Words in parentheses: an aside, such as a worked example of a rule (`く → いて (書く → 書いて)`). */
const PARENTHESISED = /\([^()]*\)|（[^（）]*）/gu;

/**
 * A flow (`SYN → SYN+ACK → ACK`) is not a term and its definition. A rule's example in parentheses is no further
 * step of it: `く → いて (書く → 書いて)` is what `く` becomes.
 */
function isFlow(separator: string | undefined, rest: string): boolean {
	return separator === '→' && rest.replace(PARENTHESISED, '').includes('→');
}

/** `클라이언트 → 서버`, `HTTP → HTTPS`: a term that is a flow between two (exchangeLines). */
const FLOW_TERM = /\S\s*(?:→|->|⇒|=>|⟶)\s*\S/u;
const FLOW_ARROW = /\s*(?:→|->|⇒|=>|⟶)\s*/u;

/**
 * `클라이언트 → 서버: SYN` / `서버 → 클라이언트: SYN + ACK`: what passes between two that take turns is a step of an
 * exchange, not a term. Asked alone it means nothing (the handshake sends `클라이언트 → 서버` twice); the card of its
 * list or steps asks it in its order. Told by two sides that send each other something in the same list or paragraph;
 * a flow alone (`HTTP → HTTPS: 보안 강화`), or flows in one direction (`HTTP/1.1 → HTTP/2`, `HTTP/2 → HTTP/3`), keep
 * their cards. Returns the lines of a block's definitions that are such turns.
 */
function exchangeLines(definitions: ReadonlyArray<{ line: number; term: string }>): Set<number> {
	const flows = definitions.flatMap(({ line, term }) => {
		const sides = FLOW_TERM.test(term) ? term.split(FLOW_ARROW).map((side) => side.trim().toLowerCase()) : [];
		return sides.length >= 2 ? [{ line, sides }] : [];
	});
	if (flows.length < 2) return new Set();
	const sent = new Set(flows.flatMap(({ sides }) => sides.slice(1).map((to, index) => `${sides[index]}\n${to}`)));
	const actors = new Set(
		[...sent].flatMap((pair) => {
			const [from = '', to = ''] = pair.split('\n');
			return sent.has(`${to}\n${from}`) ? [from, to] : [];
		})
	);
	return new Set(flows.filter(({ sides }) => sides.some((side) => actors.has(side))).map((flow) => flow.line));
}

/** `abandon - 버리다`, `undermine = 약화시키다`, `1400년 - 2차 왕자의 난`; not `3 - 5`, `x = 2`, a time or a URL. */
function separatedDefinition(text: string): Definition | undefined {
	// A separator in parentheses is an aside's (`る 떼고 + ます (食べる → 食べます)`), with no term before it.
	const match = SEPARATOR.exec(blankMath(outsideCode(text)).replace(PARENTHESISED, (aside) => ' '.repeat(aside.length)));
	if (!match) return undefined;
	const [spaced, separator] = match as unknown as [string, string];
	const rawTerm = text.slice(0, match.index);
	const rest = text.slice(match.index + spaced.length).trim();
	const read = termBeforeSeparator(rawTerm);
	if (!read) return undefined;
	// `클라이언트 → 서버: SYN` is a flow and its message, not `클라이언트` defined as `서버: SYN`.
	const colon = outsideCode(text).search(/[:：]\s/);
	if (colon > match.index && FLOW_TERM.test(text.slice(0, colon))) return undefined;
	const term = stripEmoji(read.term);
	const definition = toPlain(rest);
	// A colon before it makes the line a colon definition or a label ("Note: a - b", "10:00 - 11:00"), never this one.
	if (/[:：]/.test(term) && !read.front) return undefined;
	// A dollar outside math (`$5 - $10`, a price) may be anything: only whole math spans are read.
	if (blankMath(term).includes('$') || blankMath(rest).includes('$')) return undefined;
	if (!isTerm(term, read.front !== undefined) || !hasWords(definition) || URL_ONLY.test(definition) || isFlow(separator, rest)) return undefined;
	const words = term.split(/\s+/).length;
	if (words > MAX_SEPARATED_TERM_WORDS || ASIDE_PREFIX.test(term) || SENTENCE_START.test(term) || PRONOUN.test(term)) return undefined;
	// Words ending as a statement: a clause ("속도에 한계가 있음", "교수님이 강조함"), where one word ("정의됨") may name a thing.
	if (words >= 2 && (STATEMENT_ENDING.test(term) || KOREAN_REMARK_START.test(term) || PARTICLE_INSIDE.test(term))) return undefined;
	// A range or a sum, `3 - 5`; a formula's variable, `x = 2`.
	if (/\d$/.test(term) && /^\d/.test(definition)) return undefined;
	if (separator === '=' && ((term.match(/\p{L}/gu)?.length ?? 0) < 2 || !/\p{L}/u.test(definition))) return undefined;
	return { term, definition: rest, ...(read.front ? { front: read.front } : {}) };
}

/**
 * `**HTTPS**란? HTTP에 …`, `트랜잭션이란 …`, `X(이)란 무엇인가? …`: "what X is", as Korean notes define a term, bold or
 * plain. `란` follows the term with no space; a question word may follow it, and the answer must (a line asking
 * only, `X란 무엇인가?`, heads what comes after it as a heading does).
 */
const KOREAN_WHAT_IS = new RegExp(
	`^([^\\ue004\\ue008]*?\\S)란((?:\\s*(?:무엇인가|무엇일까|무엇입니까|무엇이죠|무엇이냐|뭘까|뭐지|뭐야|뭔가|뭐냐))?[${STRONG_CLOSE}${EM_CLOSE}]*\\s*[?？])?[${STRONG_CLOSE}${EM_CLOSE}]*\\s+(\\S.*)$`,
	'u'
);
/** A Hangul syllable with a final consonant, after which `이란` is written (`트랜잭션이란`; `프로세스란`). */
const FINAL_CONSONANT = /[\uac00-\ud7a3]$/u;
function hasFinalConsonant(syllable: string): boolean {
	return FINAL_CONSONANT.test(syllable) && (syllable.charCodeAt(syllable.length - 1) - 0xac00) % 28 !== 0;
}

/** Words of study notes made of a stem and `이`, whose `이란` is no particle: measures and the like. */
const OWN_I = new Set(['넓이', '높이', '길이', '깊이', '먹이', '놀이', '벌이', '고양이']);

/** How a definition sentence ends: `…단위이다.`, `…허용하는 것`, `…을 말한다`, `…를 뜻함`. */
const DEFINING_END = /(?:이다|것|것이다|말한다|뜻한다|의미한다|가리킨다|일컫는다|이른다|정의된다|말함|뜻함|의미함|가리킴)[.。]?$/u;

function koreanWhatIs(text: string): Definition | undefined {
	const match = KOREAN_WHAT_IS.exec(text);
	if (!match) return undefined;
	const [, head = '', asked, rest = ''] = match;
	const marked = /^\ue000[^\ue000-\ue00c]+\ue001$/u.test(head.trim()) || /\(이\)$/u.test(toPlain(head));
	let term = stripEmoji(toPlain(head)).replace(/\(이\)$/u, '').trim();
	// `이란` after a final consonant or a Latin letter is the particle (`트랜잭션이란`, `힘이란`, `API이란`), save in the
	// words that end in their own `이` (`넓이란`, `높이란`).
	const stem = term.slice(0, -1);
	const particle = term.endsWith('이') && /\S$/u.test(stem) && !OWN_I.has(term) && (hasFinalConsonant(stem) || /[A-Za-z0-9)]$/.test(stem));
	if (particle) term = stem;
	const definition = rest.trim();
	// `란` right after a Hangul word may be the word's own end: a noun (`임진왜란 때…`, `혼란`, `계란`), an adjective
	// (`파란 하늘`, `모자란 칸`) or a verb (`자란 곳`). Unless the term is bold alone or written `(이)란`, it takes a
	// word of two syllables or more, asked (`X란?`) or answered as a definition is (`…이다`, `…것`, `…을 말한다`).
	if (!marked && !particle && /[\uac00-\ud7a3]$/u.test(term)) {
		const syllables = term.split(/\s+/).at(-1)?.length ?? 0;
		if (syllables < 2 || !(asked || DEFINING_END.test(toPlain(definition)))) return undefined;
	}
	if (!term || term === '이' || term.includes(',') || !isTerm(term) || !hasWords(toPlain(definition))) return undefined;
	// The answer is none when it asks (`X란 무엇일까 생각해 보자`), or goes on about something (`X란 게 있다`).
	// `X란 개념은…`, `X란 말은…` name X rather than define it.
	if (/[?？]$/.test(toPlain(definition)) || /^(?:무엇|뭘|뭐|어떤|무슨|왜|(?:게|건|거|것|개념|말|용어|단어|이름|의미|뜻|표현)[은는이가을를도]?(?:\s|$))/u.test(toPlain(definition))) return undefined;
	// A clause before `란` (`오늘 배운 내용이란`, `공부하란 말이야`) names nothing.
	const words = term.split(/\s+/).length;
	if (words > MAX_SEPARATED_TERM_WORDS || ASIDE_PREFIX.test(term) || /[하되]$/u.test(term)) return undefined;
	if (words >= 2 && (STATEMENT_ENDING.test(term) || KOREAN_REMARK_START.test(term) || PARTICLE_INSIDE.test(term) || /[의가이]\s/u.test(term))) return undefined;
	return { term, definition };
}

/** A `<br>` (and the spaces around it) opening what follows a term. */
const BREAK_AT_START = new RegExp(`^\\s*${LINE_BREAK}\\s*`, 'u');

/**
 * `전체 반응식<br/>C6H12O6 + 6O2 → …`: a short plain term, then a line break where a colon would stand, as notes
 * copied from a web page or a slide write one. Read only where a line's `term: definition` is (a list, a paragraph
 * of definitions), with the guards of a term before a dash: a remark or a clause before the break names nothing.
 */
function brokenDefinition(text: string): Definition | undefined {
	const at = text.indexOf(LINE_BREAK);
	if (at <= 0) return undefined;
	const term = stripEmoji(toPlain(text.slice(0, at))).trim();
	const definition = text.slice(at + 1).trim();
	const words = term.split(/\s+/).length;
	// `candid - honest and direct<br>e.g. …`: a definition before the break, which the break only adds to.
	if (SEPARATOR.test(term)) return undefined;
	if (!isTerm(term) || words > MAX_SEPARATED_TERM_WORDS || /[:：]$/.test(term) || FLOW_TERM.test(term) || !hasWords(toPlain(definition))) return undefined;
	if (ASIDE_PREFIX.test(term) || SENTENCE_START.test(term) || PRONOUN.test(term) || KOREAN_REMARK_START.test(term)) return undefined;
	if (words >= 2 && (STATEMENT_ENDING.test(term) || PARTICLE_INSIDE.test(term))) return undefined;
	return { term, definition };
}

/**
 * A bold term (code spans in it too) after a few words at most, then its separator, if any, and the rest. Emoji may
 * decorate the term before its separator or break (`**핵심 개념** ✨<br/>…`, `**세포설** ⭐: …`).
 */
const BOLD_TERM = new RegExp(
	`^([^\\ue000-\\ue00c:：]{0,24}?)${STRONG_OPEN}((?:[^\\ue000-\\ue00c]|${CODE_OPEN}[^${CODE_CLOSE}]*${CODE_CLOSE})+?)${STRONG_CLOSE}(?:\\s*[\\p{Extended_Pictographic}\\u{fe0f}\\u{200d}★☆](?=[\\s:：\\p{Extended_Pictographic}\\u{fe0f}\\u{200d}★☆]|${LINE_BREAK}))*\\s*([:：]|[-–—=→](?=\\s))?\\s*(.*)$`,
	'u'
);

/**
 * An article of a statute as law notes copy it: `제4조(성년) 사람은 19세로 성년에 이르게 된다.` (`제2조의2(…)`, bold or not),
 * its number and title the term, its text the definition: what a law student drills. Not a reference in prose
 * (`제4조(성년)에 따르면 …`), whose title a particle follows.
 */
const LAW_ARTICLE = new RegExp(
	`^${STRONG_OPEN}?(제\\s?\\d+\\s?조(?:의\\s?\\d+)?\\s?[(（][^()（）\\ue000-\\ue00c]{1,40}[)）])${STRONG_CLOSE}?[:：]?\\s+(\\S.*)$`,
	'u'
);

function lawArticle(text: string): Definition | undefined {
	const match = LAW_ARTICLE.exec(text);
	if (!match) return undefined;
	const [, article = '', rest = ''] = match;
	return hasWords(toPlain(rest)) ? { term: toPlain(article).replace(/\s+(?=[(（])/u, ''), definition: rest.trim() } : undefined;
}

/**
 * `**term**: definition`, `**term** - definition` (or `=`, `→`), `prefix **term**: definition`,
 * and as `style` allows, `term: definition` and `term - definition` with a short plain term.
 */
export function definitionOf(line: string, style: DefinitionStyle): Definition | undefined {
	const text = withoutTaskBox(stripDecoration(line).trim());
	const bold = BOLD_TERM.exec(asBold(text));
	if (bold) {
		const [, prefix = '', boldText = '', separator, rest = ''] = bold;
		const colonInside = /[:：]\s*$/.test(boldText);
		// `**삼투**<br/>반투막을 …`: a line break right after the bold term stands for its colon.
		const broken = !separator && !colonInside && BREAK_AT_START.test(rest);
		if ((separator || colonInside || broken) && !isFlow(separator, rest)) {
			const term = toPlain(prefix + boldText.replace(/[:：]\s*$/, ''));
			const definition = broken ? rest.replace(BREAK_AT_START, '') : rest;
			// `` **`git rebase`**: … ``: its code stays code on the front.
			const code = titleWithCode(prefix + boldText.replace(/[:：]\s*$/, ''));
			if (isTerm(stripEmoji(term)) && hasWords(toPlain(definition))) return { term: stripEmoji(term), definition, ...(code === undefined ? {} : { front: code }) };
		}
	}
	const whatIs = koreanWhatIs(text) ?? lawArticle(text);
	if (whatIs) return whatIs;
	if (style === 'bold') return undefined;
	const masked = outsideCode(text);
	const colon = masked.search(/:\s|：/);
	if (colon > 0) {
		const read = termBeforeSeparator(text.slice(0, colon));
		const definition = text.slice(colon + 1).trim();
		if (read && isTerm(read.term, read.front !== undefined) && hasWords(toPlain(definition))) return { term: stripEmoji(read.term), definition, ...(read.front ? { front: read.front } : {}) };
	}
	return (style === 'separator' ? separatedDefinition(text) : undefined) ?? brokenDefinition(text);
}

/** A line that asks a card of its own wherever it is, as a bold term's does: it ends a `Q:` / `A:` pair's answer above it. */
function ownsCard(line: MarkedLine): boolean {
	return definitionOf(line.text, 'bold') !== undefined;
}

/**
 * How a paragraph's lines are read: as a list of definitions when at least half of them (two or more) are one. A
 * paragraph of one line that is a term and a line break (`균형가격<br/>수요량과 공급량이 일치하는 가격`, copied from a
 * slide) is a definition alone too: prose breaks no line after its first few words.
 */
function paragraphStyle(lines: readonly MarkedLine[]): DefinitionStyle {
	const [only] = lines;
	const alone = only && lines.length === 1 ? withoutTaskBox(stripDecoration(only.text).trim()) : undefined;
	if (alone !== undefined && brokenDefinition(alone) !== undefined) return 'separator';
	// A code span before a dash, `=` or `→` (`` `@SpringBootApplication` = `@Configuration` + … ``) names a thing as
	// surely as a bold term does: prose seldom opens on code and a separator.
	if (alone !== undefined && separatedDefinition(alone)?.front !== undefined) return 'separator';
	// Lines that each look like `term - definition` are a vocabulary list written
	// without bullets; a line of prose with a dash in it is not.
	const defined = lines.filter((line) => definitionOf(line.text, 'separator')).length;
	return lines.length >= 2 && defined >= 2 && defined * 2 >= lines.length ? 'separator' : 'bold';
}

/**
 * A list reads plain `term - definition` items when at least two of its items are definitions, or at least half of
 * them: a word list cut down to one word keeps that word's card (and its history).
 */
function listStyle(items: readonly ListItemModel[]): DefinitionStyle {
	const defined = items.filter((item) => item.lines[0] && definitionOf(item.lines[0].text, 'separator')).length;
	return defined >= 2 || (defined >= 1 && defined * 2 >= items.length) ? 'separator' : 'colon';
}

interface DefinitionGroup {
	definition: Definition;
	first: MarkedLine;
	/** The definition's line and the lines after it that are not definitions themselves. */
	lines: MarkedLine[];
	/** The term is alone on its line, its description the next line (describedTerm). */
	described?: boolean;
}

/**
 * `Antigen` over `: A molecule the immune system recognises`: the term alone on its line, its description on the next.
 * The term is read as a line's term before a colon is: plain, one code span, or one link (not a resource's).
 */
function describedTerm(line: MarkedLine, next: MarkedLine | undefined): Definition | undefined {
	const description = next ? DESCRIPTION_LINE.exec(next.text) : null;
	if (!next || !description || DESCRIPTION_LINE.test(line.text)) return undefined;
	const read = termBeforeSeparator(withoutTaskBox(stripDecoration(line.text).trim()));
	if (!read) return undefined;
	const term = stripEmoji(read.term);
	const definition = next.text.slice(description[0].length).trim();
	if (/[:：]\s*$/.test(term) || !isTerm(term, read.front !== undefined) || !hasWords(toPlain(definition))) return undefined;
	return { term, definition, ...(read.front ? { front: read.front } : {}) };
}

/** The separators a term may stand before (definitionOf): `:` and `：`, a dash, `=`, `→`. */
const TERM_SEPARATOR = /[:：\-–—=→]/u;

/**
 * Where a definition's term stands: the line of a described term, else its line up to the separator before the
 * definition, which is the end of the line's text (definitionOf reads it there).
 */
function termPart(group: DefinitionGroup): FrontPart {
	const { line, text } = group.first;
	if (group.described) return { line };
	const { onLine } = group.definition;
	const definitionAt = text.trimEnd().length - (onLine ? onLine.whole - onLine.at : group.definition.definition.length);
	let separator = definitionAt - 1;
	while (separator >= 0 && !TERM_SEPARATOR.test(text[separator] as string)) separator--;
	return { line, before: separator >= 0 ? separator : definitionAt };
}

/** The lines of a definition's back: its definition, then the lines after it (a described term's, after its description). */
function backLines(group: DefinitionGroup): MarkedLine[] {
	const after = group.lines.slice(group.described ? 2 : 1);
	// A term's further descriptions are further lines of its definition.
	return [{ ...group.first, text: group.definition.definition }, ...(group.described ? after.map((line) => ({ ...line, text: line.text.replace(DESCRIPTION_LINE, '') })) : after)];
}

/** ` / ` and the next term with its colon, as a line of terse notes parts two definitions: `IPv4: 32bit / IPv6: 128bit`. */
const NEXT_DEFINITION = /\s\/\s+(?=(\ue000?[^\s:：/\ue000-\ue00c][^:：/\ue002-\ue00c]{0,47})[:：]\s*\S)/gu;

/**
 * The definitions of one line: its own, cut where another plain term and its colon follow ` / `
 * (`IPv4: 32bit / IPv6: 128bit`), so that one's card does not show the other's answer.
 */
function definitionsOnLine(definition: Definition): Definition[] {
	const text = definition.definition;
	const cuts = [...outsideCode(text).matchAll(NEXT_DEFINITION)].filter((match) => {
		const term = toPlain(match[1] as string).trim();
		return isTerm(term) && term.split(/\s+/).length <= MAX_SEPARATED_TERM_WORDS && !/[/]/.test(term);
	});
	if (cuts.length === 0) return [definition];
	const pieces: Definition[] = [{ ...definition, definition: text.slice(0, cuts[0]?.index).trim(), onLine: { whole: text.length, at: 0 } }];
	cuts.forEach((cut, index) => {
		const start = (cut.index as number) + (cut[0] as string).length + (cut[1] as string).length;
		const end = cuts[index + 1]?.index ?? text.length;
		const raw = text.slice(start, end);
		const lead = /^[:：]\s*\ue001?\s*/u.exec(raw)?.[0].length ?? 0;
		pieces.push({ term: toPlain(cut[1] as string).trim(), definition: raw.slice(lead).trim(), onLine: { whole: text.length, at: start + lead } });
	});
	return pieces.every((piece) => hasWords(toPlain(piece.definition))) ? pieces : [definition];
}

function groupByDefinition(lines: readonly MarkedLine[], style: DefinitionStyle): DefinitionGroup[] {
	const groups: DefinitionGroup[] = [];
	for (const [index, line] of lines.entries()) {
		const definition = definitionOf(line.text, style);
		const described = definition ? undefined : describedTerm(line, lines[index + 1]);
		if (definition) for (const one of definitionsOnLine(definition)) groups.push({ definition: one, first: line, lines: [line] });
		else if (described) groups.push({ definition: described, first: line, lines: [line], described: true });
		else groups.at(-1)?.lines.push(line);
	}
	return groups;
}

/** A list item that is only a bold label, over a nested list: `- **EC2**` + sub-items. */
function itemLabel(item: ListItemModel): string | undefined {
	if (item.lines.length !== 1 || !item.children.some((child) => child.type === 'list')) return undefined;
	const text = asBold(withoutTaskBox(stripDecoration((item.lines[0] as MarkedLine).text).trim()));
	const match = new RegExp(`^${STRONG_OPEN}((?:[^\\ue000-\\ue00c]|${CODE_OPEN}[^${CODE_CLOSE}]*${CODE_CLOSE})+)${STRONG_CLOSE}[\\s:：]*$`, 'u').exec(text);
	const label = match?.[1] ? stripEmoji(toPlain(match[1]).replace(/[:：]\s*$/, '')) : undefined;
	return label && isTerm(label) ? label : undefined;
}

/** A label item's front: its label, with the code spans its line writes (`` - `useEffect` 훅 ``) kept as code. */
function labelFront(item: ListItemModel, label: string): string {
	const first = item.lines[0];
	const marked = first ? withoutTaskBox(stripDecoration(first.text).trim()).replace(/[\ue000\ue001]/gu, '').replace(/[:：]\s*$/u, '') : '';
	const code = titleWithCode(marked);
	return code !== undefined && stripEmoji(toPlain(code)) === label ? toMarkdown(stripEmoji(code)) : toMarkdown(label);
}

/** A list item that is only a short plain label over a nested list: `- 장점` (or `- 장점:`) + sub-items. Not a definition. */
function plainItemLabel(item: ListItemModel, style: DefinitionStyle): string | undefined {
	const subItems = item.children.reduce((count, child) => count + (child.type === 'list' ? child.items.length : 0), 0);
	// Sub-items, and code among them (a sort's steps and its code), are what a label heads; prose under it is no label's.
	if (item.lines.length !== 1 || subItems === 0 || !item.children.every((child) => child.type === 'list' || child.type === 'code')) return undefined;
	const text = stripDecoration((item.lines[0] as MarkedLine).text).trim();
	if (itemLabel(item) || definitionOf(text, style)) return undefined;
	const label = stripEmoji(toPlain(text)).replace(/[:：]\s*$/, '').trim();
	return isPlainLabel(label, subItems) ? label : undefined;
}

/**
 * An item of a few words over a single sub-item (`1. Quick sort` over `- 시간복잡도: O(n log n)`): no label of a card
 * (plainItemLabel: an outline's finer point), but what its sub-item's card is about, as a label's would be.
 */
function contextLabel(item: ListItemModel): string | undefined {
	if (item.lines.length !== 1 || !item.children.some((child) => child.type === 'list')) return undefined;
	const label = stripEmoji(toPlain(withoutTaskBox(stripDecoration((item.lines[0] as MarkedLine).text).trim()))).replace(/[:：]\s*$/, '').trim();
	return isPlainLabel(label, 2) && !readsAsClause(label) ? label : undefined;
}

/**
 * Each item of a list with what the items above it name, outermost first: a label (bold or plain) or a defined term.
 * Items are read as definitions by `style`, the style of their whole list, as `definitions` reads them.
 */
function itemContexts(list: ListBlock, style: DefinitionStyle): Map<ListItemModel, string[]> {
	const contexts = new Map<ListItemModel, string[]>();
	const walk = (items: readonly ListItemModel[], above: string[]) => {
		for (const item of items) {
			contexts.set(item, above);
			const first = item.lines[0];
			const named = plainItemLabel(item, style) ?? itemLabel(item) ?? (first ? definitionOf(first.text, style)?.term : undefined) ?? contextLabel(item);
			for (const child of item.children) if (child.type === 'list') walk(child.items, named ? [...above, named] : above);
		}
	};
	walk(list.items, []);
	return contexts;
}

/** The number each item of a numbered list shows, at any depth (`3.` after notes that broke the list is 3). */
function itemNumbers(list: ListBlock): Map<ListItemModel, number> {
	const numbers = new Map<ListItemModel, number>();
	const visit = (block: ListBlock) => {
		block.items.forEach((item, index) => {
			if (block.ordered) numbers.set(item, block.startNumber + index);
			for (const child of item.children) if (child.type === 'list') visit(child);
		});
	};
	visit(list);
	return numbers;
}

/** The first words of a paragraph, to ask for the rest; empty when it is too short to leave as much again to recall. */
function cueOf(lines: readonly MarkedLine[]): string {
	const words = lines.map((line) => toPlain(line.text)).join(' ').split(/\s+/).filter(Boolean);
	return words.length >= 2 * CUE_WORDS ? `${words.slice(0, CUE_WORDS).join(' ')}…` : '';
}

// --- walking a section -----------------------------------------------------

function linesOf(block: Block): number[] {
	const lines: number[] = [];
	for (let line = block.start; line <= block.end; line++) lines.push(line);
	return lines;
}

function itemsOf(list: ListBlock): ListItemModel[] {
	const items: ListItemModel[] = [];
	const stack: ListItemModel[] = [...list.items].reverse();
	while (stack.length > 0) {
		const item = stack.pop() as ListItemModel;
		items.push(item);
		for (const child of [...item.children].reverse()) if (child.type === 'list') stack.push(...[...child.items].reverse());
	}
	return items;
}

/** The lines of a paragraph, or of a list's items at any depth (not the paragraphs inside an item). */
function markedLinesOf(block: Block): MarkedLine[] {
	return block.type === 'lines' ? block.lines : block.type === 'list' ? itemsOf(block).flatMap((item) => item.lines) : [];
}

function blockHasExplicit(block: Block): boolean {
	return markedLinesOf(block).some(hasBlockMarker);
}

/**
 * The lines a highlight makes explicit: its own line of a paragraph, every line of its list item. Not a definition's
 * (`**TCP**: ==연결형== 프로토콜`): its card asks the term, the highlight stressing a word of the answer, where a cloze
 * of the line asked the same fact with its term in sight.
 */
function highlightedLines(block: Block): MarkedLine[] {
	// Read for definitions only when a highlight is there: most blocks have none.
	if (block.type === 'lines') {
		const marked = block.lines.filter(hasHighlight);
		const style = marked.length > 0 ? paragraphStyle(block.lines) : 'bold';
		return marked.filter((line) => definitionOf(line.text, style) === undefined);
	}
	if (block.type === 'list') {
		const items = itemsOf(block);
		const marked = items.filter((item) => item.lines.some(hasHighlight));
		const style = marked.length > 0 ? listStyle(items) : 'colon';
		return marked.flatMap((item) => (item.lines[0] && definitionOf(item.lines[0].text, style) ? [] : item.lines));
	}
	return [];
}

/**
 * A list item that asks a question over its answer, without a `Q:` label: `1. What cells make antibodies?` with the
 * answer in sub-items or text under it, as review questions are written.
 */
function isQuestionItem(item: ListItemModel): boolean {
	const [first, last] = [item.lines[0], item.lines.at(-1)];
	if (!first || !last || !/[?？]$/.test(toPlain(last.text)) || !hasWords(toPlain(blocksToMarkdown(item.children)))) return false;
	// `- **TCP**: 연결형` going on to ask "왜 느릴까?" is a definition, the question and its answer part of its back.
	return definitionOf(first.text, 'colon') === undefined;
}

/**
 * The items of numbered lists, at any depth, that are steps rather than questions: a numbered list is questions only
 * when every item is one (as stepCount reads it), so that a step asking "빌드가 성공했는가?" over what to do if not is
 * no question and its answer.
 */
function stepItems(list: ListBlock): Set<ListItemModel> {
	const steps = new Set<ListItemModel>();
	const visit = (block: ListBlock) => {
		if (block.ordered && !block.items.every(isQuestionItem)) for (const item of block.items) steps.add(item);
		for (const item of block.items) for (const child of item.children) if (child.type === 'list') visit(child);
	};
	visit(list);
	return steps;
}

/**
 * How a numbered list's items are terms and their definitions: `some` are, or `all` are, each a term of its own (a
 * glossary: a procedure checks one thing twice, `1. 확인: …` / `3. 확인: …`). Kept per list: stepCount reads a
 * section's lists more than once.
 */
const definedLists = new WeakMap<ListBlock, 'none' | 'some' | 'all'>();
function itemsAreDefinitions(list: ListBlock): 'none' | 'some' | 'all' {
	let defined = definedLists.get(list);
	if (defined === undefined) {
		const terms = list.items.map((item) => (item.lines[0] === undefined ? undefined : definitionOf(item.lines[0].text, 'separator')?.term.toLowerCase()));
		const known = terms.filter((term) => term !== undefined);
		defined = known.length === 0 ? 'none' : known.length === terms.length && new Set(known).size === known.length ? 'all' : 'some';
		definedLists.set(list, defined);
	}
	return defined;
}

/**
 * Numbered lines that state facts (readsAsFacts), read by what heads them (`titles`: the section's title, an item's
 * label) and the line right before them.
 */
function isFactList(list: ListBlock, before: Block | undefined, titles: readonly string[]): boolean {
	const last = before?.type === 'lines' ? before.lines.at(-1) : undefined;
	const leadIn = last ? toPlain(last.text) : undefined;
	const firstLines = list.items.map((item) => (item.lines[0] ? toPlain(item.lines[0].text) : ''));
	if (givesComplexities(firstLines) || givesRewrites(firstLines)) return true;
	const defined = itemsAreDefinitions(list);
	// A line short enough to name the list speaks for it before the titles do; prose is one more title.
	const named = leadIn !== undefined && leadIn.length <= MAX_LEAD_IN;
	const over = leadIn === undefined || named ? titles : [...titles, leadIn];
	// Terms each with its definition (`1. 대역폭: …`, `1. **세포설**<br/>…`) are a glossary, no steps, unless a procedure's.
	if (defined === 'all') return definitionsReadAsFacts(over, named ? leadIn : undefined);
	// Some terms among other lines are read by their title alone: a term's own words are no topic.
	const lines = defined === 'some' ? [] : firstLines;
	return readsAsFacts(lines, over, named ? leadIn : undefined);
}

/**
 * Numbered steps: ordered lists whose numbers run on (1, 2 | notes | 3, 4, ...), at least three steps from 1.
 * Numbered questions are none, nor are numbered facts (isFactList).
 */
function stepCount(blocks: readonly Block[], titles: readonly string[] = []): number {
	let best = 0;
	let run = 0;
	let next = 1;
	for (const [index, block] of blocks.entries()) {
		if (block.type !== 'list' || !block.ordered || block.items.every(isQuestionItem) || isFactList(block, blocks[index - 1], titles)) continue;
		if (block.startNumber === next && run > 0) run += block.items.length;
		else run = block.startNumber === 1 ? block.items.length : 0;
		next = block.startNumber + block.items.length;
		best = Math.max(best, run);
	}
	return best >= 3 ? best : 0;
}

/**
 * How many of a section's blocks, from its start, come before its numbered steps and are none of theirs: up to the last
 * bulleted list before the first numbered one (a paragraph after it leads into the steps). 0 when they are no steps.
 */
function stepsIntro(blocks: readonly Block[], title: string): number {
	const first = blocks.findIndex((block) => block.type === 'list' && block.ordered);
	if (first <= 0 || stepCount(blocks, [title]) === 0) return 0;
	return blocks.slice(0, first).findLastIndex((block) => block.type === 'list') + 1;
}

/** Longer than this, the line before a numbered list is prose, not the name of what it lists. */
const MAX_LEAD_IN = 60;

/**
 * `요건` alone on its line with the numbered lines right under it, no blank line between: the name of what they are,
 * as `요건:` is. Not a clause, nor a line holding a term and its definition.
 */
function namesListUnder(before: LinesBlock, list: ListBlock): boolean {
	const [line] = before.lines;
	if (before.lines.length !== 1 || !line || list.start !== line.line + 1) return false;
	const text = stripEmoji(toPlain(line.text)).trim();
	return !/[:：=→]|\s[-–—]\s/u.test(text) && isPlainLabel(text, list.items.length) && !readsAsClause(text);
}

/**
 * The line that introduces the first numbered list of a section's material, when it ends in a colon and names what
 * the list holds ("Four Coffman conditions:", "A valid contract requires:", "처리 순서:"): its text without the colon,
 * and the note's line it is on.
 */
function leadInOf(blocks: readonly Block[]): { text: string; line: number } | undefined {
	const at = blocks.findIndex((block) => block.type === 'list' && block.ordered);
	const before = blocks[at - 1];
	const last = before?.type === 'lines' ? before.lines.at(-1) : undefined;
	const text = last ? toPlain(last.text) : '';
	if (!last || !(/[:：]$/.test(text) || namesListUnder(before as LinesBlock, blocks[at] as ListBlock))) return undefined;
	const leadIn = stripEmoji(text.replace(/[:：]$/, '')).trim();
	// "Example:", "참고:" say nothing of what the list is.
	return hasWords(leadIn) && leadIn.length <= MAX_LEAD_IN && !NOT_TERMS.has(leadIn.toLowerCase()) ? { text: leadIn, line: last.line } : undefined;
}

/**
 * Whether a card of these lists would only repeat definition cards: every
 * item, at any depth, is on one (`defined`: the lines they cover). Steps
 * never do, for their order is to learn.
 */
function repeatsDefinitions(blocks: readonly Block[], defined: ReadonlySet<number>, titles: readonly string[] = []): boolean {
	const lists = blocks.filter((block): block is ListBlock => block.type === 'list');
	return stepCount(blocks, titles) === 0 && lists.every((list) => itemsOf(list).every((item) => !item.lines[0] || defined.has(item.lines[0].line)));
}

/**
 * A passage's blocks without its definitions' lines (a definition's card covers the lines after it too) and the lists
 * explaining their terms: each has its card, and the passage card held them again beside the prose left over.
 */
function withoutDefinitions(blocks: readonly Block[], defined: ReadonlySet<number>, explained: ReadonlyMap<Block, string>): Block[] {
	return blocks.flatMap((block): Block[] => {
		if (explained.has(block)) return [];
		if (block.type !== 'lines') return [block];
		const lines = block.lines.filter((line) => !defined.has(line.line));
		const [first, last] = [lines[0], lines.at(-1)];
		return first && last ? [{ ...block, lines, start: first.line, end: last.line }] : [];
	});
}

/** `정답:`, `A.`, `풀이`: an answer's label with nothing after it, over the answer written below. */
const BARE_ANSWER_LABEL = /^(?:a\d*|answer|solution|답|답안|정답|풀이)\s*[:：.)]?$/iu;

function isBareAnswerLabel(line: MarkedLine): boolean {
	return BARE_ANSWER_LABEL.test(stripDecoration(toPlain(line.text)).trim());
}

/** What solvedByCode found: the question, its code, and the lines of an answer's bare label between them. */
interface SolvedByCode {
	pair: QuestionAnswer;
	code: CodeBlock;
	/** The paragraph's lines that are the question's (its last one or two: the question, its answer's label). */
	lines: number;
	/** A paragraph of the answer's label alone between the question's and the code. */
	label?: LinesBlock;
}

/**
 * `Q. 학과별 학생 수를 출력하시오.` (or `문제:`) ending its paragraph, with no `A:` line, over a code block: the code is its
 * answer, as exam notes write a query or a program under the problem it solves. An answer's label alone (`정답:`) may
 * stand between them, on the question's paragraph or one of its own.
 */
function solvedByCode(lines: readonly MarkedLine[], following: readonly Block[]): SolvedByCode | undefined {
	const labelled = lines.length >= 2 && isBareAnswerLabel(lines.at(-1) as MarkedLine);
	const asked = lines.at(labelled ? -2 : -1);
	const question = asked && questionOf(asked);
	if (!asked || !question) return undefined;
	const [next, after] = following;
	const label = !labelled && next?.type === 'lines' && next.lines.length === 1 && isBareAnswerLabel(next.lines[0] as MarkedLine) ? next : undefined;
	const code = label ? after : next;
	if (code?.type !== 'code') return undefined;
	const covers = [...lines.slice(labelled ? -2 : -1), ...(label?.lines ?? [])].map((line) => line.line);
	return { pair: { question: [question], answer: [], covers }, code, lines: labelled ? 2 : 1, ...(label ? { label } : {}) };
}

/** Headers of a table of sample questions (`문제 | 정답`, `Question | Answer`): the column that asks, the one that answers. */
const QUESTION_HEADER = /^(?:문제|질문|문항|물음|question|questions|problem|q)[.:]?$/iu;
const ANSWER_HEADER = /^(?:정답|답|답안|해답|모범 ?답안|answer|answers|correct answer|solution|a)[.:]?$/iu;
/** A question's choices, on its front: `보기 | ① 21 ② 80`. */
const CHOICES_HEADER = /^(?:보기|선택지|선지|choices|options)$/iu;
/** A column that only numbers the rows: its header (`#`, `No.`, `번호`; or none) and its cells (`1`, `2.`, `Q3`, `(4)`). */
const INDEX_HEADER = /^(?:#|no\.?|num(?:ber)?|번호|순번|연번|문항 ?번호)?$/iu;
const INDEX_CELL = /^(?:q|문)?\s*[(（]?\d{1,3}[.)）]?$/iu;

/** Which cells of a table's rows a card asks with and answers with, and whether its answers say their column. */
interface TableColumns {
	asks: number;
	/** Shown on the front after the asking cell. */
	choices: number[];
	answers: number[];
	/** The answers shown after their column's header (`과거: 갔어요`): those of a table of more than two columns, but a question's answer. */
	labelled: number[];
}

/**
 * How a table's rows are asked. A table of sample questions, told by its headers (`문제 | 정답`, `# | Question |
 * Answer`, `번호 | 문제 | 보기 | 정답 | 해설`, in any order), asks its question column, with the choices on the front, and
 * answers with the answer column first, then the other columns after their headers (an explanation): a row's number is
 * on neither side. Any other table asks its first column and answers with the others.
 */
function tableColumns(block: TableBlock): TableColumns {
	const headers = block.header.cells.map((header) => stripEmoji(toPlain(header)).trim());
	const width = Math.max(headers.length, ...block.rows.map((row) => row.cells.length));
	const all = Array.from({ length: width }, (_, index) => index);
	const numbered = width > 2 && INDEX_HEADER.test(headers[0] ?? '') && block.rows.length > 0 && block.rows.every((row) => INDEX_CELL.test(toPlain(row.cells[0] ?? '').trim()));
	const columns = numbered ? all.slice(1) : all;
	const question = columns.find((index) => QUESTION_HEADER.test(headers[index] ?? ''));
	const answer = columns.find((index) => ANSWER_HEADER.test(headers[index] ?? ''));
	if (question !== undefined && answer !== undefined) {
		const choices = columns.filter((index) => CHOICES_HEADER.test(headers[index] ?? ''));
		const others = columns.filter((index) => index !== question && index !== answer && !choices.includes(index));
		return { asks: question, choices, answers: [answer, ...others], labelled: others };
	}
	// Another table is read whole, as before: its first column may number what it is about (`| # | Name |`, a layer).
	const [asks = 0, ...answers] = all;
	return { asks, choices: [], answers, labelled: width > 2 ? answers : [] };
}

export class SectionExtractor {
	readonly drafts: Draft[] = [];
	readonly candidates: Candidate[] = [];
	readonly warnings: NoteWarning[] = [];
	/**
	 * The lines of definitions with their cards (the term's line and the lines after it on its back): their code is what
	 * the card asks or answers, no emphasis. Blanked, it asked the definition's card again (`` `enumerate(it)`: yields
	 * [...] pairs ``), or the same fact once per span (`` `@SpringBootApplication` = `@Configuration` + … ``).
	 */
	private readonly definedLines = new Set<number>();
	/**
	 * The note's lines that ask a question with a card (a `Q:` line, `What does `x` do? …`): where on the line its
	 * answer starts, or the line's end. Code in a question is what it asks about, not emphasis: blanked, it asks
	 * `What does [...] do?`, which nothing answers.
	 */
	private readonly questionParts = new Map<number, number>();

	constructor(private readonly options: ExtractOptions) {}

	extract(section: Section): void {
		// Cards inside a section sit under its heading or label too; the note's title is the deck's name, on no path.
		const innerPath = section.title && section.title.kind !== 'note' ? [...section.path, section.title.text] : section.path;
		const auto: Block[] = [];
		const highlighted = new Set<number>();
		const highlightClozes: Draft[] = [];
		const blocks = section.blocks;
		for (let i = 0; i < blocks.length; i++) {
			const block = blocks[i] as Block;
			this.collectCandidates(block);
			if (block.type === 'lines' && block.lines.some((line) => /^\s*\?{1,2}\s*$/.test(stripMarkers(line.text)))) {
				const consumedNext = this.multiline(block, blocks[i + 1], innerPath);
				if (consumedNext) i++;
			} else if (blockHasExplicit(block)) {
				this.explicit(markedLinesOf(block), innerPath);
			} else if (block.type === 'table') {
				if (!this.options.explicitOnly) this.table(block, innerPath);
			} else {
				const lines = highlightedLines(block);
				for (const line of lines) highlighted.add(line.line);
				const start = this.drafts.length;
				this.explicit(lines.filter(hasHighlight), innerPath);
				highlightClozes.push(...this.drafts.slice(start));
				auto.push(block);
			}
		}
		if (this.options.explicitOnly) return;

		const before = this.drafts.length;
		const explained = this.definitions(auto, innerPath);
		const defined = new Set(
			this.drafts
				.slice(before)
				// A question with its answer is a card of its own, as a definition is: a list of them needs no card over it.
				.filter((draft) => draft.rule === 'definition' || draft.rule === 'qa')
				.flatMap((draft) => draft.covers)
		);
		this.labelItems(auto, innerPath, defined, explained);
		this.emphasis(auto, innerPath);
		const covered = new Set([...this.drafts.slice(before), ...highlightClozes].flatMap((draft) => draft.covers));
		// A highlighted line or item asks by its clozes instead of the cards it would make of its own. Those still count as
		// made above, so that the cards over the list or section are the ones the note makes without the highlight.
		const own = this.drafts.splice(before);
		this.drafts.push(...own.filter((draft) => !highlighted.has(draft.line)));
		this.sectionCard(section, innerPath, auto, { covered, defined, explained });
	}

	private collectCandidates(block: Block): void {
		if (block.type === 'list') {
			for (const item of itemsOf(block)) {
				const first = item.lines[0];
				if (first) this.candidates.push({ line: first.line, kind: 'list-item', text: toPlain(first.text) });
			}
		} else if (block.type === 'lines') {
			const style = paragraphStyle(block.lines);
			for (const line of block.lines) {
				if (definitionOf(line.text, style)) this.candidates.push({ line: line.line, kind: 'definition', text: toPlain(line.text) });
			}
			// The report counts a paragraph by its first line: one that is a definition is counted as that already.
			const first = block.lines.find((line) => hasWords(toPlain(line.text)));
			if (first) this.candidates.push({ line: first.line, kind: 'passage', text: toPlain(first.text) });
		} else if (block.type === 'table') {
			for (const row of block.rows) this.candidates.push({ line: row.line, kind: 'table-row', text: row.cells.map((cell) => toPlain(cell)).join(' | ') });
		} else {
			this.candidates.push({ line: block.start, kind: 'code', text: block.value.split('\n').find((line) => line.trim()) ?? '' });
		}
	}

	/**
	 * A table, a card per row: the first cell asks, the second answers; in a
	 * wider table the other cells answer, each after its column's header. A
	 * table of sample questions (tableColumns) asks its question column instead.
	 */
	private table(block: TableBlock, path: string[]): void {
		const headers = block.header.cells;
		const columns = tableColumns(block);
		for (const row of block.rows) {
			const cell = (index: number) => row.cells[index] ?? '';
			const term = toPlain(cell(columns.asks));
			if (!hasWords(term)) continue;
			const answers = columns.answers
				.map((index) => ({ cell: cell(index), header: columns.labelled.includes(index) ? (headers[index] ?? '') : '' }))
				.filter(({ cell: text }) => hasWords(toPlain(text)))
				.map(({ cell: text, header }) => ({ text: hasWords(toPlain(header)) ? `${header}: ${text}` : text, line: row.line }));
			const back = linesToMarkdown(answers);
			if (!hasWords(back)) continue;
			// A number alone (`7` of an OSI table) asks nothing: its column's header says what it counts ("Layer 7").
			// The front only: the id still reads the cell, as before.
			const header = headers[columns.asks] ?? '';
			const asked = !/\p{L}/u.test(term) && /\p{L}/u.test(toPlain(header)) ? `${header} ${cell(columns.asks)}` : cell(columns.asks);
			// A question's choices are part of what it asks (`① 21 ② 80 ③ 443`), as a `Q:` line's `A.` `B.` `C.` are.
			const front = [asked, ...columns.choices.map(cell).filter((text) => hasWords(toPlain(text)))].join(LINE_BREAK);
			this.drafts.push({ kind: 'basic', rule: 'table', front: toMarkdown(front), back, path, identity: term, line: row.line, covers: [row.line], asks: [columns.asks, ...columns.choices].map((at) => ({ line: row.line, cell: at })) });
		}
	}

	/** Lines, then a line holding only `?` (or `??` for both directions), then the answer. */
	private multiline(block: LinesBlock, next: Block | undefined, path: string[]): boolean {
		const at = block.lines.findIndex((line) => /^\s*\?{1,2}\s*$/.test(stripMarkers(line.text)));
		const reversed = stripMarkers((block.lines[at] as MarkedLine).text).trim() === '??';
		const frontLines = block.lines.slice(0, at);
		let backLines = block.lines.slice(at + 1);
		let back = linesToMarkdown(backLines, { keepEmphasis: true });
		let consumedNext = false;
		if (backLines.length === 0 && next?.type === 'list') {
			back = listToMarkdown(next, { keepEmphasis: true });
			backLines = itemsOf(next).flatMap((item) => item.lines);
			consumedNext = true;
		}
		const front = linesToMarkdown(frontLines, { keepEmphasis: true });
		if (!hasWords(front) || !hasWords(back)) return consumedNext;
		const covers = [...linesOf(block), ...(consumedNext && next ? linesOf(next) : [])];
		const identity = frontLines.map((line) => toPlain(line.text)).join(' ');
		const line = frontLines[0]?.line ?? block.start;
		this.drafts.push({ kind: 'basic', rule: 'multiline', front, back, path, identity, line, covers, asks: frontLines.map((frontLine) => ({ line: frontLine.line })) });
		if (reversed) {
			const backIdentity = backLines.map((l) => toPlain(l.text)).join(' ');
			this.drafts.push({ kind: 'basic', rule: 'multiline-reversed', front: back, back: front, path, identity: `reversed ${backIdentity}`, line, covers, asks: [] });
		}
		return consumedNext;
	}

	private explicit(lines: readonly MarkedLine[], path: string[]): void {
		for (const line of lines) {
			if (hasAnkiCloze(line.text)) this.drafts.push(...ankiClozeDrafts(line, path));
			else if (hasHighlight(line)) this.drafts.push(...spanClozeDrafts(line, path, MARK_OPEN, MARK_CLOSE, 'cloze'));
			else this.drafts.push(...qaDrafts(line, path));
		}
	}

	private definitionDraft(group: DefinitionGroup, back: string, path: string[], covers: number[]): void {
		if (!hasWords(back)) return;
		const { definition } = group;
		for (const line of group.lines) this.definedLines.add(line.line);
		this.drafts.push({ kind: 'basic', rule: 'definition', front: toMarkdown(definition.front ?? definition.term), back, path, identity: definition.term, line: group.first.line, covers, asks: [termPart(group)] });
	}

	/** `Q: question` and `A: answer` lines: question → answer, and what the answer's item holds below it. */
	/** `under` is what the question's item holds (a hint: on the front), `below` what the answer's holds (on the back). */
	private questionDraft(pair: QuestionAnswer, path: string[], below: readonly Block[] = [], under: readonly Block[] = []): void {
		const front = [linesToMarkdown(pair.question, { keepEmphasis: true }), blocksToMarkdown(under)].filter(Boolean).join('\n\n');
		const back = [linesToMarkdown(pair.answer, { keepEmphasis: true }), blocksToMarkdown(below)].filter(Boolean).join('\n\n');
		if (!hasWords(front) || !hasWords(back)) return;
		const identity = pair.question.map((line) => toPlain(line.text)).join(' ');
		const covers = [...pair.covers, ...under.flatMap(linesOf), ...below.flatMap(linesOf)];
		// A question and its answer on one line (`Q: …<br>A: …`): only what stands before the answer is the question's.
		const answerLines = new Set(pair.answer.map((line) => line.line));
		const questionLines = [...new Set(pair.question.map((line) => line.line))];
		for (const line of questionLines) this.questionParts.set(line, answerLines.has(line) ? (pair.answerAt ?? 0) : Infinity);
		const asks: FrontPart[] = [
			...questionLines.flatMap((line) => (!answerLines.has(line) ? [{ line }] : pair.answerAt === undefined ? [] : [{ line, before: pair.answerAt }])),
			...under.flatMap(linesOf).map((line) => ({ line }))
		];
		this.drafts.push({ kind: 'basic', rule: 'qa', front, back, path, identity, line: pair.covers[0] as number, covers, asks });
	}

	/**
	 * Definition lines in paragraphs and list items; the lines after one belong
	 * to it. Returns the lists that explain a paragraph's term, with that term,
	 * and the code that answers a paragraph's question (solvedByCode), with it.
	 */
	private definitions(blocks: readonly Block[], path: string[]): Map<Block, string> {
		const explained = new Map<Block, string>();
		blocks.forEach((block, index) => {
			if (block.type === 'lines') {
				const { before: lines, pairs } = questionsAndAnswers(block.lines, ownsCard);
				const solved = solvedByCode(lines, blocks.slice(index + 1, index + 3));
				const before = solved ? lines.slice(0, -solved.lines) : lines;
				const all = groupByDefinition(before, paragraphStyle(before));
				const exchange = exchangeLines(all.map((group) => ({ line: group.first.line, term: group.definition.term })));
				const groups = all.filter((group) => !exchange.has(group.first.line));
				groups.forEach((group, groupIndex) => {
					const isLast = groupIndex === groups.length - 1 && pairs.length === 0;
					const next = blocks[index + 1];
					// `**term**: definition` over an indented list: the list explains the term.
					const list = isLast && next?.type === 'list' && !next.ordered && next.start === block.end + 1 ? next : undefined;
					const parts = [linesToMarkdown(backLines(group))];
					if (list) {
						parts.push(listToMarkdown(list));
						explained.set(list, group.definition.term);
					}
					const covers = [...group.lines.map((line) => line.line), ...(list ? linesOf(list) : [])];
					this.definitionDraft(group, parts.filter(Boolean).join('\n\n'), path, covers);
				});
				for (const pair of pairs) this.questionDraft(pair, path);
				if (solved) {
					this.questionDraft(solved.pair, path, [solved.code]);
					const question = toPlain(solved.pair.question[0]?.text ?? '');
					explained.set(solved.code, question);
					if (solved.label) explained.set(solved.label, question);
				}
			} else if (block.type === 'list') {
				// A list explaining the term above it is under that term, as a sub-item is under its item: two services' "장점" differ.
				const term = explained.get(block);
				const listPath = term === undefined ? path : [...path, term];
				const items = itemsOf(block);
				const steps = stepItems(block);
				const asked = this.listQuestions(items, listPath, steps);
				const style = listStyle(items);
				// A definition in a sub-item sits under the item above it: two sorts' "시간복잡도" are told apart.
				const contexts = itemContexts(block, style);
				const numbers = itemNumbers(block);
				const exchange = exchangeLines(items.flatMap((item) => {
					// Only an item with an arrow may be a flow: no other item is read twice.
					const term = item.lines[0] && FLOW_TERM.test(item.lines[0].text) ? definitionOf(item.lines[0].text, style)?.term : undefined;
					return term === undefined ? [] : [{ line: item.start, term }];
				}));
				for (const item of items) {
					if (asked.has(item) || exchange.has(item.start)) continue;
					const start = this.drafts.length;
					this.itemDefinitions(item, [...listPath, ...(contexts.get(item) ?? [])], style, !steps.has(item));
					const step = numbers.get(item);
					if (step !== undefined) for (const draft of this.drafts.slice(start)) draft.step = step;
				}
			}
		});
		return explained;
	}

	/**
	 * `- Q: question` followed by `- A: answer`, as items (the answer's sub-items go with it), and an item asking a
	 * question over its answer (isQuestionItem) that is no step (`steps`). Returns the items they used.
	 */
	private listQuestions(items: readonly ListItemModel[], path: string[], steps: ReadonlySet<ListItemModel>): Set<ListItemModel> {
		const asked = new Set<ListItemModel>();
		items.forEach((item, index) => {
			if (asked.has(item)) return;
			const question = item.lines[0] && questionOf(item.lines[0]);
			if (!question) {
				if (steps.has(item) || !isQuestionItem(item)) return;
				// Its sub-items are its answer, not cards of their own.
				this.questionDraft({ question: item.lines, answer: [], covers: item.lines.map((line) => line.line) }, path, item.children);
				asked.add(item);
				for (const child of item.children) if (child.type === 'list') for (const sub of itemsOf(child)) asked.add(sub);
				return;
			}
			// The answer may be the question's first sub-item; else the question's sub-items (a hint) go with it, and its
			// answer is the item after them.
			const inside = new Set(item.children.flatMap((child) => (child.type === 'list' ? itemsOf(child) : [])));
			const first = items[index + 1];
			const nested = first !== undefined && inside.has(first) && first.lines[0] !== undefined && answerOf(first.lines[0]) !== undefined;
			const next = nested ? first : items.slice(index + 1).find((candidate) => !inside.has(candidate));
			const answer = next?.lines[0] ? answerOf(next.lines[0]) : undefined;
			if (!answer || !next) return;
			const covers = [...item.lines, ...next.lines].map((line) => line.line);
			this.questionDraft({ question: [question, ...item.lines.slice(1)], answer: [answer, ...next.lines.slice(1)], covers }, path, next.children, nested ? [] : item.children);
			asked.add(item).add(next);
			if (!nested) for (const sub of inside) asked.add(sub);
		});
		return asked;
	}

	/** `plainQuestions`: whether a plain question answered on its line is asked (not in a step, which asks as a step). */
	private itemDefinitions(item: ListItemModel, path: string[], style: DefinitionStyle, plainQuestions: boolean): void {
		const label = itemLabel(item);
		if (label) {
			const lists = item.children.filter((child) => child.type === 'list');
			const covers = [item.start, ...lists.flatMap(linesOf)];
			this.drafts.push({ kind: 'basic', rule: 'list', front: labelFront(item, label), back: blocksToMarkdown(item.children), path, identity: label, line: item.start, covers, asks: [{ line: item.start }] });
			return;
		}
		// An item may hold `Q:` and `A:` lines of its own.
		const { before, pairs } = questionsAndAnswers(item.lines, ownsCard, plainQuestions);
		const groups = groupByDefinition(before, style);
		groups.forEach((group, index) => {
			const own = backLines(group);
			const parts = [linesToMarkdown(own)];
			const isLast = index === groups.length - 1 && pairs.length === 0;
			// The item's nested lists and paragraphs explain its last term.
			if (isLast && item.children.length > 0) parts.push(blocksToMarkdown(item.children));
			const covers = [...group.lines.map((line) => line.line), ...(isLast ? item.children.flatMap(linesOf) : [])];
			this.definitionDraft(group, parts.filter(Boolean).join('\n\n'), path, covers);
		});
		pairs.forEach((pair, index) => this.questionDraft(pair, path, index === pairs.length - 1 ? item.children : []));
	}

	/**
	 * Unmarked emphasis: a sentence with inline code becomes a cloze of that span, unless a definition's card holds it
	 * (definedLines).
	 */
	private emphasis(blocks: readonly Block[], path: string[]): void {
		for (const block of blocks) {
			for (const marked of markedLinesOf(block)) {
				const asked = this.questionParts.get(marked.line) ?? 0;
				const line = asked === 0 ? marked : { ...marked, text: marked.text.slice(asked) };
				if (!line.text.includes(CODE_OPEN) || this.definedLines.has(line.line)) continue;
				this.drafts.push(...spanClozeDrafts(line, path, CODE_OPEN, CODE_CLOSE, 'emphasis'));
			}
		}
	}

	/**
	 * A short plain label over a nested list makes its card as a bold one does
	 * (itemDefinitions), unless its sub-items are all definitions with their
	 * cards (as a heading's list, see sectionCard). Under another item that
	 * has a card of its own, the label's card sits under that item's label or
	 * term: a note's several "장점" lists are then told apart.
	 */
	private labelItems(blocks: readonly Block[], path: string[], defined: Set<number>, explained: ReadonlyMap<Block, string>): void {
		for (const block of blocks) {
			if (block.type !== 'list') continue;
			const term = explained.get(block);
			const listPath = term === undefined ? path : [...path, term];
			const style = listStyle(itemsOf(block));
			for (const [item, above] of itemContexts(block, style)) {
				const label = plainItemLabel(item, style);
				if (!label || repeatsDefinitions(item.children, defined, [label])) continue;
				const covers = [item.start, ...item.children.flatMap(linesOf)];
				this.drafts.push({ kind: 'basic', rule: 'list', front: labelFront(item, label), back: blocksToMarkdown(item.children), path: [...listPath, ...above], identity: label, line: item.start, covers, asks: [{ line: item.start }] });
			}
		}
	}

	/**
	 * A heading or label over its material: a list card, a steps card, or a
	 * short passage; longer prose, a card per paragraph. No card over
	 * definitions alone: each already has its own.
	 */
	private sectionCard(section: Section, innerPath: string[], material: readonly Block[], made: { covered: Set<number>; defined: Set<number>; explained: ReadonlyMap<Block, string> }): void {
		const title = section.title;
		if (!title || !hasWords(title.text)) return;
		// Bullets over numbered steps (what OSI is, over its layers) are no step: the title's card of their own.
		const intro = stepsIntro(material, title.text);
		if (intro > 0) this.sectionCard(section, innerPath, material.slice(0, intro), made);
		const blocks = material.slice(intro);
		let content = blocks.filter((block) => block.type !== 'lines' || block.lines.length > 0);
		const lists = content.filter((block): block is ListBlock => block.type === 'list' && !made.explained.has(block));
		// Image-only paragraphs are not written out, but their images belong to this card.
		const lines = blocks.flatMap(linesOf);
		const textLines = content.flatMap((block) => (block.type === 'lines' ? block.lines.map((line) => line.line) : []));
		// Lists of definitions alone need no card over them, nor do definition lines: each has its own. Code beside them still
		// does, and so does a list with a picture beside it (a paragraph of its own), which belongs to the list, not to one term.
		const pictured = lists.length > 0 && blocks.some((block) => block.type === 'lines' && block.lines.length === 0);
		if (!pictured && repeatsDefinitions(content.filter((block) => !made.explained.has(block)), made.defined, [title.text]) && textLines.every((line) => made.covered.has(line))) content = content.filter((block) => block.type === 'code' && !made.explained.has(block));
		if (content.length === 0) return;
		const back = blocksToMarkdown(content);
		if (!hasWords(back)) return;
		const hasList = content.some((block) => block.type === 'list' && !made.explained.has(block));
		const steps = stepCount(content, [title.text]);
		// Code is kept whole: the limit is for prose.
		const prose = blocksToMarkdown(content.filter((block) => block.type !== 'code'));
		let rule: CardRule;
		if (steps > 0) rule = 'steps';
		else if (hasList) rule = 'list';
		else if (title.kind === 'note' && this.options.hasHeadings) return;
		else if (toPlain(prose).length <= MAX_SECTION_PROSE) rule = 'section';
		else {
			this.paragraphCards(title.text, innerPath, content, made.defined);
			return;
		}
		// A passage's definitions, and the lists explaining their terms, are on their own cards: it holds what is left.
		const passage = rule === 'section' ? withoutDefinitions(content, made.defined, made.explained) : content;
		const kept = new Set(passage.flatMap(linesOf));
		const covers = rule === 'section' ? lines.filter((line) => kept.has(line) || !content.some((block) => line >= block.start && line <= block.end)) : lines;
		const shownBack = rule === 'section' ? blocksToMarkdown(passage) : back;
		if (!hasWords(shownBack)) return;
		const wording = (text: string) => (rule === 'steps' ? WORDING[this.options.language].steps(text) : text);
		const identity = wording(title.text);
		// Numbered lines are not always steps: "Four Coffman conditions:" over them says what they are, and asks better.
		const leadIn = rule === 'steps' ? leadInOf(content) : undefined;
		// A title's code stays code on the front (`` `useState` 훅 ``), as a term's does.
		const shown = title.front ?? title.text;
		const front = leadIn ? `${shown}: ${leadIn.text}` : wording(shown);
		this.drafts.push({
			kind: 'basic',
			rule,
			front: toMarkdown(front),
			back: shownBack,
			path: section.path,
			// The id keeps the steps wording, so that a lead-in written or reworded leaves the card its history.
			identity,
			line: title.line,
			covers: [title.line, ...covers],
			// The title's line, unless material shares it (a toggle's `<summary>` and its answer written on one line), and the lead-in's, which the front asks with.
			asks: [...(lines.includes(title.line) ? [] : [{ line: title.line }]), ...(leadIn ? [{ line: leadIn.line }] : [])]
		});
	}

	/**
	 * Prose too long for one card: a card per paragraph, asked by its first
	 * words under the heading, so that a paragraph inserted or removed leaves
	 * the others' ids alone. Code, and a paragraph of too few words to ask by,
	 * go with the paragraph before them (the first ones, with the one after).
	 * A paragraph still too long is on no card, and the report says so.
	 */
	private paragraphCards(heading: string, path: string[], content: readonly Block[], defined: Set<number>): void {
		const asks = (block: Block) => block.type === 'lines' && cueOf(block.lines) !== '';
		const paragraphs: Block[][] = [];
		for (const block of content) {
			const current = paragraphs.at(-1);
			if (current && !(asks(block) && current.some(asks))) current.push(block);
			else paragraphs.push([block]);
		}
		for (const paragraph of paragraphs) {
			const text = paragraph.flatMap((block) => (block.type === 'lines' ? block.lines : []));
			if (text.length > 0 && text.every((line) => defined.has(line.line))) continue;
			const cue = cueOf(text);
			const prose = toPlain(blocksToMarkdown(paragraph.filter((block) => block.type !== 'code')));
			const line = (paragraph[0] as Block).start;
			if (prose.length > MAX_SECTION_PROSE) {
				const start = cue || prose.slice(0, 30);
				this.warnings.push({ line, ...sayNote('note-passage-too-long', { passage: start, heading, limit: MAX_SECTION_PROSE }) });
				continue;
			}
			if (!cue) continue;
			const back = blocksToMarkdown(paragraph);
			this.drafts.push({ kind: 'basic', rule: 'section', front: toMarkdown(cue), back, path, identity: cue, line, covers: paragraph.flatMap(linesOf) });
		}
	}
}
