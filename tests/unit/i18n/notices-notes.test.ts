import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importNoticeText } from '../../../src/lib/i18n/notices';
import { noteWarningKo } from '../../../src/lib/i18n/notices/note-warnings';
import { parseDelimited } from '../../../src/lib/io/delimited';
import { notesToBundle } from '../../../src/lib/io/markdown-notes';
import { say } from '../../../src/lib/io/notices';
import { notesNotices } from '../../../src/lib/io/notices/notes';
import { noteWarnings, sayNote } from '../../../src/lib/notes/warnings';
import { refusal } from '../io/refusal';
import { expectKoreanOf, itSaysEverySample, type Samples } from './notice-samples';

const utf8 = (text: string) => new TextEncoder().encode(text);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const noteSamples: Samples<typeof noteWarnings> = {
	'note-too-large': [{ megabytes: 40.5, limit: 32 }],
	'note-not-utf16': [],
	'note-binary': [],
	'note-not-utf8': [],
	'note-read-as-utf16': [],
	'note-read-as-euc-kr': [],
	'note-front-matter-not-yaml': [{ reason: 'Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 7' }],
	'note-front-matter-not-fields': [],
	'note-front-matter-deck-not-name': [],
	'note-front-matter-cards-unknown': [{ value: 'sometimes' }],
	'note-front-matter-unclosed': [],
	'note-lists-flattened': [{ levels: 16 }],
	'note-image-on-no-card': [{ image: '리전 지도' }],
	'note-sound-on-no-card': [{ sound: '발음.m4a' }],
	'note-table-row-on-no-card': [{ row: '일 | 하나' }],
	'note-code-on-no-card': [{ code: 'SELECT * FROM t;' }],
	'note-more-on-no-card': [{ count: 5 }],
	'note-passage-too-long': [{ passage: '페이지 교체 알고리즘은 물리…', heading: '페이지 교체', limit: 600 }],
	'note-callout-on-no-card': [{ callout: '시험 포인트' }],
	'note-embed-left-out': [{ note: 'DNS 동작 과정' }],
	'note-deck-name-taken': [{ name: 'AWS 기초', keptBy: 'decks/AWS-기초.md', renamed: 'AWS 기초 (AWS-기초-2)' }],
	'note-empty': [],
	'note-no-cards': [],
	'note-repeated-question': [{ question: '가용 영역' }],
	'note-more-repeated-questions': [{ count: 7 }]
};

const binary = sayNote('note-binary');
const notASample = say('notes-not-a-note', { name: 'slides.pdf' });
const unreadable = say('notes-note-unreadable', { path: 'image.md', reason: binary });

const samples: Samples<typeof notesNotices> = {
	'notes-none-chosen': [],
	'notes-not-a-note': [{ name: 'slides.pdf' }],
	'notes-zip-without-notes': [{ name: 'pics.zip' }],
	'notes-zip-unreadable': [{ name: 'notes.zip', reason: say('notes-zip-without-notes', { name: 'inner.zip' }) }],
	'notes-zip-other-files': [{ name: 'notes.zip', count: 3 }],
	'notes-note-unreadable': [{ path: 'sql/joins.md', reason: sayNote('note-not-utf8') }],
	'notes-note-decoded': [{ path: '메모.md', warning: sayNote('note-read-as-euc-kr') }],
	'notes-note-warning': [{ path: 'aws/기초.md', line: 12, warning: sayNote('note-repeated-question', { question: '리전' }) }],
	'notes-missing-images': [{ path: 'aws.md', images: ['img/a.png', 'img/b.png'], more: 4 }],
	'notes-ambiguous-images': [{ path: '생물.md', images: ['a.png', '빨강.png'] }],
	'notes-missing-sounds': [{ path: '단어.md', sounds: ['audio/abandon.mp3', '발음.m4a'], more: 1 }],
	'notes-ambiguous-sounds': [{ path: '단어.md', sounds: ['발음.m4a'] }],
	'notes-same-deck': [
		{
			conflicts: [
				{ first: 'a/sql.md', second: 'b/sql.md', deck: 'SQL' },
				{ first: 'x.md', second: 'y.md', deck: '네트워크' }
			]
		}
	],
	'notes-files-refused': [{ problems: [notASample, unreadable] }],
	'notes-no-cards': [{ from: 'these-files', read: true, problems: [unreadable] }],
	'notes-skipped': [{ problem: unreadable }],
	'notes-text-file-unreadable': [{ reason: binary }],
	'notes-text-file-decoded': [{ warning: sayNote('note-read-as-utf16') }]
};

