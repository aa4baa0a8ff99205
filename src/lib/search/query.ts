/**
 * The card browser's query language, modelled on Anki's (docs/search.md):
 *
 *     dog                 front, back, tags or headings contain "dog" (any case)
 *     "big dog"           the phrase, spaces included
 *     d*g                 `*` stands for any run of characters
 *     deck:"AWS 기초"      the deck named so (or with that id); deck:AWS* by wildcard
 *     tag:ec2  tag:aws*   a tag; tag:none for cards without tags
 *     is:due              new, due, learning, review, suspended, retired, buried
 *     prop:ivl>10         ivl, ef, reps, lapses, due with < <= > >= = !=
 *     rated:7             answered in the last 7 study days
 *     added:7             added in the last 7 study days
 *     front:dog  back:d*  the whole front (back) is "dog" (starts with "d"), as Anki's field search
 *     -tag:done           not
 *     a b   a and b       both
 *     a or b              either; binds looser than and: `a b or c` is `(a b) or c`
 *     (a or b) -c         grouping
 *
 * `parseQuery` turns the text into a Query (a plain tree) or throws a
 * QueryError that says what is wrong and where, with a code for translations.
 * Evaluating a Query is match.ts; sorting cards is sort.ts.
 */
import { hasWildcard, patternOf, type Pattern } from './pattern';

export const IS_STATES = ['new', 'due', 'learning', 'review', 'suspended', 'retired', 'buried'] as const;
export type IsState = (typeof IS_STATES)[number];

export const PROPS = ['ivl', 'ef', 'reps', 'lapses', 'due'] as const;
export type Prop = (typeof PROPS)[number];
/** The names `prop:` takes: the short ones, Anki's `ease`, and long forms. */
const PROP_NAMES = new Map<string, Prop>([...PROPS.map((prop) => [prop, prop] as const), ['interval', 'ivl'], ['ease', 'ef'], ['repetitions', 'reps'], ['lapse', 'lapses']]);

export const COMPARISONS = ['<', '<=', '>', '>=', '=', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];
/** So that `<=` is not read as `<` followed by "=10". */
const COMPARISONS_LONGEST_FIRST = [...COMPARISONS].sort((a, b) => b.length - a.length);

export type Query =
	/** The empty query: every card. */
	| { type: 'all' }
	| { type: 'and'; terms: Query[] }
	| { type: 'or'; terms: Query[] }
	| { type: 'not'; term: Query }
	/** Contained in the front, the back, a tag or a heading of the card's path. */
	| { type: 'text'; pattern: Pattern }
	/** The deck's name or id is the pattern, or the name is under it (`name::…`). */
	| { type: 'deck'; pattern: Pattern }
	/** A tag is the pattern, or under it (`tag::…`). */
	| { type: 'tag'; pattern: Pattern }
	/** tag:none */
	| { type: 'untagged' }
	| { type: 'is'; state: IsState }
	| { type: 'prop'; prop: Prop; op: Comparison; value: number }
	/** Answered on one of the last `days` study days, today included. */
	| { type: 'rated'; days: number }
	/** Added on one of the last `days` study days, today included. */
	| { type: 'added'; days: number }
	/** The whole front (or back), as stored, is the pattern: Anki's `front:…`. */
	| { type: 'field'; side: 'front' | 'back'; pattern: Pattern };

export type QueryErrorCode =
	| 'unclosed-quote'
	| 'unclosed-paren'
	| 'unmatched-paren'
	| 'empty-group'
	| 'dangling-not'
	| 'dangling-or'
	| 'dangling-and'
	| 'empty-phrase'
	| 'empty-value'
	| 'unknown-state'
	| 'unknown-prop'
	| 'prop-comparison'
	| 'prop-number'
	| 'rated-days'
	| 'added-days'
	| 'anki-only-key';

