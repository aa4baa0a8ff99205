/**
 * Taking the `leech` tag off a card, from its card info page: the learner has
 * reworded it, or wants it counted afresh. Any card may lose it, one made from
 * a note too, whose tags are otherwise its note's: the tag records lapses, not
 * content (srs/leech.ts). Suspension is left as it is; Browse unsuspends.
 */
import { LEECH_TAG, hasLeechTag } from '../srs/leech';
import { stampAfter } from './change-stamp';
import type { CardRecord, RecallDatabase } from './schema';

/** The card without the tag, or undefined when there is no such card; a card without it is left as it is. */
export async function removeLeechTag(db: RecallDatabase, cardId: string, now = Date.now()): Promise<CardRecord | undefined> {
	return db.transaction('rw', db.cards, async () => {
		const card = await db.cards.get(cardId);
		if (!card || !hasLeechTag(card.tags)) return card;
		const next: CardRecord = { ...card, tags: card.tags.filter((tag) => tag.toLowerCase() !== LEECH_TAG), contentAt: stampAfter(card.contentAt, now), updatedAt: now };
		await db.cards.put(next);
		return next;
	});
}
