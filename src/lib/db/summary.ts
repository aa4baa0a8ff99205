/** What a study day came to, for the end of a session: read from the review log and the due index. */
import { Dexie } from 'dexie';
import { ALL_DECKS } from '../srs/session';
import type { Grade } from '../srs/sm2';
import { dayStats } from '../stats/today';
import { Queue, type RecallDatabase } from './schema';

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
}

/** A card of the deck in the suspended, new or scheduled queue: one read of `[deck+queue+order]`. */
async function deckHasCards(db: RecallDatabase, deckId: string): Promise<boolean> {
	const card = await db.cards
		.where('[deck+queue+order]')
		.between([deckId, Queue.suspended, Dexie.minKey], [deckId, Queue.scheduled, Dexie.maxKey], true, true)
		.first();
	return card !== undefined;
}

async function scopeHasCards(db: RecallDatabase, scope: string): Promise<boolean> {
	if (scope !== ALL_DECKS) return deckHasCards(db, scope);
	const decks = await db.decks.toCollection().primaryKeys();
	return (await Promise.all(decks.map((deck) => deckHasCards(db, deck)))).includes(true);
}

/** Today's studying in `scope` (a deck id or ALL_DECKS), by index reads only. */
export async function loadDaySummary(db: RecallDatabase, scope: string, today: number): Promise<DaySummary> {
	return db.transaction('r', db.cards, db.reviews, db.decks, async () => {
		const tomorrow = today + 1;
		const [rows, dueTomorrow, hasCards] = await Promise.all([
			scope === ALL_DECKS ? db.reviews.where('day').equals(today).toArray() : db.reviews.where('[deck+day]').equals([scope, today]).toArray(),
			scope === ALL_DECKS
				? db.cards.where('[queue+dueDay]').equals([Queue.scheduled, tomorrow]).count()
				: db.cards.where('[deck+queue+dueDay]').equals([scope, Queue.scheduled, tomorrow]).count(),
			scopeHasCards(db, scope)
		]);
		// The same figures as the statistics page's "Today": state rows (imported scheduling, resets) are not studying.
		const { cards, answers, timeMs, grades } = dayStats(rows, today);
		return { cards, answers, timeMs, grades, dueTomorrow, hasCards };
	});
}
