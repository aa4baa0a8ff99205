/**
 * `Q: question` / `A: answer` lines (also `Q.`, `Q)`, `Q1.`, `질문:` / `답:`):
 * the way people write a question and its answer without card syntax.
 */
import { LINE_BREAK, toPlain, type MarkedLine } from './inline';
import { KOREAN_REMARK_START } from './terms';
import { hasWords, stripDecoration } from './text';

// Bold or italics may open before the label: `**Q:** ...`, `**Q: ...**`.
const QUESTION_LABEL = /^([\ue000\ue002]*)(?:q\d*|question|질문|문제)\s*(?:[:：]|[.)](?=[\ue001\ue003]*\s))([\ue001\ue003]*)\s*/iu;
const ANSWER_LABEL = /^([\ue000\ue002]*)(?:a\d*|answer|답|답변|정답)\s*(?:[:：]|[.)](?=[\ue001\ue003]*\s))([\ue001\ue003]*)\s*/iu;

/** The line without its label (formatting opened before the label kept), or undefined when it has none or nothing after it. */
function unlabelled(line: MarkedLine, label: RegExp): MarkedLine | undefined {
	const text = stripDecoration(line.text).trim();
	const match = label.exec(text);
	if (!match) return undefined;
	const [whole, open = '', close = ''] = match;
	const rest = open.slice(close.length) + text.slice(whole.length);
	return hasWords(toPlain(rest)) ? { ...line, text: rest } : undefined;
}

/** The question of a `Q:` line, without its label. */
export function questionOf(line: MarkedLine): MarkedLine | undefined {
	return unlabelled(line, QUESTION_LABEL);
}

/** The answer of an `A:` line, without its label. */
export function answerOf(line: MarkedLine): MarkedLine | undefined {
	return unlabelled(line, ANSWER_LABEL);
}

const CHOICE = (letter: string) => new RegExp(`^[${letter}${letter.toLowerCase()}][.)]\\s`);
const [FIRST_CHOICE, SECOND_CHOICE] = [CHOICE('A'), CHOICE('B')];

/**
 * `A. 스택` followed by `B. 큐`: the first choice of a multiple-choice question, part of the question (its answer
 * comes after the choices, `정답: A`), not an answer.
 */
function isFirstChoice(line: MarkedLine, next: MarkedLine | undefined): boolean {
	const text = (candidate: MarkedLine) => stripDecoration(toPlain(candidate.text)).trim();
	return next !== undefined && FIRST_CHOICE.test(text(line)) && SECOND_CHOICE.test(text(next));
}

/** The answer's part of a line split at its answer (splitAtAnswer), with where the answer starts in the whole line's text. */
type AnswerStarts = WeakMap<MarkedLine, number>;

const BREAK = /[ \t]*\ue00e[ \t]*/gu;

/**
 * `Q: question<br>A: answer` on one line: the question's line and the answer's, as if written on two. Only a
 * question's line is split so, at its first break before an answer label; other breaks stay in the line. `starts`
 * is told where in the line's text the answer's part starts, for a sound before it is the question's (generate.ts).
 */
function splitAtAnswer(line: MarkedLine, starts: AnswerStarts): MarkedLine[] {
	if (!line.text.includes(LINE_BREAK) || !questionOf(line)) return [line];
	const breaks = [...line.text.matchAll(BREAK)];
	const parts = line.text.split(BREAK);
	const at = parts.findIndex((part, index) => index > 0 && answerOf({ ...line, text: part }) !== undefined);
	if (at < 0) return [line];
	const joined = (some: string[]) => some.join(` ${LINE_BREAK} `);
	const answer = { ...line, text: joined(parts.slice(at)) };
	starts.set(answer, (breaks[at - 1] as RegExpExecArray).index);
	return [{ ...line, text: joined(parts.slice(0, at)) }, answer];
}

/** `**Why is UDP faster?** No handshake.`: a bold question, then its answer on the same line. */
const BOLD_QUESTION = /^\ue000([^\ue000-\ue00c]+?[?？])\ue001[:：]?\s+(\S.*)$/u;
/** `**HTTPS란?** …` is a definition's own form (definitionOf in extract.ts), asked by its term. */
const KOREAN_WHAT_IS_QUESTION = /\S란(?:\s+\S+)?\s*[?？]$/u;

