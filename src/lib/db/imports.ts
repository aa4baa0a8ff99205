/**
 * Merging an ImportBundle (any importer's output) into the store. One plan,
 * made by reading only, serves the preview and the import; the import writes
 * it in the same read-write transaction it was made in, so it lands whole or
 * not at all.
 *
 * The merge rules (docs/deck-format.md, "Backups", says them for people):
 * - a deck's name is the file's, but a name the learner gave (`nameAt`,
 *   deck-rename.ts) beats a file's and the later given name wins; notes and
 *   built-in decks are named by their note (`deckName`);
 * - decks upsert by id; a new deck takes the origin its backup records, or
 *   'import'; an existing deck keeps its origin, hash and retirement, and its
 *   tags when the file has no place for them (CSV, Anki: `carriesDeckTags`);
 *   but a deck stored as an import takes the origin and source of the app's
 *   own record of it, a backup (`ownsRecords`);
 * - cards upsert by id with the bundle's content; an existing card keeps its
 *   order and createdAt (notes and built-in decks: the note's order);
 * - but a file that dates its cards' content (a backup, a deck file, an Anki
 *   package: `contentClock`) changes a stored card's content only with a later
 *   change than the card's `contentAt`, a tie to the app's own form of the card
 *   over another format's copy; a backup's `leech` tag, source and order go
 *   with it (`keepsNewerContent`); a package's card that Recall exported and
 *   nobody edited since is undated (`contentClock`);
 * - but a card made from a note (`isGenerated`) takes its content only from
 *   notes, built-in decks, backups and deck files, which carry the note's
 *   Markdown: a table or an Anki package brings its progress and leaves its
 *   content as stored (`bringsContent`), and says so when the file has other
 *   text for it (a table's row, an edit in Anki);
 * - a card of an Anki package that Recall exported and that was not edited in
 *   Anki since brings its progress only, whatever made it (`editedSinceExport`);
 * - a table's (CSV) deck is the deck Recall exported it from (`exportedFrom`),
 *   else the stored deck of its name when the store has none of its id: an
 *   Anki package's deck, or a renamed one, has an id its name does not give;
 *   its rows then take their ids from that deck's (`intoNamedDecks`, table-rows.ts);
 * - a table's (CSV) row that no card is by its id is the live card of its
 *   deck with its front, as the table reads the card's own row, and among
 *   several such cards the one with its back too; one card to one row, never
 *   a retired or deleted card (`cardsOfRows`, table-rows.ts). A row changes
 *   only what it has columns for (front, back, tags), and nothing when it reads
 *   as the card's own row (`mergedContent`);
 * - a card's and a deck's `source` is where they were made, not content: an
 *   existing one keeps its own, unless notes or a built-in deck bring it again
 *   (`keepsSource`), or an Anki package brings other content for the card:
 *   then the card names the package its content now comes from;
 * - review rows are a union by id: unknown ids are added, stored rows are
 *   never changed or deleted; but an Anki package's rows are only copies (ours
 *   → .apkg → ours gives them new ids): an answer the card's log has at the
 *   same moment with the same button is not added, nor a state row that sets
 *   the interval, ease and due day the log already gives (`rowsToAdd`,
 *   package-rows.ts); and a backup's answer that the log holds as a package's
 *   copy replaces that copy, so either order ends the same (`withoutCopies`);
 * - a card that gains rows is folded again over all of its rows (`foldRows`),
 *   so its state, due day and `lastReview` are the fold of its log;
 * - suspended / buried / retired merge by last writer wins on their clocks
 *   (`statusAt` here, `progress.updatedAt` in the bundle); a card the bundle
 *   brings without progress keeps its status, and comes back if it was retired;
 *   an Anki package that brings the status the card has changes nothing
 *   (`clockIsLastChange`);
 * - a card the learner deleted (`deletedAt`, see bulk.ts; `progress.deleted` in
 *   a backup) stays deleted when a note or file brings it again; deleted goes
 *   with the status it came with, so a backup's later status decides;
 * - a deck the learner deleted (`deletedAt`, deck-removal.ts), here or in a full
 *   backup, stays deleted while none of its cards is live after the merge (the
 *   later deletion time is kept); any other file that brings it brings it
 *   back, with the cards deleted with it (`revivedDecks`);
 * - a deck's options (the learner's limits for it): a deck the device has keeps
 *   its own, a deck new to it takes its backup's (or an Anki package's options group);
 * - notes (source 'markdown') and built-in decks replace their deck: a card
 *   gone from the note hands its history to the reworded card `matchCards`
 *   pairs it with, and the others are retired;
 * - but for a backup's or deck file's, a card's tag `leech` stays when the
 *   bundle's content lacks it, and comes with a card whose file has it
 *   (`keepsLeechTag`);
 * - media files are put by name, but a package's file the store holds under another name is not put again: the
 *   package's cards are pointed at that name (`mayHoldCopies`, package-media.ts); a full backup's settings
 *   replace ours.
 * The clocks compared above never go backwards on one device: each change is stamped past the one it replaces
 * (`stampAfter`, change-stamp.ts), the merge's own included.
 * A record that would come out the same is not written, so importing the
 * same bundle twice writes nothing the second time.
 */
import type { Table } from 'dexie';
import type { DeckMeta, DeckOrigin, ImportBundle } from '../io/bundle';
import type { Card, Deck } from '../notes/deck-format';
import { matchCards, retitledMatches } from '../notes/match';
import { isAnswer, type ReviewRow } from '../srs/history';
import { hasLeechTag, withLeechTag } from '../srs/leech';
import { NEW_CARD } from '../srs/sm2';
import { isGenerated } from './bulk';
import { cardContent, foldCard, laterStatus, statusClock, statusOf, withFolded, withSchedule, withStatus, type CardStatus } from './card-state';
import { stampAfter } from './change-stamp';
import { tallyRows } from './day-tallies';
import { cardsInDeck, rowsOfCards } from './lookups';
import { Queue, type CardRecord, type DeckRecord, type MediaRecord, type RecallDatabase, type SettingRecord, type SettingsChangedAt } from './schema';
import { hasOverrides, normalizeDeckOptions } from '../srs/deck-options';
import { sameValue } from '../io/same-value';
import { markSessionsOutdated, markSessionsToRefill } from './sessions';
import { SETTINGS_KEY } from './constants';
import { normalizeSettings, type Settings } from './settings';
import type { ImportNotice } from '../io/notices';
import type { TableMediaNames } from './table-rows';
import { sayMerge } from '../io/notices/merge';
import { groupBy } from '../io/group-by';
import { canonicalJson } from '../io/canonical';

/** What happens to one deck's cards. */
export interface DeckChanges {
	/** Cards not in the store yet. */
	added: number;
	/**
	 * Stored cards that change (content, status or schedule), and the reworded cards that take the
	 * history of a card gone from the note (`moved`), in this deck or, for a retitled note, its old one.
	 */
	updated: number;
	/** Stored cards the bundle brings as they are. */
	unchanged: number;
	/** Cards gone from a note that hand their history to a reworded card (counted in `updated` as that card). */
	moved: number;
	/** Cards gone from a note, retired (kept with their history). */
	retired: number;
	/** Retired cards that come back. */
	restored: number;
}

