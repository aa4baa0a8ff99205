import { describe, expect, it } from 'vitest';
import type { CardSchedule } from '../../../src/lib/srs/card-schedule';
import { NEW_CARD, type Sm2State } from '../../../src/lib/srs/sm2';
import { reconcileSession, startSession, topUpSession, type StartOptions, type StudiedToday } from '../../../src/lib/srs/session';
import { DEFAULT_LIMITS, type QueueLimits } from '../../../src/lib/srs/queue-limits';
import { subtreeLimits, type LimitedDeck } from '../../../src/lib/srs/subtree-limits';

const TODAY = 20_417;
const NOW = Date.UTC(2025, 10, 25, 12);
const LEARNED: Sm2State = { repetitions: 2, easiness: 2.5, interval: 6, extraReview: false };
const DEFAULTS: QueueLimits = { ...DEFAULT_LIMITS, newPerDay: 10, reviewsPerDay: 100 };

const limited = (id: string, name: string, own: Partial<QueueLimits> = {}): LimitedDeck => ({ id, name, limits: { ...DEFAULTS, ...own } });

/** `count` new cards of `deck`, ids `<deck><n>`, in note order n. */
function newCards(deck: string, count: number): CardSchedule[] {
	return Array.from({ length: count }, (_, n) => ({ id: `${deck}${n}`, deck, state: NEW_CARD, order: n, suspended: false, retired: false }));
}

function reviews(deck: string, count: number): CardSchedule[] {
	return newCards(deck, count).map((card) => ({ ...card, id: `${card.id}r`, state: LEARNED, dueDay: TODAY - 1 }));
}

/** The options of a session over `path`, as db/sessions.ts makes them. */
function treeOptions(path: string[], decks: LimitedDeck[], studied: Record<string, StudiedToday> = {}): StartOptions {
	const tree = subtreeLimits(path, decks, DEFAULTS, new Map(Object.entries(studied)));
	return { today: TODAY, scope: `tree:${path.join('::')}`, limits: tree.limits, studiedToday: tree.studiedToday, now: NOW, perDeck: tree.perDeck, scopeDecks: tree.scopeDecks };
}

const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id);

// P (own limit 20) > P::A (3) and P::B (4) > P::B::C (2); Other is outside.
const DECKS = [
	limited('p', 'P', { newPerDay: 20 }),
	limited('a', 'P::A', { newPerDay: 3 }),
	limited('b', 'P::B', { newPerDay: 4 }),
	limited('c', 'P :: B :: C', { newPerDay: 2 }),
	limited('o', 'Other')
];
const CARDS = [...newCards('a', 5), ...newCards('b', 5), ...newCards('c', 5), ...newCards('o', 5), ...newCards('p', 2)];

describe('subtreeLimits', () => {
	it('holds the decks under the path, caps the session by the deck studied, and each deck below by its own limit over its sub-decks', () => {
		const tree = subtreeLimits(['P'], DECKS, DEFAULTS, new Map([['c', { newCards: 1, reviews: 2 }], ['o', { newCards: 5, reviews: 5 }]]));
		expect([...tree.scopeDecks].sort()).toEqual(['a', 'b', 'c', 'p']);
		expect(tree.limits.newPerDay).toBe(20);
		expect(tree.studiedToday).toEqual({ newCards: 1, reviews: 2 });
		expect(Object.fromEntries(tree.perDeck.capsOf!)).toEqual({ a: ['tree:P::A'], b: ['tree:P::B'], c: ['tree:P::B', 'tree:P::B::C'], p: [] });
		expect(tree.perDeck.limits.get('tree:P::B')?.newPerDay).toBe(4);
		// What C studied counts against B's limit too.
		expect(tree.perDeck.studiedToday.get('tree:P::B')).toEqual({ newCards: 1, reviews: 2 });
	});

	it('caps a parent without a deck of its own by the default limits', () => {
		const tree = subtreeLimits(['V'], [limited('x', 'V::X', { newPerDay: 50 }), limited('y', 'V::Y')], { ...DEFAULTS, newPerDay: 4 }, new Map());
		expect(tree.limits.newPerDay).toBe(4);
		expect(tree.scopeDecks).toEqual(new Set(['x', 'y']));
	});
});

describe('a session over a deck and its sub-decks', () => {
	it('takes the cards of every deck under it, each deck within its limit and each parent within its own over its sub-decks', () => {
		const session = startSession(CARDS, treeOptions(['P'], DECKS));
		// In note order across the decks: A stops at 3, B and C together at 4 (C alone at 2); none of Other.
		expect(ids(session.entries)).toEqual(['a0', 'b0', 'c0', 'p0', 'a1', 'b1', 'c1', 'p1', 'a2']);
		expect(session.scope).toBe('tree:P');
	});

	it('counts what was studied today in a sub-deck against every limit above it', () => {
		const session = startSession(CARDS, treeOptions(['P'], DECKS, { c: { newCards: 1, reviews: 0 } }));
		// C has 1 left, B and C together 3.
		expect(ids(session.entries)).toEqual(['a0', 'b0', 'c0', 'p0', 'a1', 'b1', 'p1', 'a2']);
		const capped = startSession(CARDS, treeOptions(['P'], [limited('p', 'P', { newPerDay: 5 }), ...DECKS.slice(1)], { o: { newCards: 4, reviews: 0 }, a: { newCards: 1, reviews: 0 } }));
		// The deck studied caps the whole: 5, less the one A studied; Other's studying is not in it.
		expect(ids(capped.entries)).toEqual(['a0', 'b0', 'c0', 'p0']);
	});

	it('caps due reviews the same way', () => {
		const decks = [limited('p', 'P', { reviewsPerDay: 5 }), limited('a', 'P::A', { reviewsPerDay: 1 }), limited('b', 'P::B')];
		const session = startSession([...reviews('a', 3), ...reviews('b', 6)], treeOptions(['P'], decks));
		expect(ids(session.entries).sort()).toEqual(['a0r', 'b0r', 'b1r', 'b2r', 'b3r']);
	});

	it('studies a sub-deck alone within its own limits, the parent’s not applied (Anki v3)', () => {
		const session = startSession(CARDS, treeOptions(['P', 'B'], [limited('p', 'P', { newPerDay: 1 }), ...DECKS.slice(1)]));
		expect(ids(session.entries)).toEqual(['b0', 'c0', 'b1', 'c1']);
	});

	it('fills a card taken out with the next the limits let in, and drops cards moved out of the tree on a reload', () => {
		const options = treeOptions(['P'], DECKS);
		const session = startSession(CARDS, options);
		const left = { ...session, entries: session.entries.filter((entry) => entry.id !== 'c0') };
		// C still has room for one (c1 is in), B's limit is what stops c2: b2 comes in.
		const held = CARDS.filter((card) => left.entries.some((entry) => entry.id === card.id));
		const filled = topUpSession(left, [...held, ...CARDS.filter((card) => card.id !== 'c0')], options);
		expect(ids(filled.entries)).toEqual(['a0', 'b0', 'p0', 'a1', 'b1', 'c1', 'p1', 'a2', 'b2']);

		const moved = CARDS.map((card) => (card.id === 'a1' ? { ...card, deck: 'o' } : card));
		expect(ids(reconcileSession(session, moved, TODAY, options.scopeDecks).entries)).toEqual(['a0', 'b0', 'c0', 'p0', 'b1', 'c1', 'p1', 'a2']);
	});
});
