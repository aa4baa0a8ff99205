import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuery, QueryError, type Query, type QueryErrorCode } from '../../../src/lib/search/query';

/** The tree with each pattern written as its normalised parts joined by `*`: short to read. */
function show(query: Query): unknown {
	switch (query.type) {
		case 'and':
		case 'or':
			return { [query.type]: query.terms.map(show) };
		case 'not':
			return { not: show(query.term) };
		case 'text':
		case 'deck':
		case 'tag':
			return `${query.type}:${query.pattern.parts.join('*')}`;
		case 'is':
			return `is:${query.state}`;
		case 'rated':
		case 'added':
			return `${query.type}:${query.days}`;
		case 'field':
			return `${query.side}:${query.pattern.parts.join('*')}`;
		case 'prop':
			return `prop:${query.prop}${query.op}${query.value}`;
		default:
			return query.type;
	}
}

const parsed = (text: string) => show(parseQuery(text));

function errorOf(text: string): QueryError {
	try {
		parseQuery(text);
	} catch (error) {
		if (error instanceof QueryError) return error;
		throw error;
	}
	throw new Error(`"${text}" parsed`);
}

describe('parseQuery: terms', () => {
	it('the empty query is every card', () => {
		expect(parseQuery('')).toEqual({ type: 'all' });
		expect(parseQuery('  \t ')).toEqual({ type: 'all' });
	});

	it('free text, phrases and wildcards, in lower case', () => {
		expect(parsed('Dog')).toBe('text:dog');
		expect(parsed('"Big dog"')).toBe('text:big dog');
		expect(parsed('d*g')).toBe('text:d*g');
		expect(parsed('"a *b"')).toBe('text:a *b'); // wildcards work inside quotes too
		// An escaped star is a star, not a wildcard: one part.
		expect(parseQuery('2\\*3')).toMatchObject({ type: 'text', pattern: { parts: ['2*3'] } });
		expect(parsed('가상')).toBe('text:가상');
		expect(parsed('re-do')).toBe('text:re-do');
	});

	it('a word with a colon that is not a key is text', () => {
		expect(parsed('https://example.com')).toBe('text:https://example.com');
		expect(parsed('12:30')).toBe('text:12:30');
		expect(parsed('"deck:x"')).toBe('text:deck:x');
	});

	it('deck:, tag:, is:, rated:', () => {
		expect(parsed('deck:"AWS 기초"')).toBe('deck:aws 기초');
		expect(parseQuery('deck:"AWS 기초"')).toMatchObject({ pattern: { source: 'AWS 기초' } });
		expect(parsed('Deck:Jap*')).toBe('deck:jap*');
		expect(parsed('tag:aws::storage')).toBe('tag:aws::storage');
		expect(parsed('tag:aws*')).toBe('tag:aws*');
		expect(parsed('tag:none')).toBe('untagged');
		expect(parsed('tag:"none"')).toBe('tag:none');
		expect(parsed('is:Due')).toBe('is:due');
		expect(parsed('rated:7')).toBe('rated:7');
		expect(parsed('added:3')).toBe('added:3');
		expect(parsed('Front:사과*')).toBe('front:사과*');
		expect(parsed('back:"big dog"')).toBe('back:big dog');
	});

	it('prop: with every comparison', () => {
		expect(parsed('prop:ivl>10')).toBe('prop:ivl>10');
		expect(parsed('prop:ivl<=10')).toBe('prop:ivl<=10');
		expect(parsed('prop:EF>=2.5')).toBe('prop:ef>=2.5');
		expect(parsed('prop:ease<2')).toBe('prop:ef<2');
		expect(parsed('prop:reps=3')).toBe('prop:reps=3');
		expect(parsed('prop:lapses!=0')).toBe('prop:lapses!=0');
		expect(parsed('prop:due>=-3')).toBe('prop:due>=-3');
		expect(parsed('prop:interval>.5')).toBe('prop:ivl>0.5');
	});
});

describe('parseQuery: combining', () => {
	it('implicit and, explicit and, or binding looser', () => {
		expect(parsed('a b')).toEqual({ and: ['text:a', 'text:b'] });
		expect(parsed('a AND b')).toEqual({ and: ['text:a', 'text:b'] });
		expect(parsed('a b or c')).toEqual({ or: [{ and: ['text:a', 'text:b'] }, 'text:c'] });
		expect(parsed('a OR b or c')).toEqual({ or: ['text:a', 'text:b', 'text:c'] });
		expect(parsed('"or"')).toBe('text:or');
	});

	it('negation and parentheses', () => {
		expect(parsed('-tag:done')).toEqual({ not: 'tag:done' });
		expect(parsed('-"a b"')).toEqual({ not: 'text:a b' });
		expect(parsed('--a')).toEqual({ not: { not: 'text:a' } });
		expect(parsed('a (b or c) -(d e)')).toEqual({ and: ['text:a', { or: ['text:b', 'text:c'] }, { not: { and: ['text:d', 'text:e'] } }] });
		expect(parsed('deck:x(y)')).toEqual({ and: ['deck:x', 'text:y'] });
	});
});

