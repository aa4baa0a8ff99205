/**
 * Putting decks of cards into the store: the built-in decks of each build, and
 * later imported ones. Cards are upserted by id and keep their progress; a card
 * whose id vanished hands its history to the new card `matchCards` pairs it
 * with; the rest of the vanished cards are retired. Review rows are never deleted.
 */
import { emptyBundle } from '../io/bundle';
import { stampAfter } from './change-stamp';
import type { Deck } from '../notes/deck-format';
import { mergeBundle, type DeckChanges } from './imports';
import { cardsInDeck } from './lookups';
import { Queue, type DeckOrigin, type RecallDatabase } from './schema';

export interface DeckUpdate {
	deck: Deck;
	/** The deck's content hash: a deck whose stored hash matches is left alone. */
	hash: string;
}

export interface DeckSyncResult extends DeckChanges {
	deck: string;
}

/**
 * Puts one deck into the store, in one transaction: the merge of a bundle of
 * that deck alone, replacing the stored deck (cards gone from it are moved to
 * their reworded successors or retired; see imports.ts).
 */
export async function applyDeck(db: RecallDatabase, update: DeckUpdate, origin: DeckOrigin, now = Date.now(), leaving: readonly string[] = []): Promise<DeckSyncResult> {
	const { deck, hash } = update;
	const bundle = { ...emptyBundle('markdown', deck.source ?? deck.name), decks: [deck] };
	const summary = await mergeBundle(db, bundle, { replaceDecks: true, origin, force: true, hash, leaving }, now);
	const { id, name: _name, isNew: _isNew, ...changes } = summary.decks[0]!;
	return { deck: id, ...changes };
}

/** Retires a whole deck that is gone from the build: its cards leave every queue, their history stays. */
export async function retireDeck(db: RecallDatabase, deckId: string, now = Date.now()): Promise<number> {
	return db.transaction('rw', db.decks, db.cards, async () => {
		await db.decks.update(deckId, { retired: true, updatedAt: now });
		return cardsInDeck(db, deckId)
			.and((card) => card.queue !== Queue.retired)
			.modify((card) => {
				if (card.queue === Queue.suspended) card.retiredSuspended = true;
				card.queue = Queue.retired;
				card.statusAt = stampAfter(card.statusAt, now);
				card.updatedAt = now;
			});
	});
}

export interface BuiltInDeckSource {
	id: string;
	hash: string;
	load: () => Promise<Deck | undefined>;
}

/**
 * Brings the store up to date with the decks of this build: only decks whose
 * hash changed are loaded and applied; built-in decks no longer shipped are retired.
 */
export async function syncBuiltInDecks(db: RecallDatabase, sources: readonly BuiltInDeckSource[], now = Date.now()): Promise<DeckSyncResult[]> {
	const stored = await db.decks.where('id').anyOf(sources.map((source) => source.id)).toArray();
	const storedHash = new Map(stored.map((deck) => [deck.id, deck]));
	const shipped = new Set(sources.map((source) => source.id));
	const unshipped = async () => (await db.decks.filter((deck) => deck.origin === 'built-in' && !deck.retired && !shipped.has(deck.id)).primaryKeys()) as string[];
	// Built-in decks this build no longer ships: a deck it ships new may be one of them renamed (its note's file or
	// title), and takes its cards. Read only when some deck changed: a boot with nothing new reads no more than before.
	let leaving: string[] | undefined;
	const results: DeckSyncResult[] = [];
	for (const source of sources) {
		const current = storedHash.get(source.id);
		if (current && current.hash === source.hash && !current.retired) continue;
		const deck = await source.load();
		if (!deck) continue;
		leaving ??= await unshipped();
		results.push(await applyDeck(db, { deck, hash: source.hash }, 'built-in', now, leaving));
	}
	// Those not renamed into a shipped deck are retired.
	for (const id of await unshipped()) await retireDeck(db, id, now);
	return results;
}