/** A card an import retires, as the preview names it. */
export interface RetiredCard {
	front: string;
	format?: CardRecord['format'];
	/** It has review history (which it keeps, retired). */
	studied: boolean;
}

/** The preview names at most this many of a deck's retired cards, the studied ones first; `retired` counts them all. */
const NAMED_RETIRED_CARDS = 5;

export interface DeckImportSummary extends DeckChanges {
	id: string;
	name: string;
	/** The deck is not in the store yet. */
	isNew: boolean;
	/** Some of the cards it retires (NAMED_RETIRED_CARDS), the studied ones first. */
	retiredCards: RetiredCard[];
}

export interface ImportPreview {
	source: ImportBundle['source'];
	name: string;
	decks: DeckImportSummary[];
	/**
	 * The review log's rows. The summary counts the answers apart from the schedules set without one: an Anki
	 * package brings each studied card's schedule as a row beside its answers, which a learner would otherwise
	 * read as that many more answers.
	 */
	reviews: {
		/** Answers (grades given) the store does not have yet. */
		answers: number;
		/** Cards given a schedule without an answer (state rows: a package's schedule, a reset on another device) the store does not have yet. */
		schedules: number;
		/** Rows the store already has (by id; from an Anki package, also the same answer or schedule under another id): left as they are. */
		known: number;
		/** Rows of cards that are neither in the bundle nor in the store: left out. */
		skipped: number;
	};
	/**
	 * Files stored (new, or with other bytes than the stored file of that name), and files already stored as they
	 * are: under their name, or (an Anki package's) under another name that the cards are pointed at (package-media.ts).
	 */
	media: { written: number; unchanged: number };
	/** A full backup whose settings differ from these: they replace them (a backup of the same settings changes none). */
	settings: boolean;
	/** Decks whose note now makes a deck of another name (see renamedDecks): their cards' history goes to it, and they are retired. */
	renamed: { from: string; to: string; cards: number }[];
	/** The bundle's warnings and the merge's own. */
	warnings: ImportNotice[];
}

/** What an import wrote: the preview's figures, now done. */
export type ImportResult = ImportPreview;

/** How a bundle's decks are merged. */
export interface MergeMode {
	/** The bundle's decks replace the stored ones: cards gone from them are moved (matchCards) or retired. */
	replaceDecks: boolean;
	/** The origin of decks new to the store; with `force`, of every deck of the bundle (built-in decks). */
	origin: DeckOrigin;
	force?: boolean;
	/** The content hash to record on the bundle's decks (built-in decks). */
	hash?: string;
	/**
	 * Decks on their way out (built-in decks the build no longer ships): like a
	 * deck made from the same note file, one of them may hand its cards to a deck
	 * of the bundle new to the store (see renamedDecks).
	 */
	leaving?: readonly string[];
}

function modeFor(bundle: ImportBundle): MergeMode {
	return { replaceDecks: bundle.source === 'markdown', origin: 'import' };
}

interface MergePlan {
	decks: DeckRecord[];
	cards: CardRecord[];
	deleteCards: string[];
	addRows: ReviewRow[];
	/** Stored package copies of answers the bundle brings as Recall's own rows (withoutCopies). */
	deleteRows: ReviewRow[];
	movedRows: ReviewRow[];
	media: MediaRecord[];
	settings: SettingRecord[];
	summary: ImportPreview;
}

function sameExceptUpdatedAt<T extends { updatedAt: number }>(a: T, b: T): boolean {
	return sameValue({ ...a, updatedAt: 0 }, { ...b, updatedAt: 0 });
}

/**
 * A card that changes only where it sits in its note (its line, its place among the new cards), or only the day it
 * was first stored (the earlier of two devices' dates, which a backup brings): stored as it now is, but not
 * "updated" in the preview, which would otherwise count every card below an edit of a note, and every card of a
 * built-in deck in another device's backup, though the learner changed none of them.
 */
function sameButForPlaceOrCreation(a: CardRecord, b: CardRecord): boolean {
	// The content clock moves with the line (the line is content a backup merges); what it dates is compared instead.
	const unplaced = (card: CardRecord) => ({ ...card, updatedAt: 0, contentAt: 0, createdAt: 0, order: 0, source: { ...card.source, line: 1 } });
	return sameValue(unplaced(a), unplaced(b));
}


/** The retired cards a preview names: the studied ones first, since their history is what the learner would look for. */
function namedRetiredCards(cards: RetiredCard[]): RetiredCard[] {
	return [...cards.filter((card) => card.studied), ...cards.filter((card) => !card.studied)].slice(0, NAMED_RETIRED_CARDS);
}

function emptyChanges(): DeckChanges {
	return { added: 0, updated: 0, unchanged: 0, moved: 0, retired: 0, restored: 0 };
}

/**
 * The ids among `ids` that `table` (of `stored` records) holds: by the ids
 * asked, or all its keys when that is cheaper. Asking for a key the store does
 * not have costs about as much as reading a record, and an import mostly asks
 * for cards and rows the store does not have yet.
 */
async function knownIds(table: Table<unknown, string>, ids: readonly string[], stored: number): Promise<Set<string>> {
	if (ids.length === 0 || stored === 0) return new Set();
	if (ids.length * 2 > stored) return new Set(await table.toCollection().primaryKeys());
	return new Set(await table.where(':id').anyOf(ids as string[]).primaryKeys());
}

/**
 * Whether a stored card or deck keeps its `source` (file and line) when the
 * bundle brings it again. The source tells where it was made: the deck page
 * and card info show it, a card made from a note sends the learner to that
 * note to edit it, and renamedDecks finds a retitled note's deck by it. A note
 * or built-in deck is its cards' source, so their lines follow it as it is
 * edited. Any other file that brings a card the store has is a copy of it,
 * most often the app's own CSV, .apkg or JSON export, whose file and row are
 * not where the card came from: taking them would make every card of a round
 * trip "updated" though nothing about it changed, and would cut a note's
 * deck off from its note.
 */
function keepsSource(bundle: ImportBundle, mode: MergeMode): boolean {
	return !mode.replaceDecks && !ownsRecords(bundle);
}

/**
 * Whether the bundle is the app's own record of its decks and cards (a backup, a deck file with progress: its
 * `store`), not a copy in another format that lost some of it. Such a record's card is its content as the app
 * stored it, with the fields no other format keeps (its rule, its cloze text, where it was made), and its deck
 * has its origin: a card whose content it brings (the newer, `keepsNewerContent`) takes its source and order
 * with it, and a deck the store has only as an import takes the origin the record gives.
 */
function ownsRecords(bundle: ImportBundle): boolean {
	return bundle.store !== undefined;
}

