/** The learner's settings, stored, with defaults for everything never set (settings-values.ts). */
import Dexie from 'dexie';
import type { QueueLimits } from '../srs/queue-limits';
import { stampAfter } from './change-stamp';
import { SETTINGS_KEY } from './constants';
import type { RecallDatabase } from './schema';
import { markSessionsOutdated } from './sessions';
import { normalizeSettings, type Settings } from './settings-values';
import { settingsWritesSettled, trackSettingsWrite } from './settings-writes';

export { DEFAULT_SETTINGS, normalizeSettings, type GradeButtons, type LanguageSetting, type Settings, type ThemeSetting } from './settings-values';


/**
 * The stored settings, after the settings writes already started here (settings-writes.ts). Inside a transaction
 * it does not wait: awaiting anything but IndexedDB there would commit the transaction early, and a transaction
 * that holds the settings store is ordered after the writes made before it anyway.
 */
export async function loadSettings(db: RecallDatabase): Promise<Settings> {
	if (!Dexie.currentTransaction) await settingsWritesSettled();
	return normalizeSettings((await db.settings.get(SETTINGS_KEY))?.value);
}

/** The settings that decide what a session holds, and on which study day. */
const SESSION_SETTINGS = ['newPerDay', 'reviewsPerDay', 'newOrder', 'buryNewSiblings', 'buryReviewSiblings', 'dayStartHour'] as const satisfies readonly (keyof QueueLimits | 'dayStartHour')[];

/**
 * Saves a change; one to the daily limits, the new card order or the day start makes today's sessions
 * again (sessions.ts), as deck options do: an open study page hears of it, and one that a new day start
 * puts on another study day moves to it rather than log its answers on the day it opened on.
 */
export function saveSettings(db: RecallDatabase, change: Partial<Settings>, now = Date.now()): Promise<Settings> {
	return trackSettingsWrite(saveNow(db, change, now));
}

function saveNow(db: RecallDatabase, change: Partial<Settings>, now: number): Promise<Settings> {
	return db.transaction('rw', db.settings, db.sessions, async () => {
		const stored = await db.settings.get(SETTINGS_KEY);
		const before = normalizeSettings(stored?.value);
		const next = normalizeSettings({ ...before, ...change });
		// Only what changed is stamped: a stamp outranks a backup's older value of that setting (imports.ts).
		const changed = (Object.keys(next) as (keyof Settings)[]).filter((field) => next[field] !== before[field]);
		if (changed.length === 0) return next;
		const changedAt = { ...stored?.changedAt };
		for (const field of changed) changedAt[field] = stampAfter(changedAt[field], now);
		await db.settings.put({ key: SETTINGS_KEY, value: next, changedAt });
		if (SESSION_SETTINGS.some((field) => next[field] !== before[field])) await markSessionsOutdated(db);
		return next;
	});
}

/** Small facts the app remembers besides settings (whether storage is persistent, ...). */
export async function loadFact<T>(db: RecallDatabase, key: string): Promise<T | undefined> {
	return (await db.settings.get(`fact:${key}`))?.value as T | undefined;
}

export async function saveFact(db: RecallDatabase, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key: `fact:${key}`, value });
}

