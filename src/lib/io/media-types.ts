/** Which files are images a card can show, and their MIME types: shared by the Anki and the notes importers. */

/** Image types a card can show, by extension. Other media (sound, video) is not imported. */
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

/** The extensions of those images (`.png`, ...): the import page's file picker offers them beside the notes they go with. */
export const IMAGE_EXTENSIONS: readonly string[] = Object.keys(IMAGE_TYPES).map((extension) => `.${extension}`);

export function extensionOf(name: string): string {
	const match = /\.([a-z0-9]{1,8})$/i.exec(name);
	return match ? (match[1] as string).toLowerCase() : '';
}

/** The MIME type of an image file by its name, or undefined for anything that is not an image. */
export function imageTypeOf(name: string): string | undefined {
	return IMAGE_TYPES[extensionOf(name)];
}
