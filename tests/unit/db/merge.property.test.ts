/**
 * Property tests of the merge: two devices that study apart and exchange
 * backups end the same whatever the order; a deck's .apkg and its backup end
 * the same in either order; importing twice changes nothing;
 * and after any mix of answers, edits, deletions of a deck and imports every card is
 * the fold of its rows and the day tallies are the tally of the log.
 */
// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answerCard, cardHistory } from '../../../src/lib/db/answers';
import { buryCard, suspendCard } from '../../../src/lib/db/cards';
import { deleteDeck, isDeletable, restoreDeck } from '../../../src/lib/db/deck-removal';
import { renameDeck } from '../../../src/lib/db/deck-rename';
import { removeLeechTag } from '../../../src/lib/db/leech-tag';
import { addCards, createDeck, editCard, editClozeText } from '../../../src/lib/db/own-cards';
import { foldCard } from '../../../src/lib/db/card-state';
import { applyDeck } from '../../../src/lib/db/decks';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { exportBackup, exportDeck } from '../../../src/lib/db/exports';
import { applyImport } from '../../../src/lib/db/imports';
import { checkDatabase } from '../../../src/lib/db/repair';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { parseBackup, serializeBackup } from '../../../src/lib/io/backup';
import type { ImportBundle } from '../../../src/lib/io/bundle';
import { delimitedToBundle, parseDelimited } from '../../../src/lib/io/delimited';
import { writeAnkiPackage } from '../../../src/lib/io/anki/export';
import { readImportFiles } from '../../../src/lib/io/read-import';
import { draftManualCards } from '../../../src/lib/notes/manual';
import { cardSideExportHtml } from '../../../src/lib/render/markdown';
import { foldRows } from '../../../src/lib/srs/history';
import { tallyDeckDays } from '../../../src/lib/stats/tally';
import type { Grade } from '../../../src/lib/srs/sm2';
import { loadSql } from '../io/anki/helpers';
import { DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon, tableChecksums, tableRows } from './helpers';

const deck = deckFrom('## Q\n\none::1\n\ntwo::2\n\nthree::3\n\nfour::4\n', 'q.md');
/** A deck imported from notes, which the learner may delete (a built-in deck may not). */
const imported = deckFrom('# Imported\n\n## R\n\nfive::5\n\nsix::6\n', 'r.md');
const CARDS = [...deck.cards, ...imported.cards].map((card) => card.id);
const T0 = seoulNoon('2026-11-01');
const HOUR = 3_600_000;

const opened: RecallDatabase[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) await db.delete();
});

async function device(): Promise<RecallDatabase> {
	const db = freshDatabase();
	opened.push(db);
	await applyDeck(db, { deck, hash: 'h' }, 'built-in', T0);
	await applyDeck(db, { deck: imported, hash: 'i' }, 'import', T0);
	// A table, whose deck the learner may rename.
	const table = parseDelimited(new TextEncoder().encode('front,back\napple,사과\n'));
	await applyImport(db, delimitedToBundle(table, table.suggested, { deckName: 'vocab', fileName: 'vocab.csv' }), T0);
	return db;
}

type Step =
	| { op: 'answer'; card: number; grade: Grade }
	| { op: 'suspend'; card: number }
	| { op: 'bury'; card: number; days: number }
	| { op: 'deleteDeck' }
	| { op: 'restoreDeck' }
	| { op: 'renameDeck'; name: string }
	| { op: 'edit'; back: string; leech: boolean }
	| { op: 'removeLeech' }
	| { op: 'exchange' };

const card = fc.integer({ min: 0, max: CARDS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ op: fc.constant('answer' as const), card, grade: fc.constantFrom<Grade>(0, 1, 2, 3, 4, 5) }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('suspend' as const), card }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('bury' as const), card, days: fc.integer({ min: 1, max: 3 }) }) },
	{ weight: 1, arbitrary: fc.constant<Step>({ op: 'deleteDeck' }) },
	{ weight: 1, arbitrary: fc.constant<Step>({ op: 'restoreDeck' }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('renameDeck' as const), name: fc.constantFrom('Words', 'Fruit', 'vocab') }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('edit' as const), back: fc.constantFrom('사과', 'an apple', 'pomme'), leech: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.constant<Step>({ op: 'removeLeech' }) }
);
/** A step on one of two devices, hours after the one before; device B's clock may be off by up to a day either way. */
const timeline = (withExchanges: boolean) =>
	fc.record({
		skew: fc.integer({ min: -24, max: 24 }),
		steps: fc.array(
			fc.record({
				on: fc.constantFrom<0 | 1>(0, 1),
				hours: fc.integer({ min: 0, max: 40 }),
				step: withExchanges ? fc.oneof({ weight: 8, arbitrary: step }, { weight: 1, arbitrary: fc.constant<Step>({ op: 'exchange' }) }) : step
			}),
			{ maxLength: 24 }
		)
	});

