/**
 * The study session: which cards a day's session shows, in what order, and how
 * that queue changes as cards are answered, answers are undone and the page is
 * reloaded. It works like Anki's daily review: learning cards, then the due
 * reviews with new cards spread among them, within daily limits.
 *
 * Pure: no DOM, storage or clock. The caller passes the study day, the cards'
 * schedules and what was studied earlier today (from the review log), and keeps
 * the Session, which is plain JSON, to resume it after a reload.
 */
import { byDueDay, byNoteOrder, compareIds, isAvailable, needsRepeatToday, type CardSchedule } from './card-schedule';
import { ALL_DECKS } from './deck-tree';
import type { QueueLimits } from './queue-limits';
import { inRandomOrder } from './random';
import { SiblingHold } from './siblings';
import type { Sm2State } from './sm2';

/**
 * New cards introduced and review cards answered earlier today, from the review
 * log, so that the daily limits hold across sessions and reloads.
 */
export interface StudiedToday {
	newCards: number;
	reviews: number;
}

export type QueueKind = 'new' | 'learning' | 'review';

export interface QueueEntry {
	id: string;
	kind: QueueKind;
	/**
	 * A review's sibling keys, kept only when another card of the session shares one (a new card, with new
	 * siblings let in): that card's answer holds this review for another day, where the review rule applies
	 * (afterAnswerHolding). Most sessions have none, so that an answer needs no read to know.
	 */
	siblingKeys?: readonly string[];
}

/** A review an answer took out of the session (afterAnswerHolding): its place before the answer, for the undo. */
export interface HeldReview {
	index: number;
	entry: QueueEntry;
}

export interface Session {
	version: 1;
	/** The study day the session belongs to. */
	day: number;
	/** A deck id, ALL_DECKS, or a deck and its sub-decks (`tree:…`, deck-tree.ts). */
	scope: string;
	/** What is left, in order; entries[0] is the card shown. A card is in it at most once. */
	entries: QueueEntry[];
	/** Answers given in this session, same-day repeats included. */
	answered: number;
	/** When the session started, in ms since the epoch. */
	startedAt: number;
}

export interface StartOptions {
	today: number;
	scope: string;
	limits: QueueLimits;
	studiedToday: StudiedToday;
	now: number;
	/** Seed of the shuffle when limits.newOrder is 'random'; `today` when omitted. */
	seed?: number;
	/**
	 * A session over all decks: the decks with limits of their own (deck
	 * options), and what each deck studied earlier today. Each such deck gives
	 * at most what is left of its own limits, and the whole session stays within
	 * what is left of `limits` (the global settings). Ignored for a one-deck
	 * session, whose caller passes that deck's limits as `limits`. A session
	 * over a deck and its sub-decks takes them as well, with `capsOf`.
	 */
	perDeck?: PerDeckLimits;
	/**
	 * A session over a deck and its sub-decks (a `tree:` scope): the ids of
	 * the decks in it, since the scope names a path rather than a deck.
	 */
	scopeDecks?: ReadonlySet<string>;
	/**
	 * The sibling keys of the cards studied earlier today (siblings.ts): their
	 * new siblings wait for a later day, unless `limits.buryNewSiblings` is
	 * false, and their due reviews too, unless `limits.buryReviewSiblings` is.
	 */
	siblingsStudiedToday?: Iterable<string>;
}

export interface PerDeckLimits {
	/** By deck id, the decks whose limits are not the global ones; with `capsOf`, also the limits it names. */
	limits: ReadonlyMap<string, QueueLimits>;
	/** By deck id (or key of `capsOf`); one absent studied nothing today. */
	studiedToday: ReadonlyMap<string, StudiedToday>;
	/**
	 * By deck id, the keys of `limits` that the deck's cards count against,
	 * when that is not simply the deck's own id: in a session over a deck and
	 * its sub-decks, each deck below the one studied caps itself and what is
	 * under it together (Anki's v3 scheduler). A deck absent is capped by none.
	 */
	capsOf?: ReadonlyMap<string, readonly string[]>;
}