/**
 * Whether the bundle brings a stored card's content (front, back, format,
 * kind, rule, path, tags, images, deck), or only its progress. A card made
 * from a note (`isGenerated`) is what its note says: notes and built-in decks
 * bring it, and a backup or deck file carries the note's own Markdown. A table
 * or an Anki package holds a copy in another form (the app's own CSV is the
 * Markdown read back as plain text, its .apkg is Anki's HTML of it): taking
 * that would turn a round trip's every card "updated" and show the copy in
 * place of the note until the note next changes. Its answers, schedule and
 * status still come, as they do from any file. So too for any card of a
 * package Recall exported that was not edited since (`editedSinceExport`):
 * a Markdown card of one's own stays Markdown; one edited in Anki takes the
 * edit, unless it is a note's.
 */
/** A table's row of a cloze edited as its text: one card of the text, which cannot say what the text and its other cards become. */
function isRowOfClozeText(bundle: ImportBundle, previous: CardRecord): boolean {
	return bundle.source === 'csv' && previous.clozeSource !== undefined;
}

function bringsContent(bundle: ImportBundle, mode: MergeMode, previous: CardRecord): boolean {
	if (mode.replaceDecks) return true;
	// A package's card that Recall exported and nobody edited since is Anki's HTML of a card the store has, not news.
	if (bundle.editedSinceExport?.[previous.id] === false) return false;
	if (isRowOfClozeText(bundle, previous)) return false;
	return !isGenerated(previous) || (bundle.source !== 'csv' && bundle.source !== 'apkg');
}

/**
 * The content a bundle card gives the stored card it is (`previous`), before
 * its schedule and status are set. A table's row is a deck, a front, a back
 * and tags: a row that reads as the card's own row would leaves the card as it
 * is (a Markdown card of one's own stays Markdown, where the row holds its
 * text as plain text), and another changes those and nothing it has no
 * column for (kind, rule, path, images).
 */
function mergedContent(bundle: ImportBundle, mode: MergeMode, card: Card, previous: CardRecord | undefined, extras: MergeExtras): Card {
	if (!previous) return card;
	if (!bringsContent(bundle, mode, previous)) return cardContent(previous);
	if (extras.tables) return extras.tables.rowDiffers(card, previous, extras.tableMediaNames) ? { ...cardContent(previous), ...extras.tables.rowContent(card) } : cardContent(previous);
	return keepsSource(bundle, mode) ? { ...card, source: previous.source } : card;
}

/**
 * Whether a table's rows are also cards by their front (table-rows.ts): a
 * table has no other way to name a card the store made, and Anki's own CSV
 * import matches rows so. A package, a backup or a deck file names its
 * cards by their ids.
 */
function matchesByFront(bundle: ImportBundle): boolean {
	return bundle.source === 'csv';
}

/**
 * Whether the bundle's status clocks are only when each card last changed at
 * all, not when its status was set. An Anki package's clock is the card's
 * `mod`, which Anki moves on every answer and Recall's own export sets to the
 * time of the export: a package that says a card is as the store has it says
 * nothing newer about its status, and taking its later clock would rewrite
 * every card of an .apkg round trip for nothing. A status it changes still
 * wins by that clock. A backup's clock is the status's own and is always
 * merged, or two devices would not end the same.
 */
function clockIsLastChange(bundle: ImportBundle): boolean {
	return bundle.source === 'apkg';
}

/**
 * A deck's name after the merge. A name the learner gave (`nameAt`) beats a file's, and the later of two such
 * names wins (a tie goes to the name first in code point order, the same on every device). Notes and built-in
 * decks are named by their note's title, always.
 */
function deckName(deck: Deck, existing: DeckRecord | undefined, meta: DeckMeta | undefined, mode: MergeMode): { name: string; at?: number } {
	if (mode.replaceDecks) return { name: deck.name };
	const theirs = meta?.nameAt === undefined ? undefined : { name: deck.name, at: meta.nameAt };
	const ours = existing?.nameAt === undefined ? undefined : { name: existing.name, at: existing.nameAt };
	if (!ours) return theirs ?? { name: deck.name };
	if (!theirs || ours.at > theirs.at || (ours.at === theirs.at && ours.name <= theirs.name)) return ours;
	return theirs;
}

/**
 * Whether the bundle says what its decks' tags are. A note's front matter does,
 * and a backup or deck file carries the deck's own. A table or an Anki package
 * has no place for them (their readers give every deck []): a file imported
 * into a deck the store has, a note's deck say, would otherwise wipe the tags
 * its note gave it.
 */
function carriesDeckTags(bundle: ImportBundle): boolean {
	return bundle.source !== 'csv' && bundle.source !== 'apkg';
}

/**
 * Whether the bundle's review rows and media files may be copies, under other ids and names, of the store's: an
 * Anki package's are. Its revlog keeps an answer's time and button, not the row's id, so its rows go through
 * `rowsToAdd`; its files are named by their content, so a stored name that holds the same bytes does as well
 * (package-media.ts). A backup's rows are the store's own records, ids and all, and stay a pure union by id, which
 * is what makes two devices' merges end the same in any order; a note's file names are what its next import finds
 * them by, and a backup's are the names it restores.
 */
function mayHoldCopies(bundle: ImportBundle): boolean {
	return bundle.source === 'apkg';
}

/**
 * Whether the bundle's rows are Recall's own (a backup, a deck file with
 * progress): where the store holds a package's copy of one of them, the
 * copy goes and the row takes its place (`withoutCopies`), as the row would
 * have kept the copy out had it come first.
 */
function rowsAreOwn(bundle: ImportBundle): boolean {
	return bundle.source === 'backup' || bundle.source === 'deck';
}

/**
 * Whether the merged card takes the tag `leech` that its content lacks: the
 * stored card (or the card whose history it takes over) or the file's card has
 * it. The tag records the card's lapses (srs/leech.ts), not what its note or
 * file says: a note updated or a file imported again does not take it away
 * (only the learner does, editing the card), and one that brings it, as an
 * Anki package of a leech does, adds it even where it brings no content. Not
 * for a backup or deck file, the learner's own record of the tag: its tag goes
 * with the newer content (`keepsNewerContent`), or a tag taken off would come back.
 */
function keepsLeechTag(record: CardRecord, base: CardRecord | undefined, card: Card): boolean {
	return !hasLeechTag(record.tags) && ((base !== undefined && hasLeechTag(base.tags)) || hasLeechTag(card.tags));
}

/**
 * When the bundle's content of card `id` last changed, for a file that keeps such a clock: a backup's or a
 * deck file's `contentAt` (absent: before any change known, 0), an Anki package's `mod` of the card's note
 * (`bundle.contentAt`) when it brings the card's content at all (`bringsContent`). A file without one (a
 * note, a table) says what the card is now, by the rules above. A package's card that Recall exported and
 * nobody edited since has no date even when new to the store: its `mod` is the export's time, and its content
 * is a copy of the exporting device's, older by a time the package does not say; undated, it gives way to
 * that device's own record of the card (its backup) in either order.
 */
