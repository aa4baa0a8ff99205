/** The messages between the import page and its worker (import-worker.ts). */
import type { ImportPhase, ImportRead } from '$lib/io/read-import';
import type { DayOptions } from '$lib/srs/day';

export interface ImportWorkerRequest {
	type: 'read';
	files: File[];
	now: number;
	dayOptions?: DayOptions;
}

export type ImportWorkerReply =
	| { type: 'phase'; phase: ImportPhase }
	| { type: 'done'; result: ImportRead }
	/** `expected`: a file the importers refuse (its message is for the learner), not a bug. */
	| { type: 'failed'; message: string; expected: boolean };
