import { describe, expect, it } from 'vitest';
import '../../../src/lib/i18n/messages-cards';
import '../../../src/lib/i18n/messages-import';
import { countMessage, formatMessage } from '../../../src/lib/i18n/format';
import { countedParts, messageParts, partsText, templateParts } from '../../../src/lib/i18n/message-parts';

describe('messageParts', () => {
	it('puts the content apart from the app’s words, on whichever side of them the language puts it', () => {
		expect(messageParts('en', 'homeStudyDeck', { deck: 'AWS 기초' })).toEqual([
			{ kind: 'words', text: 'Study ' },
			{ kind: 'content', text: 'AWS 기초', lang: 'ko' }
		]);
		expect(messageParts('ko', 'homeStudyDeck', { deck: 'AWS 기초' })).toEqual([
			{ kind: 'content', text: 'AWS 기초', lang: 'ko' },
			{ kind: 'words', text: ' 학습' }
		]);
		expect(messageParts('en', 'deckDeleteTitle', { deck: 'AWS 기초' })).toEqual([
			{ kind: 'words', text: 'Delete the deck “' },
			{ kind: 'content', text: 'AWS 기초', lang: 'ko' },
			{ kind: 'words', text: '”?' }
		]);
	});

	it('splits import’s Study and done lines where the deck goes, in either language’s order', () => {
		expect(messageParts('en', 'importStudyDeck', { deck: 'AWS' }).map((part) => part.text)).toEqual(['Study ', 'AWS']);
		expect(messageParts('ko', 'importStudyDeck', { deck: 'AWS' }).map((part) => part.text)).toEqual(['AWS', ' 학습']);
		expect(countedParts('ko', 'importDoneDeck', 6, { deck: 'AWS' }).map((part) => part.text)).toEqual(['AWS', ': 카드 6장']);
	});

	it('marks each piece of content with its own language under the interface’s', () => {
		expect(messageParts('ko', 'homeStudyDeck', { deck: 'Biology' })[0]).toEqual({ kind: 'content', text: 'Biology', lang: 'en' });
		expect(messageParts('en', 'homeStudyDeck', { deck: 'Biology' })[1]).toEqual({ kind: 'content', text: 'Biology', lang: undefined });
	});

	it('says what formatMessage says, content repeated where the message repeats it', () => {
		const content = { from: 'AWS', to: 'AWS 기초' };
		const parts = countedParts('en', 'importPreviewRenamed', 2, content);
		expect(partsText(parts)).toBe(countMessage('en', 'importPreviewRenamed', 2, content));
		expect(parts.filter((part) => part.kind === 'content').map((part) => [part.text, part.kind === 'content' && part.lang])).toEqual([
			['AWS', undefined],
			['AWS 기초', 'ko'],
			['AWS', undefined]
		]);
		expect(partsText(messageParts('ko', 'newDeckExists', { name: '한국어' }))).toBe(formatMessage('ko', 'newDeckExists', { name: '한국어' }));
	});

	it('fills the other placeholders as formatMessage does, numbers the locale’s way', () => {
		expect(countedParts('en', 'importDoneDeck', 1200, { deck: '한국어' })).toEqual([
			{ kind: 'content', text: '한국어', lang: 'ko' },
			{ kind: 'words', text: ': 1,200 cards' }
		]);
		expect(messageParts('en', 'newDeckFailed', {}, { message: 'disk full' })).toEqual([{ kind: 'words', text: formatMessage('en', 'newDeckFailed', { message: 'disk full' }) }]);
	});

	it('never reads content as a placeholder, and keeps a placeholder given nothing as written', () => {
		expect(templateParts('en', 'Study {deck}', { deck: '{count}' }, { count: 3 })).toEqual([
			{ kind: 'words', text: 'Study ' },
			{ kind: 'content', text: '{count}', lang: undefined }
		]);
		expect(partsText(templateParts('en', '{a} and {b}', { a: 'x' }))).toBe('x and {b}');
		expect(templateParts('en', '{deck}{deck}', { deck: 'A' })).toEqual([
			{ kind: 'content', text: 'A', lang: undefined },
			{ kind: 'content', text: 'A', lang: undefined }
		]);
	});
});
