/**
 * The messages between the import page and its worker (import-worker.ts). The
 * worker keeps the parsed bundle, previews it against the store and applies
 * it: the page only ever sees summaries, and a large import never runs a long
 * task on the page's thread.
 */
import type { ImportPreview, ImportResult } from '$lib/db';
import type { ImportNotice } from '$lib/io/notices';
import type { ColumnKind, ColumnMapping, DelimitedOptions } from '$lib/io/delimited';
import type { ImportPhase } from '$lib/io/read-import';
import type { NoteReport } from '$lib/notes/generate';
import type { DayOptions } from '$lib/srs/day';

/** What the page shows of a table before its columns are confirmed: the first rows, not all of them. */
export interface TableSample {
	fileName: string;
	columns: string[];
	/** Which of `columns` are made up (`Column 3`): the page says those in its language. */
	columnKinds: ColumnKind[];
	rows: string[][];
	rowCount: number;
	suggested: ColumnMapping;
	deckName?: string;
	warnings: ImportNotice[];
	/** How the file was read (detected, or as the learner chose): the Columns step shows them, to be changed. */
	delimiter: string;
	hasHeader: boolean;
	html: boolean;
}

export type ImportWorkerRequest =
	| { type: 'read'; files: File[]; now: number; dayOptions?: DayOptions }
	/** Read the table again, with the learner's choice of delimiter, header row or HTML; the answer is a `table`. */
	| { type: 'reread'; options: DelimitedOptions }
	| { type: 'map'; mapping: ColumnMapping; deckName: string }
	| { type: 'apply'; now: number };

export type ImportWorkerReply =
	/** What the worker is doing; while storing, also how many of the import's records (rows and cards) are stored. */
	| { type: 'phase'; phase: ImportPhase | 'preview' | 'store'; stored?: { done: number; total: number } }
	| { type: 'table'; table: TableSample }
	| { type: 'preview'; preview: ImportPreview; reports: NoteReport[]; decks: { id: string; name: string; cards: number }[] }
	| { type: 'applied'; result: ImportResult }
	/**
	 * `notice`: why the importers refuse the file, for the learner (absent for a bug); `stage` says where;
	 * `storageFull`: the device's storage is full (an error's kind does not cross to the page, only its message).
	 */
	| { type: 'failed'; message: string; notice?: ImportNotice; stage: 'read' | 'store'; storageFull?: true };