/** What a device sends: a full backup, through the file format. */
async function backupOf(db: RecallDatabase, at: number): Promise<ImportBundle> {
	return parseBackup(serializeBackup(await exportBackup(db, at), at));
}

async function run(db: RecallDatabase, step: Exclude<Step, { op: 'exchange' }>, at: number): Promise<void> {
	if (step.op === 'deleteDeck') {
		if (isDeletable((await db.decks.get(imported.id))!)) await deleteDeck(db, imported.id, at);
		return;
	}
	if (step.op === 'restoreDeck') {
		await restoreDeck(db, imported.id, [], at);
		return;
	}
	if (step.op === 'renameDeck') {
		await renameDeck(db, 'vocab', step.name, at);
		return;
	}
	if (step.op === 'edit' || step.op === 'removeLeech') {
		// The table's card, the one the learner may edit: its answer, and the `leech` tag given or taken off.
		const own = (await cardsInDeck(db, 'vocab').first())!;
		if (step.op === 'removeLeech') await removeLeechTag(db, own.id, at);
		else await editCard(db, own.id, { front: own.front, back: step.back, tags: step.leech ? ['leech'] : [] }, at);
		return;
	}
	const id = CARDS[step.card] as string;
	// A deleted card is in no session: the learner cannot answer, suspend or bury it.
	if ((await db.cards.get(id))?.deletedAt !== undefined) return;
	if (step.op === 'suspend') await suspendCard(db, id, undefined, at);
	else if (step.op === 'bury') await buryCard(db, id, 20_400 + step.days, undefined, at);
	else {
		const stored = await db.cards.get(id);
		await answerCard(db, { cardId: id, grade: step.grade, reviewedAt: at, durationMs: 1000, kind: stored?.dueDay === undefined ? 'new' : 'review', expectedLastReview: stored?.lastReview, dayOptions: DAY_OPTIONS });
	}
}

/** Every card is what its rows fold to and sits in the queue its status and schedule say; the day tallies are the log's. */
async function expectFolded(db: RecallDatabase): Promise<void> {
	for (const stored of await db.cards.toArray()) {
		const rows = await cardHistory(db, stored.id);
		const folded = foldRows(rows);
		expect({ state: stored.state, dueDay: stored.dueDay, lastReview: stored.lastReview }).toEqual({ dueDay: undefined, ...folded, lastReview: rows.at(-1)?.id });
		expect(stored.lapses).toBe(foldCard(rows).lapses);
		// Nothing here retires a card but a deletion, of the card's deck.
		expect(stored.queue === Queue.retired).toBe(stored.deletedAt !== undefined);
		if (stored.queue !== Queue.suspended && stored.queue !== Queue.retired) expect(stored.queue).toBe(folded.dueDay === undefined ? Queue.new : Queue.scheduled);
	}
	// A deck is deleted exactly when it has cards and none of them is live.
	for (const stored of await db.decks.toArray()) {
		const cards = await cardsInDeck(db, stored.id).toArray();
		expect({ deck: stored.id, deleted: stored.deletedAt !== undefined, retired: stored.retired }).toEqual({ deck: stored.id, deleted: cards.every((card) => card.deletedAt !== undefined), retired: cards.every((card) => card.deletedAt !== undefined) });
	}
	const byKey = (a: { deck: string; day: number }, b: { deck: string; day: number }) => (a.deck === b.deck ? a.day - b.day : a.deck < b.deck ? -1 : 1);
	expect((await db.days.toArray()).sort(byKey)).toEqual(tallyDeckDays(await db.reviews.toArray()).sort(byKey));
	// Check database agrees: it finds nothing to fix.
	expect(await checkDatabase(db)).toMatchObject({ fixedCards: 0, fixedDays: 0, orphanRows: 0 });
}

