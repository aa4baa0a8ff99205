/**
 * Where the keyboard focus goes when the import page shows another step. The element that had it (the file
 * picker, Continue, Import) is gone with its step, and the focus would drop to the page's body, with nothing
 * said: a step with a heading takes it on its heading (focusable by script only, tabindex="-1"), which a
 * screen reader reads and from which Tab goes on to the step's first control; the file picker takes it back
 * when the page starts over (cancelled, refused, Import more). Every step but the first has a heading: the
 * reading and saving step's names the files, and its live status under it says how far the worker is.
 */
import type { ImportStep } from './import-flow.svelte';

export type StepFocus = 'heading' | 'picker' | undefined;

export function focusAfter(from: ImportStep['name'] | undefined, to: ImportStep['name']): StepFocus {
	if (from === undefined || from === to) return undefined;
	if (to === 'choose' || to === 'failed') return 'picker';
	return 'heading';
}
