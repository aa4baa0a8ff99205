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
 * spreadsheet, not a renderer (cards are rendered by the sanitizer).
 */
export function htmlToText(html: string): string {
	const text = html
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(?:p|div|li|h[1-6]|tr|blockquote)\s*>/gi, '\n')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<\/?[a-z][^>]*>/gi, '');
	return decodeEntities(text).replace(/\n+$/, '');
}

/** HTML that people put in fields on purpose: common tags and entities (the test Anki applies too). */
const HTML_SIGNS = /<\/?(?:b|i|u|s|br|hr|p|div|span|img|sub|sup|ul|ol|li|font|strong|em|a|table|tr|td|h[1-6]|code|pre)(?:\s[^>]*)?\/?>|&(?:nbsp|amp|lt|gt|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i;

export function looksLikeHtml(text: string): boolean {
	return HTML_SIGNS.test(text);
}
