/** The languages the app speaks. Pure: shared by the UI and the pure layers. */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The best supported locale for a list of BCP 47 tags, such as `navigator.languages`. */
export function pickLocale(preferred: readonly string[]): Locale {
	for (const tag of preferred) {
		const language = tag.toLowerCase().split('-')[0];
		if (isLocale(language)) return language;
	}
	return DEFAULT_LOCALE;
}
