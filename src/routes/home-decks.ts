/**
 * What the home page shows: each active deck with what there is to study in it
 * today, and the same for all decks together. Counted from a Dexie-free read
 * of the store (see $lib/db/quick-read), with the built-in decks of this build
 * filling in for what the store does not hold yet.
 */
import { limitsForDeck } from '$lib/srs/deck-options';
import { newOfDeck, readStoreSnapshot, type StoreSnapshot, type StoredDeckCounts } from '$lib/db/quick-read';
import { normalizeSettings, type Settings } from '$lib/db/settings-values';
import { studyDay } from '$lib/srs/day';
import { ALL_DECKS } from '$lib/srs/deck-tree';
import { newLimitHold, type NewLimitHold } from '$lib/srs/queue-limits';
import { homeTree, type CountedDeck, type HomeRow } from './home-tree';

export interface HomeDeck {
	id: string;
	name: string;
	/** New cards today's limit still lets in, raised by a "Study more" of the deck's session today. */
	new: number;
	/** Cards due today that today's review limit still lets in, raised by a "Study more reviews" of the deck's session (learning cards are never held back). */
	due: number;
	/** Cards in the deck now: retired cards are gone from the note, so they are not counted. */
	total: number;
	href: string;
	studyHref: string;
}

export interface HomeList {
	/** Each deck alone, by name. */
	decks: HomeDeck[];
	/** The decks as the page shows them: sub-decks (`Parent::Child`) under their parents, which count them in (home-tree.ts). */
	tree: HomeRow[];
	/**
	 * What a session over all decks holds today; `newHeld` when its own limit of new cards holds back some that
	 * its decks would give (the decks' rows then add up to more new cards than it shows).
	 */
	all: { new: number; due: number; newHeld?: NewLimitHold };
	/** The study day the counts are for, and the day start hour that made it. */
	today: number;
	dayStartHour: number;
	/**
	 * The store holds outdated built-in decks, or lacks some of this build's: they
	 * need applying (which loads Dexie) before the counts are exact. Never set on a
	 * first visit, when there is no store: its counts come from the build.
	 */
	needsSync: boolean;
}

/** A built-in deck of this build, as `virtual:recall/built-in-decks` lists it. */
export interface BuiltInSummary {
	id: string;
	name: string;
	cardCount: number;
	/** New cards a first day can bring, in note order with new siblings held back (the build's count). */
	firstDayNew: number;
	hash: string;
}

/** The study route's scope for all decks. */
export const STUDY_ALL_HREF = '/study/all';

export function deckHref(deckId: string): string {
	return `/deck/${encodeURIComponent(deckId)}`;
}

export function studyHref(deckId: string): string {
	return `/study/${encodeURIComponent(deckId)}`;
}

