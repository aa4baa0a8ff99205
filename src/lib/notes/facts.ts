/**
 * Numbered lines that are steps, told apart from numbered lines that are facts: an exam summary numbers its points
 * (`1. 세포막은 인지질 이중층` / `2. 미토콘드리아는 ATP 생성`) as a procedure numbers its steps, but only the steps'
 * order is something to recall.
 */

/** Words of a title that say its numbered lines are done in order: a procedure, a process, a flow. */
const PROCEDURE =
	/단계|순서|절차|과정|방법|하는 ?법|흐름|프로세스|알고리즘|진행|설치|동작|\b(?:steps?|procedures?|process(?:es|ing)?|how to|how-to|workflow|algorithm|install(?:ation|ing)?|setup|set up|recipe|instructions?|lifecycle|life cycle|pipeline|flow)\b/iu;

/** Words of a title that say its numbered lines are points to know, each on its own: "시험 포인트", "Key facts". */
const POINTS =
	/포인트|요점|핵심|특징|특성|주의 ?사항|암기|기억할|외울|요인|요건|원인|연표|연혁|\b(?:key (?:points?|facts?|takeaways?)|takeaways?|facts?|high[- ]yield|pearls?|points? to remember|must know|features?|characteristics|factors?|ways|causes|requirements|timeline|chronology)\b/iu;

/** Words of a title that say it lists kinds of something, even of procedures: "정렬 알고리즘 종류", "Types of processes". */
const KINDS = /종류|유형|\b(?:types|kinds)\b/iu;

