/**
 * After an action, the control that had the keyboard may be gone (removed with
 * what it acted on) or disabled (nothing left for it to act on): the browser
 * then leaves focus on the page itself, and the next Tab starts from the top.
 * These find that out and put the keyboard somewhere that goes on from it.
 */

/** Whether the keyboard has no place: on the page itself, or on an element removed or disabled since. */
export function focusIsLost(doc: Document = document): boolean {
	const active = doc.activeElement;
	return active === null || active === doc.body || !active.isConnected || active.matches(':disabled');
}

/** Focuses `next` (a status line, a heading: give it tabindex="-1") when the keyboard has no place; else leaves it where it is. */
export function refocusIfLost(next: HTMLElement | null | undefined): void {
	if (next?.isConnected && focusIsLost(next.ownerDocument)) next.focus({ preventScroll: true });
}
