/**
 * Which stored card a CSV or TSV row is, besides the card of its id. A row's
 * id is made of its deck and the text of its front (`csvCardId`), so a row
 * finds a card that a table made; but a deck's other cards have other ids: a
 * note's (`md:`), one's own (`manual:`), an Anki package's. Their deck's own
 * CSV export, imported back, would add each of them again as a copy beside
 * it. Anki's CSV import matches a row to the note whose first field it has
 * ("update existing notes when first field matches", its default); so does
 * this, within the row's deck, comparing fronts as the table reader reads the
 * stored card's row (`tableSideKey`).
 *
 * Decided in the merge, not the reader, for the reason package-rows.ts gives:
 * only the merge sees the stored cards.
 */
import type { ImportBundle } from '../io/bundle';
import type { Card } from '../notes/deck-format';
import { csvCardIdIn } from '../io/delimited';
import { renderedTableReading, spreadsheetReading, tableReading, tableSideKey, type TableContent } from '../io/table-card';
import { cardSideExportHtml } from '../render/markdown';
import { OWN_IMAGE_NAMES, packageMediaNames, tableMediaNaming } from '../io/anki/note-fields';
import { cardImageReferences, cardSoundReferences, namesMediaFile } from '../io/card-images';
import { deckMediaNames } from './exports';
import { groupBy } from '../io/group-by';
import { Queue, type CardRecord, type DeckRecord, type RecallDatabase } from './schema';
import { sameValue } from '../io/same-value';

/** What a table's row says of a card: its deck, sides and tags (see tableReading). */
export function rowContent(card: Card): TableContent {
	return { deck: card.deck, front: card.front, back: card.back, format: card.format, tags: card.tags };
}

/**
 * The names each deck's Anki package gives its media files (packageMediaNames of deckMediaNames), by deck id: a
 * table for Anki names the deck's images and sounds by them (`map-2.png` beside `Map.png`, `word-2.mp3` beside
 * `word.mp3`), so its reader must too.
 */
