/** Small text helpers shared by the generator's rules. */

// Emoji with their presentation selectors, joiners, keycaps and skin tones.
// The arrows people use as bullets (➡️ → ⇒ ▶) are pictographs too.
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u{fe0f}\u{fe0e}\u{200d}\u{20e3}]/gu;
const ARROW_PREFIX = /^\s*(?:[➡→⇒▶►➔➜➝➞⟶⇨]\u{fe0f}?\s*|=>\s*|->\s*)+/u;
// Bullets drawn as symbols too (exam summaries: `■ 정규화`, `▶ 1NF: 원자값`); not `※`, which marks an aside.
const DECORATION_PREFIX = /^[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\u{fe0f}\u{fe0e}\u{200d}\u{20e3}•·▪▫◦‣∙■□◆◇▣▶▷►◎○●]+/u;

/** Removes decorative emoji, as fronts and headings must not be made of them. */
export function stripEmoji(text: string): string {
	return text.replace(EMOJI, '').replace(/[ \t]{2,}/g, ' ').trim();
}

/** Removes decorative emoji from Markdown, keeping each line's indentation. */
export function stripEmojiFromMarkdown(markdown: string): string {
	return markdown
		.split('\n')
		.map((line) => {
			const indent = /^\s*/.exec(line)?.[0] ?? '';
			return indent + line.slice(indent.length).replace(EMOJI, '').replace(/[ \t]{2,}/g, ' ').trim();
		})
		.join('\n')
		.trim();
}

/**
 * A definition list's description line (`: A molecule the immune system recognises`), as Pandoc, Joplin and PHP
 * Markdown Extra write them under their term. Not `~ `, which Pandoc and Joplin also take but their glossaries
 * hardly use: Korean notes open a line with it to mean "until" or "about" (`방학 기간` / `~ 2월 말까지`), going
 * on with the line above.
 */
export const DESCRIPTION_LINE = /^[:：]\s+(?=\S)/u;

/** "➡️ text" is a conclusion or caption, not a new label. */
export function startsWithArrow(text: string): boolean {
	return ARROW_PREFIX.test(text);
}

/** Removes leading emoji, arrows and bullet characters: "✅ **리전**" → "**리전**". */
export function stripDecoration(text: string): string {
	return text.replace(DECORATION_PREFIX, '');
}

// A heading's number: `3.`, `1.2.`, `1.2` (not `3.14`), `IV.`, `a)`, `가.`, `(1)`, `①`. Not a single capital with a
// period before a lowercase word: "E. coli", "V. cholerae" are names.
// Also `Ⅱ.` (the numeral characters), `3-1.` (chapter and section) and `【1】`.
const ORDINAL = String.raw`(?:\d{1,3}(?:\.\d{1,2})*|\d{1,2}-\d{1,2}|[ivxIVX]{1,4}|[Ⅰ-Ⅻⅰ-ⅻ]|[A-Za-z]|[가나다라마바사아자차카타파하])`;
const NUMBERING = new RegExp(
	String.raw`^\s*(?![A-Z]\.\s+\p{Ll})(?:${ORDINAL}[.)]\s+|\d{1,2}(?:\.\d)+\s+|[(（【\[]${ORDINAL}[)）】\]]\s*|[①-⑳❶-❿➀-➓]\s*)`,
	'u'
);

/** "3. AWS 소개" → "AWS 소개", for headings whose numbers are only order. */
export function stripNumbering(text: string): string {
	return text.replace(NUMBERING, '').trim();
}

/** A heading or label as it appears in a card's context. */
export function cleanTitle(text: string): string {
	return stripNumbering(stripEmoji(text)).replace(/\s+/g, ' ').trim();
}

/**
 * The form of a text used for identity and similarity: Unicode-normalised,
 * case-folded, without emoji, with white space collapsed.
 */
export function normalizeForId(text: string): string {
	return stripEmoji(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when a text has something to learn in it, not just emoji and punctuation. */
export function hasWords(text: string): boolean {
	return /[\p{L}\p{N}]/u.test(stripEmoji(text));
}

/** The share of Hangul among a text's letters, to pick the language of generated wording. */
export function hangulShare(text: string): number {
	const letters = text.match(/\p{L}/gu)?.length ?? 0;
	if (letters === 0) return 0;
	const hangul = text.match(/[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/g)?.length ?? 0;
	return hangul / letters;
}

/**
 * cyrb53 (public domain): a fast 53-bit string hash. Ids need to be short,
 * stable and synchronous in Node and browsers alike, not cryptographic.
 */
export function hash53(text: string, seed = 0): string {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ code, 2654435761);
		h2 = Math.imul(h2 ^ code, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
	return value.toString(36).padStart(11, '0');
}

/** "AWS 기초" → "aws-기초": readable, URL-safe after encoding, keeps every script's letters. */
export function slugify(text: string): string {
	const slug = text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	return slug || `deck-${hash53(text).slice(0, 6)}`;
}

/**
 * The text without the spaces and tabs that end it. Not `/[ \t]+$/`: a regular expression tries it from every
 * space of a long run, so a line of 200,000 spaces (a broken or hostile note) took minutes.
 */
export function withoutTrailingBlanks(text: string): string {
	let end = text.length;
	while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
	return end === text.length ? text : text.slice(0, end);
}
