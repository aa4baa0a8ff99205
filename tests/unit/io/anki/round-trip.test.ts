import type { SqlValue } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readAnkiPackage } from '../../../../src/lib/io/anki/import';
import { exportGuid, writeAnkiPackage } from '../../../../src/lib/io/anki/export';
import type { ImportBundle } from '../../../../src/lib/io/bundle';
import { foldRows, isAnswer, type ReviewRow } from '../../../../src/lib/srs/history';
import { BASIC_MODEL_ID, BASIC_REVERSED_MODEL_ID, CLOZE_MODEL_ID } from '../../../../src/lib/io/anki/export-collection';
import type { Card } from '../../../../src/lib/notes/deck-format';
import { draftManualCards } from '../../../../src/lib/notes/manual';
import { buildPackage, changedInAnki } from './helpers';
import { LogWriter, NOW, SEOUL, day, exportAndOpen, fieldsOf, loadSql, makeBundle, makeCard, makeDeck, openPackage, renderSide, type Row } from './export-helpers';
import { DAY_OPTIONS, NOW as SAMPLE_NOW, TIMES, samplePackage } from './sample';

function schedules(bundle: ImportBundle): Record<string, ReturnType<typeof foldRows>> {
	const byCard = new Map<string, ReviewRow[]>();
	for (const row of bundle.reviews) byCard.set(row.card, [...(byCard.get(row.card) ?? []), row]);
	return Object.fromEntries(bundle.decks.flatMap((deck) => deck.cards).map((card) => [card.id, foldRows(byCard.get(card.id) ?? [])]));
}

describe('ours → .apkg → ours', () => {
	it('keeps card ids, decks, content, schedules, suspension and every answer', async () => {
		const log = new LogWriter(SEOUL);
		const cards = [
			makeCard('md:region', 'aws-기초', '리전', '데이터 센터의 묶음'),
			makeCard('md:ec2', 'aws-기초', 'EC2', '가상 서버'),
			makeCard('md:new', 'aws-기초', 'S3', '객체 스토리지'),
			makeCard('md:cloze', 'aws-기초', 'AWS는 [...] 리전이 있다', 'AWS는 ==33개== 리전이 있다', { kind: 'cloze', rule: 'cloze' })
		];
		log.answer('md:region', '2026-11-20T09:00:00+09:00', 4, 'new');
		log.answer('md:region', '2026-11-21T09:00:00+09:00', 5, 'review');
		log.answer('md:ec2', '2026-11-24T09:00:00+09:00', 1, 'new');
		log.answer('md:cloze', '2026-11-23T09:00:00+09:00', 4, 'new');
		const ours = makeBundle([makeDeck('aws-기초', 'AWS 기초', cards)], log.rows, {
			progress: { 'md:ec2': { suspended: true, updatedAt: NOW } }
		});

		const sql = await loadSql();
		const bytes = writeAnkiPackage(ours, { sql, now: NOW, dayOptions: SEOUL, renderSide });
		const back = await readAnkiPackage(bytes, { sql, now: NOW, dayOptions: SEOUL, name: 'AWS 기초.apkg' });

		expect(back.decks.map((deck) => [deck.id, deck.name])).toEqual([['aws-기초', 'AWS 기초']]);
		expect(back.decks[0]?.cards.map((card) => card.id).sort()).toEqual(cards.map((card) => card.id).sort());
		const cloze = back.decks[0]?.cards.find((card) => card.id === 'md:cloze');
		expect(cloze?.kind).toBe('cloze');
		expect(cloze?.back).toContain('33개');

		// Every answer comes back (state rows may be added to pin Anki's schedule), and each card's schedule is the same.
		expect(back.reviews.filter(isAnswer)).toHaveLength(log.rows.length);
		expect(schedules(back)).toEqual(schedules(ours));
		expect(back.progress['md:ec2']?.suspended).toBe(true);

		// A second trip changes nothing: the same ids, the same rows.
		const again = await readAnkiPackage(writeAnkiPackage(back, { sql, now: NOW, dayOptions: SEOUL, renderSide }), { sql, now: NOW, dayOptions: SEOUL });
		expect(again.reviews.filter(isAnswer).map((row) => row.id).sort()).toEqual(back.reviews.filter(isAnswer).map((row) => row.id).sort());
		expect(schedules(again)).toEqual(schedules(ours));
	});
});

