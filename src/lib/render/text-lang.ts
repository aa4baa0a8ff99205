/**
 * The language to mark a piece of learner's content with (a card side, a deck's name), so that a screen reader
 * reads it with a voice that knows the language, and the browser picks the language's fonts. The app's own words
 * follow its language (<html lang>); the content is often Korean whatever that is, and an English voice reads
 * Hangul as nothing or as a string of "letter"s, where a Korean voice reads the Latin words mixed in well enough.
 * Hangul is the one script that names its language for certain: other content keeps the page's language.
 */

/** Hangul syllables and jamo (conjoining, compatibility, extended). */
export const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/;

/** `'ko'` for text with Hangul in it; otherwise none: the text is in the language of what holds it. */
export function textLang(text: string): 'ko' | undefined {
	return HANGUL.test(text) ? 'ko' : undefined;
}
