/** Cards for the search tests: a little of every kind, in decks with Korean and nested (Anki) names. */
import { Queue } from '../../../src/lib/db/constants';
import type { SearchContext } from '../../../src/lib/search/match';
import { NEW_CARD, type Sm2State } from '../../../src/lib/srs/sm2';

export const TODAY = 20_417;

export interface TestCard {
	id: string;
	deck: string;
	front: string;
	back: string;
	tags: string[];
	path: string[];
	state: Sm2State;
	dueDay?: number;
	queue: number;
	buriedUntil?: number;
	lapses?: number;
	createdAt: number;
	order: number;
}

const state = (interval: number, easiness: number, repetitions: number, extraReview = false): Sm2State => ({ interval, easiness, repetitions, extraReview });

export const CARDS: TestCard[] = [
	// Due today.
	{ id: 'c1', deck: 'aws', front: 'EC2란?', back: '**Elastic Compute Cloud**: 가상 서버', tags: ['aws', 'compute'], path: ['AWS 기초', '컴퓨팅'], state: state(6, 2.5, 2), dueDay: TODAY, queue: Queue.scheduled, createdAt: 1, order: 1 },
	// New, its front stored decomposed (NFD), as text copied from a macOS file name can be.
	{ id: 'c2', deck: 'aws', front: 'S3의 용도'.normalize('NFD'), back: '객체 스토리지', tags: ['aws::storage'], path: ['AWS 기초', '스토리지'], state: NEW_CARD, queue: Queue.new, createdAt: 2, order: 2 },
	// Mature, due in 10 days.
	{ id: 'c3', deck: 'jp', front: '犬', back: 'dog', tags: ['jlpt::n5'], path: [], state: state(30, 2.7, 4), dueDay: TODAY + 10, queue: Queue.scheduled, lapses: 2, createdAt: 3, order: 3 },
	// Suspended, would be overdue.
	{ id: 'c4', deck: 'jp-kanji', front: 'big dog', back: '大きい犬', tags: [], path: [], state: state(15, 1.3, 3), dueDay: TODAY - 2, queue: Queue.suspended, lapses: 1, createdAt: 4, order: 4 },
	// Failed today (learning), then buried until tomorrow.
	{ id: 'c5', deck: 'misc', front: 'What is 2*3?', back: '6', tags: ['Math'], path: ['Arithmetic'], state: state(0, 2.2, 0), dueDay: TODAY, queue: Queue.scheduled, buriedUntil: TODAY + 1, createdAt: 5, order: 5 },
	// Retired: gone from its note.
	{ id: 'c6', deck: 'misc', front: 'retired one', back: 'gone', tags: [], path: [], state: state(100, 2.5, 5), dueDay: TODAY + 50, queue: Queue.retired, createdAt: 6, order: 6 },
	// Graded 3 today: awaiting its same-day repeat (learning), due today.
	{ id: 'c7', deck: 'aws', front: 'IAM', back: 'Identity and Access Management', tags: ['AWS', 'security'], path: ['AWS 기초'], state: state(1, 2.36, 1, true), dueDay: TODAY, queue: Queue.scheduled, createdAt: 7, order: 7 }
];

export const CONTEXT: SearchContext = {
	today: TODAY,
	deckNames: new Map([
		['aws', 'AWS 기초'],
		['jp', 'Japanese::Vocab'],
		['jp-kanji', 'Japanese::Kanji'],
		['misc', 'Misc']
	]),
	rated: new Map([
		[1, new Set(['c1', 'c7'])],
		[7, new Set(['c1', 'c3', 'c7'])]
	])
};