const EXAMPLES: Record<string, readonly string[]> = {
	deck: ['deck:AWS', 'deck:"AWS 기초"'],
	tag: ['tag:ec2', 'tag:aws*'],
	is: [`is:${IS_STATES.join(', is:')}`],
	prop: ['prop:ivl>10'],
	rated: ['rated:7'],
	added: ['added:7'],
	front: ['front:dog', 'front:*dog*'],
	back: ['back:dog', 'back:*dog*']
};

/** How a key is used, as the error messages show it: `deck:AWS or deck:"AWS 기초"` (`or` in the message's language). */
export function keyExample(key: string, or = 'or'): string {
	return (EXAMPLES[key] ?? []).join(` ${or} `);
}

/**
 * Anki's search keys that Recall has nothing to search by (no flags, note types or
 * separate note ids): refused by name rather than read as text that finds nothing.
 */
export const ANKI_ONLY_KEYS = ['flag', 'dupe', 'note', 'card', 'nid', 'cid', 'mid', 'edited', 'introduced', 'resched', 'preset'] as const;

/** What each error says, in English; `subject` is the key, state or property at fault. */
function describeError(code: QueryErrorCode, subject: string): string {
	switch (code) {
		case 'unclosed-quote':
			return 'a quote is not closed: add the closing "';
		case 'unclosed-paren':
			return '"(" is not closed: add the ")"';
		case 'unmatched-paren':
			return '")" has no "(" before it';
		case 'empty-group':
			return '"()" holds nothing: put terms inside or remove it';
		case 'dangling-not':
			return '"-" needs a term right after it, as in -tag:done';
		case 'dangling-or':
		case 'dangling-and':
			return `"${code.slice(9)}" needs a term on each side, as in tag:a ${code.slice(9)} tag:b`;
		case 'empty-phrase':
			return '"" holds nothing: put the words to find between the quotes';
		case 'empty-value':
			return `${subject}: needs a value, as in ${keyExample(subject)}`;
		case 'unknown-state':
			return `is:${subject} is not a card state; use ${keyExample('is')}`;
		case 'unknown-prop':
			return `prop: ${subject === '' ? 'needs a property' : `"${subject}" is not a property`}; use ivl, ef, reps, lapses or due, as in prop:ivl>10`;
		case 'prop-comparison':
			return `prop:${subject} needs a comparison (< <= > >= = !=) and a number, as in prop:${subject}>10`;
		case 'prop-number':
			return `prop:${subject} needs a number, as in prop:${subject}>10`;
		case 'rated-days':
			return 'rated: needs a whole number of days from 1, as in rated:7 (answered in the last 7 days)';
		case 'added-days':
			return 'added: needs a whole number of days from 1, as in added:7 (added in the last 7 days)';
		case 'anki-only-key':
			return `${subject}: is an Anki search that Recall does not have; it searches deck:, tag:, is:, prop:, rated:, added:, front: and back:`;
	}
}

/**
 * Bad syntax: `message` says what is wrong and how to write it (English);
 * `code` and `subject` let a page say it in its own language; `start`/`end`
 * point into the query text.
 */
export class QueryError extends Error {
	override name = 'QueryError';
	constructor(
		readonly code: QueryErrorCode,
		readonly start: number,
		readonly end: number,
		/** The key, state or property at fault ('' when none). */
		readonly subject = ''
	) {
		super(describeError(code, subject));
	}
}

/** The most days `rated:` looks back: a hundred years. */
export const MAX_RATED_DAYS = 36_525;

// ─── Tokens ────────────────────────────────────────────────────────────────

interface Word {
	type: 'word';
	/** `key` of `key:value`, lower case; null for text. */
	key: string | null;
	/** The value split at its wildcards (unescaped, unquoted `*`). */
	parts: string[];
	/** Written with no quotes or escapes: only a bare word can be `or` or `and`. */
	bare: boolean;
	start: number;
	end: number;
}

interface Mark {
	type: '(' | ')' | '-';
	start: number;
	end: number;
}

type Token = Word | Mark;