/** How many other entries a card due again today waits behind before it comes back. */
export const REPEAT_GAP = 3;

const QUEUE_KINDS: readonly QueueKind[] = ['new', 'learning', 'review'];

function assertStudyDay(today: number): void {
	if (!Number.isInteger(today)) throw new RangeError(`session: not a study day: ${today}`);
}

/** A limit or a count as a whole number >= 0: a negative or NaN one counts as 0. */
function wholeOrZero(value: number): number {
	return value > 0 ? Math.floor(value) : 0;
}

function remaining(limit: number, used: number): number {
	return Math.max(0, wholeOrZero(limit) - wholeOrZero(used));
}

function inScope(card: CardSchedule, scope: string, scopeDecks: ReadonlySet<string> | undefined): boolean {
	if (scopeDecks !== undefined) return scopeDecks.has(card.deck);
	return scope === ALL_DECKS || card.deck === scope;
}

/** The keys of `perDeck.limits` that a card of `deck` counts against. */
function capsOf(perDeck: PerDeckLimits, deck: string): readonly string[] {
	if (perDeck.capsOf !== undefined) return perDeck.capsOf.get(deck) ?? [];
	return perDeck.limits.has(deck) ? [deck] : [];
}

/**
 * Spreads the new cards evenly among the reviews. Of the T = R + N entries
 * (R reviews, N new), the first p always hold exactly floor(p * N / T) new
 * cards, for every p. So the entry at position p (from 0) is new exactly when
 * floor((p + 1) * N / T) > floor(p * N / T). With 10 reviews and 5 new that is
 * positions 2, 5, 8, 11 and 14: every third entry, after two reviews, the last
 * one new; with 3 reviews and 2 new it is R R N R N. Reviews win the early
 * positions because they are the cards already at risk of being forgotten.
 * Each kind keeps its own order.
 */
function spread(reviews: readonly QueueEntry[], news: readonly QueueEntry[]): QueueEntry[] {
	const total = reviews.length + news.length;
	const merged: QueueEntry[] = [];
	let newTaken = 0;
	let reviewsTaken = 0;
	for (let position = 0; position < total; position++) {
		// floor((p + 1) * N / T) >= newTaken + 1, in integers so no rounding can move a card.
		const takeNew = (position + 1) * news.length >= (newTaken + 1) * total;
		const next = takeNew ? news[newTaken++] : reviews[reviewsTaken++];
		if (next !== undefined) merged.push(next);
	}
	return merged;
}

/**
 * At most what is left of each limit a card counts against (its deck's own,
 * and in a sub-deck tree those of the decks above it), in the order given;
 * decks without limits of their own are not capped here.
 */
function capByDeck(cards: readonly CardSchedule[], perDeck: PerDeckLimits | undefined, limit: 'newPerDay' | 'reviewsPerDay'): CardSchedule[] {
	if (perDeck === undefined || perDeck.limits.size === 0) return cards.slice();
	const studied = limit === 'newPerDay' ? 'newCards' : 'reviews';
	const taken = new Map<string, number>();
	const full = (key: string) => (taken.get(key) ?? 0) >= remaining(perDeck.limits.get(key)?.[limit] ?? Infinity, perDeck.studiedToday.get(key)?.[studied] ?? 0);
	return cards.filter((card) => {
		const keys = capsOf(perDeck, card.deck);
		if (keys.some(full)) return false;
		for (const key of keys) taken.set(key, (taken.get(key) ?? 0) + 1);
		return true;
	});
}

/**
 * New cards of several decks when some deck orders its new cards otherwise
 * than the global setting: each deck's cards in its own order (note order, or
 * shuffled), the decks taking turns: every deck's first card, then every
 * deck's second, and so on (decks by id).
 */
