/**
 * The learner's settings as values: their type, defaults, and how whatever is
 * stored is read. Apart from settings.ts, which stores them, so that the home
 * page's quick read (quick-read.ts) reads them without the store's code: the
 * sessions a change rebuilds, and Dexie with them.
 */
import { DEFAULT_DAY_START_HOUR } from '../srs/day';
import { DEFAULT_LEECH_ACTION, DEFAULT_LEECH_THRESHOLD, LEECH_THRESHOLD_BOUNDS, type LeechAction } from '../srs/leech';
import { DEFAULT_LIMITS, type QueueLimits } from '../srs/queue-limits';

export type GradeButtons = 'four' | 'six';
export type LanguageSetting = 'auto' | 'en' | 'ko';
/** The colours: the device's light or dark scheme ('auto'), or one of them always. */
export type ThemeSetting = 'auto' | 'light' | 'dark';

export interface Settings extends QueueLimits {
	dayStartHour: number;
	/** Again / Hard / Good / Easy, or SM-2's six grades 0-5. */
	gradeButtons: GradeButtons;
	language: LanguageSetting;
	theme: ThemeSetting;
	/** Lapses that make a card a leech (srs/leech.ts); a deck's options may set their own. */
	leechThreshold: number;
	/** What happens to a leech: suspended (and tagged), or only tagged. */
	leechAction: LeechAction;
	/** A new card whose sibling was studied today or is queued waits for a later day (srs/siblings.ts). */
	buryNewSiblings: boolean;
	/** A due review whose sibling was studied today or is queued ahead of it waits for a later day (srs/siblings.ts). */
	buryReviewSiblings: boolean;
	/** A side's sounds play on their own when it is shown, as in Anki. */
	autoplaySounds: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
	...DEFAULT_LIMITS,
	dayStartHour: DEFAULT_DAY_START_HOUR,
	gradeButtons: 'four',
	language: 'auto',
	theme: 'auto',
	leechThreshold: DEFAULT_LEECH_THRESHOLD,
	leechAction: DEFAULT_LEECH_ACTION,
	buryNewSiblings: true,
	buryReviewSiblings: true,
	autoplaySounds: true
};

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
		language: raw.language === 'en' || raw.language === 'ko' ? raw.language : 'auto',
		theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'auto',
		leechThreshold: clampInteger(raw.leechThreshold, LEECH_THRESHOLD_BOUNDS.min, LEECH_THRESHOLD_BOUNDS.max, DEFAULT_SETTINGS.leechThreshold),
		leechAction: raw.leechAction === 'tag' ? 'tag' : 'suspend',
		buryNewSiblings: raw.buryNewSiblings !== false,
		buryReviewSiblings: raw.buryReviewSiblings !== false,
		autoplaySounds: raw.autoplaySounds !== false
	};
}
