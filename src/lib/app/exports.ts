/**
 * Making export files in the page: a deck as a Recall file (with or without its
 * progress), a CSV table or an Anki package, and a backup of everything.
 * SQLite (for .apkg) loads only when an Anki package is made.
 */
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { database, exportBackup, exportDeck, loadSettings } from '$lib/db';
import { serializeBackup } from '$lib/io/backup';
import { deckToDelimited } from '$lib/io/delimited';
import { renderCardSide } from '$lib/render/card-html';
import { exportFileName } from './save-file';

export const DECK_EXPORT_FORMATS = ['json-progress', 'json-plain', 'csv', 'apkg'] as const;
export type DeckExportFormat = (typeof DECK_EXPORT_FORMATS)[number];

const JSON_TYPE = 'application/json';

export async function makeDeckExport(deckId: string, deckName: string, format: DeckExportFormat, now = Date.now()): Promise<File> {
	const db = database();
	const bundle = await exportDeck(db, deckId, { withProgress: format === 'json-progress' || format === 'apkg' });
	switch (format) {
		case 'json-progress':
		case 'json-plain':
			return new File([serializeBackup(bundle, now)], exportFileName(deckName, 'json', new Date(now)), { type: JSON_TYPE });
		case 'csv':
			return new File([deckToDelimited(bundle, deckId, ',')], exportFileName(deckName, 'csv', new Date(now)), { type: 'text/csv' });
		case 'apkg': {
			const [{ default: initSqlJs }, { writeAnkiPackage }, settings] = await Promise.all([import('sql.js'), import('$lib/io/anki/export'), loadSettings(db)]);
			const sql = await initSqlJs({ locateFile: () => wasmUrl });
			const mediaNames = new Set(bundle.media.map((file) => file.name));
			const bytes = writeAnkiPackage(bundle, {
				sql,
				now,
				dayOptions: { dayStartHour: settings.dayStartHour },
				// Stored media keep their names, which the package's media map refers to.
				renderSide: (card, side) =>
					renderCardSide(side === 'front' ? card.front : card.back, {
						...(card.format && { format: card.format }),
						resolveImage: (src) => (mediaNames.has(src) ? src : undefined)
					})
			});
			return new File([bytes as Uint8Array<ArrayBuffer>], exportFileName(deckName, 'apkg', new Date(now)), { type: 'application/octet-stream' });
		}
	}
}

/** Everything on this device: decks, cards, the whole review log, media and settings. */
export async function makeBackup(now = Date.now()): Promise<File> {
	const bundle = await exportBackup(database(), now);
	return new File([serializeBackup(bundle, now)], exportFileName('Recall backup', 'json', new Date(now)), { type: JSON_TYPE });
}
