import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/lib/io/bundle';
import { readAnkiCollection, readAnkiPackage } from '../../../src/lib/io/anki/import';
import { say } from '../../../src/lib/io/notices';
import { ankiNotices } from '../../../src/lib/io/notices/anki';
import { importNoticeText } from '../../../src/lib/i18n/notices';
import { buildCollection, buildPackage, loadSql } from '../io/anki/helpers';
import { DAY_OPTIONS, NOW, sampleCollection, samplePackage } from '../io/anki/sample';
import { exportAndOpen, makeBundle, makeCard, makeDeck } from '../io/anki/export-helpers';
import type { AnyNotice } from '../../../src/lib/i18n/notice';
import { expectKorean as expectKoreanSaying, itSaysEverySample, type Samples } from './notice-samples';

/** Values for every code: a code without one does not compile. */
const samples: Samples<typeof ankiNotices> = {
	'anki-empty': [{ name: 'deck.apkg', file: 'package' }],
	'anki-no-collection': [{ name: 'notes.zip' }],
	'anki-too-large': [],
	'anki-undecompressable': [{ part: 'media list', reason: 'invalid zstd data' }],
	'anki-not-sqlite': [],
	'anki-needs-sql-engine': [],
	'anki-damaged': [{ reason: 'database disk image is malformed' }],
	'anki-damaged-json': [{ part: 'note types' }],
	'anki-missing-table': [{ table: 'revlog' }],
	'anki-no-settings': [],
	'anki-no-notetypes': [],
	'anki-schema-too-new': [{ schema: 250, max: 18 }],
	'anki-schema-too-old': [{ schema: 10, min: 11, max: 18 }],
	'anki-media-list-damaged': [],
	'anki-cards-without-notetype': [{ count: 3 }],
	'anki-image-occlusion': [{ count: 1 }],
	'anki-cards-without-template': [{ count: 2 }],
	'anki-cloze-without-deletion': [{ count: 4 }],
	'anki-empty-front': [{ count: 5 }],
	'anki-duplicate-guid': [{ count: 6 }],
	'anki-videos': [{ count: 7 }],
	'anki-missing-sounds': [{ count: 7, shown: ['a.mp3', 'b.ogg'] }],
	'anki-missing-fields': [{ notetype: 'Vocabulary', fields: ['Reading', 'Audio'] }],
	'anki-missing-images': [{ count: 8, shown: ['a.png', 'b.png', 'c.png', 'd.png', 'e.png'] }],
	'anki-export-deck-renamed': [{ deck: '한국어', renamed: '한국어 (2)' }],
	'anki-export-file-twice': [{ name: 'paris.png' }],
	'anki-export-card-twice': [{ card: 'The capital of France' }],
	'anki-export-orphan-reviews': [{ count: 12 }],
	'anki-export-cloze-as-basic': [{ card: 'Fill [...] in' }],
	'anki-export-image-missing': [{ src: 'nowhere.gif' }],
	'anki-export-sound-missing': [{ name: 'nowhere.mp3' }]
};

/** Values the Korean words in its own way (an enumeration), rather than quoting as they are. */
const worded = new Set(['file', 'part']);
const expectKorean = (notice: AnyNotice) => expectKoreanSaying(notice, worded);

describe('Anki notices', () => {
	itSaysEverySample(ankiNotices, samples, worded);

	it('says what is empty when the file has no name', () => {
		expect(say('anki-empty', { file: 'collection' }).message).toBe('The Anki collection is empty (0 bytes).');
		expect(expectKorean(say('anki-empty', { file: 'collection' }))).toBe('Anki 컬렉션이 비어 있습니다(0바이트).');
		expect(expectKorean(say('anki-empty', { file: 'package' }))).toBe('Anki 패키지가 비어 있습니다(0바이트).');
		expect(expectKorean(say('anki-no-collection', {}))).toContain('이 파일에는');
	});

	it('counts in English, one and many', () => {
		expect(say('anki-videos', { count: 1 }).message).toBe('1 [sound:] file left out: it is not sound (a video, say). Recall plays mp3, ogg, opus, wav, m4a, aac, flac and webm sounds.');
		expect(say('anki-missing-sounds', { count: 3, shown: ['a.mp3'] }).message).toBe('3 sounds the cards play are not in the file (a.mp3 and 2 more): the card says "sound not available" instead.');
		expect(say('anki-missing-images', { count: 1, shown: ['x.png'] }).message).toBe('1 image the cards show is not in the file (x.png): it shows as a placeholder.');
		expect(say('anki-missing-images', { count: 7, shown: ['1', '2', '3', '4', '5'] }).message).toBe(
			'7 images the cards show are not in the file (1, 2, 3, 4, 5 and 2 more): they show as a placeholder.'
		);
		expect(importNoticeText('ko', say('anki-missing-images', { count: 7, shown: ['1', '2', '3', '4', '5'] }))).toContain('(1, 2, 3, 4, 5 외 2개)');
		expect(say('anki-export-orphan-reviews', { count: 2 }).message).toBe('2 review log rows belong to cards that are not exported; they were left out.');
	});

	it('names what one card left out lacks as its own', () => {
		expect(say('anki-cards-without-notetype', { count: 1 }).message).toBe('1 card left out: its note type is missing from the collection.');
		expect(say('anki-cards-without-notetype', { count: 3 }).message).toBe('3 cards left out: their note type is missing from the collection.');
		expect(say('anki-image-occlusion', { count: 1 }).message).toBe('1 Image Occlusion card left out: Recall cannot draw its masks.');
		expect(say('anki-image-occlusion', { count: 2 }).message).toBe('2 Image Occlusion cards left out: Recall cannot draw their masks.');
		expect(say('anki-cards-without-template', { count: 1 }).message).toBe('1 card left out: its card template is missing from the note type.');
		expect(say('anki-cards-without-template', { count: 2 }).message).toBe('2 cards left out: their card template is missing from the note type.');
	});
});

