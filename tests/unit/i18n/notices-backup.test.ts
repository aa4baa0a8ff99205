import { describe, expect, it } from 'vitest';
import { importNoticeText } from '../../../src/lib/i18n/notices';
import { BACKUP_FORMAT, parseBackup } from '../../../src/lib/io/backup';
import { say } from '../../../src/lib/io/notices';
import { backupNotices } from '../../../src/lib/io/notices/backup';
import { DECK_FORMAT, deckFile, type Deck } from '../../../src/lib/notes/deck-format';
import { generateDeck } from '../../../src/lib/notes/generate';
import { refusal } from '../io/refusal';
import { itSaysEverySample, type Samples } from './notice-samples';

const samples: Samples<typeof backupNotices> = {
	'backup-too-large': [{ limitMegabytes: 256 }],
	'backup-empty-file': [],
	'backup-damaged': [],
	'backup-not-json': [],
	'backup-other-format': [{ format: 'anki-export' }],
	'backup-no-format': [],
	'backup-newer-version': [{ what: 'deck file', version: 3, supported: 1 }],
	'backup-invalid': [
		{
			what: 'backup',
			problems: [
				{ where: 'reviews.0.grade', message: 'Invalid input: expected number, received string', kind: 'type', expected: 'number', found: 'text' },
				{ where: 'decks.1.name', message: 'Invalid input: expected string, received undefined', kind: 'type', expected: 'string', found: 'missing' },
				{ where: 'format', message: 'Invalid input: expected "recall-backup"', kind: 'value', allowed: ['"recall-backup"'] },
				{ where: 'reviews.1.kind', message: 'Invalid option', kind: 'value', allowed: ['"new"', '"review"'] },
				{ where: 'decks.0.cards.0.front', message: 'Too small: expected string to have >=1 characters', kind: 'too-small', limit: 1, of: 'text', inclusive: true },
				{ where: 'reviews.2.grade', message: 'Too big: expected number to be <=5', kind: 'too-big', limit: 5, of: 'number', inclusive: true },
				{ where: '', message: 'Unrecognized key: "extra"', kind: 'keys', keys: ['extra'] },
				{ where: 'media.0', message: 'Invalid input', kind: 'other' }
			]
		}
	],
	'backup-deck-twice': [{ what: 'deck file', deck: 'd1' }],
	'backup-card-twice': [{ what: 'backup', card: 'c1' }],
	'backup-card-in-other-deck': [{ what: 'deck file', card: 'c2', listedIn: 'd1', names: 'd2' }],
	'backup-review-twice': [{ what: 'backup', index: 4, review: 'r9' }],
	'backup-review-card-missing': [{ what: 'backup', index: 5, card: 'c3' }],
	'backup-progress-card-missing': [{ what: 'backup', card: 'c4' }],
	'backup-media-twice': [{ index: 1, name: 'a.png' }],
	'backup-media-not-base64': [{ index: 2, name: 'b.png' }]
};

/** Which of Recall's files, and what kind of problem zod found: words each language has its own of. */
const translatedWords = new Set(['what', 'kind', 'expected', 'found', 'of']);

const read = (text: string) => refusal(() => parseBackup(text));

const deck: Deck = generateDeck('## Q\n\none::1\n\ntwo::2\n', { file: 'q.md' }).deck;

describe('backup notices', () => {
	itSaysEverySample(backupNotices, samples, translatedWords);

	it('the formats it names are the ones Recall reads', () => {
		for (const code of ['backup-other-format', 'backup-no-format'] as const) {
			const notice = code === 'backup-no-format' ? say(code) : say(code, { format: 'x' });
			for (const text of [notice.message, importNoticeText('ko', notice)]) {
				expect(text).toContain(BACKUP_FORMAT);
				expect(text).toContain(DECK_FORMAT);
			}
		}
	});

	it('a backup cut short is refused in Korean', () => {
		const text = JSON.stringify({ format: BACKUP_FORMAT, version: 1, decks: [] });
		const error = read(text.slice(0, 40));
		expect(error.notice.code).toBe('backup-damaged');
		expect(importNoticeText('ko', error.notice)).toBe('이 Recall 파일은 손상되었거나 중간에 잘렸습니다. 올바른 JSON이 아닙니다.');
	});

	it('a backup that breaks the format keeps zod’s account in English, and says each problem in Korean', () => {
		const error = read(JSON.stringify({ format: BACKUP_FORMAT, version: 1, app: 'Recall', decks: 'none', progress: 5, reviews: [], media: [] }));
		expect(error.notice).toMatchObject({ code: 'backup-invalid', values: { what: 'backup' } });
		expect(error.message).toBe(
			'The backup is not valid: exportedAt: Invalid input: expected number, received undefined; decks: Invalid input: expected array, received string; progress: Invalid input: expected record, received number.'
		);
		expect(importNoticeText('ko', error.notice)).toBe(
			'백업이 올바르지 않습니다: exportedAt: 값이 없습니다(숫자 필요); decks: 목록 형식이어야 하는데 문자열입니다; progress: 객체 형식이어야 하는데 숫자입니다.'
		);
	});

	it('a deck file with one deck twice says “deck file”, in Korean too', () => {
		const error = read(JSON.stringify(deckFile([deck, { ...deck, cards: [] }])));
		expect(error.notice).toMatchObject({ code: 'backup-deck-twice', values: { what: 'deck file', deck: deck.id } });
		expect(importNoticeText('ko', error.notice)).toBe(`덱 파일이 올바르지 않습니다: ID가 “${deck.id}”인 덱이 두 번 나옵니다.`);
	});

	it('a deck file the deck format refuses is said in Korean, its English as the format says it', () => {
		const newer = read(JSON.stringify({ ...deckFile([deck]), version: 2 }));
		expect(newer.notice).toMatchObject({ code: 'backup-newer-version', values: { what: 'deck file', version: 2 } });
		expect(newer.message).toBe('This deck file is format version 2; this version of Recall reads up to version 1. Update the app to open it.');
		expect(importNoticeText('ko', newer.notice)).toBe('이 덱 파일은 형식 버전 2입니다. 이 버전의 Recall은 버전 1까지만 읽을 수 있습니다. 앱을 업데이트한 뒤 여세요.');

		const [card] = deck.cards as [Deck['cards'][number]];
		const { front: _front, ...withoutFront } = card;
		const noFront = read(JSON.stringify({ ...deckFile([deck]), decks: [{ ...deck, cards: [withoutFront] }] }));
		expect(noFront.message).toBe('The deck file is not valid: decks.0.cards.0.front: Invalid input: expected string, received undefined.');
		expect(importNoticeText('ko', noFront.notice)).toBe('덱 파일이 올바르지 않습니다: decks.0.cards.0.front: 값이 없습니다(문자열 필요).');

		const twice = read(JSON.stringify(deckFile([{ ...deck, cards: [card, card] }])));
		expect(twice.notice).toMatchObject({ code: 'backup-card-twice', values: { what: 'deck file', card: card.id } });
		expect(importNoticeText('ko', twice.notice)).toBe(`덱 파일이 올바르지 않습니다: ID가 “${card.id}”인 카드가 두 번 나옵니다.`);
	});
});
