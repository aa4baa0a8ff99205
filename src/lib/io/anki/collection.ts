/**
 * Reading an Anki collection (the SQLite file inside a package) into plain
 * objects: note types, decks, notes, cards and the review log. Two layouts:
 * schema 11 keeps note types and decks as JSON in the `col` table; schema 15
 * and later (18 is the latest) keep them in tables of their own, with their
 * settings in protobuf blobs.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { tidyDeckName } from '../../srs/deck-tree';
import { ImportError, type DeckOptionsMeta } from '../bundle';
import { DEFAULT_CONF_ID, optionsOfGroup } from './options-group';
import { refuse } from '../notices';
import type { AnkiJsonPart, AnkiTable } from '../notices/anki';
import { readCustomData, type Sm2Extra } from './custom-data';
import { optionsOfConfig } from './deck-config';
import { decodeMessage, hasField, messageFields, numberField, ProtobufError, stringField, type ProtoMessage } from './protobuf';

/** The newest collection schema Recall reads (Anki 2.1.50 and later write 18). */
export const MAX_SCHEMA = 18;
/** The oldest: Anki 2.0 and every later version can write 11. */
export const MIN_SCHEMA = 11;

export interface AnkiTemplate {
	ord: number;
	name: string;
	question: string;
	answer: string;
}

export interface AnkiNotetype {
	id: number;
	name: string;
	cloze: boolean;
	/** Image Occlusion draws masks with script on a canvas, which Recall cannot show. */
	imageOcclusion: boolean;
	/** Field names by ordinal. */
	fields: string[];
	templates: AnkiTemplate[];
}

export interface AnkiDeck {
	id: number;
	/** Parent and child names joined by "::". */
	name: string;
	filtered: boolean;
	/** The Recall deck a package exported by Recall was made from: importing it back lands in that deck. */
	recallId?: string;
	/**
	 * The deck's options, when it uses an options group of its own (not the Default group, id 1) that the
	 * collection has: in a schema-11 collection's `dconf`, or a later one's `deck_config` table (deck-config.ts).
	 */
	options?: DeckOptionsMeta;
}

export interface AnkiNote {
	id: number;
	guid: string;
	notetype: number;
	/** Last edit of its fields or tags, seconds. */
	mod: number;
	tags: string[];
	fields: string[];
}

export interface AnkiCard {
	id: number;
	note: number;
	deck: number;
	ord: number;
	/** Last change, seconds. */
	mod: number;
	/** 0 new, 1 learning, 2 review, 3 relearning. */
	type: number;
	/** -3/-2 buried, -1 suspended, 0 new, 1/3 learning, 2 review, 4 preview. */
	queue: number;
	/** New: position; review: day number since the collection's creation; learning: a time. */
	due: number;
	/** Days (negative: seconds of a learning step). */
	ivl: number;
	/** Ease in permille. */
	factor: number;
	reps: number;
	lapses: number;
	/** In a filtered deck: the home deck and its due. */
	originalDue: number;
	originalDeck: number;
	/** Recall's day the card stays buried until, counted from day 0, from its custom data (custom-data.ts). */
	buriedUntil?: number;
	/** The checksum of its note Recall's export wrote in its custom data (custom-data.ts). */
	noteChecksum?: number;
	/** SM-2's repetitions and pending same-day repeat Recall's export wrote in its custom data, while `reps` is still the one written beside them (custom-data.ts). */
	sm2?: Sm2Extra;
}

export interface AnkiRevlog {
	/** The time of the answer, ms. */
	id: number;
	card: number;
	/** 1-4: Again, Hard, Good, Easy (three buttons in the old scheduler's learning); 0: not an answer. */
	ease: number;
	ivl: number;
	lastIvl: number;
	factor: number;
	/** ms taken to answer. */
	time: number;
	/** 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled. */
	type: number;
}