describe('Anki refusals and warnings from the real importer and exporter, in Korean', () => {
	async function refusal(read: Promise<unknown>): Promise<ImportError> {
		try {
			await read;
		} catch (error) {
			expect(error).toBeInstanceOf(ImportError);
			return error as ImportError;
		}
		throw new Error('the file was not refused');
	}
	const options = async () => ({ sql: await loadSql(), dayOptions: DAY_OPTIONS, now: NOW, name: '단어장.apkg' });

	it('an empty file', async () => {
		const error = await refusal(readAnkiPackage(new Uint8Array(), await options()));
		expect(error.notice.code).toBe('anki-empty');
		expect(error.message).toBe('“단어장.apkg” is empty (0 bytes).');
		expect(expectKorean(error.notice)).toBe('“단어장.apkg” 파일이 비어 있습니다(0바이트).');
	});

	it('a zip without a collection', async () => {
		const error = await refusal(readAnkiPackage(zipSync({ 'notes.txt': new TextEncoder().encode('hello') }), await options()));
		expect(error.notice.code).toBe('anki-no-collection');
		expect(expectKorean(error.notice)).toContain('Anki 패키지가 아닙니다');
	});

	it('a collection of a schema newer than Recall reads: the schemas are values', async () => {
		const error = await refusal(readAnkiCollection(await buildCollection(sampleCollection(250)), await options()));
		expect(error.notice).toMatchObject({ code: 'anki-schema-too-new', values: { schema: 250, max: 18 } });
		expect(expectKorean(error.notice)).toContain('스키마 250');
	});

	it('damaged SQLite: the library’s reason is kept as it is', async () => {
		const good = await buildCollection(sampleCollection(11));
		const damaged = await refusal(readAnkiPackage(zipSync({ 'collection.anki2': good.subarray(0, 2048) }), await options()));
		expect(damaged.notice.code).toBe('anki-damaged');
		const { reason } = damaged.notice.values as { reason: string };
		expect(reason).not.toBe('');
		expect(expectKorean(damaged.notice)).toBe(`Anki 컬렉션이 손상되어 읽을 수 없습니다(${reason}).`);
	});

	it('a missing table', async () => {
		const withoutCards = await buildCollection({ ...sampleCollection(11), without: ['cards'] });
		const error = await refusal(readAnkiPackage(zipSync({ 'collection.anki2': withoutCards }), await options()));
		expect(error.notice).toMatchObject({ code: 'anki-missing-table', values: { table: 'cards' } });
		expect(expectKorean(error.notice)).toBe('이 Anki 컬렉션은 완전하지 않습니다. cards 테이블이 없습니다.');
	});

	it('what a package leaves out, as notices with counts', async () => {
		const bundle = await readAnkiPackage(await buildPackage(samplePackage(11)), await options());
		expect(bundle.warnings.map((warning) => warning.code)).toEqual(['anki-cloze-without-deletion', 'anki-empty-front', 'anki-missing-images']);
		expect(bundle.warnings.map((warning) => importNoticeText('ko', warning))).toEqual([
			'빈칸 카드 1장을 가져오지 않았습니다. 노트에 카드 번호에 해당하는 빈칸이 없습니다.',
			'카드 1장을 가져오지 않았습니다. 앞면이 비어 있게 됩니다.',
			'카드에 나오는 이미지 1개가 파일에 없습니다(missing.png). 대신 자리 표시가 보입니다.'
		]);
	});

	it('what the .apkg export could not carry, as notices', async () => {
		const cards = [makeCard('a', 'd', 'Fill [...] in', 'Fill it in', { kind: 'cloze', rule: 'emphasis' })];
		const opened = await exportAndOpen(makeBundle([makeDeck('d', 'D', cards)]));
		expect(opened.warnings.map((warning) => warning.code)).toEqual(['anki-export-cloze-as-basic']);
		expect(expectKorean(opened.warnings[0]!)).toBe('빈칸 카드 “Fill [...] in”에는 Anki가 읽을 수 있는 빈칸이 없어 Basic 카드로 내보냅니다.');
	});
});
