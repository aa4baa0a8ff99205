import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ImportBundle } from '../../../../src/lib/io/bundle';
import { readAnkiPackage } from '../../../../src/lib/io/anki/import';
import { writeAnkiPackage } from '../../../../src/lib/io/anki/export';
import { parseBackup, serializeBackup } from '../../../../src/lib/io/backup';
import { deckToDelimited } from '../../../../src/lib/io/delimited';
import { notesToBundle } from '../../../../src/lib/io/markdown-notes';
import { referenceCandidates } from '../../../../src/lib/io/media-names';
import { buildPackage, loadSql, oneBasicNote } from './helpers';
import { NOW, SEOUL, exportAndOpen, openPackage, fieldsOf, renderSide } from './export-helpers';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Not real audio: what is kept is the bytes, whatever they sound like. */
const WORD_MP3 = new Uint8Array([0xff, 0xfb, 0x90, 0x00, 1, 2, 3]);
const OTHER_MP3 = new Uint8Array([0xff, 0xfb, 0x90, 0x00, 9, 9, 9]);
const RAIN_OGG = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2]);

async function read(bytes: Uint8Array, name = 'listening.apkg'): Promise<ImportBundle> {
	return readAnkiPackage(bytes, { sql: await loadSql(), now: NOW, dayOptions: SEOUL, name });
}

const onlyCard = (bundle: ImportBundle) => bundle.decks.flatMap((deck) => deck.cards)[0];

