/**
 * The import page's steps: files chosen → read in the worker → (a table's
 * columns confirmed) → preview of what changes → stored in one transaction →
 * summary. Nothing is written before the learner confirms the preview, and a
 * failure at any step leaves the store as it was.
 */
import { appReady } from '$lib/app/boot';
import { ImportCancelled, ImportNotStored, ImportRefused, ImportSession } from '$lib/app/import-session';
import type { ImportWorkerReply, TableSample } from '$lib/app/import-protocol';
import { database, loadSettings, type ImportPreview, type ImportResult } from '$lib/db';
import { failureMessage } from '$lib/i18n/failure';
import type { ColumnMapping, DelimitedOptions } from '$lib/io/delimited';
import type { ImportNotice } from '$lib/io/notices';
import type { NoteReport } from '$lib/notes/generate';
import { loadHomeList } from '../home-decks';
import { doneDecks, type DoneDeck } from './done-decks';

type PhaseReply = Extract<ImportWorkerReply, { type: 'phase' }>;
type Phase = PhaseReply['phase'];
type PreviewReply = Extract<ImportWorkerReply, { type: 'preview' }>;

export type ImportStep =
	| { name: 'choose' }
	| { name: 'working'; files: string[]; phase: Phase; stored?: PhaseReply['stored'] }
	/**
	 * `choices`: how the learner asked the table to be read (delimiter, header row, HTML), over what was
	 * detected; `rereading` while the worker reads it so; `problem` when that choice reads nothing (the table
	 * shown is then the one read before, and Continue waits for another choice).
	 */
	| { name: 'mapping'; table: TableSample; mapping: ColumnMapping; deckName: string; choices: DelimitedOptions; rereading: boolean; problem?: ImportNotice }
	| { name: 'preview'; preview: ImportPreview; reports: NoteReport[]; decks: PreviewReply['decks'] }
	/** `decks` offer their study sessions once today's counts are read, a moment after the step shows. */
	| { name: 'done'; result: ImportResult; decks: DoneDeck[] }
	| { name: 'failed'; reason: 'refused' | 'unexpected' | 'store' | 'cancelled'; message: string; notice?: ImportNotice };

type DoneStep = Extract<ImportStep, { name: 'done' }>;

/** A table's deck name when the file says none: its file name without the extension. */
export function deckNameFromFile(fileName: string): string {
	return fileName.replace(/\.[^.]+$/, '').trim() || fileName;
}

/** Whether a preview would change anything at all (importing the same file twice changes nothing). */
export function changesAnything(preview: ImportPreview): boolean {
	return (
		preview.decks.some((deck) => deck.added + deck.updated + deck.moved + deck.retired + deck.restored > 0) ||
		preview.reviews.answers + preview.reviews.schedules > 0 ||
		preview.media.written > 0 ||
		preview.settings
	);
}

export class ImportFlow {
	step = $state.raw<ImportStep>({ name: 'choose' });
	#session: ImportSession | undefined;
	#files: string[] = [];
	#rereading = false;

	/** Several files chosen together: the preview and the summary speak of "these files", not "this file". */
	get severalFiles(): boolean {
		return this.#files.length > 1;
	}

