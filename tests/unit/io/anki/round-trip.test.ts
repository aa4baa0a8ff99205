import type { SqlValue } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { readAnkiPackage } from '../../../../src/lib/io/anki/import';
import { exportGuid, writeAnkiPackage } from '../../../../src/lib/io/anki/export';
import type { ImportBundle } from '../../../../src/lib/io/bundle';
import { foldRows, isAnswer, type ReviewRow } from '../../../../src/lib/srs/history';
import { changedInAnki } from './helpers';
import { LogWriter, SEOUL, loadSql, makeBundle, makeCard, makeDeck, renderSide } from './export-helpers';

const NOW = Date.parse('2026-11-25T12:00:00+09:00');

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