describe('parseQuery: errors say what is wrong and where', () => {
	const cases: [string, QueryErrorCode, number, number, string][] = [
		['prop:ivl>abc', 'prop-number', 0, 12, 'prop:ivl needs a number, as in prop:ivl>10'],
		['prop:ivl', 'prop-comparison', 0, 8, 'prop:ivl needs a comparison (< <= > >= = !=) and a number, as in prop:ivl>10'],
		['a prop:foo>1', 'unknown-prop', 2, 12, 'prop: "foo" is not a property; use ivl, ef, reps, lapses or due, as in prop:ivl>10'],
		['prop:constructor>1', 'unknown-prop', 0, 18, 'prop: "constructor" is not a property; use ivl, ef, reps, lapses or due, as in prop:ivl>10'],
		['prop:>1', 'unknown-prop', 0, 7, 'prop: needs a property; use ivl, ef, reps, lapses or due, as in prop:ivl>10'],
		['is:old', 'unknown-state', 0, 6, 'is:old is not a card state; use is:new, is:due, is:learning, is:review, is:suspended, is:retired, is:buried'],
		['deck:', 'empty-value', 0, 5, 'deck: needs a value, as in deck:AWS or deck:"AWS 기초"'],
		['rated:0', 'rated-days', 0, 7, 'rated: needs a whole number of days from 1, as in rated:7 (answered in the last 7 days)'],
		['rated:1.5', 'rated-days', 0, 9, 'rated: needs a whole number of days from 1, as in rated:7 (answered in the last 7 days)'],
		['added:0', 'added-days', 0, 7, 'added: needs a whole number of days from 1, as in added:7 (added in the last 7 days)'],
		['flag:1', 'anki-only-key', 0, 6, 'flag: is an Anki search that Recall does not have; it searches deck:, tag:, is:, prop:, rated:, added:, front: and back:'],
		['a dupe:', 'anki-only-key', 2, 7, 'dupe: is an Anki search that Recall does not have; it searches deck:, tag:, is:, prop:, rated:, added:, front: and back:'],
		['a "big dog', 'unclosed-quote', 2, 10, 'a quote is not closed: add the closing "'],
		['a (b', 'unclosed-paren', 2, 3, '"(" is not closed: add the ")"'],
		['(', 'unclosed-paren', 0, 1, '"(" is not closed: add the ")"'],
		['a)', 'unmatched-paren', 1, 2, '")" has no "(" before it'],
		[') a', 'unmatched-paren', 0, 1, '")" has no "(" before it'],
		['a ( ) b', 'empty-group', 2, 5, '"()" holds nothing: put terms inside or remove it'],
		['a - b', 'dangling-not', 2, 3, '"-" needs a term right after it, as in -tag:done'],
		['a -)', 'dangling-not', 2, 3, '"-" needs a term right after it, as in -tag:done'],
		['or a', 'dangling-or', 0, 2, '"or" needs a term on each side, as in tag:a or tag:b'],
		['a or', 'dangling-or', 2, 4, '"or" needs a term on each side, as in tag:a or tag:b'],
		['a or or b', 'dangling-or', 2, 4, '"or" needs a term on each side, as in tag:a or tag:b'],
		['a and', 'dangling-and', 2, 5, '"and" needs a term on each side, as in tag:a and tag:b'],
		['and a', 'dangling-and', 0, 3, '"and" needs a term on each side, as in tag:a and tag:b'],
		['a ""', 'empty-phrase', 2, 4, '"" holds nothing: put the words to find between the quotes']
	];

	it.each(cases)('%s', (text, code, start, end, message) => {
		const error = errorOf(text);
		expect({ code: error.code, start: error.start, end: error.end, message: error.message }).toEqual({ code, start, end, message });
		expect(error.name).toBe('QueryError');
	});

	it('the subject, for a translated message', () => {
		expect(errorOf('is:old').subject).toBe('old');
		expect(errorOf('prop:ivl>x').subject).toBe('ivl');
		expect(errorOf('tag:').subject).toBe('tag');
	});

	it('any text either parses or throws a QueryError', () => {
		const unit = fc.constantFrom('a', 'B', ' ', '-', '(', ')', '"', '\\', '*', ':', 'or', 'and', 'deck:', 'tag:', 'is:', 'prop:', 'ivl', '>', '=', '1', 'rated:', '가');
		fc.assert(
			fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
				try {
					parseQuery(text);
				} catch (error) {
					expect(error).toBeInstanceOf(QueryError);
					const { start, end } = error as QueryError;
					expect(0 <= start && start < end && end <= text.length).toBe(true);
				}
			}),
			{ numRuns: 3000 }
		);
	});
});
