/**
 * Today's session for a deck (or all decks): resumed the same study day, started fresh the next.
 *
 * A deck's options (deck-options.ts) set its limits: a one-deck session
 * studies with that deck's limits; a session over all decks keeps within the
 * global limits and, for each deck with limits of its own, within those too.
 *
 * A stored session is resumed as it is, unless cards left it (buried,
 * suspended, answered elsewhere): then what they leave of the day's limits is
 * filled. When the limits themselves change (settings, deck options), the
 * sessions are marked outdated and made again on opening, keeping the answers
 * given and their undo steps. "Study more" (`studyMore`, `studyMoreReviews`) lets a session take
 * more new cards, or more due reviews, than the day's limits, that day only (`extraNew`, `extraReview`).
 *
 * A session over a deck and its sub-decks (a `tree:` scope, srs/deck-tree.ts)
 * holds the cards of every deck under the path, within the limits of each
 * deck on the way (srs/subtree-limits.ts); which decks those are is read from
 * their names each time the session is opened or filled.
 */
import type { CardSchedule } from '../srs/card-schedule';
import { ALL_DECKS, isUnder, subtreePath, subtreeScopesOf } from '../srs/deck-tree';
import type { QueueLimits } from '../srs/queue-limits';
import { subtreeLimits } from '../srs/subtree-limits';
import { isSessionCurrent, reconcileSession, startSession, topUpSession, type PerDeckLimits, type Session, type StartOptions } from '../srs/session';
import { hasLimitOverrides, limitsForDeck } from '../srs/deck-options';
import { loadStudiedToday, loadStudiedTodayByDeck, loadStudyCandidates, toSchedule, type ReadLimits, type StudyCandidates } from './queue';
import type { CardRecord, DeckRecord, RecallDatabase, SessionRecord } from './schema';
import type { Settings } from './settings';

const readLimits = (limits: QueueLimits): ReadLimits => ({
	newCards: limits.newPerDay,
	reviews: limits.reviewsPerDay,
	newOrder: limits.newOrder,
	buryNewSiblings: limits.buryNewSiblings !== false,
	buryReviewSiblings: limits.buryReviewSiblings !== false
});

/** Whether a deck with `limits` holds some siblings back (srs/siblings.ts): new cards, or due reviews. */
const holdsSiblings = (limits: QueueLimits | undefined): boolean => limits?.buryNewSiblings !== false || limits?.buryReviewSiblings !== false;

export async function openSession(db: RecallDatabase, scope: string, today: number, settings: Settings, now = Date.now()): Promise<SessionRecord> {
	return db.transaction('rw', db.decks, db.cards, db.reviews, db.sessions, async () => {
		const stored = await db.sessions.get(scope);
		let record: SessionRecord;
		if (stored && isSessionCurrent(stored.session, today, scope)) {
			if (stored.outdated) {
				const fresh = await todaysQueue(db, scope, today, settings, now, stored.extraNew, stored.extraReview, stored.extraNewSiblings === true);
				record = { scope, session: { ...fresh, answered: stored.session.answered, startedAt: stored.session.startedAt }, undo: stored.undo };
				keepExtraNew(stored, record);
				keepExtraReview(stored, record);
			} else {
				const cards = (await sessionCards(db, stored.session)).map(toSchedule);
				let session = reconcileSession(stored.session, cards, today, await treeDecks(db, scope));
				// Only a session that lost cards, or may gain some, reads the candidates again: resuming stays one read of its own cards.
				if (stored.refill || session.entries.length < stored.session.entries.length) {
					session = await topUp(db, session, cards, settings, now, stored.extraNew, stored.extraNewSiblings === true, stored.extraReview);
				}
				const { refill: _refilled, ...kept } = stored;
				record = { ...kept, session };
			}
		} else {
			const extraNew = stored?.extraNewAside?.day === today ? stored.extraNewAside.count : undefined;
			const siblings = stored?.extraNewAside?.day === today && stored.extraNewAside.siblings === true;
			const extraReview = stored?.extraReviewAside?.day === today ? stored.extraReviewAside.count : undefined;
			record = { scope, session: await todaysQueue(db, scope, today, settings, now, extraNew, extraReview, siblings), undo: [] };
			if (extraNew !== undefined) record.extraNew = extraNew;
			if (siblings) record.extraNewSiblings = true;
			const aside = extraNewSetAside(stored);
			if (aside !== undefined) record.extraNewAside = aside;
			setExtraReviewAside(stored, record, extraReview);
		}
		await db.sessions.put(record);
		return record;
	});
}