/** The stored tables, leaving out `updatedAt` (when this device last wrote a record) and the device's own sessions and facts. */
async function merged(db: RecallDatabase): Promise<Record<string, string[]>> {
	const rows = await tableRows(db, ['cards', 'days', 'decks', 'media', 'reviews', 'settings']);
	for (const name of ['cards', 'decks']) rows[name] = rows[name]!.map((line) => line.replace(/"updatedAt":\d+/, ''));
	return rows;
}

async function studyApart(steps: { on: 0 | 1; hours: number; step: Step }[], skew: number, exchange = true): Promise<[RecallDatabase, RecallDatabase, number]> {
	const devices = [await device(), await device()] as const;
	let now = T0;
	for (const { on, hours, step } of steps) {
		now += hours * HOUR + 1000;
		const at = now + (on === 1 ? skew * HOUR : 0);
		if (step.op !== 'exchange') await run(devices[on], step, at);
		else if (exchange) {
			await applyImport(devices[on], await backupOf(devices[1 - on]!, at), at);
			await expectFolded(devices[on]);
		}
	}
	return [devices[0], devices[1], now];
}

describe('merging backups', () => {
	it('two devices that exchange backups end with the same cards and rows, whatever they did in between', async () => {
		await fc.assert(
			fc.asyncProperty(timeline(true), async ({ skew, steps }) => {
				const [a, b, now] = await studyApart(steps, skew);
				await applyImport(a, await backupOf(b, now), now + 1000);
				await applyImport(b, await backupOf(a, now), now + 2000);
				await expectFolded(a);
				await expectFolded(b);
				expect(await merged(b)).toEqual(await merged(a));
				for (const db of opened.splice(0)) await db.delete();
			}),
			{ numRuns: 40 }
		);
	});

	it('is commutative (A then B equals B then A) and idempotent (a second import changes nothing)', async () => {
		await fc.assert(
			fc.asyncProperty(timeline(false), fc.array(fc.record({ card, grade: fc.constantFrom<Grade>(0, 3, 4, 5) }), { maxLength: 4 }), async ({ skew, steps }, own) => {
				const [a, b, now] = await studyApart(steps, skew, false);
				const fromA = await backupOf(a, now);
				const fromB = await backupOf(b, now);
				// A third device with some studying of its own.
				const [first, second] = [await device(), await device()];
				for (const [index, answer] of own.entries()) {
					for (const db of [first, second]) await run(db, { op: 'answer', ...answer }, T0 + (index + 1) * 7 * HOUR);
				}
				// Its own rows have random ids: the second copy takes the first's.
				await second.reviews.clear();
				await second.reviews.bulkAdd(await first.reviews.toArray());
				await second.cards.bulkPut(await first.cards.toArray());

				await applyImport(first, fromA, now);
				await applyImport(first, fromB, now);
				await applyImport(second, fromB, now);
				await applyImport(second, fromA, now);
				expect(await merged(second)).toEqual(await merged(first));
				await expectFolded(first);

				const before = await tableChecksums(first);
				await applyImport(first, fromA, now + 5000);
				await applyImport(first, fromB, now + 6000);
				expect(await tableChecksums(first)).toEqual(before);
				for (const db of opened.splice(0)) await db.delete();
			}),
			{ numRuns: 40 }
		);
	});
});

