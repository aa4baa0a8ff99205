/**
 * The store as an ImportBundle, for the exporters: everything (a full backup)
 * or one deck, with or without its progress. Read in one transaction, so a
 * backup never catches an answer half written.
 */
import { emptyBundle, type CardMeta, type CardProgress, type ImportBundle, type MediaFile, type StoreMeta } from '../io/bundle';
import type { Deck } from '../notes/deck-format';
import { exportedMediaNames, mediaNameCandidates } from '../io/card-images';
import { cardContent, statusClock, statusOf } from './card-state';
import { groupBy } from '../io/group-by';
import { cardsInDeck, rowsOfCards } from './lookups';
import { mediaBytes } from './media';
import { Queue, type CardRecord, type DeckRecord, type MediaRecord, type RecallDatabase } from './schema';
import { SETTINGS_KEY } from './constants';
import { sayMerge } from '../io/notices/merge';

/** Settings keys of facts about this device (persistent storage, ...): never exported. */
const DEVICE_FACT = /^fact:/;

function progressOf(card: CardRecord): CardProgress {
	const status = statusOf(card);
	const progress: CardProgress = { suspended: status.suspended, updatedAt: statusClock(card) };
	if (status.buriedUntil !== undefined) progress.buriedUntil = status.buriedUntil;
	if (status.retired) progress.retired = true;
	if (card.deletedAt !== undefined) progress.deleted = true;
	if (card.deletedAt !== undefined && card.retiredWhenDeleted) progress.retiredWhenDeleted = true;
	return progress;
}

const byOrder = (a: CardRecord, b: CardRecord) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function deckOf(record: DeckRecord, cards: readonly CardRecord[]): Deck {
	const deck: Deck = { id: record.id, name: record.name, tags: record.tags, cards: cards.map(cardContent) };
	if (record.source !== undefined) deck.source = record.source;
	return deck;
}

function cardMeta(store: StoreMeta, cards: readonly CardRecord[]): void {
	for (const card of cards) {
		const meta: CardMeta = { order: card.order, createdAt: card.createdAt, updatedAt: card.updatedAt };
		if (card.contentAt !== undefined) meta.contentAt = card.contentAt;
		store.cards[card.id] = meta;
	}
}

async function mediaFiles(records: readonly (MediaRecord | undefined)[], store?: StoreMeta): Promise<MediaFile[]> {
	const files: MediaFile[] = [];
	for (const record of records) {
		if (!record) continue;
		files.push({ name: record.name, type: record.type, bytes: await mediaBytes(record) });
		if (store) (store.media ??= {})[record.name] = { addedAt: record.addedAt };
	}
	return files;
}

function isoDate(time: number): string {
	return new Date(time).toISOString().slice(0, 10);
}

/** Everything: decks (retired ones too), every card with its progress, the whole review log, media and settings. */
export async function exportBackup(db: RecallDatabase, now = Date.now()): Promise<ImportBundle> {
	const [decks, cards, reviews, media, settings] = await db.transaction('r', [db.decks, db.cards, db.reviews, db.media, db.settings], () =>
		Promise.all([db.decks.toArray(), db.cards.toArray(), db.reviews.toArray(), db.media.toArray(), db.settings.toArray()])
	);
	const store: StoreMeta = { decks: {}, cards: {} };
	const cardsByDeck = groupBy(cards, (card) => card.deck);
	const bundle: ImportBundle = { ...emptyBundle('backup', `recall-backup-${isoDate(now)}.json`), reviews, store, settings: {} };
	for (const deck of decks) {
		const deckCards = (cardsByDeck.get(deck.id) ?? []).sort(byOrder);
		cardsByDeck.delete(deck.id);
		bundle.decks.push(deckOf(deck, deckCards));
		store.decks[deck.id] = {
			origin: deck.origin,
			retired: deck.retired,
			createdAt: deck.createdAt,
			updatedAt: deck.updatedAt,
			...(deck.deletedAt === undefined ? {} : { deletedAt: deck.deletedAt }),
			...(deck.nameAt === undefined ? {} : { nameAt: deck.nameAt }),
			...(deck.hash === undefined ? {} : { hash: deck.hash }),
			...(deck.options === undefined ? {} : { options: deck.options })
		};
		cardMeta(store, deckCards);
		for (const card of deckCards) bundle.progress[card.id] = progressOf(card);
	}
	if (cardsByDeck.size > 0) bundle.warnings.push(sayMerge('merge-export-cards-without-deck', { count: [...cardsByDeck.values()].flat().length }));
	bundle.media = await mediaFiles(media, store);
	for (const { key, value, changedAt } of settings) {
		if (DEVICE_FACT.test(key)) continue;
		bundle.settings![key] = value;
		if (key === SETTINGS_KEY && changedAt !== undefined) bundle.settingsAt = changedAt;
	}
	return bundle;
}

/** A deck's cards as its export holds them, in the deck's order: the retired ones only with progress. */
async function exportedCards(db: RecallDatabase, deckId: string, withProgress: boolean): Promise<CardRecord[]> {
	const all = (await cardsInDeck(db, deckId).toArray()).sort(byOrder);
	return withProgress ? all : all.filter((card) => card.queue !== Queue.retired);
}

/**
 * The names of the media files a deck's export without progress carries, in its order (exportDeck), without reading
 * their bytes: the files a table for Anki of the deck names its sounds after (delimited.ts), as its reader needs to
 * know them again (table-rows.ts).
 */
export async function deckMediaNames(db: RecallDatabase, deckId: string): Promise<string[]> {
	const cards = await exportedCards(db, deckId, false);
	const candidates = [...mediaNameCandidates(cards)];
	const stored = candidates.length === 0 ? [] : await db.media.where(':id').anyOf(candidates).primaryKeys();
	return exportedMediaNames(cards, new Set(stored as string[]));
}

/**
 * One deck (a RangeError for an unknown one). Without progress: its
 * cards as the note has them (retired ones left out) and their media, to
 * share. With progress: every card, retired ones too, with progress and
 * review log, to carry to another device.
 */
export async function exportDeck(db: RecallDatabase, deckId: string, options: { withProgress: boolean }): Promise<ImportBundle> {
	const read = await db.transaction('r', [db.decks, db.cards, db.reviews, db.media], async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) return undefined;
		const cards = await exportedCards(db, deckId, options.withProgress);
		const [reviews, candidates] = await Promise.all([
			options.withProgress && cards.length > 0 ? rowsOfCards(db, cards.map((card) => card.id)).toArray() : [],
			db.media.bulkGet([...mediaNameCandidates(cards)])
		]);
		// The files the cards show and play, as the warnings of missingImages read them: one per image or sound, though it may have several spellings.
		const found = new Map(candidates.filter((record) => record !== undefined).map((record) => [record.name, record]));
		return { deck, cards, reviews, media: exportedMediaNames(cards, new Set(found.keys())).map((name) => found.get(name)) };
	});
	if (!read) throw new RangeError(`exportDeck: no deck ${deckId}`);
	const bundle: ImportBundle = { ...emptyBundle('deck', `${read.deck.name}.json`), decks: [deckOf(read.deck, read.cards)], media: await mediaFiles(read.media) };
	if (options.withProgress) {
		bundle.reviews = read.reviews.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		// The deck's own options go with its progress: a device new to the deck takes them, and an Anki package makes them its options group.
		bundle.store = { decks: read.deck.options === undefined ? {} : { [read.deck.id]: { options: read.deck.options } }, cards: {} };
		cardMeta(bundle.store, read.cards);
		for (const card of read.cards) bundle.progress[card.id] = progressOf(card);
	}
	return bundle;
}
