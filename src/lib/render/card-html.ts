import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import type { MarkdownIt as MarkdownRenderer } from 'markdown-it';
import { darkInk } from './ink';
import { createCardMarkdown } from './markdown';
import { createIcon } from './icons';
import { HANGUL } from './text-lang';
import { soundFileName, splitAtSounds } from '../io/sound-tags';
import { MAX_IMAGE_WIDTH } from '../notes/image-width';

/**
 * Card sides longer than this are shown as plain text: a real card side is a few
 * hundred characters, and an imported one of megabytes must not freeze the study screen.
 */
export const MAX_MARKDOWN_LENGTH = 200_000;

/**
 * Markdown nested deeper than this (`>>>>…`, `*a *a *a…`) is shown as plain text. Thousands
 * of levels make DOM parsing quadratic and overflow the stack of recursive DOM code (jsdom's
 * serializer, for one); no real card comes close.
 */
export const MAX_NESTING_DEPTH = 100;

export const CLOZE_BLANK_CLASS = 'cloze-blank';
export const IMAGE_PLACEHOLDER_CLASS = 'image-placeholder';
/** A `<font>` whose colour the dark theme changes (ink.ts): its `--ink` and `--dark-ink` say the two. */
export const DARK_INK_CLASS = 'dark-ink';
/** A sound's play button (`[sound:name]` in the side's text): its `data-sound` is the name, for the page's player. */
export const SOUND_BUTTON_CLASS = 'card-sound';
/** What stands for a sound that is not on this device. */
export const SOUND_MISSING_CLASS = 'card-sound-missing';

let renderer: MarkdownRenderer | undefined;

/**
 * The same parser as the notes generator (markdown-it with the CJK-friendly emphasis
 * rules), so a side renders as the generator read it. Raw HTML in a card is shown as
 * text, never trusted; markdown-it's own link check drops javascript: and the like, and
 * the URL policy proper is enforced in the sanitizer (isSafeLinkHref / isSafeImageSrc).
 */
function markdownRenderer(): MarkdownRenderer {
	if (renderer) return renderer;
	// Nesting past our own limit must still show up in the output, so that the
	// plain-text fallback (not a silently truncated render) takes over.
	const md = createCardMarkdown(MAX_NESTING_DEPTH * 2);
	// Every URL reaches the sanitizer, which replaces an unsafe image with its placeholder
	// instead of markdown-it printing the raw `![alt](javascript:...)` text.
	md.validateLink = () => true;
	renderer = md;
	return md;
}

const ALLOWED_TAGS = [
	// The root DOMPurify returns with RETURN_DOM. Were it disallowed, DOMPurify would copy the
	// whole card into its parent before removing it. Its attributes are still stripped, and
	// only its content is ever returned.
	'body',
	'p',
	'br',
	'strong',
	'em',
	'del',
	's',
	'code',
	'pre',
	'ul',
	'ol',
	'li',
	'blockquote',
	'a',
	'img',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'mark',
	'span',
	'sup',
	'sub'
];

/**
 * Formatting that HTML cards (imported from Anki and the like) commonly use, allowed on
 * top of the Markdown set for HTML sides only. None of them loads anything or runs
 * anything: `font` keeps only a checked colour, `details` opens without script (Anki's
 * hint), `ruby` is furigana. No `style` attribute anywhere: CSS can load URLs.
 */
const HTML_EXTRA_TAGS = ['div', 'b', 'i', 'u', 'small', 'font', 'ruby', 'rt', 'rp', 'details', 'summary'];

/** DOMPurify's attribute list is global; which tag may carry which attribute is enforced per tag here. */
const ATTRIBUTES_BY_TAG: Readonly<Record<string, readonly string[]>> = {
	a: ['href', 'title'],
	img: ['src', 'alt', 'title', 'width', 'height'],
	ol: ['start'],
	th: ['align'],
	td: ['align'],
	span: ['class'],
	font: ['color']
};

