import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANKI_COLLECTION_EXTENSIONS, ANKI_PACKAGE_EXTENSIONS, isAnkiFileName, isAnkiSource } from '../../../../src/lib/io/anki/file-names';
import { ACCEPTED_EXTENSIONS } from '../../../../src/lib/io/detect';

const ANKI_EXTENSIONS = [...ANKI_PACKAGE_EXTENSIONS, ...ANKI_COLLECTION_EXTENSIONS];

describe('Anki file names', () => {
	it('are packages (.apkg, .colpkg) and collections of every format (.anki2, .anki21, .anki21b), in any case', () => {
		expect(ANKI_EXTENSIONS).toEqual(['.apkg', '.colpkg', '.anki2', '.anki21', '.anki21b']);
		for (const name of ['Japanese.apkg', 'all.COLPKG', 'collection.anki2', 'collection.anki21', 'collection.Anki21b', ' spaced.apkg ']) expect(isAnkiFileName(name), name).toBe(true);
		for (const name of ['apkg', 'notes.md', 'apkg notes.md', 'collection.anki21c', 'collection.anki', 'deck.apkg.zip']) expect(isAnkiFileName(name), name).toBe(false);
	});

	it('name a card’s source by its file, or by the name the importer gives a file read without one', () => {
		for (const file of ['Japanese.apkg', 'collection.anki21b', 'Anki package', 'Anki collection']) expect(isAnkiSource(file), file).toBe(true);
		for (const file of ['Anki package.md', 'anki package', 'vocab.csv']) expect(isAnkiSource(file), file).toBe(false);
	});

	it('are all accepted by the import page, the share target and the file handler', () => {
		expect(ACCEPTED_EXTENSIONS).toEqual(expect.arrayContaining(ANKI_EXTENSIONS));
		const manifest = JSON.parse(readFileSync(new URL('../../../../static/manifest.webmanifest', import.meta.url), 'utf8'));
		expect(manifest.share_target.params.files[0].accept).toEqual(expect.arrayContaining(ANKI_EXTENSIONS));
		expect(manifest.file_handlers[0].accept['application/octet-stream']).toEqual(ANKI_EXTENSIONS);
	});
});
