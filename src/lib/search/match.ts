/**
 * Which cards a Query matches (the language: query.ts, docs/search.md).
 *
 * The caller supplies what a card does not hold (SearchContext): the study day,
 * the decks' names, and for `rated:` the cards answered from the review log;
 * `queryNeeds` (plan.ts) says which. A query that needs a figure the
 * context lacks throws when compiled, not silently matching nothing.
 *
 * `compileQuery` once, then call the predicate for each card: deck and tag
 * tests are remembered per deck and per tag. A card's text is normalised only
 * when the query has text terms, and remembered with the card object (a
 * WeakMap, checked against the card's current text), so that the searches
 * that follow, one per keystroke, skip the normalising: most of their cost.
 */
import { withoutUnshownElements } from '../io/html-text';
import { sideExcerpt } from '../render/side-text';
import type { CardFormat } from '../render/card-html';
import { Queue } from '../srs/card-queue';
import { DEFAULT_DAY_START_HOUR, studyDay } from '../srs/day';
import { deckPath, pathName } from '../srs/deck-tree';
import type { Sm2State } from '../srs/sm2';
import { cardStage, isBuried } from '../stats/stage';
import { childParts, containsPattern, matchesPattern, normalizeText, type Pattern } from './pattern';
import type { Comparison, IsState, Prop, Query } from './query';

/** What search reads of a card: a CardRecord is one. */
export interface SearchableCard {
	id: string;
	deck: string;
	front: string;
	back: string;
	/** How front and back are written; absent: Markdown. */
	format?: CardFormat;
	tags: readonly string[];
	/** The headings the card sits under. */
	path: readonly string[];
	state: Sm2State;
	dueDay?: number;
	/** A `Queue` value. */
	queue: number;
	buriedUntil?: number;
	/** When the card was added (ms), for added:. */
	createdAt?: number;
	/** Lapses over the card's whole log (stats/lapses.ts); absent: none. */
	lapses?: number;
}

export interface SearchContext {
	/** The study day: for is:due, is:buried and prop:due. */
	today: number;
	/** Deck names by deck id, for deck: (without them deck: matches ids only). */
	deckNames?: ReadonlyMap<string, string>;
	/**
	 * For each `rated:n` of the query, the ids of the cards answered on the last
	 * n study days (from `ratedFirstDay(n, today)` to today).
	 */
	rated?: ReadonlyMap<number, ReadonlySet<string>>;
	/** The hour a study day starts, for added: (which study day a card was added on); absent: 4. */
	dayStartHour?: number;
}

type Test<C> = (card: C) => boolean;

/**
 * A deck's name is the pattern or under it (`name::…`, Anki's subdecks), or its id is the pattern.
 * The name is also read as the home page's tree reads it (`A :: B` is `A::B`), so a
 * parent's search finds every deck its row counts.
 */
export function deckMatches(pattern: Pattern, deck: { id: string; name?: string }): boolean {
	if (matchesPattern(normalizeText(deck.id), pattern.parts)) return true;
	if (deck.name === undefined) return false;
	const names = new Set([normalizeText(deck.name), normalizeText(pathName(deckPath(deck.name)))]);
	return [...names].some((name) => matchesPattern(name, pattern.parts) || matchesPattern(name, childParts(pattern.parts)));
}

/** A tag is the pattern, or under it (`tag::…`). */
export function tagMatches(pattern: Pattern, tag: string): boolean {
	const name = normalizeText(tag);
	return matchesPattern(name, pattern.parts) || matchesPattern(name, childParts(pattern.parts));
}

interface SearchText {
	front: string;
	back: string;
	format: CardFormat | undefined;
	tags: readonly string[];
	path: readonly string[];
	/** The normalised front, back, tags and headings. */
	fields: string[];
}

const searchTexts = new WeakMap<object, SearchText>();

/** A side as the card shows it, on one line and normalised, remembered with the card while its text stays: for front: and back:. */
const shownSides = new WeakMap<object, { side: 'front' | 'back'; text: string; format: CardFormat | undefined; shown: string }[]>();