describe('an image’s size, ours → .apkg → ours', () => {
	it('keeps the width a note gives an image, and the width and height an HTML card’s image has, through both trips', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
		const cards = [
			// `![[seoul.png|300]]` in a note.
			makeCard('md:map', 'maps', 'Seoul', 'The capital', { images: [{ src: 'maps/seoul.png', alt: 'Seoul', width: 300 }] }),
			makeCard('md:plain', 'maps', 'Busan', 'The port', { images: [{ src: 'maps/seoul.png', alt: 'Busan' }] }),
			makeCard('anki:sized', 'maps', 'Which?', '<img src="maps/seoul.png" alt="map" width="240" height="120"> <img alt="small" src="maps/seoul.png" style="width: 180px">', { format: 'html' })
		];
		const ours = makeBundle([makeDeck('maps', 'Maps', cards)], [], { media: [{ name: 'maps/seoul.png', type: 'image/png', bytes: png }] });
		const sql = await loadSql();
		const trip = async (bundle: ImportBundle) =>
			readAnkiPackage(writeAnkiPackage(bundle, { sql, now: NOW, dayOptions: SEOUL, renderSide }), { sql, now: NOW, dayOptions: SEOUL, name: 'Maps.apkg' });
		const back = await trip(ours);
		const again = await trip(back);
		for (const bundle of [back, again]) {
			const [stored] = bundle.media;
			const card = (id: string) => bundle.decks[0]?.cards.find((card) => card.id === id)?.back;
			expect(card('md:map')).toBe(`<p>The capital</p><div><img src="${stored?.name}" alt="Seoul" width="300"></div>`);
			expect(card('md:plain')).toBe(`<p>The port</p><div><img src="${stored?.name}" alt="Busan"></div>`);
			// An HTML card goes as it is: the style stays for Anki, and the screen reads its width (card-html.ts).
			expect(card('anki:sized')).toBe(`<img src="${stored?.name}" alt="map" width="240" height="120"> <img alt="small" src="${stored?.name}" style="width: 180px">`);
		}
	});
});