export interface AnkiCollection {
	schema: number;
	/** The collection's creation: the start of its day 0, seconds. */
	created: number;
	/** 1: the old scheduler (three buttons while learning), 2 and later: four buttons throughout. */
	schedulerVersion: number;
	notetypes: Map<number, AnkiNotetype>;
	decks: Map<number, AnkiDeck>;
	notes: AnkiNote[];
	cards: AnkiCard[];
	revlog: AnkiRevlog[];
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

export function looksLikeSqlite(bytes: Uint8Array): boolean {
	if (bytes.length < SQLITE_HEADER.length) return false;
	for (let i = 0; i < SQLITE_HEADER.length; i++) if (bytes[i] !== SQLITE_HEADER.charCodeAt(i)) return false;
	return true;
}

function rows(db: Database, sql: string): SqlValue[][] {
	return db.exec(sql)[0]?.values ?? [];
}

function num(value: SqlValue | undefined): number {
	return typeof value === 'number' ? value : Number(value ?? 0) || 0;
}

function str(value: SqlValue | undefined): string {
	if (typeof value === 'string') return value;
	if (value instanceof Uint8Array) return new TextDecoder().decode(value);
	return value === null || value === undefined ? '' : String(value);
}

function blob(value: SqlValue | undefined): Uint8Array {
	return value instanceof Uint8Array ? value : new Uint8Array();
}

function tableNames(db: Database): Set<string> {
	return new Set(rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => str(row[0])));
}

/**
 * Anki's Rust code sorts names with its own `unicase` collation, which sql.js
 * cannot register: every table declared with it would fail to read. The copy
 * in memory is ours, so its schema is rewritten to a built-in collation.
 */
function replaceUnicase(db: Database): void {
	if (rows(db, "SELECT 1 FROM sqlite_master WHERE sql LIKE '%unicase%' LIMIT 1").length === 0) return;
	db.exec(
		"PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, 'COLLATE unicase', 'COLLATE NOCASE') WHERE sql LIKE '%unicase%'; PRAGMA writable_schema = RESET;"
	);
}

function parseJson(text: string, part: AnkiJsonPart): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw refuse('anki-damaged-json', { part });
	}
}

function record(value: unknown): Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): Record<string, unknown>[] {
	return Array.isArray(value) ? value.map(record) : [];
}

/**
 * A note's or card's `mod` in seconds, as Anki writes it. Some tools that write packages (anki-apkg-export)
 * write milliseconds: read as seconds, those are dates tens of thousands of years ahead, and such a card would
 * always look newer than any edit. No date in seconds comes near 10^11 (the year 5138).
 */
export function modSeconds(mod: number): number {
	return mod >= 100_000_000_000 ? Math.floor(mod / 1000) : mod;
}

/** Schema 11: note types are JSON in col.models. */
function legacyNotetypes(modelsJson: string): Map<number, AnkiNotetype> {
	const notetypes = new Map<number, AnkiNotetype>();
	for (const model of Object.values(record(parseJson(modelsJson, 'note types')))) {
		const m = record(model);
		const id = num(m.id as SqlValue);
		const fields = list(m.flds).sort((a, b) => num(a.ord as SqlValue) - num(b.ord as SqlValue)).map((field) => str(field.name as SqlValue));
		const templates = list(m.tmpls).map((template) => ({
			ord: num(template.ord as SqlValue),
			name: str(template.name as SqlValue),
			question: str(template.qfmt as SqlValue),
			answer: str(template.afmt as SqlValue)
		}));
		const name = str(m.name as SqlValue);
		notetypes.set(id, { id, name, cloze: m.type === 1, imageOcclusion: false, fields, templates });
	}
	return notetypes;
}

/** A deck's name tidied as the app tidies one (Anki keeps names so; a hand-made file may not); one with nothing left stays as it is. */
function deckName(name: string): string {
	return tidyDeckName(name) || name;
}

function legacyDecks(decksJson: string, groupsJson: string): Map<number, AnkiDeck> {
	const decks = new Map<number, AnkiDeck>();
	// Options are a deck's to keep: a damaged dconf column costs them, not the import.
	let groups: Record<string, unknown> = {};
	try {
		groups = groupsJson.trim() === '' ? {} : record(JSON.parse(groupsJson));
	} catch {
		groups = {};
	}
	for (const deck of Object.values(record(parseJson(decksJson, 'decks')))) {
		const d = record(deck);
		const id = num(d.id as SqlValue);
		const conf = num(d.conf as SqlValue);
		const group = conf !== DEFAULT_CONF_ID && num(d.dyn as SqlValue) !== 1 ? groups[String(conf)] : undefined;
		decks.set(id, {
			id,
			name: deckName(str(d.name as SqlValue)),
			filtered: num(d.dyn as SqlValue) === 1,
			...(typeof d.recallId === 'string' && d.recallId !== '' && { recallId: d.recallId }),
			...(typeof group === 'object' && group !== null && { options: optionsOfGroup(group as Record<string, unknown>) })
		});
	}
	return decks;
}

