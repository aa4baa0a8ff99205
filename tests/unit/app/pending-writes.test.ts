import { describe, expect, it } from 'vitest';
import { askBeforeLeavingMidWrite, trackWrite, writesSettled } from '../../../src/lib/app/pending-writes';

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

	it('asks before the page is left while a write is in flight, and only then', async () => {
		const target = new EventTarget() as unknown as Window;
		const stop = askBeforeLeavingMidWrite(target);
		const leave = () => {
			const event = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
			// A browser's BeforeUnloadEvent has a writable returnValue; Node's Event only a getter.
			Object.defineProperty(event, 'returnValue', { value: true, writable: true });
			target.dispatchEvent(event);
			return event.defaultPrevented;
		};
		try {
			expect(leave()).toBe(false);
			let finish!: () => void;
			const write = trackWrite(new Promise<void>((resolve) => (finish = resolve)));
			expect(leave()).toBe(true);
			finish();
			await write;
			expect(leave()).toBe(false);
		} finally {
			stop();
		}
		let finish!: () => void;
		const write = trackWrite(new Promise<void>((resolve) => (finish = resolve)));
		// Stopped: it no longer asks, even mid-write.
		expect(leave()).toBe(false);
		finish();
		await write;
	});
});
