/**
 * The built-in decks' images on other sites (the seed note's screenshots live on GitHub): the build
 * lists them in this file, and the service worker caches them when a version installs, so the
 * built-in decks show their pictures offline from the first visit, not only once each card was seen.
 */
export const BUILT_IN_IMAGES_FILE = '_app/built-in-images.json';

export interface BuiltInImages {
	/** Absolute http(s) addresses, each once. */
	images: string[];
}

/** Whether an image's address is on another site (what the service worker can fetch and keep). */
export function isRemoteImage(src: string): boolean {
	return /^https?:\/\//i.test(src);
}
