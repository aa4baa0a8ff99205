/**
 * For the Anki export tests: bundles of cards with review logs, and a reader
 * that opens a package the way an importer would (fflate + sql.js) and hands
 * back every table as plain rows.
 */
import { unzipSync, strFromU8 } from 'fflate';
import type { Card, Deck } from '../../../../src/lib/notes/deck-format';
import { studyDay, type DayOptions } from '../../../../src/lib/srs/day';
import { foldRows, type AnswerRow, type ReviewRow, type StateRow } from '../../../../src/lib/srs/history';
import type { QueueKind } from '../../../../src/lib/srs/session';
import type { Grade, Sm2State } from '../../../../src/lib/srs/sm2';
import { emptyBundle, type ImportBundle } from '../../../../src/lib/io/bundle';
import type { ImportNotice } from '../../../../src/lib/io/notices';
import { writeAnkiPackage, type AnkiExportOptions } from '../../../../src/lib/io/anki/export';
import { loadSql } from './helpers';

export { loadSql };

export const SEOUL: DayOptions = { timeZone: 'Asia/Seoul', dayStartHour: 4 };
/** The study day in Seoul of a date written 'YYYY-MM-DD'. */
export const day = (iso: string) => studyDay(Date.parse(`${iso}T12:00:00+09:00`), SEOUL);

function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A stand-in for the app's renderer: the side's text in a paragraph, or as it is when the card is HTML. */
export function renderSide(card: Card, side: 'front' | 'back'): string {
	const text = side === 'front' ? card.front : card.back;
	return card.format === 'html' ? text : `<p>${escapeHtml(text)}</p>`;
}

export function makeCard(id: string, deck: string, front: string, back: string, extra: Partial<Card> = {}): Card {
	return { id, deck, kind: 'basic', rule: 'qa', front, back, path: [], tags: [], images: [], source: { file: 'note.md', line: 1 }, ...extra };
}

export function makeDeck(id: string, name: string, cards: Card[]): Deck {
	return { id, name, tags: [], cards };
}

export function makeBundle(decks: Deck[], reviews: ReviewRow[] = [], extra: Partial<ImportBundle> = {}): ImportBundle {
	return { ...emptyBundle('backup', 'test'), decks, reviews, ...extra };
}

/** A card's log, written the way the app writes it: each row's `before`/`after` from the fold so far. */
export class LogWriter {
	readonly rows: ReviewRow[] = [];
	private count = 0;
	constructor(private readonly options: DayOptions = SEOUL) {}

	private rowsOf(card: string): ReviewRow[] {
		return this.rows.filter((row) => row.card === card);
	}

	answer(card: string, at: string | number, grade: Grade, kind: QueueKind, durationMs = 5000): AnswerRow {
		const reviewedAt = typeof at === 'number' ? at : Date.parse(at);
		const before = foldRows(this.rowsOf(card));
		const row: AnswerRow = { id: `r${++this.count}`, card, deck: 'd', reviewedAt, day: studyDay(reviewedAt, this.options), before, after: before, grade, durationMs, kind };
		this.rows.push(row);
		row.after = foldRows(this.rowsOf(card));
		return row;
	}

	set(card: string, at: string, state: Sm2State, dueDay: number | undefined, reason: 'import' | 'reset' = 'import'): StateRow {
		const reviewedAt = Date.parse(at);
		const before = foldRows(this.rowsOf(card));
		const after = dueDay === undefined ? { state } : { state, dueDay };
		const row: StateRow = { id: `r${++this.count}`, card, deck: 'd', reviewedAt, day: studyDay(reviewedAt, this.options), before, after, kind: 'set', reason };
		this.rows.push(row);
		return row;
	}
}

export type Row = Record<string, number | string | Uint8Array | null>;

export interface OpenedPackage {
	files: Map<string, Uint8Array>;
	media: Record<string, string>;
	col: Row & { conf: string; models: string; decks: string; dconf: string; tags: string };
	conf: Record<string, unknown>;
	models: Record<string, { id: number; name: string; type: number; flds: { name: string; ord: number }[]; tmpls: { ord: number; qfmt: string; afmt: string }[]; req: unknown[]; sortf: number; css: string; did: number }>;
	decks: Record<string, { id: number; name: string; conf: number; dyn: number }>;
	dconf: Record<string, { id: number }>;
	tags: Record<string, number>;
	notes: Row[];
	cards: Row[];
	revlog: Row[];
	graves: Row[];
	/** `sqlite_master` rows of the indexes. */
	indexes: string[];
	/** The column types SQLite stored, per table and column: for checking integers are integers. */
	types: (table: string, column: string) => string[];
}

export async function openPackage(bytes: Uint8Array): Promise<OpenedPackage> {
	const SQL = await loadSql();
	const files = new Map(Object.entries(unzipSync(bytes)));
	const collection = files.get('collection.anki2');
	if (!collection) throw new Error('no collection.anki2');
	const db = new SQL.Database(collection);
	const all = (sql: string): Row[] => {
		const [result] = db.exec(sql);
		if (!result) return [];
		return result.values.map((values) => Object.fromEntries(result.columns.map((column, index) => [column, values[index] ?? null])));
	};
	try {
		const cols = all('SELECT * FROM col');
		if (cols.length !== 1) throw new Error(`col has ${cols.length} rows`);
		const col = cols[0] as OpenedPackage['col'];
		const typeCache = new Map<string, string[]>();
		for (const table of ['col', 'notes', 'cards', 'revlog']) {
			const columns = all(`PRAGMA table_info(${table})`).map((row) => String(row.name));
			for (const column of columns) {
				typeCache.set(`${table}.${column}`, all(`SELECT DISTINCT typeof("${column}") AS t FROM ${table}`).map((row) => String(row.t)));
			}
		}
		return {
			files,
			media: JSON.parse(strFromU8(files.get('media') ?? new Uint8Array())) as Record<string, string>,
			col,
			conf: JSON.parse(col.conf) as Record<string, unknown>,
			models: JSON.parse(col.models) as OpenedPackage['models'],
			decks: JSON.parse(col.decks) as OpenedPackage['decks'],
			dconf: JSON.parse(col.dconf) as OpenedPackage['dconf'],
			tags: JSON.parse(col.tags) as Record<string, number>,
			notes: all('SELECT * FROM notes ORDER BY id'),
			cards: all('SELECT * FROM cards ORDER BY id'),
			revlog: all('SELECT * FROM revlog ORDER BY id'),
			graves: all('SELECT * FROM graves'),
			indexes: all("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name").map((row) => String(row.name)),
			types: (table, column) => typeCache.get(`${table}.${column}`) ?? []
		};
	} finally {
		db.close();
	}
}

export const NOW = Date.parse('2026-11-25T12:00:00+09:00');

export async function exportAndOpen(
	bundle: ImportBundle,
	options: Partial<Omit<AnkiExportOptions, 'sql'>> = {}
): Promise<OpenedPackage & { warnings: ImportNotice[]; bytes: Uint8Array }> {
	const warnings: ImportNotice[] = [];
	const bytes = writeAnkiPackage(bundle, {
		sql: await loadSql(),
		now: NOW,
		dayOptions: SEOUL,
		renderSide,
		onWarning: (notice) => warnings.push(notice),
		...options
	});
	return { ...(await openPackage(bytes)), warnings, bytes };
}

/** A note's fields, split on Anki's separator. */
export function fieldsOf(note: Row): string[] {
	return String(note.flds).split('\u001f');
}
