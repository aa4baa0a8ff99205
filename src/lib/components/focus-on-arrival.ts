import { afterNavigate } from '$app/navigation';

/**
 * Puts the keyboard in a form's first field whenever its page is opened, as Anki's Add window does: the page is
 * there to be typed in, and otherwise a keyboard learner tabs past the whole menu to reach it. It runs after
 * navigation because SvelteKit moves focus to the body once a page is drawn. Call it while the page is created.
 */
export function focusOnArrival(field: () => HTMLElement | undefined): void {
	afterNavigate(() => field()?.focus());
}
