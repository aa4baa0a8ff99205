/**
 * What became of a card while it was being edited on the study screen (Edit
 * card): the form stays open with what was typed, whatever another tab or the
 * study day does meanwhile, and says what happened to the card underneath.
 */
import type { CardRecord } from '$lib/db';
import type { MessageKey } from '$lib/i18n/messages';

/** What the form says: the card deleted, its text changed (saving overwrites it), or answered (the session has moved on). */
export type EditConflict = 'deleted' | 'changed' | 'answered';

type Edited = Pick<CardRecord, 'front' | 'back' | 'tags' | 'clozeSource' | 'lastReview' | 'deletedAt'>;

/** What the form edits of a card: a change to any of it elsewhere is overwritten by saving. */
function sameContent(a: Edited, b: Edited): boolean {
	return a.front === b.front && a.back === b.back && a.tags.join(' ') === b.tags.join(' ') && a.clozeSource?.text === b.clozeSource?.text;
}

/** How the card stored now (undefined: gone) differs from the card as the form opened on it; undefined when it does not. */
export function editConflict(opened: Edited, stored: Edited | undefined): EditConflict | undefined {
	if (stored === undefined || stored.deletedAt !== undefined) return 'deleted';
	if (!sameContent(opened, stored)) return 'changed';
	if (stored.lastReview !== opened.lastReview) return 'answered';
	return undefined;
}

export const EDIT_CONFLICT_MESSAGES: Record<EditConflict, MessageKey> = {
	deleted: 'studyEditDeleted',
	changed: 'studyEditChanged',
	answered: 'studyEditAnswered'
};
