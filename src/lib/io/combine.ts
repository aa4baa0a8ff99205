/**
 * Several Anki packages chosen together, as one bundle: one preview, one transaction. The result does not
 * depend on the order the files were chosen in, and is what importing them one by one would leave, in any
 * order:
 * - a deck of the same id (two packages' "Default", say) is one deck with the cards of both, named as in the
 *   file that changed its cards last;
 * - a card in two files has the content Anki changed later (`contentAt`: its note's or its own `mod`, by
 *   which the merge keeps the newer content; one Recall exported and nobody edited brings none), with its
 *   deck and whether it was edited since Recall exported it, and the status Anki changed later (the card's
 *   `mod`, the clock of its progress); a tie goes to the version first in canonical JSON. Its `source` is
 *   the file its content comes from: the oldest file's while the later ones bring the same content (the
 *   merge keeps a stored card's own), else the later version's (a package that changes a card names it);
 * - review rows are a union by id, as the merge's, and the card's schedule is the fold of them all: each
 *   file's state row (Anki's schedule then) is a row of its own, and the later one wins the fold;
 * - a media file of the same name is the same file (the reader names them by their bytes).
 * The files are taken oldest first (by the latest change among their cards), so the decks and cards come in
 * that order; each file's warnings are said after its name, in the order chosen.
 */
import type { Card, Deck } from '../notes/deck-format';
import type { ReviewRow } from '../srs/history';
import type { CardProgress, ImportBundle } from './bundle';
import { canonicalJson } from './canonical';
import { sameValue } from './same-value';
import { say } from './notices';

/** One file's version of a card's content. */
interface CardVersion {
	card: Card;
	/** Whether it was edited since Recall exported it (absent: Recall did not): one that was not brings no content. */
	edited: boolean | undefined;
	/** When Anki last changed it (bundle.contentAt, else its progress clock). */
	at: number;
}

/** What two versions of a card are compared by: all but its source (the file's name and line), which the oldest file gives. */
const comparable = (version: CardVersion) => ({ ...version, card: { ...version.card, source: undefined } });

/**
 * Of two values alike but for their order, the one first in canonical JSON: the same one whichever came first.
 * Most are the same (two copies of one collection share most cards and rows), and are not written out.
 */
function firstOf<T>(a: T, b: T, key: (value: T) => unknown = (value) => value): T {
	const [left, right] = [key(a), key(b)];
	return sameValue(left, right) || canonicalJson(left) <= canonicalJson(right) ? a : b;
}

/**
 * The version whose content the merge would keep: one that brings content before one Recall exported and
 * nobody edited since (the merge takes no content from that), then the one Anki changed later; a tie to the
 * first in canonical JSON, whichever file was read first.
 */
function laterVersion(a: CardVersion, b: CardVersion): CardVersion {
	if ((a.edited === false) !== (b.edited === false)) return a.edited === false ? b : a;
	if (a.at !== b.at) return a.at > b.at ? a : b;
	return firstOf(a, b, comparable);
}

/** The progress Anki changed later (its clock is the card's `mod`, by which the merge keeps the later status); a tie to the first in canonical JSON. */
function laterProgress(a: CardProgress, b: CardProgress): CardProgress {
	return a.updatedAt !== b.updatedAt ? (a.updatedAt > b.updatedAt ? a : b) : firstOf(a, b);
}

/** The latest change among a deck's cards in its file. */
function deckClock(bundle: ImportBundle, deck: Deck): number {
	return deck.cards.reduce((latest, card) => Math.max(latest, bundle.progress[card.id]?.updatedAt ?? 0), 0);
}

/** The files oldest first, by the latest change among their cards; a tie by name, then by content. */
function oldestFirst(bundles: readonly ImportBundle[]): ImportBundle[] {
	const clocks = new Map(bundles.map((bundle) => [bundle, bundle.decks.reduce((latest, deck) => Math.max(latest, deckClock(bundle, deck)), 0)]));
	const byContent = (a: ImportBundle, b: ImportBundle) => {
		const [left, right] = [canonicalJson(a.decks), canonicalJson(b.decks)];
		return left < right ? -1 : left > right ? 1 : 0;
	};
	return [...bundles].sort((a, b) => (clocks.get(a) as number) - (clocks.get(b) as number) || (a.name < b.name ? -1 : a.name > b.name ? 1 : byContent(a, b)));
}

