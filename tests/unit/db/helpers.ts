import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { generateDeck } from '../../../src/lib/notes/generate';
import type { Deck } from '../../../src/lib/notes/deck-format';
import { answerCard } from '../../../src/lib/db/answers';
import { applyDeck } from '../../../src/lib/db/decks';
import { DEFAULT_SETTINGS } from '../../../src/lib/db/settings';
import { RecallDatabase, type ReviewRecord } from '../../../src/lib/db/schema';
import { openSession } from '../../../src/lib/db/sessions';
import { studyDay } from '../../../src/lib/srs/day';
import { currentEntry } from '../../../src/lib/srs/session';
import type { StateRow } from '../../../src/lib/srs/history';
import { NEW_CARD, type Grade } from '../../../src/lib/srs/sm2';

let counter = 0;

/** A fresh, empty database with a name of its own. */
export function freshDatabase(): RecallDatabase {
	counter++;
	return new RecallDatabase(`test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}

/** For a test file: makes fresh databases (freshDatabase), each deleted after the test that made it. */
export function databasesDeletedAfterEach(): () => RecallDatabase {
	const opened: RecallDatabase[] = [];
	afterEach(async () => {
		for (const db of opened.splice(0)) await db.delete();
	});
	return () => {
		const db = freshDatabase();
		opened.push(db);
		return db;
	};
}

export function deckFrom(note: string, file = 'note.md'): Deck {
	return generateDeck(note, { file }).deck;
}

/** Seoul has no daylight saving: study days are easy to reason about in tests. */
export const DAY_OPTIONS = { timeZone: 'Asia/Seoul', dayStartHour: 4 };

/** The default settings, with the day start the tests' study days use. */
export const SETTINGS = { ...DEFAULT_SETTINGS, dayStartHour: DAY_OPTIONS.dayStartHour };

/** A fresh database holding the deck made from `note`, as a built-in deck. */
export async function storedDeck(note: string): Promise<{ db: RecallDatabase; deck: Deck }> {
	const db = freshDatabase();
	const deck = deckFrom(note);
	await applyDeck(db, { deck, hash: 'h' }, 'built-in');
	return { db, deck };
}

/** Noon in Seoul on a date, as UTC milliseconds. */
export function seoulNoon(isoDate: string, hour = 12): number {
	return Date.parse(`${isoDate}T${String(hour).padStart(2, '0')}:00:00+09:00`);
}

/** Answers the card at the head of a stored session, as the study screen would. */
export async function answerCurrent(db: RecallDatabase, scope: string, grade: Grade, at: number): Promise<ReviewRecord> {
	const entry = currentEntry((await db.sessions.get(scope))!.session)!;
	const card = await db.cards.get(entry.id);
	return answerCard(db, { cardId: entry.id, grade, reviewedAt: at, durationMs: 1000, kind: entry.kind, expectedLastReview: card?.lastReview, scope, dayOptions: DAY_OPTIONS });
}

/**
 * Studies a deck on `days` study days, `gapDays` apart from `from`: each day
 * opens its session and answers up to `perDay` cards, the i-th of day n with
 * `grade(n, i)`. Returns the time of the day after the last one.
 */
export async function studyDays(
	db: RecallDatabase,
	deckId: string,
	plan: { from: number; days: number; gapDays: number; perDay: number; grade: (day: number, answer: number) => Grade }
): Promise<number> {
	let at = plan.from;
	for (let n = 0; n < plan.days; n++) {
		await openSession(db, deckId, studyDay(at, DAY_OPTIONS), SETTINGS, at);
		for (let i = 0; i < plan.perDay; i++) {
			if ((await db.sessions.get(deckId))!.session.entries.length === 0) break;
			await answerCurrent(db, deckId, plan.grade(n, i), at + i * 1000);
		}
		at += plan.gapDays * 86_400_000;
	}
	return at;
}

/** A state row (imported scheduling) setting a card's schedule to `after`. */
export function stateRow(fields: Pick<StateRow, 'id' | 'card' | 'deck' | 'reviewedAt' | 'day' | 'after'> & Partial<StateRow>): StateRow {
	return { kind: 'set', reason: 'import', before: { state: NEW_CARD }, ...fields };
}

/** A value as JSON with object keys sorted and bytes spelled out, so that equal records give equal text. */
export function stableJson(value: unknown): string {
	return JSON.stringify(value, (_key, field: unknown) => {
		if (field instanceof Uint8Array) return { $bytes: Array.from(field) };
		if (field instanceof Blob) throw new TypeError('stableJson: read Blobs first');
		if (typeof field === 'object' && field !== null && !Array.isArray(field)) {
			return Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
		}
		return field;
	});
}

/** Every table's rows in primary-key order, each as stable JSON. */
export async function tableRows(db: RecallDatabase, tables: readonly string[] = db.tables.map((table) => table.name)): Promise<Record<string, string[]>> {
	const rows: Record<string, string[]> = {};
	for (const name of [...tables].sort()) {
		const table = db.table(name);
		const [keys, records] = await Promise.all([table.toCollection().primaryKeys(), table.toArray()]);
		rows[name] = records.map((record, index) => `${stableJson(keys[index])} ${stableJson(record)}`).sort();
	}
	return rows;
}

/** A stable hash of every table's rows, sorted by key: equal before and after means the database did not change. */
export async function tableChecksums(db: RecallDatabase): Promise<Record<string, string>> {
	const rows = await tableRows(db);
	return Object.fromEntries(Object.entries(rows).map(([name, lines]) => [name, createHash('sha256').update(lines.join('\n')).digest('hex')]));
}