const ALLOWED_ATTR = [...new Set(Object.values(ATTRIBUTES_BY_TAG).flat())];

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
/** Raster formats only: an SVG data URL is a document that can carry script. */
const RASTER_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp)[;,]/i;

const PURIFY_CONFIG = {
	ALLOWED_TAGS,
	ALLOWED_ATTR,
	// blob: and bare file names only ever pass for an image src the caller's resolveImage gave;
	// the policy proper is keepsAttribute's.
	ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|blob):|[^:/?#\\]+$)/i,
	// Their values are numbers and keywords, which the strict URI pattern above would reject.
	ADD_URI_SAFE_ATTR: ['start', 'align', 'color'],
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
	RETURN_DOM: true
} satisfies Config;

const HTML_PURIFY_CONFIG = { ...PURIFY_CONFIG, ALLOWED_TAGS: [...ALLOWED_TAGS, ...HTML_EXTRA_TAGS] } satisfies Config;

/** How a card side is written (see the deck format): Markdown unless said otherwise. */
export type CardFormat = 'markdown' | 'html';

export interface RenderOptions {
	format?: CardFormat;
	/**
	 * The URL to show for an image's `src`, or undefined to treat it as written. This is how
	 * an imported media file (`<img src="<sha-256>.png">`, a name, not a URL) is shown: the UI
	 * maps its stored names to blob URLs. Taken: a blob:, http(s) or raster data: URL, or a
	 * bare file name (no scheme, no path), which an exporter uses to keep media names as they
	 * are. Without an answer, a src that is not an allowed URL becomes the image placeholder.
	 */
	resolveImage?: (src: string) => string | undefined;
	/**
	 * The UI's word for an image, in the learner's language (default "image"): the
	 * placeholder's text for an image without alt text, and the name of an HTML side's
	 * image that has no alt attribute, so that a screen reader says what it is.
	 */
	imageWord?: string;
	/** How the side's sounds (`[sound:name]`) are shown: the words, in the learner's language, and which are there. */
	sounds?: SoundRendering;
}

export interface SoundRendering {
	/** The play button's text ("Play sound"); its accessible name adds the file's name. */
	playWord: string;
	/** The text for a sound not on this device ("Sound not available"), the file's name after it. */
	missingWord: string;
	/** Whether a stored sound is missing (true), or there or still being looked for (false): the button shows until it is known to be missing. */
	isMissing?: (name: string) => boolean;
}

const DEFAULT_SOUND_RENDERING: SoundRendering = { playWord: 'Play sound', missingWord: 'Sound not available' };

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Markup whose text is literal: `==` and `[...]` in it are what the author typed. */
const LITERAL_TAGS = new Set(['code', 'pre']);
/** A highlight may span these; any other element (a paragraph, a list) ends it. */
const PHRASING_TAGS = new Set(['strong', 'em', 'del', 's', 'code', 'a', 'img', 'mark', 'span', 'sup', 'sub']);

const CLOZE_BLANK = /\[(?:\.\.\.|…)\]/g;
const EQUALS_RUN = /=+/g;
const WHITESPACE = /\s/;

function parseAbsoluteUrl(value: string): URL | null {
	try {
		// Without a base, relative references throw, which is what we want: they are not allowed.
		return new URL(value);
	} catch {
		return null;
	}
}

/** Whether `href` may be a card link: http, https or mailto, nothing relative. */
export function isSafeLinkHref(href: string): boolean {
	const url = parseAbsoluteUrl(href);
	return url !== null && LINK_PROTOCOLS.has(url.protocol);
}

/** Whether `src` may be loaded as a card image: http, https, or a raster `data:image`. */
export function isSafeImageSrc(src: string): boolean {
	const url = parseAbsoluteUrl(src);
	if (url === null) return false;
	if (IMAGE_PROTOCOLS.has(url.protocol)) return true;
	// The parsed href, not the raw string: the browser strips tabs and newlines the same way.
	return url.protocol === 'data:' && RASTER_DATA_IMAGE.test(url.href);
}

