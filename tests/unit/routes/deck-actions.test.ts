// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/lib/db/imports';
import { Queue, type RecallDatabase } from '../../../src/lib/db/schema';
import { suspendCards } from '../../../src/lib/db/bulk';
import { cardsInDeck } from '../../../src/lib/db/lookups';
import { delimitedToBundle, parseDelimited } from '../../../src/lib/io/delimited';
import { DeckActions, deckNameProblemText, deckNoticeText } from '../../../src/routes/deck/[id]/deck-actions.svelte';
import { databasesDeletedAfterEach } from '../db/helpers';

const database = databasesDeletedAfterEach();

/** A store with the table `fruit.csv` imported, and the page's actions on its deck; `reloads` counts the page's reads. */
async function page(): Promise<{ db: RecallDatabase; actions: DeckActions; reloads: () => number }> {
	const db = database();
	const table = parseDelimited(new TextEncoder().encode('front,back\napple,사과\npear,배\n'));
	await applyImport(db, delimitedToBundle(table, table.suggested, { deckName: 'fruit', fileName: 'fruit.csv' }));
	let reloads = 0;
	const actions = new DeckActions({
		db,
		deck: () => ({ id: 'fruit', name: 'fruit' }),
		reload: async () => {
			reloads++;
		}
	});
	return { db, actions, reloads: () => reloads };
}

describe('DeckActions', () => {
	it('deletes and restores the deck, exactly as it stood, and has the page read it again each time', async () => {
		const { db, actions, reloads } = await page();
		const ids = (await cardsInDeck(db, 'fruit').primaryKeys()) as string[];
		await suspendCards(db, [ids[0]!]);
		await actions.remove();
		expect(actions.notice).toEqual({ kind: 'deleted' });
		expect((await db.decks.get('fruit'))?.deletedAt).toBeDefined();
		await actions.restore();
		expect(actions.notice).toEqual({ kind: 'restored', count: 2 });
		expect((await db.cards.get(ids[0]!))?.queue).toBe(Queue.suspended);
		expect(reloads()).toBe(2);
		expect(actions.busy).toBe(false);
	});

	it('says a failed write, and changes nothing', async () => {
		const { db, actions } = await page();
		await actions.restore();
		expect(actions.notice).toEqual({ kind: 'restored', count: 0 });
		const broken = new DeckActions({ db, deck: () => ({ id: 'nothing', name: 'x' }), reload: async () => undefined });
		await broken.remove();
		expect(broken.notice).toEqual({ kind: 'failed', message: 'deleteDeck: no deck nothing' });
	});

	it('renames: a refused name keeps the form open with its reason; a saved one closes it and says so, an unchanged one says nothing', async () => {
		const { db, actions } = await page();
		actions.startRename();
		expect(actions.newName).toBe('fruit');
		actions.newName = '   ';
		expect(await actions.saveName()).toBe(false);
		expect(actions).toMatchObject({ renaming: true, nameProblem: 'blank' });
		actions.newName = 'fruit';
		expect(await actions.saveName()).toBe(true);
		expect(actions.notice).toBeUndefined();
		actions.startRename();
		actions.newName = '과일';
		expect(await actions.saveName()).toBe(true);
		expect(actions).toMatchObject({ renaming: false, nameProblem: undefined, notice: { kind: 'renamed' } });
		expect((await db.decks.get('fruit'))?.name).toBe('과일');
	});

	it('words its notices and refusals when shown', () => {
		const words = { t: (key: string) => key, format: (key: string, values: object) => `${key} ${JSON.stringify(values)}`, count: (key: string, count: number) => `${key} ${count}` };
		expect(deckNoticeText(words as never, { kind: 'restored', count: 3 })).toBe('deckRestored 3');
		expect(deckNoticeText(words as never, { kind: 'failed', message: 'x' })).toBe('browseActionFailed {"message":"x"}');
		expect(deckNameProblemText(words as never, 'too-long')).toBe('deckNameTooLong {"max":200}');
		expect(deckNameProblemText(words as never, 'taken')).toBe('deckNameTaken');
	});
});
