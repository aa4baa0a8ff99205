import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/lib/app/save-file';

const NOW = new Date(2026, 10, 26, 12);

describe('exportFileName', () => {
	it('names a file by its deck and the day', () => {
		expect(exportFileName('AWS 기초', 'apkg', NOW)).toBe('AWS 기초 2026-11-26.apkg');
		expect(exportFileName('a/b: "c"?', 'csv', NOW)).toBe('a b c 2026-11-26.csv');
		expect(exportFileName('  ', 'json', NOW)).toBe('Recall 2026-11-26.json');
	});

	it('tells apart two files of one deck with the same extension by their kind, kept after a long name is cut', () => {
		const withProgress = exportFileName('AWS 기초', 'json', NOW, 'with progress');
		const cardsOnly = exportFileName('AWS 기초', 'json', NOW, 'cards only');
		expect([withProgress, cardsOnly]).toEqual(['AWS 기초 (with progress) 2026-11-26.json', 'AWS 기초 (cards only) 2026-11-26.json']);
		expect(exportFileName('AWS 기초', 'json', NOW, '학습 기록 포함')).toBe('AWS 기초 (학습 기록 포함) 2026-11-26.json');
		expect(exportFileName('x'.repeat(200), 'json', NOW, 'cards only')).toBe(`${'x'.repeat(80)} (cards only) 2026-11-26.json`);
		expect(exportFileName('AWS', 'json', NOW, 'a/b')).toBe('AWS (a b) 2026-11-26.json');
	});
});
