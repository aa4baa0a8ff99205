/**
 * What the scheduler and the session queue know about a card: its SM-2 state
 * and where it stands today. Pure data, shared by the storage layer (which
 * keeps it on each stored card) and the session queue.
 */
import type { Sm2State } from './sm2';

export interface CardSchedule {
	id: string;
	deck: string;
	state: Sm2State;
	/** The study day the card is next due; undefined while it is new (never answered). */
	dueDay?: number;
	/** Position among its deck's new cards: note order. */
	order: number;
	suspended: boolean;
	/** Buried: out of every queue until this study day. */
	buriedUntil?: number;
	/** Gone from its note: kept with its history, out of every queue. */
	retired: boolean;
	/** Keys it shares with its siblings (siblings.ts); absent: it has none. */
	siblingKeys?: readonly string[];
}

/** A card that failed or awaits a same-day repeat comes back today. */
export function needsRepeatToday(state: Sm2State): boolean {
	return state.interval === 0 || state.extraReview;
}

/** Can be studied on `today` at all (new or due), leaving aside daily limits. */
export function isAvailable(card: CardSchedule, today: number): boolean {
	if (card.suspended || card.retired) return false;
	return card.buriedUntil === undefined || card.buriedUntil <= today;
}

/** Code-unit order rather than localeCompare: the same on every device and locale. */
export function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** New cards' order: the note's. */
export function byNoteOrder(a: Pick<CardSchedule, 'id' | 'order'>, b: Pick<CardSchedule, 'id' | 'order'>): number {
	return a.order - b.order || compareIds(a.id, b.id);
}

/** Due cards' order: most overdue first, then the note's (the store's due index orders a day's cards by id instead). */
export function byDueDay(a: Pick<CardSchedule, 'id' | 'order' | 'dueDay'>, b: Pick<CardSchedule, 'id' | 'order' | 'dueDay'>): number {
	return (a.dueDay ?? 0) - (b.dueDay ?? 0) || byNoteOrder(a, b);
}