/**
 * The text that stands in for an image that cannot be shown: its alt text, or
 * `word` (the UI's word for an image, in the learner's language) when it has none.
 */
export function imageFallbackText(alt: string, word = 'image'): string {
	const text = alt.trim();
	return text === '' || text.toLowerCase() === 'image' ? word : text;
}

/** The box shown instead of an image that is not allowed or failed to load. */
export function createImagePlaceholder(document: Document, alt: string, word?: string): HTMLSpanElement {
	const text = imageFallbackText(alt, word);
	const placeholder = document.createElement('span');
	placeholder.className = IMAGE_PLACEHOLDER_CLASS;
	placeholder.setAttribute('role', 'img');
	placeholder.setAttribute('aria-label', text);
	placeholder.append(createIcon(document, 'image'), document.createTextNode(text));
	return placeholder;
}

/** An image's width or height as written in HTML, `300` or `300px` (a fraction dropped): CSS pixels, nothing else. */
const IMAGE_DIMENSION = /^\s*(\d{1,5})(?:\.\d*)?\s*(?:px)?\s*$/i;

/**
 * An `<img>` width or height attribute as the whole number of pixels it says, or undefined for any other value (a
 * percentage, zero, beyond MAX_IMAGE_WIDTH): the side's stylesheet keeps an image within the card whatever it asks.
 */
function imageDimension(value: string): string | undefined {
	const pixels = Number(IMAGE_DIMENSION.exec(value)?.[1] ?? 0);
	// No larger than a note may give: before it loads, a lazy image's box takes its size from these.
	return pixels > 0 && pixels <= MAX_IMAGE_WIDTH ? String(pixels) : undefined;
}

/** `width: 300px` and `height: 200px` in a style (not `max-width`), in pixels. */
const STYLE_SIZES = [
	['width', /(?:^|;)\s*width\s*:\s*(\d{1,5}(?:\.\d*)?)px\s*(?:;|$)/i],
	['height', /(?:^|;)\s*height\s*:\s*(\d{1,5}(?:\.\d*)?)px\s*(?:;|$)/i]
] as const;

/**
 * An image's size from its `style` (Anki's editor and add-ons resize images so: `style="width: 300px"`), as the
 * width and height attributes it has not got: the style attribute itself never gets through (CSS can load URLs).
 */
function sizeFromStyle(image: Element): void {
	const style = image.getAttribute('style');
	if (style === null) return;
	for (const [name, declaration] of STYLE_SIZES) {
		const pixels = declaration.exec(style)?.[1];
		const value = pixels === undefined ? undefined : imageDimension(pixels);
		if (value !== undefined && !image.hasAttribute(name)) image.setAttribute(name, value);
	}
}