const KEYS = new Set(['deck', 'tag', 'is', 'prop', 'rated', 'added', 'front', 'back', ...ANKI_ONLY_KEYS]);
const isSpace = (c: string) => /\s/.test(c);

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		if (isSpace(c)) {
			i++;
		} else if (c === '(' || c === ')') {
			tokens.push({ type: c, start: i, end: i + 1 });
			i++;
		} else if (c === '-' && i + 1 < text.length && !isSpace(text[i + 1]!)) {
			tokens.push({ type: '-', start: i, end: i + 1 });
			i++;
		} else if (c === '-') {
			throw new QueryError('dangling-not', i, i + 1);
		} else {
			const word = readWord(text, i);
			tokens.push(word);
			i = word.end;
		}
	}
	return tokens;
}

/** A word from `start`: up to a space or a parenthesis outside quotes. */
function readWord(text: string, start: number): Word {
	const parts: string[] = [''];
	const append = (s: string) => (parts[parts.length - 1] += s);
	let key: string | null = null;
	// As typed, to give the word back as text when the key is not one of ours.
	let typedKey = '';
	let bare = true;
	let i = start;
	while (i < text.length) {
		const c = text[i]!;
		if (isSpace(c) || c === '(' || c === ')') break;
		if (c === '\\') {
			append(text[i + 1] ?? '\\');
			bare = false;
			i += 2;
		} else if (c === '"') {
			bare = false;
			i = readQuoted(text, i, parts);
		} else if (c === '*') {
			parts.push('');
			i++;
		} else if (c === ':' && key === null && bare && parts.length === 1 && /^[a-z]+$/i.test(parts[0]!)) {
			typedKey = parts[0]!;
			key = typedKey.toLowerCase();
			parts[0] = '';
			i++;
		} else {
			append(c);
			i++;
		}
	}
	if (key !== null && !KEYS.has(key)) {
		// Not a search key (`https://…`, `12:30`): text as written.
		parts[0] = `${typedKey}:${parts[0]!}`;
		key = null;
	}
	return { type: 'word', key, parts, bare, start, end: Math.min(i, text.length) };
}

/** Reads `"…"` from the quote at `open` into `parts`; returns the index after the closing quote. */
function readQuoted(text: string, open: number, parts: string[]): number {
	let i = open + 1;
	while (i < text.length) {
		const c = text[i]!;
		if (c === '"') return i + 1;
		if (c === '\\' && i + 1 < text.length) {
			parts[parts.length - 1] += text[i + 1]!;
			i += 2;
		} else if (c === '*') {
			parts.push('');
			i++;
		} else {
			parts[parts.length - 1] += c;
			i++;
		}
	}
	throw new QueryError('unclosed-quote', open, text.length);
}

// ─── Parsing ───────────────────────────────────────────────────────────────

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

class Parser {
	private at = 0;
	constructor(private readonly tokens: Token[]) {}

	parse(): Query {
		if (this.tokens.length === 0) return { type: 'all' };
		const query = this.parseOr();
		const next = this.tokens[this.at];
		if (next) throw new QueryError('unmatched-paren', next.start, next.end);
		return query;
	}

	private peek(): Token | undefined {
		return this.tokens[this.at];
	}

	private keyword(token: Token | undefined): 'or' | 'and' | undefined {
		if (token?.type !== 'word' || token.key !== null || !token.bare || token.parts.length !== 1) return undefined;
		const word = token.parts[0]!.toLowerCase();
		return word === 'or' || word === 'and' ? word : undefined;
	}

	/** A token that can begin a term. */
	private startsTerm(token: Token | undefined): boolean {
		return token !== undefined && token.type !== ')' && this.keyword(token) === undefined;
	}

	private parseOr(): Query {
		const terms = [this.parseAnd()];
		while (this.keyword(this.peek()) === 'or') {
			const or = this.tokens[this.at++]!;
			if (!this.startsTerm(this.peek())) throw new QueryError('dangling-or', or.start, or.end);
			terms.push(this.parseAnd());
		}
		return terms.length === 1 ? terms[0]! : { type: 'or', terms };
	}

