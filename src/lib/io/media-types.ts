/** Which files are images and sounds a card can show or play, and their MIME types: shared by the Anki and the notes importers. */

/** Image types a card can show, by extension. */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	avif: 'image/avif',
	bmp: 'image/bmp',
	svg: 'image/svg+xml',
	ico: 'image/x-icon'
};

/**
 * Sound types a card can play (Anki's `[sound:…]`), by extension: those browsers play. Anki also plays video
 * through `[sound:…]`; a video is not imported (VIDEO_EXTENSIONS).
 */
const AUDIO_TYPES: Readonly<Record<string, string>> = {
	mp3: 'audio/mpeg',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	wav: 'audio/wav',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	flac: 'audio/flac',
	webm: 'audio/webm'
};

/** Video Anki plays through `[sound:…]`: not kept, and said so at import. */
const VIDEO_EXTENSIONS = new Set(['mp4', 'mkv', 'avi', 'mov', 'mpg', 'mpeg', 'ogv', 'flv', 'wmv', '3gp', 'm4v']);

/** The extensions of those images (`.png`, ...): the import page's file picker offers them beside the notes they go with. */
export const IMAGE_EXTENSIONS: readonly string[] = Object.keys(IMAGE_TYPES).map((extension) => `.${extension}`);

/** The extensions of those sounds: offered beside the notes that play them. */
export const AUDIO_EXTENSIONS: readonly string[] = Object.keys(AUDIO_TYPES).map((extension) => `.${extension}`);

export function extensionOf(name: string): string {
	const match = /\.([a-z0-9]{1,8})$/i.exec(name);
	return match ? (match[1] as string).toLowerCase() : '';
}

/** The MIME type of an image file by its name, or undefined for anything that is not an image. */
export function imageTypeOf(name: string): string | undefined {
	return IMAGE_TYPES[extensionOf(name)];
}

/** The MIME type of a sound file by its name, or undefined for anything that is not one. */
export function audioTypeOf(name: string): string | undefined {
	return AUDIO_TYPES[extensionOf(name)];
}

/** Whether a file Anki plays with `[sound:…]` is a video. */
export function isVideoName(name: string): boolean {
	return VIDEO_EXTENSIONS.has(extensionOf(name));
}