function keepsAttribute(tag: string, name: string, value: string): boolean {
	if (!ATTRIBUTES_BY_TAG[tag]?.includes(name)) return false;
	switch (name) {
		case 'href':
			return isSafeLinkHref(value);
		case 'src':
			return isSafeImageSrc(value);
		case 'start':
			return /^\d{1,9}$/.test(value);
		case 'align':
			return /^(?:left|center|right)$/.test(value);
		case 'class':
			return value === CLOZE_BLANK_CLASS;
		case 'color':
			// A hex colour or a colour keyword: nothing that CSS could read as a function or URL.
			return /^(?:#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(value.trim());
		default:
			return true;
	}
}

/** A blob: URL (URL.createObjectURL), or a bare file name: only ever allowed when resolveImage gave it. */
function isResolvedImageSrc(src: string): boolean {
	if (isSafeImageSrc(src)) return true;
	if (parseAbsoluteUrl(src)?.protocol === 'blob:') return true;
	return /^[^\s:/?#\\][^:/?#\\]*$/.test(src) && src !== '..';
}

/** A DOMPurify instance of the page's window, for `what` (said when there is none). */
export function newPurifier(what: string): Purifier {
	if (typeof window === 'undefined') throw new Error(`${what} needs a DOM (window).`);
	const instance = DOMPurify(window);
	// An unsupported DOMPurify returns its input unchanged; refuse rather than show raw HTML.
	if (!instance.isSupported) throw new Error('DOMPurify cannot sanitize in this environment.');
	return instance;
}

/** The resolver of the sanitize call in progress (sanitizing is synchronous, so one at a time). */
let activeResolveImage: RenderOptions['resolveImage'];

let purifier: Purifier | undefined;

/**
 * A DOMPurify instance of our own, so that our hooks and settings never reach other
 * users of the shared default instance. Created on first use because `window` may not
 * exist when this module is imported (server, or Vitest before jsdom is set up).
 */
function getPurifier(): Purifier {
	if (purifier) return purifier;
	const instance = newPurifier('Rendering a card');
	instance.addHook('beforeSanitizeAttributes', (node) => {
		if (node.nodeName.toLowerCase() === 'img') sizeFromStyle(node as Element);
	});
	instance.addHook('uponSanitizeAttribute', (node, event) => {
		const tag = node.nodeName.toLowerCase();
		if (tag === 'img' && (event.attrName === 'width' || event.attrName === 'height')) {
			const pixels = imageDimension(event.attrValue);
			if (pixels === undefined) event.keepAttr = false;
			else event.attrValue = pixels;
			return;
		}
		if (tag === 'img' && event.attrName === 'src' && activeResolveImage) {
			const resolved = activeResolveImage(event.attrValue);
			if (resolved !== undefined && isResolvedImageSrc(resolved)) {
				event.attrValue = resolved;
				return;
			}
		}
		if (!keepsAttribute(tag, event.attrName, event.attrValue)) {
			event.keepAttr = false;
		}
	});
	instance.addHook('afterSanitizeAttributes', (node) => {
		const tag = node.nodeName.toLowerCase();
		if (tag === 'a' && node.hasAttribute('href')) {
			// A card must never navigate the study tab away, or hand it to the linked page.
			node.setAttribute('target', '_blank');
			node.setAttribute('rel', 'noopener noreferrer nofollow');
		} else if (tag === 'img') {
			node.setAttribute('loading', 'lazy');
			node.setAttribute('decoding', 'async');
			// Remote images must not learn which deck is being studied.
			node.setAttribute('referrerpolicy', 'no-referrer');
		}
	});
	purifier = instance;
	return instance;
}

function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-z][a-z0-9]*)[^>]*>/gi;

/**
 * How deeply the elements of the rendered HTML nest. A scan of the string is enough: with
 * raw HTML escaped, markdown-it writes well-formed markup with no `>` inside its tags.
 */
function nestingDepth(html: string): number {
	let depth = 0;
	let deepest = 0;
	for (const [tag, closing, name] of html.matchAll(TAG)) {
		if (closing === '/') depth -= 1;
		else if (!tag.endsWith('/>') && !VOID_TAGS.has(name?.toLowerCase() ?? '')) {
			depth += 1;
			deepest = Math.max(deepest, depth);
		}
	}
	return deepest;
}

function plainTextHtml(text: string): string {
	return text
		.split(/\r?\n[ \t]*\r?\n/)
		.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
		.join('');
}

function isElement(node: Node): node is Element {
	return node.nodeType === ELEMENT_NODE;
}

function isText(node: Node): node is Text {
	return node.nodeType === TEXT_NODE;
}

function tagOf(element: Element): string {
	return element.nodeName.toLowerCase();
}

