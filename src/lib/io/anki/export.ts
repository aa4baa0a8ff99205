/**
 * Anki export: an ImportBundle (decks with their cards, the review log, card
 * progress, media) as an `.apkg` that current Anki imports: a zip of a
 * schema-11 `collection.anki2` (SQLite, written with sql.js), a `media` map and
 * the media files named 0, 1, 2…
 *
 * Each card is one note, a "Basic" note (Front, Back), but for cloze cards: the
 * cards of one sentence are one "Cloze" note (`deckNotes`), each card at its
 * deletion's number with its own scheduling and history; and a card and its
 * reverse (an Anki note's two cards, "Basic, both ways") are one "Basic (and
 * reversed card)" note (`withReversedPairs`). A deck's own options are its
 * options group (`dconf`). Card
 * sides are turned into HTML by the caller's `renderSide` (the app passes its
 * sanitizing Markdown renderer), so this module needs no DOM. Scheduling and
 * history come along: see docs/import-formats.md, "Anki export".
 */
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Card, Deck } from '../../notes/deck-format';
import { DEFAULT_DAY_START_HOUR, studyDay, type DayOptions } from '../../srs/day';
import { leechOptionsForDeck, limitsForDeck, type LeechOptions } from '../../srs/deck-options';
import type { QueueLimits } from '../../srs/queue-limits';
import type { ReviewRow } from '../../srs/history';
import type { DeckOptionsMeta, ImportBundle } from '../bundle';
import { say, type ImportNotice } from '../notices';
import {
	BASIC_MODEL_ID,
	BASIC_REVERSED_MODEL_ID,
	CLOZE_MODEL_ID,
	DEFAULT_DECK_ID,
	FIELD_SEPARATOR,
	SCHEMA_11_SQL,
	SCHEMA_VERSION,
	collectionConfJson,
	deckConfigsJson,
	deckJson,
	modelsJson
} from './export-collection';
import type { OptionsGroup } from './options-group';
import {
	ankiDeckName,
	ankiTag,
	cleanField,
	notesTagsColumn,
	stripHtmlPreservingMedia
} from './export-fields';
import { escapeHtml } from '../html-text';
import { renameImageSources } from './media';
import { ankiCardOf, RECALL_CLOZE_GUID_PREFIX, RECALL_GUID_PREFIX } from './card-ids';
import { customDataColumn, noteChecksum } from './custom-data';
import { fieldChecksum } from './export-hash';
import { CARD_REVIEW, cardHistory, cardScheduling, QUEUE_USER_BURIED, type CardHistory } from './export-schedule';
import { dayStartMs, minutesWest } from './export-time';
import { missingImages, missingSounds } from '../card-images';
import { rewriteSoundTags } from '../sound-tags';
import { groupBy } from '../group-by';
import { deckNotes, noteFields, packageMediaNames, packagedName, withReversedPairs, type CardSide, type CardsNote, type RenderSide } from './note-fields';

export type { CardSide } from './note-fields';

export interface AnkiExportOptions {
	/** sql.js, initialised (the caller loads its wasm). */
	sql: SqlJsStatic;
	/** The time of the export (UTC ms); ids and `mod` columns derive from it. Default: now. */
	now?: number;
	/** How the app counts study days (day-start hour, time zone): due days are converted with it. */
	dayOptions?: DayOptions;
	/**
	 * A card side as HTML. For a cloze card it is called with a copy of the card
	 * whose back holds Anki deletions (`{{c1::text}}`): the renderer must pass
	 * them through as text, which Markdown does. Media references must stay
	 * `<img src="name">` with the bundle's media names.
	 */
	renderSide: (card: Card, side: CardSide) => string;
	/** Told about what the package could not carry as it is: a notice, which the page puts in the learner's language. */
	onWarning?: (notice: ImportNotice) => void;
	/**
	 * The global settings a deck's own options fall back on (Settings' limits, order, siblings and leech rules):
	 * a deck with options of its own (the bundle's `store.decks[id].options`) gets an options group of them, each
	 * option it does not set taken from here.
	 */
	globalOptions?: GlobalDeckOptions;
}

/** The global settings a deck's options fall back on: the app's Settings will do, whose other fields are not read. */
type GlobalDeckOptions = QueueLimits & LeechOptions;