describe('SM-2 repetitions and a pending same-day repeat, which Anki’s columns cannot hold', () => {
	/** A schedule set outright (imported from elsewhere, 4 successes in a row); one failed and remembered once since; one graded Hard today. */
	function setBundle() {
		const log = new LogWriter(SEOUL);
		const imported = { repetitions: 4, easiness: 2.2, interval: 20, extraReview: false };
		log.set('md:set', '2026-11-10T09:00:00+09:00', imported, day('2026-11-30'));
		log.set('md:relearnt', '2026-11-10T09:00:00+09:00', imported, day('2026-11-20'));
		log.answer('md:relearnt', '2026-11-20T09:00:00+09:00', 1, 'review');
		log.answer('md:relearnt', '2026-11-21T09:00:00+09:00', 4, 'learning');
		log.set('md:hard', '2026-11-10T09:00:00+09:00', imported, day('2026-11-25'));
		log.answer('md:hard', '2026-11-25T09:00:00+09:00', 3, 'review');
		const cards = [makeCard('md:set', 'd', 'set', 'outright'), makeCard('md:relearnt', 'd', 'failed', 'then remembered'), makeCard('md:hard', 'd', 'hard', 'today')];
		return makeBundle([makeDeck('d', 'D', cards)], log.rows);
	}
	const extrasOf = (bundle: ImportBundle) =>
		Object.fromEntries(Object.entries(schedules(bundle)).map(([id, { state }]) => [id, [state.repetitions, state.extraReview]]));

	it('come back as they left, though the card has fewer answers than successes in a row, or fewer than 2, or a repeat pending', async () => {
		const ours = setBundle();
		expect(extrasOf(ours)).toEqual({ 'md:set': [4, false], 'md:relearnt': [1, false], 'md:hard': [5, true] });
		const sql = await loadSql();
		const back = await readAnkiPackage(writeAnkiPackage(ours, { sql, now: NOW, dayOptions: SEOUL, renderSide }), { sql, now: NOW, dayOptions: SEOUL });
		expect(schedules(back)).toEqual(schedules(ours));
		const again = await readAnkiPackage(writeAnkiPackage(back, { sql, now: NOW, dayOptions: SEOUL, renderSide }), { sql, now: NOW, dayOptions: SEOUL });
		expect(schedules(again)).toEqual(schedules(ours));
	});

	it('are Anki’s guess again once the card was answered in Anki since the export', async () => {
		const sql = await loadSql();
		const bytes = writeAnkiPackage(setBundle(), { sql, now: NOW, dayOptions: SEOUL, renderSide });
		// An answer in Anki adds to reps (and moves the card on): the repetitions written beside the old reps are stale.
		const answered = await changedInAnki(bytes, (collection) => collection.run('UPDATE cards SET reps = reps + 1, ivl = ivl * 2'));
		const back = await readAnkiPackage(answered, { sql, now: NOW, dayOptions: SEOUL });
		// max(2, reps − lapses): 'md:set' 1 − 0, 'md:relearnt' 3 − 1, 'md:hard' 2 − 0; no repeat pending.
		expect(extrasOf(back)).toEqual({ 'md:set': [2, false], 'md:relearnt': [2, false], 'md:hard': [2, false] });
	});
});

describe('ours → .apkg → edited in Anki → ours', () => {
	const editedPackage = (bytes: Uint8Array, edit: string, values: SqlValue[]) => changedInAnki(bytes, (collection) => collection.run(edit, values));

	it('tells each card Recall exported as edited in Anki or not, by its note’s fields and tags', async () => {
		const cards = [
			makeCard('md:a', 'd', 'What is **S3**?', '객체 스토리지', { tags: ['aws', 'storage'] }),
			makeCard('md:b', 'd', 'EC2', '가상 서버', { tags: ['aws'] }),
			makeCard('md:c', 'd', 'Region', '데이터 센터의 묶음')
		];
		const sql = await loadSql();
		const bytes = writeAnkiPackage(makeBundle([makeDeck('d', 'D', cards)], []), { sql, now: NOW, dayOptions: SEOUL, renderSide });
		const read = (file: Uint8Array) => readAnkiPackage(file, { sql, now: NOW, dayOptions: SEOUL });
		expect((await read(bytes)).editedSinceExport).toEqual({ 'md:a': false, 'md:b': false, 'md:c': false });

		// Anki rewrites the tags column's order and spacing as it likes: that is no edit.
		const respaced = await editedPackage(bytes, 'UPDATE notes SET tags = ? WHERE guid = ?', ['  storage   aws ', exportGuid('md:a')]);
		expect((await read(respaced)).editedSinceExport?.['md:a']).toBe(false);

		const field = await editedPackage(bytes, "UPDATE notes SET flds = replace(flds, '가상 서버', '가상 서버 (Elastic Compute Cloud)') WHERE guid = ?", [exportGuid('md:b')]);
		const tagged = await editedPackage(bytes, "UPDATE notes SET tags = ' aws compute ' WHERE guid = ?", [exportGuid('md:b')]);
		for (const file of [field, tagged]) expect((await read(file)).editedSinceExport).toEqual({ 'md:a': false, 'md:b': true, 'md:c': false });

		// A package from elsewhere, or from an export before the checksum, says nothing either way.
		const foreign = await editedPackage(bytes, "UPDATE cards SET data = ''", []);
		expect((await read(foreign)).editedSinceExport).toBeUndefined();
	});
});

