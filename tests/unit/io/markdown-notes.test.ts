import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { notesToBundle } from '../../../src/lib/io/markdown-notes';
import { deckFileSchema } from '../../../src/lib/notes/deck-format';
import { MAX_NOTE_BYTES } from '../../../src/lib/notes/decode';
import { generateDeck } from '../../../src/lib/notes/generate';
import { refusal } from './refusal';
import { importNoticeText } from '../../../src/lib/i18n/notices';

const utf8 = (text: string) => new TextEncoder().encode(text);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const AWS = `# AWS 기초

## 기본 개념

- **리전**: AWS 서비스가 운영되는 지역
- **가용 영역**: 하나 이상의 데이터 센터

![지도](img/regions.png)
`;
const SQL = `---
deck: SQL
tags: [db]
---

## Joins

INNER JOIN::rows that match in both tables
LEFT JOIN::every row of the left table
`;

function zip(files: Record<string, Uint8Array | string>): Uint8Array {
	return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? utf8(data) : data])));
}

describe('notesToBundle', () => {
	it('makes one note into the deck the built-in generator makes', () => {
		const { bundle, reports, skipped } = notesToBundle([{ name: 'AWS-기초.md', bytes: utf8(AWS) }]);
		expect(bundle).toMatchObject({ source: 'markdown', name: 'AWS-기초.md', media: [], reviews: [], progress: {} });
		expect(bundle.decks).toEqual([generateDeck(AWS, { file: 'AWS-기초.md' }).deck]);
		expect(bundle.decks[0]!.name).toBe('AWS 기초');
		expect(reports.map((report) => [report.file, report.deck, report.cards])).toEqual([['AWS-기초.md', 'AWS 기초', bundle.decks[0]!.cards.length]]);
		expect(skipped).toEqual([]);
		// The image is not among the files: said, and left as it was.
		expect(bundle.warnings.map((warning) => warning.message)).toEqual([
			'AWS-기초.md: the image "img/regions.png" is not among the imported files; cards show the alt text instead (choose the images together with the note, or import the notes folder as a .zip, to bring them along).'
		]);
		expect(deckFileSchema.parse({ format: 'recall-deck', version: 1, decks: bundle.decks }).decks).toHaveLength(1);
	});

	it('names a missing image in its warning as the note writes it, not percent-encoded', () => {
		const { bundle } = notesToBundle([{ name: '문법.md', bytes: utf8('## 그림\n\n- 하나\n- 둘 ![그림](img/한글그림.png) ![표](100%.png)\n') }]);
		expect(bundle.decks[0]?.cards[0]?.images.map((image) => image.src)).toEqual(['img/%ED%95%9C%EA%B8%80%EA%B7%B8%EB%A6%BC.png', '100%25.png']);
		expect(bundle.warnings.map((warning) => warning.message)).toEqual([
			'문법.md: the images "img/한글그림.png", "100%.png" are not among the imported files; cards show the alt text instead (choose the images together with the note, or import the notes folder as a .zip, to bring them along).'
		]);
	});

	it('reads many files, images beside them included', () => {
		const note = '# Pics\n\n- **cat**: a small animal ![cat](cat.png)\n';
		const { bundle, reports } = notesToBundle([
			{ name: 'sql.markdown', bytes: utf8(SQL) },
			{ name: 'pics.txt', bytes: utf8(note) },
			{ name: 'cat.png', bytes: PNG }
		]);
		expect(bundle.decks.map((deck) => [deck.name, deck.cards.length])).toEqual([
			['SQL', 2],
			['Pics', 1]
		]);
		expect(reports.map((report) => report.file)).toEqual(['sql.markdown', 'pics.txt']);
		expect(bundle.decks[0]!.cards[0]!.tags).toEqual(['db']);
		expect(bundle.media).toEqual([{ name: 'pics/cat.png', type: 'image/png', bytes: PNG }]);
		expect(bundle.decks[1]!.cards[0]!.images).toEqual([{ src: 'pics/cat.png', alt: 'cat' }]);
		expect(bundle.warnings.map((warning) => warning.message)).toEqual([]);
	});

	it('brings the images an Obsidian note embeds (`![[file]]`) as it brings those of `![](file)`', () => {
		const note = '# 세포\n\n- **핵**: 유전 정보를 담는다 ![[세포 핵.png|300]]\n- **막**: 경계 ![](막.png)\n';
		const { bundle } = notesToBundle([
			{ name: '세포.md', bytes: utf8(note) },
			{ name: '세포 핵.png', bytes: PNG },
			{ name: '막.png', bytes: PNG }
		]);
		expect(bundle.media.map((file) => file.name)).toEqual(['세포/세포 핵.png', '세포/막.png']);
		expect(bundle.decks[0]!.cards.map((card) => [card.front, card.back, card.images])).toEqual([
			['핵', '유전 정보를 담는다', [{ src: '세포/세포 핵.png', alt: '', width: 300 }]],
			['막', '경계', [{ src: '세포/막.png', alt: '' }]]
		]);
		expect(bundle.warnings).toEqual([]);
	});

	it('finds an image named alone in a vault’s zip wherever it is, as Obsidian does (its attachments folder); a path stays a path', () => {
		const note = '# 세포\n\n- **핵**: 유전 정보 ![[핵.png]]\n- **막**: 경계 ![](막.png)\n- **벽**: 식물만 ![](img/벽.png)\n- **액포**: 저장 ![[액포.png]]\n';
		const archive = zip({
			'vault/생물/세포.md': note,
			'vault/attachments/핵.png': PNG,
			'vault/attachments/막.png': PNG,
			'vault/attachments/벽.png': PNG,
			'vault/a/액포.png': PNG,
			'vault/b/액포.png': PNG
		});
		const { bundle } = notesToBundle([{ name: 'vault.zip', bytes: archive }]);
		expect(bundle.decks[0]!.cards.map((card) => [card.front, card.images.map((image) => image.src)])).toEqual([
			['핵', ['세포/생물/핵.png']],
			['막', ['세포/생물/막.png']],
			// A path is the path from the note: not there, not found.
			['벽', [encodeURI('img/벽.png')]],
			// Two of that name: which one is not for the app to guess.
			['액포', [encodeURI('액포.png')]]
		]);
		expect(bundle.warnings.map((warning) => warning.message)).toEqual([
			expect.stringContaining('액포.png'),
			expect.stringContaining('img/벽.png')
		]);
	});

	it('reads a zip of a notes folder: subfolders, images by relative path, no Mac or hidden files', () => {
		const archive = zip({
			'notes/AWS-기초.md': AWS,
			'notes/img/regions.png': PNG,
			'notes/db/sql.md': SQL.replace('## Joins', '## Joins\n\n![diagram](../img/joins.png)\n\n![web](https://example.com/x.png)'),
			'notes/img/joins.png': PNG,
			'notes/report.pdf': '%PDF-1.4',
			'notes/.obsidian/workspace.md': '# not a note',
			'__MACOSX/notes/._AWS-기초.md': new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0])
		});
		const { bundle, reports } = notesToBundle([{ name: 'notes.zip', bytes: archive }]);
		expect(reports.map((report) => report.file)).toEqual(['AWS-기초.md', 'db/sql.md']);
		expect(bundle.decks.map((deck) => deck.id)).toEqual(['aws-기초', 'sql']);
		expect(bundle.decks[0]!.cards[0]!.source.file).toBe('AWS-기초.md');
		expect(bundle.media.map((file) => [file.name, file.type])).toEqual([
			['aws-기초/img/regions.png', 'image/png'],
			['sql/img/joins.png', 'image/png']
		]);
		const images = bundle.decks.flatMap((deck) => deck.cards.flatMap((card) => card.images));
		expect(images).toEqual([
			{ src: 'aws-기초/img/regions.png', alt: '지도' },
			{ src: 'sql/img/joins.png', alt: 'diagram' },
			{ src: 'https://example.com/x.png', alt: 'web' }
		]);
		expect(bundle.warnings.map((warning) => warning.message)).toEqual(['“notes.zip”: 1 file that is not a note, an image or a sound was left out.']);
	});

	it("includes each note's warnings, with its file and line", () => {
		const { bundle } = notesToBundle([{ name: 'a.md', bytes: utf8('## Q\n\nx::y\nx::y\n') }]);
		expect(bundle.warnings).toHaveLength(1);
		expect(bundle.warnings[0]?.message).toMatch(/^a\.md, line 4: another card above asks "x"/);
	});

	it('refuses an archive that expands past the limit before inflating it', () => {
		const archive = zip({ 'notes/a.md': SQL, 'notes/big.md': new Uint8Array(64 * 1024) });
		expect(() => notesToBundle([{ name: 'notes.zip', bytes: archive }], { zipLimits: { maxBytes: 32 * 1024 } })).toThrow(
			/^“notes\.zip”: This archive expands to more than/
		);
		// A zip bomb: a small archive whose directory declares 3 GB.
		const bomb = zip({ 'a.md': SQL });
		const view = new DataView(bomb.buffer);
		for (let at = 0; at < bomb.length - 4; at++) {
			if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xc0000000, true);
		}
		expect(() => notesToBundle([{ name: 'bomb.zip', bytes: bomb }])).toThrow(/^“bomb\.zip”: This archive expands to more than 512 MB/);
	});

	it('refuses a truncated archive, naming it', () => {
		const archive = zip({ 'a.md': SQL, 'b.md': AWS });
		expect(() => notesToBundle([{ name: 'notes.zip', bytes: archive.subarray(0, archive.length - 30) }])).toThrow(
			/^“notes\.zip”: The zip archive is damaged or incomplete/
		);
		expect(() => notesToBundle([{ name: 'fake.zip', bytes: utf8('not a zip') }])).toThrow(/^“fake\.zip”: This file is not a zip archive/);
	});

	it('refuses an archive without notes', () => {
		const error = refusal(() => notesToBundle([{ name: 'pics.zip', bytes: zip({ 'a.png': PNG, 'b.pdf': '%PDF' }) }]));
		expect(error.message).toBe('“pics.zip” holds no notes (.md, .markdown or .txt files).');
		expect(error.notice.code).toBe('notes-zip-without-notes');
	});

	it('refuses the whole import for one bad file among good ones, naming every bad file', () => {
		const good = { name: 'sql.md', bytes: utf8(SQL) };
		expect(refusal(() => notesToBundle([good, { name: 'slides.pdf', bytes: utf8('%PDF') }])).message).toBe(
			'“slides.pdf” is not a note or a zip of notes (Recall reads .md, .markdown, .txt and .zip files).'
		);
		const both = refusal(() =>
			notesToBundle([good, { name: 'image.md', bytes: PNG }, { name: 'bad.txt', bytes: new Uint8Array([0x41, 0xff, 0xfe, 0x42]) }])
		);
		expect(both.message).toBe(
			'2 files cannot be imported: image.md is not a text file (it contains binary data). bad.txt is not UTF-8 text (save it as UTF-8 and try again).'
		);
		expect(both.notice.code).toBe('notes-files-refused');
		const huge = new Uint8Array(MAX_NOTE_BYTES + 1);
		expect(() => notesToBundle([good, { name: 'huge.md', bytes: huge }])).toThrow(/^huge\.md is too large for a note \(32\.0 MB; the limit is 32 MB\)\.$/);
	});

	it('skips bad files when asked, saying so', () => {
		const { bundle, skipped } = notesToBundle(
			[
				{ name: 'sql.md', bytes: utf8(SQL) },
				{ name: 'image.md', bytes: PNG }
			],
			{ skipUnreadable: true }
		);
		expect(bundle.decks.map((deck) => deck.name)).toEqual(['SQL']);
		expect(skipped.map(({ file, notice }) => [file, notice.message])).toEqual([['image.md', 'image.md is not a text file (it contains binary data).']]);
		expect(bundle.warnings.map((warning) => warning.message)).toContain('Skipped: image.md is not a text file (it contains binary data).');
		// No note was read: what makes cards is not the matter.
		expect(() => notesToBundle([{ name: 'image.md', bytes: PNG }], { skipUnreadable: true })).toThrow(/^No cards could be made from these files\. image\.md is not a text file/);
	});

	it('refuses two notes that make the same deck, naming both, when no folder tells them apart', () => {
		const error = refusal(() =>
			notesToBundle([
				{ name: 'a/sql.md', bytes: utf8(SQL) },
				{ name: 'a/sql-copy.md', bytes: utf8(SQL) }
			])
		);
		expect(error.message).toBe(
			'a/sql.md and a/sql-copy.md both make the deck "SQL"; give one of them another name (a "deck:" line in its front matter, or another first heading).'
		);
		expect(error.notice.code).toBe('notes-same-deck');
	});

	it('adds no deck for a note without cards, and refuses an import without any', () => {
		const { bundle } = notesToBundle([
			{ name: 'empty.md', bytes: utf8('') },
			{ name: 'sql.md', bytes: utf8(SQL) }
		]);
		expect(bundle.decks.map((deck) => deck.name)).toEqual(['SQL']);
		expect(bundle.warnings.map((warning) => warning.message)).toEqual(['empty.md: the note is empty.']);
		// What makes cards is said, for a note that was read.
		expect(refusal(() => notesToBundle([{ name: 'empty.md', bytes: utf8('\n') }])).message).toMatch(/^No cards could be made from this note\. Cards are made from definitions \("term: definition" or "term - definition" lines, or a bold term\), from questions \("Q: …" with "A: …"\)/);
		expect(refusal(() => notesToBundle([])).notice.code).toBe('notes-none-chosen');
	});
});

