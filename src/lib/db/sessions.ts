/** Today's session for a deck (or all decks): resumed the same study day, started fresh the next. */
import { isSessionCurrent, reconcileSession, startSession } from '../srs/session';
import { loadStudiedToday, loadStudyCandidates, toSchedule } from './queue';
import type { RecallDatabase, SessionRecord } from './schema';
import type { Settings } from './settings';

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
		// Read in parallel: the day's full limits bound the reads, startSession applies what is left of them.
		const [studiedToday, candidates] = await Promise.all([
			loadStudiedToday(db, scope, today),
			loadStudyCandidates(db, scope, today, { newCards: settings.newPerDay, reviews: settings.reviewsPerDay })
		]);
		const session = startSession(candidates.map(toSchedule), { today, scope, limits: settings, studiedToday, now });
		const record: SessionRecord = { scope, session, undo: [] };
		await db.sessions.put(record);
		return record;
	});
}
