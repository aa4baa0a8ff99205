/**
 * What the study screen's live region says as a card is shown and as its answer is: a screen reader user hears the
 * side that came, without looking for it (the button pressed went with the side before). Text, never HTML: card
 * content is untrusted, and a live region reads text anyway.
 */
import type { CardRecord } from '$lib/db';
import type { Locale } from '$lib/i18n/locale';
import { messageParts, type MessagePart } from '$lib/i18n/message-parts';
import '$lib/i18n/messages-study';
import { sideText } from '$lib/render/side-text';
import type { StudyProgress } from './study-session.svelte';

/** How much of a side is read out: a card's usual side whole, a long one cut short (the card itself is there to read on). */
export const ANNOUNCED_SIDE_LENGTH = 240;

/**
 * What the live region says, with the card's side apart from the app's words around it: the side is marked with its
 * own language (message-parts.ts), so that a Korean side under the English interface is read with a Korean voice.
 */
export type Announcement = MessagePart[];

/** "Card 3 of 20: <front>" for a card shown front first, "Answer: <back>" once its answer is shown. */
export function cardAnnouncement(locale: Locale, card: Pick<CardRecord, 'front' | 'back' | 'format'>, revealed: boolean, progress: StudyProgress): Announcement {
	const side = sideText(revealed ? card.back : card.front, card.format, ANNOUNCED_SIDE_LENGTH);
	return revealed
		? messageParts(locale, 'studyAnnounceBack', { back: side })
		: messageParts(locale, 'studyAnnounceCard', { front: side }, { number: progress.done + 1, total: progress.total });
}