describe('notesToBundle: an Obsidian vault whose notes repeat a title', () => {
	const overview = (subject: string) => `# Overview\n\n- **${subject}**: the study of ${subject.toLowerCase()}\n- **Method**: how ${subject.toLowerCase()} is studied\n`;
	const VAULT = {
		'vault/Biology/Overview.md': overview('Biology'),
		'vault/Biology/Cells.md': '# Cells\n\n- **Nucleus**: holds the DNA ![[cell.png]]\n',
		'vault/Chemistry/Overview.md': overview('Chemistry'),
		'vault/attachments/cell.png': PNG
	};
	const read = (files: Record<string, Uint8Array | string>) => notesToBundle([{ name: 'vault.zip', bytes: zip(files) }]).bundle;

	it('names the decks of notes of one title by their folders, as sub-decks, and no other deck', () => {
		const bundle = read(VAULT);
		expect(bundle.decks.map((deck) => [deck.id, deck.name, deck.source])).toEqual([
			['cells', 'Cells', 'Biology/Cells.md'],
			['biology-overview', 'Biology::Overview', 'Biology/Overview.md'],
			['chemistry-overview', 'Chemistry::Overview', 'Chemistry/Overview.md']
		]);
		// A note of a title of its own keeps the deck and the ids it makes alone, images and all.
		expect(bundle.decks[0]).toEqual({ ...generateDeck(VAULT['vault/Biology/Cells.md'], { file: 'Biology/Cells.md' }).deck, cards: expect.any(Array) });
		expect(bundle.decks[0]!.cards.map((card) => card.id)).toEqual(generateDeck(VAULT['vault/Biology/Cells.md'], { file: 'Biology/Cells.md' }).deck.cards.map((card) => card.id));
		expect(bundle.decks[0]!.cards[0]!.images.map((image) => image.src)).toEqual(['cells/Biology/cell.png']);
		expect(bundle.warnings).toEqual([]);
		// The two Overviews' cards of one term are two cards.
		const methods = bundle.decks.slice(1).map((deck) => deck.cards.find((card) => card.front === 'Method')!.id);
		expect(new Set(methods).size).toBe(2);
	});

	it('lands on the same decks and card ids when the vault is imported again', () => {
		const ids = (bundle: ReturnType<typeof read>) => bundle.decks.map((deck) => [deck.id, deck.cards.map((card) => card.id)]);
		expect(ids(read({ ...VAULT, 'vault/Physics/Forces.md': '# Forces\n\n- **Force**: mass times acceleration\n' }))).toEqual([...ids(read(VAULT)), ['forces', expect.any(Array)]]);
	});

	it('takes as much of the path as tells the notes apart; a note at the top keeps its name', () => {
		const bundle = read({
			'Overview.md': overview('Science'),
			'school/Biology/Overview.md': overview('Biology'),
			'work/Biology/Overview.md': overview('Lab biology')
		});
		expect(bundle.decks.map((deck) => deck.name)).toEqual(['Overview', 'school::Biology::Overview', 'work::Biology::Overview']);
	});

	it('still refuses notes of one title in one folder', () => {
		const error = refusal(() => read({ 'Biology/Overview.md': overview('Biology'), 'Biology/Overview copy.md': overview('Biology'), 'Chemistry/Overview.md': overview('Chemistry') }));
		expect(error.notice.code).toBe('notes-same-deck');
		expect(error.message).toMatch(/^Biology\/Overview copy\.md and Biology\/Overview\.md both make the deck "Overview"/);
	});
});

