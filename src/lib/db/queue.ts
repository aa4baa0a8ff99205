/**
 * Reading what a study session needs: the cards due and the new cards in order,
 * by index ranges (never a scan of every card), and what was studied today.
 */
import { Dexie } from 'dexie';
import type { CardSchedule } from '../srs/card-schedule';
import { isAvailable } from '../srs/card-schedule';
import { ALL_DECKS, type QueueLimits, type StudiedToday } from '../srs/session';
import { Queue, type CardRecord, type RecallDatabase } from './schema';

export function toSchedule(card: CardRecord): CardSchedule {
	const schedule: CardSchedule = {
		id: card.id,
		deck: card.deck,
		state: card.state,
		order: card.order,
		suspended: card.queue === Queue.suspended,
		retired: card.queue === Queue.retired
	};
	if (card.dueDay !== undefined) schedule.dueDay = card.dueDay;
	if (card.buriedUntil !== undefined) schedule.buriedUntil = card.buriedUntil;
	return schedule;
}

async function activeDeckIds(db: RecallDatabase, scope: string): Promise<string[]> {
	if (scope !== ALL_DECKS) return [scope];
	return (await db.decks.filter((deck) => !deck.retired).primaryKeys()) as string[];
}

/** Cards read beyond the review limit: same-day repeats and a margin for cards the queue leaves out. */
export const DUE_MARGIN = 50;

/**
 * The cards a session may hold: scheduled cards due on or before `today`,
 * most overdue first and no more than the review limit needs (the index is in
 * due order, so a backlog of thousands is never read whole), every card due
 * today (today's same-day repeats), and up to `newLimit` new cards per deck.
 */
export async function loadStudyCandidates(db: RecallDatabase, scope: string, today: number, limits: { newCards: number; reviews: number }): Promise<CardRecord[]> {
	return db.transaction('r', db.decks, db.cards, async () => {
		const decks = await activeDeckIds(db, scope);
		const dueRange = (from: number | typeof Dexie.minKey, to: number) =>
			scope === ALL_DECKS
				? db.cards.where('[queue+dueDay]').between([Queue.scheduled, from], [Queue.scheduled, to], true, true)
				: db.cards.where('[deck+queue+dueDay]').between([scope, Queue.scheduled, from], [scope, Queue.scheduled, to], true, true);
		const [overdue, dueToday] = await Promise.all([
			dueRange(Dexie.minKey, today).limit(Math.max(0, limits.reviews) + DUE_MARGIN).toArray(),
			dueRange(today, today).toArray()
		]);
		const due = new Map([...overdue, ...dueToday].map((card) => [card.id, card]));
		const fresh: CardRecord[] = [];
		if (limits.newCards > 0) {
			for (const deck of decks) {
				const cards = await db.cards
					.where('[deck+queue+order]')
					.between([deck, Queue.new, Dexie.minKey], [deck, Queue.new, Dexie.maxKey])
					.filter((card) => isAvailable(toSchedule(card), today))
					.limit(limits.newCards)
					.toArray();
				fresh.push(...cards);
			}
		}
		return [...due.values(), ...fresh];
	});
}

/** New cards introduced and review cards answered on `today`, for the daily limits (state rows, of kind 'set', are no answers). */
export async function loadStudiedToday(db: RecallDatabase, scope: string, today: number): Promise<StudiedToday> {
	const rows =
		scope === ALL_DECKS ? await db.reviews.where('day').equals(today).toArray() : await db.reviews.where('[deck+day]').equals([scope, today]).toArray();
	const newCards = new Set(rows.filter((row) => row.kind === 'new').map((row) => row.card));
	const reviewed = new Set(rows.filter((row) => row.kind === 'review').map((row) => row.card));
	return { newCards: newCards.size, reviews: reviewed.size };
}
