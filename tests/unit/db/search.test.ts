// fake-indexeddb must be installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerCard } from '../../../src/lib/db/answers';
import { deleteCards, suspendCards } from '../../../src/lib/db/bulk';
import { applyDeck } from '../../../src/lib/db/decks';
import type { RecallDatabase } from '../../../src/lib/db/schema';
import { CardSearch, type SearchOptions } from '../../../src/lib/db/search';
import { sortCards } from '../../../src/lib/search/sort';
import { studyDay } from '../../../src/lib/srs/day';
import { DAY_OPTIONS, deckFrom, freshDatabase, seoulNoon } from './helpers';
import { cardsInDeck } from '../../../src/lib/db/lookups';

const AWS = deckFrom('---\ndeck: AWS 기초\ntags: [aws]\n---\n\n## 기본\n\n리전이란::AWS 서비스가 운영되는 지역\n\n가용 영역::리전 안의 데이터 센터\n\nEC2::가상 서버\n', 'aws.md');
const JP = deckFrom('---\ndeck: Japanese\n---\n\n犬::dog\n\n猫::cat\n', 'jp.md');
const AT = seoulNoon('2026-11-25');
const TODAY = studyDay(AT, DAY_OPTIONS);
const BY_ADDED: SearchOptions = { sort: 'added', direction: 'asc', today: TODAY };

let db: RecallDatabase;
let search: CardSearch;
afterEach(async () => {
	search?.dispose();
	await db?.delete();
});

async function setUp() {
	db = freshDatabase();
	await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in', AT - 10);
	await applyDeck(db, { deck: JP, hash: 'h' }, 'built-in', AT);
	search = new CardSearch(db);
}

async function find(text: string, options: Partial<SearchOptions> = {}): Promise<string[]> {
	const outcome = await search.search(text, { ...BY_ADDED, ...options });
	if (!outcome.ok) throw outcome.error;
	return outcome.cards.all().map((card) => card.front);
}

/** The fronts found, in code point order: for when the order is not what is tested. */
async function findSet(text: string): Promise<string[]> {
	return (await find(text)).sort();
}

async function answer(front: string, grade: 0 | 1 | 4 | 5, at: number) {
	const card = (await db.cards.filter((candidate) => candidate.front === front).first())!;
	await answerCard(db, { cardId: card.id, grade, reviewedAt: at, durationMs: 1, kind: card.dueDay === undefined ? 'new' : 'review', expectedLastReview: card.lastReview, dayOptions: DAY_OPTIONS });
}

