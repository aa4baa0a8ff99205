/**
 * An edit of a cloze's text (written in the app, with `{{c1::…}}` or `==…==`)
 * as changes to the cards made from it, the way Anki regenerates a cloze
 * note's cards: each card is found again by its slot (`c2` is deletion 2
 * whatever its words), so it keeps its id and history.
 *
 * - a slot the text still has: that card takes the new sides (a card retired
 *   by an earlier edit comes back);
 * - a slot the text no longer has: its card is retired, as a card gone from its
 *   note is (kept with its history, out of every queue);
 * - a new slot: a new card;
 * - a card the learner deleted stays deleted, as a note imported again does not
 *   bring it back, and its slot is not made again.
 *
 * Pure.
 */
import type { ManualCard } from './manual';

export interface ClozeSibling {
	id: string;
	slot: string;
	retired: boolean;
	deleted: boolean;
}

export interface ClozeEditPlan {
	update: { id: string; card: ManualCard; revive: boolean }[];
	add: ManualCard[];
	retire: string[];
}

/** What the stored cards of a text (`siblings`) become for the cards its new text makes (`cards`, each with a slot). */
export function planClozeEdit(siblings: readonly ClozeSibling[], cards: readonly ManualCard[]): ClozeEditPlan {
	const bySlot = new Map<string, ClozeSibling>();
	for (const sibling of siblings) if (!bySlot.has(sibling.slot)) bySlot.set(sibling.slot, sibling);
	const plan: ClozeEditPlan = { update: [], add: [], retire: [] };
	const kept = new Set<string>();
	for (const card of cards) {
		const sibling = card.slot === undefined ? undefined : bySlot.get(card.slot);
		if (!sibling) plan.add.push(card);
		else {
			kept.add(sibling.id);
			if (!sibling.deleted) plan.update.push({ id: sibling.id, card, revive: sibling.retired });
		}
	}
	for (const sibling of siblings) if (!kept.has(sibling.id) && !sibling.retired) plan.retire.push(sibling.id);
	return plan;
}