function contentClock(bundle: ImportBundle, mode: MergeMode, id: string, previous: CardRecord | undefined): number | undefined {
	if (bundle.store) return bundle.store.cards[id]?.contentAt ?? 0;
	const at = bundle.contentAt?.[id];
	if (bundle.editedSinceExport?.[id] === false) return undefined;
	return at !== undefined && (!previous || bringsContent(bundle, mode, previous)) ? at : undefined;
}

/**
 * Whether a stored card keeps its content against a file's content of it (`card`, with the source it would
 * take) changed at `theirs`: the newer change wins, so an older backup undoes no edit and brings back no
 * `leech` tag taken off since. A tie (two devices that never changed it, or took it from the same file) goes
 * to the app's own form of the card (written in it, or made from a note) over another format's copy, which
 * lost its rule and cloze text (`isCopy`), then to the content first in canonical JSON: the same on every
 * device, so that two devices end alike in either order.
 */
function keepsNewerContent(previous: CardRecord, card: Card, theirs: number): boolean {
	const ours = previous.contentAt ?? 0;
	if (ours !== theirs) return ours > theirs;
	if (isCopy(previous) !== isCopy(card)) return isCopy(card);
	const [kept, brought] = [cardContent(previous), card];
	// Mostly the same content (neither changed it): not written out to compare.
	return sameValue(kept, brought) || canonicalJson(kept) <= canonicalJson(brought);
}

/**
 * A merged card's content clock: the later of the two when its content comes out as stored (both devices had
 * it), the file's (or, for a file that keeps none, now) when the file changed it; a new card takes the file's.
 */
function mergedContentAt(record: CardRecord, previous: CardRecord | undefined, theirs: number | undefined, now: number): number | undefined {
	if (!previous) return theirs || undefined;
	if (sameValue(cardContent(record), cardContent(previous))) return Math.max(previous.contentAt ?? 0, theirs ?? 0) || undefined;
	return theirs === undefined ? stampAfter(previous.contentAt, now) : Math.max(previous.contentAt ?? 0, theirs) || undefined;
}

/** A card whose content is another format's (a table, an Anki package), not the app's own form of it. */
function isCopy(card: Pick<Card, 'rule'>): boolean {
	return card.rule === 'imported';
}

function sameStatus(a: CardStatus, b: CardStatus): boolean {
	return a.suspended === b.suspended && a.retired === b.retired && a.buriedUntil === b.buriedUntil;
}

/**
 * The earlier of two "added" times: a card (or deck) was added when either
 * device first had it. A fresh device stores the built-in decks before a
 * backup is restored onto it, and must not date them by that moment.
 */
