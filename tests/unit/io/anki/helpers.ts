/**
 * Anki packages built in the tests: collections of schema 11 (note types and
 * decks as JSON in `col`) and schema 18 (their own tables, protobuf blobs,
 * zstd-compressed as `collection.anki21b`), zipped with their media.
 */
import { unzipSync, zipSync } from 'fflate';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { AnkiRevlog } from '../../../../src/lib/io/anki/collection';

let sqlPromise: Promise<SqlJsStatic> | undefined;

export function loadSql(): Promise<SqlJsStatic> {
	sqlPromise ??= initSqlJs();
	return sqlPromise;
}

// ---------------------------------------------------------------- zstd (raw blocks)

const MAX_BLOCK = 128 * 1024;

/**
 * A valid zstd frame holding `data` uncompressed: raw blocks, which every
 * decoder reads. fzstd only decompresses, and the tests need to write frames.
 */
export function zstdRaw(data: Uint8Array): Uint8Array {
	const blocks = Math.max(1, Math.ceil(data.length / MAX_BLOCK));
	// Magic, descriptor (4-byte content size, no window: single segment), content size.
	const out = new Uint8Array(4 + 1 + 4 + blocks * 3 + data.length);
	out.set([0x28, 0xb5, 0x2f, 0xfd, 0x80 | 0x20], 0);
	new DataView(out.buffer).setUint32(5, data.length, true);
	let at = 9;
	for (let i = 0; i < blocks; i++) {
		const chunk = data.subarray(i * MAX_BLOCK, (i + 1) * MAX_BLOCK);
		const last = i === blocks - 1 ? 1 : 0;
		const header = (chunk.length << 3) | (0 << 1) | last;
		out.set([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff], at);
		out.set(chunk, at + 3);
		at += 3 + chunk.length;
	}
	return out;
}

/**
 * A zstd frame of `length` zero bytes in RLE blocks (one byte each), with no
 * content size in its header: a few bytes that only decompressing finds large.
 */
export function zstdZeros(length: number): Uint8Array {
	const bytes: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x00, (17 - 10) << 3];
	for (let left = length; left > 0 || bytes.length === 6; left -= MAX_BLOCK) {
		const size = Math.min(MAX_BLOCK, Math.max(0, left));
		const last = left <= MAX_BLOCK ? 1 : 0;
		const header = (size << 3) | (1 << 1) | last;
		bytes.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff, 0);
	}
	return new Uint8Array(bytes);
}

// ---------------------------------------------------------------- protobuf

type ProtoValue = number | string | Uint8Array;

function varint(value: number): number[] {
	const bytes: number[] = [];
	let rest = value;
	while (rest >= 0x80) {
		bytes.push((rest % 0x80) | 0x80);
		rest = Math.floor(rest / 0x80);
	}
	bytes.push(rest);
	return bytes;
}

/** A message from [field number, value] pairs: numbers as varints, strings and bytes length-delimited. */
export function protoMessage(fields: [number, ProtoValue][]): Uint8Array {
	const bytes: number[] = [];
	for (const [field, value] of fields) {
		if (typeof value === 'number') {
			bytes.push(...varint(field * 8), ...varint(value));
		} else {
			const data = typeof value === 'string' ? new TextEncoder().encode(value) : value;
			bytes.push(...varint(field * 8 + 2), ...varint(data.length), ...data);
		}
	}
	return new Uint8Array(bytes);
}

// ---------------------------------------------------------------- collections

export interface NotetypeSpec {
	id: number;
	name: string;
	cloze?: boolean;
	fields: string[];
	templates: { name: string; qfmt: string; afmt: string }[];
}

export interface DeckSpec {
	id: number;
	name: string;
	filtered?: boolean;
	/** Its options group's id: in `dconf` (schema 11) or `deckConfig` (schema 18); the Default group (1) unless given. */
	conf?: number;
}

export interface NoteSpec {
	id: number;
	guid: string;
	mid: number;
	fields: string[];
	tags?: string[];
	/** Last edit, seconds: 0 unless given. */
	mod?: number;
}

export interface CardSpec {
	id: number;
	nid: number;
	did: number;
	ord: number;
	mod: number;
	type: number;
	queue: number;
	due: number;
	ivl?: number;
	factor?: number;
	reps?: number;
	lapses?: number;
	odue?: number;
	odid?: number;
	/** The `data` column: JSON, `{}` unless given. */
	data?: string;
}