/** The elements under `root` whose text is prose, i.e. everything outside code. */
function proseElements(root: Element): Element[] {
	const elements: Element[] = [];
	// A stack rather than recursion: deeply nested input must not overflow the call stack.
	const pending: Element[] = [root];
	for (let element = pending.pop(); element; element = pending.pop()) {
		if (LITERAL_TAGS.has(tagOf(element))) continue;
		elements.push(element);
		// Sibling links rather than `children`: live collections are slow on long documents in some DOMs.
		for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) {
			pending.push(child);
		}
	}
	return elements;
}

interface HighlightDelimiter {
	text: Text;
	offset: number;
	canOpen: boolean;
	canClose: boolean;
}

/** Whether a neighbouring node continues the run of text on the side of `edge`. */
function touchesContent(node: Node | null, edge: 'start' | 'end'): boolean {
	if (node === null) return false;
	if (isElement(node)) return tagOf(node) !== 'br';
	if (!isText(node) || node.data === '') return false;
	const character = edge === 'start' ? node.data[0] : node.data[node.data.length - 1];
	return character !== undefined && !WHITESPACE.test(character);
}

/**
 * The `==` in a text node. Like `**`, an opening `==` must be followed by content and a
 * closing one preceded by it, so that `a == b` in prose is not a highlight; runs of three
 * or more `=` are a rule or an arrow, not a delimiter.
 */
function highlightDelimiters(text: Text): HighlightDelimiter[] {
	const delimiters: HighlightDelimiter[] = [];
	for (const match of text.data.matchAll(EQUALS_RUN)) {
		if (match[0].length !== 2) continue;
		const offset = match.index;
		const before = text.data[offset - 1];
		const after = text.data[offset + 2];
		delimiters.push({
			text,
			offset,
			canOpen: after === undefined ? touchesContent(text.nextSibling, 'start') : !WHITESPACE.test(after),
			canClose: before === undefined ? touchesContent(text.previousSibling, 'end') : !WHITESPACE.test(before)
		});
	}
	return delimiters;
}

function wrapInMark(open: HighlightDelimiter, close: HighlightDelimiter): void {
	// Split the closing node first: when both are the same node, the opening offset stays valid.
	const after = close.text.splitText(close.offset);
	after.deleteData(0, 2);
	const inner = open.text.splitText(open.offset);
	inner.deleteData(0, 2);
	const parent = inner.parentNode;
	if (parent === null) return;
	const mark = inner.ownerDocument.createElement('mark');
	parent.insertBefore(mark, inner);
	for (let node: ChildNode | null = inner; node !== null && node !== after; ) {
		const next: ChildNode | null = node.nextSibling;
		mark.appendChild(node);
		node = next;
	}
}

/** Turns `==text==` among the children of `parent` into `<mark>`, also across inline markup. */
function highlightChildren(parent: Element): void {
	const pairs: [HighlightDelimiter, HighlightDelimiter][] = [];
	let opener: HighlightDelimiter | null = null;
	for (let child = parent.firstChild; child !== null; child = child.nextSibling) {
		if (isElement(child)) {
			if (!PHRASING_TAGS.has(tagOf(child))) opener = null;
			continue;
		}
		if (!isText(child)) continue;
		for (const delimiter of highlightDelimiters(child)) {
			if (opener !== null && delimiter.canClose) {
				pairs.push([opener, delimiter]);
				opener = null;
			} else if (delimiter.canOpen) {
				opener = delimiter;
			}
		}
	}
	// Last pair first: splitting keeps the start of a text node in place, so the offsets
	// of the earlier delimiters stay valid.
	for (const [open, close] of pairs.reverse()) wrapInMark(open, close);
}

function markClozeBlanks(text: Text): void {
	const matches = [...text.data.matchAll(CLOZE_BLANK)];
	for (const match of matches.reverse()) {
		text.splitText(match.index + match[0].length);
		const blankText = text.splitText(match.index);
		const blank = text.ownerDocument.createElement('span');
		blank.className = CLOZE_BLANK_CLASS;
		text.parentNode?.insertBefore(blank, blankText);
		blank.appendChild(blankText);
	}
}