function earliest(a: number | undefined, b: number | undefined): number | undefined {
	return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** The stored record a bundle card becomes, before its schedule and status are set. */
function contentRecord(card: Card, previous: CardRecord | undefined, order: number, createdAt: number, now: number): CardRecord {
	const record: CardRecord = { ...card, state: { ...NEW_CARD }, order, queue: 0, createdAt, updatedAt: now };
	return previous ? withFolded(record, previous) : record;
}

/**
 * A note whose title changed makes a deck of another id, with cards of other
 * ids: for each deck of the bundle new to the store, the stored decks made from
 * the same note file (`source`), or on their way out (`mode.leaving`: a built-in
 * note whose file was renamed), that the bundle does not bring, of the same
 * origin and not retired, with their cards. planMerge decides whether one
 * really is the same note (most of its cards find a successor).
 */
async function renamedDecks(db: RecallDatabase, bundle: ImportBundle, storedDecks: readonly (DeckRecord | undefined)[], mode: MergeMode): Promise<{ from: DeckRecord; to: string; cards: CardRecord[] }[]> {
	const arriving = bundle.decks.filter((deck, index) => storedDecks[index] === undefined && (deck.source !== undefined || (mode.leaving?.length ?? 0) > 0));
	if (arriving.length === 0) return [];
	const inBundle = new Set(bundle.decks.map((deck) => deck.id));
	const leaving = new Set(mode.leaving ?? []);
	const candidates = (await db.decks.toArray()).filter((deck) => !deck.retired && !inBundle.has(deck.id) && deck.origin === mode.origin);
	const pairs = arriving.flatMap((deck) =>
		candidates.filter((candidate) => (candidate.source !== undefined && candidate.source === deck.source) || leaving.has(candidate.id)).map((from) => ({ from, to: deck.id }))
	);
	return Promise.all(pairs.map(async (pair) => ({ ...pair, cards: await cardsInDeck(db, pair.from.id).toArray() })));
}

/**
 * Works out what merging `bundle` changes, reading only. Called inside a
 * transaction over decks, cards, reviews, media and settings.
 */
/**
 * The merge's code for tables (table-rows.ts) and Anki packages (package-rows.ts), loaded only for such a bundle:
 * the built-in decks' sync, on every page's first load of a build, merges notes and needs neither. Loaded before the
 * merge's transaction, which must wait on nothing but the store.
 */
interface MergeExtras {
	tables?: typeof import('./table-rows');
	packages?: typeof import('./package-rows');
	packageMedia?: typeof import('./package-media');
	/** For a table that shows images or plays sounds: the names its decks' Anki packages give their files, as the table names them. */
	tableMediaNames?: TableMediaNames;
}

async function loadExtras(bundle: ImportBundle): Promise<MergeExtras> {
	const [tables, packages, packageMedia] = await Promise.all([
		matchesByFront(bundle) ? import('./table-rows') : undefined,
		mayHoldCopies(bundle) || rowsAreOwn(bundle) ? import('./package-rows') : undefined,
		mayHoldCopies(bundle) ? import('./package-media') : undefined
	]);
	return { ...(tables && { tables }), ...(packages && { packages }), ...(packageMedia && { packageMedia }) };
}

async function planMerge(db: RecallDatabase, given: ImportBundle, mode: MergeMode, now: number, loaded: MergeExtras): Promise<MergePlan> {
	// A table's deck is the stored deck of its name, whatever that deck's id (table-rows.ts).
	const bundle = loaded.tables ? loaded.tables.intoNamedDecks(given, await db.decks.toArray()) : given;
	// A table's images and sounds are named as its decks' packages name their files (table-rows.ts).
	const extras: MergeExtras = loaded.tables ? { ...loaded, tableMediaNames: await loaded.tables.tableMediaNames(db, bundle) } : loaded;
	const warnings = [...bundle.warnings];
	const deckIds = bundle.decks.map((deck) => deck.id);
	const incoming = new Map<string, { card: Card; deck: Deck; index: number }>();
	for (const deck of bundle.decks) deck.cards.forEach((card, index) => incoming.has(card.id) || incoming.set(card.id, { card, deck, index }));

	// Rows: unknown ids only, each once.
	const rowsById = new Map<string, ReviewRow>();
	for (const row of bundle.reviews) if (!rowsById.has(row.id)) rowsById.set(row.id, row);
	const rowCardIds = new Set([...rowsById.values()].map((row) => row.card));

	const [storedRowCount, storedCardCount] = await Promise.all([db.reviews.count(), db.cards.count()]);
	const [storedDecks, deckCards, known, storedMedia, storedSettings] = await Promise.all([
		db.decks.bulkGet(deckIds),
		mode.replaceDecks ? Promise.all(deckIds.map((id) => cardsInDeck(db, id).toArray())).then((decks) => decks.flat()) : Promise.resolve([]),
		knownIds(db.reviews, [...rowsById.keys()], storedRowCount),
		db.media.bulkGet(bundle.media.map((file) => file.name)),
		bundle.source === 'backup' && bundle.settings ? db.settings.bulkGet(Object.keys(bundle.settings)) : Promise.resolve([])
	]);
	const stored = new Map(deckCards.map((card) => [card.id, card]));
	const missing = [...new Set([...incoming.keys(), ...rowCardIds])].filter((id) => !stored.has(id));
	const present = await knownIds(db.cards, missing, storedCardCount);
	for (const card of await db.cards.bulkGet(missing.filter((id) => present.has(id)))) if (card) stored.set(card.id, card);

	// A table's row that no card is by its id may be a card of its deck by its front (table-rows.ts): it becomes that card's id.
	if (extras.tables) {
		const storedDeckIds = new Set(storedDecks.flatMap((deck) => (deck ? [deck.id] : [])));
		const rows = [...incoming.values()].filter(({ card }) => !stored.has(card.id) && storedDeckIds.has(card.deck)).map(({ card }) => card);
		if (rows.length > 0) {
			const readDecks = [...new Set(rows.map((row) => row.deck))];
			const cardsOfDecks = (await Promise.all(readDecks.map((id) => cardsInDeck(db, id).toArray()))).flat();
			const { cards, ambiguous } = extras.tables.cardsOfRows(rows, cardsOfDecks, (id) => incoming.has(id), extras.tableMediaNames);
			if (ambiguous > 0) warnings.push(sayMerge('merge-table-front-ambiguous', { count: ambiguous }));
			const entries = [...incoming.values()];
			incoming.clear();
			for (const entry of entries) {
				const card = cards.get(entry.card.id);
				if (card) stored.set(card.id, card);
				incoming.set(card?.id ?? entry.card.id, card ? { ...entry, card: { ...entry.card, id: card.id } } : entry);
			}
		}
	}

	// A package's file the store holds under another name, among those of the cards it brings again: not stored twice (package-media.ts).
	const { packageMedia } = extras;
	const heldElsewhere =
		packageMedia && bundle.media.length > 0
			? await packageMedia.filesHeldElsewhere(db, bundle.media, storedMedia, [...stored.values()].filter((card) => incoming.has(card.id)))
			: new Map<string, string>();
	if (packageMedia && heldElsewhere.size > 0) {
		for (const [id, entry] of incoming) incoming.set(id, { ...entry, card: packageMedia.withStoredNames(entry.card, heldElsewhere) });
	}

	// Notes and built-in decks: cards gone from the deck are moved to a reworded successor or retired.
	const moveTo = new Map<string, string>();
	const toRetire: CardRecord[] = [];
	/** Decks renamed by their note (see renamedDecks), to the deck that takes their cards. */
	const renamedTo = new Map<string, string>();
	const retireDecks: DeckRecord[] = [];
	const renamed: ImportPreview['renamed'] = [];
	if (mode.replaceDecks) {
		const vanished = deckCards.filter((card) => !incoming.has(card.id) && card.queue !== Queue.retired);
		const added = [...incoming.values()].filter(({ card }) => !stored.has(card.id)).map(({ card }) => card);
		for (const match of matchCards(vanished, added)) moveTo.set(match.from, match.to);
		for (const card of vanished) if (!moveTo.has(card.id)) toRetire.push(card);
		for (const { from, to, cards } of await renamedDecks(db, bundle, storedDecks, mode)) {
			if (renamedTo.has(from.id)) continue;
			const live = cards.filter((card) => card.queue !== Queue.retired && !incoming.has(card.id) && !moveTo.has(card.id));
			const taken = new Set(moveTo.values());
			const matches = retitledMatches(
				live,
				added.filter((card) => card.deck === to && !taken.has(card.id)),
				to
			);
			if (matches.length === 0) continue;
			for (const card of cards) stored.set(card.id, card);
			for (const match of matches) moveTo.set(match.from, match.to);
			const moved = new Set(matches.map((match) => match.from));
			for (const card of live) if (!moved.has(card.id)) toRetire.push(card);
			renamedTo.set(from.id, to);
			retireDecks.push({ ...from, retired: true, updatedAt: now });
			renamed.push({ from: from.name, to: bundle.decks.find((deck) => deck.id === to)?.name ?? to, cards: matches.length });
		}
	}
	const summaryOf = (deckId: string) => summaries.get(renamedTo.get(deckId) ?? deckId);
	const inheritFrom = new Map([...moveTo].map(([from, to]) => [to, stored.get(from) as CardRecord]));

	const unknownRows: ReviewRow[] = [];
	let knownCount = 0;
	let skipped = 0;
	for (const row of rowsById.values()) {
		if (known.has(row.id)) knownCount++;
		else {
			const card = moveTo.get(row.card) ?? row.card;
			if (!incoming.has(card) && !stored.has(card)) skipped++;
			else unknownRows.push(card === row.card ? row : { ...row, card });
		}
	}
	if (skipped > 0) warnings.push(sayMerge('merge-orphan-reviews', { count: skipped }));
	const unknownRowsByCard = groupBy(unknownRows, (row) => row.card);

	// The stored rows of every card that may be folded again: those the bundle brings rows of, that inherit a history, or that are new to the store.
	const newCards = [...incoming.keys()].filter((id) => !stored.has(id));
	const readRowsOf = [...new Set([...unknownRowsByCard.keys(), ...inheritFrom.keys(), ...newCards, ...moveTo.keys()])];
	const storedRows = storedRowCount > 0 && readRowsOf.length > 0 ? await rowsOfCards(db, readRowsOf).toArray() : [];
	const storedRowsByCard = groupBy(storedRows, (row) => row.card);

	// An Anki package's rows that the log already holds under other ids are not added again (see package-rows.ts).
	const { packages } = extras;
	let newRows = packages && mayHoldCopies(bundle) ? [...unknownRowsByCard].flatMap(([card, rows]) => packages.rowsToAdd(rows, storedRowsByCard.get(card) ?? [], (id) => rowsById.has(id))) : unknownRows;
	// A backup's answers may be the ones a package imported earlier holds copies of: the copies go, whichever came first.
	const deleteRows: ReviewRow[] = [];
	if (packages && rowsAreOwn(bundle)) {
		newRows = [...unknownRowsByCard].flatMap(([card, rows]) => {
			const own = storedRowsByCard.get(card) ?? [];
			const kept = new Set(packages.withoutCopies([...own, ...rows]));
			deleteRows.push(...own.filter((row) => !kept.has(row)));
			return rows.filter((row) => kept.has(row));
		});
		if (deleteRows.length > 0) {
			const gone = new Set(deleteRows);
			for (const [card, own] of storedRowsByCard) storedRowsByCard.set(card, own.filter((row) => !gone.has(row)));
		}
	}
	// A stored copy that a backup's row replaces is an answer the store had: counted as known, not added.
	const newAnswers = newRows.filter(isAnswer).length;
	const replaced = Math.min(deleteRows.filter(isAnswer).length, newAnswers);
	knownCount += unknownRows.length - newRows.length + replaced;
	const scheduledCards = new Set(newRows.filter((row) => !isAnswer(row)).map((row) => row.card)).size;
	const newRowsByCard = groupBy(newRows, (row) => row.card);
	const rowsChanged = new Set([...newRowsByCard.keys(), ...deleteRows.map((row) => row.card)]);

	// Cards folded again: those that gain or lose rows, that inherit a history, or that are new to the store.
	const refold = new Set([...rowsChanged, ...inheritFrom.keys(), ...newCards]);
	const movedRows = [...moveTo].flatMap(([from, to]) => (storedRowsByCard.get(from) ?? []).map((row) => ({ ...row, card: to })));
	const movedRowsByCard = groupBy(movedRows, (row) => row.card);
	const rowsOf = (id: string): ReviewRow[] => [...(storedRowsByCard.get(id) ?? []), ...(newRowsByCard.get(id) ?? []), ...(movedRowsByCard.get(id) ?? [])];

	// Decks.
	const deckRecords = new Map<string, DeckRecord>();
	const storedDeckById = new Map(storedDecks.flatMap((deck) => (deck ? [[deck.id, deck] as const] : [])));
	/**
	 * Decks the learner deleted, here (`deletedAt`) or on the device a full backup comes from: they stay deleted
	 * while none of their cards is live after the merge (decided below, after the cards). Any other file that
	 * brings a deleted deck brings it back, with the cards deleted with it (`revivedDecks`).
	 */
	const deletedDecks = new Map<string, number>();
	const revivedDecks = new Set<string>();
	const summaries = new Map<string, DeckImportSummary>();
	bundle.decks.forEach((deck, index) => {
		const existing = storedDecks[index];
		const meta = bundle.store?.decks[deck.id];
		if (bundle.source === 'backup') {
			const deletedAt = Math.max(existing?.deletedAt ?? -Infinity, meta?.deletedAt ?? -Infinity);
			if (deletedAt > -Infinity) deletedDecks.set(deck.id, deletedAt);
		} else if (existing?.deletedAt !== undefined) revivedDecks.add(deck.id);
		const deletion = deletedDecks.has(deck.id) || revivedDecks.has(deck.id);
		const named = deckName(deck, existing, meta, mode);
		const record: DeckRecord = {
			id: deck.id,
			name: named.name,
			origin: mode.force ? mode.origin : existing && (existing.origin !== 'import' || !ownsRecords(bundle)) ? existing.origin : (meta?.origin ?? existing?.origin ?? mode.origin),
			tags: existing && !carriesDeckTags(bundle) ? existing.tags : deck.tags,
			// Notes and built-in decks bring a deck back; a backup leaves a deck this device retired as it is.
			// A deck retired by its deletion is live until the cards say otherwise.
			retired: mode.replaceDecks || deletion ? false : existing ? existing.retired : (meta?.retired ?? false),
			createdAt: earliest(existing?.createdAt, meta?.createdAt) ?? now,
			updatedAt: existing ? now : (meta?.updatedAt ?? now)
		};
		const hash = mode.hash ?? existing?.hash ?? meta?.hash;
		if (hash !== undefined) record.hash = hash;
		// The learner's options for a deck are this device's: a deck it has keeps its own; a new one takes its backup's.
		const brought = meta?.options ?? bundle.deckOptions?.[deck.id];
		const options = existing ? existing.options : brought && normalizeDeckOptions(brought);
		if (options !== undefined && hasOverrides(options)) record.options = options;
		const source = existing && keepsSource(bundle, mode) ? existing.source : deck.source;
		if (source !== undefined) record.source = source;
		if (named.at !== undefined) record.nameAt = named.at;
		deckRecords.set(deck.id, record);
		summaries.set(deck.id, { id: deck.id, name: record.name, isNew: !existing, ...emptyChanges(), retiredCards: [] });
	});

	// Cards.
	const putCards: CardRecord[] = [];
	const finish = (record: CardRecord, previous: CardRecord | undefined, isNewRecord: boolean, changes: DeckChanges | undefined, updatedAt: number) => {
		if (previous && !isNewRecord && sameExceptUpdatedAt(previous, record)) {
			if (changes) changes.unchanged++;
			return;
		}
		record.updatedAt = updatedAt;
		if (changes) {
			if (isNewRecord) changes.added++;
			else if (previous && sameButForPlaceOrCreation(previous, record)) changes.unchanged++;
			else changes.updated++;
		}
		putCards.push(record);
	};
	/** Cards made from notes that a table's rows, or their edit in Anki, say otherwise about: left as their note made them. */
	let noteCardsKept = 0;
	/** Cards of a cloze text that a table's rows say otherwise about: left as their text makes them. */
	let clozeCardsKept = 0;
	/** Cards of an Anki package older than their stored content (keepsNewerContent): left as they are. */
	let newerEditsKept = 0;
	/** Decks with a card in a queue after the merge: a deleted deck with one is back. */
	const liveDecks = new Set<string>();
	for (const [id, { card, deck, index }] of incoming) {
		const previous = stored.get(id);
		const inherited = inheritFrom.get(id);
		const base = previous ?? inherited;
		const meta = bundle.store?.cards[id];
		// A file that dates its content (a backup, an Anki package) changes a stored card only with a newer change;
		// a backup's `leech` tag goes with it (an Anki package's still only adds the tag, keepsLeechTag).
		const theirsAt = contentClock(bundle, mode, id, previous);
		const dated = previous !== undefined && theirsAt !== undefined;
		const keptNewer = dated && keepsNewerContent(previous, keepsSource(bundle, mode) ? { ...card, source: previous.source } : card, theirsAt);
		// The app's own record of a card whose content it brings brings the card's place among the new cards too.
		const order = mode.replaceDecks ? index : ((ownsRecords(bundle) && !keptNewer ? meta?.order : undefined) ?? previous?.order ?? meta?.order ?? index);
		// An Anki package's older edit of a card, left out: the preview says so, as Anki's import does.
		if (keptNewer && bundle.source === 'apkg' && !sameValue({ ...card, source: previous.source }, cardContent(previous))) newerEditsKept++;
		let content = keptNewer ? cardContent(previous) : mergedContent(bundle, mode, card, previous, extras);
		// A package that changes a card's content is where its content now comes from: the source names it.
		if (previous && bundle.source === 'apkg' && !sameValue({ ...content, source: previous.source }, cardContent(previous))) content = { ...content, source: card.source };
		let record = contentRecord(content, base, order, earliest(base?.createdAt, meta?.createdAt ?? bundle.createdAt?.[id]) ?? now, now);
		if (!(dated && bundle.store) && keepsLeechTag(record, base, card)) record.tags = withLeechTag(record.tags);
		const contentAt = mergedContentAt(record, previous, theirsAt, now);
		if (contentAt !== undefined) record.contentAt = contentAt;
		if (previous && !bringsContent(bundle, mode, previous) && (extras.tables ? extras.tables.rowDiffers(card, previous, extras.tableMediaNames) : bundle.editedSinceExport?.[id] === true)) {
			if (isRowOfClozeText(bundle, previous)) clozeCardsKept++;
			else noteCardsKept++;
		}
		if (refold.has(id)) record = withFolded(record, foldCard(rowsOf(id)));

		let status: { status: CardStatus; at: number } = base ? { status: statusOf(base), at: statusClock(base) } : { status: { suspended: false, retired: false }, at: 0 };
		// Deleted goes with the status it came with: ours, or the bundle's when its status wins.
		let deletedAt = base?.deletedAt;
		if (revivedDecks.has(card.deck) && deletedAt !== undefined && deletedAt === storedDeckById.get(card.deck)?.deletedAt) {
			// Deleted with its deck, which this file brings again: back with it.
			deletedAt = undefined;
			status = { status: { ...status.status, retired: false }, at: stampAfter(base?.statusAt, now) };
		}
		const progress = bundle.progress[id];
		if (progress) {
			const theirs: CardStatus = { suspended: progress.suspended, retired: progress.retired ?? false };
			if (progress.buriedUntil !== undefined) theirs.buriedUntil = progress.buriedUntil;
			const bundled = { status: theirs, at: progress.updatedAt };
			if (!base) status = bundled;
			else if (!(clockIsLastChange(bundle) && sameStatus(status.status, theirs))) status = laterStatus(status, bundled);
			if (status === bundled) deletedAt = progress.deleted ? progress.updatedAt : undefined;
		} else if (status.status.retired && base?.deletedAt === undefined) {
			// A card the bundle brings is back in its deck (unless the learner deleted it: a note or file brought again does not undo that).
			status = { status: { ...status.status, retired: false }, at: stampAfter(base?.statusAt, now) };
		}
		if (deckRecords.get(card.deck)?.retired) status = { status: { ...status.status, retired: true }, at: status.at };
		// A reworded card that takes a moved card's history (moveTo) is no new card: it counts as updated.
		const changes = summaries.get(deck.id);
		if (previous?.queue === Queue.retired && !status.status.retired && changes) changes.restored++;
		record = withStatus(record, status.status, status.at);
		// Deleted stays deleted while the card stays out of the queues (a later status from a backup can bring it back).
		if (deletedAt !== undefined && record.queue === Queue.retired) {
			record.deletedAt = deletedAt;
			// Whether it was retired when deleted, from the record whose deletion this is.
			const deletion = deletedAt === base?.deletedAt ? base : progress?.deleted && deletedAt === progress.updatedAt ? progress : undefined;
			if (deletion?.retiredWhenDeleted) record.retiredWhenDeleted = true;
		}
		if (record.queue !== Queue.retired) liveDecks.add(record.deck);
		finish(record, previous, !base, changes, previous ? now : (meta?.updatedAt ?? now));
	}
	if (noteCardsKept > 0) warnings.push(sayMerge('merge-note-cards-kept', { count: noteCardsKept }));
	if (clozeCardsKept > 0) warnings.push(sayMerge('merge-cloze-cards-kept', { count: clozeCardsKept }));
	if (newerEditsKept > 0) warnings.push(sayMerge('merge-newer-edit-kept', { count: newerEditsKept }));
	// Stored cards outside the bundle's decks: folded again if they gain rows, retired if gone from their note.
	const retiring = new Set(toRetire.map((card) => card.id));
	for (const id of new Set([...rowsChanged, ...retiring])) {
		const previous = stored.get(id);
		if (incoming.has(id) || !previous) continue;
		const refolded = rowsChanged.has(id) ? withSchedule(previous, foldCard(rowsOf(id))) : previous;
		const record = retiring.has(id) ? withStatus(refolded, { ...statusOf(previous), retired: true }, stampAfter(previous.statusAt, now)) : refolded;
		finish(record, previous, false, undefined, now);
		const changes = summaryOf(previous.deck);
		if (retiring.has(id) && changes) {
			changes.retired++;
			changes.retiredCards.push({ front: previous.front, ...(previous.format && { format: previous.format }), studied: previous.lastReview !== undefined });
		}
	}
	for (const summary of summaries.values()) summary.retiredCards = namedRetiredCards(summary.retiredCards);
	for (const from of moveTo.keys()) {
		const changes = summaryOf((stored.get(from) as CardRecord).deck);
		if (changes) changes.moved++;
	}

	// Decks deleted on either side stay deleted (and retired) while no card of theirs is live, in the bundle or only here.
	for (const [id, deletedAt] of deletedDecks) {
		if (liveDecks.has(id) || (storedDeckById.has(id) && (await cardsInDeck(db, id).filter((card) => card.queue !== Queue.retired && !incoming.has(card.id)).count()) > 0)) continue;
		const record = deckRecords.get(id) as DeckRecord;
		record.retired = true;
		record.deletedAt = deletedAt;
	}
	const putDecks: DeckRecord[] = [];
	for (const record of deckRecords.values()) {
		const existing = storedDeckById.get(record.id);
		if (existing && sameExceptUpdatedAt(existing, record)) record.updatedAt = existing.updatedAt;
		else putDecks.push(record);
	}

	// Media.
	const putMedia: MediaRecord[] = [];
	const seenMedia = new Set<string>();
	let unchangedMedia = 0;
	bundle.media.forEach((file, index) => {
		if (seenMedia.has(file.name)) return;
		seenMedia.add(file.name);
		if (heldElsewhere.has(file.name)) {
			unchangedMedia++;
			return;
		}
		const existing = storedMedia[index];
		const same =
			existing !== undefined &&
			existing.type === file.type &&
			existing.size === file.bytes.length &&
			(existing.bytes instanceof Blob || sameValue(existing.bytes, file.bytes));
		if (same) unchangedMedia++;
		else putMedia.push({ name: file.name, type: file.type, bytes: file.bytes, size: file.bytes.length, addedAt: existing ? now : (bundle.store?.media?.[file.name]?.addedAt ?? now) });
	});

	// Settings: a full backup's replace ours unless ours were changed later (last change wins, as card content does:
	// two devices exchanging backups settle on one); a backup or a store from before stamps goes by the other's stamp,
	// and with neither the backup's win, as they always did. Facts about this device stay.
	const putSettings: SettingRecord[] = [];
	const replacesSettings = bundle.source === 'backup' && bundle.settings !== undefined;
	if (bundle.settings && replacesSettings) {
		Object.entries(bundle.settings).forEach(([key, value], index) => {
			if (key !== SETTINGS_KEY) {
				warnings.push(sayMerge('merge-unknown-setting', { key }));
				return;
			}
			const ours = storedSettings[index];
			const record = mergeSettings(ours, normalizeSettings(value), bundle.settingsAt ?? {});
			// Settings never saved here are the defaults, as loadSettings reads them: a backup of the same values changes nothing.
			if (!sameValue(normalizeSettings(ours?.value), record.value)) putSettings.push(record);
		});
	}

	return {
		decks: [...putDecks, ...retireDecks],
		cards: putCards,
		deleteCards: [...moveTo.keys()],
		addRows: newRows,
		deleteRows,
		movedRows,
		media: putMedia,
		settings: putSettings,
		summary: {
			source: bundle.source,
			name: bundle.name,
			decks: [...summaries.values()],
			reviews: { answers: newAnswers - replaced, schedules: scheduledCards, known: knownCount, skipped },
			media: { written: putMedia.length, unchanged: unchangedMedia },
			settings: putSettings.length > 0,
			renamed,
			warnings
		}
	};
}

/** Records put by one request: a large import reports its progress as each lands. */
const WRITE_CHUNK = 5_000;

/** Told how many of an import's records (rows and cards) are stored so far, of how many. */
export type StoreProgress = (done: number, total: number) => void;

/**
 * At most this many chunks wait in IndexedDB's queue at a time: two keep it storing one while this thread copies
 * out the next, and no more, since a page closed in the middle of an import leaves its queued requests to be
 * worked through before the transaction is aborted, and the app, opened again, waits for that (all 300,000 rows of
 * a large backup once did, for many seconds).
 */
const CHUNKS_QUEUED = 2;

/** Runs tasks with at most `limit` of them unfinished; each starts as one before it finishes, in the order asked. */
function limitedRunner(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async (task) => {
		if (running >= limit) await new Promise<void>((start) => waiting.push(start));
		running++;
		try {
			return await task();
		} finally {
			running--;
			waiting.shift()?.();
		}
	};
}

/**
 * Writes a plan; inside the transaction it was made in. Rows and cards go in
 * chunks, a few queued ahead (CHUNKS_QUEUED), each told to `onStored` as it
 * lands; the small tables are asked for at once (a card's deletion and its put
 * go in that order, in one chain). Everything still commits together or not at all.
 */
async function writePlan(db: RecallDatabase, plan: MergePlan, onStored?: StoreProgress): Promise<void> {
	const total = plan.addRows.length + plan.movedRows.length + plan.cards.length;
	// Before the adds: a backup's row may be stored under the id of no copy, but a tally must not see both at once.
	if (plan.deleteRows.length > 0) {
		await db.reviews.bulkDelete(plan.deleteRows.map((row) => row.id));
		await tallyRows(db, plan.deleteRows, -1);
	}
	let done = 0;
	const queued = limitedRunner(CHUNKS_QUEUED);
	const counted = <T>(records: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<unknown>[] => {
		const writes: Promise<unknown>[] = [];
		for (let from = 0; from < records.length; from += WRITE_CHUNK) {
			writes.push(
				queued(async () => {
					const chunk = records.slice(from, from + WRITE_CHUNK);
					await write(chunk);
					done += chunk.length;
					onStored?.(done, total);
				})
			);
		}
		return writes;
	};
	const writes: Promise<unknown>[] = [...counted(plan.addRows, (chunk) => db.reviews.bulkAdd(chunk)), ...counted(plan.movedRows, (chunk) => db.reviews.bulkPut(chunk))];
	if (plan.addRows.length > 0) writes.push(tallyRows(db, plan.addRows));
	writes.push(
		(async () => {
			if (plan.deleteCards.length > 0) await db.cards.bulkDelete(plan.deleteCards);
			await Promise.all(counted(plan.cards, (chunk) => db.cards.bulkPut(chunk)));
		})()
	);
	if (plan.decks.length > 0) writes.push(db.decks.bulkPut(plan.decks));
	if (plan.media.length > 0) writes.push(db.media.bulkPut(plan.media));
	if (plan.settings.length > 0) writes.push(db.settings.bulkPut(plan.settings));
	await Promise.all(writes);
	await updateSessions(db, plan);
}

/**
 * Today's stored sessions after an import: made again when it changed the
 * limits (a backup's settings, a new deck's own options), else told to take in
 * the cards it added or brought back, keeping their queue's order.
 */
async function updateSessions(db: RecallDatabase, plan: MergePlan): Promise<void> {
	if (plan.settings.length > 0 || plan.decks.some((deck) => deck.options !== undefined)) await markSessionsOutdated(db);
	else if (plan.cards.length > 0) await markSessionsToRefill(db);
}

/** Merges a bundle in one transaction, in `mode`; the plan's summary says what was written. */
export async function mergeBundle(db: RecallDatabase, bundle: ImportBundle, mode: MergeMode, now: number, onStored?: StoreProgress): Promise<ImportResult> {
	const extras = await loadExtras(bundle);
	return db.transaction('rw', [db.decks, db.cards, db.reviews, db.days, db.media, db.settings, db.sessions], async () => {
		const plan = await planMerge(db, bundle, mode, now, extras);
		await writePlan(db, plan, onStored);
		return plan.summary;
	});
}

/** What importing `bundle` would do, reading only. */
export async function previewImport(db: RecallDatabase, bundle: ImportBundle, now = Date.now()): Promise<ImportPreview> {
	const extras = await loadExtras(bundle);
	return db.transaction('r', [db.decks, db.cards, db.reviews, db.media, db.settings], async () => (await planMerge(db, bundle, modeFor(bundle), now, extras)).summary);
}

/** Imports a bundle: all of it in one transaction, or nothing if any part fails; `onStored` follows the writes. */
export async function applyImport(db: RecallDatabase, bundle: ImportBundle, now = Date.now(), onStored?: StoreProgress): Promise<ImportResult> {
	return mergeBundle(db, bundle, modeFor(bundle), now, onStored);
}

/**
 * The learner's settings after a full backup's: each setting the backup's unless ours was changed later (its stamp
 * newer, or the backup's not known: a backup from before stamps), with the later stamp of the two.
 */
function mergeSettings(ours: SettingRecord | undefined, theirs: Settings, theirsAt: Readonly<Record<string, number>>): SettingRecord {
	const current = normalizeSettings(ours?.value);
	const value: Record<string, unknown> = { ...theirs };
	const changedAt: SettingsChangedAt = {};
	for (const field of Object.keys(theirs) as (keyof Settings)[]) {
		const ourAt = ours?.changedAt?.[field];
		const theirAt = theirsAt[field];
		const keepOurs = ourAt !== undefined && (theirAt === undefined || theirAt <= ourAt);
		if (keepOurs) value[field] = current[field];
		const at = keepOurs ? ourAt : theirAt;
		if (at !== undefined) changedAt[field] = at;
	}
	return { key: SETTINGS_KEY, value: normalizeSettings(value), ...(Object.keys(changedAt).length > 0 ? { changedAt } : {}) };
}
