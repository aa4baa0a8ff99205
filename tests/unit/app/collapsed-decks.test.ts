// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { COLLAPSED_DECKS_KEY, readCollapsedDecks, writeCollapsedDecks } from '../../../src/lib/app/collapsed-decks';

afterEach(() => localStorage.clear());

describe('collapsed parent decks', () => {
	it('are kept across loads by their name paths, Korean ones too', () => {
		expect(readCollapsedDecks()).toEqual(new Set());
		writeCollapsedDecks(new Set(['Languages::Korean', '한국어']));
		expect(readCollapsedDecks()).toEqual(new Set(['Languages::Korean', '한국어']));
	});

	it('leave nothing behind once none is collapsed', () => {
		writeCollapsedDecks(new Set(['A']));
		writeCollapsedDecks(new Set());
		expect(localStorage.getItem(COLLAPSED_DECKS_KEY)).toBeNull();
	});

	it('read as none from what is not a list of names', () => {
		for (const kept of ['{', '"A"', '{"A":1}']) {
			localStorage.setItem(COLLAPSED_DECKS_KEY, kept);
			expect(readCollapsedDecks()).toEqual(new Set());
		}
		localStorage.setItem(COLLAPSED_DECKS_KEY, '["A", 3, null]');
		expect(readCollapsedDecks()).toEqual(new Set(['A']));
	});
});