/** Notetype.Config: kind = 1 (0 normal, 1 cloze), original_stock_kind = 9 (6 image occlusion). */
const NOTETYPE_KIND = 1;
const NOTETYPE_STOCK_KIND = 9;
const STOCK_IMAGE_OCCLUSION = 6;
/** Template.Config: q_format = 1, a_format = 2. */
const TEMPLATE_QUESTION = 1;
const TEMPLATE_ANSWER = 2;
/** The decks table's kind: oneof { Normal normal = 1; Filtered filtered = 2 }; Normal.config_id = 1, its options group. */
const DECK_NORMAL = 1;
const DECK_FILTERED = 2;
const NORMAL_CONFIG_ID = 1;

/** Schema 15 and later: note types, fields, templates and decks have tables. */
function tableNotetypes(db: Database): Map<number, AnkiNotetype> {
	const notetypes = new Map<number, AnkiNotetype>();
	for (const [id, name, config] of rows(db, 'SELECT id, name, config FROM notetypes')) {
		const message = decodeMessage(blob(config));
		notetypes.set(num(id), {
			id: num(id),
			name: str(name),
			cloze: numberField(message, NOTETYPE_KIND) === 1,
			imageOcclusion: numberField(message, NOTETYPE_STOCK_KIND) === STOCK_IMAGE_OCCLUSION,
			fields: [],
			templates: []
		});
	}
	for (const [ntid, , name] of rows(db, 'SELECT ntid, ord, name FROM fields ORDER BY ntid, ord')) {
		notetypes.get(num(ntid))?.fields.push(str(name));
	}
	for (const [ntid, ord, name, config] of rows(db, 'SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord')) {
		const message = decodeMessage(blob(config));
		notetypes.get(num(ntid))?.templates.push({
			ord: num(ord),
			name: str(name),
			question: stringField(message, TEMPLATE_QUESTION),
			answer: stringField(message, TEMPLATE_ANSWER)
		});
	}
	return notetypes;
}

/**
 * The options groups of the `deck_config` table (absent from a hand-made collection) by id, but for Anki's
 * Default group: a deck on Default takes Recall's global settings, as in the legacy layout. Each group's
 * `config` is read only when a deck uses it.
 */
function tableGroups(db: Database, tables: ReadonlySet<string>): Map<number, Uint8Array> {
	if (!tables.has('deck_config')) return new Map();
	return new Map(rows(db, 'SELECT id, config FROM deck_config').flatMap(([id, config]) => (num(id) === DEFAULT_CONF_ID ? [] : [[num(id), blob(config)] as const])));
}

/** The options group a normal deck's `kind` names (Normal.config_id); undefined when it cannot be read. */
function configIdOf(kind: ProtoMessage): number | undefined {
	const normal = messageFields(kind, DECK_NORMAL).at(-1);
	if (normal === undefined) return undefined;
	try {
		return numberField(decodeMessage(normal), NORMAL_CONFIG_ID);
	} catch (error) {
		if (error instanceof ProtobufError) return undefined;
		throw error;
	}
}

function tableDecks(db: Database, groups: ReadonlyMap<number, Uint8Array>): Map<number, AnkiDeck> {
	const decks = new Map<number, AnkiDeck>();
	for (const [id, name, kind] of rows(db, 'SELECT id, name, kind FROM decks')) {
		const message = decodeMessage(blob(kind));
		const filtered = hasField(message, DECK_FILTERED);
		const group = filtered ? undefined : groups.get(configIdOf(message) ?? DEFAULT_CONF_ID);
		const options = group === undefined ? undefined : optionsOfConfig(group);
		decks.set(num(id), {
			id: num(id),
			// The tables separate parent and child with 0x1f where the JSON had "::".
			name: deckName(str(name).split('\u001f').join('::')),
			filtered,
			...(options && { options })
		});
	}
	return decks;
}

