/**
 * Imported media (an Anki package's images, a notes zip's pictures) live in
 * IndexedDB; cards refer to them by name. This turns a name into a blob URL,
 * loading the files the first time they are asked for, a batch at a time, so
 * they show offline like everything else. Reactive: a card rendered before its
 * image is read renders again when it is. An SVG gets the URL of its sanitized
 * copy (render/svg.ts): a blob: URL has the app's origin, and an SVG opened on
 * its own could otherwise run script as the app. A name found missing is looked
 * for again when media is stored (an import or a restore, in this tab or
 * another), so a card open meanwhile shows the file without a reload.
 */
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { database, loadMedia } from '$lib/db';
import { onStoreChanged } from '$lib/db/quick-read';
import { isMediaName } from '$lib/io/media-names';
import { sanitizeSvg } from '$lib/render/svg';

const SVG_TYPE = 'image/svg+xml';

/** A blob that is safe to give a URL: an SVG sanitized, undefined when it is not one; other images as they are. */
async function safeBlob(blob: Blob): Promise<Blob | undefined> {
	if (blob.type !== SVG_TYPE) return blob;
	const clean = sanitizeSvg(await blob.text());
	return clean === undefined ? undefined : new Blob([clean], { type: SVG_TYPE });
}

/** Where the files come from: the stored files among names, and a way to hear that media was stored. */
export interface MediaSource {
	load(names: string[]): Promise<Map<string, Blob>>;
	/** Calls `listener` after each write of media (in any tab); returns the stop. */
	onStored(listener: () => void): () => void;
}

const storedMedia: MediaSource = {
	load: (names) => loadMedia(database(), names),
	onStored: (listener) => onStoreChanged(listener, ['media'])
};

export class MediaUrls {
	#urls = new SvelteMap<string, string>();
	/** Names looked for and not stored (a sound a package did not carry): a card says so. */
	#missing = new SvelteSet<string>();
	/** Each name asked for, with the read that answers it. */
	#requested = new Map<string, Promise<void>>();
	#queue = new Set<string>();
	#batch: Promise<void> | undefined;
	#following = false;
	#source: MediaSource;

	constructor(source: MediaSource = storedMedia) {
		this.#source = source;
	}

	/** The blob URL of a stored media file, or undefined (not a media name, as io/media-names.ts tells one from a URL; not stored; still loading). */
	url(src: string): string | undefined {
		if (!isMediaName(src)) return undefined;
		const url = this.#urls.get(src);
		if (url === undefined && !this.#requested.has(src)) this.#request(src);
		return url;
	}

	/** Whether a media name was looked for and is not stored (false while it is being looked for). */
	isMissing(src: string): boolean {
		if (!isMediaName(src)) return true;
		this.url(src);
		return this.#missing.has(src);
	}

	/** The blob URL of a stored media file once it is read, or undefined when it is not stored. */
	async load(src: string): Promise<string | undefined> {
		if (!isMediaName(src)) return undefined;
		if (!this.#requested.has(src)) this.#request(src);
		await this.#requested.get(src);
		return this.#urls.get(src);
	}

	/** Looks again for the names found missing: they may be stored now. Each stays missing until it is found. */
	#lookAgain(): void {
		for (const name of this.#missing) this.#request(name);
	}

	#request(name: string): void {
		if (!this.#following) {
			this.#following = true;
			this.#source.onStored(() => this.#lookAgain());
		}
		this.#queue.add(name);
		if (this.#batch === undefined) {
			this.#batch = new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => this.#load());
		}
		this.#requested.set(name, this.#batch);
	}

	async #load(): Promise<void> {
		const names = [...this.#queue];
		this.#queue.clear();
		this.#batch = undefined;
		try {
			const files = await this.#source.load(names);
			for (const [name, blob] of files) {
				const safe = await safeBlob(blob);
				// Not shown (an SVG that is not one): the card shows the image's alt text.
				if (safe && !this.#urls.has(name)) this.#urls.set(name, URL.createObjectURL(safe));
				this.#missing.delete(name);
			}
			for (const name of names) if (!files.has(name)) this.#missing.add(name);
		} catch (error) {
			// The card shows the image's alt text instead; asking again on the next page load.
			for (const name of names) this.#requested.delete(name);
			console.warn('Recall: media could not be read', error);
		}
	}
}

export const mediaUrls = new MediaUrls();
