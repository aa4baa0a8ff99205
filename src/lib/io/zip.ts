/**
 * Reading zip archives (.apkg, .colpkg, a zip of notes) with fflate, refusing
 * archives that would expand past a limit before inflating anything: a zip
 * bomb of a few kB must not take the phone's memory.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { type ImportError } from './bundle';
import { refuse } from './notices';
import { zipEntryNames } from './zip-names';

/** Everything an archive may expand to, in bytes. Documented in the README. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
/** Files an archive may hold. */
export const MAX_ZIP_ENTRIES = 100_000;

export interface ZipLimits {
	maxBytes?: number;
	maxEntries?: number;
}

function looksLikeZip(bytes: Uint8Array): boolean {
	// Local file header "PK\3\4", or "PK\5\6" for an empty archive.
	return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/**
 * The archive's files by path (folders left out), the paths read as unzip
 * tools read them (zip-names.ts). `want` picks the entries to
 * inflate; the sizes of all picked entries count against the limit as the
 * archive's directory declares them, and fflate checks that no entry inflates
 * past its declared size.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = {}, want: (name: string) => boolean = () => true): Map<string, Uint8Array> {
	const maxBytes = limits.maxBytes ?? MAX_UNZIPPED_BYTES;
	const maxEntries = limits.maxEntries ?? MAX_ZIP_ENTRIES;
	if (!looksLikeZip(bytes)) throw refuse('zip-not-zip');
	let declared = 0;
	let entries = 0;
	let tooBig = false;
	// fflate calls the filter once per entry, in the directory's order: entry i is names[i].
	const names = zipEntryNames(bytes);
	const renamed = new Map<string, string>();
	let index = 0;
	const filter = (file: UnzipFileInfo): boolean => {
		const name = names?.[index++] ?? file.name;
		if (name.endsWith('/') || !want(name)) return false;
		renamed.set(file.name, name);
		entries++;
		declared += file.originalSize;
		if (declared > maxBytes || entries > maxEntries) tooBig = true;
		return !tooBig;
	};
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes, { filter });
	} catch (error) {
		if (tooBig) throw tooBigError(maxBytes, maxEntries);
		const reason = error instanceof Error ? error.message : String(error);
		throw refuse('zip-damaged', { reason });
	}
	if (tooBig) throw tooBigError(maxBytes, maxEntries);
	let actual = 0;
	for (const data of Object.values(files)) actual += data.length;
	// A lying directory: the entries inflated to more than they declared.
	if (actual > maxBytes) throw tooBigError(maxBytes, maxEntries);
	return new Map(Object.entries(files).map(([name, data]) => [renamed.get(name) ?? name, data]));
}

function tooBigError(maxBytes: number, maxEntries: number): ImportError {
	return refuse('zip-too-large', { maxBytes, maxEntries });
}