describe('the notes generator’s notices (notes/warnings.ts)', () => {
	for (const [code, sample] of Object.entries(noteSamples)) {
		it(code, () => {
			const english = (noteWarnings[code as keyof typeof noteWarnings] as (values: unknown) => string)(sample[0]);
			const notice = (sayNote as (code: string, ...values: unknown[]) => ReturnType<typeof sayNote>)(code, ...sample);
			expect(notice.message).toBe(english);
			expectKoreanOf(notice, noteWarningKo(notice));
			// Quoted by an import notice, the way the importer puts it.
			const quoted = say('notes-note-warning', { path: 'a.md', line: 3, warning: notice });
			expect(quoted.message).toBe(`a.md, line 3: ${english}.`);
			expect(importNoticeText('ko', quoted)).toBe(`“a.md” 3번째 줄: ${noteWarningKo(notice)}.`);
		});
	}
});

describe('the generator’s counts of more warnings', () => {
	it('say one as one, and more as more', () => {
		expect(sayNote('note-more-on-no-card', { count: 1 }).message).toBe('1 more table row or code block is on no card');
		expect(sayNote('note-more-on-no-card', { count: 2 }).message).toBe('2 more table rows and code blocks are on no card');
		expect(sayNote('note-more-repeated-questions', { count: 1 }).message).toBe('1 more card repeats a question and answer given above under the same heading');
		expect(sayNote('note-more-repeated-questions', { count: 3 }).message).toBe('3 more cards repeat a question and answer given above under the same heading');
	});
});

describe('the notes importer’s notices (io/notices/notes.ts)', () => {
	// `from` is an enumeration: it chooses the words, and is not shown.
	itSaysEverySample(notesNotices, samples, new Set(['from']));

	it('says one missing image, and more than the five listed, in each language', () => {
		const one = say('notes-missing-images', { path: 'a.md', images: ['x.png'], more: 0 });
		expect(one.message).toMatch(/^a\.md: the image "x\.png" is not among/);
		expect(importNoticeText('ko', one)).not.toContain('외');
		const many = say('notes-missing-images', { path: 'a.md', images: ['1.png', '2.png', '3.png', '4.png', '5.png'], more: 2 });
		expect(many.message).toMatch(/"5\.png" and 2 more are not among/);
		expect(importNoticeText('ko', many)).toContain('“5.png” 외 2개');
	});

	it('survives structured clone with the notices it quotes', () => {
		const notice = say('notes-files-refused', { problems: [notASample, unreadable] });
		const cloned = structuredClone(notice);
		expect(cloned).toEqual(notice);
		expect(importNoticeText('ko', cloned)).toBe(importNoticeText('ko', notice));
	});
});

