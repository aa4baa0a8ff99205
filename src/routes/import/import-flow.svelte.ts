/**
 * The import page's steps: files chosen → read in the worker → (a table's
 * columns confirmed) → preview of what changes → stored in one transaction →
 * summary. Nothing is written before the learner confirms the preview, and a
 * failure at any step leaves the store as it was.
 */
import { readFilesInWorker, ImportCancelled, ImportRefused, type ImportReading } from '$lib/app/import-reader';
import { applyImport, database, loadSettings, previewImport, type ImportPreview, type ImportResult } from '$lib/db';
import type { ImportBundle } from '$lib/io/bundle';
import { delimitedToBundle, type ColumnMapping, type DelimitedTable } from '$lib/io/delimited';
import type { ImportPhase } from '$lib/io/read-import';
import type { NoteReport } from '$lib/notes/generate';

export type ImportStep =
	| { name: 'choose' }
	| { name: 'reading'; files: string[]; phase: ImportPhase }
	| { name: 'mapping'; table: DelimitedTable; fileName: string; mapping: ColumnMapping; deckName: string }
	| { name: 'preview'; bundle: ImportBundle; preview: ImportPreview; reports: NoteReport[] }
	| { name: 'storing'; bundle: ImportBundle }
	| { name: 'done'; result: ImportResult; bundle: ImportBundle }
	| { name: 'failed'; reason: 'refused' | 'unexpected' | 'store' | 'cancelled'; message: string };

/** A table's deck name when the file says none: its file name without the extension. */
export function deckNameFromFile(fileName: string): string {
	return fileName.replace(/\.[^.]+$/, '').trim() || fileName;
}

/** Whether a preview would change anything at all (importing the same file twice changes nothing). */
export function changesAnything(preview: ImportPreview): boolean {
	return (
		preview.decks.some((deck) => deck.added + deck.updated + deck.moved + deck.retired + deck.restored > 0) ||
		preview.reviews.added > 0 ||
		preview.media.written > 0 ||
		preview.settings
	);
}

export class ImportFlow {
	// Raw: a bundle goes to IndexedDB as it is, and a deep proxy cannot be cloned into it.
	step = $state.raw<ImportStep>({ name: 'choose' });
	#reading: ImportReading | undefined;

	async choose(files: File[]): Promise<void> {
		if (files.length === 0) return;
		this.cancel();
		this.step = { name: 'reading', files: files.map((file) => file.name), phase: 'detect' };
		const db = database();
		const settings = await loadSettings(db);
		const reading = readFilesInWorker(files, {
			dayOptions: { dayStartHour: settings.dayStartHour },
			onPhase: (phase) => {
				if (this.step.name === 'reading') this.step = { ...this.step, phase };
			}
		});
		this.#reading = reading;
		try {
			const read = await reading.result;
			if (this.#reading !== reading) return;
			if (read.kind === 'table') {
				this.step = {
					name: 'mapping',
					table: read.table,
					fileName: read.fileName,
					mapping: { ...read.table.suggested },
					deckName: read.table.deckName ?? deckNameFromFile(read.fileName)
				};
			} else {
				await this.#preview(read.bundle, read.reports);
			}
		} catch (error) {
			if (this.#reading !== reading && !(error instanceof ImportCancelled)) return;
			this.step = failure(error);
		} finally {
			if (this.#reading === reading) this.#reading = undefined;
		}
	}

	/** The learner confirmed the table's columns and deck name. */
	async confirmMapping(mapping: ColumnMapping, deckName: string): Promise<void> {
		if (this.step.name !== 'mapping') return;
		try {
			const bundle = delimitedToBundle(this.step.table, mapping, { deckName: deckName.trim(), fileName: this.step.fileName });
			await this.#preview(bundle, []);
		} catch (error) {
			this.step = failure(error);
		}
	}

	async #preview(bundle: ImportBundle, reports: NoteReport[]): Promise<void> {
		const preview = await previewImport(database(), bundle);
		this.step = { name: 'preview', bundle, preview, reports };
	}

	/** Stores the previewed bundle: all of it in one transaction, or nothing. */
	async confirm(): Promise<void> {
		if (this.step.name !== 'preview') return;
		const { bundle } = this.step;
		this.step = { name: 'storing', bundle };
		try {
			const result = await applyImport(database(), bundle);
			this.step = { name: 'done', result, bundle };
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.step = { name: 'failed', reason: 'store', message };
		}
	}

	/** Stops reading (the worker ends at once); a preview or a table is simply dropped. Storing cannot be cancelled. */
	cancel(): void {
		const reading = this.#reading;
		this.#reading = undefined;
		reading?.cancel();
		if (this.step.name === 'mapping' || this.step.name === 'preview') this.step = { name: 'failed', reason: 'cancelled', message: '' };
	}

	reset(): void {
		this.cancel();
		this.step = { name: 'choose' };
	}
}

function failure(error: unknown): ImportStep {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof ImportCancelled) return { name: 'failed', reason: 'cancelled', message };
	if (error instanceof ImportRefused || (error instanceof Error && error.name === 'ImportError')) return { name: 'failed', reason: 'refused', message };
	return { name: 'failed', reason: 'unexpected', message };
}