const MODEL_IDS: Record<CardsNote['note']['notetype'], number> = {
	Basic: BASIC_MODEL_ID,
	'Basic (and reversed card)': BASIC_REVERSED_MODEL_ID,
	Cloze: CLOZE_MODEL_ID
};

/** The file name of the collection inside a legacy .apkg. */
export const COLLECTION_FILE = 'collection.anki2';
export const MEDIA_MAP_FILE = 'media';

function short(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/**
 * Anki deck ids for the bundle's decks (and their parents), the `decks` JSON, and an options group of each deck's
 * own options (`ownOptions`), named as the deck, which the deck uses; a deck without any uses the Default group.
 */
function ankiDecks(decks: readonly Deck[], mod: number, warn: Warn, ownOptions: (deck: Deck) => Omit<OptionsGroup, 'id' | 'name'> | undefined) {
	const json: Record<string, unknown> = { [DEFAULT_DECK_ID]: deckJson(DEFAULT_DECK_ID, 'Default', mod) };
	const idByName = new Map<string, number>([['default', DEFAULT_DECK_ID]]);
	const idByDeck = new Map<string, number>();
	const groups: OptionsGroup[] = [];
	let nextId = mod * 1000;
	const add = (name: string, description = '', recallId?: string, options?: Omit<OptionsGroup, 'id' | 'name'>) => {
		const id = name.toLowerCase() === 'default' ? DEFAULT_DECK_ID : ++nextId;
		idByName.set(name.toLowerCase(), id);
		// An options group's id is the deck's: unique in the package, and new to Anki as the deck's is. Anki's
		// Default deck keeps its Default group, which an import never changes.
		const conf = options && id !== DEFAULT_DECK_ID ? id : undefined;
		if (options && conf !== undefined) groups.push({ ...options, id, name });
		json[id] = id === DEFAULT_DECK_ID ? deckJson(DEFAULT_DECK_ID, 'Default', mod, '') : deckJson(id, name, mod, description, recallId, conf);
		return id;
	};
	for (const deck of decks) {
		const wanted = ankiDeckName(deck.name) || 'Recall';
		let name = wanted;
		for (let n = 2; idByName.has(name.toLowerCase()) && name.toLowerCase() !== 'default'; n++) name = `${wanted} (${n})`;
		if (name !== wanted) warn(say('anki-export-deck-renamed', { deck: wanted, renamed: name }));
		idByDeck.set(deck.id, add(name, deck.source ? escapeHtml(deck.source) : '', deck.id, ownOptions(deck)));
	}
	// Anki expects every parent of a "Parent::Child" deck to exist.
	for (const deck of Object.values(json) as { name: string }[]) {
		const parts = deck.name.split('::');
		for (let depth = 1; depth < parts.length; depth++) {
			const parent = parts.slice(0, depth).join('::');
			if (!idByName.has(parent.toLowerCase())) add(parent);
		}
	}
	return { json, idByDeck, groups };
}

/**
 * A deck's options as its options group carries them: its own, and the global settings for what it does not set,
 * as the deck studies with them (limitsForDeck, leechOptionsForDeck); without global settings, its own alone. None
 * for a deck without any.
 */
function deckOptionsOf(bundle: ImportBundle, global: GlobalDeckOptions | undefined): (deck: Deck) => Omit<OptionsGroup, 'id' | 'name'> | undefined {
	return (deck) => {
		const own = bundle.store?.decks[deck.id]?.options;
		const set = Object.entries(own ?? {}).filter(([, value]) => value !== undefined);
		if (set.length === 0) return undefined;
		const recallOptions = Object.fromEntries(set) as DeckOptionsMeta;
		const followed = global ? { ...limitsForDeck(global, own), ...leechOptionsForDeck(global, own) } : recallOptions;
		return { ...followed, recallOptions };
	};
}

/**
 * A card's note guid: the guid it came with from Anki (so Anki sees the same
 * note again), else its Recall id, which Recall's importer reads back.
 */
export function exportGuid(cardId: string): string {
	const fromAnki = /^anki-(.+)-0$/.exec(cardId)?.[1];
	return fromAnki ?? `${RECALL_GUID_PREFIX}${cardId}`;
}

/**
 * A note's guid. One card at ordinal 0: `exportGuid`. An Anki note's cards at
 * their own ordinals: that note's guid, so Anki updates the note it has. Other
 * cards of one Cloze note: their ids by ordinal, which Recall's importer reads
 * back (`cardIdFor`). Deterministic: the same cards give the same guid.
 */
export function noteGuid(cards: readonly Card[], ords: readonly number[]): string {
	const guids = cards.map((card, index) => {
		const anki = ankiCardOf(card.id);
		return anki !== undefined && anki.ord === ords[index] ? anki.guid : undefined;
	});
	const [guid] = guids;
	if (guid !== undefined && guids.every((other) => other === guid)) return guid;
	if (cards.length === 1 && ords[0] === 0) return exportGuid((cards[0] as Card).id);
	const byOrdinal: string[] = [];
	cards.forEach((card, index) => (byOrdinal[ords[index] as number] = card.id));
	return `${RECALL_CLOZE_GUID_PREFIX}${Array.from(byOrdinal, (id) => id ?? '').join(' ')}`;
}

/** Bound parameters per statement: SQLite's lowest limit, which every build allows. */
const MAX_PARAMETERS = 999;

/**
 * Rows inserted many to a statement: sql.js pays for each call into SQLite, so
 * 300,000 revlog rows go in 3,000 statements rather than 300,000.
 */
function insertAll(db: Database, table: string, rows: readonly SqlValue[][]): void {
	const width = rows[0]?.length ?? 0;
	if (width === 0) return;
	const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
	const tuple = `(${new Array<string>(width).fill('?').join(', ')})`;
	const prepare = (count: number) => db.prepare(`INSERT INTO ${table} VALUES ${new Array<string>(count).fill(tuple).join(', ')}`);
	let full: Statement | undefined;
	try {
		for (let from = 0; from < rows.length; from += perStatement) {
			const chunk = rows.slice(from, from + perStatement);
			if (chunk.length === perStatement) {
				full ??= prepare(perStatement);
				full.run(chunk.flat());
			} else {
				const rest = prepare(chunk.length);
				try {
					rest.run(chunk.flat());
				} finally {
					rest.free();
				}
			}
		}
	} finally {
		full?.free();
	}
}

type Warn = (notice: ImportNotice) => void;

interface MediaTable {
	/** Anki's name for each bundle file, by the bundle's name. */
	names: Map<string, string>;
	files: { name: string; bytes: Uint8Array }[];
}

/**
 * One Anki name per bundle file: what Anki keeps as it is, unique (packageMediaNames, by which a table for Anki names
 * them too). A sound goes by its own name again ("hello.mp3", not the name with its hash, nor the note's folders,
 * Recall stores it under).
 */
function mediaTable(media: ImportBundle['media'], warn: Warn): MediaTable {
	const names = packageMediaNames(media.map((file) => file.name));
	const written = new Set<string>();
	const files: MediaTable['files'] = [];
	for (const file of media) {
		if (written.has(file.name)) {
			warn(say('anki-export-file-twice', { name: file.name }));
			continue;
		}
		written.add(file.name);
		files.push({ name: names.get(file.name) as string, bytes: file.bytes });
	}
	return { names, files };
}

interface Entry {
	deck: Deck;
	card: Card;
	history: CardHistory;
}

/** The bundle's cards in deck order, each with its history; a repeated card id is exported once. */
function cardEntries(bundle: ImportBundle, warn: Warn): Entry[] {
	const rowsByCard = new Map<string, ReviewRow[]>();
	for (const row of bundle.reviews) {
		const rows = rowsByCard.get(row.card);
		if (rows) rows.push(row);
		else rowsByCard.set(row.card, [row]);
	}
	const entries: Entry[] = [];
	const seen = new Set<string>();
	for (const deck of bundle.decks) {
		for (const card of deck.cards) {
			if (seen.has(card.id)) {
				warn(say('anki-export-card-twice', { card: short(card.front) }));
				continue;
			}
			seen.add(card.id);
			entries.push({ deck, card, history: cardHistory(rowsByCard.get(card.id) ?? []) });
		}
	}
	const orphans = bundle.reviews.filter((row) => !seen.has(row.card)).length;
	if (orphans > 0) warn(say('anki-export-orphan-reviews', { count: orphans }));
	return entries;
}

/**
 * The notes of the export's cards (note-fields.ts), deck by deck, with the package's media names and their guids:
 * the cards of one cloze sentence in one Cloze note. A cloze card that becomes a Basic note is warned about. Where
 * one note cannot hold its cards, each card is a note of its own under its own id (`recall:<id>`): when their ids
 * could not be told apart in its guid (an id with a space), or when another note has its guid already (an Anki
 * note's cards moved to two decks).
 */
function exportNotes(entries: readonly Entry[], options: AnkiExportOptions, media: MediaTable, warn: Warn): { note: CardsNote; guid: string; entries: Entry[] }[] {
	// A file by the name the package gives it, as the table for Anki names it (note-fields.ts); a file it has not, as written.
	const packaged = packagedName(media.names);
	const render: RenderSide = (shown, side) => rewriteSoundTags(renameImageSources(options.renderSide(shown, side), packaged), packaged);
	const imageSrc = (src: string) => packaged(src) ?? src;
	const byDeck = groupBy(entries, (entry) => entry.deck);
	const guids = new Set<string>();
	const out: { note: CardsNote; guid: string; entries: Entry[] }[] = [];
	for (const deckEntries of byDeck.values()) {
		const entryOf = new Map(deckEntries.map((entry) => [entry.card, entry]));
		for (const note of withReversedPairs(deckNotes(deckEntries.map((entry) => entry.card), render, imageSrc))) {
			const guid = noteGuid(note.cards, note.ords);
			const fits = !guids.has(guid) && (note.cards.length === 1 || !note.cards.some((card) => /\s/.test(card.id)));
			const notes = fits
				? [{ note, guid }]
				: note.cards.map((card) => ({ note: { note: noteFields(card, render, imageSrc), cards: [card], ords: [0] }, guid: `${RECALL_GUID_PREFIX}${card.id}` }));
			for (const one of notes) {
				guids.add(one.guid);
				if (one.note.note.clozeAsBasic) warn(say('anki-export-cloze-as-basic', { card: short((one.note.cards[0] as Card).front) }));
				out.push({ ...one, entries: one.note.cards.map((card) => entryOf.get(card) as Entry) });
			}
		}
	}
	return out;
}

/** The collection file: the schema, then every table's rows in one transaction. */
function collectionFile(sql: SqlJsStatic, tables: Record<'col' | 'notes' | 'cards' | 'revlog', SqlValue[][]>): Uint8Array {
	const db = new sql.Database();
	try {
		db.run(SCHEMA_11_SQL);
		db.run('BEGIN');
		for (const [table, rows] of Object.entries(tables)) insertAll(db, table, rows);
		db.run('COMMIT');
		return db.export();
	} finally {
		db.close();
	}
}

export function writeAnkiPackage(bundle: ImportBundle, options: AnkiExportOptions): Uint8Array {
	const now = Math.floor(options.now ?? Date.now());
	const nowSeconds = Math.floor(now / 1000);
	const { dayOptions } = options;
	const today = studyDay(now, dayOptions);
	const warn: Warn = (notice) => options.onWarning?.(notice);

	const media = mediaTable(bundle.media, warn);
	const entries = cardEntries(bundle, warn);
	const decks = ankiDecks(bundle.decks, nowSeconds, warn, deckOptionsOf(bundle, options.globalOptions));

	// The collection is "created" on the earliest day a review card is due (today at the latest),
	// so that every review card's due day counts forward from it.
	let creationDay = today;
	for (const { history } of entries) {
		const { dueDay, state } = history.schedule;
		if (dueDay !== undefined && state.interval > 0) creationDay = Math.min(creationDay, dueDay);
	}
	const crtMs = dayStartMs(creationDay, dayOptions);
	const dayStarts = new Map<number, number>();
	const dayStartSeconds = (day: number) => {
		let start = dayStarts.get(day);
		if (start === undefined) dayStarts.set(day, (start = Math.floor(dayStartMs(day, dayOptions) / 1000)));
		return start;
	};

	// Every row as a plain array, in column order.
	const tags = new Set<string>();
	const noteRows: SqlValue[][] = [];
	const cardRows: SqlValue[][] = [];
	const revlogRows: SqlValue[][] = [];
	// Revlog ids are the answers' times in ms, nudged forward where two coincide.
	const revlogIds = new Set<number>();
	let newPosition = 0;
	let cardIndex = 0;
	for (const { note, guid, entries: noteEntries } of exportNotes(entries, options, media, warn)) {
		const ids = noteEntries.map(() => now + cardIndex++);
		const nid = ids[0] as number;
		const fields = note.note.fields.map(cleanField);
		const sortField = stripHtmlPreservingMedia(fields[0] ?? '');
		// A note's cards share their tags (deckNotes groups cards of the same tags only).
		const noteTags = [...new Set((note.cards[0] as Card).tags.map(ankiTag).filter((tag) => tag !== ''))];
		for (const tag of noteTags) tags.add(tag);
		const modelId = MODEL_IDS[note.note.notetype];
		// id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data
		noteRows.push([nid, guid, modelId, nowSeconds, -1, notesTagsColumn(noteTags), fields.join(FIELD_SEPARATOR), sortField, fieldChecksum(sortField), 0, '']);
		noteEntries.forEach(({ deck, card, history }, index) => {
			const id = ids[index] as number;
			const isNew = history.schedule.dueDay === undefined;
			const columns = cardScheduling(history, bundle.progress[card.id], { creationDay, today, newPosition: isNew ? ++newPosition : 0, dayStartSeconds });
			const did = decks.idByDeck.get(deck.id) ?? DEFAULT_DECK_ID;
			// Anki's buried queue has no end day, its columns no SM-2 repetitions, and its HTML cannot tell an edit in Anki:
			// all go in the card's custom data (custom-data.ts).
			const buriedUntil = columns.queue === QUEUE_USER_BURIED ? bundle.progress[card.id]?.buriedUntil : undefined;
			const data = customDataColumn({
				...(buriedUntil === undefined ? {} : { buriedUntil: buriedUntil - creationDay }),
				...(columns.type === CARD_REVIEW ? { sm2: { repetitions: history.schedule.state.repetitions, extraReview: history.schedule.state.extraReview, reps: columns.reps } } : {}),
				noteChecksum: noteChecksum(fields, noteTags)
			});
			// id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, left, odue, odid, flags, data
			cardRows.push([id, nid, did, note.ords[index] ?? 0, nowSeconds, -1, columns.type, columns.queue, columns.due, columns.ivl, columns.factor, columns.reps, columns.lapses, columns.left, 0, 0, 0, data]);
			for (const row of history.revlog) {
				let revlogId = Math.round(row.reviewedAt);
				while (revlogIds.has(revlogId)) revlogId++;
				revlogIds.add(revlogId);
				// id, cid, usn, ease, ivl, lastIvl, factor, time, type
				revlogRows.push([revlogId, id, -1, row.ease, row.ivl, row.lastIvl, row.factor, row.time, row.type]);
			}
		});
	}
	// Images the cards name, in their list or in their HTML (an Anki card's), that the bundle has no file of.
	for (const src of missingImages(bundle)) warn(say('anki-export-image-missing', { src }));
	for (const name of missingSounds(bundle)) warn(say('anki-export-sound-missing', { name }));
	// In id order, as SQLite packs a table best.
	revlogRows.sort((a, b) => (a[0] as number) - (b[0] as number));

	const firstDeck = decks.idByDeck.values().next().value ?? DEFAULT_DECK_ID;
	const timing = {
		rollover: dayOptions?.dayStartHour ?? DEFAULT_DAY_START_HOUR,
		creationOffset: minutesWest(crtMs, dayOptions?.timeZone),
		localOffset: minutesWest(now, dayOptions?.timeZone)
	};
	// id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags
	const colRow: SqlValue[] = [
		1,
		Math.floor(crtMs / 1000),
		now,
		now,
		SCHEMA_VERSION,
		0,
		0,
		0,
		JSON.stringify(collectionConfJson(timing, newPosition + 1, firstDeck)),
		JSON.stringify(modelsJson(nowSeconds, firstDeck)),
		JSON.stringify(decks.json),
		JSON.stringify(deckConfigsJson(nowSeconds, decks.groups)),
		JSON.stringify(Object.fromEntries([...tags].sort().map((tag) => [tag, 0])))
	];

	const files: Zippable = { [COLLECTION_FILE]: collectionFile(options.sql, { col: [colRow], notes: noteRows, cards: cardRows, revlog: revlogRows }) };
	const mediaMap: Record<string, string> = {};
	media.files.forEach((file, index) => {
		mediaMap[index] = file.name;
		// Images are compressed already: stored, not deflated again.
		files[String(index)] = [file.bytes, { level: 0 }];
	});
	files[MEDIA_MAP_FILE] = strToU8(JSON.stringify(mediaMap));
	return zipSync(files, { level: 6, mtime: now });
}
