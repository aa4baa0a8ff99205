/**
 * The card browser's searches over the store (the language: src/lib/search,
 * docs/search.md). A search reads the cards its query can be narrowed to
 * (`scanHint`: one deck's cards, in pieces, deck-read.ts, or one queue,
 * through their indexes; every card otherwise, in pieces of the key space), and for `rated:n` the cards
 * answered in the last n days, from the log's `day` index (`queryNeeds`).
 * Lapses are kept on the cards (stats/lapses.ts), so `prop:lapses` and the
 * lapses order read no rows.
 *
 * What was read is kept until the store changes (Dexie's `storagemutated`
 * event, fired for this tab's writes and other tabs'), so the searches that
 * follow each keystroke filter cards already in memory; once every card has
 * been read, every query uses them.
 *
 * Cards the learner deleted (bulk.ts) are never found.
 */
import { Dexie } from 'dexie';
import { compileQuery, deckMatches, prepareCards, type SearchContext } from '../search/match';
import { queryNeeds, ratedFirstDay, scanHint } from '../search/plan';
import { parseQuery, QueryError, type Query } from '../search/query';
import { SortedCards, type SortDirection, type SortKey } from '../search/sort';
import { isAnswer } from '../srs/history';
import { Queue, type CardRecord, type DeckRecord, type RecallDatabase } from './schema';
import { readAllCards, readDeckCards } from './deck-read';

export interface SearchOptions {
	sort: SortKey;
	direction: SortDirection;
	/** The study day, for is:due, prop:due, rated: and added:. */
	today: number;
	/** The hour the study day starts, for added:; absent: the default. */
	dayStartHour?: number;
}

export type SearchOutcome =
	| {
			ok: true;
			/** Every match, in the order asked for: sorted as far as it is read (a first page without sorting the rest). */
			cards: SortedCards<CardRecord>;
			/** Every deck (retired ones too), by id. */
			decks: Map<string, DeckRecord>;
	  }
	| { ok: false; error: QueryError };

interface Read {
	key: string;
	cards: CardRecord[];
}

const ALL = 'all';

