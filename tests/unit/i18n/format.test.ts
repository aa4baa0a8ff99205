import { describe, expect, it } from 'vitest';
import { countMessage, fillPlaceholders, formatMessage } from '../../../src/lib/i18n/format';

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

	it('writes large counts the locale’s way', () => {
		expect(countMessage('en', 'cards', 1234)).toBe('1,234 cards');
	});
});