function shownSide(card: SearchableCard, side: 'front' | 'back'): string {
	const known = shownSides.get(card) ?? [];
	const text = card[side];
	const hit = known.find((entry) => entry.side === side && entry.text === text && entry.format === card.format);
	if (hit) return hit.shown;
	const shown = normalizeText(sideExcerpt(text, card.format, Infinity));
	shownSides.set(card, [...known.filter((entry) => entry.side !== side), { side, text, format: card.format, shown }]);
	return shown;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** The normalised form of `text`, the very same string when normalising changes nothing (no second copy kept). */
function normalizedOrSame(text: string): string {
	const normalized = normalizeText(text);
	return normalized === text ? text : normalized;
}

/**
 * A side as search compares it: as stored, but an HTML side without the
 * elements it never shows, so that an imported card's CSS or script (`body`,
 * `display`) does not find it.
 */
function searchedSide(text: string, format: CardFormat | undefined): string {
	return format === 'html' ? withoutUnshownElements(text) : text;
}

/** The card's text as search compares it: front, back, each tag, each heading. */
function searchFields(card: SearchableCard): string[] {
	const known = searchTexts.get(card);
	if (
		known &&
		known.front === card.front &&
		known.back === card.back &&
		known.format === card.format &&
		sameList(known.tags, card.tags) &&
		sameList(known.path, card.path)
	) {
		return known.fields;
	}
	const sides = [searchedSide(card.front, card.format), searchedSide(card.back, card.format)];
	const fields = [...sides, ...card.tags, ...card.path].map(normalizedOrSame);
	searchTexts.set(card, { front: card.front, back: card.back, format: card.format, tags: [...card.tags], path: [...card.path], fields });
	return fields;
}

function hasText(query: Query): boolean {
	if (query.type === 'text' || query.type === 'field') return true;
	if (query.type === 'and' || query.type === 'or') return query.terms.some(hasText);
	return query.type === 'not' && hasText(query.term);
}

/**
 * Does ahead of matching what `query` will do to each of `cards` and needs
 * nothing else for: their normalised text, when the query has text terms. A
 * caller that reads cards in pieces does it to each piece while the next is
 * read, and the matching that follows only compares.
 */
export function prepareCards(query: Query, cards: readonly SearchableCard[]): void {
	if (hasText(query)) for (const card of cards) searchFields(card);
}

/** `test` of a key, remembered: decks and tags repeat across thousands of cards. */
function remembered(test: (key: string) => boolean): (key: string) => boolean {
	const known = new Map<string, boolean>();
	return (key) => {
		let result = known.get(key);
		if (result === undefined) {
			result = test(key);
			known.set(key, result);
		}
		return result;
	};
}

function isState(state: IsState, card: SearchableCard, today: number): boolean {
	switch (state) {
		case 'new':
			return card.queue === Queue.new;
		case 'suspended':
			return card.queue === Queue.suspended;
		case 'retired':
			return card.queue === Queue.retired;
		case 'buried':
			return isBuried(card, today);
		case 'learning':
			return cardStage(card) === 'learning';
		case 'review': {
			const stage = cardStage(card);
			return stage === 'young' || stage === 'mature';
		}
		case 'due':
			return card.queue === Queue.scheduled && card.dueDay !== undefined && card.dueDay <= today && !isBuried(card, today);
	}
}

/** Compared in thousandths, as sm2 keeps EF: 2.6 and 2.6000000000000001 are equal. */
function compare(op: Comparison, actual: number, wanted: number): boolean {
	const a = Math.round(actual * 1000);
	const b = Math.round(wanted * 1000);
	switch (op) {
		case '<':
			return a < b;
		case '<=':
			return a <= b;
		case '>':
			return a > b;
		case '>=':
			return a >= b;
		case '=':
			return a === b;
		case '!=':
			return a !== b;
	}
}

/** The card's value of `prop`; undefined when it has none (prop:due of a card not scheduled). */
function propValue(prop: Prop, card: SearchableCard, context: SearchContext): number | undefined {
	switch (prop) {
		case 'ivl':
			return card.state.interval;
		case 'ef':
			return card.state.easiness;
		case 'reps':
			return card.state.repetitions;
		case 'lapses':
			return card.lapses ?? 0;
		case 'due':
			return card.queue === Queue.scheduled && card.dueDay !== undefined ? card.dueDay - context.today : undefined;
	}
}

/** A predicate for `query`; throws when the context lacks what the query needs. */
export function compileQuery<C extends SearchableCard>(query: Query, context: SearchContext): Test<C> {
	const compile = (node: Query) => compileQuery<C>(node, context);
	switch (query.type) {
		case 'all':
			return () => true;
		case 'and': {
			const terms = query.terms.map(compile);
			return (card) => terms.every((term) => term(card));
		}
		case 'or': {
			const terms = query.terms.map(compile);
			return (card) => terms.some((term) => term(card));
		}
		case 'not': {
			const term = compile(query.term);
			return (card) => !term(card);
		}
		case 'text': {
			const parts = query.pattern.parts;
			return (card) => searchFields(card).some((field) => containsPattern(field, parts));
		}
		case 'deck': {
			const pattern = query.pattern;
			const inDeck = remembered((id) => deckMatches(pattern, { id, name: context.deckNames?.get(id) }));
			return (card) => inDeck(card.deck);
		}
		case 'tag': {
			const pattern = query.pattern;
			const tagged = remembered((tag) => tagMatches(pattern, tag));
			return (card) => card.tags.some(tagged);
		}
		case 'untagged':
			return (card) => card.tags.length === 0;
		case 'is': {
			const state = query.state;
			return (card) => isState(state, card, context.today);
		}
		case 'prop': {
			const { prop, op, value } = query;
			return (card) => {
				const actual = propValue(prop, card, context);
				return actual !== undefined && compare(op, actual, value);
			};
		}
		case 'field': {
			const parts = query.pattern.parts;
			const side = query.side;
			// As stored (Anki matches the field's markup), or as the card shows it: `front:사과` finds `**사과**` and `<b>사과</b>`.
			return (card) => matchesPattern(searchFields(card)[side === 'front' ? 0 : 1]!, parts) || matchesPattern(shownSide(card, side), parts);
		}
		case 'added': {
			const firstDay = context.today - query.days + 1;
			const options = { dayStartHour: context.dayStartHour ?? DEFAULT_DAY_START_HOUR };
			return (card) => card.createdAt !== undefined && studyDay(card.createdAt, options) >= firstDay;
		}
		case 'rated': {
			const answered = context.rated?.get(query.days);
			if (!answered) throw new Error(`rated:${query.days} needs the cards answered in the last ${query.days} days (context.rated; see queryNeeds)`);
			return (card) => answered.has(card.id);
		}
	}
}

/** Does `query` match `card`? For many cards, compileQuery once (or filterCards). */
export function matchCard(query: Query, card: SearchableCard, context: SearchContext): boolean {
	return compileQuery(query, context)(card);
}

/** The cards `query` matches, in their order. */
export function filterCards<C extends SearchableCard>(query: Query, cards: readonly C[], context: SearchContext): C[] {
	return cards.filter(compileQuery<C>(query, context));
}
