/**
 * What a query asks of its caller before it can run: figures from the review
 * log (`queryNeeds`), and which index could narrow the cards to read
 * (`scanHint`), so that the storage layer reads one deck or one queue instead
 * of every card.
 */
import { Queue, type QueueValue } from '../srs/card-queue';
import type { Pattern } from './pattern';
import type { IsState, Query } from './query';

export interface QueryNeeds {
	/** The n of each `rated:n`: the caller puts in SearchContext.rated the cards answered from `ratedFirstDay(n, today)`. */
	rated: number[];
	/** deck: terms: SearchContext.deckNames lets them match names, not only ids. */
	deckNames: boolean;
}

/** The first study day of `rated:days` on `today`: rated:1 is today only. */
export function ratedFirstDay(days: number, today: number): number {
	return today - days + 1;
}

function visit(query: Query, each: (node: Query) => void): void {
	each(query);
	if (query.type === 'and' || query.type === 'or') for (const term of query.terms) visit(term, each);
	else if (query.type === 'not') visit(query.term, each);
}

export function queryNeeds(query: Query): QueryNeeds {
	const rated = new Set<number>();
	let deckNames = false;
	visit(query, (node) => {
		if (node.type === 'rated') rated.add(node.days);
		else if (node.type === 'deck') deckNames = true;
	});
	return { rated: [...rated].sort((a, b) => a - b), deckNames };
}

/**
 * What every matching card has, where an index could find it: a deck (resolve
 * the pattern to deck ids with `deckMatches`) and a queue. Only terms that
 * every match must satisfy count: the query itself, or terms of a top-level
 * `and`, not negated or under `or`. Empty when the query needs a full scan.
 */
export interface ScanHint {
	deck?: Pattern;
	queue?: QueueValue;
}

const QUEUE_OF: Partial<Record<IsState, QueueValue>> = {
	new: Queue.new,
	suspended: Queue.suspended,
	retired: Queue.retired,
	due: Queue.scheduled,
	learning: Queue.scheduled,
	review: Queue.scheduled
};

export function scanHint(query: Query): ScanHint {
	const hint: ScanHint = {};
	for (const term of query.type === 'and' ? query.terms : [query]) {
		if (term.type === 'deck') hint.deck ??= term.pattern;
		else if (term.type === 'is' && QUEUE_OF[term.state] !== undefined) hint.queue ??= QUEUE_OF[term.state];
		else if (term.type === 'prop' && term.prop === 'due') hint.queue ??= Queue.scheduled;
	}
	return hint;
}
