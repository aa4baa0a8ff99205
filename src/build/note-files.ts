/**
 * Finding the note files in a folder. Shared by the decks plugin and the deck CLI,
 * so that both turn the same folder into the same decks.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const NOTE_EXTENSIONS = ['.md', '.markdown'];

export function isNoteFile(name: string): boolean {
	const lower = name.toLowerCase();
	return NOTE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * The note files under `dir`, recursively, as paths relative to it with forward
 * slashes (they become card sources, which must not depend on the machine), sorted
 * by code unit so that every machine lists them in the same order.
 * Dot files and folders are skipped: editors keep lock and swap files there.
 * Symbolic links to folders are not followed, so a link loop cannot hang a build.
 */
export function findNoteFiles(dir: string): string[] {
	const found: string[] = [];
	const walk = (relative: string) => {
		for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
			if (entry.name.startsWith('.')) continue;
			const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
			if (entry.isDirectory()) walk(path);
			else if ((entry.isFile() || entry.isSymbolicLink()) && isNoteFile(entry.name)) found.push(path);
		}
	};
	walk('');
	return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
