import { describe, expect, it } from 'vitest';
import '../../../src/lib/i18n/messages-cards';
import '../../../src/lib/i18n/messages-import';
import { countMessage, fillPlaceholders, formatMessage, formatNumber } from '../../../src/lib/i18n/format';
import { LOCALES } from '../../../src/lib/i18n/locale';

describe('formatMessage', () => {
	it('fills in placeholders', () => {
		expect(formatMessage('en', 'cardLine', { line: 12 })).toBe('line 12');
		expect(formatMessage('ko', 'cardLabel', { number: 3 })).toBe('카드 3');
	});

	it('leaves a placeholder without a value as it is', () => {
		expect(fillPlaceholders('en', '{a} and {b}', { a: 'x' })).toBe('x and {b}');
	});
});

describe('countMessage', () => {
	it('picks the singular or plural form by the locale’s rules', () => {
		expect(countMessage('en', 'cards', 1)).toBe('1 card');
		expect(countMessage('en', 'cards', 0)).toBe('0 cards');
		expect(countMessage('en', 'cards', 58)).toBe('58 cards');
		expect(countMessage('ko', 'cards', 1)).toBe('카드 1장');
		expect(countMessage('ko', 'cards', 58)).toBe('카드 58장');
	});

	it('fills in the other placeholders of a counted string', () => {
		expect(countMessage('en', 'importPreviewRetired', 1, { deck: 'AWS' })).toBe('AWS: 1 card is gone from the note and will be retired (its review history is kept).');
		expect(countMessage('en', 'importPreviewRetired', 2, { deck: 'AWS' })).toBe('AWS: 2 cards are gone from the note and will be retired (their review history is kept).');
		expect(countMessage('en', 'importPreviewRestored', 1, { deck: 'AWS' })).toBe('AWS: 1 card that was retired or deleted comes back, with its review history.');
		expect(countMessage('en', 'importDoneDeck', 1, { deck: 'Pics' })).toBe('Pics: 1 card');
		expect(countMessage('en', 'importPreviewReviews', 1)).toBe('Review history: 1 new answer');
		expect(countMessage('en', 'importStoredCount', 1, { done: 0 })).toBe('0 of 1 card or review saved');
		expect(countMessage('ko', 'importPreviewRetired', 1, { deck: 'AWS' })).toBe('AWS: 노트에서 사라진 카드 1장은 보관됩니다(학습 기록은 유지).');
		// `values` cannot set the count itself.
		expect(countMessage('en', 'importDoneDeck', 3, { deck: 'Pics', count: 1 })).toBe('Pics: 3 cards');
	});

	it('asks about one card as one card, and about several as several', () => {
		const question = (locale: 'en' | 'ko', count: number) =>
			`${countMessage(locale, 'confirmDeleteTitle', count)} ${countMessage(locale, 'confirmDeleteText', count)}`;
		expect(question('en', 1)).toBe(
			'Delete 1 card? It leaves its deck, the browser and every study session. Its review history is kept, and your statistics still count it.'
		);
		expect(question('en', 2)).toBe(
			'Delete 2 cards? They leave their deck, the browser and every study session. Their review history is kept, and your statistics still count it.'
		);
		expect(countMessage('en', 'confirmResetText', 1)).toMatch(/^It becomes a new card again\. Its review history/);
		expect(countMessage('en', 'confirmResetText', 3)).toMatch(/^They become new cards again\. Their review history/);
		expect(question('ko', 1)).toBe('카드 1장을 삭제할까요? 덱과 카드 찾기, 모든 학습에서 빠집니다. 복습 기록은 남고, 통계에도 계속 반영됩니다.');
	});

	it('writes large counts the locale’s way', () => {
		expect(countMessage('en', 'cards', 1234)).toBe('1,234 cards');
	});
});

describe('formatNumber', () => {
	it('writes every number as the locale does, with or without ICU', () => {
		const samples = [0, 1, 7, 42, 999, 1000, 1001, 12_345, 1_000_000, -1, -999, -1000, 0.5, 2.75, 999.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY];
		for (let value = 0; value < 1200; value++) samples.push(value);
		for (const locale of LOCALES) for (const value of samples) expect(formatNumber(locale, value), `${locale} ${value}`).toBe(value.toLocaleString(locale));
	});

	it('groups thousands the locale’s way in a message', () => {
		expect(fillPlaceholders('en', '{n} cards', { n: 12_345 })).toBe('12,345 cards');
		expect(fillPlaceholders('ko', '카드 {n}장', { n: 1_234_567 })).toBe('카드 1,234,567장');
	});
});
