/**
 * `Q: question` / `A: answer` lines (also `Q.`, `Q)`, `Q1.`, `질문:` / `답:`):
 * the way people write a question and its answer without card syntax.
 */
import { LINE_BREAK, toPlain, type MarkedLine } from './inline';
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
 * A bold question answered on its line (`**What is TCP?** A protocol`) is a pair too, its id that of `Q:` / `A:` lines.
 */
export function questionsAndAnswers(given: readonly MarkedLine[], ownCard: (line: MarkedLine) => boolean = () => false): { before: MarkedLine[]; pairs: QuestionAnswer[] } {
	const answerStarts: AnswerStarts = new WeakMap();
	const lines = given.flatMap((line) => splitAtAnswer(line, answerStarts));
	const pairs: QuestionAnswer[] = [];
	const after: MarkedLine[] = [];
	let pending: QuestionAnswer | undefined;
	for (const [index, line] of lines.entries()) {
		const asked = boldQuestion(line);
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
		// `**QUIC**: …` after an answer is no more of it: its own card.
		if (pending && pending.answer.length > 0 && ownCard(line)) pending = undefined;
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