/** The "Study more" of a stored session another day's replaces, kept with its day (SessionRecord `extraNewAside`), and whether it let siblings in. */
function extraNewSetAside(stored: SessionRecord | undefined): SessionRecord['extraNewAside'] {
	if (stored?.extraNew === undefined || stored.session?.day === undefined) return undefined;
	return stored.extraNewSiblings ? { day: stored.session.day, count: stored.extraNew, siblings: true } : { day: stored.session.day, count: stored.extraNew };
}

/** Carries the "Study more" of `stored` (made again, the same day) into `record`: the allowance, whether it let siblings in, and its aside. */
function keepExtraNew(stored: SessionRecord, record: SessionRecord): void {
	if (stored.extraNew !== undefined) record.extraNew = stored.extraNew;
	if (stored.extraNewSiblings) record.extraNewSiblings = true;
	if (stored.extraNewAside !== undefined) record.extraNewAside = stored.extraNewAside;
}

/** Carries the "Study more reviews" of `stored` (made again, the same day) into `record`, the allowance and its aside. */
function keepExtraReview(stored: SessionRecord, record: SessionRecord): void {
	if (stored.extraReview !== undefined) record.extraReview = stored.extraReview;
	if (stored.extraReviewAside !== undefined) record.extraReviewAside = stored.extraReviewAside;
}

/**
 * `record`, another day's session replacing `stored`: `extraReview` is its day's (found aside), and the "Study
 * more reviews" of `stored` is set aside with its day, as `extraNew` is (extraNewSetAside).
 */
function setExtraReviewAside(stored: SessionRecord | undefined, record: SessionRecord, extraReview: number | undefined): void {
	if (extraReview !== undefined) record.extraReview = extraReview;
	if (stored?.extraReview !== undefined && stored.session?.day !== undefined) record.extraReviewAside = { day: stored.session.day, count: stored.extraReview };
}

/**
 * What was left in the session when `cardId` was taken out of it (buried or
 * suspended), or when an answer held its sibling reviews (`cardId` undefined:
 * they are out already), filled up within the day's limits; the cards it took in. Call it
 * inside a transaction over decks, cards, reviews and sessions, after the
 * card's status is written.
 */
export async function refillAfterRemoval(db: RecallDatabase, stored: SessionRecord, cardId: string | undefined, settings: Settings, now: number): Promise<{ session: Session; added: string[] }> {
	const left = cardId === undefined ? stored.session : { ...stored.session, entries: stored.session.entries.filter((entry) => entry.id !== cardId) };
	const session = await topUp(db, left, (await sessionCards(db, left)).map(toSchedule), settings, now, stored.extraNew, stored.extraNewSiblings === true, stored.extraReview);
	return { session, added: session.entries.slice(left.entries.length).map((entry) => entry.id) };
}

/**
 * "Study more", as Anki's custom study extends today's limit: today's session
 * for `scope` takes up to `count` more new cards than the day's limits allow,
 * after those it holds. For this session only, and its day: other sessions
 * keep to the limits (the home page counts it, quick-read.ts). When only siblings held back are left, it brings
 * those (`siblings`), and from then on the session lets them in (SessionRecord `extraNewSiblings`). Returns the
 * session and how many new cards came in; with none left to take, the session stays as it was.
 */
export async function studyMore(
	db: RecallDatabase,
	scope: string,
	today: number,
	count: number,
	settings: Settings,
	now = Date.now()
): Promise<{ record: SessionRecord; added: number; siblings: boolean }> {
	if (!Number.isInteger(count) || count <= 0) throw new RangeError(`studyMore: not a number of cards: ${count}`);
	return db.transaction('rw', db.decks, db.cards, db.reviews, db.sessions, async () => {
		const opened = await openSession(db, scope, today, settings, now);
		const extraNew = (opened.extraNew ?? 0) + count;
		const held = (await sessionCards(db, opened.session)).map(toSchedule);
		const letIn = opened.extraNewSiblings === true;
		let session = await topUp(db, opened.session, held, settings, now, extraNew, letIn, opened.extraReview);
		// Nothing came: any new cards left are siblings held back (srs/siblings.ts), by the global setting or a deck's own.
		// Asked for more, the learner gets them rather than nothing.
		const siblings = !letIn && session.entries.length === opened.session.entries.length;
		if (siblings) session = await topUp(db, opened.session, held, settings, now, extraNew, true, opened.extraReview);
		const added = session.entries.length - opened.session.entries.length;
		if (added === 0) return { record: opened, added, siblings: false };
		const record: SessionRecord = siblings ? { ...opened, session, extraNew, extraNewSiblings: true } : { ...opened, session, extraNew };
		await db.sessions.put(record);
		return { record, added, siblings };
	});
}