export function combineBundles(chosen: readonly ImportBundle[]): ImportBundle {
	const [first] = chosen;
	if (first === undefined) throw new Error('No bundle to combine.');
	if (chosen.length === 1) return first;
	for (const bundle of chosen) if (bundle.source !== first.source) throw new Error(`Bundles of ${first.source} and ${bundle.source} cannot be combined.`);
	const bundles = oldestFirst(chosen);
	const decks = new Map<string, { deck: Omit<Deck, 'cards'>; clock: number }>();
	const versions = new Map<string, CardVersion>();
	const progress = new Map<string, CardProgress>();
	const rows = new Map<string, ReviewRow>();
	const media = new Map<string, ImportBundle['media'][number]>();
	const combined: ImportBundle = { ...first, name: chosen.map((bundle) => bundle.name).join(', '), decks: [], progress: {}, reviews: [], media: [], warnings: [] };
	for (const bundle of bundles) {
		for (const { cards, ...deck } of bundle.decks) {
			const clock = deckClock(bundle, { ...deck, cards });
			const known = decks.get(deck.id);
			if (!known || clock >= known.clock) decks.set(deck.id, { deck, clock });
			for (const card of cards) {
				const cardProgress = bundle.progress[card.id];
				const known = cardProgress && progress.get(card.id);
				if (cardProgress) progress.set(card.id, known ? laterProgress(known, cardProgress) : cardProgress);
				const version: CardVersion = { card, edited: bundle.editedSinceExport?.[card.id], at: bundle.contentAt?.[card.id] ?? cardProgress?.updatedAt ?? 0 };
				const other = versions.get(card.id);
				if (!other) {
					versions.set(card.id, version);
					continue;
				}
				const later = laterVersion(other, version);
				// Its source is the file its content comes from: the first one's while the content is the same, as a stored card's.
				const sameContent = sameValue({ ...later.card, source: other.card.source }, other.card);
				versions.set(card.id, sameContent ? { ...later, card: { ...later.card, source: other.card.source } } : later);
			}
		}
		for (const row of bundle.reviews) {
			const other = rows.get(row.id);
			// Rows of one id are one answer, alike but for what each file knew before it.
			rows.set(row.id, other ? firstOf(other, row) : row);
		}
		for (const file of bundle.media) media.set(file.name, file);
	}
	for (const bundle of chosen) combined.warnings.push(...bundle.warnings.map((warning) => say('file-warning', { name: bundle.name, warning })));
	const byDeck = new Map<string, Card[]>([...decks.keys()].map((id) => [id, []]));
	const edited: Record<string, boolean> = {};
	const contentAt: Record<string, number> = {};
	// A card's making time is the earliest any file gives.
	const createdAt: Record<string, number> = {};
	for (const bundle of bundles) for (const [id, at] of Object.entries(bundle.createdAt ?? {})) createdAt[id] = Math.min(at, createdAt[id] ?? at);
	for (const { card, edited: isEdited, at } of versions.values()) {
		byDeck.get(card.deck)?.push(card);
		const cardProgress = progress.get(card.id);
		if (cardProgress) combined.progress[card.id] = cardProgress;
		if (isEdited !== undefined) edited[card.id] = isEdited;
		contentAt[card.id] = at;
	}
	if (bundles.some((bundle) => bundle.contentAt)) combined.contentAt = contentAt;
	else delete combined.contentAt;
	if (bundles.some((bundle) => bundle.createdAt)) combined.createdAt = createdAt;
	else delete combined.createdAt;
	combined.decks = [...decks.values()].map(({ deck }) => ({ ...deck, cards: byDeck.get(deck.id) ?? [] }));
	combined.reviews = [...rows.values()];
	combined.media = [...media.values()];
	if (Object.keys(edited).length > 0) combined.editedSinceExport = edited;
	else delete combined.editedSinceExport;
	return combined;
}
