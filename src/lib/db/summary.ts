/** What a study day came to, for the end of a session: read from the review log and the due index. */
import { Dexie } from 'dexie';
import { byDueDay, isAvailable, needsRepeatToday } from '../srs/card-schedule';
import { ALL_DECKS, isUnder, subtreePath } from '../srs/deck-tree';
import { SiblingHold, siblingKeysOf } from '../srs/siblings';
import type { Grade } from '../srs/sm2';
import { dayStats } from '../stats/today';
import type { QueueLimits } from '../srs/queue-limits';
import { normalizeDeckOptions } from '../srs/deck-options';
import { siblingKeysAnswered, studiedIn, toSchedule } from './queue';
import { Queue, type CardRecord, type RecallDatabase } from './schema';

export interface DaySummary {
	/** Different cards answered today. */
	cards: number;
	/** Answers given today, same-day repeats included. */
	answers: number;
	/** Time spent answering: each answer's time from showing to answering, capped as the statistics cap it (stats/today.ts). */
	timeMs: number;
	/** Answers by grade: `grades[g]` answers were graded g. */
	grades: Record<Grade, number>;
	/** Cards due on the next study day. */
	dueTomorrow: number;
	/**
	 * The scope has a card that is not retired (deleted cards are retired):
	 * false for a deck with no cards yet, whose empty session is not a day's
	 * work done. Suspended cards count: the learner can bring them back.
	 */
	hasCards: boolean;
	/**
	 * The scope has a new card that could be studied today (not buried, not
	 * suspended, in a deck not retired), which the session did not take: what
	 * "Study more" would bring in. False when every new card is used up.
	 */
	newLeft: boolean;
	/**
	 * How many of those new cards there are, counted up to NEW_CARDS_LEFT_COUNTED: what the end screen's "Study N more
	 * new cards" can bring (a deck with 2 left says 2, not the 10 it would let in).
	 */
	newCardsLeft: number;
	/** New cards introduced today in the scope, as its daily limit counts them (loadStudiedToday). */
	newStudied: number;
	/**
	 * Some of the new cards left wait for another day as siblings of a card answered today (srs/siblings.ts),
	 * as Anki's end screen says "Some related or buried cards were delayed". Looked for among each deck's
	 * first SIBLINGS_LOOKED_AT new cards.
	 */
	siblingsWaiting: boolean;
	/**
	 * Some due reviews wait for another day as siblings of a card answered today, as `siblingsWaiting` says of
	 * new cards: looked for among each deck's SIBLINGS_LOOKED_AT most overdue cards.
	 */
	reviewSiblingsWaiting: boolean;
	/**
	 * Due cards of the scope, available today, that the session did not take: what the review limits held back,
	 * which "Study more reviews" would bring in (sessions.ts `studyMoreReviews`). Buried cards are left out, and so
	 * are reviews that wait for a sibling (srs/siblings.ts), which come another day whatever the limit. Read at the
	 * end of a session, which holds no card then. Exact up to REVIEWS_LEFT_LOOKED_AT due cards of a deck (reviewsLeftIn).
	 */
	reviewsLeft: number;
}

/** How many of a deck's first new cards (or most overdue ones) the end screen looks at for siblings that wait: the cards a day or two bring. */
export const SIBLINGS_LOOKED_AT = 200;

/**
 * How many of a deck's due cards, most overdue first, the end screen reads to tell buried ones and siblings that wait
 * from reviews left: the same cards it looks at for reviews waiting as siblings, read once for both.
 */
export const REVIEWS_LEFT_LOOKED_AT = SIBLINGS_LOOKED_AT;

/**
 * How many due cards of `decks` a session could still take today (DaySummary `reviewsLeft`). Costs a count of the
 * due index per deck, and for a deck with some due, one read of its REVIEWS_LEFT_LOOKED_AT most overdue cards:
 * those buried, or held as the session holds reviews (a sibling answered today, a learning card, or a review
 * before it, most overdue first, in a deck of `holding`) are not counted. Cards past those read are counted as
 * due unread: exact while a deck has no more due than that, and beyond it too high by the buried and held ones among them.
 */