/**
 * "Study more" for due reviews, as Anki's custom study "Increase today's review card limit": today's session for
 * `scope` takes up to `count` more due reviews than the day's limits allow (the global one and every deck's own),
 * after those it holds, most overdue first as the queue takes them. For this session and its day only, as
 * `studyMore` (`extraReview`). Reviews held as siblings of others (srs/siblings.ts) stay held: they come the next
 * day by design. Returns the session and how many reviews came; with none left to take, the session stays as it was.
 */
export async function studyMoreReviews(db: RecallDatabase, scope: string, today: number, count: number, settings: Settings, now = Date.now()): Promise<{ record: SessionRecord; added: number }> {
	if (!Number.isInteger(count) || count <= 0) throw new RangeError(`studyMoreReviews: not a number of cards: ${count}`);
	return db.transaction('rw', db.decks, db.cards, db.reviews, db.sessions, async () => {
		const opened = await openSession(db, scope, today, settings, now);
		const extraReview = (opened.extraReview ?? 0) + count;
		const held = (await sessionCards(db, opened.session)).map(toSchedule);
		const session = await topUp(db, opened.session, held, settings, now, opened.extraNew, opened.extraNewSiblings === true, extraReview);
		const added = session.entries.length - opened.session.entries.length;
		if (added === 0) return { record: opened, added };
		const record: SessionRecord = { ...opened, session, extraReview };
		await db.sessions.put(record);
		return { record, added };
	});
}

/**
 * Marks today's stored sessions (of `scopes`, or all) to be made again with
 * the limits now stored. Call it in the transaction that changes them.
 */
export async function markSessionsOutdated(db: RecallDatabase, scopes?: readonly string[]): Promise<void> {
	const stored = await storedSessions(db, scopes);
	if (stored.length > 0) await db.sessions.bulkPut(stored.map((record) => ({ ...record, outdated: true as const })));
}

/**
 * Marks today's stored sessions (of `scopes`, or all) to take in cards that
 * may be studied now and were not before (added, imported), within what is
 * left of the day's limits, after the queue, which keeps its order. A change
 * of the limits makes sessions again instead (`markSessionsOutdated`), and so
 * does an unsuspend (bulk.ts): a card brought back takes its own place in the
 * queue. Call it in the transaction that changes the cards.
 */
export async function markSessionsToRefill(db: RecallDatabase, scopes?: readonly string[]): Promise<void> {
	const marked = (await storedSessions(db, scopes)).filter((record) => !record.outdated && !record.refill);
	if (marked.length > 0) await db.sessions.bulkPut(marked.map((record) => ({ ...record, refill: true as const })));
}

/** The scopes whose sessions may hold a deck's cards: its own, all decks' and those of the sub-deck trees it is in. */
export function scopesHolding(deck: Pick<DeckRecord, 'id' | 'name'>): string[] {
	return [deck.id, ALL_DECKS, ...subtreeScopesOf(deck.name)];
}

/** The stored sessions of `scopes` (those there are), or all of them. */
async function storedSessions(db: RecallDatabase, scopes: readonly string[] | undefined): Promise<SessionRecord[]> {
	return scopes === undefined ? db.sessions.toArray() : (await db.sessions.bulkGet([...scopes])).filter((record) => record !== undefined);
}

/** The ids of the decks a sub-deck tree's scope holds now, or undefined for a deck's or all decks' scope. */
async function treeDecks(db: RecallDatabase, scope: string): Promise<Set<string> | undefined> {
	const path = subtreePath(scope);
	if (path === undefined) return undefined;
	return new Set((await db.decks.filter((deck) => !deck.retired && isUnder(deck.name, path)).primaryKeys()) as string[]);
}

/** The cards of a session's entries (those there are). */
async function sessionCards(db: RecallDatabase, session: Session): Promise<CardRecord[]> {
	return (await db.cards.bulkGet(session.entries.map((entry) => entry.id))).filter((card) => card !== undefined);
}

/**
 * `session` with what is left of the day's limits (and `extraNew`, `extraReview`) filled, the cards it holds (`held`)
 * counting as used; `siblingsToo` lets new siblings in.
 */
async function topUp(db: RecallDatabase, session: Session, held: readonly CardSchedule[], settings: Settings, now: number, extraNew = 0, siblingsToo = false, extraReview = 0): Promise<Session> {
	const { cards, options } = await todaysCandidates(db, session.scope, session.day, settings, now, extraNew, siblingsToo, extraReview);
	return topUpSession(session, [...held, ...cards], options);
}

