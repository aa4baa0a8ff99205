/**
 * A box that scrolls its content (a table wider than a phone, a long list) must
 * be reachable by keyboard to be scrolled by one (axe: scrollable-region-
 * focusable); one that does not scroll must not be a stop on the Tab key's
 * way. Attached to the box (`{@attach focusableWhileScrolling()}`), this keeps
 * its tabindex to what its size says now, as the window or the content change.
 */
import type { Attachment } from 'svelte/attachments';

/** Whether the box's content is larger than the box, either way (a pixel of rounding aside). */
export function scrolls(box: Pick<HTMLElement, 'scrollWidth' | 'clientWidth' | 'scrollHeight' | 'clientHeight'>): boolean {
	return box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
}

/** `changed` hears each change of whether the box scrolls (a label may say so). */
export function focusableWhileScrolling(changed?: (scrolling: boolean) => void): Attachment<HTMLElement> {
	return (box) => {
		let last: boolean | undefined;
		const update = () => {
			const now = scrolls(box);
			if (now === last) return;
			last = now;
			if (now) box.tabIndex = 0;
			else box.removeAttribute('tabindex');
			changed?.(now);
		};
		// The box's own size changes with the window; its content's with what it shows.
		const observer = new ResizeObserver(update);
		observer.observe(box);
		const watchContent = () => {
			for (const child of box.children) observer.observe(child);
		};
		watchContent();
		const mutations = new MutationObserver(() => {
			watchContent();
			update();
		});
		mutations.observe(box, { childList: true });
		update();
		return () => {
			observer.disconnect();
			mutations.disconnect();
		};
	};
}
