/**
 * One collection with a bit of everything Anki has: each standard note type,
 * cloze with hints and nesting, sub-decks, a filtered deck, tags, media, and
 * cards new, learning, relearning, in review, suspended, buried and reset,
 * with their review log. Built as schema 11 and as schema 18.
 */
import type { CollectionSpec, NotetypeSpec, PackageSpec } from './helpers';

const utc = (...parts: [number, number, number, number?, number?]) => Date.UTC(...parts);
const seconds = (ms: number) => ms / 1000;

/** 2026-01-01 04:00 UTC: the collection's day 0, study day 20454 in UTC with days starting at 4:00. */
export const CREATED = seconds(utc(2026, 0, 1, 4));
export const DAY_ZERO = 20454;
/** The import's clock: 2026-06-15 12:00 UTC, study day 20619. */
export const NOW = utc(2026, 5, 15, 12);
export const TODAY = 20619;
export const DAY_OPTIONS = { timeZone: 'UTC', dayStartHour: 4 };

const BACK = '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}';

export const NOTETYPES: NotetypeSpec[] = [
	{ id: 1001, name: 'Basic', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: BACK }] },
	{
		id: 1002,
		name: 'Basic (and reversed card)',
		fields: ['Front', 'Back'],
		templates: [
			{ name: 'Card 1', qfmt: '{{Front}}', afmt: BACK },
			{ name: 'Card 2', qfmt: '{{Back}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' }
		]
	},
	{
		id: 1003,
		name: 'Basic (optional reversed card)',
		fields: ['Front', 'Back', 'Add Reverse'],
		templates: [
			{ name: 'Card 1', qfmt: '{{Front}}', afmt: BACK },
			{ name: 'Card 2', qfmt: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}' }
		]
	},
	{
		id: 1004,
		name: 'Basic (type in the answer)',
		fields: ['Front', 'Back'],
		templates: [{ name: 'Card 1', qfmt: '{{Front}}\n\n{{type:Back}}', afmt: '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}' }]
	},
	{
		id: 1005,
		name: 'Cloze',
		cloze: true,
		fields: ['Text', 'Back Extra'],
		templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }]
	}
];

/** A 1×1 PNG, and another picture. */
export const PARIS_PNG = Uint8Array.from(
	atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
	(c) => c.charCodeAt(0)
);
export const DIAGRAM_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);

const ms = {
	learn1: utc(2026, 0, 10, 9),
	learn2: utc(2026, 0, 10, 9, 10),
	review1: utc(2026, 0, 11, 9),
	lapse: utc(2026, 0, 14, 9),
	relearn: utc(2026, 0, 14, 9, 10),
	hard: utc(2026, 0, 15, 9),
	easy: utc(2026, 4, 20, 10),
	setDue: utc(2026, 4, 21, 10),
	koreanAgain: utc(2026, 5, 15, 8),
	resetReview: utc(2026, 1, 1, 9),
	forget: utc(2026, 1, 2, 9),
	recallGood: utc(2026, 2, 1, 9),
	recallHard: utc(2026, 2, 2, 9)
};
export const TIMES = ms;

