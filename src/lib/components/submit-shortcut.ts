/**
 * Ctrl+Enter (Cmd+Enter on a Mac) sends a card form from any of its fields, as
 * Anki's Add and Edit windows do: Add cards adds, Card info's edit form saves.
 */
import type { Attachment } from 'svelte/attachments';

/** The facts of a key event the shortcut goes by. */
export interface ShortcutKey {
	key: string;
	/** The physical key: an input method that takes a key calls it "Process", and only this says it was Enter. */
	code: string;
	/** 229 for a key an input method took (the older word for "Process"). */
	keyCode: number;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	shiftKey: boolean;
	/** An input method (Korean, say) is composing: the key first ends its syllable. */
	isComposing: boolean;
	/** A held key: one press, one card. */
	repeat: boolean;
}

const INPUT_METHOD_KEY_CODE = 229;

function isShortcutPress(event: ShortcutKey): boolean {
	const enter = event.key === 'Enter' || (event.key === 'Process' && (event.code === 'Enter' || event.code === 'NumpadEnter'));
	return enter && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && !event.repeat;
}

/**
 * The shortcut as a form's fields see it, input methods and all. Pressed while a Korean syllable is being
 * composed, the key first ends the syllable, and browsers differ after that: Chrome on Windows sends no other
 * key, so the form is sent when the syllable ends (with it); Chrome on macOS and Firefox send the key again
 * once it has ended, and that second one, come after the form was sent, is taken as the same press. Safari
 * ends the syllable first and then sends the key (229, but no longer composing): it sends the form.
 */
export class SubmitShortcutKeys {
	/** Between compositionstart and compositionend. */
	#composing = false;
	/** The shortcut was pressed while composing: the form goes when the syllable ends. */
	#pending = false;
	/** The form went when the syllable ended: the same press, sent again, is not another. */
	#sentForSyllable = false;

	/** What a keydown in the form does: `submit` the form, `swallow` the key, or nothing (undefined). */
	keydown(event: ShortcutKey): 'submit' | 'swallow' | undefined {
		if (!isShortcutPress(event)) {
			// Any other key (Ctrl pressed anew, a letter, Enter choosing a Japanese candidate) starts something new;
			// a held one does not.
			if (!event.repeat) this.#sentForSyllable = this.#pending = false;
			return undefined;
		}
		if (event.isComposing || (this.#composing && event.keyCode === INPUT_METHOD_KEY_CODE)) {
			// Left to the input method, which ends the syllable (cancelling the key could keep it from doing so).
			this.#pending = true;
			return undefined;
		}
		this.#pending = false;
		if (this.#sentForSyllable) {
			this.#sentForSyllable = false;
			return 'swallow';
		}
		return 'submit';
	}

	compositionStart(): void {
		this.#composing = true;
	}

	/** The syllable ended: whether the form is to be sent now (once the field has its text). */
	compositionEnd(): boolean {
		this.#composing = false;
		if (!this.#pending) return false;
		this.#pending = false;
		this.#sentForSyllable = true;
		return true;
	}
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
		const keys = new SubmitShortcutKeys();
		const submit = () => {
			if (!busy()) form.requestSubmit();
		};
		const keydown = (event: KeyboardEvent) => {
			const action = keys.keydown(event);
			if (action === undefined) return;
			event.preventDefault();
			if (action === 'submit') submit();
		};
		const compositionStart = () => keys.compositionStart();
		// Firefox gives the field its ended syllable (the input event) after compositionend: send after that.
		const compositionEnd = () => {
			if (keys.compositionEnd()) setTimeout(submit, 0);
		};
		form.addEventListener('keydown', keydown);
		form.addEventListener('compositionstart', compositionStart);
		form.addEventListener('compositionend', compositionEnd);
		return () => {
			form.removeEventListener('keydown', keydown);
			form.removeEventListener('compositionstart', compositionStart);
			form.removeEventListener('compositionend', compositionEnd);
		};
	};
}
