/**
 * Siblings: cards that show each other's answers (a list's card and the cards
 * of its items, the clozes of one sentence, the cards of one Anki note). As
 * Anki's "bury new siblings" does, a study day introduces at most one new card
 * of each such set, and none whose sibling was studied earlier that day or is
 * in the day's queue ahead of it: the others wait for a later day, rather than
 * being asked right after their answer was shown. Due reviews wait the same
 * way (Anki's "bury review siblings"): a review whose sibling was answered
 * earlier that day, or is a learning card or a review queued ahead of it, stays
 * due and comes the next day. Learning cards never wait.
 *
 * Cards are siblings when they share a key (the deck format's `siblingKeys`).
 * A cloze card written in the app is a sibling of the other cards of its text.
 */

/** What a card says of its siblings, as the store and the deck format keep it. */
export interface SiblingFields {
	siblingKeys?: readonly string[];
	clozeSource?: { id: string };
}

const NONE: readonly string[] = Object.freeze([]);

/** The keys `card` shares with its siblings; none for a card without any. */
export function siblingKeysOf(card: SiblingFields): readonly string[] {
	const own = card.siblingKeys ?? NONE;
	return card.clozeSource === undefined ? own : [...own, `cloze:${card.clozeSource.id}`];
}

/**
 * The keys of the cards a day has shown or queued so far: `admits` tells
 * whether a new card may come in after them, and takes its keys when it does.
 */
export class SiblingHold {
	readonly #taken = new Set<string>();

	constructor(keys: Iterable<string> = []) {
		for (const key of keys) this.#taken.add(key);
	}

	/** Marks a card's keys as taken: a card queued that is not new (a review or a learning card), or one studied today. */
	take(keys: readonly string[] | undefined): void {
		for (const key of keys ?? NONE) this.#taken.add(key);
	}

	/** Whether a new card or a review with `keys` may be queued: it shares none with a card taken. If so, its keys are taken. */
	admits(keys: readonly string[] | undefined): boolean {
		if (keys === undefined || keys.length === 0) return true;
		if (keys.some((key) => this.#taken.has(key))) return false;
		this.take(keys);
		return true;
	}
}
