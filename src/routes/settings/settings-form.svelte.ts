/**
 * The settings form: what the learner types is checked and, when valid, saved
 * at once, one save after another so that a later change is never overwritten
 * by an earlier one finishing late.
 */
import { failureMessage } from '$lib/i18n/failure';
import { parseWholeNumber } from '$lib/i18n/whole-number';
import type { Settings } from '$lib/db';
import { trackSettingsWrite } from '$lib/db/settings-writes';
import { LEECH_THRESHOLD_BOUNDS } from '$lib/srs/leech';

export type NumberField = 'newPerDay' | 'reviewsPerDay' | 'dayStartHour' | 'leechThreshold';
export type ChoiceField = 'gradeButtons' | 'newOrder' | 'buryNewSiblings' | 'buryReviewSiblings' | 'language' | 'theme' | 'leechAction' | 'autoplaySounds';

/** The ranges `normalizeSettings` keeps (its unit test holds the two together). */
export const NUMBER_LIMITS: Record<NumberField, { min: number; max: number }> = {
	newPerDay: { min: 0, max: 9999 },
	reviewsPerDay: { min: 0, max: 99999 },
	dayStartHour: { min: 0, max: 23 },
	leechThreshold: LEECH_THRESHOLD_BOUNDS
};

export type SaveSettings = (change: Partial<Settings>) => Promise<Settings>;

export class SettingsForm {
	/** The settings as last saved. */
	values = $state<Settings>() as Settings;
	/** What is in each number field, valid or not. */
	text = $state<Record<NumberField, string>>() as Record<NumberField, string>;
	/** The number fields whose text is not a valid value (and so was not saved). */
	invalid = $state<Partial<Record<NumberField, true>>>({});
	/** The field saved last, for its "Saved" confirmation. */
	saved = $state<keyof Settings>();
	/** Why the last save failed, with the field it was for. */
	failure = $state<{ field: keyof Settings; message: string }>();

	#save: SaveSettings;
	#saving: Promise<unknown> = Promise.resolve();

	constructor(initial: Settings, save: SaveSettings) {
		this.values = { ...initial };
		this.text = {
			newPerDay: String(initial.newPerDay),
			reviewsPerDay: String(initial.reviewsPerDay),
			dayStartHour: String(initial.dayStartHour),
			leechThreshold: String(initial.leechThreshold)
		};
		this.#save = save;
	}

	/** The learner typed in a number field: saved when it is valid, flagged when it is not. */
	editNumber(field: NumberField, text: string): Promise<void> {
		this.text[field] = text;
		const value = parseWholeNumber(text, NUMBER_LIMITS[field]);
		if (value === undefined) {
			this.invalid[field] = true;
			if (this.saved === field) this.saved = undefined;
			return this.#saving.then(() => undefined);
		}
		delete this.invalid[field];
		return this.#enqueue(field, { [field]: value });
	}

	choose<K extends ChoiceField>(field: K, value: Settings[K]): Promise<void> {
		return this.#enqueue(field, { [field]: value } as Partial<Settings>);
	}

	#enqueue(field: keyof Settings, change: Partial<Settings>): Promise<void> {
		const run = this.#saving.then(async () => {
			try {
				const saved = await this.#save(change);
				this.values = saved;
				this.saved = field;
				if (this.failure?.field === field) this.failure = undefined;
			} catch (error) {
				this.saved = undefined;
				this.failure = { field, message: failureMessage(error) };
			}
		});
		// A change waiting here for the one before is a settings write already made: a page opened now waits for it too.
		this.#saving = trackSettingsWrite(run);
		return run;
	}
}