function byName(a: HomeDeck, b: HomeDeck): number {
	return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The home list from a snapshot of the store (undefined: there is no store yet) and this build's decks. */
export function homeList(snapshot: StoreSnapshot | undefined, builtIn: readonly BuiltInSummary[], now: number): HomeList {
	const settings = snapshot?.settings ?? normalizeSettings(undefined);
	const today = studyDay(now, { dayStartHour: settings.dayStartHour });
	const stored = new Map((snapshot?.decks ?? []).map((deck) => [deck.id, deck]));
	const shipped = new Set(builtIn.map((deck) => deck.id));
	/** Due reviews (not learning) a deck's limit lets into the all-decks session, by deck id: the all-decks count caps their sum. */
	const reviewsIn = new Map<string, number>();
	/** New cards a deck's limit lets into the all-decks session, whose "Study more" raises every deck's limit (db/sessions.ts). */
	const newInAll = new Map<string, number>();
	const extraNew = (scope: string) => snapshot?.extraNew.get(scope) ?? 0;
	const extraReview = (scope: string) => snapshot?.extraReview.get(scope) ?? 0;
	const siblingsLetIn = (scope: string) => snapshot?.siblingsLetIn.has(scope) ?? false;
	const learningIn = new Map<string, number>();
	const counted: CountedDeck[] = [];
	const deck = (id: string, name: string, counts: StoredDeckCounts, options?: unknown): HomeDeck => {
		// A deck's options override the global limits for that deck (deck-options.ts), as in its study session.
		const limits = limitsForDeck(settings, options);
		const learning = counts.learning ?? 0;
		const reviewsUpTo = (extra: number) => Math.max(0, Math.min(counts.due - learning, limits.reviewsPerDay + extra - counts.reviewsStudiedToday));
		const reviews = reviewsUpTo(extraReview(id));
		reviewsIn.set(id, reviewsUpTo(extraReview(ALL_DECKS)));
		learningIn.set(id, learning);
		const newUpTo = (scope: string) => Math.max(0, Math.min(newOfDeck(counts, siblingsLetIn(scope)), limits.newPerDay + extraNew(scope) - counts.newStudiedToday));
		newInAll.set(id, newUpTo(ALL_DECKS));
		const home: HomeDeck = {
			id,
			name,
			new: newUpTo(id),
			due: learning + reviews,
			total: counts.total,
			href: deckHref(id),
			studyHref: studyHref(id)
		};
		counted.push({ deck: home, counts, options });
		return home;
	};

	const decks: HomeDeck[] = [];
	let needsSync = false;
	for (const record of stored.values()) {
		const counts = snapshot?.counts.get(record.id);
		if (record.origin === 'built-in' && !record.retired && !shipped.has(record.id)) needsSync = true;
		if (record.retired || !counts) continue;
		decks.push(deck(record.id, record.name, counts, record.options));
	}
	for (const summary of builtIn) {
		const record = stored.get(summary.id);
		if (record && record.hash === summary.hash && !record.retired) continue;
		needsSync = true;
		// Not stored yet (a first visit): every card of it is new, and those a sibling holds back wait (in note order; the day's random order may differ a little).
		if (!record || record.retired) {
			const fresh = settings.buryNewSiblings ? summary.firstDayNew : summary.cardCount;
			decks.push(deck(summary.id, summary.name, { new: fresh, due: 0, total: summary.cardCount, newStudiedToday: 0, reviewsStudiedToday: 0 }));
		}
	}
	decks.sort(byName);

	const sum = (pick: (deck: HomeDeck) => number) => decks.reduce((total, item) => total + pick(item), 0);
	// A session over all decks keeps within the global limits, and each deck within its own (see db/sessions.ts).
	const newOfDecks = sum((item) => newInAll.get(item.id) ?? 0);
	const newHeld = newLimitHold(settings.newPerDay + extraNew(ALL_DECKS), snapshot?.newStudiedToday ?? 0, newOfDecks);
	const all: HomeList['all'] = {
		new: newHeld?.left ?? newOfDecks,
		due:
			sum((item) => learningIn.get(item.id) ?? 0) +
			Math.min(sum((item) => reviewsIn.get(item.id) ?? 0), Math.max(0, settings.reviewsPerDay + extraReview(ALL_DECKS) - (snapshot?.reviewsStudiedToday ?? 0)))
	};
	if (newHeld) all.newHeld = newHeld;
	return {
		decks,
		tree: homeTree(counted, settings, extraNew, extraReview, siblingsLetIn),
		all,
		today,
		dayStartHour: settings.dayStartHour,
		needsSync: snapshot !== undefined && needsSync
	};
}

const todayAt = (now: number) => (settings: Settings) => studyDay(now, { dayStartHour: settings.dayStartHour });

export async function loadHomeList(builtIn: readonly BuiltInSummary[], now: number, dbName?: string): Promise<HomeList> {
	return homeList(await readStoreSnapshot(todayAt(now), dbName), builtIn, now);
}

/**
 * One stored deck's row of the home list, counted alone (a deck page's "3 new · 12 due"): the other decks' cards
 * are not read. Undefined for a deck the home page does not list (retired, or not stored).
 */
export async function loadHomeDeck(deckId: string, now: number, dbName?: string): Promise<HomeDeck | undefined> {
	return homeList(await readStoreSnapshot(todayAt(now), dbName, [deckId]), [], now).decks.find((row) => row.id === deckId);
}

/** The list was counted for a study day that has ended: it needs counting again. */
export function isOutdated(list: Pick<HomeList, 'today' | 'dayStartHour'>, now: number): boolean {
	return studyDay(now, { dayStartHour: list.dayStartHour }) !== list.today;
}