describe('a deck of one’s own through its .apkg and its backup', () => {
	const CLOZE = '저는 {{c1::학생}}이에요. 한국어를 {{c2::공부해요}}.';
	type OwnStep = { op: 'answer'; card: number; grade: Grade } | { op: 'edit'; card: number; back: string } | { op: 'cloze'; word: string } | { op: 'suspend'; card: number } | { op: 'apkg' } | { op: 'backup' };
	const ownCard = fc.integer({ min: 0, max: 3 });
	const ownStep: fc.Arbitrary<OwnStep> = fc.oneof(
		{ weight: 3, arbitrary: fc.record({ op: fc.constant('answer' as const), card: ownCard, grade: fc.constantFrom<Grade>(0, 3, 4, 5) }) },
		{ weight: 2, arbitrary: fc.record({ op: fc.constant('edit' as const), card: fc.integer({ min: 0, max: 1 }), back: fc.constantFrom('want to', '**want** to', 'can') }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('cloze' as const), word: fc.constantFrom('대학생', '선생님') }) },
		{ weight: 1, arbitrary: fc.record({ op: fc.constant('suspend' as const), card: ownCard }) },
		{ weight: 1, arbitrary: fc.constant<OwnStep>({ op: 'apkg' }) },
		{ weight: 1, arbitrary: fc.constant<OwnStep>({ op: 'backup' }) }
	);

	/** The stored decks, cards and log, leaving out when this device wrote a record and a status's clock (a package dates the status it brings by the card's last change). */
	async function ends(db: RecallDatabase): Promise<Record<string, string[]>> {
		const rows = await tableRows(db, ['cards', 'decks', 'reviews', 'days']);
		for (const name of ['cards', 'decks']) rows[name] = rows[name]!.map((line) => line.replace(/"(updatedAt|statusAt)":\d+,?/g, ''));
		return rows;
	}

	it('imported in either order onto a fresh device, after any answers, edits and suspensions between the two exports, end the same, the deck one’s own', async () => {
		const sql = await loadSql();
		await fc.assert(
			fc.asyncProperty(fc.array(fc.record({ hours: fc.integer({ min: 0, max: 30 }), step: ownStep }), { maxLength: 12 }), async (steps) => {
				const a = freshDatabase();
				opened.push(a);
				let now = T0;
				const deckId = (await createDeck(a, '한국어::문법', now)).id;
				const basics = await addCards(a, deckId, [
					{ kind: 'basic', front: '-고 싶다', back: 'want', tags: ['문법'] },
					{ kind: 'basic', front: '**-(으)ㄹ 수 있다**', back: 'can', tags: [] }
				], now);
				const draft = draftManualCards('cloze', CLOZE, '');
				if (!draft.ok) throw new Error('no cloze');
				const clozes = await addCards(a, deckId, draft.cards.map(({ slot, ...card }) => ({ ...card, cloze: { text: CLOZE, slot: slot as string } })), now);
				const ids = [...basics, ...clozes].map((card) => card.id);
				let apkg: Uint8Array | undefined;
				let backup: ImportBundle | undefined;
				for (const { hours, step } of [...steps, { hours: 1, step: { op: 'apkg' } as OwnStep }, { hours: 1, step: { op: 'backup' } as OwnStep }]) {
					now += hours * HOUR + 1000;
					if (step.op === 'apkg') apkg ??= writeAnkiPackage(await exportDeck(a, deckId, { withProgress: true }), { sql, now, dayOptions: DAY_OPTIONS, renderSide: cardSideExportHtml });
					else if (step.op === 'backup') backup ??= await backupOf(a, now);
					else if (step.op === 'edit') await editCard(a, ids[step.card]!, { front: basics[step.card]!.front, back: step.back, tags: basics[step.card]!.tags }, now);
					else if (step.op === 'cloze') await editClozeText(a, ids[2]!, { text: CLOZE.replace('학생', step.word), tags: [] }, now);
					else {
						const id = ids[step.card]!;
						const stored = await a.cards.get(id);
						// A suspended card is in no session: the learner cannot answer it.
						if (stored?.queue === Queue.suspended) continue;
						if (step.op === 'suspend') await suspendCard(a, id, undefined, now);
						else await answerCard(a, { cardId: id, grade: step.grade, reviewedAt: now, durationMs: 1000, kind: stored?.dueDay === undefined ? 'new' : 'review', expectedLastReview: stored?.lastReview, dayOptions: DAY_OPTIONS });
					}
				}
				const read = await readImportFiles([{ name: '한국어 문법.apkg', bytes: apkg! }], { loadSql, dayOptions: DAY_OPTIONS, now });
				if (read.kind !== 'bundle') throw new Error('not a package');
				const results: Record<string, string[]>[] = [];
				for (const order of [[read.bundle, backup!], [backup!, read.bundle]]) {
					const target = freshDatabase();
					opened.push(target);
					for (const bundle of order) await applyImport(target, bundle, now + 1000);
					expect((await target.decks.get(deckId))?.origin).toBe('manual');
					await expectFolded(target);
					results.push(await ends(target));
				}
				expect(results[1]).toEqual(results[0]);
				for (const db of opened.splice(0)) await db.delete();
			}),
			{ numRuns: 15 }
		);
	});
});
