/**
 * What names a thing and what says something: terms of definitions and labels over lists, told apart from the
 * clauses of prose that end in a colon or run on past a dash.
 */
import { hasWords } from './text';

/** Words that end in a colon without being terms: "Note: ...", "예: ...". */
export const NOT_TERMS = new Set([
	'note', 'notes', 'tip', 'tips', 'warning', 'caution', 'important', 'example', 'examples', 'e.g', 'eg', 'ex', 'i.e',
	'see', 'source', 'sources', 'ref', 'reference', 'references', 'todo', 'q', 'a', 'question', 'answer', 'summary', 'result',
	'참고', '주의', '예', '예시', '예제', '결론', '요약', '정리', '출처', '질문', '답', '팁', '중요',
	// A class's business, not its matter: "교수님: 다음 시간 퀴즈", "과제: 3장 연습문제".
	'homework', 'assignment', 'due', '교수님', '교수님 말씀', '과제', '숙제', '공지', '준비물',
	// How much a fact matters, not what it is called: "High-yield: β-blockers mask hypoglycaemia". Not a word a
	// vocabulary list may define ("remember", "pearl", "핵심"): only the phrases that say so.
	'high-yield', 'high yield', 'key point', 'key points', 'key takeaway', 'clinical pearl', 'tl;dr', 'tldr', 'n.b',
	'핵심 포인트', '시험 포인트', '암기 포인트'
]);

const MAX_TERM_LENGTH = 48;
const MAX_TERM_WORDS = 7;

/** `code`: the term is a code span, whose final `.` or `?` (`git add .`, `a?`) is code, not the end of a sentence. */
export function isTerm(term: string, code = false): boolean {
	const plain = term.trim();
	// A year (`918: 고려 건국`, `1066 - Norman conquest`) or a code (`404: Not Found`) is a term; a lone small number is not.
	if (/^\d{3,4}$/.test(plain)) return true;
	if (!plain || plain.length > MAX_TERM_LENGTH || !(code || hasWords(plain))) return false;
	if (plain.split(/\s+/).length > MAX_TERM_WORDS) return false;
	if ((!code && /[.!?。]$/.test(plain)) || /https?$|:\/\/|^\d+$/.test(plain)) return false;
	return !NOT_TERMS.has(plain.toLowerCase().replace(/\.$/, ''));
}

/** "It works - mostly", "오늘은 비가 왔다 - 그래서", "속도에 한계가 있음 - ...": a sentence before the dash, not a term. */
export const SENTENCE_START = /^(?:I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Tt]his|[Tt]hat|[Tt]here|[Aa]lso|[Tt]hen|[Ss]o|[Bb]ut|[Aa]nd|[Tt]oday)(?:\s|$)/;
/** A person doing something ("Today we covered recursion"): terms name things, they have no "we" in them. */
export const PRONOUN = /\s(?:I|we|you|he|she|they|it)(?:\s|$)/;
/** "오늘 수업 끝", "이건 꼭 외우자", "다음 주는 휴강": a remark of the day, not a term. */
export const KOREAN_REMARK_START = /^(?:오늘|어제|내일|이건|이거|이것은|그래서|그리고|근데|다음)\s/;
/** A topic or object particle inside the words ("다음 주는 휴강", "문제를 풀자"): a clause. */
export const PARTICLE_INSIDE = /[은는을를]\s/;
/** Sentence endings of Korean notes: words ending so state a fact rather than name a topic. */
export const STATEMENT_ENDING = /[다요음함됨임]$/u;

/**
 * A short plain label over `subItems` items (`장점`, `Pros`), as a list item or a line ending in a colon writes one:
 * a term with a letter in it, no sentence. Words over a single item are rather a point made finer, as outlines nest
 * them: a label of several words needs two items. Dates and ranges (`2023-01-01`, `3 - 5`) head notes taken on them
 * rather than name a topic.
 */
export function isPlainLabel(label: string, subItems: number): boolean {
	if (!isTerm(label) || !/\p{L}/u.test(label) || /[.!?。;](?:\s|$)/.test(label)) return false;
	return !label.includes(' ') || (subItems >= 2 && !STATEMENT_ENDING.test(label));
}

/**
 * A line ending in a colon over a bulleted list (`Advantages of TCP:`, `시험 포인트:`): a label as its bold form
 * (`**시험 포인트**`) is. Its colon names it a label, so words that are no term before a definition (`Note`, `Summary`,
 * `시험 포인트`) head a list as well, and several words do over one item too; a sentence or a clause never does.
 */
export function isColonLabel(label: string): boolean {
	const word = label.toLowerCase().replace(/\.$/, '');
	return (isPlainLabel(label, 2) || (NOT_TERMS.has(word) && /\p{L}/u.test(label))) && !readsAsClause(label);
}

/** Words that lead into what follows without naming it: "For example:", "In short:". */
const LEAD_PHRASE = /^(?:for (?:example|instance)|in (?:short|summary|particular|general)|such as|namely|that is)$/i;
/** A verb of a clause: "The three types are as follows", "It consists of". */
const VERB = /\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|must|may|might|includes?|consists?|contains?|follows?|following)\b/i;

/**
 * Words that say something rather than name it: a subject, a verb, a Korean particle or sentence ending
 * ("There are several kinds of joins", "정렬은 다음과 같이 나눌 수 있다"). Ending in a colon, such a line introduces
 * what follows as prose does; a label names it.
 */
export function readsAsClause(words: string): boolean {
	if (SENTENCE_START.test(words) || PRONOUN.test(words) || VERB.test(words) || LEAD_PHRASE.test(words)) return true;
	return words.includes(' ') && (STATEMENT_ENDING.test(words) || KOREAN_REMARK_START.test(words) || PARTICLE_INSIDE.test(words));
}
