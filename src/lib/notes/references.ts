/**
 * A note's references: a "See also" / "참고" / "관련 링크" list of links and other notes' names, as people end a
 * section or a procedure with. Where to read more is no study material: such a list is on no card (not a step of the
 * steps above it, not a card of links), and its lines are not counted as left out.
 */
import { LINK_CLOSE, LINK_MID, LINK_OPEN, toPlain, type MarkedLine } from './inline';
import { cleanTitle, stripDecoration } from './text';

/** Titles that may name a list of references: of links, they do (`참고` over prose is a note's aside, `Resources:` over `CPU`, `memory` a topic). */
const MAY_NAME_REFERENCES =
	/^(?:see also|related|related (?:links?|notes?|pages?|articles?|reading)|references?|further reading|(?:external |useful )?links|resources|sources|bibliography|참고|참고 ?(?:자료|링크|문헌|사이트)|관련 ?(?:링크|글|문서|노트|자료)|같이 보기|함께 보기|더 읽을거리|출처|링크)$/iu;
/** Titles that name nothing else: their list is references whatever it holds (wiki links read as plain names). */
const NAMES_REFERENCES =
	/^(?:see also|related (?:links?|notes?|pages?|articles?|reading)|further reading|(?:external |useful )?links|bibliography|참고 ?(?:자료|링크|문헌|사이트)|관련 ?(?:링크|글|문서|노트|자료)|같이 보기|함께 보기|더 읽을거리|출처)$/iu;

/** A link alone (a description after a dash or colon may follow it), or a web address alone. */
const LINK_ALONE = new RegExp(`^${LINK_OPEN}[^${LINK_MID}]*${LINK_MID}[^${LINK_CLOSE}]*${LINK_CLOSE}(?:\\s*(?:[-–—:：]\\s.*)?)?$`, 'u');
const WEB_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/iu;
/** A name of another note or page, as a wiki link reads (`Rollback`, `CI 파이프라인`): a few words, no sentence. */
const NAME = /^[^.!?。:：]{1,60}$/u;
const MAX_NAME_WORDS = 6;
/** Longer than this before its colon, a line opens with no title of references. */
const MAX_TITLE = 30;

/** A title (a heading's, a label's, without its colon) that may head references. */
export function mayNameReferences(title: string): boolean {
	return MAY_NAME_REFERENCES.test(cleanTitle(title).replace(/[:：]\s*$/u, '').trim());
}

/** A link alone (a description may follow it) or a web address alone. */
export function isLinkLine(text: string): boolean {
	const line = stripDecoration(text).trim();
	return LINK_ALONE.test(line) || WEB_ADDRESS.test(toPlain(line).trim());
}

function isName(text: string): boolean {
	const plain = toPlain(stripDecoration(text)).trim();
	return NAME.test(plain) && plain.split(/\s+/).length <= MAX_NAME_WORDS;
}

/**
 * Whether lines under a title (`title`, which mayNameReferences) are references: each a link, a web address or a
 * name, and a link among them unless the title names nothing but references (`See also`, `관련 링크`).
 */
export function areReferences(title: string, lines: readonly MarkedLine[]): boolean {
	if (lines.length === 0 || !lines.every((line) => isLinkLine(line.text) || isName(line.text))) return false;
	return NAMES_REFERENCES.test(cleanTitle(title).replace(/[:：]\s*$/u, '').trim()) || lines.some((line) => isLinkLine(line.text));
}

/**
 * A line that is only references: a title of references and what follows its colon, links or names parted by commas
 * (`See also: [[Rollback]], [[Monitoring]]`, `참고: [AWS 문서](…)`). Not a link alone, which may be a term before its
 * definition (`[TCP](…): 연결형`).
 */
export function isReferenceLine(line: MarkedLine): boolean {
	const text = stripDecoration(line.text).trim();
	const colon = text.search(/[:：]/u);
	if (colon <= 0 || colon > MAX_TITLE || !mayNameReferences(toPlain(text.slice(0, colon)))) return false;
	const parts = text
		.slice(colon + 1)
		.split(/[,，、]/u)
		.map((part) => ({ text: part.trim(), line: line.line }))
		.filter((part) => part.text !== '');
	return areReferences(toPlain(text.slice(0, colon)), parts);
}
