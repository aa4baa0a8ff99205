/** The learner's settings, with defaults for everything never set. */
import { DEFAULT_DAY_START_HOUR } from '../srs/day';
import { DEFAULT_LIMITS, type QueueLimits } from '../srs/session';
import type { RecallDatabase } from './schema';
import { markSessionsOutdated } from './sessions';

export type GradeButtons = 'four' | 'six';
export type LanguageSetting = 'auto' | 'en' | 'ko';

export interface Settings extends QueueLimits {
	dayStartHour: number;
	/** Again / Hard / Good / Easy, or SM-2's six grades 0-5. */
	gradeButtons: GradeButtons;
	language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Settings = {
	...DEFAULT_LIMITS,
	dayStartHour: DEFAULT_DAY_START_HOUR,
	gradeButtons: 'four',
	language: 'auto'
};

const KEY = 'settings';

function clampInteger(value: unknown, min: number, max: number, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

/** Whatever is stored, read as valid settings: a bad value falls back to its default. */
export function normalizeSettings(value: unknown): Settings {
	const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Settings, unknown>>;
	return {
		newPerDay: clampInteger(raw.newPerDay, 0, 9999, DEFAULT_SETTINGS.newPerDay),
		reviewsPerDay: clampInteger(raw.reviewsPerDay, 0, 99999, DEFAULT_SETTINGS.reviewsPerDay),
		newOrder: raw.newOrder === 'random' ? 'random' : 'note',
		dayStartHour: clampInteger(raw.dayStartHour, 0, 23, DEFAULT_SETTINGS.dayStartHour),
		gradeButtons: raw.gradeButtons === 'six' ? 'six' : 'four',
		language: raw.language === 'en' || raw.language === 'ko' ? raw.language : 'auto'
	};
}

export async function loadSettings(db: RecallDatabase): Promise<Settings> {
	return normalizeSettings((await db.settings.get(KEY))?.value);
}

/** The settings that decide what a session holds. */
const QUEUE_SETTINGS = ['newPerDay', 'reviewsPerDay', 'newOrder'] as const satisfies readonly (keyof QueueLimits)[];

/** Saves a change; one to the daily limits or the new card order makes today's sessions again (sessions.ts), as deck options do. */
export async function saveSettings(db: RecallDatabase, change: Partial<Settings>): Promise<Settings> {
	return db.transaction('rw', db.settings, db.sessions, async () => {
		const before = await loadSettings(db);
		const next = normalizeSettings({ ...before, ...change });
		await db.settings.put({ key: KEY, value: next });
		if (QUEUE_SETTINGS.some((field) => next[field] !== before[field])) await markSessionsOutdated(db);
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
