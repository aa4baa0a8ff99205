import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileQuery, deckMatches, filterCards, matchCard, prepareCards } from '../../../src/lib/search/match';
import { patternOf } from '../../../src/lib/search/pattern';
import { parseQuery } from '../../../src/lib/search/query';
import { CARDS, CONTEXT, TODAY } from './cards';

/** The ids of the cards `text` finds. */
const find = (text: string) => filterCards(parseQuery(text), CARDS, CONTEXT).map((card) => card.id);

describe('matchCard: free text', () => {
	it('front, back, tags and headings, any case', () => {
		expect(find('dog')).toEqual(['c3', 'c4']); // back "dog"; front "big dog"
		expect(find('"big dog"')).toEqual(['c4']);
		expect(find('EC2')).toEqual(['c1']);
		expect(find('security')).toEqual(['c7']); // a tag
		expect(find('컴퓨팅')).toEqual(['c1']); // a heading
		expect(find('가상 서버')).toEqual(['c1']); // both words, anywhere
	});

	it('Korean whether stored or typed composed or decomposed', () => {
		expect(find('S3의')).toEqual(['c2']); // c2 is stored in NFD
		expect(find('가상'.normalize('NFD'))).toEqual(['c1']);
	});

	it('a card changed in place is searched as it is now', () => {
		const card = { ...CARDS[0]!, tags: [...CARDS[0]!.tags] };
		const query = parseQuery('lambda');
		expect(matchCard(query, card, CONTEXT)).toBe(false);
		card.back = 'AWS Lambda';
		expect(matchCard(query, card, CONTEXT)).toBe(true);
		card.back = 'none';
		card.tags.push('Lambda');
		expect(matchCard(query, card, CONTEXT)).toBe(true);
		card.tags.pop();
		expect(matchCard(query, card, CONTEXT)).toBe(false);
	});

	it('cards prepared ahead (their text normalised as they are read) match as they would have', () => {
		const cards = CARDS.map((card) => ({ ...card, tags: [...card.tags] }));
		for (const text of ['dog', 'S3의', '-tag:aws', 'deck:japanese', 'gone or 가상']) {
			prepareCards(parseQuery(text), cards);
			expect(filterCards(parseQuery(text), cards, CONTEXT).map((card) => card.id)).toEqual(find(text));
		}
		// Prepared, then changed in place: matched as it is now.
		prepareCards(parseQuery('lambda'), cards);
		cards[0]!.back = 'AWS Lambda';
		expect(filterCards(parseQuery('lambda'), cards, CONTEXT).map((card) => card.id)).toEqual(['c1']);
	});

	it('an HTML side without what it never shows: its CSS and script find nothing', () => {
		const card = { ...CARDS[0]!, id: 'styled', front: '<style>body{display:none}</style>style front', back: '<b>bold</b><script>run()</script>', format: 'html' as const };
		const finds = (text: string) => matchCard(parseQuery(text), card, CONTEXT);
		expect(finds('body')).toBe(false);
		expect(finds('display')).toBe(false);
		expect(finds('run')).toBe(false);
		expect(finds('"style front"')).toBe(true);
		expect(finds('bold')).toBe(true);
		// The same text in a Markdown side is shown as written, so it is searched.
		expect(matchCard(parseQuery('body'), { ...card, format: 'markdown' }, CONTEXT)).toBe(true);
		expect(matchCard(parseQuery('body'), { ...card, format: undefined }, CONTEXT)).toBe(true);
	});

	it('wildcards within one field, not across fields', () => {
		// "d…g" in "dog", "big dog", "identity and access management".
		expect(find('d*g')).toEqual(['c3', 'c4', 'c7']);
		// c6's front is "retired one", its back "gone".
		expect(find('retired*gone')).toEqual([]);
		expect(find('2\\*3')).toEqual(['c5']);
	});
});

