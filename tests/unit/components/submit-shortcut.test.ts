import { describe, expect, it, vi } from 'vitest';
import { isApplePlatform, submitOnShortcut, submitShortcut, SubmitShortcutKeys, type ShortcutKey } from '../../../src/lib/components/submit-shortcut';

const key = (facts: Partial<ShortcutKey>): ShortcutKey => ({
	key: 'Enter',
	code: 'Enter',
	keyCode: 13,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	shiftKey: false,
	isComposing: false,
	repeat: false,
	...facts
});
/** The key that ends a syllable being composed, as Chrome reports it. */
const composingKey = (facts: Partial<ShortcutKey>) => key({ keyCode: 229, isComposing: true, ...facts });

describe('the card forms’ shortcut', () => {
	it('is Ctrl+Enter or Cmd+Enter, and nothing else', () => {
		const press = (facts: Partial<ShortcutKey>) => new SubmitShortcutKeys().keydown(key(facts));
		expect(press({ ctrlKey: true })).toBe('submit');
		expect(press({ metaKey: true })).toBe('submit');
		// Enter alone is a new line; with Shift or Alt it is the field's own too.
		expect(press({})).toBeUndefined();
		expect(press({ ctrlKey: true, shiftKey: true })).toBeUndefined();
		expect(press({ ctrlKey: true, altKey: true })).toBeUndefined();
		expect(press({ key: 'a', code: 'KeyA', ctrlKey: true })).toBeUndefined();
		// A held key adds one card.
		expect(press({ ctrlKey: true, repeat: true })).toBeUndefined();
	});

	it('pressed while a Korean syllable is composed, sends the form once, with the syllable, however the browser tells it', () => {
		// Chrome on Windows: the key, taken by the input method ("Process"), ends the syllable, and nothing follows.
		const windows = new SubmitShortcutKeys();
		windows.compositionStart();
		expect(windows.keydown(composingKey({ key: 'Process', ctrlKey: true }))).toBeUndefined();
		expect(windows.compositionEnd()).toBe(true);
		// Typing on, then the shortcut: the next card is sent as usual.
		expect(windows.keydown(key({ key: 'Control', code: 'ControlLeft', keyCode: 17, ctrlKey: true }))).toBeUndefined();
		expect(windows.keydown(key({ ctrlKey: true }))).toBe('submit');

		// Chrome on macOS and Firefox: the key again once the syllable has ended; the form went once already.
		const mac = new SubmitShortcutKeys();
		mac.compositionStart();
		expect(mac.keydown(composingKey({ metaKey: true }))).toBeUndefined();
		expect(mac.compositionEnd()).toBe(true);
		expect(mac.keydown(key({ metaKey: true }))).toBe('swallow');
		expect(mac.keydown(key({ key: 'Meta', code: 'MetaLeft', keyCode: 91, metaKey: true }))).toBeUndefined();
		expect(mac.keydown(key({ metaKey: true }))).toBe('submit');

		// Safari: the syllable ends first, then the key comes, still called 229 but no longer composing.
		const safari = new SubmitShortcutKeys();
		safari.compositionStart();
		expect(safari.compositionEnd()).toBe(false);
		expect(safari.keydown(key({ keyCode: 229, metaKey: true }))).toBe('submit');
	});

	it('sends nothing when a syllable ends for another reason, or the input method kept the key', () => {
		const keys = new SubmitShortcutKeys();
		keys.compositionStart();
		expect(keys.compositionEnd()).toBe(false);
		// Japanese: the shortcut while choosing does nothing to the candidate, Enter then chooses it: no form sent.
		keys.compositionStart();
		expect(keys.keydown(composingKey({ ctrlKey: true }))).toBeUndefined();
		expect(keys.keydown(composingKey({}))).toBeUndefined();
		expect(keys.compositionEnd()).toBe(false);
	});
});

describe('submitOnShortcut', () => {
	/** A form as the attachment sees it: its events, and requestSubmit. */
	function form() {
		const target = Object.assign(new EventTarget(), { requestSubmit: vi.fn() });
		const stop = submitOnShortcut(() => false)(target as unknown as HTMLFormElement) as () => void;
		const send = (type: string, facts: Partial<ShortcutKey> = {}) => {
			const event = Object.assign(new Event(type, { cancelable: true }), type === 'keydown' ? key(facts) : {});
			target.dispatchEvent(event);
			return event.defaultPrevented;
		};
		return { submitted: target.requestSubmit, send, stop };
	}
	const afterEvents = () => new Promise((resolve) => setTimeout(resolve, 0));

	it('sends the form when the syllable ends, once, whether or not the key comes again', async () => {
		const windows = form();
		windows.send('compositionstart');
		expect(windows.send('keydown', { key: 'Process', keyCode: 229, isComposing: true, ctrlKey: true })).toBe(false);
		windows.send('compositionend');
		// Not before the field has had the syllable's input event.
		expect(windows.submitted).not.toHaveBeenCalled();
		await afterEvents();
		expect(windows.submitted).toHaveBeenCalledTimes(1);
		windows.stop();

		const mac = form();
		mac.send('compositionstart');
		mac.send('keydown', { keyCode: 229, isComposing: true, metaKey: true });
		mac.send('compositionend');
		// The key again: no new line in the field, and no second card.
		expect(mac.send('keydown', { metaKey: true })).toBe(true);
		await afterEvents();
		expect(mac.submitted).toHaveBeenCalledTimes(1);
		mac.stop();
	});

	it('sends at once with no syllable, and no longer once taken off', () => {
		const plain = form();
		expect(plain.send('keydown', { ctrlKey: true })).toBe(true);
		expect(plain.submitted).toHaveBeenCalledTimes(1);
		plain.stop();
		plain.send('keydown', { ctrlKey: true });
		expect(plain.submitted).toHaveBeenCalledTimes(1);
	});
});

describe('the shortcut’s name', () => {
	it('is named Cmd on Apple’s platforms and Ctrl elsewhere', () => {
		expect(isApplePlatform('MacIntel')).toBe(true);
		expect(isApplePlatform('macOS')).toBe(true);
		expect(isApplePlatform('iPad')).toBe(true);
		expect(isApplePlatform('Win32')).toBe(false);
		expect(isApplePlatform('Linux x86_64')).toBe(false);
		expect(submitShortcut('MacIntel')).toEqual({ label: '⌘+Enter', aria: 'Meta+Enter' });
		expect(submitShortcut('Windows')).toEqual({ label: 'Ctrl+Enter', aria: 'Control+Enter' });
	});
});