function schedulerVersion(db: Database, tables: Set<string>, conf: string): number {
	if (tables.has('config')) {
		const value = rows(db, "SELECT val FROM config WHERE KEY = 'schedVer'")[0]?.[0];
		// Collections with a config table default to the v2 scheduler or later.
		if (value === undefined) return 2;
		return num(parseJson(str(value), 'settings') as SqlValue) || 2;
	}
	return num(record(conf === '' ? {} : parseJson(conf, 'settings')).schedVer as SqlValue) || 1;
}

function requireTables(tables: ReadonlySet<string>, required: readonly AnkiTable[]): void {
	for (const table of required) if (!tables.has(table)) throw refuse('anki-missing-table', { table });
}

function readAll(db: Database): AnkiCollection {
	const tables = tableNames(db);
	requireTables(tables, ['col', 'notes', 'cards', 'revlog']);
	const col = rows(db, 'SELECT ver, crt, models, decks, conf, dconf FROM col LIMIT 1')[0];
	if (!col) throw refuse('anki-no-settings');
	const schema = num(col[0]);
	if (schema > MAX_SCHEMA) throw refuse('anki-schema-too-new', { schema, max: MAX_SCHEMA });
	if (schema < MIN_SCHEMA) throw refuse('anki-schema-too-old', { schema, min: MIN_SCHEMA, max: MAX_SCHEMA });
	replaceUnicase(db);

	let notetypes: Map<number, AnkiNotetype>;
	let decks: Map<number, AnkiDeck>;
	if (tables.has('notetypes')) {
		requireTables(tables, ['fields', 'templates', 'decks']);
		notetypes = tableNotetypes(db);
		decks = tableDecks(db, tableGroups(db, tables));
	} else {
		if (str(col[2]).trim() === '') throw refuse('anki-no-notetypes');
		notetypes = legacyNotetypes(str(col[2]));
		decks = legacyDecks(str(col[3]), str(col[5]));
	}

	const notes = rows(db, 'SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id').map(
		([id, guid, mid, mod, tags, fields]): AnkiNote => ({
			id: num(id),
			guid: str(guid),
			notetype: num(mid),
			mod: modSeconds(num(mod)),
			tags: str(tags).split(/\s+/).filter((tag) => tag !== ''),
			fields: str(fields).split('\u001f')
		})
	);
	const cards = rows(db, 'SELECT id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses, odue, odid, data FROM cards ORDER BY nid, ord').map(
		(row): AnkiCard => {
			const [id, note, deck, ord, mod, type, queue, due, ivl, factor, reps, lapses, originalDue, originalDeck] = row.slice(0, 14).map(num) as number[];
			const card = { id, note, deck, ord, mod: modSeconds(mod!), type, queue, due, ivl, factor, reps, lapses, originalDue, originalDeck } as AnkiCard;
			const { buriedUntil, noteChecksum, sm2 } = readCustomData(str(row[14]));
			if (buriedUntil !== undefined) card.buriedUntil = buriedUntil;
			if (noteChecksum !== undefined) card.noteChecksum = noteChecksum;
			if (sm2 !== undefined && sm2.reps === reps) card.sm2 = { repetitions: sm2.repetitions, extraReview: sm2.extraReview };
			return card;
		}
	);
	const revlog = rows(db, 'SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id').map((row): AnkiRevlog => {
		const [id, card, ease, ivl, lastIvl, factor, time, type] = row.map(num) as number[];
		return { id, card, ease, ivl, lastIvl, factor, time, type } as AnkiRevlog;
	});

	return {
		schema,
		created: num(col[1]),
		schedulerVersion: schedulerVersion(db, tables, str(col[4])),
		notetypes,
		decks,
		notes,
		cards,
		revlog
	};
}

/** Reads a collection file. Throws ImportError with a message for the learner when it cannot. */
export function readCollectionDatabase(sql: SqlJsStatic, bytes: Uint8Array): AnkiCollection {
	if (bytes.length === 0) throw refuse('anki-empty', { file: 'collection' });
	if (!looksLikeSqlite(bytes)) throw refuse('anki-not-sqlite');
	let db: Database | undefined;
	try {
		db = new sql.Database(bytes);
		return readAll(db);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		const reason = error instanceof Error ? error.message : String(error);
		throw refuse('anki-damaged', { reason });
	} finally {
		db?.close();
	}
}
