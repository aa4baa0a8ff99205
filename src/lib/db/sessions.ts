/**
 * Today's session for a deck (or all decks): resumed the same study day, started fresh the next.
 *
 * A deck's options (deck-options.ts) set its limits: a one-deck session
 * studies with that deck's limits; a session over all decks keeps within the
 * global limits and, for each deck with limits of its own, within those too.
 */
import { ALL_DECKS, isSessionCurrent, reconcileSession, startSession, type PerDeckLimits, type QueueLimits } from '../srs/session';
import { hasOverrides, limitsForDeck } from './deck-options';
import { loadStudiedToday, loadStudiedTodayByDeck, loadStudyCandidates, toSchedule, type ReadLimits } from './queue';
import type { RecallDatabase, SessionRecord } from './schema';
import type { Settings } from './settings';

const readLimits = (limits: QueueLimits): ReadLimits => ({ newCards: limits.newPerDay, reviews: limits.reviewsPerDay });

export async function openSession(db: RecallDatabase, scope: string, today: number, settings: Settings, now = Date.now()): Promise<SessionRecord> {
	return db.transaction('rw', db.decks, db.cards, db.reviews, db.sessions, async () => {
		const stored = await db.sessions.get(scope);
		if (stored && isSessionCurrent(stored.session, today, scope)) {
			const ids = stored.session.entries.map((entry) => entry.id);
			const cards = (await db.cards.bulkGet(ids)).filter((card) => card !== undefined);
			const session = reconcileSession(stored.session, cards.map(toSchedule), today);
			const record = { ...stored, session };
			await db.sessions.put(record);
			return record;
		}
		let session;
		if (scope === ALL_DECKS) {
			const own = (await db.decks.filter((deck) => !deck.retired && hasOverrides(deck.options)).toArray()).map(
				(deck) => [deck.id, limitsForDeck(settings, deck.options)] as const
			);
			const perDeckLimits = new Map(own);
			// Read in parallel: the day's full limits bound the reads, startSession applies what is left of them.
			const [studied, candidates] = await Promise.all([
				perDeckLimits.size > 0 ? loadStudiedTodayByDeck(db, today) : loadStudiedToday(db, scope, today).then((all) => ({ all, byDeck: new Map() })),
				loadStudyCandidates(db, scope, today, readLimits(settings), new Map(own.map(([id, limits]) => [id, readLimits(limits)])))
			]);
			const perDeck: PerDeckLimits = { limits: perDeckLimits, studiedToday: studied.byDeck };
			session = startSession(candidates.map(toSchedule), { today, scope, limits: settings, studiedToday: studied.all, now, perDeck });
		} else {
			// What was studied today is read while the deck's options are.
			const studied = loadStudiedToday(db, scope, today);
			const limits = limitsForDeck(settings, (await db.decks.get(scope))?.options);
			const [studiedToday, candidates] = await Promise.all([studied, loadStudyCandidates(db, scope, today, readLimits(limits))]);
			session = startSession(candidates.map(toSchedule), { today, scope, limits, studiedToday, now });
		}
		const record: SessionRecord = { scope, session, undo: [] };
		await db.sessions.put(record);
		return record;
	});
}