async function reviewsLeftIn(db: RecallDatabase, decks: readonly string[], holding: (deck: string) => boolean, keys: ReadonlySet<string>, today: number, mostOverdue: MostOverdue): Promise<number> {
	const leftIn = async (deck: string): Promise<number> => {
		const due = await dueRange(db, deck, today).count();
		if (due === 0) return 0;
		const read = (await mostOverdue(deck)).map(toSchedule).filter((card) => isAvailable(card, today));
		const learning = read.filter((card) => needsRepeatToday(card.state));
		const reviews = read.filter((card) => !needsRepeatToday(card.state)).sort(byDueDay);
		const hold = new SiblingHold([...keys, ...learning.flatMap((card) => card.siblingKeys ?? [])]);
		const coming = holding(deck) ? reviews.filter((card) => hold.admits(card.siblingKeys)).length : reviews.length;
		return learning.length + coming + Math.max(0, due - REVIEWS_LEFT_LOOKED_AT);
	};
	return (await Promise.all(decks.map(leftIn))).reduce((sum, left) => sum + left, 0);
}

/** A deck's scheduled cards due on or before `today`, most overdue first: `[deck+queue+dueDay]`. */
function dueRange(db: RecallDatabase, deck: string, today: number) {
	return db.cards.where('[deck+queue+dueDay]').between([deck, Queue.scheduled, Dexie.minKey], [deck, Queue.scheduled, today], true, true);
}

/** A deck's REVIEWS_LEFT_LOOKED_AT most overdue cards, read once for both of the end screen's questions about them. */
type MostOverdue = (deck: string) => Promise<CardRecord[]>;

function mostOverdueOnce(db: RecallDatabase, today: number): MostOverdue {
	const reads = new Map<string, Promise<CardRecord[]>>();
	return (deck) => {
		let read = reads.get(deck);
		if (read === undefined) {
			read = dueRange(db, deck, today).limit(REVIEWS_LEFT_LOOKED_AT).toArray();
			reads.set(deck, read);
		}
		return read;
	};
}

/** Whether one of the decks' first new cards, available today, shares a key with `keys` (those of today's answers). */
async function newSiblingsOf(db: RecallDatabase, decks: readonly string[], keys: ReadonlySet<string>, today: number): Promise<boolean> {
	if (keys.size === 0) return false;
	const firstNew = (deck: string) =>
		db.cards
			.where('[deck+queue+order]')
			.between([deck, Queue.new, Dexie.minKey], [deck, Queue.new, Dexie.maxKey], true, true)
			.limit(SIBLINGS_LOOKED_AT)
			.toArray();
	const cards = (await Promise.all(decks.map(firstNew))).flat();
	return cards.some((card) => isAvailable(toSchedule(card), today) && siblingKeysOf(card).some((key) => keys.has(key)));
}

/**
 * Whether one of the decks' most overdue reviews, available today and not a learning card (which never waits), shares a key with `keys`
 * (those of today's answers): at the end of the day's session, a review still due that shares one waits for it.
 */
async function reviewSiblingsOf(decks: readonly string[], keys: ReadonlySet<string>, today: number, mostOverdue: MostOverdue): Promise<boolean> {
	if (keys.size === 0) return false;
	const cards = (await Promise.all(decks.map(mostOverdue))).flat();
	return cards.some((card) => isAvailable(toSchedule(card), today) && !needsRepeatToday(card.state) && siblingKeysOf(card).some((key) => keys.has(key)));
}

/** A card of the deck in the suspended, new or scheduled queue: one read of `[deck+queue+order]`. */
async function deckHasCards(db: RecallDatabase, deckId: string): Promise<boolean> {
	const card = await db.cards
		.where('[deck+queue+order]')
		.between([deckId, Queue.suspended, Dexie.minKey], [deckId, Queue.scheduled, Dexie.maxKey], true, true)
		.first();
	return card !== undefined;
}

/** How far the new cards left are counted: as many as one "Study more new cards" brings. */
export const NEW_CARDS_LEFT_COUNTED = 10;

/**
 * The new cards of the decks that can be studied on `today`, counted up to `upTo`: each deck's new queue of
 * `[deck+queue+order]`, read up to the cards still wanted that are not buried (usually the first ones).
 */