export function sampleCollection(schema: number, schedVer = 2): CollectionSpec {
	return {
		schema,
		crt: CREATED,
		schedVer,
		notetypes: NOTETYPES,
		decks: [
			{ id: 1, name: 'Default' },
			{ id: 2001, name: 'Languages' },
			{ id: 2002, name: 'Languages::Korean' },
			{ id: 2003, name: 'Filtered Deck 1', filtered: true },
			{ id: 2004, name: 'Science' }
		],
		notes: [
			{ id: 4001, guid: 'g-basic', mid: 1001, fields: ['Capital of <b>France</b>?', 'Paris<br><img src="paris.png">'], tags: ['geo', 'europe'] },
			{ id: 4002, guid: 'g-rev', mid: 1002, fields: ['안녕하세요', 'hello'], tags: ['korean'] },
			{ id: 4003, guid: 'g-opt1', mid: 1003, fields: ['one way', 'only', ''] },
			{ id: 4004, guid: 'g-opt2', mid: 1003, fields: ['both ways', 'reversed', 'y'] },
			{ id: 4005, guid: 'g-type', mid: 1004, fields: ['2 + 2 = ?', '4'] },
			{ id: 4006, guid: 'g-cloze', mid: 1005, fields: ['{{c1::Seoul}} is the capital of {{c2::South Korea::country}}.', 'Han river'], tags: ['korean', 'geo'] },
			{ id: 4007, guid: 'g-nested', mid: 1005, fields: ['{{c1::outer {{c2::inner}} text}}', ''] },
			{ id: 4008, guid: 'g-sound', mid: 1001, fields: ['Listen [sound:hello.mp3]', 'hi'] },
			{ id: 4009, guid: 'g-reset', mid: 1001, fields: ['forgotten', 'yes'] },
			{ id: 4010, guid: 'g-image', mid: 1001, fields: ['<img src="diagram.png">', "copy <img src='copy.png'>"] },
			{ id: 4011, guid: 'g-missing', mid: 1001, fields: ['where? <img src="missing.png">', '<img src="https://example.com/x.png">'] },
			{ id: 4012, guid: 'g-empty', mid: 1001, fields: ['', 'nothing'] },
			{ id: 4013, guid: 'g-stale', mid: 1005, fields: ['{{c1::only one}}', ''] },
			{ id: 4014, guid: 'g-recall1', mid: 1001, fields: ['exported by Recall', 'once'] },
			{ id: 4015, guid: 'g-recall2', mid: 1001, fields: ['exported by Recall', 'repeat pending'] }
		],
		cards: [
			// Review, with a lapse in its history; its last log row is a manual "set due date".
			{ id: 3001, nid: 4001, did: 2004, ord: 0, mod: seconds(ms.setDue), type: 2, queue: 2, due: 170, ivl: 15, factor: 2300, reps: 7, lapses: 1 },
			// Learning (answered Again this morning), and its reverse: new and suspended.
			{ id: 3002, nid: 4002, did: 2002, ord: 0, mod: seconds(ms.koreanAgain), type: 1, queue: 1, due: seconds(ms.koreanAgain) + 60, reps: 1 },
			{ id: 3003, nid: 4002, did: 2002, ord: 1, mod: seconds(ms.koreanAgain), type: 0, queue: -1, due: 3 },
			{ id: 3004, nid: 4003, did: 2004, ord: 0, mod: CREATED, type: 0, queue: 0, due: 1 },
			{ id: 3005, nid: 4004, did: 2004, ord: 0, mod: CREATED, type: 0, queue: 0, due: 2 },
			// Review, buried; its factor is below SM-2's floor.
			{ id: 3006, nid: 4004, did: 2004, ord: 1, mod: seconds(ms.easy), type: 2, queue: -3, due: 180, ivl: 10, factor: 1200, reps: 2 },
			{ id: 3007, nid: 4005, did: 2004, ord: 0, mod: CREATED, type: 0, queue: 0, due: 4 },
			// Review in a filtered deck: home deck and due are odid and odue.
			{ id: 3008, nid: 4006, did: 2003, ord: 0, mod: seconds(ms.easy), type: 2, queue: 2, due: -100000, odid: 2001, odue: 175, ivl: 20, factor: 2500, reps: 4 },
			// Relearning.
			{ id: 3009, nid: 4006, did: 2001, ord: 1, mod: seconds(ms.easy), type: 3, queue: 1, due: seconds(ms.easy) + 600, ivl: 1, factor: 2100, reps: 5, lapses: 1 },
			{ id: 3010, nid: 4007, did: 2001, ord: 0, mod: CREATED, type: 0, queue: 0, due: 6 },
			{ id: 3011, nid: 4007, did: 2001, ord: 1, mod: CREATED, type: 0, queue: 0, due: 5 },
			{ id: 3012, nid: 4008, did: 2004, ord: 0, mod: CREATED, type: 0, queue: 0, due: 7 },
			// Reviewed once, then reset to new ("Forget").
			{ id: 3013, nid: 4009, did: 2004, ord: 0, mod: seconds(ms.forget), type: 0, queue: 0, due: 8 },
			{ id: 3014, nid: 4010, did: 2004, ord: 0, mod: CREATED, type: 0, queue: 0, due: 9 },
			{ id: 3015, nid: 4011, did: 2004, ord: 0, mod: CREATED, type: 0, queue: 0, due: 10 },
			{ id: 3016, nid: 4012, did: 2004, ord: 0, mod: CREATED, type: 0, queue: 0, due: 11 },
			{ id: 3017, nid: 4013, did: 2004, ord: 0, mod: CREATED, type: 0, queue: 0, due: 12 },
			// A card of deletion 2, which the note no longer has.
			{ id: 3018, nid: 4013, did: 2004, ord: 1, mod: CREATED, type: 0, queue: 0, due: 13 },
			// Histories SM-2 would have made (as in a package Recall exported): one success (n = 1),
			// and a Hard that awaits its same-day repeat.
			{ id: 3019, nid: 4014, did: 2004, ord: 0, mod: seconds(ms.recallGood), type: 2, queue: 2, due: 60, ivl: 1, factor: 2500, reps: 1 },
			{ id: 3020, nid: 4015, did: 2004, ord: 0, mod: seconds(ms.recallHard), type: 2, queue: 2, due: 60, ivl: 6, factor: 2360, reps: 2 }
		],
		revlog: [
			{ id: ms.learn1, card: 3001, ease: 3, ivl: -600, lastIvl: 0, factor: 0, time: 5000, type: 0 },
			{ id: ms.learn2, card: 3001, ease: 3, ivl: 1, lastIvl: -600, factor: 2500, time: 4000, type: 0 },
			{ id: ms.review1, card: 3001, ease: 3, ivl: 3, lastIvl: 1, factor: 2500, time: 3000, type: 1 },
			{ id: ms.lapse, card: 3001, ease: 1, ivl: -600, lastIvl: 3, factor: 2300, time: 8000, type: 1 },
			{ id: ms.relearn, card: 3001, ease: 3, ivl: 1, lastIvl: -600, factor: 2300, time: 2000, type: 2 },
			{ id: ms.hard, card: 3001, ease: 2, ivl: 2, lastIvl: 1, factor: 2150, time: 6000, type: 1 },
			{ id: ms.easy, card: 3001, ease: 4, ivl: 15, lastIvl: 2, factor: 2300, time: 1500, type: 1 },
			{ id: ms.setDue, card: 3001, ease: 0, ivl: 15, lastIvl: 15, factor: 2300, time: 0, type: 4 },
			{ id: ms.koreanAgain, card: 3002, ease: 1, ivl: -60, lastIvl: 0, factor: 0, time: 12000, type: 0 },
			{ id: ms.resetReview, card: 3013, ease: 3, ivl: 5, lastIvl: 2, factor: 2500, time: 3000, type: 1 },
			{ id: ms.forget, card: 3013, ease: 0, ivl: 0, lastIvl: 5, factor: 2500, time: 0, type: 4 },
			{ id: ms.recallGood, card: 3019, ease: 3, ivl: 1, lastIvl: 0, factor: 2500, time: 2000, type: 0 },
			{ id: ms.recallGood + 1, card: 3020, ease: 3, ivl: 1, lastIvl: 0, factor: 2500, time: 2000, type: 0 },
			{ id: ms.recallHard, card: 3020, ease: 2, ivl: 6, lastIvl: 1, factor: 2360, time: 2000, type: 1 },
			// The log of a card that is not in the package.
			{ id: ms.review1 + 1, card: 9999, ease: 3, ivl: 3, lastIvl: 1, factor: 2500, time: 3000, type: 1 }
		]
	};
}

export function samplePackage(schema: number): PackageSpec {
	return {
		collection: sampleCollection(schema),
		media: {
			'paris.png': PARIS_PNG,
			'diagram.png': DIAGRAM_PNG,
			'copy.png': PARIS_PNG,
			'hello.mp3': new Uint8Array([0xff, 0xfb, 0x90, 0x00])
		}
	};
}