function replaceImagesWithoutSource(root: Element, word: string | undefined): void {
	for (const image of root.querySelectorAll('img:not([src])')) {
		// A removed src fires no error event, so the component could not swap it later.
		image.replaceWith(createImagePlaceholder(image.ownerDocument, image.getAttribute('alt') ?? '', word));
	}
}

/**
 * Gives each `<font color>` too dark for the dark theme's card its dark-theme
 * colour (ink.ts), beside its own, as custom properties that CardSide's CSS
 * picks from by theme. Written here, after sanitizing, from colours ink.ts
 * wrote as `#rrggbb`: no style of the card's own gets through.
 */
function markDarkInk(root: Element): void {
	for (const font of root.querySelectorAll('font[color]')) {
		const ink = darkInk(font.getAttribute('color') ?? '');
		if (ink === undefined) continue;
		font.classList.add(DARK_INK_CLASS);
		font.setAttribute('style', `--ink: ${ink.colour}; --dark-ink: ${ink.dark}`);
	}
}

/**
 * Names the images of an HTML side that have no alt attribute (Anki's editor
 * writes none): without one a screen reader says nothing, or reads out the
 * file's URL. An empty alt is the author's "decorative" and stays.
 */
function nameUnnamedImages(root: Element, word: string | undefined): void {
	for (const image of root.querySelectorAll('img:not([alt])')) image.setAttribute('alt', imageFallbackText('', word));
}

/**
 * Marks inline code holding Korean with lang="ko": notes put Korean words in
 * backticks to stress them, and in a monospace font the spaces between them are
 * wide gaps, so CardSide sets such code in the text's own font. Code blocks keep
 * their monospace columns.
 */
function markKoreanCode(root: Element): void {
	for (const code of root.querySelectorAll('code')) {
		if (code.closest('pre') === null && HANGUL.test(code.textContent ?? '')) code.setAttribute('lang', 'ko');
	}
}

/**
 * Turns each `[sound:name]` of a playable sound in the side's text into a play button, or, for a sound not on this
 * device, a line that says so. Made here, after sanitizing, with fixed names, our own icon and the file's name as
 * text and an attribute: nothing of the card's markup makes a button or an SVG (the sanitizer keeps refusing
 * `<button>`, `<audio>` and `<svg>`), and the sound's URL is only ever the page's (a stored file's blob URL), never
 * the card's.
 */
function markSounds(root: Element, sounds: SoundRendering): void {
	const texts: Text[] = [];
	for (const element of proseElements(root)) {
		for (let child = element.firstChild; child !== null; child = child.nextSibling) if (isText(child) && child.data.includes('[sound:')) texts.push(child);
	}
	for (const text of texts) {
		const parts = splitAtSounds(text.data);
		if (!parts.some((part) => 'sound' in part)) continue;
		const document = text.ownerDocument;
		const nodes = parts.map((part) => {
			if ('text' in part) return document.createTextNode(part.text);
			const fileName = soundFileName(part.sound);
			if (sounds.isMissing?.(part.sound) === true) {
				const missing = document.createElement('span');
				missing.className = SOUND_MISSING_CLASS;
				missing.append(createIcon(document, 'sound-missing'), document.createTextNode(`${sounds.missingWord}: ${fileName}`));
				return missing;
			}
			const button = document.createElement('button');
			button.type = 'button';
			button.className = SOUND_BUTTON_CLASS;
			button.dataset.sound = part.sound;
			button.setAttribute('aria-label', `${sounds.playWord}: ${fileName}`);
			button.append(createIcon(document, 'sound'), document.createTextNode(sounds.playWord));
			return button;
		});
		text.replaceWith(...nodes);
	}
}

