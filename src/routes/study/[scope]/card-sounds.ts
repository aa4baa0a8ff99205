/**
 * Which sounds the study screen plays, as Anki's reviewer does: the front's on showing a card, on Show answer the
 * back's own (not the front's again: an Anki back often repeats the question's sound), and R plays again what the
 * screen shows (the front, or with the answer shown the front's and then the back's, as Anki's answer side, which
 * holds the question, replays both). Pure.
 */
import { playableSounds } from '$lib/io/sound-tags';

export interface SoundSides {
	front: string;
	back: string;
}

/** The sounds that play on their own as a side is shown: the front's, or the back's own. */
export function soundsOnShowing(card: SoundSides, revealed: boolean): string[] {
	const front = playableSounds(card.front);
	if (!revealed) return front;
	return playableSounds(card.back).filter((name) => !front.includes(name));
}

/** The sounds R plays again: the front's, then, once the answer shows, the back's own. */
export function soundsToReplay(card: SoundSides, revealed: boolean): string[] {
	return revealed ? [...soundsOnShowing(card, false), ...soundsOnShowing(card, true)] : soundsOnShowing(card, false);
}
