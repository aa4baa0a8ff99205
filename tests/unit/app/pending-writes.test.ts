import { describe, expect, it } from 'vitest';
import { trackWrite, writesSettled } from '../../../src/lib/app/pending-writes';

describe('pending writes', () => {
	it('settles at once when nothing is being written', async () => {
		await expect(writesSettled()).resolves.toBeUndefined();
	});

	it('settles only when every tracked write has finished, failed ones included', async () => {
		let finishFirst!: () => void;
		let failSecond!: (error: Error) => void;
		const first = trackWrite(new Promise<void>((resolve) => (finishFirst = resolve)));
		const second = trackWrite(new Promise<void>((_, reject) => (failSecond = reject)));
		second.catch(() => undefined);
		let settled = false;
		void writesSettled().then(() => (settled = true));

		finishFirst();
		await first;
		await Promise.resolve();
		expect(settled).toBe(false);

		failSecond(new Error('quota'));
		await expect(second).rejects.toThrow('quota');
		await writesSettled();
		expect(settled).toBe(true);
	});
});
