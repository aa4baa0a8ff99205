/**
 * The study screen's keyboard, Anki's reviewer keys where Recall has the action: Space or Enter shows the answer
 * and then answers Good, digits grade, Z, U or Ctrl/Cmd+Z undoes, E edits the card, - buries it, @ suspends it,
 * I opens its info, M opens the ⋯ menu, R plays its sounds again, ? lists the keys. Pure: the page hands in the key event's facts.
 */
import type { GradeButtons } from '$lib/db/settings';
import type { Grade } from '$lib/srs/sm2';
import { gradeForKey } from './answer-options';

export type StudyKeyAction =
	| { type: 'reveal' }
	| { type: 'grade'; grade: Grade }
	| { type: 'undo' }
	| { type: 'edit' }
	| { type: 'bury' }
	| { type: 'suspend' }
	| { type: 'cardInfo' }
	| { type: 'menu' }
	/** Plays the sounds of the side shown again. */
	| { type: 'replay' }
	/** Opens the list of keys, or closes it when it is open. */
	| { type: 'help' }
	/** Swallow the key so that the browser does not act on it either. */
	| { type: 'block' };

export interface StudyKey {
	key: string;
	/** The physical key ("KeyZ"): shortcuts still work with a Korean layout, where Z types ㅋ. */
	code: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	shiftKey: boolean;
	repeat: boolean;
	/** An input method is composing (a Korean syllable, say): the key is its own. */
	isComposing: boolean;
}

export interface StudyKeyContext {
	/** The answer side is shown. */
	revealed: boolean;
	mode: GradeButtons;
	/** Focus is in a text field: every key is typing. */
	inTextField: boolean;
	/**
	 * Focus is on a control other than the card (a link, the Undo button, the ⋯ menu, an answer button):
	 * Space and Enter are its own. A focused answer button gives its own grade; Good has focus once the
	 * answer is shown from the keyboard.
	 */
	onOtherControl: boolean;
	/** The ⋯ menu (bury, suspend) is open: keys are the menu's, never a grade or an undo of the card behind it. */
	menuOpen: boolean;
	/** The card is being edited: keys are the form's, never a grade, an undo or another edit. */
	editing: boolean;
	/** A card is on screen: bury, suspend, card info and the ⋯ menu act on it; without one they are not there. */
	cardShown: boolean;
	/** The list of keys is open over the screen: only ? (which closes it) is the screen's, the rest the dialog's. */
	helpOpen: boolean;
}

/** The grade Space and Enter give once the answer is shown: Good, as in Anki (SM-2's 4 with four or six buttons). */
export const ACTIVATION_GRADE: Grade = 4;

/** Whether the key is `letter` (lower case): a key that is not a Latin letter comes from another layout, and goes by its position then. */
function isLetter(event: StudyKey, letter: string): boolean {
	return event.key.toLowerCase() === letter || (!/^[a-z]$/i.test(event.key) && event.code === `Key${letter.toUpperCase()}`);
}

function isUndoKey(event: StudyKey): boolean {
	if (event.altKey || event.shiftKey || !isLetter(event, 'z')) return false;
	// Z alone, or Ctrl+Z / Cmd+Z, but not both modifiers at once.
	return event.ctrlKey === false || event.metaKey === false;
}

/**
 * Whether the key types its character, so that a symbol (?, -, @) goes by it whatever modifiers the layout needs:
 * Shift (@ on US and Korean layouts), AltGr (@ on German, French, Spanish and Nordic layouts; Windows reports it
 * as Ctrl+Alt) or Option on a Mac (@ is Option+L on a German one). Ctrl alone and Cmd make shortcuts, not characters.
 */
function typesCharacter(event: StudyKey): boolean {
	return !event.metaKey && (!event.ctrlKey || event.altKey);
}

/** ? is Shift+/ on most layouts, so Shift is part of it; matched by the character, which a Korean layout types too. */
function isHelpKey(event: StudyKey): boolean {
	return event.key === '?' && typesCharacter(event);
}

/** Anki's symbols for the card shown, by the character typed: - unshifted and @ as Shift+2 on US and Korean layouts alike. */
const CARD_SYMBOL_ACTIONS = new Map<string, StudyKeyAction>([
	['-', { type: 'bury' }],
	['@', { type: 'suspend' }]
]);
/** Anki's letters for the card shown: I for its info, M for the menu of what else can be done with it, R to replay its sounds. */
const CARD_LETTER_ACTIONS: [letter: string, action: StudyKeyAction][] = [
	['i', { type: 'cardInfo' }],
	['m', { type: 'menu' }],
	['r', { type: 'replay' }]
];

function cardKeyAction(event: StudyKey): StudyKeyAction | undefined {
	if (typesCharacter(event)) {
		const symbolAction = CARD_SYMBOL_ACTIONS.get(event.key);
		if (symbolAction !== undefined) return symbolAction;
	}
	if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return undefined;
	return CARD_LETTER_ACTIONS.find(([letter]) => isLetter(event, letter))?.[1];
}

export function studyKeyAction(event: StudyKey, context: StudyKeyContext): StudyKeyAction | undefined {
	if (context.inTextField || context.menuOpen || context.editing) return undefined;
	// A key an input method takes is "Process": by its position alone (code KeyZ) it would undo.
	if (event.isComposing || event.key === 'Process') return undefined;
	if (context.helpOpen) return isHelpKey(event) && !event.repeat ? { type: 'help' } : undefined;
	const isActivation = event.key === ' ' || event.key === 'Enter';
	if (event.repeat) {
		// A held Enter would otherwise press button after button, grading card after card.
		return isActivation ? { type: 'block' } : undefined;
	}
	if (isUndoKey(event)) return { type: 'undo' };
	if (isHelpKey(event)) return { type: 'help' };
	const cardAction = cardKeyAction(event);
	if (cardAction !== undefined) return context.cardShown ? cardAction : undefined;
	if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
	// U is Anki's undo: its users reach for it.
	if (!event.shiftKey && isLetter(event, 'u')) return { type: 'undo' };
	// E, as in Anki: edit the card shown, either side.
	if (!event.shiftKey && isLetter(event, 'e')) return { type: 'edit' };
	if (isActivation) {
		if (context.onOtherControl) return undefined;
		// However the answer was shown (a click or a tap leaves focus nowhere), Space or Enter then means Good.
		return context.revealed ? { type: 'grade', grade: ACTIVATION_GRADE } : { type: 'reveal' };
	}
	if (!context.revealed) return undefined;
	const grade = gradeForKey(event.key, context.mode);
	return grade === undefined ? undefined : { type: 'grade', grade };
}
