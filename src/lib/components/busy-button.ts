/**
 * A button whose action is running says so and ignores presses, but is not `disabled`: a button disabled under
 * the keyboard drops focus on the page itself (the next Tab starts from the top), so a keyboard user who pressed
 * Save, Download or Create deck would have to find their place again. Attached to the button
 * (`{@attach busyWhile(saving)}`), it is `aria-disabled` while busy and a press meanwhile (a click, Enter, a form's
 * implicit submission through it) does nothing: its default and its handlers are cancelled.
 */
import type { Attachment } from 'svelte/attachments';

/** Ignores a press of the button it is attached to. */
function ignorePress(event: Event): void {
	event.preventDefault();
	event.stopImmediatePropagation();
}

export function busyWhile(busy: boolean): Attachment<HTMLButtonElement> {
	return (button) => {
		if (!busy) return;
		button.setAttribute('aria-disabled', 'true');
		// Caught on the way down, before the button's own handler (Svelte delegates it to the root) or its form.
		button.addEventListener('click', ignorePress, { capture: true });
		return () => {
			button.removeAttribute('aria-disabled');
			button.removeEventListener('click', ignorePress, { capture: true });
		};
	};
}
