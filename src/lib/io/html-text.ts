/**
 * Plain text and card HTML, both ways, without a DOM: imported plain text is
 * stored as escaped HTML (as Anki stores it), and the text of an HTML field
 * is what identifies a card whatever its markup.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text shown exactly as written: `&`, `<` and `>` escaped, line breaks as `<br>`. */
export function textToHtml(text: string): string {
	return text.replace(/[&<>]/g, (char) => ESCAPES[char] as string).replace(/\r\n|\r|\n/g, '<br>');
}

/** Text as HTML that shows it, in an element or a double-quoted attribute: `&`, `<`, `>` and `"` escaped. */
export function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (entity: string, body: string) => {
		if (body.startsWith('#')) {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
		}
		return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
	});
}

/**
 * The text of an HTML field: line breaks and block ends become newlines, other
 * tags go, the common entities are decoded. Good for ids and for exporting to a
 * spreadsheet, not a renderer (cards are rendered by the sanitizer). The text of
 * elements a card never shows (`<style>`, `<script>`) is kept: imported cards'
 * ids are made of this text, and must not change. What a person reads is
 * `readableText`.
 */
export function htmlToText(html: string): string {
	const text = html
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(?:p|div|li|h[1-6]|tr|blockquote)\s*>/gi, '\n')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<\/?[a-z][^>]*>/gi, '');
	return decodeEntities(text).replace(/\n+$/, '');
}

/**
 * Elements whose content a card never shows: the sanitizer drops them with
 * their content (DOMPurify's FORBID_CONTENTS, less `thead`, which cards may
 * use, and the MathML parts, which sit inside `<math>`). One left
 * open runs to the end, as it does for the browser. The name must end where
 * HTML ends it, so `<header>` or `<style-x>` is not one of them; the tag's `>`
 * is optional so that `<style` without one is consumed in one match rather than
 * rescanned from every later `<style`.
 */
const UNSHOWN_ELEMENTS =
	/<(audio|head|iframe|math|noembed|noframes|noscript|script|style|svg|template|title|video|xmp)(?=[\s/>]|$)[^>]*(?:>[\s\S]*?(?:<\/\1(?=[\s/>]|$)[^>]*>?|$)|$)/gi;

/** `html` without the elements whose content a card never shows (`<style>…</style>`, `<script>…</script>`), comments too. */
export function withoutUnshownElements(html: string): string {
	// Search runs this on every HTML side: most have no comment, and many no tag.
	if (!html.includes('<')) return html;
	const uncommented = html.includes('<!--') ? html.replace(/<!--[\s\S]*?-->/g, '') : html;
	return uncommented.replace(UNSHOWN_ELEMENTS, '');
}

/** The text a person reads of an HTML field: `htmlToText` without what the card never shows. */
export function readableText(html: string): string {
	return htmlToText(withoutUnshownElements(html));
}

/** HTML that people put in fields on purpose: common tags and entities (the test Anki applies too). */
const HTML_SIGNS = /<\/?(?:b|i|u|s|br|hr|p|div|span|img|sub|sup|ul|ol|li|font|strong|em|a|table|tr|td|h[1-6]|code|pre)(?:\s[^>]*)?\/?>|&(?:nbsp|amp|lt|gt|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i;

export function looksLikeHtml(text: string): boolean {
	return HTML_SIGNS.test(text);
}