	private parseAnd(): Query {
		const terms: Query[] = [];
		for (;;) {
			const token = this.peek();
			const keyword = this.keyword(token);
			if (keyword === 'and') {
				this.at++;
				if (terms.length === 0 || !this.startsTerm(this.peek())) {
					throw new QueryError('dangling-and', token!.start, token!.end);
				}
				continue;
			}
			if (!this.startsTerm(token)) break;
			terms.push(this.parseUnary());
		}
		if (terms.length === 0) {
			// At a `)` or an `or` with nothing before it: the callers never start a term at the end.
			const token = this.peek()!;
			if (token.type === ')') throw new QueryError('unmatched-paren', token.start, token.end);
			throw new QueryError('dangling-or', token.start, token.end);
		}
		return terms.length === 1 ? terms[0]! : { type: 'and', terms };
	}

	private parseUnary(): Query {
		const token = this.peek()!;
		if (token.type === '-') {
			this.at++;
			if (!this.startsTerm(this.peek())) throw new QueryError('dangling-not', token.start, token.end);
			return { type: 'not', term: this.parseUnary() };
		}
		if (token.type === '(') {
			this.at++;
			const next = this.peek();
			if (next?.type === ')') throw new QueryError('empty-group', token.start, next.end);
			if (next === undefined) throw new QueryError('unclosed-paren', token.start, token.end);
			const inner = this.parseOr();
			if (this.peek()?.type !== ')') throw new QueryError('unclosed-paren', token.start, token.end);
			this.at++;
			return inner;
		}
		this.at++;
		return this.term(token as Word);
	}

	private term(word: Word): Query {
		const { key, parts } = word;
		const fail = (code: QueryErrorCode, subject = '') => new QueryError(code, word.start, word.end, subject);
		if (key === null) {
			if (parts.length === 1 && parts[0] === '') throw fail('empty-phrase');
			return { type: 'text', pattern: patternOf(parts) };
		}
		if ((ANKI_ONLY_KEYS as readonly string[]).includes(key)) throw fail('anki-only-key', key);
		if (parts.length === 1 && parts[0] === '') throw fail('empty-value', key);
		const pattern = patternOf(parts);
		const literal = hasWildcard(pattern) ? undefined : pattern.parts[0]!;
		switch (key) {
			case 'deck':
				return { type: 'deck', pattern };
			case 'tag':
				return literal === 'none' && word.bare ? { type: 'untagged' } : { type: 'tag', pattern };
			case 'is': {
				const state = IS_STATES.find((name) => name === literal);
				if (!state) throw fail('unknown-state', pattern.source);
				return { type: 'is', state };
			}
			case 'rated':
			case 'added': {
				const days = /^\d+$/.test(literal ?? '') ? Number(literal) : NaN;
				if (!(days >= 1 && days <= MAX_RATED_DAYS)) throw fail(`${key}-days`);
				return { type: key, days };
			}
			case 'front':
			case 'back':
				return { type: 'field', side: key, pattern };
			default:
				return prop(pattern.source, fail);
		}
	}
}

/** `prop:` terms: a property, a comparison, a number. */
function prop(source: string, fail: (code: QueryErrorCode, subject?: string) => QueryError): Query {
	const [, name = '', rest = ''] = /^([a-z]*)(.*)$/is.exec(source)!;
	const typed = name.toLowerCase();
	const prop = PROP_NAMES.get(typed);
	if (!prop) throw fail('unknown-prop', typed);
	const op = COMPARISONS_LONGEST_FIRST.find((candidate) => rest.startsWith(candidate));
	if (!op) throw fail('prop-comparison', typed);
	const number = rest.slice(op.length);
	if (!NUMBER.test(number)) throw fail('prop-number', typed);
	return { type: 'prop', prop, op, value: Number(number) };
}

/** The query `text` as a tree; throws a QueryError for bad syntax. An empty query is `{ type: 'all' }`. */
export function parseQuery(text: string): Query {
	return new Parser(tokenize(text)).parse();
}