describe('CardSearch', () => {
	it('finds cards by text and deck name, in Korean, sorted as asked', async () => {
		await setUp();
		expect(await findSet('deck:"AWS 기초" 리전')).toEqual(['가용 영역', '리전이란']);
		expect(await findSet('deck:japanese')).toEqual(['犬', '猫']);
		expect(await find('')).toHaveLength(5);
		// Sorted by when they were added: the Japanese deck came later.
		expect((await find('', { direction: 'desc' })).slice(0, 2).sort()).toEqual(['犬', '猫']);
		expect((await find('', { direction: 'asc' })).slice(0, 3).sort()).toEqual(['EC2', '가용 영역', '리전이란']);
	});

	it('gives a located, coded error for a query that cannot be read', async () => {
		await setUp();
		const outcome = await search.search('deck:"AWS', BY_ADDED);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.error).toMatchObject({ code: 'unclosed-quote', start: 5 });
	});

	it('reads one deck through its index when the query names one, and every card otherwise', async () => {
		await setUp();
		const where = vi.spyOn(db.cards, 'where');
		const all = vi.spyOn(db.cards, 'toArray');
		await find('deck:japanese 犬');
		expect(where).toHaveBeenCalledWith('[deck+queue+order]');
		expect(all).not.toHaveBeenCalled();
		await find('is:new');
		expect(all).toHaveBeenCalledTimes(1);
		// Every card read: later queries filter them, until the store changes.
		await find('deck:japanese');
		await find('dog');
		expect(all).toHaveBeenCalledTimes(1);
		await suspendCards(db, [JP.cards[0]!.id]);
		await vi.waitFor(async () => expect(await find('is:suspended')).toEqual(['犬']));
		expect(all).toHaveBeenCalledTimes(2);
	});

	it('supplies lapses, rated: and is:due from the log and the day', async () => {
		await setUp();
		const day = 86_400_000;
		await answer('EC2', 5, AT - 10 * day);
		await answer('EC2', 5, AT - 9 * day);
		await answer('EC2', 1, AT - 3 * day); // a lapse
		await answer('犬', 4, AT - 2 * day);
		await answer('猫', 4, AT);
		expect(await find('prop:lapses>=1')).toEqual(['EC2']);
		expect(await find('rated:1')).toEqual(['猫']);
		expect(await findSet('rated:3')).toEqual(['犬', '猫']);
		expect(await findSet('rated:4')).toEqual(['EC2', '犬', '猫']);
		// EC2 failed three days ago, 犬 was due yesterday.
		expect(await findSet('is:due')).toEqual(['EC2', '犬']);
		expect((await find('-is:new', { sort: 'lapses', direction: 'desc' }))[0]).toBe('EC2');
		expect(await find('deck:japanese', { sort: 'due' })).toEqual(['犬', '猫']);
		expect(await find('deck:japanese', { sort: 'due', direction: 'desc' })).toEqual(['猫', '犬']);
	});

	it('finds every match of a deck read in pieces, the first page in order', async () => {
		db = freshDatabase();
		const lines = Array.from({ length: 600 }, (_, i) => `Question ${i}::answer ${i % 3 === 0 ? 'fizz' : 'buzz'}`);
		await applyDeck(db, { deck: deckFrom(`---\ndeck: Big\n---\n\n${lines.join('\n\n')}\n`, 'big.md'), hash: 'h' }, 'built-in', AT);
		await applyDeck(db, { deck: JP, hash: 'h' }, 'built-in', AT);
		search = new CardSearch(db);
		const outcome = await search.search('deck:big fizz', { ...BY_ADDED, sort: 'due', direction: 'desc' });
		if (!outcome.ok) throw outcome.error;
		expect(outcome.cards.length).toBe(200);
		const all = (await cardsInDeck(db, 'big').toArray()).filter((card) => card.back.includes('fizz'));
		const expected = sortCards(all, 'due', 'desc').map((card) => card.id);
		expect(outcome.cards.slice(0, 50).map((card) => card.id)).toEqual(expected.slice(0, 50));
		expect(outcome.cards.all().map((card) => card.id)).toEqual(expected);
	});

	it('never finds deleted cards', async () => {
		await setUp();
		await deleteCards(db, [AWS.cards[0]!.id]);
		await vi.waitFor(async () => expect(await findSet('deck:"AWS 기초"')).toEqual(['EC2', '가용 영역']));
		expect(await find('is:retired')).toEqual([]);
	});

	it('reads the decks as it is made; a read of them that fails is not kept, and the next search reads them again', async () => {
		db = freshDatabase();
		await applyDeck(db, { deck: AWS, hash: 'h' }, 'built-in', AT);
		const read = db.decks.toArray.bind(db.decks);
		const decksRead = vi.spyOn(db.decks, 'toArray').mockImplementationOnce((() => Promise.reject(new Error('storage unavailable'))) as unknown as typeof db.decks.toArray);
		search = new CardSearch(db);
		expect(decksRead).toHaveBeenCalledTimes(1);
		await expect(search.search('EC2', BY_ADDED)).rejects.toThrow('storage unavailable');
		decksRead.mockImplementation(read);
		expect(await find('EC2')).toEqual(['EC2']);
		expect(decksRead).toHaveBeenCalledTimes(2);
	});

	it('sorts the last search’s matches again for another order, and reads anew once the store changed', async () => {
		await setUp();
		const matchesOf = async (direction: 'asc' | 'desc') => {
			const outcome = await search.search('is:new', { ...BY_ADDED, direction });
			if (!outcome.ok) throw outcome.error;
			return outcome.cards.unsorted;
		};
		expect(await find('is:new', { sort: 'added', direction: 'asc' })).toEqual(['리전이란', '가용 영역', 'EC2', '犬', '猫']);
		// AWS 기초 was added first; cards added together keep their deck's order either way.
		expect(await find('is:new', { sort: 'added', direction: 'desc' })).toEqual(['犬', '猫', '리전이란', '가용 영역', 'EC2']);
		// Not filtered again: the same matches, sorted the other way.
		expect(await matchesOf('desc')).toBe(await matchesOf('asc'));
		await suspendCards(db, [JP.cards[0]!.id]);
		await vi.waitFor(async () => expect(await find('is:new', { sort: 'added', direction: 'asc' })).toEqual(['리전이란', '가용 영역', 'EC2', '猫']));
		expect(await find('is:new', { sort: 'added', direction: 'desc' })).toEqual(['猫', '리전이란', '가용 영역', 'EC2']);
	});
});
