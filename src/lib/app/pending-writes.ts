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

/**
 * Asks before the page is closed, reloaded or left for another site while a
 * write is in flight: the browser aborts an IndexedDB transaction that has not
 * committed when its page goes, and an answer would go with it. A write takes
 * milliseconds, so the question is rare; staying lets it finish. Moving between
 * the app's own pages keeps the document, and the write, alive: no question.
 * Returns a function that stops asking.
 */
export function askBeforeLeavingMidWrite(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
	const listener = (event: BeforeUnloadEvent) => {
		if (pending === 0) return;
		event.preventDefault();
		// Browsers from before preventDefault was honoured (Safari 16 and older) ask when returnValue is set.
		event.returnValue = '';
	};
	target.addEventListener('beforeunload', listener);
	return () => target.removeEventListener('beforeunload', listener);
}