function newCardsByDeck(fresh: readonly CardSchedule[], perDeck: PerDeckLimits, global: QueueLimits['newOrder'], seed: number): CardSchedule[] {
	const byDeck = new Map<string, CardSchedule[]>();
	for (const card of fresh) {
		const list = byDeck.get(card.deck);
		if (list) list.push(card);
		else byDeck.set(card.deck, [card]);
	}
	const lists = [...byDeck]
		.sort(([a], [b]) => compareIds(a, b))
		.map(([deck, cards]) => ((perDeck.limits.get(deck)?.newOrder ?? global) === 'random' ? inRandomOrder(cards, seed) : cards));
	const merged: CardSchedule[] = [];
	for (let rank = 0; merged.length < fresh.length; rank++) for (const list of lists) if (rank < list.length) merged.push(list[rank]!);
	return merged;
}

/** What `card` is in today's queue for `scope`, or undefined when it is not in it (not available, or not due yet). */
function queueKind(card: CardSchedule, scope: string, scopeDecks: ReadonlySet<string> | undefined, today: number): QueueKind | undefined {
	if (!inScope(card, scope, scopeDecks) || !isAvailable(card, today)) return undefined;
	if (card.dueDay === undefined) return 'new';
	if (card.dueDay > today) return undefined;
	return needsRepeatToday(card.state) ? 'learning' : 'review';
}

function entriesOf(cards: readonly CardSchedule[], kind: QueueKind): QueueEntry[] {
	return cards.map((card) => ({ id: card.id, kind }));
}

/** Which decks hold siblings back by `rule`: a deck's own option (deck options) over the session's, in a session over several decks. */
function siblingRule(options: StartOptions, perDeck: PerDeckLimits | undefined, rule: 'buryNewSiblings' | 'buryReviewSiblings') {
	const holds = (deck: string) => (perDeck?.limits.get(deck)?.[rule] ?? options.limits[rule]) !== false;
	const anyHolds = options.limits[rule] !== false || [...(perDeck?.limits.values() ?? [])].some((own) => own[rule] === true);
	return { holds, anyHolds };
}

/**
 * `entries` with the sibling keys kept on each review that shares one with another entry, where its deck holds
 * review siblings (QueueEntry.siblingKeys): a new card let in beside its sibling's review, as with new siblings
 * let in ("All on the same day"). `cards` give the entries' keys.
 */
function withReviewSiblingsMarked(entries: readonly QueueEntry[], cards: readonly CardSchedule[], options: StartOptions, perDeck: PerDeckLimits | undefined): QueueEntry[] {
	const { holds, anyHolds } = siblingRule(options, perDeck, 'buryReviewSiblings');
	const plain = entries.map(({ siblingKeys: _keys, ...entry }) => entry);
	if (!anyHolds) return plain;
	const byId = new Map<string, CardSchedule>();
	for (const card of cards) if (!byId.has(card.id)) byId.set(card.id, card);
	// How many entries carry each key: a review's key carried by another entry too is shared.
	const carriers = new Map<string, number>();
	for (const entry of plain) for (const key of new Set(byId.get(entry.id)?.siblingKeys)) carriers.set(key, (carriers.get(key) ?? 0) + 1);
	if (![...carriers.values()].some((count) => count > 1)) return plain;
	return plain.map((entry) => {
		const card = byId.get(entry.id);
		const keys = card?.siblingKeys;
		if (entry.kind !== 'review' || keys === undefined || !holds(card!.deck) || !keys.some((key) => carriers.get(key)! > 1)) return entry;
		return { ...entry, siblingKeys: [...keys] };
	});
}

/**
 * The new cards (`rule` buryNewSiblings) or the due reviews (buryReviewSiblings), in order, without those whose
 * sibling was studied today, is among the cards queued ahead of them (`queued`), or is a card of theirs before
 * them: the first card of each set of siblings comes, the others wait for a later day (a review stays due). Before
 * the limits are applied, so that a card held back leaves its place to the next. A card held takes no keys: like
 * a buried card, it holds nothing back.
 */
