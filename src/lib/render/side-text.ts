/**
 * A card side as the plain text a person reads of it, on one line and cut short:
 * what the card browser lists of each front, and what the study screen's
 * notices quote of a card. Shown as text, never as HTML, so nothing needs
 * sanitizing. DOM-free.
 */
import { readableText } from '$lib/io/html-text';
import { soundsAsNames } from '$lib/io/sound-tags';
import type { CardFormat } from './card-html';
import type { Locale } from '$lib/i18n/locale';
import { markdownToExportHtml } from './markdown';
import { textLang, type ContentLang } from './text-lang';

/** Text as a person reads it: whitespace runs as one space, cut at `max` characters with an ellipsis. */
export function excerpt(text: string, max = 160): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Text that reads the same as Markdown, as HTML and as text: letters, numbers,
 * spaces and punctuation that neither marks up, on one line, not starting with
 * a space or what could be a list item's number. Nothing to render: most
 * fronts are such, and rendering fifty costs a page of results milliseconds.
 */
const PLAIN = /^(?![\s\d])[\p{L}\p{M}\p{N} .,:;?!'"()]*$/u;

/**
 * A card side as the text a person reads of it, as an excerpt: Markdown
 * rendered (DOM-free, by the renderer exports use), then the HTML's text,
 * without what the card never shows (an Anki card's `<style>`), each sound as its file's name.
 */
export function sideExcerpt(text: string, format: CardFormat | undefined, max = 160): string {
	if (PLAIN.test(text)) return excerpt(text, max);
	// A sound reads as its file's name, not as its tag with the hash it is stored under.
	const shown = soundsAsNames(text);
	return excerpt(readableText(format === 'html' ? shown : markdownToExportHtml(shown)), max);
}

/**
 * A side's text as `sideExcerpt` reads it, or, for a side that is only an image (no text to read), its source, as
 * the card browser lists it: something to know the card by either way.
 */
export function sideText(text: string, format: CardFormat | undefined, max = 160): string {
	return sideExcerpt(text, format, max) || excerpt(text, max);
}

/**
 * The language to mark a side with (textLang), read from the side as written and, where that reads as English,
 * from its text as shown: an HTML side's tags are Latin letters whatever its text, and `<b>42</b>` is no English.
 * The text is read only then, so the usual side (Hangul, or the English interface) costs no rendering.
 */
export function sideLang(text: string, format: CardFormat | undefined, uiLocale: Locale): ContentLang {
	const lang = textLang(text, uiLocale);
	return lang === 'en' ? textLang(sideExcerpt(text, format, Infinity), uiLocale) : lang;
}
