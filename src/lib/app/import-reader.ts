/**
 * The page's side of the import worker: one read of some files, with its
 * phases reported and a cancel that ends the worker at once.
 */
import type { ImportPhase, ImportRead } from '$lib/io/read-import';
import type { DayOptions } from '$lib/srs/day';
import type { ImportWorkerReply, ImportWorkerRequest } from './import-protocol';

export class ImportCancelled extends Error {
	override name = 'ImportCancelled';
}

/** A file the importers refused: the message names the problem. */
export class ImportRefused extends Error {
	override name = 'ImportRefused';
}

export interface ImportReading {
	result: Promise<ImportRead>;
	cancel(): void;
}

export function readFilesInWorker(files: File[], options: { dayOptions?: DayOptions; onPhase?: (phase: ImportPhase) => void }): ImportReading {
	const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
	let settle: { resolve: (read: ImportRead) => void; reject: (error: Error) => void } | undefined;
	const result = new Promise<ImportRead>((resolve, reject) => {
		settle = { resolve, reject };
	});
	const finish = () => {
		worker.terminate();
		settle = undefined;
	};
	worker.onmessage = (event: MessageEvent<ImportWorkerReply>) => {
		const reply = event.data;
		if (reply.type === 'phase') options.onPhase?.(reply.phase);
		else if (reply.type === 'done') {
			settle?.resolve(reply.result);
			finish();
		} else {
			settle?.reject(reply.expected ? new ImportRefused(reply.message) : new Error(reply.message));
			finish();
		}
	};
	worker.onerror = (event) => {
		settle?.reject(new Error(event.message || 'The import worker stopped.'));
		finish();
	};
	const request: ImportWorkerRequest = { type: 'read', files, now: Date.now(), ...(options.dayOptions && { dayOptions: options.dayOptions }) };
	worker.postMessage(request);
	return {
		result,
		cancel() {
			settle?.reject(new ImportCancelled('The import was cancelled.'));
			finish();
		}
	};
}
