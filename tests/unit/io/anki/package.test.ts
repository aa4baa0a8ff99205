import { createHash } from 'node:crypto';
import { zipSync, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportBundle } from '../../../../src/lib/io/bundle';
import { deckFile, parseDeckFile } from '../../../../src/lib/notes/deck-format';
import { readAnkiCollection, readAnkiPackage } from '../../../../src/lib/io/anki/import';
import { studyDay } from '../../../../src/lib/srs/day';
import { foldRows, isAnswer, type ReviewRow } from '../../../../src/lib/srs/history';
import { NEW_CARD } from '../../../../src/lib/srs/sm2';
import { buildCollection, buildPackage, loadSql, oneBasicNote, protoMessage, type CollectionSpec } from './helpers';
import { CREATED, DAY_OPTIONS, DAY_ZERO, DIAGRAM_PNG, NOW, PARIS_PNG, TIMES, TODAY, sampleCollection, samplePackage } from './sample';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PARIS = `${sha256(PARIS_PNG)}.png`;
const DIAGRAM = `${sha256(DIAGRAM_PNG)}.png`;
const HELLO_MP3 = new Uint8Array([0xff, 0xfb, 0x90, 0x00]);
/** A sound keeps its name beside its hash (io/sound-tags.ts). */
const HELLO = `hello.${sha256(HELLO_MP3)}.mp3`;

async function read(bytes: Uint8Array, name = 'sample.apkg'): Promise<ImportBundle> {
	return readAnkiPackage(bytes, { sql: await loadSql(), dayOptions: DAY_OPTIONS, now: NOW, name });
}

function cardsOf(bundle: ImportBundle) {
	return new Map(bundle.decks.flatMap((deck) => deck.cards).map((card) => [card.id, card]));
}

function rowsOf(bundle: ImportBundle, card: string): ReviewRow[] {
	return bundle.reviews.filter((row) => row.card === card);
}

