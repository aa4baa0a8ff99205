/**
 * Ctrl+Enter (Cmd+Enter on a Mac) sends a card form from any of its fields, as
 * Anki's Add and Edit windows do: Add cards adds, Card info's edit form saves.
 */
import type { Attachment } from 'svelte/attachments';

/** The facts of a key event the shortcut goes by. */
export interface ShortcutKey {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	shiftKey: boolean;
	/** An input method (Korean, say) is composing: its Enter is its own. */
	isComposing: boolean;
	/** A held key: one press, one card. */
	repeat: boolean;
}

export function isSubmitShortcut(event: ShortcutKey): boolean {
	return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && !event.isComposing && !event.repeat;
}

/** Apple's keyboards say Cmd where others say Ctrl. */
export function isApplePlatform(platform: string): boolean {
	return /Mac|iPhone|iPad|iPod/i.test(platform);
}

/** The shortcut as the page names it, and as `aria-keyshortcuts` does. */
export function submitShortcut(platform: string): { label: string; aria: string } {
	return isApplePlatform(platform) ? { label: '⌘+Enter', aria: 'Meta+Enter' } : { label: 'Ctrl+Enter', aria: 'Control+Enter' };
}

/** The platform the browser runs on, for `submitShortcut`. */
export function browserPlatform(): string {
	if (typeof navigator === 'undefined') return '';
	const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
	return data?.platform || navigator.platform || navigator.userAgent;
}

/**
 * Attached to a form (`{@attach submitOnShortcut(() => adding)}`): the shortcut, pressed in any of its
 * fields, sends the form (its submit handler runs, as a click on its button would), unless `busy()`
 * says it is already being sent. The fields' own keys are left alone.
 */
export function submitOnShortcut(busy: () => boolean): Attachment<HTMLFormElement> {
	return (form) => {
		const keydown = (event: KeyboardEvent) => {
			if (!isSubmitShortcut(event)) return;
			event.preventDefault();
			if (!busy()) form.requestSubmit();
		};
		form.addEventListener('keydown', keydown);
		return () => form.removeEventListener('keydown', keydown);
	};
}
