// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isStorageFull } from '../../../src/lib/db/storage-full';
import { ImportNotStored } from '../../../src/lib/app/import-session';

const quota = () => new DOMException('The disk is full', 'QuotaExceededError');

describe('isStorageFull', () => {
	it('tells a full disk as IndexedDB says it, and as Dexie passes it on', () => {
		expect(isStorageFull(quota())).toBe(true);
		// Dexie's own error of that name, and the AbortError of a transaction the quota ended.
		expect(isStorageFull(new Dexie.QuotaExceededError('full', quota()))).toBe(true);
		expect(isStorageFull(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
		// An Error whose cause it is (an import's failure, told by its worker).
		expect(isStorageFull(new Error('not stored', { cause: quota() }))).toBe(true);
		expect(isStorageFull(new ImportNotStored('The disk is full', true))).toBe(true);
	});

	it('tells nothing else so', () => {
		for (const error of [
			new Error('QuotaExceededError'),
			new DOMException('The database connection is closing.', 'InvalidStateError'),
			new Dexie.AbortError('Transaction aborted'),
			new ImportNotStored('Constraint failed'),
			'QuotaExceededError',
			undefined,
			null
		]) {
			expect(isStorageFull(error), String(error)).toBe(false);
		}
	});

	it('stops on a chain of causes that loops', () => {
		const first: { name: string; inner?: unknown } = { name: 'AbortError' };
		first.inner = { name: 'AbortError', inner: first };
		expect(isStorageFull(first)).toBe(false);
	});
});
