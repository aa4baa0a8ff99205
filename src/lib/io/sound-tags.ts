/**
 * Anki's `[sound:file.mp3]`: how a card names a sound to play, kept as it is in a card's text (HTML or Markdown),
 * so that an export to Anki writes it back unchanged and a sanitizer has nothing to let through: the study screen
 * turns it into a play button when it renders the side (render/card-html.ts). Pure.
 *
 * A sound Recall stores is named `<name>.<sha-256 hex>.<ext>` ("hello.9f86…08.mp3"): the content hash keeps two
 * packages' "word.mp3" apart, as an image's hash name does, and the name before it is what the play button is called
 * (a screen reader says "Play sound hello.mp3", not a hash) and what an Anki export names the file again.
 */
import { audioTypeOf, extensionOf } from './media-types';

/** `[sound:name]`: a name holds no bracket, as in Anki's own pattern. */
const SOUND_TAG = /\[sound:([^[\]]+)\]/g;

/** A stored sound's content hash, between its name and its extension. */
const STORED_HASH = /\.[0-9a-f]{64}(?=\.[a-z0-9]{1,8}$)/i;

/** The names the `[sound:…]` tags of a text give, in order, each time it is given. */
export function soundTags(text: string): string[] {
	return [...text.matchAll(SOUND_TAG)].map((match) => match[1] as string);
}

/** The names of the sounds a text plays (audio files only: a video's tag plays nothing here), each once, in order. */
export function playableSounds(text: string): string[] {
	return [...new Set(soundTags(text).filter((name) => audioTypeOf(name) !== undefined))];
}

/**
 * Rewrites the name of every `[sound:…]` tag with `rename(name)`: a name it returns undefined for keeps its tag,
 * null takes the tag away.
 */
export function rewriteSoundTags(text: string, rename: (name: string) => string | null | undefined): string {
	return text.replace(SOUND_TAG, (whole, name: string) => {
		const renamed = rename(name);
		if (renamed === null) return '';
		return renamed === undefined ? whole : `[sound:${renamed}]`;
	});
}

/** Each piece of a text: plain text, or a sound tag's name. */
export type SoundTextPart = { text: string } | { sound: string };

/** A text cut at its `[sound:…]` tags of playable sounds (other tags stay text). */
export function splitAtSounds(text: string): SoundTextPart[] {
	const parts: SoundTextPart[] = [];
	let from = 0;
	for (const match of text.matchAll(SOUND_TAG)) {
		const name = match[1] as string;
		if (audioTypeOf(name) === undefined) continue;
		if (match.index > from) parts.push({ text: text.slice(from, match.index) });
		parts.push({ sound: name });
		from = match.index + match[0].length;
	}
	if (from < text.length) parts.push({ text: text.slice(from) });
	return parts;
}

/**
 * A file's name made safe to be a stored name and to stand in a `[sound:…]` tag and in HTML text unescaped: no
 * bracket, no folder or scheme, no `&` (HTML would read `&amp;` in it as `&`), no control character. A `%` stays:
 * neither Anki nor Recall percent-decodes a tag's name (Anki decodes only its entities), and the media lookup tries
 * a name as written before any decoded spelling of it (referenceCandidates), so `100%.mp3` is found as itself.
 */
function plainFileName(name: string): string {
	return name.replace(/[\u0000-\u001f\u007f[\]/\\:?#&<>"]/g, '_').trim();
}

/** The stored name of a sound file: `<its name>.<sha-256 hex>.<ext>`. */
export function storedSoundName(originalName: string, hashHex: string): string {
	const extension = extensionOf(originalName);
	const file = plainFileName(originalName);
	const base = (extension === '' ? file : file.slice(0, -(extension.length + 1))).slice(0, 100) || 'sound';
	return extension === '' ? `${base}.${hashHex}` : `${base}.${hashHex}.${extension}`;
}

/**
 * The name a sound is known by: a stored sound's name without its hash ("hello.mp3"), a note's sound (stored as
 * `<deck id>/<path>`, as its images are) without its folders, any other name as it is.
 */
export function soundFileName(name: string): string {
	return name.slice(name.lastIndexOf('/') + 1).replace(STORED_HASH, '');
}

/**
 * A text with each playable sound's tag as the sound's name after a note sign ("♪ hello.mp3"): how a side reads as
 * text. Plain text has no icon of ours (render/icons.ts), and a speaker emoji is an empty box where no emoji font is
 * installed; the note sign is in the ordinary text fonts of the common systems (DejaVu Sans on Linux, for one).
 */
export function soundsAsNames(text: string): string {
	if (!text.includes('[sound:')) return text;
	return text.replace(SOUND_TAG, (whole, name: string) => (audioTypeOf(name) === undefined ? whole : `\u266a ${soundFileName(name)}`));
}
