import { afterNavigate } from '$app/navigation';
import { focusIsLost } from './lost-focus';

/**
 * Puts the keyboard in a form's first field whenever its page is opened, as Anki's Add window does: the page is
 * there to be typed in, and otherwise a keyboard learner tabs past the whole menu to reach it. It runs after
 * navigation because SvelteKit moves focus to the body once a page is drawn. Call it while the page is created.
 */
export function focusOnArrival(field: () => HTMLElement | undefined): void {
	afterNavigate(() => field()?.focus());
}

/**
 * Every move to another of the app's pages (a link, Back, a page opening another) starts the keyboard at the new
 * page's main heading, where a screen reader then reads on: SvelteKit leaves it on the page itself, so the next Tab
 * went through the menu again, and a control pressed on the page before (gone with it) took the place with it. A
 * page that puts it in a field (focusOnArrival) still has its way: those run after this, the layout's. Not on the
 * first load (the browser's own start), nor for a link to a part of a page (#backup), where SvelteKit starts the
 * keyboard at that part. A heading drawn once the page's data is read (the study screen's) is waited for, while
 * nothing else took the keyboard. Call it while the layout is created, with its `<main>`.
 */
export function focusHeadingOnArrival(main: () => HTMLElement | undefined): void {
	let stopWaiting: (() => void) | undefined;
	afterNavigate((navigation) => {
		stopWaiting?.();
		stopWaiting = undefined;
		const root = main();
		if (root === undefined || navigation.type === 'enter' || (navigation.to?.url.hash ?? '') !== '') return;
		if (focusHeadingIn(root)) return;
		const observer = new MutationObserver(() => {
			if (!focusHeadingIn(root)) return;
			observer.disconnect();
			stopWaiting = undefined;
		});
		observer.observe(root, { childList: true, subtree: true });
		stopWaiting = () => observer.disconnect();
	});
}

/** Focuses the page's main heading if the keyboard has no place; false while there is no heading yet. */
function focusHeadingIn(root: HTMLElement): boolean {
	const heading = root.querySelector<HTMLElement>('h1');
	if (heading === null) return false;
	if (focusIsLost(root.ownerDocument)) {
		// Focusable from script only: not a stop on the Tab key's way.
		if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
		heading.focus({ preventScroll: true });
	}
	return true;
}