/** A collection with one note, for the dummy files beside the real one. */
function dummyCollection(schema = 11): Promise<Uint8Array> {
	return buildCollection({
		schema,
		crt: 0,
		notetypes: [{ id: 1, name: 'Basic', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{Back}}' }] }],
		decks: [{ id: 1, name: 'Default' }],
		notes: [{ id: 1, guid: 'dummy', mid: 1, fields: ['Please update to the latest Anki version', 'x'] }],
		cards: [{ id: 1, nid: 1, did: 1, ord: 0, mod: 0, type: 0, queue: 0, due: 1 }]
	});
}

describe.each([
	{ schema: 11, layout: 'collection.anki2 with JSON note types and a JSON media map' },
	{ schema: 18, layout: 'zstd collection.anki21b with protobuf note types, a protobuf media list and zstd media' }
])('a generated .apkg, schema $schema ($layout)', ({ schema }) => {
	let bundle: ImportBundle;

	beforeAll(async () => {
		const spec = samplePackage(schema);
		// The latest format ships a dummy legacy collection for old Ankis: it must be ignored.
		if (schema === 18) spec.extra = { 'collection.anki2': await dummyCollection() };
		bundle = await read(await buildPackage(spec));
	});

	it('makes a deck per Anki deck that has cards, sub-decks named Parent::Child, cards in study order', () => {
		expect(bundle.source).toBe('apkg');
		expect(bundle.name).toBe('sample.apkg');
		expect(bundle.decks.map((deck) => [deck.id, deck.name, deck.cards.map((card) => card.id)])).toEqual([
			// New cards by their position in Anki's new queue, then the others in note order.
			['anki-languages', 'Languages', ['anki-g-nested-1', 'anki-g-nested-0', 'anki-g-cloze-0', 'anki-g-cloze-1']],
			['anki-languages-korean', 'Languages::Korean', ['anki-g-rev-1', 'anki-g-rev-0']],
			[
				'anki-science',
				'Science',
				[
					'anki-g-opt1-0',
					'anki-g-opt2-0',
					'anki-g-type-0',
					'anki-g-sound-0',
					'anki-g-reset-0',
					'anki-g-image-0',
					'anki-g-missing-0',
					'anki-g-stale-0',
					'anki-g-basic-0',
					'anki-g-opt2-1',
					'anki-g-recall1-0',
					'anki-g-recall2-0'
				]
			]
		]);
		expect(bundle.decks.every((deck) => deck.tags.length === 0)).toBe(true);
		// Valid decks of the native format (non-empty sides, unique card ids).
		expect(() => parseDeckFile(deckFile(bundle.decks))).not.toThrow();
	});

	it('renders every standard note type to HTML sides, the back without the repeated question', () => {
		const cards = cardsOf(bundle);
		const sides = (id: string) => {
			const card = cards.get(id);
			return card && [card.front, card.back];
		};
		// An image without alt text is named by its file (without the extension): a screen reader has something to say.
		expect(sides('anki-g-basic-0')).toEqual(['Capital of <b>France</b>?', `Paris<br><img alt="paris" src="${PARIS}">`]);
		expect(sides('anki-g-rev-0')).toEqual(['안녕하세요', 'hello']);
		expect(sides('anki-g-rev-1')).toEqual(['hello', '안녕하세요']);
		expect(sides('anki-g-opt1-0')).toEqual(['one way', 'only']);
		expect(cards.has('anki-g-opt1-1')).toBe(false);
		expect(sides('anki-g-opt2-1')).toEqual(['reversed', 'both ways']);
		// Type in the answer: no input on the front, the answer on the back.
		expect(sides('anki-g-type-0')).toEqual(['2 + 2 = ?', '4']);
		const basic = cards.get('anki-g-basic-0');
		expect(basic).toMatchObject({ deck: 'anki-science', kind: 'basic', rule: 'imported', format: 'html', path: [], images: [], tags: ['geo', 'europe'] });
		expect(basic?.source).toEqual({ file: 'sample.apkg', line: 1 });
	});

	it('renders cloze cards: a blank (or its hint) on the front, the deletion marked on the back', () => {
		const cards = cardsOf(bundle);
		expect(cards.get('anki-g-cloze-0')).toMatchObject({
			kind: 'cloze',
			deck: 'anki-languages',
			tags: ['korean', 'geo'],
			front: '<span class="cloze-blank">[...]</span> is the capital of South Korea.',
			back: '<mark>Seoul</mark> is the capital of South Korea.<br>\nHan river'
		});
		expect(cards.get('anki-g-cloze-1')?.front).toBe('Seoul is the capital of <span class="cloze-blank">[country]</span>.');
		expect(cards.get('anki-g-nested-0')?.front).toBe('<span class="cloze-blank">[...]</span>');
		expect(cards.get('anki-g-nested-1')?.front).toBe('outer <span class="cloze-blank">[...]</span> text');
		expect(cards.get('anki-g-nested-1')?.back).toBe('outer <mark>inner</mark> text<br>');
	});

	it('stores the images the cards show under their SHA-256, once, and points the cards at them', () => {
		expect(bundle.media.map((file) => file.name).sort()).toEqual([PARIS, DIAGRAM, HELLO].sort());
		const paris = bundle.media.find((file) => file.name === PARIS);
		expect(paris?.type).toBe('image/png');
		expect(paris?.bytes).toEqual(PARIS_PNG);
		expect(bundle.media.find((file) => file.name === DIAGRAM)?.bytes).toEqual(DIAGRAM_PNG);
		const cards = cardsOf(bundle);
		expect(cards.get('anki-g-image-0')?.front).toBe(`<img alt="diagram" src="${DIAGRAM}">`);
		// Another name for the same bytes: the same stored file.
		expect(cards.get('anki-g-image-0')?.back).toBe(`copy <img alt="copy" src="${PARIS}">`);
		// Not in the package, or not a media name: left as written.
		expect(cards.get('anki-g-missing-0')?.front).toBe('where? <img alt="missing" src="missing.png">');
		expect(cards.get('anki-g-missing-0')?.back).toBe('<img alt="x" src="https://example.com/x.png">');
	});

	it('stores the sounds the cards play under their name and SHA-256, keeps their tags, and leaves out cards with nothing to ask, saying so', () => {
		const cards = cardsOf(bundle);
		expect(cards.get('anki-g-sound-0')?.front).toBe(`Listen [sound:${HELLO}]`);
		expect(bundle.media.find((file) => file.name === HELLO)).toEqual({ name: HELLO, type: 'audio/mpeg', bytes: HELLO_MP3 });
		expect(cards.has('anki-g-empty-0')).toBe(false);
		expect(cards.has('anki-g-stale-1')).toBe(false);
		expect(bundle.warnings.map((warning) => warning.message)).toEqual([
			"1 cloze card left out: the note has no deletion with the card's number.",
			'1 card left out: the front would be empty.',
			'1 image the cards show is not in the file (missing.png): it shows as a placeholder.'
		]);
	});

	it('turns the review log into answer rows: grades Again 1, Hard 3, Good 4, Easy 5, Anki’s intervals as snapshots', () => {
		const rows = rowsOf(bundle, 'anki-g-basic-0');
		const answers = rows.filter(isAnswer);
		expect(answers.map((row) => [row.reviewedAt, row.grade, row.kind, row.durationMs])).toEqual([
			[TIMES.learn1, 4, 'new', 5000],
			[TIMES.learn2, 4, 'learning', 4000],
			[TIMES.review1, 4, 'review', 3000],
			[TIMES.lapse, 1, 'review', 8000],
			[TIMES.relearn, 4, 'learning', 2000],
			[TIMES.hard, 3, 'review', 6000],
			[TIMES.easy, 5, 'review', 1500]
		]);
		expect(answers.map((row) => row.id)).toEqual(answers.map((row) => `anki-g-basic-0-review-${row.reviewedAt}`));
		expect(answers.map((row) => row.day)).toEqual([20463, 20463, 20464, 20467, 20467, 20468, 20593]);
		expect(answers.map((row) => [row.after.state.interval, row.after.state.easiness, row.after.state.repetitions, row.after.dueDay])).toEqual([
			[0, 2.5, 0, 20463],
			[1, 2.5, 1, 20464],
			[3, 2.5, 2, 20467],
			[0, 2.3, 0, 20467],
			[1, 2.3, 1, 20468],
			[2, 2.15, 2, 20470],
			[15, 2.3, 3, 20608]
		]);
		// Each row starts where the one before ended, and names it.
		answers.forEach((row, index) => {
			if (index === 0) {
				expect(row.before).toEqual({ state: NEW_CARD });
				expect(row.previous).toBeUndefined();
			} else {
				expect(row.before).toEqual(answers[index - 1]?.after);
				expect(row.previous).toBe(answers[index - 1]?.id);
			}
			expect(row.deck).toBe('anki-science');
		});
	});

	it('ends each studied card’s log with a state row that sets Anki’s schedule', () => {
		const rows = rowsOf(bundle, 'anki-g-basic-0');
		const set = rows.at(-1);
		expect(set).toEqual({
			id: `anki-import-anki-g-basic-0-${TIMES.setDue / 1000}`,
			card: 'anki-g-basic-0',
			deck: 'anki-science',
			// The manual "set due date" row is no answer; the card's last change comes after the answers.
			reviewedAt: TIMES.setDue,
			day: 20594,
			before: rows.at(-2)?.after,
			after: { state: { repetitions: 6, easiness: 2.3, interval: 15, extraReview: false }, dueDay: DAY_ZERO + 170 },
			kind: 'set',
			reason: 'import',
			previous: rows.at(-2)?.id
		});
	});

	it('imports each kind of card with the schedule it had (golden numbers)', () => {
		const schedule = (id: string) => foldRows(rowsOf(bundle, id));
		// Review: interval, EF = factor/1000, repetitions = reps − lapses, due = day 0 + due.
		expect(schedule('anki-g-basic-0')).toEqual({ state: { repetitions: 6, easiness: 2.3, interval: 15, extraReview: false }, dueDay: 20624 });
		// Learning: interval 0, due when its step ends: a minute after its answer this morning.
		expect(schedule('anki-g-rev-0')).toEqual({ state: { repetitions: 0, easiness: 2.5, interval: 0, extraReview: false }, dueDay: TODAY });
		// Review with a factor under SM-2's floor: EF 1.3; at least 2 repetitions.
		expect(schedule('anki-g-opt2-1')).toEqual({ state: { repetitions: 2, easiness: 1.3, interval: 10, extraReview: false }, dueDay: DAY_ZERO + 180 });
		// In a filtered deck: its home deck's due.
		expect(schedule('anki-g-cloze-0')).toEqual({ state: { repetitions: 4, easiness: 2.5, interval: 20, extraReview: false }, dueDay: DAY_ZERO + 175 });
		// Relearning: SM-2's failed state, EF kept, due on the day its step ended (10 minutes after its answer on 2026-04-20): overdue since.
		expect(schedule('anki-g-cloze-1')).toEqual({ state: { repetitions: 0, easiness: 2.1, interval: 0, extraReview: false }, dueDay: studyDay(TIMES.easy + 600_000, DAY_OPTIONS) });
		expect(studyDay(TIMES.easy + 600_000, DAY_OPTIONS)).toBe(TODAY - 26);
		// A history SM-2 would have made: SM-2's own state, with its run of successes and a pending repeat.
		expect(schedule('anki-g-recall1-0')).toEqual({ state: { repetitions: 1, easiness: 2.5, interval: 1, extraReview: false }, dueDay: DAY_ZERO + 60 });
		expect(schedule('anki-g-recall2-0')).toEqual({ state: { repetitions: 2, easiness: 2.36, interval: 6, extraReview: true }, dueDay: DAY_ZERO + 60 });
		// Reset to new after a review: the state row makes it new again.
		expect(rowsOf(bundle, 'anki-g-reset-0').map((row) => row.kind)).toEqual(['review', 'set']);
		expect(schedule('anki-g-reset-0')).toEqual({ state: NEW_CARD });
		// New cards have no rows at all.
		for (const id of ['anki-g-opt1-0', 'anki-g-rev-1', 'anki-g-nested-0', 'anki-g-type-0']) expect(rowsOf(bundle, id)).toEqual([]);
	});

	it('folds every card’s rows to exactly the schedule its state row carries', () => {
		const cards = [...cardsOf(bundle).keys()];
		for (const id of cards) {
			const rows = rowsOf(bundle, id);
			const last = [...rows].sort((a, b) => a.reviewedAt - b.reviewedAt).at(-1);
			if (last === undefined) {
				expect(foldRows(rows)).toEqual({ state: NEW_CARD });
				continue;
			}
			expect(last.kind).toBe('set');
			expect(foldRows(rows)).toEqual(last.after);
		}
		expect(new Set(bundle.reviews.map((row) => row.id)).size).toBe(bundle.reviews.length);
		// Rows of cards not in the package are not imported.
		expect(bundle.reviews.every((row) => cards.includes(row.card))).toBe(true);
		expect(bundle.reviews).toHaveLength(7 + 1 + 2 + 1 + 1 + 1 + 2 + 2 + 3);
	});

	it('a learning card answered this morning: its state row comes after the answer', () => {
		const [answer, set] = rowsOf(bundle, 'anki-g-rev-0');
		expect(answer).toMatchObject({ grade: 1, kind: 'new', day: TODAY, reviewedAt: TIMES.koreanAgain, durationMs: 12000 });
		expect(set).toMatchObject({ kind: 'set', reviewedAt: TIMES.koreanAgain + 1, previous: answer?.id });
	});

	it('keeps suspended and buried cards so, as of their last change in Anki', () => {
		expect(bundle.progress['anki-g-rev-1']).toEqual({ suspended: true, updatedAt: TIMES.koreanAgain });
		expect(bundle.progress['anki-g-opt2-1']).toEqual({ suspended: false, buriedUntil: TODAY + 1, updatedAt: TIMES.easy });
		expect(bundle.progress['anki-g-opt1-0']).toEqual({ suspended: false, updatedAt: sampleCollection(schema).crt * 1000 });
		expect(Object.keys(bundle.progress).sort()).toEqual([...cardsOf(bundle).keys()].sort());
	});

	it('gives the same bundle when the same file is read again', async () => {
		const again = await read(await buildPackage(samplePackage(schema)));
		expect(again.decks).toEqual(bundle.decks);
		expect(again.reviews).toEqual(bundle.reviews);
		expect(again.progress).toEqual(bundle.progress);
	});
});

describe('Anki packages: layouts and details', () => {
	it('reads collection.anki21 rather than the dummy collection.anki2 beside it', async () => {
		const real = await buildCollection(sampleCollection(11));
		const bytes = zipSync({ 'collection.anki2': await dummyCollection(), 'collection.anki21': real, media: new TextEncoder().encode('{}') });
		const bundle = await read(bytes);
		expect(bundle.decks.map((deck) => deck.name)).toEqual(['Languages', 'Languages::Korean', 'Science']);
	});

	it('reads a .colpkg of the latest format the same as an .apkg', async () => {
		const apkg = await buildPackage(samplePackage(18));
		const bundle = await read(zipSync(unzipSync(apkg)), 'collection.colpkg');
		expect(bundle.decks.flatMap((deck) => deck.cards)).toHaveLength(18);
		expect(bundle.media).toHaveLength(3);
	});

	it('reads a bare collection file (no media: images stay as written, with a warning)', async () => {
		const sql = await loadSql();
		const bytes = await buildCollection(sampleCollection(11));
		const bundle = await readAnkiCollection(bytes, { sql, dayOptions: DAY_OPTIONS, now: NOW, name: 'collection.anki2' });
		expect(bundle.decks.flatMap((deck) => deck.cards)).toHaveLength(18);
		expect(bundle.media).toEqual([]);
		expect(cardsOf(bundle).get('anki-g-image-0')?.front).toBe('<img alt="diagram" src="diagram.png">');
		expect(bundle.warnings.at(-2)?.message).toMatch(/^4 images the cards show are not in the file/);
		// A sound the file does not carry: its tag stays as written, and the card says the sound is not available.
		expect(cardsOf(bundle).get('anki-g-sound-0')?.front).toBe('Listen [sound:hello.mp3]');
		expect(bundle.warnings.at(-1)?.message).toBe('1 sound the cards play is not in the file (hello.mp3): the card says "sound not available" instead.');
		// readAnkiPackage takes a bare collection too.
		expect((await read(bytes, 'collection.anki2')).decks).toEqual(bundle.decks);
	});

	it('an image named in another case than the package’s file is that file when only one is alike; two alike are not guessed between', async () => {
		const collection = oneBasicNote('cased', ['<img src="Diagram.PNG"> <img src="paris.png">', '<img src="Twice.png">']);
		const bundle = await read(await buildPackage({ collection, media: { 'diagram.png': DIAGRAM_PNG, 'paris.png': PARIS_PNG, 'Paris.png': DIAGRAM_PNG, 'twice.png': PARIS_PNG, 'TWICE.png': DIAGRAM_PNG } }));
		const card = cardsOf(bundle).get('anki-cased-0');
		// The exact name first (paris.png, though Paris.png is there too).
		expect(card?.front).toBe(`<img alt="Diagram" src="${DIAGRAM}"> <img alt="paris" src="${PARIS}">`);
		expect(card?.back).toBe('<img alt="Twice" src="Twice.png">');
		expect(bundle.warnings.map((warning) => warning.message)).toEqual(['1 image the cards show is not in the file (Twice.png): it shows as a placeholder.']);
	});

	it('counts a note’s video once, however many of its cards and sides play it', async () => {
		const collection: CollectionSpec = {
			schema: 11,
			crt: 0,
			notetypes: [
				{
					id: 1,
					name: 'Basic (and reversed card)',
					fields: ['Front', 'Back'],
					templates: [
						{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' },
						{ name: 'Card 2', qfmt: '{{Back}}', afmt: '{{FrontSide}}<hr id=answer>{{Front}}' }
					]
				}
			],
			decks: [{ id: 1, name: 'Default' }],
			notes: [{ id: 1, guid: 'heard', mid: 1, fields: ['Watch [sound:a.mp4]', 'hi [sound:a.mp4][sound:b.mkv]'] }],
			cards: [0, 1].map((ord) => ({ id: 1 + ord, nid: 1, did: 1, ord, mod: 0, type: 0, queue: 0, due: 1 }))
		};
		const bundle = await read(await buildPackage({ collection }));
		expect(bundle.decks.flatMap((deck) => deck.cards)).toHaveLength(2);
		expect(bundle.warnings.map((warning) => warning.message)).toEqual(['2 [sound:] files left out: they are not sound (a video, say). Recall plays mp3, ogg, opus, wav, m4a, aac, flac and webm sounds.']);
		expect(bundle.decks.flatMap((deck) => deck.cards).map((card) => card.front)).toEqual(['Watch', 'hi']);
		// The two cards of one note show each other's answers: siblings, which a study day introduces one of.
		expect(bundle.decks.flatMap((deck) => deck.cards).map((card) => card.siblingKeys)).toEqual([['anki:heard'], ['anki:heard']]);
	});

	it('reads the options group of a deck that has its own as the deck’s options, and none for a deck on Default', async () => {
		const collection: CollectionSpec = {
			...oneBasicNote('n1', ['q', 'a']),
			decks: [
				{ id: 1, name: 'Default' },
				{ id: 10, name: 'Japanese::Verbs', conf: 77 },
				{ id: 11, name: 'Japanese::Nouns', conf: 1 }
			],
			// A note in each deck: 食べる in Verbs, 水 in Nouns.
			notes: [['食べる', 'to eat'], ['水', 'water']].map((fields, index) => ({ id: index + 1, guid: `n${index + 1}`, mid: 1, fields })),
			cards: [10, 11].map((did, index) => ({ id: index + 1, nid: index + 1, did, ord: 0, mod: 0, type: 0, queue: 0, due: index + 1 })),
			dconf: {
				1: { id: 1, name: 'Default', new: { perDay: 20, order: 1 }, rev: { perDay: 200 } },
				77: { id: 77, name: 'Verbs', new: { perDay: 35, order: 0, bury: true }, rev: { perDay: 350, bury: false }, lapse: { leechFails: 5, leechAction: 1 } }
			}
		};
		const bundle = await read(await buildPackage({ collection }));
		expect(bundle.decks.map((deck) => deck.id).sort()).toEqual(['anki-japanese-nouns', 'anki-japanese-verbs']);
		expect(bundle.deckOptions).toEqual({
			'anki-japanese-verbs': { newPerDay: 35, reviewsPerDay: 350, newOrder: 'random', buryNewSiblings: true, buryReviewSiblings: false, leechThreshold: 5, leechAction: 'tag' }
		});
	});

	it('reads a schema-18 deck’s options group from the deck_config table, as the same group in dconf reads', async () => {
		// DeckConfig.Config as Anki writes it: floats (fixed32) and packed steps among the fields read, zeros left out.
		const float32 = (field: number, value: number) => {
			const bytes = new Uint8Array(5);
			bytes[0] = field * 8 + 5;
			new DataView(bytes.buffer).setFloat32(1, value, true);
			return bytes;
		};
		const packedSteps = protoMessage([[1, new Uint8Array(new Float32Array([1, 10]).buffer)]]);
		const verbs = new Uint8Array([
			...packedSteps,
			...protoMessage([
				[9, 35],
				[10, 350],
				[20, 1],
				[21, 1],
				[22, 5],
				[27, 1]
			]),
			...float32(11, 2.5),
			...float32(37, 0.9),
			...protoMessage([[255, JSON.stringify({ someAddon: true })]])
		]);
		// A group whose every option is protobuf's zero: no new cards a day, no reviews, suspend leeches at 0 lapses.
		const zeros = new Uint8Array();
		const collection: CollectionSpec = {
			...oneBasicNote('n1', ['q', 'a']),
			schema: 18,
			decks: [
				{ id: 1, name: 'Default' },
				{ id: 10, name: 'Japanese::Verbs', conf: 77 },
				{ id: 11, name: 'Japanese::Nouns', conf: 1 },
				{ id: 12, name: 'Paused', conf: 78 },
				{ id: 13, name: 'Lost', conf: 79 }
			],
			notes: [['食べる', 'to eat'], ['水', 'water'], ['休む', 'to rest'], ['?', '!']].map((fields, index) => ({ id: index + 1, guid: `n${index + 1}`, mid: 1, fields })),
			cards: [10, 11, 12, 13].map((did, index) => ({ id: index + 1, nid: index + 1, did, ord: 0, mod: 0, type: 0, queue: 0, due: index + 1 })),
			// The Default group (1) has options too: a deck on it follows Recall's global settings. No group 79.
			deckConfig: { 1: protoMessage([[9, 99]]), 77: verbs, 78: zeros }
		};
		const bundle = await read(await buildPackage({ collection }));
		expect(bundle.decks.map((deck) => deck.id).sort()).toEqual(['anki-japanese-nouns', 'anki-japanese-verbs', 'anki-lost', 'anki-paused']);
		expect(bundle.deckOptions).toEqual({
			'anki-japanese-verbs': { newPerDay: 35, reviewsPerDay: 350, newOrder: 'random', buryNewSiblings: true, buryReviewSiblings: false, leechThreshold: 5, leechAction: 'tag' },
			'anki-paused': { newPerDay: 0, reviewsPerDay: 0, newOrder: 'note', buryNewSiblings: false, buryReviewSiblings: false, leechThreshold: 0, leechAction: 'suspend' }
		});
	});

	it('reads back the options a Recall deck set itself that Anki kept in a schema-18 group’s other keys, and loses only the options of a damaged group', async () => {
		const recall = protoMessage([
			[9, 20],
			[10, 200],
			[255, JSON.stringify({ recallOptions: { newPerDay: 7, leechAction: 'tag' } })]
		]);
		const collection: CollectionSpec = {
			...oneBasicNote('n1', ['q', 'a']),
			schema: 18,
			decks: [
				{ id: 1, name: 'Default' },
				{ id: 10, name: 'Mine', conf: 77 },
				{ id: 11, name: 'Damaged', conf: 78 }
			],
			notes: [['a', 'b'], ['c', 'd']].map((fields, index) => ({ id: index + 1, guid: `n${index + 1}`, mid: 1, fields })),
			cards: [10, 11].map((did, index) => ({ id: index + 1, nid: index + 1, did, ord: 0, mod: 0, type: 0, queue: 0, due: index + 1 })),
			// A length that runs past the end of the message.
			deckConfig: { 77: recall, 78: new Uint8Array([9 * 8 + 2, 50, 1]) }
		};
		const bundle = await read(await buildPackage({ collection }));
		expect(bundle.decks.flatMap((deck) => deck.cards)).toHaveLength(2);
		expect(bundle.deckOptions).toEqual({ 'anki-mine': { newPerDay: 7, leechAction: 'tag' } });
	});

	it('gives a note of one card no sibling keys', async () => {
		const card = cardsOf(await read(await buildPackage({ collection: oneBasicNote('alone', ['q', 'a']) }))).get('anki-alone-0');
		expect(card?.front).toBe('q');
		expect(card?.siblingKeys).toBeUndefined();
	});

	it('names an image without alt text by its file, escaped; an alt the note has, even an empty one, stays', async () => {
		const collection = oneBasicNote('named', ['<img src="Tom &amp; &quot;Jerry&quot;.png"> <IMG SRC=x.png ALT="given"> <img alt="" src="deco.png">', 'b']);
		const card = cardsOf(await read(await buildPackage({ collection }))).get('anki-named-0');
		expect(card?.front).toBe('<img alt="Tom &amp; &quot;Jerry&quot;" src="Tom &amp; &quot;Jerry&quot;.png"> <IMG SRC=x.png ALT="given"> <img alt="" src="deco.png">');
	});

	it('maps the old scheduler’s three learning buttons: Again 1, Good 4, Easy 5', async () => {
		const spec: CollectionSpec = { ...sampleCollection(11, 1) };
		spec.revlog = [
			{ id: TIMES.learn1, card: 3001, ease: 2, ivl: -600, lastIvl: 0, factor: 0, time: 1000, type: 0 },
			{ id: TIMES.learn2, card: 3001, ease: 3, ivl: 4, lastIvl: -600, factor: 2500, time: 1000, type: 0 },
			{ id: TIMES.review1, card: 3001, ease: 2, ivl: 9, lastIvl: 4, factor: 2350, time: 1000, type: 1 },
			{ id: TIMES.lapse, card: 3001, ease: 1, ivl: -600, lastIvl: 9, factor: 2150, time: 1000, type: 1 },
			{ id: TIMES.relearn, card: 3001, ease: 2, ivl: 1, lastIvl: -600, factor: 2150, time: 1000, type: 2 }
		];
		const bundle = await read(await buildPackage({ collection: spec }));
		expect(rowsOf(bundle, 'anki-g-basic-0').filter(isAnswer).map((row) => row.grade)).toEqual([4, 5, 3, 1, 4]);
	});

	it('keeps the day Recall buried a card until (its custom data) while Anki still has it buried', async () => {
		const spec = sampleCollection(11);
		const buried = (days: number) => JSON.stringify({ cd: JSON.stringify({ buried: days }) });
		const data: Record<number, string> = {
			// Buried until 3 days from now; the day already past (Anki would have unburied it); unburied in Anki since; not Recall's.
			3006: buried(TODAY - DAY_ZERO + 3),
			3003: buried(TODAY - DAY_ZERO),
			3011: buried(TODAY - DAY_ZERO + 3),
			3012: '{"cd":"{\\"buried\\":\\"soon\\"}","pos":7}'
		};
		spec.cards = spec.cards.map((card) => (card.id in data ? { ...card, data: data[card.id], ...(card.id === 3003 || card.id === 3012 ? { queue: -2 } : {}) } : card));
		const bundle = await read(await buildPackage({ collection: spec }));
		expect(bundle.progress['anki-g-opt2-1']?.buriedUntil).toBe(TODAY + 3);
		expect(bundle.progress['anki-g-rev-1']?.buriedUntil).toBe(TODAY + 1);
		expect(bundle.progress['anki-g-nested-1']).toEqual({ suspended: false, updatedAt: CREATED * 1000 });
		expect(bundle.progress['anki-g-sound-0']?.buriedUntil).toBe(TODAY + 1);
	});

	it('names decks whose names slug alike apart', async () => {
		const spec = sampleCollection(11);
		spec.decks = [...spec.decks, { id: 2005, name: 'SCIENCE' }];
		spec.cards = spec.cards.map((card) => (card.id === 3004 ? { ...card, did: 2005 } : card));
		const bundle = await read(await buildPackage({ collection: spec }));
		const ids = bundle.decks.map((deck) => [deck.name, deck.id]);
		expect(ids).toContainEqual(['SCIENCE', 'anki-science']);
		expect(ids.find(([name]) => name === 'Science')?.[1]).toMatch(/^anki-science-[0-9a-z]{6}$/);
	});
});