function withoutHeldSiblings(
	cards: readonly CardSchedule[],
	queued: readonly CardSchedule[],
	options: StartOptions,
	perDeck: PerDeckLimits | undefined,
	rule: 'buryNewSiblings' | 'buryReviewSiblings'
): readonly CardSchedule[] {
	const { holds, anyHolds } = siblingRule(options, perDeck, rule);
	if (!anyHolds || !cards.some((card) => card.siblingKeys !== undefined)) return cards;
	const hold = new SiblingHold(options.siblingsStudiedToday);
	for (const card of queued) hold.take(card.siblingKeys);
	return cards.filter((card) => {
		if (holds(card.deck)) return hold.admits(card.siblingKeys);
		hold.take(card.siblingKeys);
		return true;
	});
}

/**
 * Today's queue for `scope`: the learning cards (failed, or graded 3 and
 * awaiting their same-day repeat) first and without limit, since they are due
 * now; then the due reviews, most overdue first, with the new cards spread
 * among them, each within what is left of its daily limit, and without the
 * siblings that wait for another day (withoutHeldSiblings).
 */
export function startSession(cards: readonly CardSchedule[], options: StartOptions): Session {
	const { today, scope, limits, studiedToday, now } = options;
	assertStudyDay(today);
	if (!Number.isFinite(now)) throw new RangeError(`session: not a valid time: ${now}`);

	const byKind: Record<QueueKind, CardSchedule[]> = { new: [], learning: [], review: [] };
	const { new: fresh, learning, review: reviews } = byKind;
	// The first card with an id wins, so no card can be queued twice.
	const seen = new Set<string>();
	for (const card of cards) {
		if (seen.has(card.id)) continue;
		seen.add(card.id);
		const kind = queueKind(card, scope, options.scopeDecks, today);
		if (kind !== undefined) byKind[kind].push(card);
	}

	learning.sort(byDueDay);
	reviews.sort(byDueDay);
	// Sorted before shuffling too, so the shuffle does not depend on the order the caller read the cards in.
	fresh.sort(byNoteOrder);
	const perDeck = scope === ALL_DECKS || options.scopeDecks !== undefined ? options.perDeck : undefined;
	const seed = options.seed ?? today;
	const newCards =
		perDeck && [...perDeck.limits.values()].some((own) => own.newOrder !== limits.newOrder)
			? newCardsByDeck(fresh, perDeck, limits.newOrder, seed)
			: limits.newOrder === 'random'
				? inRandomOrder(fresh, seed)
				: fresh;

	const reviewsLeft = capByDeck(withoutHeldSiblings(reviews, learning, options, perDeck, 'buryReviewSiblings'), perDeck, 'reviewsPerDay').slice(
		0,
		remaining(limits.reviewsPerDay, studiedToday.reviews)
	);
	const newLeft = capByDeck(withoutHeldSiblings(newCards, [...learning, ...reviewsLeft], options, perDeck, 'buryNewSiblings'), perDeck, 'newPerDay').slice(
		0,
		remaining(limits.newPerDay, studiedToday.newCards)
	);
	const entries = [...entriesOf(learning, 'learning'), ...spread(entriesOf(reviewsLeft, 'review'), entriesOf(newLeft, 'new'))];
	return {
		version: 1,
		day: today,
		scope,
		entries: withReviewSiblingsMarked(entries, [...learning, ...reviewsLeft, ...newLeft], options, perDeck),
		answered: 0,
		startedAt: now
	};
}

/** The card shown, or undefined when the session is over. */
export function currentEntry(session: Session): QueueEntry | undefined {
	return session.entries[0];
}

/**
 * The session after the card shown was answered and is now in state `next`.
 * A card due again today comes back as a learning card after REPEAT_GAP other
 * entries, or last when fewer are left, so at once when it is the only one.
 */
export function afterAnswer(session: Session, cardId: string, next: Sm2State): Session {
	const head = session.entries[0];
	if (head === undefined) throw new Error(`session: ${cardId} was answered, but no card is shown`);
	if (head.id !== cardId) throw new Error(`session: ${cardId} was answered, but ${head.id} is shown`);
	const entries = session.entries.slice(1);
	if (needsRepeatToday(next)) {
		entries.splice(Math.min(REPEAT_GAP, entries.length), 0, { id: cardId, kind: 'learning' });
	}
	return { ...session, entries, answered: session.answered + 1 };
}

