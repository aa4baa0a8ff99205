/**
 * Files shared to the installed app (Web Share Target in the manifest): the
 * service worker receives the form POST and keeps the files in a cache; the
 * import page takes them from there when it opens with `?shared`.
 */
export const SHARE_TARGET_PATH = '/import/share';
export const SHARED_FILES_CACHE = 'recall-shared-files';
export const SHARED_FILE_PREFIX = '/shared-files/';
export const SHARED_FILE_NAME_HEADER = 'X-File-Name';

/** The files waiting from a share, removed from the cache as they are taken. */
export async function takeSharedFiles(): Promise<File[]> {
	if (typeof caches === 'undefined') return [];
	const cache = await caches.open(SHARED_FILES_CACHE);
	const files: File[] = [];
	for (const request of await cache.keys()) {
		const response = await cache.match(request);
		await cache.delete(request);
		if (!response) continue;
		const name = decodeURIComponent(response.headers.get(SHARED_FILE_NAME_HEADER) ?? 'shared file');
		files.push(new File([await response.blob()], name, { type: response.headers.get('Content-Type') ?? '' }));
	}
	return files;
}