describe('real input, in Korean', () => {
	it('a Korean note whose front matter is broken: the warning names the file and the line', () => {
		const note = '---\ndeck: [네트워크\n---\n\n## 기본 개념\n\n- **리전**: AWS 서비스가 운영되는 지역\n';
		const { bundle } = notesToBundle([{ name: 'aws/네트워크.md', bytes: utf8(note) }]);
		expect(bundle.decks).toHaveLength(1);
		const warning = bundle.warnings.find((notice) => notice.code === 'notes-note-warning');
		expect(warning?.message).toMatch(/^aws\/네트워크\.md, line 1: the front matter is not valid YAML, so it was read as text \(.+\)\.$/);
		const korean = importNoticeText('ko', warning!);
		expect(korean).toMatch(/^“aws\/네트워크\.md” 1번째 줄: front matter가 올바른 YAML이 아니어서 본문으로 읽었습니다\(.+\)\.$/);
		// The YAML library's reason is shown as it is.
		const reason = (warning!.values as { warning: { values: { reason: string } } }).warning.values.reason;
		expect(reason.length).toBeGreaterThan(0);
		expect(korean).toContain(reason);
	});

	it('an unclosed front matter, in a note read among others', () => {
		const { bundle } = notesToBundle([{ name: '메모.md', bytes: utf8('---\ndeck: 메모\n\n## 질문\n\n- **용어**: 정의\n') }]);
		expect(bundle.warnings.map((notice) => importNoticeText('ko', notice))).toEqual([
			'“메모.md” 1번째 줄: 노트가 "---"로 시작하지만 front matter를 닫는 "---" 줄이 없어서 본문으로 읽었습니다.'
		]);
	});

	it('a binary file refused as a note', () => {
		const error = refusal(() => notesToBundle([{ name: '그림.md', bytes: PNG }]));
		expect(error.notice.code).toBe('notes-note-unreadable');
		expect(error.message).toBe('그림.md is not a text file (it contains binary data).');
		expect(importNoticeText('ko', error.notice)).toBe('“그림.md” 파일은 텍스트 파일이 아닙니다(바이너리 데이터가 들어 있습니다).');
	});

	it('several bad files refused at once, each named in Korean', () => {
		const error = refusal(() =>
			notesToBundle([
				{ name: '그림.md', bytes: PNG },
				{ name: 'slides.pdf', bytes: utf8('%PDF') },
				{ name: 'pics.zip', bytes: zipSync({ 'a.png': PNG }) }
			])
		);
		expect(error.notice.code).toBe('notes-files-refused');
		expect(importNoticeText('ko', error.notice)).toBe(
			'파일 3개를 가져올 수 없습니다: “slides.pdf” 파일은 노트도, 노트를 묶은 zip도 아닙니다(Recall은 .md, .markdown, .txt, .zip 파일을 읽습니다). ' +
				'“pics.zip” 파일에는 노트(.md, .markdown, .txt 파일)가 없습니다. ' +
				'“그림.md” 파일은 텍스트 파일이 아닙니다(바이너리 데이터가 들어 있습니다).'
		);
	});

	it('a skipped file and an EUC-KR note, as warnings', () => {
		// "# 리전\n\n- **가용 영역**: 데이터 센터" in EUC-KR, made by hand: TextEncoder only writes UTF-8.
		const euckr = new Uint8Array([0x23, 0x20, 0xb8, 0xae, 0xc0, 0xfc, 0x0a, 0x0a, 0x2d, 0x20, 0x2a, 0x2a, 0xb0, 0xa1, 0xbf, 0xeb, 0x2a, 0x2a, 0x3a, 0x20, 0x41]);
		const { bundle } = notesToBundle(
			[
				{ name: '리전.md', bytes: euckr },
				{ name: '그림.md', bytes: PNG }
			],
			{ skipUnreadable: true }
		);
		expect(bundle.warnings.map((notice) => importNoticeText('ko', notice))).toEqual([
			'건너뜀: “그림.md” 파일은 텍스트 파일이 아닙니다(바이너리 데이터가 들어 있습니다).',
			'“리전.md” 파일은 EUC-KR로 읽었습니다(올바른 UTF-8이 아닙니다).'
		]);
	});

	it('a binary file refused as a CSV file', () => {
		const error = refusal(() => parseDelimited(PNG));
		expect(error.notice.code).toBe('notes-text-file-unreadable');
		expect(error.message).toBe('This file is not a text file (it contains binary data).');
		expect(importNoticeText('ko', error.notice)).toBe('이 파일은 텍스트 파일이 아닙니다(바이너리 데이터가 들어 있습니다).');
	});
});