export class CardSearch {
	readonly #db: RecallDatabase;
	/** Every deck by id, read as the search is made (a page always needs them) and again after a change. */
	#decks: Promise<Map<string, DeckRecord>> | undefined;
	/** Every card, once a query needed them all. */
	#all: Read | undefined;
	/** The latest narrower read. */
	#narrow: Read | undefined;
	/** The latest search's matches and what made them: the same search in another order (a sort change) only sorts them. */
	#latest: { text: string; today: number; dayStartHour: number | undefined; matches: CardRecord[] } | undefined;
	/** Counts the changes of the store: a read that a change overtook is not kept. */
	#changes = 0;
	readonly #changed: (() => void) | undefined;
	readonly #onChange = (parts: Record<string, unknown>) => {
		const prefix = `idb://${this.#db.name}/`;
		if (!Object.keys(parts).some((part) => part.startsWith(prefix))) return;
		this.invalidate();
		this.#changed?.();
	};

	/** `onChange` hears of every change to the store (this tab's or another's): a page searches again. */
	constructor(db: RecallDatabase, options: { onChange?: () => void } = {}) {
		this.#db = db;
		this.#changed = options.onChange;
		Dexie.on.storagemutated.subscribe(this.#onChange);
		// Read while the page that made the search is put on screen: its first search needs them first of all.
		this.#loadDecks().catch(() => undefined);
	}

	/** Stops following the store. */
	dispose(): void {
		Dexie.on.storagemutated.unsubscribe(this.#onChange);
	}

	/** Forgets what was read: the next search reads again. */
	invalidate(): void {
		this.#decks = undefined;
		this.#all = undefined;
		this.#narrow = undefined;
		this.#latest = undefined;
		this.#changes++;
	}

	/** The cards `text` finds, sorted; or the error that keeps it from being read. */
	async search(text: string, options: SearchOptions): Promise<SearchOutcome> {
		const latest = this.#latest;
		if (latest && latest.text === text && latest.today === options.today && latest.dayStartHour === options.dayStartHour) {
			return { ok: true, cards: new SortedCards(latest.matches, options.sort, options.direction), decks: await this.#loadDecks() };
		}
		const changes = this.#changes;
		let query: Query;
		try {
			query = parseQuery(text);
		} catch (error) {
			if (error instanceof QueryError) return { ok: false, error };
			throw error;
		}
		const needs = queryNeeds(query);
		const decks = await this.#loadDecks();
		const context: SearchContext = {
			today: options.today,
			dayStartHour: options.dayStartHour,
			deckNames: new Map([...decks.values()].map((deck) => [deck.id, deck.name]))
		};
		if (needs.rated.length > 0) context.rated = await this.#rated(needs.rated, options.today);
		const matcher = compileQuery<CardRecord>(query, context);
		const matches = await this.#matches(query, decks, matcher);
		if (changes === this.#changes) this.#latest = { text, today: options.today, dayStartHour: options.dayStartHour, matches };
		return { ok: true, cards: new SortedCards(matches, options.sort, options.direction), decks };
	}

	#loadDecks(): Promise<Map<string, DeckRecord>> {
		const reading = (this.#decks ??= this.#db.decks.toArray().then((decks) => new Map(decks.map((deck) => [deck.id, deck]))));
		// A failed read is not kept: the next search reads again.
		reading.catch(() => {
			if (this.#decks === reading) this.#decks = undefined;
		});
		return reading;
	}

	/**
	 * The cards `query` can be narrowed to that `matcher` finds: filtered from what was read before, or, read now,
	 * each piece as it comes (deck-read.ts), so that the last piece's are all that is left to filter at the end.
	 */
	async #matches(query: Query, decks: Map<string, DeckRecord>, matcher: (card: CardRecord) => boolean): Promise<CardRecord[]> {
		const changes = this.#changes;
		const { key, load } = this.#plan(query, decks);
		const kept = this.#all ?? (this.#narrow?.key === key ? this.#narrow : undefined);
		if (kept) return kept.cards.filter(matcher);
		const matches: CardRecord[] = [];
		const cards = (
			await load((piece) => {
				prepareCards(query, piece);
				for (const card of piece) if (card.deletedAt === undefined && matcher(card)) matches.push(card);
			})
		).filter((card) => card.deletedAt === undefined);
		const read: Read = { key, cards };
		if (changes !== this.#changes) return matches;
		if (key === ALL) this.#all = read;
		else this.#narrow = read;
		return matches;
	}

	/** Which cards `query` is read from (its key among the reads kept), and how to read them, piece by piece. */
	#plan(query: Query, decks: Map<string, DeckRecord>): { key: string; load: (each: (piece: CardRecord[]) => void) => Promise<CardRecord[]> } {
		const hint = scanHint(query);
		const db = this.#db;
		if (hint.deck) {
			const pattern = hint.deck;
			const ids = [...decks.values()].filter((deck) => deckMatches(pattern, deck)).map((deck) => deck.id);
			const queue = hint.queue;
			return { key: `deck ${JSON.stringify(ids)} ${queue ?? ''}`, load: (each) => readDeckCards(db, ids, queue, each) };
		}
		if (hint.queue === Queue.scheduled) {
			const load = async (each: (piece: CardRecord[]) => void) => {
				const cards = await db.cards.where('[queue+dueDay]').between([Queue.scheduled, Dexie.minKey], [Queue.scheduled, Dexie.maxKey]).toArray();
				each(cards);
				return cards;
			};
			return { key: `queue ${hint.queue}`, load };
		}
		return { key: ALL, load: (each) => readAllCards(db, each) };
	}

	/** For each n, the cards answered from `ratedFirstDay(n, today)` to today: one read of the longest span. */
	async #rated(spans: readonly number[], today: number): Promise<Map<number, Set<string>>> {
		const longest = Math.max(...spans);
		const rows = await this.#db.reviews.where('day').between(ratedFirstDay(longest, today), today, true, true).toArray();
		const rated = new Map<number, Set<string>>();
		for (const days of spans) {
			const first = ratedFirstDay(days, today);
			rated.set(days, new Set(rows.filter((row) => isAnswer(row) && row.day >= first).map((row) => row.card)));
		}
		return rated;
	}
}
