/**
 * The language to mark a piece of learner's content with (a card side, a deck's name), so that a screen reader
 * reads it with a voice that knows the language, and the browser picks the language's fonts. The app's own words
 * follow its language (<html lang>); the content is often in the other one, and an English voice reads Hangul as
 * nothing or as a string of "letter"s, as a Korean voice spells English words out or reads them with Korean sounds.
 *
 * The rule, from the letters of the text alone:
 * - Hangul anywhere: `ko`. Hangul is the one script that names its language for certain, and a Korean voice reads
 *   the Latin words mixed in ("AWS 기초") well enough.
 * - Latin letters and no letter of another script, under the Korean interface: `en`. Latin letters are not English
 *   for certain (French, German, Vietnamese are Latin too), but an English voice reads those better than a Korean
 *   one does. Under the English interface the text is left to inherit `en`, which is the same guess.
 * - Anything else inherits the language of what holds it: text with no letters (numbers, symbols) is read alike by
 *   any voice, and Han or Kana alone could be Japanese, Chinese or Korean hanja, so no guess is made for them.
 */
import type { Locale } from '$lib/i18n/locale';

/** The language a piece of content is marked with; `undefined` leaves it in the language of what holds it. */
export type ContentLang = 'ko' | 'en' | undefined;

/** Hangul syllables and jamo (conjoining, compatibility, extended). */
export const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/;

const LATIN_LETTER = /\p{Script=Latin}/u;
/** A letter of any script but Latin (Hangul, Han, Kana, Cyrillic, Greek…). */
const OTHER_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** The language to mark `text` with, shown inside the interface of `uiLocale` (the rule above). */
export function textLang(text: string, uiLocale: Locale): ContentLang {
	if (HANGUL.test(text)) return 'ko';
	if (uiLocale === 'ko' && LATIN_LETTER.test(text) && !OTHER_LETTER.test(text)) return 'en';
	return undefined;
}