/** A complexity (`O(n log n)`): numbered lines that each give one are algorithms compared, not the steps of one. */
const COMPLEXITY = /(?:^|[^\p{L}])[OΘΩ]\(/u;

/** A Korean subject marked as the topic, at most three words before `은` / `는`: `미토콘드리아는 …`, `세포막의 주성분은 …`. */
const KOREAN_TOPIC = /^((?:\S+\s){0,2}?\S+?)[은는]\s+\S/u;
/** `-는` of a verb qualifying a noun (`사용하는 포트를 연다`), not a topic. */
const ADNOMINAL = /(?:하|되|있|없|않|받|주|보내|만드|들)는$/u;
/**
 * An English statement of what something is: `Mitochondria are the site of …`, `The cell membrane is a bilayer`; not
 * what is done to it (`The kernel is loaded`), which is a step told in the passive.
 */
const ENGLISH_TOPIC = /^(?:the\s+|an?\s+)?([\p{L}\p{N}][\p{L}\p{N}'’ -]{0,40}?)\s+(?:is|are|was|were)\s+(?!(?:then\s+|now\s+)?\p{L}+(?:ed|en)\b)\S/iu;

/** A year opening a line of a timeline: `1392년 조선 건국`, `1776 Wealth of Nations`, `BC 221 진 통일`. */
const YEAR = /^(?:(?:BC|AD|기원전)\s?\d{1,4}|\d{3,4}년|\d{4}[:.)]?)(?:\s|$)/iu;

/** What a numbered line states a fact about, when it opens as a statement of one; else undefined. */
function topicOf(line: string): string | undefined {
	const korean = KOREAN_TOPIC.exec(line);
	if (korean) {
		const topic = korean[1] as string;
		return ADNOMINAL.test(korean[0].replace(/\s+\S$/u, '')) ? undefined : topic;
	}
	const english = ENGLISH_TOPIC.exec(line);
	return english ? (english[1] as string).toLowerCase() : undefined;
}

/**
 * Whether numbered lines are facts rather than steps. The line leading into them, else a title (a heading or label),
 * decides when it names kinds (of anything), a procedure or points to know; lines that each open with a year are a timeline; else the lines are facts when each states one about a
 * topic of its own (`세포막은 …`, `리보솜은 …`). A topic that comes back (`클라이언트는 …`, `서버는 …`,
 * `클라이언트는 …`) is an actor taking turns: steps. The caller gives no lines for terms and their definitions, which
 * stay steps but for their title, as layers in their order (`1. 물리 계층: …`) or a deployment's steps (`1. 확인: …`).
 */
/** Whether a title says its numbered lines are kinds or points to know, whatever they say: `요건`, `Three ways to inject`. */
export function namesPoints(title: string): boolean {
	return KINDS.test(title) || (!PROCEDURE.test(title) && POINTS.test(title));
}

/** An arrow between two forms. */
const ARROW = /→|->|⇒/u;
/**
 * A rule and a worked example of it in parentheses, one word in two forms that open alike: `う段 → い段 + ます (書く →
 * 書きます)`, `-y → -ies (study → studies)`. A stage of a flow and what it turns into (`TCA 회로 → 전자전달계 (NADH → ATP)`)
 * is none.
 */
function givesRuleWithExample(line: string): boolean {
	// Found by index, not by one pattern: runs of `[^()]*` either side of an arrow backtracked on a long line.
	const open = line.search(PARENTHESIS);
	if (open < 0 || !'(（'.includes(line[open] as string) || !ARROW.test(line.slice(0, open))) return false;
	const inside = line.slice(open + 1);
	const close = inside.search(PARENTHESIS);
	return close >= 0 && ')）'.includes(inside[close] as string) && EXAMPLE.test(inside.slice(0, close));
}

const PARENTHESIS = /[()（）]/u;
/** One word in two forms that open alike, as the parentheses' text: `書く → 書きます`. */
const EXAMPLE = /^\s*(\S)[^]*?(?:→|->|⇒)\s*\1/u;

/**
 * Whether numbered lines are rules of how one form becomes another (a conjugation's, a spelling's), each on its own:
 * every line holds an arrow, and one at least gives the rule with an example of it. A flow's steps give no example.
 */
export function givesRewrites(lines: readonly string[]): boolean {
	return lines.length > 0 && lines.every((line) => ARROW.test(line)) && lines.some(givesRuleWithExample);
}

/** Whether every numbered line gives a complexity: `1. 버블 정렬: O(n²)`, `2. Merge sort - O(n log n)`. */
export function givesComplexities(lines: readonly string[]): boolean {
	return lines.length > 0 && lines.every((line) => COMPLEXITY.test(line));
}

/**
 * Whether numbered terms, each with its definition (`1. 대역폭: …`, `1. **Latency** – …`), are a glossary rather than
 * steps: they are, unless the line leading into them or a title names a procedure (`배포 순서`, `How to deploy`), whose
 * steps a word may name (`1. Build: compile the sources`).
 */
export function definitionsReadAsFacts(titles: readonly string[], leadIn?: string): boolean {
	if (leadIn !== undefined && (namesPoints(leadIn) || PROCEDURE.test(leadIn))) return namesPoints(leadIn);
	if (titles.some((title) => KINDS.test(title))) return true;
	return !titles.some((title) => PROCEDURE.test(title));
}

export function readsAsFacts(lines: readonly string[], titles: readonly string[], leadIn?: string): boolean {
	// The line right over the lines says what they are before a title over the whole section does (`## 안정성 순서`
	// over `시험 포인트` and its numbered points).
	if (leadIn !== undefined && (namesPoints(leadIn) || PROCEDURE.test(leadIn))) return namesPoints(leadIn);
	if (titles.some((title) => KINDS.test(title))) return true;
	if (titles.some((title) => PROCEDURE.test(title))) return false;
	if (titles.some((title) => POINTS.test(title))) return true;
	if (lines.length === 0 || lines.some((line) => ARROW.test(line))) return false;
	// Events each under its year: a timeline, whose order the years already tell.
	if (lines.every((line) => YEAR.test(line.trim()))) return true;
	const topics = new Set<string>();
	for (const line of lines) {
		const topic = topicOf(line.trim());
		if (topic === undefined || topics.has(topic)) return false;
		topics.add(topic);
	}
	return true;
}
