// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { busyWhile } from '../../../src/lib/components/busy-button';

/** A form with one submit button, and what its presses did. */
function form(): { button: HTMLButtonElement; heard: string[] } {
	document.body.innerHTML = '<form><button type="submit">Save</button></form>';
	const heard: string[] = [];
	const formElement = document.querySelector('form')!;
	formElement.addEventListener('submit', (event) => {
		event.preventDefault();
		heard.push('submit');
	});
	// Where Svelte hears a button's onclick: delegated to the root.
	document.addEventListener('click', () => heard.push('click'));
	return { button: formElement.querySelector('button')!, heard };
}

describe('a button busy with its action', () => {
	it('stays enabled, says it is busy, and ignores a press and its form', () => {
		const { button, heard } = form();
		const detach = busyWhile(true)(button);
		expect(button.disabled).toBe(false);
		expect(button.getAttribute('aria-disabled')).toBe('true');
		button.click();
		expect(heard).toEqual([]);

		// Done: pressed again, it acts.
		if (typeof detach === 'function') detach();
		expect(button.hasAttribute('aria-disabled')).toBe(false);
		button.click();
		expect(heard).toEqual(['click', 'submit']);
	});

	it('is an ordinary button while not busy', () => {
		const { button, heard } = form();
		busyWhile(false)(button);
		expect(button.hasAttribute('aria-disabled')).toBe(false);
		button.click();
		expect(heard).toEqual(['click', 'submit']);
	});
});
