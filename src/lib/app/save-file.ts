/**
 * Handing a made file (an export, a backup) to the person: downloaded like any
 * file, or given to the phone's share sheet (to a chat, a drive, an email).
 */

/** The browser can share this file through the system share sheet (phones, some desktops). */
export function canShareFile(file: File): boolean {
	return typeof navigator !== 'undefined' && typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
}

export function downloadFile(file: File): void {
	const url = URL.createObjectURL(file);
	const link = document.createElement('a');
	link.href = url;
	link.download = file.name;
	link.rel = 'noopener';
	document.body.append(link);
	link.click();
	link.remove();
	// The download has started reading the blob by the next task; revoke a little later to be safe.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Shares the file; false when the person closed the share sheet. */
export async function shareFile(file: File, title: string): Promise<boolean> {
	try {
		await navigator.share({ files: [file], title });
		return true;
	} catch (error) {
		if (error instanceof DOMException && error.name === 'AbortError') return false;
		throw error;
	}
}

function safeForFileName(text: string): string {
	return text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A file name safe on every system, from a deck name and today's date: "AWS 기초 2026-11-25.apkg".
 * `kind` tells apart files of one deck with the same extension: "AWS 기초 (cards only) 2026-11-25.json".
 * It comes after the name is shortened, so that a long deck name cannot cut it off.
 */
export function exportFileName(base: string, extension: string, now = new Date(), kind?: string): string {
	const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
	const safe = safeForFileName(base).slice(0, 80) || 'Recall';
	const safeKind = kind === undefined ? '' : safeForFileName(kind);
	return `${safe}${safeKind === '' ? '' : ` (${safeKind})`} ${date}.${extension}`;
}