describe('a cloze sentence → one Anki Cloze note → back', () => {
	const TEXT = '저는 {{c1::학생::직업}}이고 {{c2::서울}}에 살고 {{c3::학교}}에 가요.';
	/** The cards Add cards makes of the text, as the store keeps them. */
	function writtenCards(): Card[] {
		const draft = draftManualCards('cloze', TEXT, '');
		if (!draft.ok) throw new Error('no cloze');
		return draft.cards.map((made, index) =>
			makeCard(`manual:${index + 1}`, 'd', made.front, made.back, { kind: 'cloze', rule: 'manual', source: { file: '', line: 1 }, clozeSource: { id: 'text-1', text: TEXT, slot: made.slot! } })
		);
	}

	it('writes the text as the learner wrote it, each card at its number with its own schedule and history', async () => {
		const cards = writtenCards();
		expect(cards.map((card) => card.clozeSource?.slot)).toEqual(['c1', 'c2', 'c3']);
		const log = new LogWriter(SEOUL);
		log.answer('manual:1', '2026-11-20T09:00:00+09:00', 4, 'new');
		log.answer('manual:1', '2026-11-21T09:00:00+09:00', 5, 'review');
		log.answer('manual:3', '2026-11-24T09:00:00+09:00', 1, 'new');
		const ours = makeBundle([makeDeck('d', 'D', cards)], log.rows);
		const opened = await exportAndOpen(ours);

		expect(opened.notes).toHaveLength(1);
		const [note] = opened.notes;
		expect(note).toMatchObject({ mid: CLOZE_MODEL_ID, guid: 'recall-cloze:manual:1 manual:2 manual:3' });
		expect(fieldsOf(note!)).toEqual([`<p>${TEXT}</p>`, '']);
		const byOrd = [...opened.cards].sort((a, b) => Number(a.ord) - Number(b.ord));
		expect(byOrd.map((card) => [card.nid, card.ord])).toEqual([0, 1, 2].map((ord) => [note!.id, ord]));
		// Each card's own answers, on its own cid; its own scheduling.
		const [c1, c2, c3] = byOrd as [Row, Row, Row];
		expect(opened.revlog.map((row) => row.cid)).toEqual([c1.id, c1.id, c3.id]);
		expect([c1.type, c2.type, c3.type]).toEqual([2, 0, 1]);
		const expected = (card: string) => foldRows(log.rows.filter((row) => row.card === card)).state.interval;
		expect([c1.ivl, c3.ivl]).toEqual([expected('manual:1'), 0]);

		// Back into the app: the same three cards, each once, with its history once.
		const sql = await loadSql();
		const back = await readAnkiPackage(opened.bytes, { sql, now: NOW, dayOptions: SEOUL });
		expect(back.decks[0]?.cards.map((card) => card.id).sort()).toEqual(['manual:1', 'manual:2', 'manual:3']);
		expect(back.reviews.filter(isAnswer).map((row) => [row.card, row.reviewedAt])).toEqual(log.rows.map((row) => [row.card, row.reviewedAt]));
		expect(schedules(back)).toEqual(schedules(ours));
		expect(back.editedSinceExport).toEqual({ 'manual:1': false, 'manual:2': false, 'manual:3': false });
		// Each is editable as the note's text, as Anki keeps it (HTML): one text, each card its number.
		const sources = back.decks[0]!.cards.map((card) => [card.id, card.format, card.clozeSource]).sort();
		expect(sources).toEqual([1, 2, 3].map((n) => [`manual:${n}`, 'html', { id: note!.guid, text: `<p>${TEXT}</p>`, slot: `c${n}` }]));
		// And out again: the same note.
		const again = await exportAndOpen(back);
		expect(again.notes.map((row) => row.guid)).toEqual([note!.guid]);
	});

	it('keeps an Anki note’s cards at their numbers under its guid, and makes one note of a note line’s highlights', async () => {
		const anki = (ord: number, back: string) => makeCard(`anki-G-${ord}`, 'd', 'x', back, { kind: 'cloze', rule: 'imported', format: 'html', source: { file: 'a.apkg', line: 1 } });
		const line = (id: string, front: string, back: string) => makeCard(id, 'd', front, back, { kind: 'cloze', rule: 'emphasis', source: { file: 'n.md', line: 3 } });
		const opened = await exportAndOpen(
			makeBundle([
				makeDeck('d', 'D', [
					anki(0, '<mark>Seoul</mark> is in Korea, in Asia'),
					anki(2, 'Seoul is in Korea, in <mark>Asia</mark>'),
					line('md:a', '[...] and EC2', '==S3== and EC2'),
					line('md:b', 'S3 and [...]', 'S3 and ==EC2==')
				]),
				// A card of the same Anki note moved to another deck: a note of its own, under its own id (guids are unique).
				makeDeck('e', 'E', [{ ...anki(1, 'Seoul is in <mark>Korea</mark>, in Asia'), deck: 'e' }])
			])
		);
		const notes = opened.notes.map((note) => [note.guid, fieldsOf(note)[0], opened.cards.filter((card) => card.nid === note.id).map((card) => card.ord)]);
		expect(notes).toEqual([
			['G', '{{c1::Seoul}} is in Korea, in {{c3::Asia}}', [0, 2]],
			['recall-cloze:md:a md:b', '<p>{{c1::S3}} and {{c2::EC2}}</p>', [0, 1]],
			['recall:anki-G-1', 'Seoul is in {{c1::Korea}}, in Asia', [0]]
		]);
		const back = await readAnkiPackage(opened.bytes, { sql: await loadSql(), now: NOW, dayOptions: SEOUL });
		expect(back.decks.flatMap((deck) => deck.cards.map((card) => card.id)).sort()).toEqual(['anki-G-0', 'anki-G-1', 'anki-G-2', 'md:a', 'md:b']);
	});
});

