import { describe, expect, it } from 'vitest';
import { isApplePlatform, isSubmitShortcut, submitShortcut, type ShortcutKey } from '../../../src/lib/components/submit-shortcut';

const key = (facts: Partial<ShortcutKey>): ShortcutKey => ({ key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, repeat: false, ...facts });

describe('the card forms’ shortcut', () => {
	it('is Ctrl+Enter or Cmd+Enter, and nothing else', () => {
		expect(isSubmitShortcut(key({ ctrlKey: true }))).toBe(true);
		expect(isSubmitShortcut(key({ metaKey: true }))).toBe(true);
		// Enter alone is a new line; with Shift or Alt it is the field's own too.
		expect(isSubmitShortcut(key({}))).toBe(false);
		expect(isSubmitShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
		expect(isSubmitShortcut(key({ ctrlKey: true, altKey: true }))).toBe(false);
		expect(isSubmitShortcut(key({ key: 'a', ctrlKey: true }))).toBe(false);
		// A Korean syllable being composed: its Enter belongs to the input method. A held key adds one card.
		expect(isSubmitShortcut(key({ ctrlKey: true, isComposing: true }))).toBe(false);
		expect(isSubmitShortcut(key({ ctrlKey: true, repeat: true }))).toBe(false);
	});

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
