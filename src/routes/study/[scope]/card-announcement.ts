/**
 * What the study screen's live region says as a card is shown and as its answer is: a screen reader user hears the
 * side that came, without looking for it (the button pressed went with the side before). Text, never HTML: card
 * content is untrusted, and a live region reads text anyway.
 */
import type { CardRecord } from '$lib/db';
import { formatMessage } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import '$lib/i18n/messages-study';
import { sideText } from '$lib/render/side-text';
import type { StudyProgress } from './study-session.svelte';

/** How much of a side is read out: a card's usual side whole, a long one cut short (the card itself is there to read on). */
export const ANNOUNCED_SIDE_LENGTH = 240;

/** "Card 3 of 20: <front>" for a card shown front first, "Answer: <back>" once its answer is shown. */
export function cardAnnouncement(locale: Locale, card: Pick<CardRecord, 'front' | 'back' | 'format'>, revealed: boolean, progress: StudyProgress): string {
	if (revealed) return formatMessage(locale, 'studyAnnounceBack', { back: sideText(card.back, card.format, ANNOUNCED_SIDE_LENGTH) });
	return formatMessage(locale, 'studyAnnounceCard', {
		number: progress.done + 1,
		total: progress.total,
		front: sideText(card.front, card.format, ANNOUNCED_SIDE_LENGTH)
	});
}
