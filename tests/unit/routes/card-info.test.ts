import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { applyDeck } from '../../../src/lib/db/decks';
import { onStoreChanged } from '../../../src/lib/db/quick-read';
import { changeConcernsCard } from '../../../src/routes/card/[id]/card-info';
import { databasesDeletedAfterEach, deckFrom } from '../db/helpers';

const freshDatabase = databasesDeletedAfterEach();

describe('changeConcernsCard', () => {
	it('tells the writes (heard as the card page hears another tab’s) that concern the card from those of other cards', async () => {
		const db = freshDatabase();
		const questions = Array.from({ length: 60 }, (_, i) => `q${i}::answer ${i}`).join('\n\n');
		const deck = deckFrom(questions);
		await applyDeck(db, { deck, hash: 'h' }, 'built-in');
		const [mine, other] = deck.cards.map((card) => card.id);
		const concerned: boolean[] = [];
		const stop = onStoreChanged((change) => concerned.push(changeConcernsCard(change, mine!, db.name)), ['cards', 'reviews'], db.name);
		/** Runs a write and gives whether the page would read its card again. */
		const concerns = async (write: () => Promise<unknown>): Promise<boolean> => {
			const heard = concerned.length;
			await write();
			await vi.waitFor(() => expect(concerned).toHaveLength(heard + 1));
			return concerned[heard]!;
		};
		const answer = (id: string, reviewedAt: number) => async () => {
			const card = (await db.cards.get(id))!;
			return answerCard(db, { cardId: id, grade: 4, reviewedAt, durationMs: 1, kind: 'new', expectedLastReview: card.lastReview, dayOptions: { dayStartHour: 4 } });
		};
		try {
			// Another card answered, or changed: nothing here to read again.
			expect(await concerns(answer(other!, 1_000))).toBe(false);
			expect(await concerns(() => db.cards.update(other!, { updatedAt: 2_000 }))).toBe(false);
			// This card answered, or changed.
			expect(await concerns(answer(mine!, 3_000))).toBe(true);
			expect(await concerns(() => db.cards.update(mine!, { updatedAt: 4_000 }))).toBe(true);
			// Only a log row of this card, added: its history shows it.
			const row = (await db.reviews.toArray()).find((review) => review.card === mine)!;
			expect(await concerns(() => db.reviews.put({ ...row, id: 'another row', reviewedAt: 5_000 }))).toBe(true);
			// A log row deleted by its id: Dexie does not say whose it was, so it may be this card's.
			expect(await concerns(() => db.reviews.delete('another row'))).toBe(true);
			// Many cards at once, as an import or a restore writes them: Dexie names the whole range, not each key, so this
			// card may be among them (here it is not, and the page reads it again all the same).
			const others = await db.cards.where('id').notEqual(mine!).toArray();
			expect(others.length).toBeGreaterThanOrEqual(50);
			expect(await concerns(() => db.cards.bulkPut(others))).toBe(true);
		} finally {
			stop();
		}
	});
});