describe('Anki sounds', () => {
	it('keeps the sounds a card plays, by extension, stored under their name and hash; a front of only a sound is a card', async () => {
		const bundle = await read(
			await buildPackage({
				collection: oneBasicNote('listen', ['[sound:word.mp3]', '단어 [sound:rain.ogg] [sound:clip.mp4]']),
				media: { 'word.mp3': WORD_MP3, 'rain.ogg': RAIN_OGG, 'clip.mp4': new Uint8Array([0, 0, 0, 1]), 'unused.mp3': OTHER_MP3 }
			})
		);
		const word = `word.${sha256(WORD_MP3)}.mp3`;
		const rain = `rain.${sha256(RAIN_OGG)}.ogg`;
		expect(onlyCard(bundle)).toMatchObject({ front: `[sound:${word}]`, back: `단어 [sound:${rain}]` });
		// The video is left out with its notice; a file no card plays is not stored.
		expect(bundle.media.map(({ name, type }) => ({ name, type }))).toEqual([
			{ name: word, type: 'audio/mpeg' },
			{ name: rain, type: 'audio/ogg' }
		]);
		expect(bundle.media[0]?.bytes).toEqual(WORD_MP3);
		expect(bundle.warnings.map((warning) => warning.code)).toEqual(['anki-videos']);
	});

	it('says which sounds the package does not carry, as for images, and keeps their tags as written', async () => {
		const bundle = await read(await buildPackage({ collection: oneBasicNote('listen', ['Listen [sound:gone.mp3]', 'x [sound:also gone.wav]']), media: {} }));
		expect(onlyCard(bundle)).toMatchObject({ front: 'Listen [sound:gone.mp3]', back: 'x [sound:also gone.wav]' });
		expect(bundle.warnings.map((warning) => warning.message)).toEqual([
			'2 sounds the cards play are not in the file (gone.mp3, also gone.wav): the card says "sound not available" instead.'
		]);
	});

	it('keeps a % in a sound’s name, as Anki does (a [sound:…] tag is not percent-encoded): stored, played and exported by it', async () => {
		const sql = await loadSql();
		const recall = await read(await buildPackage({ collection: oneBasicNote('listen', ['[sound:100%.mp3]', 'a [sound:a%20b.ogg]']), media: { '100%.mp3': WORD_MP3, 'a%20b.ogg': RAIN_OGG } }));
		const [percent, encoded] = [`100%.${sha256(WORD_MP3)}.mp3`, `a%20b.${sha256(RAIN_OGG)}.ogg`];
		expect(onlyCard(recall)).toMatchObject({ front: `[sound:${percent}]`, back: `a [sound:${encoded}]` });
		expect(recall.media.map((file) => file.name)).toEqual([percent, encoded]);
		// The store is asked for the name as the tag writes it before its decoded spellings (`a b.….ogg`).
		expect(referenceCandidates(encoded)[0]).toBe(encoded);
		const opened = await openPackage(writeAnkiPackage(recall, { sql, now: NOW, dayOptions: SEOUL, renderSide }));
		expect(new Set(Object.values(opened.media))).toEqual(new Set(['100%.mp3', 'a%20b.ogg']));
		expect(fieldsOf(opened.notes[0] as Record<string, string>).join(' | ')).toMatch(/\[sound:100%\.mp3\].*\[sound:a%20b\.ogg\]/);
	});

	it('two packages’ files of one name are two stored files; the same bytes under one name are one', async () => {
		const first = await read(await buildPackage({ collection: oneBasicNote('one', ['[sound:word.mp3]', 'a']), media: { 'word.mp3': WORD_MP3 } }));
		const second = await read(await buildPackage({ collection: oneBasicNote('two', ['[sound:word.mp3]', 'b']), media: { 'word.mp3': OTHER_MP3 } }));
		const again = await read(await buildPackage({ collection: oneBasicNote('one', ['[sound:word.mp3]', 'a']), media: { 'word.mp3': WORD_MP3 } }));
		expect(first.media[0]?.name).not.toBe(second.media[0]?.name);
		expect(again.media[0]?.name).toBe(first.media[0]?.name);
	});

	it('apkg → Recall → apkg: the sound tags are Anki’s names again, with the files’ bytes; and back into Recall, the same cards', async () => {
		const sql = await loadSql();
		const recall = await read(
			await buildPackage({ collection: oneBasicNote('listen', ['[sound:word.mp3]', 'a word [sound:rain.ogg]']), media: { 'word.mp3': WORD_MP3, 'rain.ogg': RAIN_OGG } })
		);
		const exported = writeAnkiPackage(recall, { sql, now: NOW, dayOptions: SEOUL, renderSide });
		const opened = await openPackage(exported);
		expect(fieldsOf(opened.notes[0] as Record<string, string>).join(' | ')).toContain('[sound:word.mp3]');
		expect(fieldsOf(opened.notes[0] as Record<string, string>).join(' | ')).toContain('[sound:rain.ogg]');
		const byName = new Map(Object.entries(opened.media).map(([entry, name]) => [name, opened.files.get(entry)]));
		expect(byName.get('word.mp3')).toEqual(WORD_MP3);
		expect(byName.get('rain.ogg')).toEqual(RAIN_OGG);

		const back = await read(exported, 'Listening.apkg');
		expect(onlyCard(back)).toMatchObject({ id: onlyCard(recall)?.id, front: onlyCard(recall)?.front, back: onlyCard(recall)?.back });
		expect(back.media.map((file) => [file.name, file.bytes])).toEqual(recall.media.map((file) => [file.name, file.bytes]));
	});

	it('two sounds of one name from two packages go to Anki under two names, each tag pointing at its own', async () => {
		const sql = await loadSql();
		const first = await read(await buildPackage({ collection: oneBasicNote('one', ['[sound:word.mp3]', 'a']), media: { 'word.mp3': WORD_MP3 } }));
		const second = await read(await buildPackage({ collection: oneBasicNote('two', ['[sound:word.mp3]', 'b']), media: { 'word.mp3': OTHER_MP3 } }));
		const both: ImportBundle = { ...first, decks: [{ ...(first.decks[0] as ImportBundle['decks'][0]), cards: [...first.decks.flatMap((deck) => deck.cards), ...second.decks.flatMap((deck) => deck.cards)] }], media: [...first.media, ...second.media] };
		const opened = await openPackage(writeAnkiPackage(both, { sql, now: NOW, dayOptions: SEOUL, renderSide }));
		const files = new Map(Object.entries(opened.media).map(([entry, name]) => [name, opened.files.get(entry)]));
		const soundOf = (note: unknown) => /\[sound:([^\]]+)\]/.exec(fieldsOf(note as Record<string, string>)[0] ?? '')?.[1] as string;
		const played = opened.notes.map((note) => files.get(soundOf(note)));
		expect(new Set(opened.notes.map(soundOf))).toEqual(new Set(['word.mp3', 'word-2.mp3']));
		expect(played).toEqual(expect.arrayContaining([WORD_MP3, OTHER_MP3]));
	});

	it('a note’s sound goes to Anki under its file’s name, without the deck and folders Recall stores it under', async () => {
		const note = '# 영단어\n\n- **abandon**: 버리다 ![[audio/abandon.mp3]]\n- **subtle**: 미묘한\n';
		const { bundle } = notesToBundle([
			{ name: '영단어.md', bytes: new TextEncoder().encode(note) },
			{ name: 'abandon.mp3', bytes: WORD_MP3 }
		]);
		expect(bundle.media.map((file) => file.name)).toEqual(['영단어/audio/abandon.mp3']);
		const opened = await exportAndOpen(bundle);
		expect(Object.values(opened.media)).toEqual(['abandon.mp3']);
		expect(opened.notes.map((note) => fieldsOf(note as Record<string, string>)[1])).toEqual([expect.stringContaining('[sound:abandon.mp3]'), '<p>미묘한</p>']);
	});

	it('an apkg export names a sound it has no file of, as it names a missing image', async () => {
		const recall = await read(await buildPackage({ collection: oneBasicNote('listen', ['[sound:word.mp3]', 'a']), media: {} }));
		const { warnings } = await exportAndOpen(recall);
		expect(warnings.map((warning) => warning.message)).toEqual(['The sound "word.mp3" is not among the exported files; Anki will not find it.']);
	});

	it('a backup carries the sounds as it carries images, and a restore keeps the tags and bytes', async () => {
		const recall = await read(await buildPackage({ collection: oneBasicNote('listen', ['[sound:word.mp3]', 'a']), media: { 'word.mp3': WORD_MP3 } }));
		const restored = parseBackup(serializeBackup(recall, NOW));
		expect(onlyCard(restored)?.front).toBe(onlyCard(recall)?.front);
		expect(restored.media).toEqual([{ name: recall.media[0]?.name, type: 'audio/mpeg', bytes: WORD_MP3 }]);
	});

	it('a table for Anki names two sounds of one name as the package does (word.mp3, word-2.mp3), each card its own', async () => {
		const sql = await loadSql();
		const first = await read(await buildPackage({ collection: oneBasicNote('one', ['[sound:word.mp3]', 'a']), media: { 'word.mp3': WORD_MP3 } }));
		const second = await read(await buildPackage({ collection: oneBasicNote('two', ['[sound:word.mp3]', 'b']), media: { 'word.mp3': OTHER_MP3 } }));
		const deck = first.decks[0] as ImportBundle['decks'][0];
		const both: ImportBundle = { ...first, decks: [{ ...deck, cards: [...deck.cards, ...second.decks.flatMap((one) => one.cards)] }], media: [...first.media, ...second.media] };
		const soundByBack = (rows: string[][]) => Object.fromEntries(rows.map(([front = '', back = '']) => [back.replace(/<[^>]+>/g, ''), /\[sound:([^\]]+)\]/.exec(front)?.[1]]));
		const table = deckToDelimited(both, deck.id, '\t', { renderSide }).split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => line.split('\t'));
		expect(soundByBack(table)).toEqual({ a: 'word.mp3', b: 'word-2.mp3' });
		const opened = await openPackage(writeAnkiPackage(both, { sql, now: NOW, dayOptions: SEOUL, renderSide }));
		expect(soundByBack(opened.notes.map((note) => fieldsOf(note as Record<string, string>)))).toEqual(soundByBack(table));
	});

	it('a table for Anki keeps [sound:name] as text, as Anki’s text export does, naming the file as the package does', async () => {
		const recall = await read(await buildPackage({ collection: oneBasicNote('listen', ['[sound:word.mp3]', 'a']), media: { 'word.mp3': WORD_MP3 } }));
		const deck = recall.decks[0]?.id as string;
		const table = deckToDelimited(recall, deck, '\t', { renderSide });
		expect(table).toContain('[sound:word.mp3]');
		expect(table).not.toContain(sha256(WORD_MP3));
	});

	it('a table for Anki names a note’s sounds, a question’s and an answer’s, as the package names their files, not by the deck and folders Recall stores them under', async () => {
		const note = '# 영단어\n\n- **abandon** ![[audio/abandon.mp3]]: 버리다\n- **subtle**: 미묘한 ![[rain.ogg]]\n';
		const { bundle } = notesToBundle([
			{ name: '영단어.md', bytes: new TextEncoder().encode(note) },
			{ name: 'abandon.mp3', bytes: WORD_MP3 },
			{ name: 'rain.ogg', bytes: RAIN_OGG }
		]);
		const [abandon, subtle] = bundle.decks[0]?.cards ?? [];
		expect([abandon?.front, subtle?.back]).toEqual(['abandon\n\n[sound:영단어/audio/abandon.mp3]', '미묘한\n\n[sound:영단어/rain.ogg]']);
		const table = deckToDelimited(bundle, bundle.decks[0]?.id as string, ',', { renderSide });
		const named = [...table.matchAll(/\[sound:([^\]]+)\]/g)].map((match) => match[1]);
		expect(named).toEqual(['abandon.mp3', 'rain.ogg']);
		// The very names the package gives the files, so that Anki plays them from its media folder.
		const opened = await exportAndOpen(bundle);
		expect(new Set(Object.values(opened.media))).toEqual(new Set(named));
	});
});
