/**
 * Writes started from the UI that are not stored yet. The study screen shows the
 * next card while an answer is being stored; anything that reloads the page (the
 * update prompt) waits for `writesSettled()` so that no answer is cut off.
 */
let pending = 0;
let waiting: (() => void)[] = [];

export function trackWrite<T>(write: Promise<T>): Promise<T> {
	pending++;
	return write.finally(() => {
		pending--;
		if (pending > 0) return;
		const resolve = waiting;
		waiting = [];
		for (const done of resolve) done();
	});
}

export function writesSettled(): Promise<void> {
	return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
}