describe('an Anki package → Recall → .apkg → Recall', () => {
	const options = { now: SAMPLE_NOW, dayOptions: DAY_OPTIONS };
	const cardsOf = (bundle: ImportBundle) => new Map(bundle.decks.flatMap((deck) => deck.cards).map((card) => [card.id, card]));

	it('writes a card and its reverse as one "Basic (and reversed card)" note under its guid, each card with its own schedule and history', async () => {
		const sql = await loadSql();
		const first = await readAnkiPackage(await buildPackage(samplePackage(11)), { sql, ...options, name: 'sample.apkg' });
		const bytes = writeAnkiPackage(first, { sql, ...options, renderSide });
		const opened = await openPackage(bytes);

		const reversed = opened.models[BASIC_REVERSED_MODEL_ID]!;
		expect(reversed).toMatchObject({ name: 'Basic (and reversed card)', type: 0, sortf: 0 });
		expect(reversed.flds.map((field) => [field.name, field.ord])).toEqual([['Front', 0], ['Back', 1]]);
		expect(reversed.tmpls.map((template) => [template.ord, template.qfmt])).toEqual([[0, '{{Front}}'], [1, '{{Back}}']]);
		expect(reversed.tmpls[1]?.afmt).toBe('{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}');
		expect(reversed.req).toEqual([[0, 'any', [0]], [1, 'any', [1]]]);

		const noteOf = (guid: string) => opened.notes.find((note) => note.guid === guid);
		const cardsOfNote = (guid: string) => opened.cards.filter((card) => card.nid === noteOf(guid)?.id).sort((a, b) => Number(a.ord) - Number(b.ord));
		// Basic (and reversed card), and Basic (optional reversed card) with its reverse: one note each, both cards under it.
		for (const [guid, fields] of [['g-rev', ['안녕하세요', 'hello']], ['g-opt2', ['both ways', 'reversed']]] as const) {
			expect(noteOf(guid)).toMatchObject({ mid: BASIC_REVERSED_MODEL_ID });
			expect(fieldsOf(noteOf(guid)!)).toEqual(fields);
			expect(cardsOfNote(guid).map((card) => card.ord)).toEqual([0, 1]);
		}
		// No note is made of one card of the pair any more.
		expect(opened.notes.map((note) => note.guid)).not.toContain('recall:anki-g-rev-1');
		expect(opened.notes.filter((note) => String(note.guid).includes('g-rev'))).toHaveLength(1);
		// The one-way note stays Basic; a cloze note of two numbers in one deck is one note.
		expect(noteOf('g-opt1')).toMatchObject({ mid: BASIC_MODEL_ID });
		expect(noteOf('g-cloze')).toMatchObject({ mid: CLOZE_MODEL_ID });
		expect(cardsOfNote('g-cloze').map((card) => card.ord)).toEqual([0, 1]);
		// Each card its own schedule: g-rev's card 1 learning, card 2 new and suspended; g-opt2's card 2 a buried review.
		const [revForward, revBackward] = cardsOfNote('g-rev');
		expect([revForward?.type, revForward?.queue, revBackward?.type, revBackward?.queue]).toEqual([1, 1, 0, -1]);
		const [optForward, optBackward] = cardsOfNote('g-opt2');
		expect([optForward?.type, optBackward?.type, optBackward?.ivl]).toEqual([0, 2, 10]);
		// The review history goes with its own card.
		expect(opened.revlog.filter((row) => row.cid === revForward?.id)[0]).toMatchObject({ id: TIMES.koreanAgain, ease: 1 });
		expect(opened.revlog.filter((row) => row.cid === revBackward?.id).map((row) => row.id)).not.toContain(TIMES.koreanAgain);
		// Every note's fields fit its note type, every card its template.
		for (const note of opened.notes) expect(fieldsOf(note)).toHaveLength(opened.models[String(note.mid)]!.flds.length);
		for (const card of opened.cards) {
			const note = opened.notes.find((row) => row.id === card.nid)!;
			const model = opened.models[String(note.mid)]!;
			if (model.type === 0) expect(Number(card.ord)).toBeLessThan(model.tmpls.length);
		}
	});

	it('comes back as the same cards, siblings, schedules and history', async () => {
		const sql = await loadSql();
		const first = await readAnkiPackage(await buildPackage(samplePackage(11)), { sql, ...options, name: 'sample.apkg' });
		const again = await readAnkiPackage(writeAnkiPackage(first, { sql, ...options, renderSide }), { sql, ...options, name: 'sample (again).apkg' });

		const before = cardsOf(first);
		const after = cardsOf(again);
		expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
		for (const id of ['anki-g-rev-0', 'anki-g-rev-1', 'anki-g-opt2-0', 'anki-g-opt2-1']) {
			expect(after.get(id)).toMatchObject({ kind: 'basic', front: before.get(id)?.front, back: before.get(id)?.back });
		}
		expect(after.get('anki-g-rev-0')?.siblingKeys).toEqual(['anki:g-rev']);
		expect(after.get('anki-g-rev-1')?.siblingKeys).toEqual(['anki:g-rev']);
		expect(after.get('anki-g-opt2-1')?.siblingKeys).toEqual(['anki:g-opt2']);
		// Every card's schedule, the filtered deck's cloze card's four successes in a row among them (Anki's columns cannot hold them).
		expect(schedules(again)).toEqual(schedules(first));
		expect(schedules(again)['anki-g-cloze-0']?.state.repetitions).toBe(4);
		// Every answer, on its card, button and study day. Where two rows share a millisecond the export moves the later one
		// up by 1 ms (revlog ids are unique): here an answer of g-basic sharing its time with three other cards' schedules.
		const answers = (bundle: ImportBundle) => bundle.reviews.filter(isAnswer).sort((a, b) => a.card.localeCompare(b.card) || a.reviewedAt - b.reviewedAt);
		const [answersBefore, answersAfter] = [answers(first), answers(again)];
		expect(answersAfter.map((row) => [row.card, row.grade, row.day])).toEqual(answersBefore.map((row) => [row.card, row.grade, row.day]));
		const shifts = answersAfter.map((row, index) => row.reviewedAt - answersBefore[index]!.reviewedAt);
		expect(shifts.filter((shift) => shift !== 0)).toEqual([3, 1]);
		expect(again.progress['anki-g-rev-1']?.suspended).toBe(true);
		expect(again.progress['anki-g-opt2-1']?.buriedUntil).toBe(first.progress['anki-g-opt2-1']?.buriedUntil);
	});

	it('makes one note of the cards written "Basic, both ways", and they come back as siblings', async () => {
		const sql = await loadSql();
		const [forward, reverse] = [
			makeCard('manual:f', 'own', '**물**', 'water', { rule: 'manual', siblingKeys: ['both:k'], source: { file: '', line: 1 } }),
			makeCard('manual:r', 'own', 'water', '**물**', { rule: 'manual', siblingKeys: ['both:k'], source: { file: '', line: 1 } })
		];
		// The reverse answered once: its history is its own.
		const log = new LogWriter(SEOUL);
		log.answer('manual:r', '2026-11-20T09:00:00+09:00', 4, 'new');
		const ours = makeBundle([makeDeck('own', 'Own', [forward, reverse, makeCard('manual:x', 'own', 'one way', 'only', { rule: 'manual' })])], log.rows);
		const opened = await exportAndOpen(ours);
		expect(opened.notes.map((note) => [note.guid, note.mid])).toEqual([
			['recall-cloze:manual:f manual:r', BASIC_REVERSED_MODEL_ID],
			['recall:manual:x', BASIC_MODEL_ID]
		]);
		expect(fieldsOf(opened.notes[0]!)).toEqual(['<p>**물**</p>', '<p>water</p>']);
		const reverseCard = opened.cards.find((card) => card.ord === 1)!;
		expect(opened.revlog.map((row) => row.cid)).toEqual([reverseCard.id]);

		const back = await readAnkiPackage(opened.bytes, { sql, now: NOW, dayOptions: SEOUL });
		const cards = cardsOf(back);
		expect([...cards.keys()].sort()).toEqual(['manual:f', 'manual:r', 'manual:x']);
		expect(cards.get('manual:f')?.siblingKeys).toEqual(cards.get('manual:r')?.siblingKeys);
		expect(cards.get('manual:f')?.siblingKeys).toHaveLength(1);
		expect(schedules(back)['manual:r']).toEqual(schedules(ours)['manual:r']);
		// And out again: the same note, under the same guid.
		const twice = await exportAndOpen(back);
		expect(twice.notes.map((note) => [note.guid, note.mid])).toEqual([
			['recall-cloze:manual:f manual:r', BASIC_REVERSED_MODEL_ID],
			['recall:manual:x', BASIC_MODEL_ID]
		]);
	});

	it('keeps a card and its reverse apart when one was edited, or when more cards share their key', async () => {
		const pair = (id: string, front: string, back: string, key: string) => makeCard(id, 'd', front, back, { rule: 'manual', siblingKeys: [key] });
		const opened = await exportAndOpen(
			makeBundle([
				makeDeck('d', 'D', [pair('a', 'one', 'two', 'both:1'), pair('b', 'two', 'one (edited)', 'both:1'), pair('c', 'x', 'y', 'line:2'), pair('d', 'y', 'x', 'line:2'), pair('e', 'x', 'z', 'line:2')])
			])
		);
		expect(opened.notes.every((note) => note.mid === BASIC_MODEL_ID)).toBe(true);
		expect(opened.notes).toHaveLength(5);
	});
});
