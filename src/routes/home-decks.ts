/**
 * What the home page shows: each active deck with what there is to study in it
 * today, and the same for all decks together.
 */
import { countRetiredCards, loadActiveDecks, loadDeckCounts, loadSettings, loadStudiedToday, type RecallDatabase } from '$lib/db';
import { studyDay } from '$lib/srs/day';
import { ALL_DECKS } from '$lib/srs/session';

export interface HomeDeck {
	id: string;
	name: string;
	/** New cards today's limit still lets in. */
	new: number;
	/** Cards due today. */
	due: number;
	/** Cards in the deck now: retired cards are gone from the note, so they are not counted. */
	total: number;
	href: string;
	studyHref: string;
}

export interface HomeList {
	decks: HomeDeck[];
	/** What a session over all decks holds today. */
	all: { new: number; due: number };
	/** The study day the counts are for, and the day start hour that made it. */
	today: number;
	dayStartHour: number;
}

/** The study route's scope for all decks. */
export const STUDY_ALL_HREF = '/study/all';

export function deckHref(deckId: string): string {
	return `/deck/${encodeURIComponent(deckId)}`;
}

export function studyHref(deckId: string): string {
	return `/study/${encodeURIComponent(deckId)}`;
}

export async function loadHomeList(db: RecallDatabase, now: number): Promise<HomeList> {
	// One read transaction, so that the counts are of one moment even while another tab studies.
	return db.transaction('r', db.decks, db.cards, db.reviews, db.settings, async () => {
		const settings = await loadSettings(db);
		const today = studyDay(now, { dayStartHour: settings.dayStartHour });
		const records = await loadActiveDecks(db);
		const [decks, studiedAll] = await Promise.all([
			Promise.all(
				records.map(async (deck): Promise<HomeDeck> => {
					const [counts, retired] = await Promise.all([loadDeckCounts(db, deck.id, today, settings), countRetiredCards(db, deck.id)]);
					return {
						id: deck.id,
						name: deck.name,
						new: counts.new,
						due: counts.due,
						total: counts.total - retired,
						href: deckHref(deck.id),
						studyHref: studyHref(deck.id)
					};
				})
			),
			loadStudiedToday(db, ALL_DECKS, today)
		]);
		const sum = (pick: (deck: HomeDeck) => number) => decks.reduce((total, deck) => total + pick(deck), 0);
		return {
			decks,
			all: {
				// A session over all decks has one daily limit of new cards, not one per deck.
				new: Math.min(sum((deck) => deck.new), Math.max(0, settings.newPerDay - studiedAll.newCards)),
				due: sum((deck) => deck.due)
			},
			today,
			dayStartHour: settings.dayStartHour
		};
	});
}

/** The list was counted for a study day that has ended: it needs counting again. */
export function isOutdated(list: Pick<HomeList, 'today' | 'dayStartHour'>, now: number): boolean {
	return studyDay(now, { dayStartHour: list.dayStartHour }) !== list.today;
}