/**
 * afterAnswer, for a card with sibling keys `siblingKeys`: first the reviews still waiting in the session
 * that share one of them leave it (Anki's "bury review siblings" on the answer), as a session started after
 * this answer would hold them (nothing is written to them: they stay due). Only reviews whose keys the session
 * kept (QueueEntry.siblingKeys: where their deck holds review siblings) can leave; learning cards never do.
 * Returns the session and the reviews held, with their places, for the undo (undoAnswerHolding).
 */
export function afterAnswerHolding(session: Session, cardId: string, next: Sm2State, siblingKeys: readonly string[]): { session: Session; held: HeldReview[] } {
	const held: HeldReview[] = [];
	const holds = heldOnAnswer(cardId, siblingKeys);
	const waiting = session.entries.filter((entry, index) => {
		if (index === 0 || !holds(entry)) return true;
		held.push({ index, entry });
		return false;
	});
	return { session: afterAnswer(held.length === 0 ? session : { ...session, entries: waiting }, cardId, next), held };
}

/** Whether a waiting entry leaves the session when `cardId`, with `siblingKeys`, is answered (afterAnswerHolding). */
function heldOnAnswer(cardId: string, siblingKeys: readonly string[]): (entry: QueueEntry) => boolean {
	const keys = new Set(siblingKeys);
	return (entry) => keys.size > 0 && entry.kind === 'review' && entry.id !== cardId && (entry.siblingKeys?.some((key) => keys.has(key)) ?? false);
}

/**
 * The entry shown after the head, `siblingKeys` its card's, is answered: the first after it that its answer does not
 * hold (afterAnswerHolding), or none when none is left (the head may then come back as its own repeat).
 */
export function entryAfterHead(session: Session, siblingKeys: readonly string[]): QueueEntry | undefined {
	const head = session.entries[0];
	if (head === undefined) return undefined;
	const holds = heldOnAnswer(head.id, siblingKeys);
	return session.entries.slice(1).find((entry) => !holds(entry));
}

/**
 * The reverse of afterAnswerHolding: undoAnswer, then the reviews its answer held back in their places (a
 * card queued since is not queued twice).
 */
export function undoAnswerHolding(session: Session, cardId: string, kindBefore: QueueKind, held: readonly HeldReview[]): Session {
	const undone = undoAnswer(session, cardId, kindBefore);
	if (held.length === 0) return undone;
	const queued = new Set(undone.entries.map((entry) => entry.id));
	const entries = [...undone.entries];
	for (const { index, entry } of [...held].sort((a, b) => a.index - b.index)) {
		if (!queued.has(entry.id)) entries.splice(Math.min(index, entries.length), 0, entry);
	}
	return { ...undone, entries };
}

/**
 * The reverse of afterAnswer: `cardId` shown again as `kindBefore` (the kind
 * its entry had when it was answered).
 */
export function undoAnswer(session: Session, cardId: string, kindBefore: QueueKind): Session {
	if (!QUEUE_KINDS.includes(kindBefore)) throw new RangeError(`session: not a queue kind: ${String(kindBefore)}`);
	// A card is queued at most once and afterAnswer took it off the head, so any
	// entry for it now is the repeat that afterAnswer added.
	const rest = session.entries.filter((entry) => entry.id !== cardId);
	return {
		...session,
		entries: [{ id: cardId, kind: kindBefore }, ...rest],
		answered: Math.max(0, session.answered - 1)
	};
}

/**
 * The session with the cards it can still take in today, appended in the
 * order startSession gives them; the queue already there keeps its order,
 * repeats included. `cards` are today's candidates and the session's own
 * cards, `options` those a session started now would take. The cards the
 * session holds count as studied against each limit (the global ones and, in a
 * session over all decks, each deck's own), so what comes in is what is left of
 * them: a card buried or suspended from the queue leaves room, since the limits
 * count the cards answered today (as in Anki), and cards added today fill what
 * the queue left. Holding its cards as used, rather than comparing with a
 * session started afresh, keeps a deck within its limit even when a fresh start
 * would choose other cards of it (a random order reshuffled, a card added ahead
 * of the ones held).
 */