describe('matchCard: keys', () => {
	it('deck: by name (nested names included) or id, whole, with wildcards', () => {
		expect(find('deck:"AWS 기초"')).toEqual(['c1', 'c2', 'c7']);
		expect(find('deck:aws')).toEqual(['c1', 'c2', 'c7']); // the id
		expect(find('deck:japanese')).toEqual(['c3', 'c4']); // Japanese::Vocab and Japanese::Kanji
		expect(find('deck:japanese::vocab')).toEqual(['c3']);
		expect(find('deck:jap*')).toEqual(['c3', 'c4']);
		expect(find('deck:기초')).toEqual([]); // not the whole name
		expect(find('deck:*기초')).toEqual(['c1', 'c2', 'c7']);
	});

	it('deck: without names matches ids only', () => {
		const context = { today: TODAY };
		expect(filterCards(parseQuery('deck:jp*'), CARDS, context).map((card) => card.id)).toEqual(['c3', 'c4']);
		expect(filterCards(parseQuery('deck:japanese'), CARDS, context)).toEqual([]);
		expect(deckMatches(patternOf(['Misc']), { id: 'misc' })).toBe(true);
	});

	it('deck: reads a name with spaces around :: as the deck tree does', () => {
		expect(deckMatches(patternOf(['languages']), { id: 'x', name: 'Languages :: Korean' })).toBe(true);
		expect(deckMatches(patternOf(['languages::korean']), { id: 'x', name: 'Languages :: Korean ::' })).toBe(true);
		expect(deckMatches(patternOf(['languages :: korean']), { id: 'x', name: 'Languages :: Korean' })).toBe(true);
		expect(deckMatches(patternOf(['lang']), { id: 'x', name: 'Languages :: Korean' })).toBe(false);
	});

	it('tag: whole tags, any case, nested tags, wildcards, none', () => {
		expect(find('tag:aws')).toEqual(['c1', 'c2', 'c7']); // aws, aws::storage, AWS
		expect(find('tag:aws::storage')).toEqual(['c2']);
		expect(find('tag:jlpt*')).toEqual(['c3']);
		expect(find('tag:math')).toEqual(['c5']);
		expect(find('tag:none')).toEqual(['c4', 'c6']);
		expect(find('tag:"none"')).toEqual([]);
	});

	it('is: the stages', () => {
		expect(find('is:new')).toEqual(['c2']);
		// c5 is due but buried; c4 would be, but is suspended.
		expect(find('is:due')).toEqual(['c1', 'c7']);
		expect(find('is:learning')).toEqual(['c5', 'c7']);
		expect(find('is:review')).toEqual(['c1', 'c3']);
		expect(find('is:suspended')).toEqual(['c4']);
		expect(find('is:retired')).toEqual(['c6']);
		expect(find('is:buried')).toEqual(['c5']);
	});

	it('prop: interval, EF, repetitions, lapses, due', () => {
		expect(find('prop:ivl>10')).toEqual(['c3', 'c4', 'c6']);
		expect(find('prop:ivl=0')).toEqual(['c2', 'c5']); // a new card's interval is 0
		expect(find('prop:ef<2')).toEqual(['c4']);
		expect(find('prop:ef=2.36')).toEqual(['c7']);
		expect(find('prop:ef>=2.5')).toEqual(['c1', 'c2', 'c3', 'c6']);
		expect(find('prop:reps>=2')).toEqual(['c1', 'c3', 'c4', 'c6']);
		expect(find('prop:lapses>=1')).toEqual(['c3', 'c4']);
		expect(find('prop:lapses=0')).toEqual(['c1', 'c2', 'c5', 'c6', 'c7']);
		// Days from today, scheduled cards only: c1, c5, c7 today; c3 in 10 days.
		expect(find('prop:due<=1')).toEqual(['c1', 'c5', 'c7']);
		expect(find('prop:due!=0')).toEqual(['c3']);
		expect(find('prop:due<0')).toEqual([]);
	});

	it('rated: the cards the caller says were answered', () => {
		expect(find('rated:1')).toEqual(['c1', 'c7']);
		expect(find('rated:7')).toEqual(['c1', 'c3', 'c7']);
	});

	it('added: the cards added on the last n study days, by the day start', () => {
		// Noon UTC: the same study day in any time zone from UTC-8 to UTC+11.
		const noon = (day: number) => day * 86_400_000 + 12 * 3_600_000;
		const cards = [
			{ ...CARDS[0]!, id: 'today', createdAt: noon(TODAY) },
			{ ...CARDS[0]!, id: 'six days ago', createdAt: noon(TODAY - 6) },
			{ ...CARDS[0]!, id: 'a week ago', createdAt: noon(TODAY - 7) }
		];
		const added = (text: string) => filterCards(parseQuery(text), cards, CONTEXT).map((card) => card.id);
		expect(added('added:1')).toEqual(['today']);
		expect(added('added:7')).toEqual(['today', 'six days ago']);
		expect(added('added:8')).toEqual(['today', 'six days ago', 'a week ago']);
		expect(added('-added:1')).toEqual(['six days ago', 'a week ago']);
	});

	it('front: and back: match the whole side, as Anki’s field search', () => {
		expect(find('front:iam')).toEqual(['c7']);
		expect(find('front:ia')).toEqual([]);
		expect(find('front:ia*')).toEqual(['c7']);
		expect(find('back:dog')).toEqual(['c3']); // not c4, whose front is "big dog"
		expect(find('front:*dog')).toEqual(['c4']);
		expect(find('"front:big dog"')).toEqual([]); // quoted whole: text, not a field search
		expect(find('front:"big dog"')).toEqual(['c4']);
		expect(find('back:6 or front:EC2란?')).toEqual(['c1', 'c5']);
	});

	it('front: and back: also match the side as the card shows it: Markdown and HTML read as text, entities decoded', () => {
		const cards = [
			{ ...CARDS[0]!, id: 'markdown', front: '**사과**', back: 'green  apple' },
			{ ...CARDS[0]!, id: 'html', format: 'html' as const, front: '<b>사과</b>&nbsp;', back: '<i>apple&amp;pear</i>' },
			{ ...CARDS[0]!, id: 'other', front: '사과나무', back: 'tree' }
		];
		const found = (text: string) => filterCards(parseQuery(text), cards, CONTEXT).map((card) => card.id);
		expect(found('front:사과')).toEqual(['markdown', 'html']);
		expect(found('back:"green apple"')).toEqual(['markdown']);
		expect(found('back:apple&pear')).toEqual(['html']);
		expect(found('front:사과나무')).toEqual(['other']); // still the whole side
	});

	it('combined', () => {
		expect(find('-is:new deck:aws')).toEqual(['c1', 'c7']);
		expect(find('tag:aws or is:suspended')).toEqual(['c1', 'c2', 'c4', 'c7']);
		expect(find('deck:misc (is:buried or is:retired)')).toEqual(['c5', 'c6']);
		expect(find('-(tag:aws or deck:misc)')).toEqual(['c3', 'c4']);
		expect(find('')).toEqual(CARDS.map((card) => card.id));
	});

	it('a query that needs what the context lacks throws, even with no cards', () => {
		expect(() => compileQuery(parseQuery('rated:30'), CONTEXT)).toThrow(/rated:30 needs the cards answered in the last 30 days/);
		expect(() => matchCard(parseQuery('dog'), CARDS[0]!, CONTEXT)).not.toThrow();
	});
});