/** Today's queue for `scope` as a session started now would hold it; `siblingsToo` lets new siblings in (a Study more brought them). */
async function todaysQueue(db: RecallDatabase, scope: string, today: number, settings: Settings, now: number, extraNew = 0, extraReview = 0, siblingsToo = false): Promise<Session> {
	const { cards, options } = await todaysCandidates(db, scope, today, settings, now, extraNew, siblingsToo, extraReview);
	return startSession(cards, options);
}

/**
 * Limits with `extraNew` more new cards and `extraReview` more reviews ("Study more"), and with new siblings let
 * in (`siblingsToo`) whatever the deck's option.
 */
function forToday<T extends QueueLimits>(limits: T, extraNew: number, siblingsToo: boolean, extraReview = 0): T {
	const raised = extraNew > 0 ? { ...limits, newPerDay: limits.newPerDay + extraNew } : limits;
	const reviewed = extraReview > 0 ? { ...raised, reviewsPerDay: raised.reviewsPerDay + extraReview } : raised;
	return siblingsToo ? { ...reviewed, buryNewSiblings: false } : reviewed;
}

/**
 * What today's queue for `scope` is made of: the cards it may hold, and the limits and counts startSession takes.
 * `extraNew` raises the new-card limits, the global one and every deck's own, and `extraReview` the review
 * limits likewise; `siblingsToo` lets new siblings in.
 */
async function todaysCandidates(
	db: RecallDatabase,
	scope: string,
	today: number,
	settings: Settings,
	now: number,
	extraNew = 0,
	siblingsToo = false,
	extraReview = 0
): Promise<{ cards: CardSchedule[]; options: StartOptions }> {
	const dayLimits = <T extends QueueLimits>(limits: T): T => forToday(limits, extraNew, siblingsToo, extraReview);
	// The keys of today's answers come with the candidates when some deck of the session holds siblings back (srs/siblings.ts).
	const made = ({ cards, siblingsStudiedToday }: StudyCandidates, options: StartOptions) => ({
		cards: cards.map(toSchedule),
		options: siblingsStudiedToday ? { ...options, siblingsStudiedToday } : options
	});
	const path = subtreePath(scope);
	if (path !== undefined) {
		const [decks, studied] = await Promise.all([db.decks.filter((deck) => !deck.retired).toArray(), loadStudiedTodayByDeck(db, today)]);
		const tree = subtreeLimits(
			path,
			decks.map((deck) => ({ id: deck.id, name: deck.name, limits: dayLimits(limitsForDeck(settings, deck.options)) })),
			dayLimits(limitsForDeck(settings, undefined)),
			studied.byDeck
		);
		const deckLimits = new Map([...tree.scopeDecks].map((id) => [id, readLimits(tree.perDeck.limits.get(id)!)]));
		const holds = [...tree.scopeDecks].some((id) => holdsSiblings(tree.perDeck.limits.get(id)));
		const candidates = await loadStudyCandidates(db, scope, today, readLimits(tree.limits), deckLimits, [...tree.scopeDecks], holds);
		return made(candidates, { today, scope, limits: tree.limits, studiedToday: tree.studiedToday, now, perDeck: tree.perDeck, scopeDecks: tree.scopeDecks });
	}
	if (scope === ALL_DECKS) {
		const own = (await db.decks.filter((deck) => !deck.retired && hasLimitOverrides(deck.options)).toArray()).map(
			(deck) => [deck.id, dayLimits(limitsForDeck(settings, deck.options))] as const
		);
		const global = dayLimits(settings);
		const perDeckLimits = new Map(own);
		const holds = holdsSiblings(global) || own.some(([, limits]) => holdsSiblings(limits));
		// Read in parallel: the day's full limits bound the reads, startSession applies what is left of them.
		const [studied, candidates] = await Promise.all([
			perDeckLimits.size > 0 ? loadStudiedTodayByDeck(db, today) : loadStudiedToday(db, scope, today).then((all) => ({ all, byDeck: new Map() })),
			loadStudyCandidates(db, scope, today, readLimits(global), new Map(own.map(([id, limits]) => [id, readLimits(limits)])), undefined, holds)
		]);
		const perDeck: PerDeckLimits = { limits: perDeckLimits, studiedToday: studied.byDeck };
		return made(candidates, { today, scope, limits: global, studiedToday: studied.all, now, perDeck });
	}
	// What was studied today is read while the deck's options are.
	const studied = loadStudiedToday(db, scope, today);
	const limits = dayLimits(limitsForDeck(settings, (await db.decks.get(scope))?.options));
	const [studiedToday, candidates] = await Promise.all([studied, loadStudyCandidates(db, scope, today, readLimits(limits), undefined, undefined, holdsSiblings(limits))]);
	return made(candidates, { today, scope, limits, studiedToday, now });
}
