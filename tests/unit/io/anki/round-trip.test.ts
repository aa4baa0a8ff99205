import type { SqlValue } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readAnkiPackage } from '../../../../src/lib/io/anki/import';
import { exportGuid, writeAnkiPackage } from '../../../../src/lib/io/anki/export';
import type { ImportBundle } from '../../../../src/lib/io/bundle';
import { foldRows, isAnswer, type ReviewRow } from '../../../../src/lib/srs/history';
import { CLOZE_MODEL_ID } from '../../../../src/lib/io/anki/export-collection';
import type { Card } from '../../../../src/lib/notes/deck-format';
import { draftManualCards } from '../../../../src/lib/notes/manual';
import { changedInAnki } from './helpers';
import { LogWriter, NOW, SEOUL, exportAndOpen, fieldsOf, loadSql, makeBundle, makeCard, makeDeck, renderSide, type Row } from './export-helpers';

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