export function topUpSession(session: Session, cards: readonly CardSchedule[], options: StartOptions): Session {
	const queued = new Set(session.entries.map((entry) => entry.id));
	const held = new Map<string, CardSchedule>();
	for (const card of cards) if (queued.has(card.id) && !held.has(card.id)) held.set(card.id, card);
	const total = { ...options.studiedToday };
	const byDeck = new Map(options.perDeck?.studiedToday);
	for (const card of held.values()) {
		const kind = queueKind(card, options.scope, options.scopeDecks, options.today);
		if (kind === undefined || kind === 'learning') continue;
		const counted = kind === 'new' ? 'newCards' : 'reviews';
		total[counted] = wholeOrZero(total[counted]) + 1;
		for (const key of options.perDeck ? capsOf(options.perDeck, card.deck) : []) {
			const studied = byDeck.get(key) ?? { newCards: 0, reviews: 0 };
			byDeck.set(key, { ...studied, [counted]: wholeOrZero(studied[counted]) + 1 });
		}
	}
	const perDeck = options.perDeck && { ...options.perDeck, studiedToday: byDeck };
	// The cards held take their siblings' places as a card studied today does.
	const siblingsStudiedToday = [...(options.siblingsStudiedToday ?? []), ...[...held.values()].flatMap((card) => card.siblingKeys ?? [])];
	const fresh = startSession(
		cards.filter((card) => !queued.has(card.id)),
		{ ...options, studiedToday: total, perDeck, siblingsStudiedToday }
	);
	if (fresh.entries.length === 0) return session;
	// A new card let in beside a review the session holds (Study more bringing siblings) marks that review.
	const sessionPerDeck = options.scope === ALL_DECKS || options.scopeDecks !== undefined ? options.perDeck : undefined;
	return { ...session, entries: withReviewSiblingsMarked([...session.entries, ...fresh.entries], cards, options, sessionPerDeck) };
}

/** What is left, by kind. */
export function sessionCounts(session: Session): { new: number; learning: number; review: number } {
	const counts = { new: 0, learning: 0, review: 0 };
	for (const entry of session.entries) counts[entry.kind]++;
	return counts;
}

/**
 * Whether a stored session can be resumed: the same study day and scope, in
 * this version's format. Yesterday's session is not, so each day starts afresh.
 * It checks null and the entries too, since what storage hands back is whatever
 * an older version of the app put there.
 */
export function isSessionCurrent(session: Session | undefined, today: number, scope: string): boolean {
	return (
		session !== undefined &&
		session !== null &&
		session.version === 1 &&
		session.day === today &&
		session.scope === scope &&
		Array.isArray(session.entries)
	);
}

/**
 * The stored session brought up to date with the cards after a reload: entries
 * are dropped when their card is gone, suspended, retired, buried, out of the
 * session's scope, or no longer due today (answered while the session was not
 * saved, so it would otherwise be studied twice). The order is kept, and a card
 * that appears twice keeps only its first entry.
 */
export function reconcileSession(session: Session, cards: readonly CardSchedule[], today: number, scopeDecks?: ReadonlySet<string>): Session {
	assertStudyDay(today);
	const cardsById = new Map<string, CardSchedule>();
	for (const card of cards) if (!cardsById.has(card.id)) cardsById.set(card.id, card);
	const kept = new Set<string>();
	const entries = session.entries.filter((entry) => {
		const card = cardsById.get(entry.id);
		if (card === undefined || kept.has(entry.id)) return false;
		if (!inScope(card, session.scope, scopeDecks) || !isAvailable(card, today)) return false;
		if (card.dueDay !== undefined && card.dueDay > today) return false;
		kept.add(entry.id);
		return true;
	});
	return { ...session, entries };
}