async function newCardsAvailable(db: RecallDatabase, decks: readonly string[], today: number, upTo: number): Promise<number> {
	let found = 0;
	for (const deckId of decks) {
		if (found >= upTo) break;
		const cards = await db.cards
			.where('[deck+queue+order]')
			.between([deckId, Queue.new, Dexie.minKey], [deckId, Queue.new, Dexie.maxKey], true, true)
			.filter((candidate) => isAvailable(toSchedule(candidate), today))
			.limit(upTo - found)
			.toArray();
		found += cards.length;
	}
	return found;
}

/** Whether `has` holds for any of `decks`. */
async function anyDeck(decks: readonly string[], has: (deck: string) => Promise<boolean>): Promise<boolean> {
	return (await Promise.all(decks.map(has))).includes(true);
}

/** The global settings a day's session follows, as far as the summary needs them: whether siblings wait (absent: they do). */
export type SiblingRules = Pick<QueueLimits, 'buryNewSiblings' | 'buryReviewSiblings'>;

/**
 * Today's studying in `scope` (a deck id, ALL_DECKS or a sub-deck tree), by index reads only. Siblings are said to
 * wait only in the decks whose rule (`global`, or a deck's own option) holds them, and new ones not at all when the
 * session's Study more let them in (`newSiblingsLetIn`, SessionRecord `extraNewSiblings`): its next Study more brings them.
 */
export async function loadDaySummary(db: RecallDatabase, scope: string, today: number, global: SiblingRules = {}, newSiblingsLetIn = false): Promise<DaySummary> {
	return db.transaction('r', db.cards, db.reviews, db.decks, async () => {
		const tomorrow = today + 1;
		const tree = subtreePath(scope);
		// The decks of the scope, read only for all decks or a tree; `studied` leaves out the retired, whose cards are studied nowhere.
		const decksOf = async (studied: boolean): Promise<string[]> =>
			scope !== ALL_DECKS && tree === undefined
				? [scope]
				: ((await db.decks.filter((deck) => (!studied || !deck.retired) && (tree === undefined || isUnder(deck.name, tree))).primaryKeys()) as string[]);
		const [rows, dueTomorrow, hasCards, newCardsLeft] = await Promise.all([
			scope === ALL_DECKS
				? db.reviews.where('day').equals(today).toArray()
				: decksOf(false).then((decks) => db.reviews.where('[deck+day]').anyOf(decks.map((deck) => [deck, today])).toArray()),
			scope === ALL_DECKS
				? db.cards.where('[queue+dueDay]').equals([Queue.scheduled, tomorrow]).count()
				: decksOf(false).then((decks) => db.cards.where('[deck+queue+dueDay]').anyOf(decks.map((deck) => [deck, Queue.scheduled, tomorrow])).count()),
			decksOf(false).then((decks) => anyDeck(decks, (deck) => deckHasCards(db, deck))),
			decksOf(true).then((decks) => newCardsAvailable(db, decks, today, NEW_CARDS_LEFT_COUNTED))
		]);
		// The same figures as the statistics page's "Today": state rows (imported scheduling, resets) are not studying.
		const { cards, answers, timeMs, grades } = dayStats(rows, today);
		const newLeft = newCardsLeft > 0;
		const keys = new Set(await siblingKeysAnswered(db, rows));
		const studiedDecks = await decksOf(true);
		const decks = await db.decks.bulkGet(studiedDecks);
		// A deck whose rule lets siblings come the same day has none waiting, whatever they share.
		const holding = (rule: keyof SiblingRules) =>
			decks.flatMap((deck) => (deck !== undefined && (normalizeDeckOptions(deck.options)[rule] ?? global[rule]) !== false ? [deck.id] : []));
		const holdsReviews = new Set(holding('buryReviewSiblings'));
		const mostOverdue = mostOverdueOnce(db, today);
		const [siblingsWaiting, reviewSiblingsWaiting, reviewsLeft] = await Promise.all([
			newLeft && !newSiblingsLetIn && newSiblingsOf(db, holding('buryNewSiblings'), keys, today),
			reviewSiblingsOf([...holdsReviews], keys, today, mostOverdue),
			reviewsLeftIn(db, studiedDecks, (deck) => holdsReviews.has(deck), keys, today, mostOverdue)
		]);
		return { cards, answers, timeMs, grades, dueTomorrow, hasCards, newLeft, newCardsLeft, newStudied: studiedIn(rows).newCards, siblingsWaiting, reviewSiblingsWaiting, reviewsLeft };
	});
}
