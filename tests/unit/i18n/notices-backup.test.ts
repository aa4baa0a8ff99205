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
	'backup-newer-version': [{ version: 3, supported: 1 }],
	'backup-invalid': [{ what: 'backup', details: 'reviews.0.grade: Invalid input' }],
	'backup-deck-twice': [{ what: 'deck file', deck: 'd1' }],
	'backup-card-twice': [{ what: 'backup', card: 'c1' }],
	'backup-card-in-other-deck': [{ what: 'deck file', card: 'c2', listedIn: 'd1', names: 'd2' }],
	'backup-review-twice': [{ what: 'backup', index: 4, review: 'r9' }],
	'backup-review-card-missing': [{ what: 'backup', index: 5, card: 'c3' }],
	'backup-progress-card-missing': [{ what: 'backup', card: 'c4' }],
	'backup-media-twice': [{ index: 1, name: 'a.png' }],
	'backup-media-not-base64': [{ index: 2, name: 'b.png' }],
	'backup-deck-file-refused': [{ reason: 'The deck file is not valid: card id "x" appears twice.' }]
};

/** Which of Recall's files: a word each language has its own of. */
const translatedWords = new Set(['what']);

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

	it('a backup that breaks the format keeps zod’s account, in both languages', () => {
		const error = read(JSON.stringify({ format: BACKUP_FORMAT, version: 1, exportedAt: 0, app: 'Recall', decks: 'none', progress: {}, reviews: [], media: [] }));
		expect(error.notice).toMatchObject({ code: 'backup-invalid', values: { what: 'backup' } });
		const details = (error.notice.values as { details: string }).details;
		expect(details).toMatch(/^decks: /);
		expect(importNoticeText('ko', error.notice)).toBe(`백업이 올바르지 않습니다: ${details}.`);
	});

	it('a deck file with one deck twice says “deck file”, in Korean too', () => {
		const error = read(JSON.stringify(deckFile([deck, { ...deck, cards: [] }])));
		expect(error.notice).toMatchObject({ code: 'backup-deck-twice', values: { what: 'deck file', deck: deck.id } });
		expect(importNoticeText('ko', error.notice)).toBe(`덱 파일이 올바르지 않습니다: ID가 “${deck.id}”인 덱이 두 번 나옵니다.`);
	});

	it('a deck file the deck format refuses keeps its sentence as the reason', () => {
		const error = read(JSON.stringify({ ...deckFile([deck]), version: 2 }));
		expect(error.notice.code).toBe('backup-deck-file-refused');
		expect(error.message).toMatch(/^This deck file is format version 2;/);
		expect(importNoticeText('ko', error.notice)).toBe(`덱 파일을 읽을 수 없습니다: ${error.message}`);
	});
});