export type TableMediaNames = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * How a stored card's own row may read: as Recall's table for Anki writes it now
 * (rendered as the export worker renders it, its images and sounds named as its
 * deck's package names their files), as its table for spreadsheets
 * writes it (the rendered text a person reads), or as its text, as tables were
 * written before; a card that shows images or plays sounds, also as that table
 * wrote it before it named each file as an Anki package does (two names alike
 * but for case were one: `Map.png` and `map.png`, `word.mp3` twice), and a card
 * that plays sounds, before it named them as an Anki package names their files.
 */
function readings(card: CardRecord, mediaNames?: TableMediaNames): TableContent[] {
	// Asked of one stored card up to three times in an import (pairing rows, its content, the preview's count): rendered once each way.
	const read = [...READ_FIELDS.map((field) => card[field]), mediaNames];
	const known = readingsOf.get(card);
	if (known && known.read.every((value, index) => value === read[index])) return known.readings;
	const readings = [renderedTableReading(card, cardSideExportHtml), spreadsheetReading(card, cardSideExportHtml), tableReading(card)];
	const packageNames = mediaNames?.get(card.deck);
	const playsSounds = cardSoundReferences(card).length > 0;
	if (packageNames && (playsSounds || cardImageReferences(card).length > 0)) readings.push(renderedTableReading(card, cardSideExportHtml, tableMediaNaming(packageNames)));
	if (playsSounds) {
		readings.push(renderedTableReading(card, cardSideExportHtml, OWN_IMAGE_NAMES));
		if (packageNames) readings.push(renderedTableReading(card, cardSideExportHtml, tableMediaNaming(packageNames, 'own')));
	}
	readingsOf.set(card, { read, readings });
	return readings;
}

/** What a card's readings are made of: compared by reference, a card changed since is read again. */
const READ_FIELDS = ['id', 'deck', 'kind', 'front', 'back', 'format', 'tags', 'images', 'path', 'source', 'clozeSource'] as const;
const readingsOf = new WeakMap<CardRecord, { read: unknown[]; readings: TableContent[] }>();

/** Whether a table's row says anything of the stored card it is that the card's own row would not. */
export function rowDiffers(card: Card, previous: CardRecord, mediaNames?: TableMediaNames): boolean {
	const row = rowContent(card);
	return !readings(previous, mediaNames).some((reading) => sameValue(reading, row));
}

/**
 * The names the Anki packages of a table's decks give their media files (TableMediaNames): of decks with media
 * only, and none where no row shows or plays a file (no row can then be a card as named by its package).
 */
export async function tableMediaNames(db: RecallDatabase, table: ImportBundle): Promise<TableMediaNames> {
	const names = new Map<string, ReadonlyMap<string, string>>();
	if (!table.decks.some((deck) => deck.cards.some(namesMediaFile))) return names;
	for (const deck of new Set(table.decks.map((deck) => deck.id))) {
		const files = await deckMediaNames(db, deck);
		if (files.length > 0) names.set(deck, packageMediaNames(files));
	}
	return names;
}

/**
 * The stored cards that rows are, by row id.
 *
 * - `rows`: rows of decks the store has, whose ids it does not have, in file order;
 * - `deckCards`: every card of those decks;
 * - `taken`: whether a row of the file is that card by its id;
 * - `mediaNames`: the names the decks' Anki packages give their files, as a table for Anki names their images and sounds.
 *
 * A row is a live card (neither retired nor deleted, and not taken) of its
 * deck with its front, one card to one row: a retired or deleted card is never
 * brought back this way. A card's front and back are compared as its own row
 * reads, either way it may be written (`readings`). Rows with a front are the
 * cards with that front and their back, in the deck's order: a deck that asks
 * the same thing twice (a word under two headings) gets its two rows back as its
 * two cards. Where one card has the front, it is also the first row with that
 * front whose back no card has (which then changes its back, as Anki's update
 * does). Where several have it, a row that none of them answers so stays a card
 * of its own, as before rows were matched by their front, and counts as
 * `ambiguous`.
 */
export function cardsOfRows(rows: readonly Card[], deckCards: readonly CardRecord[], taken: (id: string) => boolean, mediaNames?: TableMediaNames): { cards: Map<string, CardRecord>; ambiguous: number } {
	const frontKey = (deck: string, content: TableContent) => `${deck}\u001f${tableSideKey(content, 'front')}`;
	const cardsByFront = new Map<string, { card: CardRecord; backs: Set<string> }[]>();
	const live = deckCards.filter((card) => card.queue !== Queue.retired && card.deletedAt === undefined && !taken(card.id));
	for (const card of [...live].sort((a, b) => a.order - b.order)) {
		const all = readings(card, mediaNames);
		const entry = { card, backs: new Set(all.map((reading) => tableSideKey(reading, 'back'))) };
		for (const key of new Set(all.map((reading) => frontKey(card.deck, reading)))) {
			const list = cardsByFront.get(key);
			if (list) list.push(entry);
			else cardsByFront.set(key, [entry]);
		}
	}
	const cards = new Map<string, CardRecord>();
	const paired = new Set<string>();
	let ambiguous = 0;
	for (const [front, group] of groupBy(rows, (row) => frontKey(row.deck, row))) {
		const candidates = cardsByFront.get(front) ?? [];
		const unpaired: Card[] = [];
		for (const row of group) {
			const back = tableSideKey(row, 'back');
			const same = candidates.find((candidate) => !paired.has(candidate.card.id) && candidate.backs.has(back));
			if (same) {
				paired.add(same.card.id);
				cards.set(row.id, same.card);
			} else {
				unpaired.push(row);
			}
		}
		const [only] = candidates;
		if (candidates.length === 1 && only) {
			if (!paired.has(only.card.id) && unpaired[0]) {
				paired.add(only.card.id);
				cards.set(unpaired[0].id, only.card);
			}
		} else if (candidates.length > 0) {
			ambiguous += unpaired.length;
		}
	}
	return { cards, ambiguous };
}

/**
 * A table's decks as the store's decks of their names. A table names its deck
 * (Anki's `#deck:`, a deck column, or the name typed in the preview), and its
 * reader can only make an id of that name (`deckIdFor`); but a deck's id is
 * what it was first called, by whoever made it: an Anki package's deck is
 * `anki-` and its slug, and a renamed deck keeps the id of its first name. So
 * their own CSV export, imported back, would make a second deck of copies.
 * Anki's import finds the deck by its name; so does this: a deck of the table
 * whose id the store does not have is the stored deck of its name (the case
 * aside, as Anki compares names), a live one before one the learner deleted,
 * never a retired one (a deck gone from the build, a note's deck retitled).
 * A table that Recall exported names the deck it came from (`exportedFrom`):
 * that deck comes first, so a deck renamed since the export is still found.
 * The rows then take their ids from that deck's (`csvCardIdIn`), as a row of a
 * deck of that name would, so a row is the same card under whatever name the
 * deck is imported, one the learner deleted included; and they find that
 * deck's other cards by their front (`cardsOfRows`).
 */
export function intoNamedDecks(bundle: ImportBundle, stored: readonly DeckRecord[]): ImportBundle {
	const ids = new Set(stored.map((deck) => deck.id));
	const open = stored.filter((deck) => !deck.retired || deck.deletedAt !== undefined);
	const openById = new Map(open.map((deck) => [deck.id, deck]));
	const named = groupBy(open, (deck) => nameKey(deck.name));
	const taken = new Set(bundle.decks.map((deck) => deck.id));
	const moved = new Map<string, DeckRecord>();
	for (const deck of bundle.decks) {
		// Recall's own export names the deck it came from: that deck, renamed since or not, before any of the name.
		const exportedFrom = bundle.exportedFrom?.[deck.id];
		const origin = exportedFrom === undefined || exportedFrom === deck.id ? undefined : openById.get(exportedFrom);
		if (!origin && ids.has(deck.id)) continue;
		const candidates = named.get(nameKey(deck.name)) ?? [];
		const target = origin ?? candidates.find((candidate) => !candidate.retired) ?? candidates[0];
		// Two of the table's decks are never one.
		if (!target || taken.has(target.id)) continue;
		taken.add(target.id);
		moved.set(deck.id, target);
	}
	if (moved.size === 0) return bundle;
	return {
		...bundle,
		decks: bundle.decks.map((deck) => {
			const target = moved.get(deck.id);
			// The deck keeps its name as stored, whatever the case the table wrote it in.
			return target ? { ...deck, id: target.id, name: target.name, cards: deck.cards.map((card) => ({ ...card, id: csvCardIdIn(target.id, card), deck: target.id })) } : deck;
		})
	};
}

function nameKey(name: string): string {
	return name.normalize('NFC').trim().toLowerCase();
}