/** The question and answer of a line that asks in bold and answers after it; a question of one word (`**Why?**`) asks nothing. */
function boldQuestion(line: MarkedLine): QuestionAnswer | undefined {
	const match = BOLD_QUESTION.exec(stripDecoration(line.text).trim());
	if (!match) return undefined;
	const [, question = '', answer = ''] = match;
	const plain = toPlain(question).trim();
	if (plain.split(/\s+/).length < 2 || KOREAN_WHAT_IS_QUESTION.test(plain) || !hasWords(toPlain(answer))) return undefined;
	// Decoration is stripped from the line's start only, so the answer ends where the line's text does.
	const answerAt = line.text.trimEnd().length - answer.length;
	return { question: [{ ...line, text: question.trim() }], answer: [{ ...line, text: answer }], covers: [line.line], answerAt };
}

/** How an English question opens: a question word or an auxiliary (`What is …?`, `Why does …?`, `Is it …?`). */
const ENGLISH_ASKS = /^(?:what|why|how|when|where|who|whom|whose|which|is|are|was|were|do|does|did|can|could|should|would|will|has|have)\b/i;
/** A Korean question: a question word in it (`왜`, `어떻게`, `무엇`), or a question's ending (`…일까`, `…인가`, `…나요`). */
const KOREAN_ASKS = /(?:^|\s)(?:왜|어떻게|무엇[이을은]?|뭐|뭘|언제|어디[서에]?|누가|누구|어느|몇|어떤)(?:\s|$)|(?:까|는가|인가|은가|나요|가요|니|냐|죠)$/u;
/** What follows a question without answering it: the writer's own remark, or a pointer to what comes next. */
const NO_ANSWER = /^(?:i|i'm|i’m|we|we're|let's|let’s|let us|see|try|not sure|no idea|dunno|maybe|hmm+|todo|tbd)(?:\s|[.!,]|$)|^(?:아래|다음|모르|잘 모르|나중에|찾아보|글쎄|음+(?:\s|$)|아마)|[하보자]자[.!]?$/iu;
/** A question asking the reader's mind (`What do you think?`): prose, not a card. */
const PROSE_QUESTION = /\b(?:do|did|would|could|can|will) you (?:think|know|guess|imagine|see|remember|wonder|agree)\b|\bguess what\b|^why not\b/i;
/** A line whose first sentence asks, answered or not: it asks after an answer above it, not as part of it. */
const OPENS_ASKING = /^[^.!。?？]{1,200}[?？](?:\s|$)/u;
/** Longer than this, what ends in a question mark is a passage of prose asking, not a question to recall. */
const MAX_QUESTION_WORDS = 15;

/** A plain line's opening question (`What is a generator?`, `왜 UDP가 빠를까?`) and what follows it on the line. */
function openingQuestion(line: MarkedLine): { question: string; rest: string } | undefined {
	const text = stripDecoration(line.text).trim();
	const end = /[?？](?:\s+|$)/u.exec(text);
	if (!end) return undefined;
	const question = text.slice(0, end.index + 1);
	// Emphasis or code open across the question mark: one span, not a question and its answer.
	const opens = question.match(/[\ue000\ue002\ue004\ue006\ue008\ue00b]/gu)?.length ?? 0;
	const closes = question.match(/[\ue001\ue003\ue005\ue007\ue00a\ue00c]/gu)?.length ?? 0;
	const asked = toPlain(question).trim();
	const words = asked.split(/\s+/).length;
	if (opens !== closes || words < 2 || words > MAX_QUESTION_WORDS || /[:：]|[.!。]\s/u.test(asked) || KOREAN_WHAT_IS_QUESTION.test(asked)) return undefined;
	if (!ENGLISH_ASKS.test(asked) && !KOREAN_ASKS.test(asked.slice(0, -1).trim())) return undefined;
	// A remark of the day asks too (`오늘은 뭘 할까?`).
	if (PROSE_QUESTION.test(asked) || KOREAN_REMARK_START.test(asked) || /^오늘[은도]?\s/u.test(asked)) return undefined;
	return { question, rest: text.slice(end.index + end[0].length) };
}

/**
 * A line that is a question and nothing more (`Why constructor injection?`, `캐시를 쓰는 이유는?`), to head the list that
 * answers it: one sentence of a few words, not put to the reader (`What do you think?`) nor a remark of the day. Its
 * question mark ends it, so no question word is needed, as a list item's question needs none.
 */
export function asksAlone(line: MarkedLine): boolean {
	const asked = toPlain(stripDecoration(line.text)).trim();
	const words = asked.split(/\s+/).length;
	if (!/^[^?？]+[?？]$/u.test(asked) || words < 2 || words > MAX_QUESTION_WORDS || /[:：]|[.!。]\s/u.test(asked)) return false;
	return !PROSE_QUESTION.test(asked) && !KOREAN_REMARK_START.test(asked) && !/^오늘[은도]?\s/u.test(asked);
}

/**
 * `What is a generator? A function that yields values lazily.`: a question opening a plain line, answered after it on
 * the line. Prose asks too (`How does it work? Let's see.`), so only a question as such (a question word, an
 * auxiliary, a Korean question's ending), of one sentence, with an answer that neither asks nor remarks.
 */
function plainQuestion(line: MarkedLine): QuestionAnswer | undefined {
	const opening = openingQuestion(line);
	const said = opening ? toPlain(opening.rest).trim() : '';
	if (!opening || !hasWords(said) || /[?？]$/u.test(said) || NO_ANSWER.test(said)) return undefined;
	// As a bold question's: decoration is stripped from the line's start only, so the answer ends where the line does.
	const answerAt = line.text.trimEnd().length - opening.rest.length;
	return { question: [{ ...line, text: opening.question }], answer: [{ ...line, text: opening.rest }], covers: [line.line], answerAt };
}

export interface QuestionAnswer {
	question: MarkedLine[];
	answer: MarkedLine[];
	/** The note's lines of both. */
	covers: number[];
	/**
	 * Where the answer starts in the text of its line, when the question shares that line (`Q: …<br>A: …`,
	 * `**Why?** …`): what stands before it is the question's.
	 */
	answerAt?: number;
}

/**
 * The `Q:` / `A:` pairs of a paragraph's lines, and the lines of no pair: those
 * before the first, and those from a line that makes a card of its own
 * (`ownCard`: a bold definition) after an answer. Lines after a question are
 * part of it until the answer; lines after the answer, until the next question
 * or such a line. A question with no answer is no pair.
 * A bold question answered on its line (`**What is TCP?** A protocol`) is a pair too, its id that of `Q:` / `A:` lines,
 * and so is a plain one (plainQuestion) unless `plain` is false (a step that asks is a step).
 */
export function questionsAndAnswers(
	given: readonly MarkedLine[],
	ownCard: (line: MarkedLine) => boolean = () => false,
	plain = true
): { before: MarkedLine[]; pairs: QuestionAnswer[] } {
	const answerStarts: AnswerStarts = new WeakMap();
	const lines = given.flatMap((line) => splitAtAnswer(line, answerStarts));
	const pairs: QuestionAnswer[] = [];
	const after: MarkedLine[] = [];
	let pending: QuestionAnswer | undefined;
	// A line that owns a card (`**TCP**: 연결형인가? …`) is that card; read only when it asks, for few lines do.
	const plainAsked = (line: MarkedLine) => {
		const asked = plain ? plainQuestion(line) : undefined;
		return asked && !ownCard(line) ? asked : undefined;
	};
	for (const [index, line] of lines.entries()) {
		const asked = boldQuestion(line) ?? plainAsked(line);
		if (asked) {
			pending = asked;
			pairs.push(asked);
			continue;
		}
		const question = questionOf(line);
		if (question) {
			pending = { question: [question], answer: [], covers: [line.line] };
			continue;
		}
		// `**QUIC**: …` after an answer is no more of it: its own card. Nor is a question it does not answer.
		if (pending && pending.answer.length > 0 && (ownCard(line) || (plain && OPENS_ASKING.test(toPlain(line.text))))) pending = undefined;
		if (!pending) {
			if (pairs.length > 0) after.push(line);
			continue;
		}
		const answer = pending.answer.length === 0 && !isFirstChoice(line, lines[index + 1]) ? answerOf(line) : undefined;
		if (answer) {
			pairs.push(pending);
			const start = answerStarts.get(line);
			if (start !== undefined) pending.answerAt = start;
		}
		(pending.answer.length > 0 || answer ? pending.answer : pending.question).push(answer ?? line);
		if (pending.covers.at(-1) !== line.line) pending.covers.push(line.line);
	}
	const start = pairs[0]?.covers[0];
	return { before: start === undefined ? [...lines] : [...lines.filter((line) => line.line < start), ...after], pairs };
}
