import { describe, expect, it } from 'vitest';
import { studyKeyAction, type StudyKey, type StudyKeyContext } from '../../../../src/routes/study/[scope]/study-keys';

function key(value: string, extra: Partial<StudyKey> = {}): StudyKey {
	const code = /^[a-z]$/i.test(value) ? `Key${value.toUpperCase()}` : /^[0-9]$/.test(value) ? `Digit${value}` : value === ' ' ? 'Space' : value;
	return { key: value, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, repeat: false, isComposing: false, ...extra };
}

const FRONT: StudyKeyContext = {
	revealed: false,
	mode: 'four',
	inTextField: false,
	onOtherControl: false,
	menuOpen: false,
	editing: false,
	cardShown: true,
	helpOpen: false
};
const BACK: StudyKeyContext = { ...FRONT, revealed: true };

describe('studyKeyAction', () => {
	it('shows the answer with Space or Enter', () => {
		expect(studyKeyAction(key(' '), FRONT)).toEqual({ type: 'reveal' });
		expect(studyKeyAction(key('Enter'), FRONT)).toEqual({ type: 'reveal' });
	});

	it('answers Good with Space or Enter once the answer is shown, however it was shown (focus on nothing after a click)', () => {
		expect(studyKeyAction(key(' '), BACK)).toEqual({ type: 'grade', grade: 4 });
		expect(studyKeyAction(key('Enter'), BACK)).toEqual({ type: 'grade', grade: 4 });
		expect(studyKeyAction(key('Enter'), { ...BACK, mode: 'six' })).toEqual({ type: 'grade', grade: 4 });
	});

	it('leaves Space and Enter to another focused control (a button, a link, the ⋯ menu, a focused answer button) and to typing', () => {
		expect(studyKeyAction(key('Enter'), { ...FRONT, onOtherControl: true })).toBeUndefined();
		expect(studyKeyAction(key(' '), { ...BACK, onOtherControl: true })).toBeUndefined();
		expect(studyKeyAction(key('Enter'), { ...BACK, onOtherControl: true })).toBeUndefined();
		expect(studyKeyAction(key(' '), { ...BACK, inTextField: true })).toBeUndefined();
	});

	it('grades with 1-4 once the answer is shown, and not before', () => {
		expect(['1', '2', '3', '4'].map((value) => studyKeyAction(key(value), BACK))).toEqual([
			{ type: 'grade', grade: 1 },
			{ type: 'grade', grade: 3 },
			{ type: 'grade', grade: 4 },
			{ type: 'grade', grade: 5 }
		]);
		expect(studyKeyAction(key('3'), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('5'), BACK)).toBeUndefined();
		expect(studyKeyAction(key('0'), BACK)).toBeUndefined();
	});

	it('grades with 0-5 with six buttons', () => {
		const six = { ...BACK, mode: 'six' as const };
		expect(['0', '2', '5'].map((value) => studyKeyAction(key(value), six))).toEqual([
			{ type: 'grade', grade: 0 },
			{ type: 'grade', grade: 2 },
			{ type: 'grade', grade: 5 }
		]);
		expect(studyKeyAction(key('6'), six)).toBeUndefined();
	});

	it('grades even when an answer button has focus: the digit says which', () => {
		expect(studyKeyAction(key('1'), { ...BACK, onOtherControl: true })).toEqual({ type: 'grade', grade: 1 });
	});

	it('undoes with Z, Ctrl+Z and Cmd+Z on either side, and on a Korean layout', () => {
		for (const context of [FRONT, BACK]) {
			expect(studyKeyAction(key('z'), context)).toEqual({ type: 'undo' });
			expect(studyKeyAction(key('z', { ctrlKey: true }), context)).toEqual({ type: 'undo' });
			expect(studyKeyAction(key('z', { metaKey: true }), context)).toEqual({ type: 'undo' });
		}
		expect(studyKeyAction({ ...key('ㅋ'), code: 'KeyZ' }, FRONT)).toEqual({ type: 'undo' });
		// Another layout's letter on the Z key is that letter (AZERTY: W is where Z is on QWERTY).
		expect(studyKeyAction({ ...key('w'), code: 'KeyZ' }, FRONT)).toBeUndefined();
		// A key an input method takes while composing is its own, Z's position or not.
		expect(studyKeyAction({ ...key('Process'), code: 'KeyZ' }, FRONT)).toBeUndefined();
		expect(studyKeyAction({ ...key('ㅋ'), code: 'KeyZ', isComposing: true }, FRONT)).toBeUndefined();
		expect(studyKeyAction(key('Enter', { isComposing: true }), BACK)).toBeUndefined();
	});

	it('edits the card with E on either side, as in Anki, and on a Korean layout; not with a modifier', () => {
		for (const context of [FRONT, BACK]) {
			expect(studyKeyAction(key('e'), context)).toEqual({ type: 'edit' });
			expect(studyKeyAction(key('e'), { ...context, onOtherControl: true })).toEqual({ type: 'edit' });
		}
		expect(studyKeyAction({ ...key('ㄷ'), code: 'KeyE' }, FRONT)).toEqual({ type: 'edit' });
		expect(studyKeyAction(key('e', { ctrlKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('E', { shiftKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('e'), { ...FRONT, inTextField: true })).toBeUndefined();
		expect(studyKeyAction(key('e'), { ...FRONT, menuOpen: true })).toBeUndefined();
	});

	it('leaves every key to the edit form while the card is edited: no grade, undo, reveal or edit', () => {
		for (const value of ['1', '4', 'z', ' ', 'Enter', 'e']) {
			expect(studyKeyAction(key(value), { ...BACK, editing: true }), value).toBeUndefined();
			expect(studyKeyAction(key(value), { ...FRONT, editing: true }), value).toBeUndefined();
		}
	});

	it('leaves redo and other shortcuts to the browser', () => {
		expect(studyKeyAction(key('Z', { ctrlKey: true, shiftKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('z', { altKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('1', { ctrlKey: true }), BACK)).toBeUndefined();
		expect(studyKeyAction(key(' ', { metaKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('r', { ctrlKey: true }), FRONT)).toBeUndefined();
	});

	it('ignores held keys, and swallows a held Space or Enter so that it cannot press button after button', () => {
		expect(studyKeyAction(key('3', { repeat: true }), BACK)).toBeUndefined();
		expect(studyKeyAction(key('z', { repeat: true }), BACK)).toBeUndefined();
		expect(studyKeyAction(key('Enter', { repeat: true }), BACK)).toEqual({ type: 'block' });
		expect(studyKeyAction(key(' ', { repeat: true }), FRONT)).toEqual({ type: 'block' });
	});

	it('leaves typing alone', () => {
		expect(studyKeyAction(key('3'), { ...BACK, inTextField: true })).toBeUndefined();
		expect(studyKeyAction(key('z'), { ...BACK, inTextField: true })).toBeUndefined();
	});

	it('leaves the keys to the ⋯ menu while it is open: no grade, undo or reveal of the card behind it', () => {
		for (const value of ['1', '4', 'z', ' ', 'Enter', '-', '@', 'i', 'm', 'u', '?']) {
			expect(studyKeyAction(key(value), { ...BACK, menuOpen: true }), value).toBeUndefined();
			expect(studyKeyAction(key(value), { ...FRONT, menuOpen: true }), value).toBeUndefined();
		}
	});

	it('buries with - and suspends with @ on either side, as in Anki, with Shift or on a Korean layout too', () => {
		for (const context of [FRONT, BACK, { ...BACK, onOtherControl: true }]) {
			expect(studyKeyAction({ ...key('-'), code: 'Minus' }, context)).toEqual({ type: 'bury' });
			expect(studyKeyAction({ ...key('@'), code: 'Digit2', shiftKey: true }, context)).toEqual({ type: 'suspend' });
		}
		// The number pad's minus is a minus too.
		expect(studyKeyAction({ ...key('-'), code: 'NumpadSubtract' }, FRONT)).toEqual({ type: 'bury' });
		// Shift with the minus key is an underscore, and 2 is a grade, not a suspend.
		expect(studyKeyAction({ ...key('_'), code: 'Minus', shiftKey: true }, FRONT)).toBeUndefined();
		expect(studyKeyAction(key('2'), BACK)).toEqual({ type: 'grade', grade: 3 });
	});

	it('takes @, - and ? typed with AltGr (Ctrl+Alt on Windows) or a Mac’s Option, as European layouts type them, but not as a Ctrl or Cmd shortcut', () => {
		// @ is AltGr+Q on a German layout, AltGr+0 on a French one, Option+L on a German Mac.
		expect(studyKeyAction({ ...key('@'), code: 'KeyQ', ctrlKey: true, altKey: true }, BACK)).toEqual({ type: 'suspend' });
		expect(studyKeyAction({ ...key('@'), code: 'Digit0', ctrlKey: true, altKey: true }, FRONT)).toEqual({ type: 'suspend' });
		expect(studyKeyAction({ ...key('@'), code: 'KeyL', altKey: true }, FRONT)).toEqual({ type: 'suspend' });
		// ? is Shift+ß on a German layout; - on a French Mac needs no modifier, but the minus key with AltGr still types -.
		expect(studyKeyAction({ ...key('?'), code: 'Minus', shiftKey: true }, FRONT)).toEqual({ type: 'help' });
		expect(studyKeyAction({ ...key('-'), code: 'Slash', ctrlKey: true, altKey: true }, FRONT)).toEqual({ type: 'bury' });
		// Ctrl+- and Cmd+- zoom the page out, whatever the layout: never a bury.
		expect(studyKeyAction({ ...key('-'), code: 'Minus', ctrlKey: true }, FRONT)).toBeUndefined();
		expect(studyKeyAction({ ...key('-'), code: 'Minus', metaKey: true }, FRONT)).toBeUndefined();
		expect(studyKeyAction({ ...key('@'), code: 'Digit2', metaKey: true, shiftKey: true }, FRONT)).toBeUndefined();
		// Letters and digits are still plain keys only: Alt+I, Ctrl+Alt+M and AltGr+4 (€ or $ on some layouts) are not Anki's.
		expect(studyKeyAction(key('i', { altKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('m', { ctrlKey: true, altKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction({ ...key('€'), code: 'Digit4', ctrlKey: true, altKey: true }, BACK)).toBeUndefined();
	});

	it('opens card info with I and the ⋯ menu with M, as in Anki, and on a Korean layout (ㅑ, ㅡ)', () => {
		for (const context of [FRONT, BACK]) {
			expect(studyKeyAction(key('i'), context)).toEqual({ type: 'cardInfo' });
			expect(studyKeyAction(key('m'), context)).toEqual({ type: 'menu' });
		}
		expect(studyKeyAction({ ...key('ㅑ'), code: 'KeyI' }, FRONT)).toEqual({ type: 'cardInfo' });
		expect(studyKeyAction({ ...key('ㅡ'), code: 'KeyM' }, FRONT)).toEqual({ type: 'menu' });
		// Shift+I and Shift+M are other keys; a Dvorak I (where QWERTY has C) is I.
		expect(studyKeyAction(key('I', { shiftKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('M', { shiftKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction({ ...key('i'), code: 'KeyC' }, FRONT)).toEqual({ type: 'cardInfo' });
		expect(studyKeyAction({ ...key('c'), code: 'KeyI' }, FRONT)).toBeUndefined();
	});

	it('replays the card’s sounds with R, as in Anki, and on a Korean layout (ㄱ); R is no other key', () => {
		for (const context of [FRONT, BACK]) expect(studyKeyAction(key('r'), context)).toEqual({ type: 'replay' });
		expect(studyKeyAction({ ...key('ㄱ'), code: 'KeyR' }, FRONT)).toEqual({ type: 'replay' });
		expect(studyKeyAction(key('R', { shiftKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('r', { ctrlKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('r'), { ...FRONT, cardShown: false })).toBeUndefined();
		expect(studyKeyAction(key('r'), { ...FRONT, editing: true })).toBeUndefined();
		// No other key reads as R.
		for (const other of ['i', 'm', 'u', 'e', 'z', '-', ' ']) expect(studyKeyAction(key(other), BACK)).not.toEqual({ type: 'replay' });
	});

	it('undoes with U, Anki’s undo key, and on a Korean layout (ㅕ)', () => {
		expect(studyKeyAction(key('u'), FRONT)).toEqual({ type: 'undo' });
		expect(studyKeyAction(key('u'), BACK)).toEqual({ type: 'undo' });
		expect(studyKeyAction({ ...key('ㅕ'), code: 'KeyU' }, FRONT)).toEqual({ type: 'undo' });
		expect(studyKeyAction(key('U', { shiftKey: true }), FRONT)).toBeUndefined();
		expect(studyKeyAction(key('u', { ctrlKey: true }), FRONT)).toBeUndefined();
	});

	it('leaves -, @, I and M alone with no card on screen (the end screen), where there is nothing to bury, suspend or look up', () => {
		const noCard = { ...FRONT, cardShown: false };
		for (const event of [key('-'), key('@', { shiftKey: true }), key('i'), key('m'), { ...key('ㅑ'), code: 'KeyI' }]) {
			expect(studyKeyAction(event, noCard), event.key).toBeUndefined();
		}
		// Undo and the list of keys are still there.
		expect(studyKeyAction(key('z'), noCard)).toEqual({ type: 'undo' });
		expect(studyKeyAction(key('?', { shiftKey: true }), noCard)).toEqual({ type: 'help' });
	});

	it('leaves -, @, I, M, U and ? to typing, the edit form, browser shortcuts, an input method and held keys', () => {
		for (const value of ['-', '@', 'i', 'm', 'u', '?']) {
			const event = key(value, { shiftKey: value === '@' || value === '?' });
			expect(studyKeyAction(event, { ...BACK, inTextField: true }), value).toBeUndefined();
			expect(studyKeyAction(event, { ...BACK, editing: true }), value).toBeUndefined();
			expect(studyKeyAction({ ...event, ctrlKey: true }, BACK), value).toBeUndefined();
			expect(studyKeyAction({ ...event, metaKey: true }, BACK), value).toBeUndefined();
			// Alt with a letter is the browser's or the system's; a symbol typed with Alt is a Mac's Option layout (above).
			if (/^[a-z]$/.test(value)) expect(studyKeyAction({ ...event, altKey: true }, BACK), value).toBeUndefined();
			expect(studyKeyAction({ ...event, isComposing: true }, BACK), value).toBeUndefined();
			expect(studyKeyAction({ ...event, repeat: true }, BACK), value).toBeUndefined();
		}
		expect(studyKeyAction({ ...key('Process'), code: 'KeyI' }, FRONT)).toBeUndefined();
	});

	it('opens the list of keys with ? (Shift+/), on a Korean layout too, and closes it with ? again', () => {
		const question = { ...key('?', { shiftKey: true }), code: 'Slash' };
		expect(studyKeyAction(question, FRONT)).toEqual({ type: 'help' });
		expect(studyKeyAction(question, BACK)).toEqual({ type: 'help' });
		expect(studyKeyAction(question, { ...FRONT, helpOpen: true })).toEqual({ type: 'help' });
		// Slash alone is not ?.
		expect(studyKeyAction({ ...key('/'), code: 'Slash' }, FRONT)).toBeUndefined();
	});

	it('leaves every other key to the list of keys while it is open: nothing is graded, buried or undone behind it', () => {
		const open = { ...BACK, helpOpen: true };
		for (const event of [key('1'), key('4'), key(' '), key('Enter'), key('z'), key('z', { ctrlKey: true }), key('u'), key('e'), key('-'), key('@', { shiftKey: true }), key('i'), key('m'), key('Escape')]) {
			expect(studyKeyAction(event, open), event.key).toBeUndefined();
			expect(studyKeyAction(event, { ...open, revealed: false }), event.key).toBeUndefined();
		}
		// A held Enter on its Close button is the button's, not swallowed for the card behind it.
		expect(studyKeyAction(key('Enter', { repeat: true }), open)).toBeUndefined();
		expect(studyKeyAction(key('?', { shiftKey: true, repeat: true }), open)).toBeUndefined();
	});
});