describe('matchCard: laws', () => {
	const terms = [
		'dog', '"big dog"', 'd*g', '가상', 'deck:aws', 'deck:japanese', 'deck:jap*', 'tag:aws', 'tag:none', 'tag:jlpt*',
		'is:new', 'is:due', 'is:learning', 'is:review', 'is:suspended', 'is:retired', 'is:buried',
		'prop:ivl>10', 'prop:ef<2', 'prop:due<=1', 'prop:lapses>=1', 'prop:reps!=0', 'rated:1', 'rated:7'
	];
	const queryArb: fc.Arbitrary<string> = fc.letrec<{ query: string }>((tie) => ({
		query: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			fc.constantFrom(...terms),
			fc.tuple(tie('query'), tie('query')).map(([a, b]) => `(${a} ${b})`),
			fc.tuple(tie('query'), tie('query')).map(([a, b]) => `(${a} or ${b})`),
			tie('query').map((q) => `-${q}`)
		)
	})).query;
	const matches = (text: string) => CARDS.map((card) => matchCard(parseQuery(text), card, CONTEXT));

	it('-q matches exactly the cards q does not', () => {
		fc.assert(
			fc.property(queryArb, (q) => {
				expect(matches(`-(${q})`)).toEqual(matches(q).map((hit) => !hit));
			}),
			{ numRuns: 300 }
		);
	});

	it('De Morgan: -(a or b) is -a -b', () => {
		fc.assert(
			fc.property(queryArb, queryArb, (a, b) => {
				expect(matches(`-(${a} or ${b})`)).toEqual(matches(`-(${a}) -(${b})`));
			}),
			{ numRuns: 200 }
		);
	});

	it('and is both, or is either', () => {
		fc.assert(
			fc.property(queryArb, queryArb, (a, b) => {
				const [ma, mb] = [matches(a), matches(b)];
				expect(matches(`(${a}) (${b})`)).toEqual(ma.map((hit, i) => hit && mb[i]!));
				expect(matches(`(${a}) or (${b})`)).toEqual(ma.map((hit, i) => hit || mb[i]!));
			}),
			{ numRuns: 200 }
		);
	});
});
