/**
 * The page's side of the import worker: one import, step by step (read,
 * confirm a table's columns, apply), each step a promise of the worker's
 * answer, with a cancel that ends the worker at once.
 */
import type { DayOptions } from '$lib/srs/day';
import type { ImportNotice } from '$lib/io/notices';
import type { ImportWorkerReply, ImportWorkerRequest } from './import-protocol';

export class ImportCancelled extends Error {
	override name = 'ImportCancelled';
}

/** A file the importers refused: the notice names the problem, for the learner. */
export class ImportRefused extends Error {
	override name = 'ImportRefused';

	constructor(readonly notice: ImportNotice) {
		super(notice.message);
	}
}

/** Storing failed: nothing was written (one transaction). A full disk is its `cause`, as the worker saw it. */
export class ImportNotStored extends Error {
	override name = 'ImportNotStored';

	constructor(message: string, storageFull = false) {
		super(message, storageFull ? { cause: new DOMException(message, 'QuotaExceededError') } : undefined);
	}
}

type Answer = Extract<ImportWorkerReply, { type: 'table' | 'preview' | 'applied' }>;
type PhaseReply = Extract<ImportWorkerReply, { type: 'phase' }>;

export class ImportSession {
	#worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
	#pending: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | undefined;
	#closed = false;

	constructor(onPhase: (phase: PhaseReply['phase'], stored?: PhaseReply['stored']) => void) {
		this.#worker.onmessage = (event: MessageEvent<ImportWorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'phase') return onPhase(reply.phase, reply.stored);
			const pending = this.#pending;
			this.#pending = undefined;
			if (reply.type === 'failed') {
				const error = reply.stage === 'store' ? new ImportNotStored(reply.message, reply.storageFull) : reply.notice ? new ImportRefused(reply.notice) : new Error(reply.message);
				pending?.reject(error);
			} else {
				pending?.resolve(reply);
			}
		};
		this.#worker.onerror = (event) => {
			this.#pending?.reject(new Error(event.message || 'The import worker stopped.'));
			this.#pending = undefined;
		};
	}

	#ask(request: ImportWorkerRequest): Promise<Answer> {
		if (this.#closed) return Promise.reject(new ImportCancelled('The import was cancelled.'));
		return new Promise((resolve, reject) => {
			this.#pending = { resolve, reject };
			this.#worker.postMessage(request);
		});
	}

	read(files: File[], dayOptions?: DayOptions): Promise<Answer> {
		return this.#ask({ type: 'read', files, now: Date.now(), ...(dayOptions && { dayOptions }) });
	}

	/** The table read again with the learner's choices (a `table` answer), or refused. */
	reread(options: Extract<ImportWorkerRequest, { type: 'reread' }>['options']): Promise<Answer> {
		return this.#ask({ type: 'reread', options });
	}

	map(mapping: Extract<ImportWorkerRequest, { type: 'map' }>['mapping'], deckName: string): Promise<Answer> {
		return this.#ask({ type: 'map', mapping, deckName });
	}

	apply(): Promise<Answer> {
		return this.#ask({ type: 'apply', now: Date.now() });
	}

	/** Ends the worker: a read stops, an apply not yet committed never commits. */
	close(): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#worker.terminate();
		this.#pending?.reject(new ImportCancelled('The import was cancelled.'));
		this.#pending = undefined;
	}
}
