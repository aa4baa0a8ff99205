import { describe, expect, it } from 'vitest';
import { describeStorage, formatMegabytes, readPersistenceFact, readStorageStatus, usageParts } from '../../../src/routes/settings/storage-status';

describe('readStorageStatus', () => {
	it('reads persistence and usage from the browser, and the request from the stored fact', async () => {
		const storage = {
			persisted: async () => false,
			estimate: async () => ({ usage: 1_234_567, quota: 2_000_000_000 })
		};
		expect(await readStorageStatus(storage, { granted: false, askedAt: 1_700_000_000_000 })).toEqual({
			persisted: false,
			usage: { used: 1_234_567, quota: 2_000_000_000 },
			request: { granted: false, askedAt: 1_700_000_000_000 }
		});
	});

	it('says what a browser without the Storage API cannot tell, without failing', async () => {
		expect(await readStorageStatus(undefined, undefined)).toEqual({ persisted: undefined, usage: undefined, request: undefined });
		expect(await readStorageStatus({}, undefined)).toEqual({ persisted: undefined, usage: undefined, request: undefined });
	});

	it('treats a refusal or a partial estimate as not knowing', async () => {
		const storage = {
			persisted: () => Promise.reject(new DOMException('denied', 'SecurityError')),
			estimate: async () => ({ usage: 10 })
		};
		expect(await readStorageStatus(storage, undefined)).toMatchObject({ persisted: undefined, usage: undefined });
	});

	it('calls the browser’s methods on the storage manager itself', async () => {
		const storage = {
			answer: true,
			persisted(this: { answer: boolean }) {
				return Promise.resolve(this.answer);
			}
		};
		expect((await readStorageStatus(storage, undefined)).persisted).toBe(true);
	});
});

describe('usageParts', () => {
	it('splits Chromium’s usage into the learner’s data and the offline copies of the app and images', async () => {
		const storage = {
			estimate: async () => ({
				usage: 104_300_000,
				quota: 2_000_000_000,
				usageDetails: { indexedDB: 800_000, caches: 103_450_000, serviceWorkerRegistrations: 50_000 }
			})
		};
		expect((await readStorageStatus(storage, undefined)).usage).toEqual({
			used: 104_300_000,
			quota: 2_000_000_000,
			parts: { data: 800_000, offline: 103_500_000 }
		});
	});

	it('counts a kind the browser leaves out (it holds nothing) as nothing', () => {
		expect(usageParts({ indexedDB: 5_000 })).toEqual({ data: 5_000, offline: 0 });
		expect(usageParts({ caches: 7_000_000 })).toEqual({ data: 0, offline: 7_000_000 });
		// Other kinds (a file system) are neither.
		expect(usageParts({ indexedDB: 1, fileSystem: 99 })).toEqual({ data: 1, offline: 0 });
	});

	it('has nothing to split where the browser gives no details, or details of nothing', async () => {
		expect(usageParts(undefined)).toBeUndefined();
		expect(usageParts({})).toBeUndefined();
		expect(usageParts({ indexedDB: Number.NaN })).toBeUndefined();
		const storage = { estimate: async () => ({ usage: 1_234_567, quota: 2_000_000_000 }) };
		expect((await readStorageStatus(storage, undefined)).usage).toEqual({ used: 1_234_567, quota: 2_000_000_000 });
	});
});

describe('readPersistenceFact', () => {
	it('reads the shapes a persistence request may be stored in', () => {
		expect(readPersistenceFact(true)).toEqual({ granted: true });
		expect(readPersistenceFact('denied')).toEqual({ granted: false });
		expect(readPersistenceFact({ granted: true, askedAt: 5 })).toEqual({ granted: true, askedAt: 5 });
		expect(readPersistenceFact({ persisted: false, at: 7 })).toEqual({ granted: false, askedAt: 7 });
	});

	it('reads anything else as never asked', () => {
		for (const value of [undefined, null, 0, 'maybe', {}, { granted: 'yes' }]) expect(readPersistenceFact(value)).toBeUndefined();
	});
});

describe('formatMegabytes', () => {
	it('writes megabytes the locale’s way', () => {
		expect(formatMegabytes(1_234_567, 'en')).toBe('1.2 MB');
		expect(formatMegabytes(0, 'en')).toBe('0 MB');
		expect(formatMegabytes(2_000_000_000, 'en')).toBe('2,000 MB');
		expect(formatMegabytes(1_234_567, 'ko')).toBe('1.2MB');
	});
});

describe('describeStorage', () => {
	it('says so when storage is persistent', () => {
		expect(describeStorage({ persisted: true, request: { granted: true, askedAt: 1 } })).toEqual({
			persistence: 'storagePersistentYes',
			explanation: 'storagePersistentExplained',
			denied: undefined
		});
	});

	it('explains the risk when it is not, and mentions a refused request', () => {
		expect(describeStorage({ persisted: false, request: undefined })).toEqual({
			persistence: 'storagePersistentNo',
			explanation: 'storageNotPersistentExplained',
			denied: undefined
		});
		expect(describeStorage({ persisted: false, request: { granted: false, askedAt: 1 } }).denied).toBe('storagePersistenceDenied');
		expect(describeStorage({ persisted: false, request: { granted: false } }).denied).toBe('storagePersistenceDeniedUndated');
	});

	it('says the browser does not tell when it has no way to', () => {
		expect(describeStorage({ persisted: undefined, request: { granted: false, askedAt: 1 } })).toEqual({
			persistence: 'storagePersistentUnknown',
			explanation: 'storagePersistenceUnsupported',
			denied: 'storagePersistenceDenied'
		});
	});
});