/** Adds what sanitized Markdown cannot express. Only creates elements with fixed names and plain text. */
function decorate(root: Element, word: string | undefined, sounds: SoundRendering): void {
	replaceImagesWithoutSource(root, word);
	markSounds(root, sounds);
	markKoreanCode(root);
	for (const element of proseElements(root)) highlightChildren(element);
	// Collected again so that blanks inside the new highlights are found too.
	for (const element of proseElements(root)) {
		for (let child = element.firstChild; child !== null; ) {
			const next = child.nextSibling;
			if (isText(child)) markClozeBlanks(child);
			child = next;
		}
	}
}

/**
 * Sanitizes HTML for a card side (same allow-list and URL policy as renderCardHtml) and
 * adds highlights, cloze blanks and image placeholders. Everything happens in DOMPurify's
 * detached document, so nothing in the input loads or runs.
 */
export function sanitizeCardHtml(html: string, resolveImage?: RenderOptions['resolveImage'], imageWord?: string, sounds = DEFAULT_SOUND_RENDERING): string {
	const body = purify(html, PURIFY_CONFIG, resolveImage);
	decorate(body, imageWord, sounds);
	return body.innerHTML.trim();
}

function purify(html: string, config: typeof PURIFY_CONFIG, resolveImage: RenderOptions['resolveImage']): Element {
	activeResolveImage = resolveImage;
	let body: Node;
	try {
		body = getPurifier().sanitize(html, config);
	} finally {
		activeResolveImage = undefined;
	}
	// RETURN_DOM gives the <body> of DOMPurify's document; the type only promises a Node.
	if (!isElement(body)) throw new Error('DOMPurify returned no element.');
	return body;
}

/** The text of some HTML, for the plain-text fallback: tags dropped, entities left as they are. */
function textOfHtml(html: string): string {
	return html.replace(/<(?:br|\/p|\/div|\/li)\b[^>]*>/gi, '\n').replace(/<[^>]*>/g, '');
}

/**
 * An HTML side (cards imported from Anki and other apps), sanitized: the Markdown allow-list
 * plus HTML_EXTRA_TAGS, the same URL policy. No highlight or cloze syntax is read from the
 * text: `==` in HTML is just text. The result is one `<div>`, so that every image in it is
 * nested and the component can swap a broken one without touching the nodes Svelte tracks.
 */
function renderHtmlSide(html: string, resolveImage: RenderOptions['resolveImage'], imageWord: string | undefined, sounds: SoundRendering): string {
	if (html.length > MAX_MARKDOWN_LENGTH || nestingDepth(html) > MAX_NESTING_DEPTH) {
		return sanitizeCardHtml(plainTextHtml(textOfHtml(html)));
	}
	const body = purify(html, HTML_PURIFY_CONFIG, resolveImage);
	nameUnnamedImages(body, imageWord);
	replaceImagesWithoutSource(body, imageWord);
	markSounds(body, sounds);
	markDarkInk(body);
	markKoreanCode(body);
	const content = body.innerHTML.trim();
	return content === '' ? '' : `<div>${content}</div>`;
}

/** The one Markdown renderer for card sides: CommonMark, GFM, CJK-friendly emphasis, sanitized. */
export function renderCardHtml(markdown: string, resolveImage?: RenderOptions['resolveImage'], imageWord?: string, sounds = DEFAULT_SOUND_RENDERING): string {
	if (markdown.length > MAX_MARKDOWN_LENGTH) return sanitizeCardHtml(plainTextHtml(markdown));
	const html = markdownRenderer().render(markdown);
	if (nestingDepth(html) > MAX_NESTING_DEPTH) return sanitizeCardHtml(plainTextHtml(markdown));
	return sanitizeCardHtml(html, resolveImage, imageWord, sounds);
}

/** One side of a card as safe HTML, whatever its format. */
export function renderCardSide(text: string, options: RenderOptions = {}): string {
	const sounds = options.sounds ?? DEFAULT_SOUND_RENDERING;
	return options.format === 'html'
		? renderHtmlSide(text, options.resolveImage, options.imageWord, sounds)
		: renderCardHtml(text, options.resolveImage, options.imageWord, sounds);
}