describe('notesToBundle: sounds a note plays', () => {
	// A WAV's first bytes: the file is stored as it is, never decoded.
	const WAV = utf8('RIFF\u0024\u0000\u0000\u0000WAVEfmt ');
	const WORDS = '# 영단어\n\n- **abandon**: 버리다 ![[abandon.wav]]\n- **subtle**: 미묘한 ![발음](audio/subtle.mp3)\n';

	it('stores a sound chosen alongside the note as an image is, and plays it by its stored name', () => {
		const { bundle } = notesToBundle([
			{ name: '영단어.md', bytes: utf8(WORDS) },
			{ name: 'abandon.wav', bytes: WAV },
			// Chosen in a browser, without its folder: found by its name, as an image is.
			{ name: 'subtle.mp3', bytes: WAV }
		]);
		expect(bundle.media.map((file) => [file.name, file.type])).toEqual([
			['영단어/abandon.wav', 'audio/wav'],
			['영단어/audio/subtle.mp3', 'audio/mpeg']
		]);
		expect(bundle.media[0]?.bytes).toEqual(WAV);
		expect(bundle.decks[0]!.cards.map((card) => [card.front, card.back, card.images])).toEqual([
			['abandon', '버리다\n\n[sound:영단어/abandon.wav]', []],
			['subtle', '미묘한\n\n[sound:영단어/audio/subtle.mp3]', []]
		]);
		expect(bundle.warnings).toEqual([]);
	});

	it('finds a sound in a vault’s zip beside its note, or named alone anywhere in the vault', () => {
		const archive = zip({
			'vault/영어/영단어.md': WORDS,
			'vault/attachments/abandon.wav': WAV,
			'vault/영어/audio/subtle.mp3': WAV,
			'vault/other.pdf': '%PDF'
		});
		const { bundle } = notesToBundle([{ name: 'vault.zip', bytes: archive }]);
		expect(bundle.media.map((file) => file.name)).toEqual(['영단어/영어/abandon.wav', '영단어/영어/audio/subtle.mp3']);
		expect(bundle.decks[0]!.cards.map((card) => card.back)).toEqual(['버리다\n\n[sound:영단어/영어/abandon.wav]', '미묘한\n\n[sound:영단어/영어/audio/subtle.mp3]']);
		expect(bundle.warnings.map((warning) => warning.message)).toEqual(['“vault.zip”: 1 file that is not a note, an image or a sound was left out.']);
	});

	it('warns of a sound not among the files, in English and Korean; the card names it as the note does', () => {
		const { bundle } = notesToBundle([
			{ name: '영단어.md', bytes: utf8(WORDS) },
			{ name: 'abandon.wav', bytes: WAV }
		]);
		expect(bundle.decks[0]!.cards[1]!.back).toBe('미묘한\n\n[sound:audio/subtle.mp3]');
		expect(bundle.warnings.map((warning) => warning.message)).toEqual([
			'영단어.md: the sound "audio/subtle.mp3" is not among the imported files; cards say the sound is not available (choose the sound files together with the note, or import the notes folder as a .zip, to bring them along).'
		]);
		expect(importNoticeText('ko', bundle.warnings[0]!)).toBe(
			'“영단어.md”: 가져온 파일 중에 없는 소리 파일이 있어 카드에는 소리를 재생할 수 없다고 표시됩니다: “audio/subtle.mp3”. 소리 파일도 함께 가져오려면 소리 파일을 노트와 함께 선택하거나, 노트 폴더를 .zip으로 묶어 가져오세요.'
		);
	});

	it('plays a sound stored by an earlier import when the note comes again alone', () => {
		const { bundle } = notesToBundle([{ name: '영단어.md', bytes: utf8(WORDS) }], { knownMedia: new Set(['영단어/abandon.wav', '영단어/audio/subtle.mp3']) });
		expect(bundle.media).toEqual([]);
		expect(bundle.decks[0]!.cards.map((card) => card.back)).toEqual(['버리다\n\n[sound:영단어/abandon.wav]', '미묘한\n\n[sound:영단어/audio/subtle.mp3]']);
		expect(bundle.warnings).toEqual([]);
	});

	it('does not guess between two chosen sounds of one name', () => {
		const { bundle } = notesToBundle([
			{ name: '영단어.md', bytes: utf8('# 영단어\n\n- **abandon**: 버리다 ![[abandon.wav]]\n- **subtle**: 미묘한\n') },
			{ name: 'a/Abandon.wav', bytes: WAV },
			{ name: 'b/abandon.WAV', bytes: WAV }
		]);
		expect(bundle.media).toEqual([]);
		expect(bundle.warnings.map((warning) => warning.code)).toEqual(['notes-ambiguous-sounds']);
	});
});