/** A revlog row, as the importer reads it. */
export type RevlogSpec = AnkiRevlog;

export interface CollectionSpec {
	/** 11 or 18 (or any number, for the schema check). */
	schema: number;
	/** Collection creation, seconds. */
	crt: number;
	schedVer?: number;
	notetypes: NotetypeSpec[];
	decks: DeckSpec[];
	notes: NoteSpec[];
	cards: CardSpec[];
	revlog?: RevlogSpec[];
	/** Options groups by id (schema 11's `dconf`). */
	dconf?: Record<string, unknown>;
	/** Options groups by id, each its protobuf DeckConfig.Config (schema 18's `deck_config` table). */
	deckConfig?: Record<string, Uint8Array>;
	/** Tables to leave out (for the error tests). */
	without?: string[];
}

const LEGACY_TABLES = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
`;

/** Schema 18's own tables; Anki declares the names COLLATE unicase, which is put back after creation. */
const LATEST_TABLES = `
CREATE TABLE deck_config (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE NOCASE, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE config (KEY text NOT NULL PRIMARY KEY, usn integer NOT NULL, mtime_secs integer NOT NULL, val blob NOT NULL) without rowid;
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE NOCASE, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE NOCASE, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE NOCASE, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE NOCASE, mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE TABLE tags (tag text NOT NULL PRIMARY KEY COLLATE NOCASE, usn integer NOT NULL, collapsed boolean NOT NULL, config blob NULL) without rowid;
`;

function legacyModels(spec: CollectionSpec): string {
	const models: Record<string, unknown> = {};
	for (const notetype of spec.notetypes) {
		models[notetype.id] = {
			id: notetype.id,
			name: notetype.name,
			type: notetype.cloze ? 1 : 0,
			flds: notetype.fields.map((name, ord) => ({ name, ord })),
			tmpls: notetype.templates.map((template, ord) => ({ name: template.name, ord, qfmt: template.qfmt, afmt: template.afmt })),
			css: '.card {}'
		};
	}
	return JSON.stringify(models);
}

function legacyDecks(spec: CollectionSpec): string {
	const decks: Record<string, unknown> = {};
	for (const deck of spec.decks) decks[deck.id] = { id: deck.id, name: deck.name, dyn: deck.filtered ? 1 : 0, ...(deck.conf !== undefined && { conf: deck.conf }) };
	return JSON.stringify(decks);
}

/** The SQLite bytes of a collection. */
export async function buildCollection(spec: CollectionSpec): Promise<Uint8Array> {
	const SQL = await loadSql();
	const db = new SQL.Database();
	const latest = spec.schema >= 15;
	db.exec(LEGACY_TABLES);
	if (latest) db.exec(LATEST_TABLES);
	const conf = spec.schedVer === undefined ? {} : { schedVer: spec.schedVer };
	db.run('INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?)', [
		spec.crt,
		spec.crt * 1000,
		spec.crt * 1000,
		spec.schema,
		latest ? '' : JSON.stringify(conf),
		latest ? '' : legacyModels(spec),
		latest ? '' : legacyDecks(spec),
		latest ? '' : JSON.stringify(spec.dconf ?? {}),
		latest ? '' : '{}'
	]);
	if (latest) {
		if (spec.schedVer !== undefined) db.run("INSERT INTO config VALUES ('schedVer', 0, 0, ?)", [new TextEncoder().encode(String(spec.schedVer))]);
		for (const notetype of spec.notetypes) {
			const config = protoMessage([
				...(notetype.cloze ? ([[1, 1]] as [number, number][]) : []),
				[3, '.card {}'],
				[9, notetype.cloze ? 5 : 1]
			]);
			db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [notetype.id, notetype.name, config]);
			notetype.fields.forEach((name, ord) => db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [notetype.id, ord, name, protoMessage([[3, 'Arial']])]));
			notetype.templates.forEach((template, ord) =>
				db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [notetype.id, ord, template.name, protoMessage([[1, template.qfmt], [2, template.afmt]])])
			);
		}
		for (const deck of spec.decks) {
			const kind = deck.filtered ? protoMessage([[2, protoMessage([[1, 'search']])]]) : protoMessage([[1, protoMessage([[1, deck.conf ?? 1]])]]);
			db.run('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)', [deck.id, deck.name.split('::').join('\u001f'), new Uint8Array(), kind]);
		}
		for (const [id, config] of Object.entries(spec.deckConfig ?? {})) db.run('INSERT INTO deck_config VALUES (?, ?, 0, 0, ?)', [Number(id), `Group ${id}`, config]);
	}
	for (const note of spec.notes) {
		const tags = note.tags && note.tags.length > 0 ? ` ${note.tags.join(' ')} ` : '';
		db.run('INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, ?, 0, 0, ?)', [note.id, note.guid, note.mid, note.mod ?? 0, tags, note.fields.join('\u001f'), note.fields[0] ?? '', '']);
	}
	for (const card of spec.cards) {
		db.run('INSERT INTO cards VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, ?)', [
			card.id,
			card.nid,
			card.did,
			card.ord,
			card.mod,
			card.type,
			card.queue,
			card.due,
			card.ivl ?? 0,
			card.factor ?? 0,
			card.reps ?? 0,
			card.lapses ?? 0,
			card.odue ?? 0,
			card.odid ?? 0,
			card.data ?? '{}'
		]);
	}
	for (const log of spec.revlog ?? []) {
		db.run('INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)', [log.id, log.card, log.ease, log.ivl, log.lastIvl, log.factor, log.time, log.type]);
	}
	for (const table of spec.without ?? []) db.exec(`DROP TABLE ${table}`);
	if (latest) {
		// As Anki writes them: names in its own collation, which sql.js cannot create.
		db.exec(
			"PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, 'COLLATE NOCASE', 'COLLATE unicase') WHERE sql LIKE '%NOCASE%'; PRAGMA writable_schema = RESET;"
		);
	}
	const bytes = db.export();
	db.close();
	return bytes;
}

/** A schema 11 collection of one Basic note of `fields`, with its one new card. */
export function oneBasicNote(guid: string, fields: [string, string]): CollectionSpec {
	return {
		schema: 11,
		crt: 0,
		notetypes: [{ id: 1, name: 'Basic', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{Back}}' }] }],
		decks: [{ id: 1, name: 'Default' }],
		notes: [{ id: 1, guid, mid: 1, fields }],
		cards: [{ id: 1, nid: 1, did: 1, ord: 0, mod: 0, type: 0, queue: 0, due: 1 }]
	};
}

export interface PackageSpec {
	collection: CollectionSpec;
	/** Media by name, stored as the numbered zip entries. */
	media?: Record<string, Uint8Array>;
	/** Extra zip entries, e.g. a dummy collection.anki2. */
	extra?: Record<string, Uint8Array>;
}

/**
 * An .apkg as Anki writes it: schema 11 as `collection.anki2` with a JSON
 * media map; schema 18 as zstd `collection.anki21b` with a `meta` file, a
 * protobuf media list and zstd media files.
 */
export async function buildPackage(spec: PackageSpec): Promise<Uint8Array> {
	const collection = await buildCollection(spec.collection);
	const latest = spec.collection.schema >= 15;
	const media = Object.entries(spec.media ?? {});
	const files: Record<string, Uint8Array> = {};
	if (latest) {
		files['meta'] = protoMessage([[1, 3]]);
		files['collection.anki21b'] = zstdRaw(collection);
		files['media'] = zstdRaw(protoMessage(media.map(([name, bytes]) => [1, protoMessage([[1, name], [2, bytes.length]])])));
		media.forEach(([, bytes], index) => (files[String(index)] = zstdRaw(bytes)));
	} else {
		files['collection.anki2'] = collection;
		files['media'] = new TextEncoder().encode(JSON.stringify(Object.fromEntries(media.map(([name], index) => [String(index), name]))));
		media.forEach(([, bytes], index) => (files[String(index)] = bytes));
	}
	Object.assign(files, spec.extra ?? {});
	return zipSync(files);
}

/** A legacy package (collection.anki2) with `change` made to its collection, as the learner would leave it after working in Anki. */
export async function changedInAnki(file: Uint8Array, change: (collection: Database) => void): Promise<Uint8Array> {
	const files: Record<string, Uint8Array> = unzipSync(file);
	const sql = await loadSql();
	const collection = new sql.Database(files['collection.anki2']);
	try {
		change(collection);
		files['collection.anki2'] = collection.export();
	} finally {
		collection.close();
	}
	return zipSync(files);
}