	async choose(files: File[]): Promise<void> {
		if (files.length === 0) return;
		this.#close();
		this.#files = files.map((file) => file.name);
		const session = this.#open();
		// The import benchmark (bench/import.bench.ts) times reading and storing from these marks.
		performance.mark('recall:import-read');
		this.step = { name: 'working', files: this.#files, phase: 'detect' };
		// The built-in decks stored first (a first visit stores none until a page needs them), so that a built-in
		// deck's own note, imported, previews as the deck it is, not as a new one, and the deck stays built-in.
		await appReady();
		const settings = await loadSettings(database());
		await this.#run(session, () => session.read(files, { dayStartHour: settings.dayStartHour }));
	}

	/**
	 * The learner changed how the table is read (delimiter, header row, HTML): the worker reads it again,
	 * and the step shows the new columns and rows. Choices made while it reads are asked for once it has
	 * answered, the latest of them, so the worker is asked one thing at a time.
	 */
	async chooseReading(choice: DelimitedOptions): Promise<void> {
		const session = this.#session;
		if (this.step.name !== 'mapping' || !session) return;
		this.step = { ...this.step, choices: { ...this.step.choices, ...choice }, rereading: true };
		if (this.#rereading) return;
		this.#rereading = true;
		try {
			let asked: DelimitedOptions | undefined;
			while (this.step.name === 'mapping' && this.step.choices !== asked) {
				asked = this.step.choices;
				let answer: Awaited<ReturnType<ImportSession['reread']>> | undefined;
				let problem: ImportNotice | undefined;
				try {
					answer = await session.reread(asked);
				} catch (error) {
					if (this.#session !== session || error instanceof ImportCancelled) return;
					if (!(error instanceof ImportRefused)) {
						this.step = failure(error);
						this.#close();
						return;
					}
					problem = error.notice;
				}
				if (this.#session !== session || this.step.name !== 'mapping') return;
				const next: Extract<ImportStep, { name: 'mapping' }> = { ...this.step };
				delete next.problem;
				this.step = answer?.type === 'table' ? { ...next, table: answer.table, mapping: { ...answer.table.suggested } } : { ...next, ...(problem && { problem }) };
			}
			if (this.step.name === 'mapping') this.step = { ...this.step, rereading: false };
		} finally {
			this.#rereading = false;
		}
	}

	/** The learner confirmed the table's columns and deck name. */
	async confirmMapping(mapping: ColumnMapping, deckName: string): Promise<void> {
		const session = this.#session;
		if (this.step.name !== 'mapping' || this.step.rereading || this.step.problem || !session) return;
		this.step = { name: 'working', files: this.#files, phase: 'preview' };
		await this.#run(session, () => session.map(mapping, deckName.trim()));
	}

	/** Stores the previewed import: all of it in one transaction, or nothing. */
	async confirm(): Promise<void> {
		const session = this.#session;
		if (this.step.name !== 'preview' || !session) return;
		const { decks } = this.step;
		this.step = { name: 'working', files: this.#files, phase: 'store' };
		performance.mark('recall:import-store');
		await this.#run(session, () => session.apply(), decks);
	}

	/** Stops whatever the worker does (ending it: nothing not yet stored is stored) and says so. */
	cancel(): void {
		if (this.step.name === 'choose' || this.step.name === 'done' || this.step.name === 'failed') return;
		this.#close();
		this.step = { name: 'failed', reason: 'cancelled', message: '' };
	}

	reset(): void {
		this.#close();
		this.step = { name: 'choose' };
	}

	#open(): ImportSession {
		const session = new ImportSession((phase, stored) => {
			if (this.#session === session && this.step.name === 'working') this.step = { name: 'working', files: this.step.files, phase, ...(stored && { stored }) };
		});
		this.#session = session;
		return session;
	}

	#close(): void {
		this.#session?.close();
		this.#session = undefined;
	}

	/**
	 * Adds the done step's Study links once today's counts are read. The step shows without waiting for them: the
	 * import is stored, and a Cancel pressed while they were read would say it was not. Counts that cannot be read
	 * leave the deck links alone, which lead to the decks all the same.
	 */
	async #offerStudy(done: DoneStep, decks: PreviewReply['decks']): Promise<void> {
		const today = await loadHomeList([], Date.now()).catch(() => undefined);
		if (today && this.step === done) this.step = { ...done, decks: doneDecks(decks, today.decks) };
	}

	async #run(session: ImportSession, ask: () => ReturnType<ImportSession['read']>, decks?: PreviewReply['decks']): Promise<void> {
		try {
			const answer = await ask();
			if (this.#session !== session) return;
			if (answer.type === 'table') {
				const { table } = answer;
				this.step = { name: 'mapping', table, mapping: { ...table.suggested }, deckName: table.deckName ?? deckNameFromFile(table.fileName), choices: {}, rereading: false };
			} else if (answer.type === 'preview') {
				performance.mark('recall:import-previewed');
				this.step = { name: 'preview', preview: answer.preview, reports: answer.reports, decks: answer.decks };
			} else {
				performance.mark('recall:import-stored');
				const done: DoneStep = { name: 'done', result: answer.result, decks: doneDecks(decks ?? [], undefined) };
				this.step = done;
				this.#close();
				void this.#offerStudy(done, decks ?? []);
			}
		} catch (error) {
			if (this.#session !== session && !(error instanceof ImportCancelled)) return;
			if (error instanceof ImportCancelled) return;
			this.step = failure(error);
			this.#close();
		}
	}
}

function failure(error: unknown): ImportStep {
	const message = failureMessage(error);
	if (error instanceof ImportNotStored) return { name: 'failed', reason: 'store', message };
	if (error instanceof ImportRefused) return { name: 'failed', reason: 'refused', message, notice: error.notice };
	return { name: 'failed', reason: 'unexpected', message };
}
