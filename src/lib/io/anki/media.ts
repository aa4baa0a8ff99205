/**
 * Media of an Anki package: which zip entry holds which file, and the names
 * Recall stores them under. A stored name is the SHA-256 of the bytes plus the
 * extension, so the same picture in two decks (or two imports) is one file and
 * a name never clashes with another package's "image1.png".
 */
import { decodeMessage, messageFields, numberField, hasField, stringField } from './protobuf';

import { audioTypeOf, extensionOf } from '../media-types';
import { decodeEntities } from '../media-names';
import { escapeHtml } from '../html-text';
import { rewriteSoundTags, storedSoundName } from '../sound-tags';

export { audioTypeOf, extensionOf, imageTypeOf } from '../media-types';

async function sha256Hex(bytes: Uint8Array): Promise<string> {
	// A copy into a plain ArrayBuffer: subtle.digest wants an ArrayBuffer-backed view.
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
	let hex = '';
	for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
	return hex;
}

/** `<sha-256 hex>.<ext>`: the name an image is stored under. */
export async function contentName(bytes: Uint8Array, originalName: string): Promise<string> {
	const hex = await sha256Hex(bytes);
	const extension = extensionOf(originalName);
	return extension === '' ? hex : `${hex}.${extension}`;
}

/** The media names of a package by zip entry ("0" → "picture.png"). */
export type MediaMap = Map<string, string>;

/** The legacy map: JSON `{"0": "picture.png"}`. */
export function parseLegacyMediaMap(bytes: Uint8Array): MediaMap {
	const text = new TextDecoder().decode(bytes).trim();
	const map: MediaMap = new Map();
	if (text === '') return map;
	const json: unknown = JSON.parse(text);
	if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('the media list is not a JSON object');
	for (const [entry, name] of Object.entries(json)) {
		if (typeof name === 'string') map.set(entry, name);
	}
	return map;
}

/**
 * The latest map: protobuf MediaEntries { repeated MediaEntry entries = 1 },
 * MediaEntry { string name = 1; uint32 size = 2; bytes sha1 = 3;
 * optional uint32 legacy_zip_filename = 255 }. An entry is stored in the zip
 * under its position in the list, unless it names another entry.
 */
export function parseMediaEntries(bytes: Uint8Array): MediaMap {
	const map: MediaMap = new Map();
	messageFields(decodeMessage(bytes), 1).forEach((raw, index) => {
		const entry = decodeMessage(raw);
		const name = stringField(entry, 1);
		const zipName = hasField(entry, 255) ? String(numberField(entry, 255)) : String(index);
		if (name !== '') map.set(zipName, name);
	});
	return map;
}

export { decodeEntities, referenceCandidates } from '../media-names';
export { soundTags, rewriteSoundTags } from '../sound-tags';

/** `<img ... src="x">`, with the value in double, single or no quotes. */
const IMG_SRC = /(<img\b[^>]*?\bsrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/**
 * Rewrites the src of every `<img>` with `rename(src)`; a src it returns
 * undefined for stays as it is. The new value is written in double quotes.
 */
export function rewriteImageSources(html: string, rename: (src: string) => string | undefined): string {
	return html.replace(IMG_SRC, (whole, start: string, double?: string, single?: string, bare?: string) => {
		const src = double ?? single ?? bare ?? '';
		const renamed = rename(src);
		return renamed === undefined ? whole : `${start}"${renamed}"`;
	});
}

/**
 * Rewrites the src of every `<img>` with `rename` of its value as a browser reads it (character references
 * decoded); a src it returns undefined for stays as it is. The new value is escaped, in double quotes: a note's
 * file name may hold `&` or `"`.
 */
export function renameImageSources(html: string, rename: (src: string) => string | undefined): string {
	return rewriteImageSources(html, (src) => {
		const renamed = rename(decodeEntities(src));
		return renamed === undefined ? undefined : escapeHtml(renamed);
	});
}

/** The src values of the `<img>` elements of some HTML. */
export function imageSources(html: string): string[] {
	return [...html.matchAll(IMG_SRC)].map((match) => match[2] ?? match[3] ?? match[4] ?? '');
}

/** An `<img ...>` start tag. */
const IMG_TAG = /<img\b[^>]*>/gi;

/**
 * Gives every `<img>` without an alt attribute the alt text `nameOf(src)` (when
 * it gives one): Anki's editor writes images without alt text, which leaves a
 * screen reader nothing to say but the file's URL. An empty alt stays: that is
 * an author's "decorative".
 */
export function nameUnnamedImages(html: string, nameOf: (src: string) => string | undefined): string {
	return html.replace(IMG_TAG, (tag) => {
		if (/\salt\s*=/i.test(tag)) return tag;
		const [src] = imageSources(tag);
		const name = src === undefined ? undefined : nameOf(src);
		if (name === undefined || name.trim() === '') return tag;
		const alt = escapeHtml(name);
		return `<img alt="${alt}"${tag.slice(4)}`;
	});
}

/** A media file's name as an image's alt text: without its folder and extension ("Paris map.png": "Paris map"). */
export function altFromFileName(name: string): string {
	const file = name.slice(name.lastIndexOf('/') + 1);
	const dot = file.lastIndexOf('.');
	return dot > 0 ? file.slice(0, dot) : file;
}

/**
 * Takes away the `[sound:…]` tags of files that are no sound a browser plays here (a video, which Anki also plays
 * through them, or a file of no audio type), and says which they were: the caller says so. Sounds keep their tags.
 */
export function removeUnplayableSounds(html: string): { html: string; dropped: string[] } {
	const dropped: string[] = [];
	const out = rewriteSoundTags(html, (name) => {
		if (audioTypeOf(decodeEntities(name)) !== undefined) return undefined;
		dropped.push(name);
		return null;
	});
	return { html: out, dropped };
}

/** The name a sound file is stored under: `<its name>.<sha-256 hex>.<ext>` (io/sound-tags.ts). */
export async function soundContentName(bytes: Uint8Array, originalName: string): Promise<string> {
	return storedSoundName(originalName, await sha256Hex(bytes));
}
